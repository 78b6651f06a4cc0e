/*
 * cmd_mine.c -- `dragoman mine SRC.txt TGT.txt`: for each line of SRC, the line of TGT that
 * translates it, as `j<TAB>score` (j 0-based; score a margin, higher is surer; -1 when TGT is
 * empty).
 */
#include "cli.h"
#include "cli_align.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: dragoman mine [OPTIONS] SRC.txt TGT.txt\n\n"
           "Find, for each line of SRC, the line of TGT that translates it (one sentence a line,\n"
           "any order). Prints one line per SRC line: j<TAB>score, j the 0-based TGT line.\n\n"
           "options:\n"
           "  --src-lang L, --tgt-lang L   languages when known (otherwise guessed when possible)\n"
           "  --no-lexicon                 do not use the shipped lexicons\n"
           "  --no-learning                do not learn word translations from the input\n"
           "  --independent                each SRC line takes its own best TGT line; default: one\n"
           "                               to one (a TGT line answers one SRC line at most, the\n"
           "                               assignment of largest total margin; a SRC line whose\n"
           "                               candidates all went elsewhere keeps its own best)\n"
           "  --both-ways                  also mine TGT against SRC and take the mean of the two\n"
           "                               margins of each pair (up to 20,000 lines a side; about\n"
           "                               3 times the time, slightly more accurate)\n");
}

int cmd_mine(int argc, char **argv)
{
    dm_align_opts opt = {0};
    const char *files[2] = {NULL, NULL};
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            help();
            return EXIT_OK;
        } else if (!strcmp(a, "--no-lexicon"))
            opt.no_lexicon = 1;
        else if (!strcmp(a, "--no-learning"))
            opt.no_learning = 1;
        else if (!strcmp(a, "--one-to-one"))
            opt.mine_independent = 0;
        else if (!strcmp(a, "--independent"))
            opt.mine_independent = 1;
        else if (!strcmp(a, "--both-ways"))
            opt.mine_both_ways = 1;
        else if (!strcmp(a, "--src-lang") && i + 1 < argc)
            opt.src_lang = argv[++i];
        else if (!strcmp(a, "--tgt-lang") && i + 1 < argc)
            opt.tgt_lang = argv[++i];
        else if (a[0] == '-' && a[1])
            return cli_usage("mine", "unknown option '%s'", a);
        else if (nfiles < 2)
            files[nfiles++] = a;
        else
            return cli_usage("mine", "too many arguments");
    }
    if (nfiles != 2)
        return cli_usage("mine", "expected SRC.txt and TGT.txt");
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx)
        return EXIT_FAIL;
    cli_doc_pair dp;
    int rc = cli_load_pair(ctx, "mine", NULL, files[0], files[1], 1, &dp);
    size_t *best = NULL;
    double *score = NULL;
    if (rc == EXIT_OK) {
        best = malloc((dp.src.n ? dp.src.n : 1) * sizeof *best);
        score = malloc((dp.src.n ? dp.src.n : 1) * sizeof *score);
        if (!best || !score)
            rc = cli_fail(ctx, "mine", DM_ENOMEM, "mining");
    }
    if (rc == EXIT_OK) {
        dm_status st = dm_mine(ctx, &opt, dp.src.text, dp.src.len, dp.src.n, dp.tgt.text, dp.tgt.len,
                               dp.tgt.n, best, score);
        if (st != DM_OK)
            rc = cli_fail(ctx, "mine", st, "mining");
    }
    for (size_t i = 0; rc == EXIT_OK && i < dp.src.n; i++) {
        if (best[i] == SIZE_MAX)
            printf("-1\t0\n");
        else
            printf("%zu\t%.4f\n", best[i], score[i]);
    }
    free(best);
    free(score);
    cli_doc_pair_free(&dp);
    dm_ctx_free(ctx);
    return rc;
}
