/*
 * buf.c -- growable byte buffer; doubles its capacity so appends are amortized O(1).
 */
#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reserve(dm_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2)
            return -1;
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

int dm_buf_add(dm_buf *b, const void *data, size_t len)
{
    if (reserve(b, len))
        return -1;
    if (len)
        memcpy(b->p + b->len, data, len);
    b->len += len;
    b->p[b->len] = 0;
    return 0;
}

int dm_buf_addc(dm_buf *b, char c) { return dm_buf_add(b, &c, 1); }
int dm_buf_adds(dm_buf *b, const char *s) { return dm_buf_add(b, s, strlen(s)); }

int dm_buf_printf(dm_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || reserve(b, (size_t)n))
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void dm_buf_reset(dm_buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = 0;
}

void dm_buf_free(dm_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}
