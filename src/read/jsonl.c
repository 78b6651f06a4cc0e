/*
 * jsonl.c -- JSON Lines: one object a line, {"id","text"} plus optional "lang", "url", "date",
 * "title" (jansson parses each line). A broken line, a missing field or a field of the wrong type
 * rejects that line alone, with its line number; a line longer than the document limit allows is
 * skipped without being held in memory. A file that is one JSON array of such objects (or one
 * pretty-printed object) is handed to json_doc.c.
 */
#include "read/reader.h"
#include "text/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Optional string field: NULL if absent or null; *bad set when present with another type. */
static const char *opt_string(json_t *obj, const char *key, const char **bad)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        *bad = key;
        return NULL;
    }
    return json_string_value(v);
}

static dm_status read_line(dm_reader *r, const char *place, const char *line, size_t len,
                           size_t n_replaced)
{
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!obj) {
        dm_reject(r, place, NULL, "not valid JSON: %s (column %d)", jerr.text, jerr.column);
        return DM_OK;
    }
    dm_status st = dm_json_doc_emit(r, place, obj, n_replaced);
    json_decref(obj);
    return st;
}

dm_status dm_json_doc_emit(dm_reader *r, const char *place, json_t *obj, size_t n_replaced)
{
    dm_status st = DM_OK;
    char idbuf[32];
    const char *id = NULL, *bad = NULL;
    json_t *jid = json_object_get(obj, "id");
    if (!json_is_object(obj)) {
        dm_reject(r, place, NULL, "line is JSON but not an object");
        goto done;
    }
    if (json_is_string(jid) && strlen(json_string_value(jid)) != json_string_length(jid)) {
        /* cut at the NUL, it would be another record's id */
        dm_reject(r, place, NULL, "field \"id\" holds a NUL character (\\u0000)");
        goto done;
    } else if (json_is_string(jid))
        id = json_string_value(jid);
    else if (json_is_integer(jid)) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(jid));
        id = idbuf;
    } else {
        dm_reject(r, place, NULL, jid ? "field \"id\" is not a string or an integer" : "no \"id\" field");
        goto done;
    }
    json_t *jtext = json_object_get(obj, "text");
    if (!json_is_string(jtext)) {
        dm_reject(r, place, id, jtext ? "field \"text\" is not a string" : "no \"text\" field");
        goto done;
    }
    dm_raw_doc raw = {.id = id, .text = json_string_value(jtext), .text_len = json_string_length(jtext),
                      .n_replaced = n_replaced};
    raw.lang = opt_string(obj, "lang", &bad);
    raw.url = opt_string(obj, "url", &bad);
    raw.date = opt_string(obj, "date", &bad);
    raw.title = opt_string(obj, "title", &bad);
    if (bad) {
        dm_reject(r, place, id, "field \"%s\" is not a string", bad);
        goto done;
    }
    st = dm_emit(r, place, &raw);
done:
    return st;
}

/* A file that opens with '[' (an array of documents) or with a line holding only '{' (one
 * pretty-printed document) is JSON, not JSON Lines: read whole by json_doc.c. */
static int whole_json(dm_stream *s)
{
    const unsigned char *p;
    size_t n = dm_stream_peek(s, &p, 4096), i = 0;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    if (i < n && p[i] == '[')
        return 1;
    if (i >= n || p[i] != '{')
        return 0;
    for (i++; i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'); i++)
        ;
    return i < n && p[i] == '\n';
}

dm_status dm_read_jsonl(dm_reader *r, dm_stream *s)
{
    if (whole_json(s))
        return dm_read_json_whole(r, s);
    dm_buf line = {0};
    /* \u escapes take six bytes for a letter of two (Cyrillic, Greek, Arabic...) or twelve for
     * one of four (a surrogate pair): a document within the limit has a line within three times
     * it, plus room for the other fields */
    size_t max = r->ctx->opt.max_doc_bytes * 3 + 65536, too_long;
    char place[1200];
    dm_status st = DM_OK;
    for (unsigned long lineno = 1; dm_stream_getline(s, &line, max, &too_long); lineno++) {
        snprintf(place, sizeof place, "%s:%lu", s->name, lineno);
        if (too_long) {
            dm_reject(r, place, NULL, "line of %zu bytes is over the limit of %zu bytes", too_long, max);
            continue;
        }
        size_t n = line.len;
        const char *p = line.p;
        if (lineno == 1 && n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
            p += 3; /* byte-order mark */
            n -= 3;
        }
        while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        if (n == 0)
            continue;
        if (dm_utf8_is_valid(p, n)) {
            st = read_line(r, place, p, n, 0);
        } else {
            /* jansson refuses invalid UTF-8: repair the line first (U+FFFD), and say so */
            char *fixed;
            size_t fixed_n, bad;
            st = dm_text_clean(r->ctx, p, n, &fixed, &fixed_n, &bad);
            if (st)
                break;
            st = read_line(r, place, fixed, fixed_n, bad);
            free(fixed);
        }
        if (st)
            break;
    }
    dm_buf_free(&line);
    const char *err = dm_stream_error(s);
    if (!st && err)
        dm_reject(r, s->name, NULL, "%s", err);
    return st;
}
