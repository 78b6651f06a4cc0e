/*
 * lexicon_coverage.c -- how much of a text the lexicon of its language covers, measured the way
 * the linking and alignment stages see it: dm_match_form, dm_tokenize, dm_lexicon_lookup (with its
 * clitic fallback). Also times the loading of the lexicon.
 *
 * Usage: lexicon_coverage DATA_DIR LANG FILE...   (prints tokens, covered share, load time)
 */
#define _POSIX_C_SOURCE 200809L
#include "core/ctx.h"
#include "lexicon/lexicon.h"
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
    size_t words = 0, covered = 0;
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
                covered += dm_lexicon_lookup(lx, mf + tok[k].start, tok[k].len, &e) > 0;
            }
        }
        free(tok);
        free(mf);
        free(text);
    }
    printf("%s: %zu word tokens, %zu with an entry (%.1f%%); lexicon of %zu words loaded in %.3f s\n",
           argv[2], words, covered, words ? 100.0 * (double)covered / (double)words : 0.0,
           dm_lexicon_size(lx), load);
    dm_ctx_free(ctx);
    return 0;
}
