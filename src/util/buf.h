/*
 * buf.h -- a growable byte buffer (always NUL-terminated), the one string builder of the library.
 */
#ifndef DM_UTIL_BUF_H
#define DM_UTIL_BUF_H

#include <stddef.h>

typedef struct dm_buf {
    char *p;
    size_t len, cap;
} dm_buf;

/* 0 on success, -1 when out of memory. */
int dm_buf_add(dm_buf *b, const void *data, size_t len);
int dm_buf_addc(dm_buf *b, char c);
int dm_buf_adds(dm_buf *b, const char *s);
int dm_buf_printf(dm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dm_buf_reset(dm_buf *b);
void dm_buf_free(dm_buf *b);

#endif
