/*
 * stream.c -- one byte stream for every input: zlib's gzread reads gzip and plain files alike
 * (and concatenated gzip members, as WARC.gz files are), so no reader cares which it has. Lines
 * are bounded: a 100 MB line is consumed in pieces and reported, never held.
 */
#include "read/reader.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STREAM_CHUNK (256 * 1024)

dm_status dm_stream_open(dm_ctx *ctx, const char *path, dm_stream *s)
{
    memset(s, 0, sizeof *s);
    s->name = path;
    if (!strcmp(path, "-")) {
        int fd = dup(0);
        if (fd < 0)
            return dm_fail(ctx, DM_EIO, "cannot read standard input");
        s->gz = gzdopen(fd, "rb");
        s->name = "<stdin>";
    } else {
        s->gz = gzopen(path, "rb");
    }
    if (!s->gz)
        return dm_fail(ctx, DM_EIO, "cannot open %s", path);
    gzbuffer(s->gz, 128 * 1024);
    s->cap = STREAM_CHUNK;
    s->buf = malloc(s->cap);
    if (!s->buf) {
        gzclose(s->gz);
        s->gz = NULL;
        return dm_fail(ctx, DM_ENOMEM, "no memory to read %s", path);
    }
    return DM_OK;
}

void dm_stream_close(dm_stream *s)
{
    if (s->gz)
        gzclose(s->gz);
    free(s->buf);
    s->gz = NULL;
    s->buf = NULL;
}

/* Make at least `want` bytes available if the file has them. */
static void fill(dm_stream *s, size_t want)
{
    if (s->len - s->pos >= want || s->eof)
        return;
    memmove(s->buf, s->buf + s->pos, s->len - s->pos);
    s->len -= s->pos;
    s->pos = 0;
    while (s->len < want && !s->eof) {
        int got = gzread(s->gz, s->buf + s->len, (unsigned)(s->cap - s->len));
        if (got <= 0)
            s->eof = 1;
        else
            s->len += (size_t)got;
    }
}

size_t dm_stream_peek(dm_stream *s, const unsigned char **p, size_t n)
{
    if (n > s->cap)
        n = s->cap;
    fill(s, n);
    *p = s->buf + s->pos;
    size_t have = s->len - s->pos;
    return have < n ? have : n;
}

int dm_stream_getline(dm_stream *s, dm_buf *line, size_t max, size_t *too_long)
{
    dm_buf_reset(line);
    *too_long = 0;
    size_t total = 0;
    int any = 0;
    for (;;) {
        if (s->pos == s->len) {
            fill(s, 1);
            if (s->pos == s->len)
                break;
        }
        any = 1;
        unsigned char *start = s->buf + s->pos;
        unsigned char *nl = memchr(start, '\n', s->len - s->pos);
        size_t chunk = nl ? (size_t)(nl - start) : s->len - s->pos;
        if (total + chunk <= max) {
            if (dm_buf_add(line, start, chunk))
                *too_long = total + chunk; /* out of memory: treat as too long */
        } else {
            dm_buf_reset(line);
        }
        total += chunk;
        s->pos += chunk + (nl ? 1 : 0);
        s->offset += chunk + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (total > max)
        *too_long = total;
    return any;
}

size_t dm_stream_read(dm_stream *s, void *out, size_t n)
{
    size_t done = 0;
    while (done < n) {
        if (s->pos == s->len) {
            fill(s, 1);
            if (s->pos == s->len)
                break;
        }
        size_t k = s->len - s->pos;
        if (k > n - done)
            k = n - done;
        if (out)
            memcpy((char *)out + done, s->buf + s->pos, k);
        s->pos += k;
        s->offset += k;
        done += k;
    }
    return done;
}

const char *dm_stream_error(dm_stream *s)
{
    int errnum = Z_OK;
    const char *msg = gzerror(s->gz, &errnum);
    if (errnum == Z_OK || errnum == Z_STREAM_END)
        return NULL;
    if (errnum == Z_BUF_ERROR)
        return "truncated gzip data (unexpected end of file)";
    return msg;
}
