/*
 * out_html.c -- placeholder until the side-by-side report lands.
 */
#include "cli.h"
#include "cli_align.h"

int out_html(FILE *f, const cli_doc_pair *dp, const dm_align_block *b, size_t nb)
{
    return out_jsonl(f, dp, b, nb);
}
