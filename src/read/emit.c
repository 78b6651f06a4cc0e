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
#include <unicode/uchar.h>
#include <unicode/utf8.h>

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

/* A one-line field (title, language, url, date): cleaned, runs of white space (line breaks and
 * tabs included) made one space and trimmed, so that listings keep one line a document; NULL
 * when nothing is left. */
static char *clean_line_field(dm_ctx *ctx, const char *s)
{
    char *out = clean_field(ctx, s);
    if (!out)
        return NULL;
    size_t w = 0;
    for (size_t r = 0; out[r]; r++) {
        int space = out[r] == ' ' || out[r] == '\t' || out[r] == '\n';
        if (space && (w == 0 || out[w - 1] == ' '))
            continue;
        out[w++] = space ? ' ' : out[r];
    }
    while (w && out[w - 1] == ' ')
        w--;
    out[w] = 0;
    if (!w) {
        free(out);
        return NULL;
    }
    return out;
}

/* 1 when the (valid UTF-8) text holds nothing but white space and invisible characters:
 * U+00A0, U+3000, U+200B... make no sentence either. */
static int only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
            i++;
            continue;
        }
        if ((unsigned char)s[i] < 0x80 || n - i > INT32_MAX)
            return 0;
        int32_t k = 0, m = (int32_t)(n - i > 4 ? 4 : n - i);
        UChar32 c;
        U8_NEXT((const uint8_t *)s + i, k, m, c);
        if (c < 0 || !(u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)))
            return 0;
        i += (size_t)k;
    }
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
    /* every output names a document by its id on one line, often before a TAB (cluster, export,
     * list): an id holding tabs or line breaks would split those lines */
    size_t blanked = 0;
    for (char *c = id; *c; c++)
        if (*c == '\t' || *c == '\n') {
            *c = ' ';
            blanked++;
        }
    if (blanked)
        dm_diag(ctx, DM_DIAG_REPAIRED, place, id, "tabs or line breaks in the id made spaces");
    int added = dm_strset_add(&r->ids, id);
    if (added <= 0) {
        dm_reject(r, place, id, added < 0 ? "out of memory" : "duplicate id (the first one is kept)");
        free(text);
        free(id);
        return added < 0 ? DM_ENOMEM : DM_OK;
    }
    if (dm_zawgyi_likely(text, len)) {
        /* Burmese typed in the Zawgyi font encoding: the same words in Unicode would share
         * nothing with it, so it is stored converted, and said */
        char *uni = NULL;
        size_t ulen = 0;
        if (dm_zawgyi_to_unicode(ctx, text, len, &uni, &ulen) == DM_OK) {
            free(text);
            text = uni;
            len = ulen;
            dm_diag(ctx, DM_DIAG_REPAIRED, place, id, "Burmese text in the Zawgyi encoding converted to Unicode");
        }
    }
    replaced += raw->n_replaced;
    if (replaced)
        dm_diag(ctx, DM_DIAG_REPAIRED, place, id, "%zu invalid byte sequence%s replaced by U+FFFD",
                replaced, replaced == 1 ? "" : "s");
    char *lang = clean_line_field(ctx, raw->lang), *title = clean_line_field(ctx, raw->title);
    char *url = clean_line_field(ctx, raw->url), *date = clean_line_field(ctx, raw->date);
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
