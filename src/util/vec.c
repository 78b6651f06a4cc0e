/*
 * vec.c -- growing an array (see vec.h).
 */
#include "util/vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int dm_grow(void *pp, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / size)
            return -1;
        nc *= 2;
    }
    void *old;
    memcpy(&old, pp, sizeof old); /* pp points to a pointer of some element type */
    void *grown = realloc(old, nc * size);
    if (!grown)
        return -1;
    memcpy(pp, &grown, sizeof grown);
    *cap = nc;
    return 0;
}

int dm_grow_zeroed(void *pp, size_t *cap, size_t need, size_t size)
{
    size_t before = *cap;
    if (dm_grow(pp, cap, need, size))
        return -1;
    if (*cap > before) {
        char *p;
        memcpy(&p, pp, sizeof p);
        memset(p + before * size, 0, (*cap - before) * size);
    }
    return 0;
}
