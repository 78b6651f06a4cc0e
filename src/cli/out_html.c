/*
 * out_html.c -- `align --format html`: the self-contained side-by-side page of the library's
 * renderer (dm_pair_html, the same as the web viewer's pair page), with the differences dm_diff
 * finds marked.
 */
#include "cli.h"
#include "cli_align.h"

#include <stdlib.h>

int out_html(FILE *f, const cli_doc_pair *dp, const dm_align_block *b, size_t nb)
{
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx)
        return EXIT_FAIL;
    dm_diff_report *r = NULL;
    if (dm_diff_langs(ctx, dp->src_lang, dp->tgt_lang, dp->src.text, dp->src.len, dp->src.n, dp->tgt.text,
                      dp->tgt.len, dp->tgt.n, b, nb, &r) != DM_OK)
        r = NULL; /* the page still shows the alignment, without the marks */
    dm_pair_view v = {.src_name = dp->src_name, .tgt_name = dp->tgt_name, .src = dp->src.text,
                      .src_len = dp->src.len, .n_src = dp->src.n, .tgt = dp->tgt.text, .tgt_len = dp->tgt.len,
                      .n_tgt = dp->tgt.n, .blocks = b, .n_blocks = nb, .diff = r};
    char *html = NULL;
    size_t len = 0;
    int rc = EXIT_OK;
    dm_status st = dm_pair_html(ctx, &v, 1, &html, &len);
    if (st)
        rc = cli_fail(ctx, "align", st, "html");
    else if (fwrite(html, 1, len, f) != len || ferror(f))
        rc = EXIT_FAIL;
    free(html);
    dm_diff_free(r);
    dm_ctx_free(ctx);
    return rc;
}
