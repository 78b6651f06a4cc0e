/*
 * html_pair.c -- two versions of a story side by side, as HTML: one row a block of the
 * alignment, each side in its own direction (Arabic, Persian, Hebrew, Urdu read right to left,
 * aligned right), sentences with no counterpart and blocks of unequal length highlighted, the
 * numbers and names found on one side only marked. One renderer for the web viewer's pair page
 * and for `dragoman align --format html`, so that both show the same thing.
 */
#include "core/ctx.h"
#include "serve/html_out.h"

#include <stdlib.h>
#include <string.h>

static const char pair_style[] =
    "<style>\n"
    "table.pair{border-collapse:collapse;width:100%;table-layout:fixed}\n"
    "table.pair td{border-top:1px solid #ccc;vertical-align:top;padding:.3em .6em}\n"
    "table.pair p{margin:.2em 0}table.pair [dir=rtl]{text-align:right}.n{color:#999;font-size:.75em}\n"
    "tr.only td{background:#fde2e2}tr.len td{background:#fff4d6}mark{background:#ffd54f}\n"
    "td.s{width:4em;color:#666;font-size:.8em}\n"
    "</style>\n";

/* A sentence with the numbers and names the diff found on this side of this block wrapped in
 * <mark>. */
static int sentence(dm_buf *b, const char *s, size_t n, const dm_diff_report *r, size_t block, int side)
{
    size_t k = 0, from = 0;
    int err = 0;
    while (k < n && !err) {
        size_t hit = 0;
        for (size_t q = 0; r && q < r->n && !hit; q++) {
            const dm_diff_item *it = &r->items[q];
            if (it->block != block || it->side != side || !it->what[0])
                continue;
            size_t wl = strlen(it->what);
            if (wl <= n - k && !memcmp(s + k, it->what, wl))
                hit = wl;
        }
        if (!hit) {
            k++;
            continue;
        }
        err |= dm_html_escape(b, s + from, k - from);
        err |= dm_buf_adds(b, "<mark>");
        err |= dm_html_escape(b, s + k, hit);
        err |= dm_buf_adds(b, "</mark>");
        k += hit;
        from = k;
    }
    return err | dm_html_escape(b, s + from, n - from);
}

static int cell(dm_buf *b, const char *const *text, const size_t *len, size_t start, size_t n,
                const dm_diff_report *r, size_t block, int side)
{
    int err = dm_buf_adds(b, "<td>");
    for (size_t i = start; i < start + n && !err; i++) {
        err |= dm_buf_printf(b, "<p dir=\"%s\"><span class=\"n\">%zu</span> ", dm_text_dir(text[i], len[i]), i);
        err |= sentence(b, text[i], len[i], r, block, side);
        err |= dm_buf_adds(b, "</p>");
    }
    return err | dm_buf_adds(b, "</td>");
}

static int render(dm_buf *b, const dm_pair_view *v, int whole_page)
{
    int err = 0;
    const char *sn = v->src_name ? v->src_name : "source", *tn = v->tgt_name ? v->tgt_name : "target";
    if (whole_page) {
        err |= dm_buf_adds(b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>dragoman: ");
        err |= dm_html_escape(b, sn, strlen(sn));
        err |= dm_buf_adds(b, " &harr; ");
        err |= dm_html_escape(b, tn, strlen(tn));
        err |= dm_buf_adds(b, "</title>\n<style>body{font-family:sans-serif;margin:1em}</style>\n");
        err |= dm_buf_adds(b, pair_style);
        err |= dm_buf_adds(b, "</head><body>\n<h1>");
        err |= dm_html_escape(b, sn, strlen(sn));
        err |= dm_buf_adds(b, " &harr; ");
        err |= dm_html_escape(b, tn, strlen(tn));
        err |= dm_buf_adds(b, "</h1>\n");
    } else {
        err |= dm_buf_adds(b, pair_style);
    }
    const dm_diff_report *r = v->diff;
    if (r)
        err |= dm_buf_printf(b,
                             "<p>%zu sentence%s only on the left, %zu only on the right, %zu block%s of "
                             "unequal length, %zu number%s and %zu name%s on one side only "
                             "(<mark>marked</mark>).</p>\n",
                             r->src_only, r->src_only == 1 ? "" : "s", r->tgt_only, r->length,
                             r->length == 1 ? "" : "s", r->numbers, r->numbers == 1 ? "" : "s", r->names,
                             r->names == 1 ? "" : "s");
    err |= dm_buf_adds(b, "<table class=\"pair\">\n");
    for (size_t k = 0; k < v->n_blocks && !err; k++) {
        const dm_align_block *bl = &v->blocks[k];
        /* "only": what the report says one version adds (a page's debris without a counterpart
         * is not marked); without a report, every block with an empty side */
        int only = !r && (!bl->src_n || !bl->tgt_n), len = 0;
        for (size_t q = 0; r && q < r->n; q++) {
            if (r->items[q].block != k)
                continue;
            len |= r->items[q].kind == DM_DIFF_LENGTH;
            only |= r->items[q].kind == DM_DIFF_SRC_ONLY || r->items[q].kind == DM_DIFF_TGT_ONLY;
        }
        err |= dm_buf_adds(b, only ? "<tr class=\"only\">" : len ? "<tr class=\"len\">" : "<tr>");
        err |= cell(b, v->src, v->src_len, bl->src_start, bl->src_n, r, k, 0);
        err |= cell(b, v->tgt, v->tgt_len, bl->tgt_start, bl->tgt_n, r, k, 1);
        err |= dm_buf_printf(b, "<td class=\"s\">%.2f</td></tr>\n", bl->score);
    }
    err |= dm_buf_adds(b, "</table>\n");
    if (whole_page)
        err |= dm_buf_adds(b, "</body></html>\n");
    return err;
}

dm_status dm_pair_html(dm_ctx *ctx, const dm_pair_view *v, int whole_page, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    for (size_t k = 0; k < v->n_blocks; k++) {
        const dm_align_block *bl = &v->blocks[k];
        if (bl->src_start > v->n_src || bl->src_n > v->n_src - bl->src_start || bl->tgt_start > v->n_tgt ||
            bl->tgt_n > v->n_tgt - bl->tgt_start)
            return dm_fail(ctx, DM_EINVAL, "block %zu lies outside the sentences it aligns", k);
    }
    dm_buf b = {0};
    if (render(&b, v, whole_page)) {
        dm_buf_free(&b);
        return dm_fail(ctx, DM_ENOMEM, "no memory for the HTML of a pair");
    }
    *out = b.p;
    *len = b.len;
    return DM_OK;
}
