/*
 * cmd_diff.c -- `dragoman diff A B`: what two versions of a story add or leave out, read on a
 * terminal (or as JSON with --json); `--batch PAIRS.jsonl` reports every pair as a JSON line.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "cli_align.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: dragoman diff [OPTIONS] A B\n"
           "       dragoman diff --batch PAIRS.jsonl\n\n"
           "Align two versions of a story and report what differs: sentences with no\n"
           "counterpart, blocks of unequal length, numbers and names on one side only.\n\n"
           "options:\n"
           "  --lines          one sentence a line in A and B\n"
           "  --db PATH        A and B are ids of documents in this store\n"
           "  --json           a JSON object instead of the readable report\n"
           "  --src-lang L, --tgt-lang L, --no-lexicon, --no-learning   as for align\n"
           "  --batch FILE     {\"id\",\"src\":[..],\"tgt\":[..]} a line in, a JSON report a line out\n");
}

static const char *kind_name(dm_diff_kind k)
{
    switch (k) {
    case DM_DIFF_SRC_ONLY: return "src_only";
    case DM_DIFF_TGT_ONLY: return "tgt_only";
    case DM_DIFF_LENGTH: return "length";
    case DM_DIFF_NUMBER: return "number";
    case DM_DIFF_NAME: return "name";
    }
    return "?";
}

static void json_range(FILE *f, size_t start, size_t n)
{
    fputc('[', f);
    for (size_t k = 0; k < n; k++)
        fprintf(f, k ? ", %zu" : "%zu", start + k);
    fputc(']', f);
}

static void write_json(FILE *f, const char *id, const cli_sents *s, const cli_sents *t,
                       const dm_align_block *b, const dm_diff_report *r)
{
    fputc('{', f);
    if (id) {
        fputs("\"id\": ", f);
        cli_json_string(f, id, strlen(id));
        fputs(", ", f);
    }
    fprintf(f, "\"src_sentences\": %zu, \"tgt_sentences\": %zu, \"ratio\": %.4f, \"items\": [", s->n,
            t->n, r->ratio);
    for (size_t k = 0; k < r->n; k++) {
        const dm_diff_item *it = &r->items[k];
        const dm_align_block *bl = &b[it->block];
        fprintf(f, "%s{\"kind\": \"%s\", \"side\": \"%s\", \"src\": ", k ? ", " : "", kind_name(it->kind),
                it->side ? "tgt" : "src");
        json_range(f, bl->src_start, bl->src_n);
        fputs(", \"tgt\": ", f);
        json_range(f, bl->tgt_start, bl->tgt_n);
        if (it->what[0]) {
            fputs(", \"what\": ", f);
            cli_json_string(f, it->what, strlen(it->what));
        }
        fprintf(f, ", \"score\": %.4f}", it->score);
    }
    fprintf(f, "], \"summary\": {\"src_only\": %zu, \"tgt_only\": %zu, \"length\": %zu, \"numbers\": %zu, "
               "\"names\": %zu}}\n",
            r->src_only, r->tgt_only, r->length, r->numbers, r->names);
}

static void excerpt(FILE *f, const char *s, size_t n)
{
    size_t lim = n > 160 ? 160 : n;
    while (lim < n && lim > 0 && ((unsigned char)s[lim] & 0xC0) == 0x80)
        lim--; /* never cut a character */
    for (size_t k = 0; k < lim; k++)
        fputc(s[k] == '\n' ? ' ' : s[k], f);
    if (lim < n)
        fputs("...", f);
}

static void write_text(FILE *f, const cli_doc_pair *dp, const dm_align_block *b, const dm_diff_report *r)
{
    fprintf(f, "%s: %zu sentences; %s: %zu sentences; length ratio %.2f\n", dp->src_name, dp->src.n,
            dp->tgt_name, dp->tgt.n, r->ratio);
    static const dm_diff_kind order[] = {DM_DIFF_SRC_ONLY, DM_DIFF_TGT_ONLY, DM_DIFF_LENGTH, DM_DIFF_NUMBER,
                                         DM_DIFF_NAME};
    static const char *const title[] = {"only in %s", "only in %s", "blocks of unequal length",
                                        "numbers on one side only", "names on one side only"};
    for (size_t o = 0; o < 5; o++) {
        int header = 0;
        for (size_t k = 0; k < r->n; k++) {
            const dm_diff_item *it = &r->items[k];
            if (it->kind != order[o])
                continue;
            const dm_align_block *bl = &b[it->block];
            if (!header) {
                fputs("\n", f);
                fprintf(f, title[o], o == 0 ? dp->src_name : dp->tgt_name);
                fputs(":\n", f);
                header = 1;
            }
            if (it->kind == DM_DIFF_SRC_ONLY || it->kind == DM_DIFF_TGT_ONLY) {
                const cli_sents *s = it->kind == DM_DIFF_SRC_ONLY ? &dp->src : &dp->tgt;
                size_t st = it->kind == DM_DIFF_SRC_ONLY ? bl->src_start : bl->tgt_start;
                size_t n = it->kind == DM_DIFF_SRC_ONLY ? bl->src_n : bl->tgt_n;
                for (size_t i = st; i < st + n; i++) {
                    fprintf(f, "  [%zu] ", i);
                    excerpt(f, s->text[i], s->len[i]);
                    fputc('\n', f);
                }
            } else if (it->kind == DM_DIFF_LENGTH) {
                fprintf(f, "  src [%zu-%zu] / tgt [%zu-%zu]: %s is longer than the pair's ratio explains "
                           "(deviation %+.1f)\n",
                        bl->src_start, bl->src_start + bl->src_n - 1, bl->tgt_start,
                        bl->tgt_start + bl->tgt_n - 1, it->score > 0 ? dp->tgt_name : dp->src_name, it->score);
            } else {
                fprintf(f, "  %-20s only in %s (src [%zu..], tgt [%zu..])\n", it->what,
                        it->side ? dp->tgt_name : dp->src_name, bl->src_start, bl->tgt_start);
            }
        }
    }
    fprintf(f, "\nsummary: %zu sentence%s only in %s, %zu only in %s, %zu block%s of unequal length, "
               "%zu number%s and %zu name%s on one side only\n",
            r->src_only, r->src_only == 1 ? "" : "s", dp->src_name, r->tgt_only, dp->tgt_name, r->length,
            r->length == 1 ? "" : "s", r->numbers, r->numbers == 1 ? "" : "s", r->names, r->names == 1 ? "" : "s");
}

static int diff_batch(dm_ctx *ctx, const char *path, const dm_align_opts *opt)
{
    dm_aligner *al = NULL;
    dm_status st = dm_aligner_new(ctx, opt, &al);
    if (st != DM_OK)
        return cli_fail(ctx, "diff", st, "aligner");
    cli_batch bt;
    /* the lines are kept: diff needs their sentences after the batch alignment */
    int rc = cli_batch_read(ctx, "diff", path, al, 1, &bt);
    if (rc == EXIT_OK && (st = dm_aligner_run(al)) != DM_OK)
        rc = cli_fail(ctx, "diff", st, "aligning");
    for (size_t k = 0; rc == EXIT_OK && k < cli_batch_count(&bt); k++) {
        cli_sents s, t;
        const char *lsrc, *ltgt;
        const dm_align_block *b = NULL;
        size_t nb = 0;
        dm_diff_report *r = NULL;
        st = cli_batch_pair(&bt, k, opt, &s, &t, &lsrc, &ltgt) ? DM_ENOMEM : dm_aligner_blocks(al, k, &b, &nb);
        if (st == DM_OK)
            st = dm_diff_langs(ctx, lsrc, ltgt, s.text, s.len, s.n, t.text, t.len, t.n, b, nb, &r);
        if (st != DM_OK)
            rc = cli_fail(ctx, "diff", st, "diff");
        else
            write_json(stdout, cli_batch_id(&bt, k), &s, &t, b, r);
        dm_diff_free(r);
        cli_sents_free(&s);
        cli_sents_free(&t);
    }
    if (rc == EXIT_OK && bt.rejected)
        rc = EXIT_PARTIAL;
    cli_batch_free(&bt);
    dm_aligner_free(al);
    return rc;
}

int cmd_diff(int argc, char **argv)
{
    cli_pair_args pa = {0};
    int json = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int took = cli_pair_arg(&pa, "diff", argc, argv, &i);
        if (took == EXIT_USAGE)
            return took;
        if (took)
            continue;
        if (cli_is_help(a)) {
            help();
            return EXIT_OK;
        } else if (!strcmp(a, "--json"))
            json = 1;
        else
            return cli_usage("diff", "unknown option '%s'", a);
    }
    if (cli_pair_args_check(&pa, "diff"))
        return EXIT_USAGE;
    dm_align_opts *opt = &pa.opt;
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx)
        return EXIT_FAIL;
    int rc;
    if (pa.batch) {
        rc = diff_batch(ctx, pa.batch, opt);
    } else {
        cli_doc_pair dp;
        rc = cli_pair_load(ctx, "diff", &pa, &dp);
        dm_align_block *b = NULL;
        size_t nb = 0;
        dm_diff_report *r = NULL;
        if (rc == EXIT_OK) {
            dm_status st = dm_align(ctx, opt, dp.src.text, dp.src.len, dp.src.n, dp.tgt.text, dp.tgt.len,
                                    dp.tgt.n, &b, &nb);
            if (st == DM_OK)
                st = dm_diff_langs(ctx, opt->src_lang, opt->tgt_lang, dp.src.text, dp.src.len, dp.src.n,
                                   dp.tgt.text, dp.tgt.len, dp.tgt.n, b, nb, &r);
            if (st != DM_OK)
                rc = cli_fail(ctx, "diff", st, "diff");
        }
        if (rc == EXIT_OK) {
            if (json)
                write_json(stdout, NULL, &dp.src, &dp.tgt, b, r);
            else
                write_text(stdout, &dp, b, r);
        }
        dm_diff_free(r);
        free(b);
        cli_doc_pair_free(&dp);
    }
    dm_ctx_free(ctx);
    return rc;
}
