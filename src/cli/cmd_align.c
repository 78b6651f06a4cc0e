/*
 * cmd_align.c -- `dragoman align`: sentence alignment of two documents, or of a batch of pairs.
 *
 *   dragoman align [--lines] [--format F] [--out PREFIX] A B
 *   dragoman align --batch PAIRS.jsonl
 *
 * The batch contract (one {"id","src":[...],"tgt":[...]} a line in, one {"id","align":[...]} a
 * line out) is what the evaluation calls; the pair form writes one of the output formats of
 * align_output.c.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "cli_align.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: dragoman align [OPTIONS] A B\n"
           "       dragoman align --batch PAIRS.jsonl\n\n"
           "Line up the sentences of two documents that translate each other (wholly or in part).\n"
           "A and B are text files, cut into sentences (or one sentence a line with --lines).\n\n"
           "options:\n"
           "  --lines          one sentence a line in A and B\n"
           "  --db PATH        A and B are ids of documents in this store (their sentences and\n"
           "                   languages as ingest found them)\n"
           "  --format F       jsonl (default), tsv, moses, tmx, html\n"
           "  --out PREFIX     moses: write PREFIX.src and PREFIX.tgt (default: aligned)\n"
           "  --src-lang L     language of A (ISO code); otherwise guessed when possible\n"
           "  --tgt-lang L     language of B\n"
           "  --no-lexicon     do not use the shipped lexicons\n"
           "  --no-learning    do not learn word translations from the input\n"
           "  --batch FILE     align every pair of a JSONL file: {\"id\",\"src\":[..],\"tgt\":[..]}\n"
           "                   a line (optional \"src_lang\", \"tgt_lang\"); prints\n"
           "                   {\"id\",\"align\":[[[src..],[tgt..]],..]} a line\n");
}

/* --- batch ------------------------------------------------------------------------------------ */

static int run_batch(dm_ctx *ctx, const char *path, const dm_align_opts *opt)
{
    cli_batch b;
    int rc = cli_batch_align(ctx, "align", path, opt, 1, &b);
    for (size_t k = 0; rc == EXIT_OK && k < cli_batch_count(&b); k++) {
        const dm_align_block *blk;
        size_t nb;
        cli_sents s, t;
        const char *sl, *tl;
        int have = cli_batch_pair(&b, k, opt, &s, &t, &sl, &tl) == 0;
        if (dm_aligner_blocks(b.al, k, &blk, &nb) == DM_OK)
            cli_write_batch_line(stdout, cli_batch_id(&b, k), blk, nb, have ? &s : NULL, have ? &t : NULL);
        cli_sents_free(&s); /* the arrays only: the texts belong to the batch */
        cli_sents_free(&t);
    }
    return cli_batch_done(&b, rc);
}

/* --- two documents ------------------------------------------------------------------------- */

int cmd_align(int argc, char **argv)
{
    cli_pair_args pa = {0};
    const char *format = "jsonl", *out_prefix = "aligned";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int took = cli_pair_arg(&pa, "align", argc, argv, &i);
        if (took == EXIT_USAGE)
            return took;
        if (took)
            continue;
        if (cli_is_help(a)) {
            help();
            return EXIT_OK;
        } else if (!strcmp(a, "--format") && i + 1 < argc)
            format = argv[++i];
        else if (!strcmp(a, "--out") && i + 1 < argc)
            out_prefix = argv[++i];
        else
            return cli_usage("align", "unknown option '%s'", a);
    }
    if (cli_pair_args_check(&pa, "align"))
        return EXIT_USAGE;
    if (!cli_align_format_known(format))
        return cli_usage("align", "unknown format '%s'", format);
    dm_align_opts *opt = &pa.opt;
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx)
        return EXIT_FAIL;
    int rc;
    if (pa.batch) {
        rc = run_batch(ctx, pa.batch, opt);
    } else {
        cli_doc_pair dp;
        rc = cli_pair_load(ctx, "align", &pa, &dp);
        if (rc == EXIT_OK) {
            dm_align_block *blk = NULL;
            size_t nb = 0;
            dm_status st = dm_align(ctx, opt, (const char *const *)dp.src.text, dp.src.len, dp.src.n,
                                    (const char *const *)dp.tgt.text, dp.tgt.len, dp.tgt.n, &blk, &nb);
            if (st != DM_OK)
                rc = cli_fail(ctx, "align", st, "aligning");
            else
                rc = cli_align_write(stdout, format, out_prefix, &dp, blk, nb);
            free(blk);
        }
        cli_doc_pair_free(&dp);
    }
    dm_ctx_free(ctx);
    return rc;
}
