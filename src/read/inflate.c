/*
 * inflate.c -- HTTP bodies sent with Content-Encoding gzip or deflate, as crawlers other than
 * Common Crawl keep them in WARC files. Apart from warc.c because it is zlib's streaming API and
 * its own bounds: the output is capped, so a small "zip bomb" cannot take the memory.
 */
#include "read/reader.h"

#include <stdlib.h>
#include <string.h>

/* One attempt with zlib's window bits wbits (15+32: gzip or zlib header; -15: raw deflate). */
static dm_status inflate_with(dm_ctx *ctx, int wbits, const char *in, size_t n, size_t max,
                              dm_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, wbits) != Z_OK)
        return dm_fail(ctx, DM_ENOMEM, "no memory to decompress a body");
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    dm_status st = DM_OK;
    unsigned char chunk[65536];
    for (;;) {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        int rc = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof chunk - z.avail_out;
        if (out->len + got > max) {
            st = dm_fail(ctx, DM_ELIMIT, "decompressed body is over the limit of %zu bytes", max);
            break;
        }
        if (got && dm_buf_add(out, chunk, got)) {
            st = dm_fail(ctx, DM_ENOMEM, "no memory to decompress a body");
            break;
        }
        if (rc == Z_STREAM_END) {
            /* concatenated gzip members are one body; trailing padding is not */
            if (z.avail_in && wbits > 0 && (unsigned char)z.next_in[0] == 0x1F && inflateReset(&z) == Z_OK)
                continue;
            break;
        }
        if (rc == Z_OK || (rc == Z_BUF_ERROR && z.avail_out == 0))
            continue;
        st = dm_fail(ctx, DM_EFORMAT, "%s", rc == Z_BUF_ERROR ? "truncated compressed data"
                                                              : z.msg ? z.msg : "broken compressed data");
        break;
    }
    inflateEnd(&z);
    return st;
}

dm_status dm_inflate_body(dm_ctx *ctx, const char *in, size_t n, size_t max, char **out, size_t *out_n)
{
    *out = NULL;
    *out_n = 0;
    if (n > 0xFFFFFFFFu)
        return dm_fail(ctx, DM_ELIMIT, "compressed body too large");
    dm_buf b = {0};
    dm_status st = inflate_with(ctx, 15 + 32, in, n, max, &b);
    if (st == DM_EFORMAT && b.len == 0) {
        /* "deflate" is often sent raw, without the zlib header it should have */
        dm_status raw = inflate_with(ctx, -15, in, n, max, &b);
        if (raw != DM_EFORMAT)
            st = raw;
        else
            dm_fail(ctx, DM_EFORMAT, "not gzip or deflate data");
    }
    if (st) {
        dm_buf_free(&b);
        return st;
    }
    if (!b.p && dm_buf_add(&b, "", 0))
        return dm_fail(ctx, DM_ENOMEM, "no memory to decompress a body");
    *out = b.p;
    *out_n = b.len;
    return DM_OK;
}
