/*
 * cmd_report.c -- `dragoman report`: the main job's answer in one page. The stories of the
 * store, and for each story told in several versions, how the versions line up and what each
 * says that the other leaves out: sentences without a counterpart, numbers and names on one
 * side only, passages whose lengths disagree.
 */
#include "cli.h"
#include "cli_align.h"

#include <jansson.h>

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman report [--db PATH] [--json]\n\n"
    "The stories found by 'dragoman link'; for each story told in several versions, each version\n"
    "is aligned sentence by sentence with a reference version (English when there is one) and\n"
    "the differences are listed: sentences only one version has, numbers and names on one side\n"
    "only, passages whose lengths disagree. Then the documents that stand alone.\n"
    "--json: a JSON object a line, one a story (documents alone as stories of one version):\n"
    "{story, alone, reference, versions: [{id, lang, title, sentences}], pairs: [{version,\n"
    "sentences, aligned_blocks, only_in_version: [{index, text}], only_in_reference,\n"
    "numbers_only_in_version, numbers_only_in_reference, names_only_in_version,\n"
    "names_only_in_reference, length_disagreements}]}.\n";

/* Print a sentence cut to about 90 characters. */
static void print_cut(const char *t, size_t n)
{
    size_t cut = n, chars = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80 && ++chars > 90) {
            cut = i;
            break;
        }
    printf("%.*s%s", (int)cut, t, cut < n ? "…" : "");
}

/* The sentences the diff reports as only in one version (its items name their blocks). */
static void print_only(const cli_sents *s, const dm_align_block *b, const dm_diff_report *d, int side,
                       const char *lang)
{
    size_t count = side ? d->tgt_only : d->src_only;
    if (!count)
        return;
    printf("    only in %s (%zu sentence%s):\n", lang, count, count == 1 ? "" : "s");
    size_t shown = 0;
    dm_diff_kind kind = side ? DM_DIFF_TGT_ONLY : DM_DIFF_SRC_ONLY;
    for (size_t q = 0; q < d->n; q++) {
        if (d->items[q].kind != kind)
            continue;
        size_t k = d->items[q].block;
        size_t n = side ? b[k].tgt_n : b[k].src_n;
        size_t start = side ? b[k].tgt_start : b[k].src_start;
        for (size_t i = start; i < start + n; i++) {
            if (shown++ == 4) {
                printf("      …\n");
                return;
            }
            printf("      [%zu] ", i);
            print_cut(s->text[i], s->len[i]);
            putchar('\n');
        }
    }
}

static void print_words(const dm_diff_report *d, dm_diff_kind kind, int side, const char *what,
                        const char *lang)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (d->items[i].kind != kind || d->items[i].side != side)
            continue;
        if (n == 12) {
            printf(", …");
            break;
        }
        if (n++ == 0)
            printf("    %s only in %s: ", what, lang);
        else
            printf(", ");
        printf("%s", d->items[i].what);
    }
    if (n)
        putchar('\n');
}

/* A version aligned with its story's reference, and what differs. */
typedef struct pair_diff {
    cli_sents sa, sb;
    dm_align_block *blocks;
    size_t nb;
    dm_diff_report *d;
} pair_diff;

static void pair_free(pair_diff *p)
{
    dm_diff_free(p->d);
    free(p->blocks);
    cli_sents_free(&p->sa);
    cli_sents_free(&p->sb);
}

/* Align version a against reference b (both stored) and find what differs. */
static int pair_compute(dm_ctx *ctx, dm_store *st, const cli_story_row *a, const cli_story_row *b, pair_diff *p)
{
    memset(p, 0, sizeof *p);
    if (cli_load_stored_sents(st, a->id, &p->sa) || cli_load_stored_sents(st, b->id, &p->sb)) {
        pair_free(p);
        return -1;
    }
    dm_align_opts opt = {.src_lang = a->lang, .tgt_lang = b->lang};
    dm_status s = dm_align(ctx, &opt, p->sa.text, p->sa.len, p->sa.n, p->sb.text, p->sb.len, p->sb.n, &p->blocks,
                           &p->nb);
    if (!s)
        s = dm_diff_langs(ctx, a->lang, b->lang, p->sa.text, p->sa.len, p->sa.n, p->sb.text, p->sb.len, p->sb.n,
                          p->blocks, p->nb, &p->d);
    if (s) {
        pair_free(p);
        return -1;
    }
    return 0;
}

static size_t matched_blocks(const pair_diff *p)
{
    size_t matched = 0;
    for (size_t k = 0; k < p->nb; k++)
        matched += p->blocks[k].src_n && p->blocks[k].tgt_n;
    return matched;
}

static void pair_print(const pair_diff *p, const cli_story_row *a, const cli_story_row *b)
{
    const dm_diff_report *d = p->d;
    const char *la = a->lang ? a->lang : "und", *lb = b->lang ? b->lang : "und";
    printf("  %s %s  vs  %s %s: %zu and %zu sentences, %zu aligned blocks\n", la, a->id, lb, b->id, p->sa.n,
           p->sb.n, matched_blocks(p));
    print_only(&p->sa, p->blocks, d, 0, la);
    print_only(&p->sb, p->blocks, d, 1, lb);
    print_words(d, DM_DIFF_NUMBER, 0, "numbers", la);
    print_words(d, DM_DIFF_NUMBER, 1, "numbers", lb);
    print_words(d, DM_DIFF_NAME, 0, "names", la);
    print_words(d, DM_DIFF_NAME, 1, "names", lb);
    if (d->length)
        printf("    %zu passage%s whose lengths disagree beyond the usual %s/%s ratio\n", d->length,
               d->length == 1 ? "" : "s", lb, la);
    if (!d->src_only && !d->tgt_only && !d->numbers && !d->names && !d->length)
        printf("    no difference found\n");
}

/* The sentences of one side that have no counterpart: [{"index", "text"}...]. */
static json_t *json_only(const cli_sents *s, const pair_diff *p, int side)
{
    json_t *arr = json_array();
    dm_diff_kind kind = side ? DM_DIFF_TGT_ONLY : DM_DIFF_SRC_ONLY;
    for (size_t q = 0; arr && q < p->d->n; q++) {
        if (p->d->items[q].kind != kind)
            continue;
        const dm_align_block *b = &p->blocks[p->d->items[q].block];
        size_t n = side ? b->tgt_n : b->src_n;
        size_t start = side ? b->tgt_start : b->src_start;
        for (size_t i = start; i < start + n; i++)
            if (json_array_append_new(arr, json_pack("{s:I, s:s%}", "index", (json_int_t)i, "text", s->text[i],
                                                     s->len[i]))) {
                json_decref(arr);
                return NULL;
            }
    }
    return arr;
}

static json_t *json_words(const dm_diff_report *d, dm_diff_kind kind, int side)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < d->n; i++)
        if (d->items[i].kind == kind && d->items[i].side == side &&
            json_array_append_new(arr, json_string(d->items[i].what))) {
            json_decref(arr);
            return NULL;
        }
    return arr;
}

static json_t *pair_json(const pair_diff *p, const cli_story_row *a)
{
    const dm_diff_report *d = p->d;
    return json_pack("{s:s, s:I, s:I, s:o*, s:o*, s:o*, s:o*, s:o*, s:o*, s:I}", "version", a->id, "sentences",
                     (json_int_t)p->sa.n, "aligned_blocks", (json_int_t)matched_blocks(p), "only_in_version",
                     json_only(&p->sa, p, 0), "only_in_reference", json_only(&p->sb, p, 1),
                     "numbers_only_in_version", json_words(d, DM_DIFF_NUMBER, 0), "numbers_only_in_reference",
                     json_words(d, DM_DIFF_NUMBER, 1), "names_only_in_version", json_words(d, DM_DIFF_NAME, 0),
                     "names_only_in_reference", json_words(d, DM_DIFF_NAME, 1), "length_disagreements",
                     (json_int_t)d->length);
}

static json_t *version_json(const cli_story_row *v)
{
    return json_pack("{s:s, s:s?, s:s?, s:I}", "id", v->id, "lang", v->lang, "title", v->title, "sentences",
                     (json_int_t)v->n_sentences);
}

/* One story as a JSON line: its versions, its reference, and each other version's differences. */
static int story_json(dm_ctx *ctx, dm_store *st, const cli_story_rows *r, size_t i, size_t j, size_t ref)
{
    json_t *versions = json_array(), *pairs = json_array();
    int rc = versions && pairs ? 0 : -1;
    for (size_t k = i; !rc && k < j; k++)
        rc = json_array_append_new(versions, version_json(&r->v[k]));
    for (size_t k = i; !rc && k < j; k++) {
        if (k == ref)
            continue;
        pair_diff p;
        if (pair_compute(ctx, st, &r->v[k], &r->v[ref], &p))
            rc = -1;
        else {
            rc = json_array_append_new(pairs, pair_json(&p, &r->v[k]));
            pair_free(&p);
        }
    }
    json_t *o = NULL;
    if (!rc) {
        /* a document not linked yet has no story number */
        json_t *number = r->v[i].story < 0 ? json_null() : json_integer((json_int_t)r->v[i].story);
        o = json_pack("{s:o, s:b, s:s, s:O, s:O}", "story", number, "alone", j - i == 1, "reference",
                      r->v[ref].id, "versions", versions, "pairs", pairs);
        char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
        if (line)
            puts(line);
        else
            rc = -1;
        free(line);
    }
    json_decref(o);
    json_decref(versions);
    json_decref(pairs);
    return rc;
}

/* English when the story has it: most readers' reference; else its first version. */
static size_t reference_of(const cli_story_rows *r, size_t i, size_t j)
{
    for (size_t k = i; k < j; k++)
        if (r->v[k].lang && !strcmp(r->v[k].lang, "en"))
            return k;
    return i;
}

int cmd_report(int argc, char **argv)
{
    const char *db = dm_store_default_path();
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(help, stdout);
            return EXIT_OK;
        } else if (!strcmp(argv[i], "--json")) {
            json = 1;
        } else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
            db = argv[++i];
        } else {
            return cli_usage("report", "unknown option or operand '%s'", argv[i]);
        }
    }
    dm_ctx *ctx;
    dm_store *st;
    int rc;
    if ((rc = cli_open_store("report", db, 1, &ctx, &st)))
        return rc;
    cli_story_rows r;
    dm_status s = cli_story_rows_load(st, &r);
    if (s) {
        rc = cli_fail(ctx, "report", s, db);
        return cli_close_store("report", ctx, st, rc);
    }
    size_t stories = 0;
    for (size_t i = 0; i < r.n && !rc;) {
        size_t j = i;
        while (j < r.n && r.v[j].story == r.v[i].story)
            j++;
        int alone = r.v[i].story < 0 || j - i == 1;
        size_t ref = reference_of(&r, i, j);
        if (json) {
            /* every document, a line a story: lone ones as stories of one version */
            for (size_t k = i; k < j && alone && !rc; k++)
                if (story_json(ctx, st, &r, k, k + 1, k))
                    rc = cli_fail(ctx, "report", DM_ESTORE, r.v[k].id);
            if (!alone && story_json(ctx, st, &r, i, j, ref))
                rc = cli_fail(ctx, "report", DM_ESTORE, r.v[i].id);
        } else if (!alone) {
            stories++;
            cli_print_story_head(&r, i, j, (size_t)r.v[i].story);
            for (size_t k = i; k < j && !rc; k++) {
                pair_diff p;
                if (k == ref)
                    continue;
                if (pair_compute(ctx, st, &r.v[k], &r.v[ref], &p))
                    rc = cli_fail(ctx, "report", DM_ESTORE, r.v[k].id);
                else {
                    pair_print(&p, &r.v[k], &r.v[ref]);
                    pair_free(&p);
                }
            }
            putchar('\n');
        }
        i = j;
    }
    if (!rc && !json)
        cli_print_alone(&r, stories);
    cli_story_rows_free(&r);
    return cli_close_store("report", ctx, st, rc);
}
