/*
 * text_file.c -- one .txt or .html file is one document; its id is the file's path below the
 * folder given (without the extension), so that re-reading a folder gives the same ids. A plain
 * text with a UTF-16 byte-order mark is read as UTF-16.
 */
#include "read/reader.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>

/* A text saved as UTF-16 with a byte-order mark (Windows' "Unicode"), as malloc'ed UTF-8; NULL
 * when s does not start with such a mark or cannot be converted. */
static char *from_utf16(const char *s, size_t n, size_t *out_n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n < 2 || !((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)) || n > INT32_MAX / 2)
        return NULL;
    int32_t cap = (int32_t)(n / 2 * 3 + 16);
    char *out = malloc((size_t)cap);
    if (!out)
        return NULL;
    UErrorCode err = U_ZERO_ERROR;
    /* ICU's "UTF-16" reads the mark, takes its byte order and drops it */
    int32_t got = ucnv_convert("UTF-8", "UTF-16", out, cap, s, (int32_t)n, &err);
    if (U_FAILURE(err)) {
        free(out);
        return NULL;
    }
    *out_n = (size_t)got;
    return out;
}

/* The first line of a plain text, if it is short enough to be a title. */
static char *first_line_title(const char *s, size_t n)
{
    while (n && (*s == '\n' || *s == ' ' || *s == '\r' || *s == '\t')) {
        s++;
        n--;
    }
    const char *nl = memchr(s, '\n', n);
    size_t len = nl ? (size_t)(nl - s) : n;
    while (len && (s[len - 1] == '\r' || s[len - 1] == ' '))
        len--;
    if (len == 0 || len > 300 || !nl)
        return NULL;
    char *t = malloc(len + 1);
    if (t) {
        memcpy(t, s, len);
        t[len] = 0;
    }
    return t;
}

dm_status dm_read_text_file(dm_reader *r, dm_stream *s, const char *id, int is_html)
{
    dm_ctx *ctx = r->ctx;
    /* HTML carries markup: allow it four times the text limit before refusing the file */
    size_t limit = ctx->opt.max_doc_bytes * (is_html ? 4 : 1);
    dm_buf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = dm_stream_read(s, chunk, sizeof chunk)) > 0) {
        if (b.len + got > limit) {
            dm_buf_free(&b);
            dm_reject(r, s->name, id, "file is over the limit of %zu bytes", limit);
            return DM_OK;
        }
        if (dm_buf_add(&b, chunk, got)) {
            dm_buf_free(&b);
            return dm_fail(ctx, DM_ENOMEM, "no memory to read %s", s->name);
        }
    }
    const char *err = dm_stream_error(s);
    if (err) {
        dm_buf_free(&b);
        dm_reject(r, s->name, id, "%s", err);
        return DM_OK;
    }
    dm_raw_doc raw = {.id = id, .text = b.p ? b.p : "", .text_len = b.len};
    char *text = NULL, *title = NULL;
    dm_status st = DM_OK;
    if (is_html) {
        size_t n;
        st = dm_html_to_text(ctx, raw.text, raw.text_len, NULL, &text, &n, &title, &raw.n_replaced);
        if (st) {
            dm_reject(r, s->name, id, "%s", dm_ctx_errmsg(ctx));
            dm_buf_free(&b);
            return st == DM_ENOMEM ? st : DM_OK;
        }
        raw.text = text;
        raw.text_len = n;
    } else {
        size_t n;
        if ((text = from_utf16(raw.text, raw.text_len, &n))) {
            raw.text = text;
            raw.text_len = n;
        }
        title = first_line_title(raw.text, raw.text_len);
    }
    raw.title = title;
    st = dm_emit(r, s->name, &raw);
    free(text);
    free(title);
    dm_buf_free(&b);
    return st;
}
