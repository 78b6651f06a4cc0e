/*
 * out_jsonl.c -- an alignment as JSON lines: one block a line with its sentence indices, texts
 * and score, for programs.
 */
#include "cli.h"
#include "cli_align.h"

static void indices(FILE *f, size_t start, size_t n)
{
    fputc('[', f);
    for (size_t k = 0; k < n; k++)
        fprintf(f, k ? ", %zu" : "%zu", start + k);
    fputc(']', f);
}

static void texts(FILE *f, const cli_sents *s, size_t start, size_t n)
{
    fputc('[', f);
    for (size_t k = 0; k < n; k++) {
        if (k)
            fputs(", ", f);
        cli_json_string(f, s->text[start + k], s->len[start + k]);
    }
    fputc(']', f);
}

int out_jsonl(FILE *f, const cli_doc_pair *dp, const dm_align_block *b, size_t nb)
{
    for (size_t k = 0; k < nb; k++) {
        fputs("{\"src\": ", f);
        indices(f, b[k].src_start, b[k].src_n);
        fputs(", \"tgt\": ", f);
        indices(f, b[k].tgt_start, b[k].tgt_n);
        fprintf(f, ", \"score\": %.4f, \"src_text\": ", b[k].score);
        texts(f, &dp->src, b[k].src_start, b[k].src_n);
        fputs(", \"tgt_text\": ", f);
        texts(f, &dp->tgt, b[k].tgt_start, b[k].tgt_n);
        fputs("}\n", f);
    }
    return ferror(f) ? EXIT_FAIL : EXIT_OK;
}
