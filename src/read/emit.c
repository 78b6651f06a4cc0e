/*
 * emit.c -- the one door every document leaves the readers through. Here, and only here, a
 * record is cleaned (valid NFC UTF-8), checked (not empty, within the size limit, id not seen
 * before in this reading) and reported when rejected or repaired, so that every reader gives the
 * same messages for the same faults.
 */
#include "read/reader.h"
#include "text/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dm_reject(dm_reader *r, const char *place, const char *id, const char *fmt, ...)
{
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    r->n_rejected++;
    dm_diag(r->ctx, DM_DIAG_REJECTED, place, id, "%s", reason);
}

/* A field that must be valid UTF-8 text for the store: cleaned, or NULL when it is empty. */
static char *clean_field(dm_ctx *ctx, const char *s)
{
    if (!s || !*s)
        return NULL;
    char *out = NULL;
    size_t n = 0;
    if (dm_text_clean(ctx, s, strlen(s), &out, &n, NULL))
        return NULL;
    return out;
}

static int only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\n", s[i]))
            return 0;
    return 1;
}

dm_status dm_emit(dm_reader *r, const char *place, const dm_raw_doc *raw)
{
    dm_ctx *ctx = r->ctx;
    if (!raw->id || !*raw->id) {
        dm_reject(r, place, NULL, "record has no id");
        return DM_OK;
    }
    if (raw->text_len > ctx->opt.max_doc_bytes) {
        dm_reject(r, place, raw->id, "document of %zu bytes is over the limit of %zu bytes",
                  raw->text_len, ctx->opt.max_doc_bytes);
        return DM_OK;
    }
    char *text = NULL;
    size_t len = 0, replaced = 0;
    dm_status st = dm_text_clean(ctx, raw->text ? raw->text : "", raw->text_len, &text, &len, &replaced);
    if (st) {
        dm_reject(r, place, raw->id, "text could not be read: %s", dm_ctx_errmsg(ctx));
        return st == DM_ENOMEM ? st : DM_OK;
    }
    if (only_space(text, len)) {
        free(text);
        dm_reject(r, place, raw->id, "empty document");
        return DM_OK;
    }
    char *id = clean_field(ctx, raw->id);
    if (!id) {
        free(text);
        dm_reject(r, place, raw->id, "id is not readable text");
        return DM_OK;
    }
    int added = dm_strset_add(&r->ids, id);
    if (added <= 0) {
        dm_reject(r, place, id, added < 0 ? "out of memory" : "duplicate id (the first one is kept)");
        free(text);
        free(id);
        return added < 0 ? DM_ENOMEM : DM_OK;
    }
    replaced += raw->n_replaced;
    if (replaced)
        dm_diag(ctx, DM_DIAG_REPAIRED, place, id, "%zu invalid byte sequence%s replaced by U+FFFD",
                replaced, replaced == 1 ? "" : "s");
    char *lang = clean_field(ctx, raw->lang), *title = clean_field(ctx, raw->title);
    char *url = clean_field(ctx, raw->url), *date = clean_field(ctx, raw->date);
    dm_doc doc = {.id = id, .text = text, .text_len = len, .lang = lang, .title = title,
                  .url = url, .date = date, .source = place, .n_replaced = replaced};
    r->n_ok++;
    st = r->fn(r->ud, &doc);
    free(text);
    free(id);
    free(lang);
    free(title);
    free(url);
    free(date);
    if (st)
        r->stop = st;
    return st;
}
