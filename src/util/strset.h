/*
 * strset.h -- a set of strings (open addressing, FNV-1a), used where a stage must remember what it
 * has seen: document ids in one reading, content hashes.
 */
#ifndef DM_UTIL_STRSET_H
#define DM_UTIL_STRSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct dm_strset {
    char **slots;
    size_t cap, n;
} dm_strset;

uint64_t dm_hash_bytes(const void *p, size_t len);
/* 1 if added, 0 if already there, -1 when out of memory. */
int dm_strset_add(dm_strset *s, const char *str);
int dm_strset_has(const dm_strset *s, const char *str);
void dm_strset_free(dm_strset *s);

#endif
