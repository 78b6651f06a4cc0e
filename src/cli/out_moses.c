/*
 * out_moses.c -- aligned blocks as two line-parallel files, the input of Moses-style training
 * tools. Blocks with an empty side are left out (they have no translation); the sentences of a
 * block are joined by a space on one line.
 */
#include "cli.h"
#include "cli_align.h"

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

void out_moses_block(FILE *fs, FILE *ft, const cli_doc_pair *dp, const dm_align_block *b)
{
    if (!b->src_n || !b->tgt_n)
        return;
    line(fs, &dp->src, b->src_start, b->src_n);
    line(ft, &dp->tgt, b->tgt_start, b->tgt_n);
}
