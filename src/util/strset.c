/*
 * strset.c -- string set with open addressing and linear probing; grows at 1/2 load so probes
 * stay short. Owns copies of its strings.
 */
#include "util/strset.h"

#include <stdlib.h>
#include <string.h>

uint64_t dm_hash_bytes(const void *p, size_t len)
{
    const unsigned char *b = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static size_t find_slot(char **slots, size_t cap, const char *str)
{
    size_t i = (size_t)dm_hash_bytes(str, strlen(str)) & (cap - 1);
    while (slots[i] && strcmp(slots[i], str))
        i = (i + 1) & (cap - 1);
    return i;
}

static int grow(dm_strset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 64;
    char **slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i])
            slots[find_slot(slots, cap, s->slots[i])] = s->slots[i];
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
    return 0;
}

int dm_strset_add(dm_strset *s, const char *str)
{
    if ((s->n + 1) * 2 > s->cap && grow(s))
        return -1;
    size_t i = find_slot(s->slots, s->cap, str);
    if (s->slots[i])
        return 0;
    s->slots[i] = strdup(str);
    if (!s->slots[i])
        return -1;
    s->n++;
    return 1;
}

int dm_strset_has(const dm_strset *s, const char *str)
{
    return s->cap && s->slots[find_slot(s->slots, s->cap, str)] != NULL;
}

void dm_strset_free(dm_strset *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->slots[i]);
    free(s->slots);
    memset(s, 0, sizeof *s);
}
