/*
 * stream.c -- one byte stream for every input: plain files and gzip files (concatenated members,
 * as WARC.gz files are) alike, so no reader cares which it has. Lines are bounded: a 100 MB line
 * is consumed in pieces and reported, never held.
 *
 * gzip is inflated here member by member rather than through gzread: gzread stops without a word
 * at a member whose header is damaged, and loses everything it decoded in the call that meets
 * damaged data. Here a damaged member is skipped to the next gzip header, the reading goes on,
 * and dm_stream_error says what happened.
 */
#include "read/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STREAM_CHUNK (256 * 1024)
#define RAW_CHUNK (128 * 1024)
#define MEMBER_RING 4096 /* member starts remembered: more than a buffer's worth of tiny members */

static void fault(dm_stream *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fault(dm_stream *s, const char *fmt, ...)
{
    if (s->n_faults++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(s->error, sizeof s->error, fmt, ap);
        va_end(ap);
    }
}

/* Read up to n bytes from the file; 0 at the end (or after a read error, recorded). */
static size_t read_fd(dm_stream *s, unsigned char *out, size_t n)
{
    for (;;) {
        ssize_t got = read(s->fd, out, n);
        if (got >= 0)
            return (size_t)got;
        if (errno != EINTR) {
            fault(s, "read error: %s", strerror(errno));
            return 0;
        }
    }
}

/* Make the compressed input hold at least `want` bytes if the file has them. */
static void raw_fill(dm_stream *s, size_t want)
{
    size_t have = s->z.avail_in;
    if (have >= want || s->raw_eof)
        return;
    size_t used = (size_t)(s->z.next_in - s->raw);
    memmove(s->raw, s->z.next_in, have);
    s->raw_offset += used;
    while (have < want && !s->raw_eof) {
        size_t got = read_fd(s, s->raw + have, RAW_CHUNK - have);
        if (got == 0)
            s->raw_eof = 1;
        have += got;
    }
    s->z.next_in = s->raw;
    s->z.avail_in = (uInt)have;
}

static uint64_t raw_pos(const dm_stream *s) { return s->raw_offset + (uint64_t)(s->z.next_in - s->raw); }

/* Skip n buffered input bytes; *junk is set when any of them is more than padding. */
static void skip_raw(dm_stream *s, size_t n, int *junk)
{
    for (size_t i = 0; i < n && !*junk; i++)
        *junk = !memchr("\0\n\r \t", s->z.next_in[i], 5);
    s->z.next_in += n;
    s->z.avail_in -= (uInt)n;
}

/* At a member boundary: skip to the next gzip header (1f 8b 08). What is skipped is reported
 * (after damaged data always; else unless it is only padding: NULs, line ends). Returns 0 when
 * the input ends first. */
static int next_member(dm_stream *s, const char *why, int damaged)
{
    uint64_t from = raw_pos(s);
    int junk = damaged;
    for (;;) {
        raw_fill(s, 3);
        if (s->z.avail_in < 3) {
            skip_raw(s, s->z.avail_in, &junk);
            if (junk)
                fault(s, "%s at compressed byte %llu (skipped to the end)", why, (unsigned long long)from);
            return 0;
        }
        const unsigned char *p = s->z.next_in;
        if (p[0] == 0x1F && p[1] == 0x8B && p[2] == 0x08) {
            if (junk)
                fault(s, "%s at compressed byte %llu (skipped to the next gzip member)", why, (unsigned long long)from);
            return 1;
        }
        /* step to the next 0x1f in what is buffered */
        const unsigned char *q = memchr(p + 1, 0x1F, s->z.avail_in - 1);
        skip_raw(s, q ? (size_t)(q - p) : s->z.avail_in, &junk);
    }
}

static void member_began(dm_stream *s, uint64_t out)
{
    if (!s->members)
        return;
    if (s->m_n == MEMBER_RING) { /* forget the oldest */
        s->m_head = (s->m_head + 1) % MEMBER_RING;
        s->m_n--;
    }
    struct dm_member_start *m = &s->members[(s->m_head + s->m_n++) % MEMBER_RING];
    m->out = out;
    m->raw = raw_pos(s);
}

void dm_stream_place(dm_stream *s, uint64_t offset, char *out, size_t cap)
{
    if (!s->gzip) {
        snprintf(out, cap, "%s@%llu", s->name, (unsigned long long)offset);
        return;
    }
    /* the latest member that began at or before offset; older ones are not asked for again */
    while (s->m_n > 1 && s->members[(s->m_head + 1) % MEMBER_RING].out <= offset) {
        s->m_head = (s->m_head + 1) % MEMBER_RING;
        s->m_n--;
    }
    const struct dm_member_start *m = s->m_n ? &s->members[s->m_head] : NULL;
    if (!m || m->out > offset)
        snprintf(out, cap, "%s@%llu (decompressed)", s->name, (unsigned long long)offset);
    else if (m->out == offset)
        snprintf(out, cap, "%s@%llu", s->name, (unsigned long long)m->raw);
    else
        snprintf(out, cap, "%s@%llu+%llu", s->name, (unsigned long long)m->raw,
                 (unsigned long long)(offset - m->out));
}

/* Decompress up to n bytes into out; 0 at the end of the input. */
static size_t inflate_some(dm_stream *s, unsigned char *out, size_t n)
{
    s->z.next_out = out;
    s->z.avail_out = (uInt)n;
    while (s->z.avail_out > 0) {
        if (!s->in_member) {
            if (!next_member(s, "bytes that are not gzip", 0))
                break;
            s->in_member = 1;
            member_began(s, s->produced + (n - s->z.avail_out));
        }
        raw_fill(s, 1);
        if (s->z.avail_in == 0) {
            fault(s, "truncated gzip data (unexpected end of file)");
            s->in_member = 0;
            break;
        }
        uInt in_before = s->z.avail_in, out_before = s->z.avail_out;
        int rc = inflate(&s->z, Z_NO_FLUSH);
        if (rc == Z_BUF_ERROR && s->z.avail_in == in_before && s->z.avail_out == out_before)
            rc = Z_DATA_ERROR; /* no progress with input and room: never loop on it */
        if (rc == Z_STREAM_END) {
            inflateReset(&s->z);
            s->in_member = 0;
            raw_fill(s, 1);
            if (s->z.avail_in == 0)
                break; /* the clean end */
        } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR) {
            inflateReset(&s->z);
            s->in_member = 0;
            /* step past this header, then look for the next member */
            if (s->z.avail_in) {
                s->z.next_in++;
                s->z.avail_in--;
            }
            if (!next_member(s, "corrupt gzip data", 1))
                break;
            /* the loop's next turn starts the member found (and records where) */
        } else if (rc == Z_MEM_ERROR) {
            fault(s, "no memory to decompress");
            break;
        }
        /* Z_OK, Z_BUF_ERROR: more input or more room; the loop sees to both */
    }
    return n - s->z.avail_out;
}

dm_status dm_stream_open(dm_ctx *ctx, const char *path, dm_stream *s)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->name = path;
    if (!strcmp(path, "-")) {
        s->fd = dup(0);
        s->name = "<stdin>";
    } else {
        s->fd = open(path, O_RDONLY);
    }
    if (s->fd < 0)
        return dm_fail(ctx, DM_EIO, "cannot open %s: %s", path, strerror(errno));
    s->cap = STREAM_CHUNK;
    s->buf = malloc(s->cap);
    s->raw = malloc(RAW_CHUNK);
    if (!s->buf || !s->raw) {
        dm_stream_close(s);
        return dm_fail(ctx, DM_ENOMEM, "no memory to read %s", path);
    }
    /* gzip or not is decided by the first bytes, whatever the name says */
    s->z.next_in = s->raw;
    raw_fill(s, 2);
    if (s->z.avail_in >= 2 && s->raw[0] == 0x1F && s->raw[1] == 0x8B) {
        if (inflateInit2(&s->z, 15 + 16) != Z_OK) {
            dm_stream_close(s);
            return dm_fail(ctx, DM_ENOMEM, "no memory to decompress %s", path);
        }
        s->gzip = 1;
        s->members = malloc(MEMBER_RING * sizeof *s->members);
        if (!s->members) {
            dm_stream_close(s);
            return dm_fail(ctx, DM_ENOMEM, "no memory to read %s", path);
        }
    }
    return DM_OK;
}

void dm_stream_close(dm_stream *s)
{
    if (s->gzip)
        inflateEnd(&s->z);
    if (s->fd >= 0)
        close(s->fd);
    free(s->buf);
    free(s->raw);
    free(s->members);
    s->members = NULL;
    s->fd = -1;
    s->gzip = 0;
    s->buf = s->raw = NULL;
}

/* Up to n bytes of the input into out; 0 at the end. */
static size_t produce(dm_stream *s, unsigned char *out, size_t n)
{
    if (s->gzip) {
        size_t got = inflate_some(s, out, n);
        s->produced += got;
        return got;
    }
    /* plain: first what was read to sniff for gzip, then the file */
    if (s->z.avail_in) {
        size_t k = s->z.avail_in < n ? s->z.avail_in : n;
        memcpy(out, s->z.next_in, k);
        s->z.next_in += k;
        s->z.avail_in -= (uInt)k;
        return k;
    }
    return read_fd(s, out, n);
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
        size_t got = produce(s, s->buf + s->len, s->cap - s->len);
        if (got == 0)
            s->eof = 1;
        else
            s->len += got;
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
    if (!s->n_faults)
        return NULL;
    if (s->n_faults > 1) {
        size_t k = strlen(s->error);
        snprintf(s->error + k, sizeof s->error - k, " and %zu more fault%s", s->n_faults - 1,
                 s->n_faults == 2 ? "" : "s");
        s->n_faults = 1;
    }
    return s->error;
}
