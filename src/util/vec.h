/*
 * vec.h -- growing an array: the one place where the library doubles a capacity, checks the
 * multiplication for overflow and keeps the old block when realloc fails.
 */
#ifndef DM_UTIL_VEC_H
#define DM_UTIL_VEC_H

#include <stddef.h>

/* Make *pp (an array of elements of `size` bytes, `*cap` of them allocated) hold at least
 * `need`. pp is the address of the array's pointer (any element type). 0, or -1 when out of
 * memory, the array then left as it was. */
int dm_grow(void *pp, size_t *cap, size_t need, size_t size);

/* dm_grow, with the elements it adds set to zero bytes (counters, marks, empty slots). */
int dm_grow_zeroed(void *pp, size_t *cap, size_t need, size_t size);

#endif
