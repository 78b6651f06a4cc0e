/*
 * out_html.c -- a self-contained HTML report of an alignment, side by side: one row a block,
 * each side in its own direction (dir="auto": Arabic, Persian, Hebrew, Urdu read right to left,
 * aligned right), sentences with no counterpart and blocks of unequal length highlighted, and
 * the numbers and names found on one side only marked, from dm_diff.
 */
#include "cli.h"
#include "cli_align.h"

#include <stdlib.h>
#include <string.h>

static void html_text(FILE *f, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        switch (s[k]) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(s[k], f);
        }
    }
}

/* A sentence with the words of `marks` (items of this block and side) wrapped in <mark>. */
static void sentence(FILE *f, const char *s, size_t n, const dm_diff_report *r, size_t block, int side)
{
    size_t k = 0;
    while (k < n) {
        size_t hit = 0;
        for (size_t q = 0; r && q < r->n && !hit; q++) {
            const dm_diff_item *it = &r->items[q];
            if (it->block != block || it->side != side || !it->what[0])
                continue;
            size_t wl = strlen(it->what);
            if (wl <= n - k && !memcmp(s + k, it->what, wl))
                hit = wl;
        }
        if (hit) {
            fputs("<mark>", f);
            html_text(f, s + k, hit);
            fputs("</mark>", f);
            k += hit;
        } else {
            html_text(f, s + k, 1);
            k++;
        }
    }
}

static void cell(FILE *f, const cli_sents *s, size_t start, size_t n, const dm_diff_report *r, size_t block,
                 int side)
{
    fputs("<td dir=\"auto\">", f);
    for (size_t i = start; i < start + n; i++) {
        fprintf(f, "<p dir=\"auto\"><span class=\"n\">%zu</span> ", i);
        sentence(f, s->text[i], s->len[i], r, block, side);
        fputs("</p>", f);
    }
    fputs("</td>", f);
}

int out_html(FILE *f, const cli_doc_pair *dp, const dm_align_block *b, size_t nb)
{
    dm_ctx *ctx = cli_ctx_new();
    dm_diff_report *r = NULL;
    if (ctx && dm_diff_langs(ctx, dp->src_lang, dp->tgt_lang, dp->src.text, dp->src.len, dp->src.n,
                             dp->tgt.text, dp->tgt.len, dp->tgt.n, b, nb, &r) != DM_OK)
        r = NULL; /* the report still shows the alignment, without the marks */
    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>dragoman alignment</title>\n<style>\n"
          "body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;width:100%;table-layout:fixed}\n"
          "td{border-top:1px solid #ccc;vertical-align:top;padding:.3em .6em}td[dir=auto]:dir(rtl){text-align:right}\n"
          "p{margin:.2em 0}p:dir(rtl){text-align:right}.n{color:#999;font-size:.75em}\n"
          "tr.only td{background:#fde2e2}tr.len td{background:#fff4d6}mark{background:#ffd54f}\n"
          "td.s{width:4em;color:#666;font-size:.8em}\n</style></head><body>\n",
          f);
    fputs("<h1>", f);
    html_text(f, dp->src_name, strlen(dp->src_name));
    fputs(" &harr; ", f);
    html_text(f, dp->tgt_name, strlen(dp->tgt_name));
    fputs("</h1>\n", f);
    if (r)
        fprintf(f, "<p>%zu sentences only on the left, %zu only on the right, %zu blocks of unequal length, "
                   "%zu numbers and %zu names on one side only (<mark>marked</mark>).</p>\n",
                r->src_only, r->tgt_only, r->length, r->numbers, r->names);
    fputs("<table>\n", f);
    for (size_t k = 0; k < nb; k++) {
        int only = !b[k].src_n || !b[k].tgt_n, len = 0;
        for (size_t q = 0; r && q < r->n; q++)
            len |= r->items[q].block == k && r->items[q].kind == DM_DIFF_LENGTH;
        fprintf(f, "<tr%s>", only ? " class=\"only\"" : len ? " class=\"len\"" : "");
        cell(f, &dp->src, b[k].src_start, b[k].src_n, r, k, 0);
        cell(f, &dp->tgt, b[k].tgt_start, b[k].tgt_n, r, k, 1);
        fprintf(f, "<td class=\"s\">%.2f</td></tr>\n", b[k].score);
    }
    fputs("</table>\n</body></html>\n", f);
    dm_diff_free(r);
    dm_ctx_free(ctx);
    return ferror(f) ? EXIT_FAIL : EXIT_OK;
}
