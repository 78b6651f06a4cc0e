/*
 * warc.c -- WARC and WARC.gz crawls as Common Crawl writes them: "response" records holding an
 * HTTP response (HTML pages become documents; the charset of the HTTP header is honoured through
 * ICU's converters; chunked, gzip and deflate bodies are decoded) and "conversion" records of WET files (plain
 * text). Other records (request, metadata, warcinfo) are skipped. A truncated record, a missing
 * length or a bad header rejects that record, reported with the byte offset where it begins (in
 * a .warc.gz, the compressed offset of its gzip member: see dm_stream_place);
 * after a length that lied, reading resumes at the next WARC/ version line.
 */
#include "read/reader.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>

typedef struct warc_head {
    char type[32], uri[1024], date[64], rec_id[256], ctype[256];
    long long length;
} warc_head;

static void copy_value(char *dst, size_t cap, const char *v)
{
    while (*v == ' ' || *v == '\t')
        v++;
    size_t n = strlen(v);
    while (n && (v[n - 1] == '\r' || v[n - 1] == ' '))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, v, n);
    dst[n] = 0;
}

/* Header "Name: value" into h; unknown names are ignored. */
static void warc_header(warc_head *h, const char *line)
{
    const char *colon = strchr(line, ':');
    if (!colon)
        return;
    size_t k = (size_t)(colon - line);
    const char *v = colon + 1;
#define IS(name) (k == sizeof(name) - 1 && !strncasecmp(line, name, k))
    if (IS("WARC-Type"))
        copy_value(h->type, sizeof h->type, v);
    else if (IS("WARC-Target-URI"))
        copy_value(h->uri, sizeof h->uri, v);
    else if (IS("WARC-Date"))
        copy_value(h->date, sizeof h->date, v);
    else if (IS("WARC-Record-ID")) {
        /* <urn:uuid:...> -> urn:uuid:... : the brackets are syntax, not part of the id */
        copy_value(h->rec_id, sizeof h->rec_id, v);
        size_t n = strlen(h->rec_id);
        if (n >= 2 && h->rec_id[0] == '<' && h->rec_id[n - 1] == '>') {
            memmove(h->rec_id, h->rec_id + 1, n - 2);
            h->rec_id[n - 2] = 0;
        }
    }
    else if (IS("Content-Type"))
        copy_value(h->ctype, sizeof h->ctype, v);
    else if (IS("Content-Length")) {
        char *end;
        while (*v == ' ')
            v++;
        h->length = strtoll(v, &end, 10);
        if (end == v || h->length < 0)
            h->length = -1;
    }
#undef IS
}

/* Case-insensitive substring search (strcasestr is not POSIX). */
static const char *find_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return hay;
    return NULL;
}

/* The charset named in a Content-Type value, or "" */
static void charset_of(const char *ctype, char *out, size_t cap)
{
    out[0] = 0;
    const char *p = find_ci(ctype, "charset=");
    if (!p)
        return;
    p += 8;
    if (*p == '"' || *p == '\'')
        p++;
    size_t n = 0;
    while (p[n] && p[n] != ';' && p[n] != '"' && p[n] != '\'' && p[n] != ' ' && p[n] != '\r')
        n++;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, p, n);
    out[n] = 0;
}

/* Decode a chunked body in place; returns the new length, or (size_t)-1 when malformed. A body
 * cut short (crawlers cap what they keep) gives what arrived, with *cut set. */
static size_t dechunk(char *b, size_t n, int *cut)
{
    size_t r = 0, w = 0;
    *cut = 0;
    for (;;) {
        char *end;
        if (r >= n) {
            *cut = 1;
            return w;
        }
        unsigned long long sz = strtoull(b + r, &end, 16);
        if (end == b + r)
            return (size_t)-1;
        char *nl = memchr(end, '\n', n - (size_t)(end - b));
        if (!nl) {
            *cut = 1;
            return w;
        }
        r = (size_t)(nl - b) + 1;
        if (sz == 0)
            return w;
        if (sz > n - r) {
            memmove(b + w, b + r, n - r);
            *cut = 1;
            return w + (n - r);
        }
        memmove(b + w, b + r, (size_t)sz);
        w += (size_t)sz;
        r += (size_t)sz;
        while (r < n && (b[r] == '\r' || b[r] == '\n'))
            r++;
    }
}

/* Convert to UTF-8 from a named charset with ICU; NULL when the charset is unknown. */
static char *to_utf8(const char *charset, const char *in, size_t n, size_t *out_n)
{
    UErrorCode err = U_ZERO_ERROR;
    if (n > INT32_MAX / 4)
        return NULL;
    int32_t cap = (int32_t)n * 3 + 16;
    char *out = malloc((size_t)cap);
    if (!out)
        return NULL;
    int32_t got = ucnv_convert("UTF-8", charset, out, cap, in, (int32_t)n, &err);
    if (U_FAILURE(err)) {
        free(out);
        return NULL;
    }
    *out_n = (size_t)got;
    return out;
}

/* An HTTP response: status line and headers, then the body. */
static dm_status read_response(dm_reader *r, const char *place, const warc_head *h, char *block, size_t n)
{
    char *body = NULL;
    size_t hdr_end = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (block[i] == '\n' && (block[i + 1] == '\n' || (block[i + 1] == '\r' && i + 2 < n && block[i + 2] == '\n'))) {
            hdr_end = i + (block[i + 1] == '\n' ? 2 : 3);
            break;
        }
    }
    if (!hdr_end || strncmp(block, "HTTP/", 5)) {
        dm_reject(r, place, h->uri, "response record without an HTTP header");
        return DM_OK;
    }
    body = block + hdr_end;
    size_t body_n = n - hdr_end;
    char ctype[256] = "", charset[64] = "", encoding[64] = "";
    int chunked = 0;
    const char *sp = memchr(block, ' ', hdr_end);
    int status = sp ? atoi(sp + 1) : 0;
    for (char *line = block; line < block + hdr_end;) {
        char *nl = memchr(line, '\n', (size_t)(block + hdr_end - line));
        if (!nl)
            break;
        *nl = 0;
        if (!strncasecmp(line, "Content-Type:", 13))
            copy_value(ctype, sizeof ctype, line + 13);
        else if (!strncasecmp(line, "Transfer-Encoding:", 18) && find_ci(line, "chunked"))
            chunked = 1;
        else if (!strncasecmp(line, "Content-Encoding:", 17))
            copy_value(encoding, sizeof encoding, line + 17);
        line = nl + 1;
    }
    if (status >= 300 || status < 200)
        return DM_OK; /* redirects and errors carry no article */
    int is_html = !*ctype || find_ci(ctype, "html") != NULL;
    if (!is_html && !find_ci(ctype, "text/plain"))
        return DM_OK; /* images, scripts, PDFs: not documents */
    if (chunked) {
        int cut;
        size_t m = dechunk(body, body_n, &cut);
        if (m == (size_t)-1) {
            dm_reject(r, place, h->uri, "malformed chunked HTTP body");
            return DM_OK;
        }
        if (cut)
            dm_diag(r->ctx, DM_DIAG_REPAIRED, place, h->uri, "chunked HTTP body cut short; the part that arrived is kept");
        body_n = m;
    }
    char *unzipped = NULL;
    if (*encoding && strcasecmp(encoding, "identity")) {
        size_t unzipped_n;
        dm_status zs;
        if (strcasecmp(encoding, "gzip") && strcasecmp(encoding, "x-gzip") && strcasecmp(encoding, "deflate")) {
            dm_reject(r, place, h->uri, "body compressed as \"%s\", which cannot be decoded", encoding);
            return DM_OK;
        }
        zs = dm_inflate_body(r->ctx, body, body_n, r->ctx->opt.max_doc_bytes * 4 + 65536, &unzipped, &unzipped_n);
        if (zs) {
            dm_reject(r, place, h->uri, "%s body cannot be decoded: %s", encoding, dm_ctx_errmsg(r->ctx));
            return zs == DM_ENOMEM ? zs : DM_OK;
        }
        body = unzipped;
        body_n = unzipped_n;
    }
    charset_of(ctype, charset, sizeof charset);
    char *conv = NULL;
    size_t conv_n = 0;
    /* the charset of the HTTP header wins; without one, the page's own declaration counts */
    const char *page_charset = *charset ? "UTF-8" : NULL;
    if (*charset && strcasecmp(charset, "utf-8") && strcasecmp(charset, "utf8")) {
        conv = to_utf8(charset, body, body_n, &conv_n);
        if (!conv) {
            dm_diag(r->ctx, DM_DIAG_REPAIRED, place, h->uri,
                    "unknown charset \"%s\", read as the page declares (else UTF-8)", charset);
            page_charset = NULL;
        } else {
            body = conv;
            body_n = conv_n;
        }
    }
    dm_raw_doc raw = {.id = *h->rec_id ? h->rec_id : h->uri, .url = h->uri, .date = h->date};
    char *text = NULL, *title = NULL;
    dm_status st = DM_OK;
    if (is_html) {
        st = dm_html_to_text(r->ctx, body, body_n, page_charset, &text, &raw.text_len, &title, &raw.n_replaced);
        if (st) {
            dm_reject(r, place, h->uri, "%s", dm_ctx_errmsg(r->ctx));
            free(conv);
            free(unzipped);
            return st == DM_ENOMEM ? st : DM_OK;
        }
        raw.text = text;
        raw.title = title;
    } else {
        raw.text = body;
        raw.text_len = body_n;
    }
    st = dm_emit(r, place, &raw);
    free(text);
    free(title);
    free(conv);
    free(unzipped);
    return st;
}

dm_status dm_read_warc(dm_reader *r, dm_stream *s)
{
    dm_buf line = {0};
    size_t too_long;
    char place[1200];
    dm_status st = DM_OK;
    size_t limit = r->ctx->opt.max_doc_bytes * 4 + 65536;
    int lost = 0; /* after a bad record: skipping lines up to the next WARC/ version line */
    for (;;) {
        uint64_t start = s->offset;
        /* skip blank lines between records */
        int got;
        while ((got = dm_stream_getline(s, &line, 65536, &too_long)) && !too_long &&
               (line.len == 0 || (line.len == 1 && line.p[0] == '\r')))
            start = s->offset;
        if (!got)
            break;
        dm_stream_place(s, start, place, sizeof place);
        if (too_long || strncmp(line.p, "WARC/", 5)) {
            /* a Content-Length that lied: find the next record rather than give up the file */
            if (!lost)
                dm_reject(r, place, NULL, "not a WARC record (no WARC/ version line); skipped to the next one");
            lost = 1;
            continue;
        }
        lost = 0;
        warc_head h = {.length = -1};
        int ended = 0;
        while (dm_stream_getline(s, &line, 65536, &too_long)) {
            if (too_long)
                continue;
            if (line.len == 0 || (line.len == 1 && line.p[0] == '\r')) {
                ended = 1;
                break;
            }
            warc_header(&h, line.p);
        }
        if (!ended) {
            dm_reject(r, place, h.uri[0] ? h.uri : NULL, "truncated WARC header");
            break;
        }
        if (h.length < 0) {
            dm_reject(r, place, h.uri[0] ? h.uri : NULL, "WARC record without a valid Content-Length; skipped");
            lost = 1;
            continue;
        }
        /* a response that is not HTTP (Heritrix's DNS lookups, text/dns) holds no article */
        int http = !h.ctype[0] || find_ci(h.ctype, "application/http");
        int wanted = (!strcasecmp(h.type, "response") && http) || !strcasecmp(h.type, "conversion");
        if (!wanted || (size_t)h.length > limit) {
            size_t skipped = dm_stream_read(s, NULL, (size_t)h.length);
            if (skipped < (size_t)h.length) {
                dm_reject(r, place, h.uri[0] ? h.uri : NULL, "truncated WARC record (%zu of %lld bytes)", skipped, h.length);
                break;
            }
            if (wanted)
                dm_reject(r, place, h.uri, "record of %lld bytes is over the limit of %zu bytes", h.length, limit);
            continue;
        }
        char *block = malloc((size_t)h.length + 1);
        if (!block) {
            st = dm_fail(r->ctx, DM_ENOMEM, "no memory for a WARC record");
            break;
        }
        size_t n = dm_stream_read(s, block, (size_t)h.length);
        block[n] = 0;
        if (n < (size_t)h.length) {
            dm_reject(r, place, h.uri[0] ? h.uri : NULL, "truncated WARC record (%zu of %lld bytes)", n, h.length);
            free(block);
            break;
        }
        if (!strcasecmp(h.type, "response")) {
            st = read_response(r, place, &h, block, n);
        } else {
            dm_raw_doc raw = {.id = *h.rec_id ? h.rec_id : h.uri, .text = block, .text_len = n, .url = h.uri, .date = h.date};
            st = dm_emit(r, place, &raw);
        }
        free(block);
        if (st)
            break;
    }
    dm_buf_free(&line);
    const char *err = dm_stream_error(s);
    if (!st && err)
        dm_reject(r, s->name, NULL, "%s", err);
    return st;
}
