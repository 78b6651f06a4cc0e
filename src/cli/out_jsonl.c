/*
 * out_jsonl.c -- aligned blocks as JSON lines, one block a line: the two documents and their
 * languages, the block's sentence indices, texts and score, for programs.
 */
#include "cli.h"
#include "cli_align.h"

#include <string.h>

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

static void opt_string(FILE *f, const char *key, const char *v)
{
    fprintf(f, "\"%s\": ", key);
    if (v)
        cli_json_string(f, v, strlen(v));
    else
        fputs("null", f);
    fputs(", ", f);
}

void out_jsonl_block(FILE *f, const cli_doc_pair *dp, const dm_align_block *b)
{
    fputc('{', f);
    opt_string(f, "src_doc", dp->src_name);
    opt_string(f, "tgt_doc", dp->tgt_name);
    opt_string(f, "src_lang", dp->src_lang);
    opt_string(f, "tgt_lang", dp->tgt_lang);
    fputs("\"src\": ", f);
    indices(f, b->src_start, b->src_n);
    fputs(", \"tgt\": ", f);
    indices(f, b->tgt_start, b->tgt_n);
    fprintf(f, ", \"score\": %.4f, \"src_text\": ", b->score);
    texts(f, &dp->src, b->src_start, b->src_n);
    fputs(", \"tgt_text\": ", f);
    texts(f, &dp->tgt, b->tgt_start, b->tgt_n);
    fputs("}\n", f);
}
