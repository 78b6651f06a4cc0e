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

typedef struct batch {
    char **ids;
    size_t n, cap;
} batch;

static int run_batch(dm_ctx *ctx, const char *path, const dm_align_opts *opt)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "dragoman align: cannot open %s\n", path);
        return EXIT_FAIL;
    }
    dm_aligner *al = NULL;
    dm_status st = dm_aligner_new(ctx, opt, &al);
    if (st != DM_OK) {
        if (f != stdin)
            fclose(f);
        return cli_fail(ctx, "align", st, "aligner");
    }
    batch b = {0};
    char *line = NULL;
    size_t cap = 0, lineno = 0, rejected = 0;
    ssize_t got;
    int rc = EXIT_OK;
    while ((got = getline(&line, &cap, f)) != -1) {
        lineno++;
        if (got <= 1)
            continue;
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)got, 0, &err);
        json_t *id = o ? json_object_get(o, "id") : NULL;
        json_t *src = o ? json_object_get(o, "src") : NULL, *tgt = o ? json_object_get(o, "tgt") : NULL;
        const char **ts = NULL, **tt = NULL;
        size_t *ls = NULL, *lt = NULL, ns = 0, nt = 0;
        if (!o || !json_is_string(id) || !json_is_array(src) || !json_is_array(tgt) ||
            cli_json_strings(src, &ts, &ls, &ns) || cli_json_strings(tgt, &tt, &lt, &nt)) {
            fprintf(stderr, "dragoman: rejected %s:%zu: %s\n", path, lineno,
                    o ? "expected {\"id\": string, \"src\": [strings], \"tgt\": [strings]}" : err.text);
            rejected++;
        } else {
            json_t *sl = json_object_get(o, "src_lang"), *tl = json_object_get(o, "tgt_lang");
            st = dm_aligner_add(al, ts, ls, ns, tt, lt, nt, json_is_string(sl) ? json_string_value(sl) : NULL,
                                json_is_string(tl) ? json_string_value(tl) : NULL);
            if (st == DM_OK && b.n == b.cap) {
                size_t nc = b.cap ? b.cap * 2 : 64;
                char **p = realloc(b.ids, nc * sizeof *p);
                if (!p)
                    st = DM_ENOMEM;
                else {
                    b.ids = p;
                    b.cap = nc;
                }
            }
            if (st == DM_OK && !(b.ids[b.n++] = strdup(json_string_value(id))))
                st = DM_ENOMEM;
        }
        free(ts);
        free(tt);
        free(ls);
        free(lt);
        json_decref(o);
        if (st != DM_OK) {
            rc = cli_fail(ctx, "align", st, path);
            break;
        }
    }
    free(line);
    if (f != stdin)
        fclose(f);
    if (rc == EXIT_OK) {
        st = dm_aligner_run(al);
        if (st != DM_OK)
            rc = cli_fail(ctx, "align", st, "aligning");
    }
    for (size_t k = 0; k < b.n && rc == EXIT_OK; k++) {
        const dm_align_block *blk;
        size_t nb;
        if (dm_aligner_blocks(al, k, &blk, &nb) != DM_OK)
            continue;
        cli_write_batch_line(stdout, b.ids[k], blk, nb);
    }
    for (size_t k = 0; k < b.n; k++)
        free(b.ids[k]);
    free(b.ids);
    dm_aligner_free(al);
    if (rc == EXIT_OK && rejected)
        rc = EXIT_PARTIAL;
    return rc;
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
