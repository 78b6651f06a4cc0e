/*
 * out_moses.c -- an alignment as two line-parallel files, PREFIX.src and PREFIX.tgt, the input
 * of Moses-style training tools. Blocks with an empty side are left out (they have no
 * translation); the sentences of a block are joined by a space on one line.
 */
#include "cli.h"
#include "cli_align.h"

#include <stdlib.h>
#include <string.h>

static void line(FILE *f, const cli_sents *s, size_t start, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            fputc(' ', f);
        const char *t = s->text[start + k];
        for (size_t q = 0; q < s->len[start + k]; q++)
            fputc(t[q] == '\n' || t[q] == '\r' ? ' ' : t[q], f);
    }
    fputc('\n', f);
}

int out_moses(const char *prefix, const cli_doc_pair *dp, const dm_align_block *b, size_t nb)
{
    size_t pl = strlen(prefix);
    char *ps = malloc(pl + 5), *pt = malloc(pl + 5);
    if (!ps || !pt) {
        free(ps);
        free(pt);
        return EXIT_FAIL;
    }
    memcpy(ps, prefix, pl);
    memcpy(ps + pl, ".src", 5);
    memcpy(pt, prefix, pl);
    memcpy(pt + pl, ".tgt", 5);
    FILE *fs = fopen(ps, "w"), *ft = fopen(pt, "w");
    int rc = EXIT_OK;
    if (!fs || !ft) {
        fprintf(stderr, "dragoman align: cannot write %s / %s\n", ps, pt);
        rc = EXIT_FAIL;
    }
    for (size_t k = 0; k < nb && rc == EXIT_OK; k++) {
        if (!b[k].src_n || !b[k].tgt_n)
            continue;
        line(fs, &dp->src, b[k].src_start, b[k].src_n);
        line(ft, &dp->tgt, b[k].tgt_start, b[k].tgt_n);
    }
    if (fs && fclose(fs))
        rc = EXIT_FAIL;
    if (ft && fclose(ft))
        rc = EXIT_FAIL;
    if (rc == EXIT_OK)
        fprintf(stderr, "dragoman align: wrote %s and %s\n", ps, pt);
    free(ps);
    free(pt);
    return rc;
}
