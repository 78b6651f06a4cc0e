/*
 * cmd_report.c -- `dragoman report`: the main job's answer in one page. The stories of the
 * store, and for each story told in several versions, how the versions line up and what each
 * says that the other leaves out: sentences without a counterpart, numbers and names on one
 * side only, passages whose lengths disagree.
 */
#include "cli.h"
#include "cli_align.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman report [--db PATH]\n\n"
    "The stories found by 'dragoman link'; for each story told in several versions, each version\n"
    "is aligned sentence by sentence with a reference version (English when there is one) and\n"
    "the differences are listed: sentences only one version has, numbers and names on one side\n"
    "only, passages whose lengths disagree. Then the documents that stand alone.\n";

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

static void print_only(const cli_sents *s, const dm_align_block *b, size_t nb, int side,
                       const char *lang, size_t count)
{
    if (!count)
        return;
    printf("    only in %s (%zu sentence%s):\n", lang, count, count == 1 ? "" : "s");
    size_t shown = 0;
    for (size_t k = 0; k < nb; k++) {
        size_t n = side ? b[k].tgt_n : b[k].src_n, other = side ? b[k].src_n : b[k].tgt_n;
        size_t start = side ? b[k].tgt_start : b[k].src_start;
        if (other || !n)
            continue;
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

/* Align version b against reference a and print what differs. */
static int report_pair(dm_ctx *ctx, dm_store *st, const cli_story_row *a, const cli_story_row *b)
{
    cli_sents sa, sb;
    if (cli_load_stored_sents(st, a->id, &sa))
        return -1;
    if (cli_load_stored_sents(st, b->id, &sb)) {
        cli_sents_free(&sa);
        return -1;
    }
    dm_align_opts opt = {.src_lang = a->lang, .tgt_lang = b->lang};
    dm_align_block *blocks = NULL;
    size_t nb = 0;
    dm_diff_report *d = NULL;
    dm_status s = dm_align(ctx, &opt, sa.text, sa.len, sa.n, sb.text, sb.len, sb.n, &blocks, &nb);
    if (!s)
        s = dm_diff_langs(ctx, a->lang, b->lang, sa.text, sa.len, sa.n, sb.text, sb.len, sb.n, blocks, nb, &d);
    if (!s) {
        const char *la = a->lang ? a->lang : "und", *lb = b->lang ? b->lang : "und";
        size_t matched = 0;
        for (size_t k = 0; k < nb; k++)
            matched += blocks[k].src_n && blocks[k].tgt_n;
        printf("  %s %s  vs  %s %s: %zu and %zu sentences, %zu aligned blocks\n", la, a->id, lb,
               b->id, sa.n, sb.n, matched);
        print_only(&sa, blocks, nb, 0, la, d->src_only);
        print_only(&sb, blocks, nb, 1, lb, d->tgt_only);
        print_words(d, DM_DIFF_NUMBER, 0, "numbers", la);
        print_words(d, DM_DIFF_NUMBER, 1, "numbers", lb);
        print_words(d, DM_DIFF_NAME, 0, "names", la);
        print_words(d, DM_DIFF_NAME, 1, "names", lb);
        if (d->length)
            printf("    %zu passage%s whose lengths disagree beyond the usual %s/%s ratio\n",
                   d->length, d->length == 1 ? "" : "s", lb, la);
        if (!d->src_only && !d->tgt_only && !d->numbers && !d->names && !d->length)
            printf("    no difference found\n");
    }
    dm_diff_free(d);
    free(blocks);
    cli_sents_free(&sa);
    cli_sents_free(&sb);
    return s ? -1 : 0;
}

int cmd_report(int argc, char **argv)
{
    const char *db;
    int first, rc = cli_parse_store_opts(argc, argv, "report", help, &db, &first);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (first < argc)
        return cli_usage("report", "takes no operands");
    dm_ctx *ctx;
    dm_store *st;
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
        if (r.v[i].story < 0 || j - i == 1) {
            i = j;
            continue;
        }
        stories++;
        cli_print_story_head(&r, i, j, (size_t)r.v[i].story);
        size_t ref = i; /* English when the story has it: most readers' reference */
        for (size_t k = i; k < j; k++)
            if (r.v[k].lang && !strcmp(r.v[k].lang, "en")) {
                ref = k;
                break;
            }
        for (size_t k = i; k < j && !rc; k++)
            if (k != ref && report_pair(ctx, st, &r.v[k], &r.v[ref]))
                rc = cli_fail(ctx, "report", DM_ESTORE, r.v[k].id);
        putchar('\n');
        i = j;
    }
    if (!rc)
        cli_print_alone(&r, stories);
    cli_story_rows_free(&r);
    return cli_close_store("report", ctx, st, rc);
}
