/*
 * reader.h -- what the readers of src/read share: a byte stream that reads plain and gzip files
 * alike with bounded lines (and past damaged gzip members), and the one door every document goes out through (emit), which
 * cleans the text, refuses empty, oversized and duplicate documents and reports each with its
 * place.
 */
#ifndef DM_READ_READER_H
#define DM_READ_READER_H

#include "core/ctx.h"
#include "util/buf.h"
#include "util/strset.h"

#include <jansson.h>
#include <zlib.h>

typedef struct dm_stream {
    int fd;
    const char *name; /* for messages */
    unsigned char *buf;
    size_t pos, len, cap;
    uint64_t offset;  /* bytes consumed so far (after decompression) */
    int eof;
    /* gzip input: zlib's inflate member by member, so that a damaged member is skipped and
     * reported rather than ending (or silently cutting) the reading */
    int gzip, in_member, raw_eof;
    z_stream z;
    unsigned char *raw;
    size_t raw_len;
    uint64_t raw_offset;    /* compressed bytes read from the file before raw[0] */
    char error[160];        /* the first fault, for dm_stream_error */
    size_t n_faults;
    /* where the last gzip members began, oldest first (a ring): a record's place is given as
     * the compressed offset of its member, which is what CDX indexes and `dd | zcat` use */
    struct dm_member_start {
        uint64_t out, raw; /* decompressed and compressed offsets of the member's start */
    } *members;
    size_t m_head, m_n;
    uint64_t produced; /* decompressed bytes produced so far */
} dm_stream;

dm_status dm_stream_open(dm_ctx *ctx, const char *path, dm_stream *s);
void dm_stream_close(dm_stream *s);
/* Peek at up to n bytes without consuming them; returns how many are available. */
size_t dm_stream_peek(dm_stream *s, const unsigned char **p, size_t n);
/* Read the next line (without its LF) into line. Returns 1 for a line, 0 at the end. A line
 * longer than max is consumed but not kept: *too_long receives its full length. */
int dm_stream_getline(dm_stream *s, dm_buf *line, size_t max, size_t *too_long);
/* Read up to n bytes into out (NULL = skip them); returns how many were read. */
size_t dm_stream_read(dm_stream *s, void *out, size_t n);
/* The place of the byte at decompressed offset `offset` for messages: "name@N" with N the byte
 * offset in a plain file; in a gzip file N is the compressed offset of the member holding it
 * ("name@N+K" when it lies K bytes into the member's output). Offsets asked for must not
 * decrease from one call to the next. */
void dm_stream_place(dm_stream *s, uint64_t offset, char *out, size_t cap);
/* After the end: NULL when the stream ended cleanly, else why (e.g. truncated gzip). */
const char *dm_stream_error(dm_stream *s);

/* The fields of a record as a reader found them (raw bytes, any of them may be NULL). */
typedef struct dm_raw_doc {
    const char *id;
    const char *text;
    size_t text_len;
    const char *lang, *title, *url, *date;
    size_t n_replaced; /* invalid sequences the reader already replaced (e.g. in a JSON line) */
} dm_raw_doc;

typedef struct dm_reader {
    dm_ctx *ctx;
    dm_doc_fn fn;
    void *ud;
    dm_strset ids;
    size_t n_ok, n_rejected;
    dm_status stop; /* set when the callback asked to stop */
} dm_reader;

/* Clean and hand one record to the user's callback, or reject it with a diagnostic at place.
 * Returns DM_OK to go on (even after a rejection), else the status that stops the reading. */
dm_status dm_emit(dm_reader *r, const char *place, const dm_raw_doc *raw);
/* Report a rejected record that never became a document (broken JSON, truncated WARC...). */
void dm_reject(dm_reader *r, const char *place, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The readers, one per format. name is the file's name for places; id_prefix gives ids to
 * documents that have none in the file (plain text and HTML files). */
dm_status dm_read_jsonl(dm_reader *r, dm_stream *s);
/* A whole JSON file: an array of document objects, or one object (json_doc.c). */
dm_status dm_read_json_whole(dm_reader *r, dm_stream *s);
/* One parsed {"id","text",...} object to the door, or rejected at place (jsonl.c). */
dm_status dm_json_doc_emit(dm_reader *r, const char *place, json_t *obj, size_t n_replaced);
dm_status dm_read_warc(dm_reader *r, dm_stream *s);
dm_status dm_read_text_file(dm_reader *r, dm_stream *s, const char *id, int is_html);

/* Decompress an HTTP body sent with Content-Encoding gzip or deflate (zlib or raw) into at most
 * max bytes. *out is malloc'ed and NUL-terminated. */
dm_status dm_inflate_body(dm_ctx *ctx, const char *in, size_t n, size_t max, char **out,
                          size_t *out_n);

/* HTML to text with paragraph breaks: title and body, script/style/navigation dropped.
 * charset may be NULL (the page's own declaration, else UTF-8 with invalid bytes replaced and
 * counted in *n_replaced, which may be NULL). *text is malloc'ed. */
dm_status dm_html_to_text(dm_ctx *ctx, const char *html, size_t len, const char *charset,
                          char **text, size_t *text_len, char **title, size_t *n_replaced);

#endif
