/*
 * lexicon_coverage.c -- how much of a text the lexicon of its language covers, measured the way
 * the linking and alignment stages see it: dm_match_form, dm_tokenize, dm_lexicon_lookup (with its
 * clitic fallback). Also times the loading of the lexicon.
 *
 * Usage: lexicon_coverage DATA_DIR LANG FILE...   (prints tokens, covered share, load time)
 * With DM_COVERAGE_MISSING=1 in the environment, each word without an entry is printed too; with
 * DM_COVERAGE_MISSING=2 also each word found only through a fallback (clitic or inflection), with
 * its first translations. DM_COVERAGE_NO_INFLECT=1 turns the inflection fallback off (the figure
 * without it, for comparison).
 */
#define _POSIX_C_SOURCE 200809L
#include "core/ctx.h"
#include "lexicon/lexicon_table.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: lexicon_coverage DATA_DIR LANG FILE...\n");
        return 2;
    }
    dm_options opt = {.data_dir = argv[1]};
    dm_ctx *ctx;
    if (dm_ctx_new(&ctx, &opt))
        return 1;
    double t0 = now();
    const dm_lexicon *lx;
    if (dm_lexicon_get(ctx, argv[2], &lx) || !lx) {
        fprintf(stderr, "no lexicon for %s: %s\n", argv[2], dm_ctx_errmsg(ctx));
        dm_ctx_free(ctx);
        return 1;
    }
    double load = now() - t0;
    const char *no_inflect = getenv("DM_COVERAGE_NO_INFLECT");
    dm_lex_inflect *inflect = lx->inflect;
    if (no_inflect && *no_inflect == '1')
        ((dm_lexicon *)lx)->inflect = NULL;
    size_t words = 0, covered = 0;
    const char *miss_env = getenv("DM_COVERAGE_MISSING");
    int show_missing = miss_env && (*miss_env == '1' || *miss_env == '2');
    int show_fallback = miss_env && *miss_env == '2';
    for (int i = 3; i < argc; i++) {
        size_t len;
        char *text = slurp(argv[i], &len), *mf = NULL;
        size_t mlen, n = 0;
        dm_token *tok = NULL;
        if (text && dm_match_form(ctx, text, len, &mf, &mlen) == DM_OK &&
            dm_tokenize(ctx, mf, mlen, &tok, &n) == DM_OK) {
            for (size_t k = 0; k < n; k++) {
                if (tok[k].kind != DM_TOK_WORD)
                    continue;
                const dm_lex_entry *e;
                words++;
                size_t got = dm_lexicon_lookup(lx, mf + tok[k].start, tok[k].len, &e);
                covered += got > 0;
                if (!got && show_missing)
                    printf("missing\t%.*s\n", (int)tok[k].len, mf + tok[k].start);
                const dm_lex_entry *x;
                if (got && show_fallback &&
                    !dm_lex_lookup_exact(lx, mf + tok[k].start, tok[k].len, &x)) {
                    printf("fallback\t%.*s\t", (int)tok[k].len, mf + tok[k].start);
                    for (size_t j = 0; j < got && j < 3; j++)
                        printf("%s%s", j ? "," : "", e[j].en);
                    printf("\n");
                }
            }
        }
        free(tok);
        free(mf);
        free(text);
    }
    printf("%s: %zu word tokens, %zu with an entry (%.1f%%); lexicon of %zu words loaded in %.3f s\n",
           argv[2], words, covered, words ? 100.0 * (double)covered / (double)words : 0.0,
           dm_lexicon_size(lx), load);
    ((dm_lexicon *)lx)->inflect = inflect;
    dm_ctx_free(ctx);
    return 0;
}
