/*
 * json_doc.c -- a JSON file that is not JSON Lines: an array of document objects (what many
 * tools export), or one pretty-printed object. Each element goes to the door like a JSON line,
 * its place being file[index]; a file too large to parse whole is refused with the advice to
 * write JSON Lines, which are read a line at a time with bounded memory.
 */
#include "read/reader.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>

dm_status dm_read_json_whole(dm_reader *r, dm_stream *s)
{
    /* a document may reach the document limit, escapes tripling it; a file is many of them */
    size_t max = r->ctx->opt.max_doc_bytes * 3 + ((size_t)256 << 20);
    dm_buf all = {0};
    char chunk[65536];
    size_t got;
    while ((got = dm_stream_read(s, chunk, sizeof chunk)) > 0) {
        if (all.len + got > max) {
            dm_buf_free(&all);
            dm_reject(r, s->name, NULL, "JSON file over %zu MB: write it as JSON Lines (one document a line)",
                      max >> 20);
            return DM_OK;
        }
        if (dm_buf_add(&all, chunk, got)) {
            dm_buf_free(&all);
            return dm_fail(r->ctx, DM_ENOMEM, "no memory to read %s", s->name);
        }
    }
    const char *err = dm_stream_error(s);
    if (err)
        dm_reject(r, s->name, NULL, "%s", err);
    size_t replaced = 0;
    const char *text = all.p ? all.p : "";
    size_t len = all.len;
    char *fixed = NULL;
    if (!dm_utf8_is_valid(text, len)) {
        /* jansson refuses invalid UTF-8: repair first (U+FFFD), and count it */
        dm_status st = dm_text_clean(r->ctx, text, len, &fixed, &len, &replaced);
        if (st) {
            dm_buf_free(&all);
            return st;
        }
        text = fixed;
    }
    if (replaced) /* said once for the file: which documents held them is not known */
        dm_diag(r->ctx, DM_DIAG_REPAIRED, s->name, NULL, "%zu invalid byte sequence%s replaced by U+FFFD",
                replaced, replaced == 1 ? "" : "s");
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    dm_buf_free(&all);
    free(fixed);
    if (!root) {
        char place[1100];
        snprintf(place, sizeof place, "%s:%d", s->name, jerr.line);
        dm_reject(r, place, NULL, "not valid JSON: %s (column %d)", jerr.text, jerr.column);
        return DM_OK;
    }
    dm_status st = DM_OK;
    if (json_is_array(root)) {
        char place[1100];
        for (size_t i = 0; i < json_array_size(root) && !st; i++) {
            snprintf(place, sizeof place, "%s[%zu]", s->name, i);
            json_t *el = json_array_get(root, i);
            if (json_is_object(el))
                st = dm_json_doc_emit(r, place, el, 0);
            else
                dm_reject(r, place, NULL, "array element is not an object");
        }
    } else if (json_is_object(root)) {
        st = dm_json_doc_emit(r, s->name, root, 0);
    } else {
        dm_reject(r, s->name, NULL, "JSON but neither an array of documents nor a document");
    }
    json_decref(root);
    return st;
}
