/*
 * out_tsv.c -- aligned blocks as `src<TAB>tgt<TAB>score` lines (sentences of a block joined by a
 * space; tabs and newlines inside sentences become spaces so that the columns hold).
 */
#include "cli.h"
#include "cli_align.h"

static void side(FILE *f, const cli_sents *s, size_t start, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            fputc(' ', f);
        const char *t = s->text[start + k];
        for (size_t q = 0; q < s->len[start + k]; q++)
            fputc(t[q] == '\t' || t[q] == '\n' || t[q] == '\r' ? ' ' : t[q], f);
    }
}

void out_tsv_block(FILE *f, const cli_doc_pair *dp, const dm_align_block *b)
{
    side(f, &dp->src, b->src_start, b->src_n);
    fputc('\t', f);
    side(f, &dp->tgt, b->tgt_start, b->tgt_n);
    fprintf(f, "\t%.4f\n", b->score);
}
