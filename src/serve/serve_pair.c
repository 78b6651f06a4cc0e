/*
 * serve_pair.c -- two stored documents side by side in the viewer (/pair?a=ID&b=ID): aligned on
 * request with the languages ingest identified, the differences found by dm_diff marked, drawn
 * by dm_pair_html (the renderer `align --format html` uses); and the same as JSON (/api/pair)
 * for programs: the blocks and the differences.
 */
#include "serve/page.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One side: its sentences, and the language and headline ingest gave it. */
typedef struct side {
    dm_sentences s;
    char lang[16];
    char *title;
} side;

static dm_status doc_meta(void *ud, const dm_stored_doc *d)
{
    side *sd = ud;
    snprintf(sd->lang, sizeof sd->lang, "%s", d->doc.lang ? d->doc.lang : "");
    sd->title = d->doc.title ? strdup(d->doc.title) : NULL;
    return d->doc.title && !sd->title ? DM_ENOMEM : DM_OK;
}

static void side_free(side *sd)
{
    dm_sentences_free(&sd->s);
    free(sd->title);
}

typedef struct aligned_pair {
    side a, b;
    dm_align_block *blocks;
    size_t n_blocks;
    dm_diff_report *diff;
} aligned_pair;

static void pair_free(aligned_pair *ap)
{
    side_free(&ap->a);
    side_free(&ap->b);
    free(ap->blocks);
    dm_diff_free(ap->diff);
}

static dm_status load_and_align(dm_ctx *ctx, dm_store *st, const char *a, const char *b, aligned_pair *ap)
{
    memset(ap, 0, sizeof *ap);
    if (!a || !b)
        return dm_fail(ctx, DM_ENOTFOUND, "give two documents: /pair?a=ID&b=ID");
    dm_status s = dm_store_get(st, a, doc_meta, &ap->a);
    if (!s)
        s = dm_store_get(st, b, doc_meta, &ap->b);
    if (!s)
        s = dm_store_sentence_arrays(st, a, &ap->a.s);
    if (!s)
        s = dm_store_sentence_arrays(st, b, &ap->b.s);
    if (s)
        return s;
    dm_align_opts opt = {.src_lang = ap->a.lang[0] ? ap->a.lang : NULL,
                         .tgt_lang = ap->b.lang[0] ? ap->b.lang : NULL};
    const dm_sentences *sa = &ap->a.s, *sb = &ap->b.s;
    s = dm_align(ctx, &opt, sa->text, sa->len, sa->n, sb->text, sb->len, sb->n, &ap->blocks, &ap->n_blocks);
    if (!s)
        s = dm_diff_langs(ctx, opt.src_lang, opt.tgt_lang, sa->text, sa->len, sa->n, sb->text, sb->len, sb->n,
                          ap->blocks, ap->n_blocks, &ap->diff);
    return s;
}

static void out_side(page *p, const char *id, const side *s)
{
    out(p, "<td>");
    out_doc_link(p, id);
    out(p, " <span class=\"lang\">");
    out_esc(p, s->lang[0] ? s->lang : "und");
    out_printf(p, ", %zu sentences</span>", s->s.n);
    out_dir_text(p, "div", s->title ? s->title : "");
    out(p, "</td>");
}

dm_status page_pair(dm_ctx *ctx, dm_store *st, page *p, const char *a, const char *b)
{
    aligned_pair ap;
    dm_status s = load_and_align(ctx, st, a, b, &ap);
    if (!s) {
        out(p, "<table style=\"width:100%;table-layout:fixed\"><tr>");
        out_side(p, a, &ap.a);
        out_side(p, b, &ap.b);
        out(p, "<td style=\"width:4em\"></td></tr></table>");
        dm_pair_view v = {.src_name = a, .tgt_name = b, .src = ap.a.s.text, .src_len = ap.a.s.len,
                          .n_src = ap.a.s.n, .tgt = ap.b.s.text, .tgt_len = ap.b.s.len, .n_tgt = ap.b.s.n,
                          .blocks = ap.blocks, .n_blocks = ap.n_blocks, .diff = ap.diff};
        char *html;
        size_t len;
        s = dm_pair_html(ctx, &v, 0, &html, &len);
        if (!s) {
            p->oom |= dm_buf_add(&p->b, html, len);
            free(html);
        }
    }
    pair_free(&ap);
    return s;
}

static json_t *indices(size_t start, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++)
        if (json_array_append_new(arr, json_integer((json_int_t)(start + i)))) {
            json_decref(arr);
            return NULL;
        }
    return arr;
}

static const char *kind_name(dm_diff_kind k)
{
    switch (k) {
    case DM_DIFF_SRC_ONLY: return "a_only";
    case DM_DIFF_TGT_ONLY: return "b_only";
    case DM_DIFF_LENGTH: return "length";
    case DM_DIFF_NUMBER: return "number";
    case DM_DIFF_NAME: return "name";
    }
    return "other";
}

static json_t *pair_json(const char *a, const char *b, const aligned_pair *ap)
{
    json_t *blocks = json_array(), *diffs = json_array();
    for (size_t k = 0; blocks && k < ap->n_blocks; k++) {
        const dm_align_block *bl = &ap->blocks[k];
        json_t *o = json_pack("{s:o, s:o, s:f}", "a", indices(bl->src_start, bl->src_n), "b",
                              indices(bl->tgt_start, bl->tgt_n), "score", bl->score);
        if (!o || json_array_append_new(blocks, o)) {
            json_decref(blocks);
            blocks = NULL;
        }
    }
    for (size_t q = 0; diffs && ap->diff && q < ap->diff->n; q++) {
        const dm_diff_item *it = &ap->diff->items[q];
        json_t *o = json_pack("{s:s, s:s, s:I, s:s, s:f}", "kind", kind_name(it->kind), "side", it->side ? "b" : "a",
                              "block", (json_int_t)it->block, "what", it->what, "score", it->score);
        if (!o || json_array_append_new(diffs, o)) {
            json_decref(diffs);
            diffs = NULL;
        }
    }
    if (!blocks || !diffs) {
        json_decref(blocks);
        json_decref(diffs);
        return NULL;
    }
    return json_pack("{s:s, s:s, s:s, s:s, s:o, s:o}", "a", a, "b", b, "a_lang", ap->a.lang, "b_lang", ap->b.lang,
                     "blocks", blocks, "differences", diffs);
}

dm_status page_api_pair(dm_ctx *ctx, dm_store *st, page *p, const char *a, const char *b)
{
    aligned_pair ap;
    dm_status s = load_and_align(ctx, st, a, b, &ap);
    if (!s) {
        json_t *o = pair_json(a, b, &ap);
        char *text = o ? json_dumps(o, JSON_INDENT(1)) : NULL;
        json_decref(o);
        if (!text) {
            s = dm_fail(ctx, DM_ENOMEM, "no memory for the JSON of a pair");
        } else {
            out(p, text);
            free(text);
            p->type = "application/json";
        }
    }
    pair_free(&ap);
    return s;
}
