/*
 * link_map.c -- the small containers the linking stage is built on: a u64 -> u32 hash map
 * (open addressing, linear probing), a string arena, and the table of interned features.
 * They are separate because every evidence file uses them and none should care how they work.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <stdlib.h>
#include <string.h>

uint64_t lk_hash(const void *p, size_t len, uint64_t seed)
{
    /* FNV-1a, then a 64-bit finaliser so that close strings spread over the table */
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL ^ seed;
    for (size_t i = 0; i < len; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h ? h : 1;
}

/* Keys need not be hashes (pairs of ids are packed into them): mix before using the low bits. */
static size_t slot_of(uint64_t key, size_t mask)
{
    key ^= key >> 31;
    key *= 0x9e3779b97f4a7c15ULL;
    key ^= key >> 29;
    return (size_t)key & mask;
}

dm_status lk_map_init(lk_map *m, size_t hint)
{
    size_t cap = 1024;
    while (cap < hint * 2)
        cap <<= 1;
    m->keys = calloc(cap, sizeof *m->keys);
    m->vals = malloc(cap * sizeof *m->vals);
    m->cap = cap;
    m->n = 0;
    if (!m->keys || !m->vals) {
        lk_map_free(m);
        return DM_ENOMEM;
    }
    return DM_OK;
}

void lk_map_free(lk_map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

uint32_t *lk_map_get(const lk_map *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    size_t mask = m->cap - 1;
    for (size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
        if (m->keys[i] == key)
            return &m->vals[i];
        if (m->keys[i] == 0)
            return NULL;
    }
}

static dm_status map_grow(lk_map *m)
{
    lk_map g;
    if (lk_map_init(&g, m->cap) != DM_OK)
        return DM_ENOMEM;
    size_t mask = g.cap - 1;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = slot_of(m->keys[i], mask);
        while (g.keys[j])
            j = (j + 1) & mask;
        g.keys[j] = m->keys[i];
        g.vals[j] = m->vals[i];
    }
    g.n = m->n;
    lk_map_free(m);
    *m = g;
    return DM_OK;
}

dm_status lk_map_put(lk_map *m, uint64_t key, uint32_t val, uint32_t **slot, int *added)
{
    if (!m->cap || (m->n + 1) * 2 > m->cap) {
        dm_status st = m->cap ? map_grow(m) : lk_map_init(m, 512);
        if (st != DM_OK)
            return st;
    }
    size_t mask = m->cap - 1;
    size_t i = slot_of(key, mask);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & mask;
    *added = m->keys[i] == 0;
    if (*added) {
        m->keys[i] = key;
        m->vals[i] = val;
        m->n++;
    }
    *slot = &m->vals[i];
    return DM_OK;
}

dm_status lk_strs_add(lk_strs *a, const char *s, size_t len, uint32_t *off)
{
    if (a->n + len + 1 > a->cap) {
        size_t cap = a->cap ? a->cap : 1 << 16;
        while (a->n + len + 1 > cap)
            cap *= 2;
        if (cap > UINT32_MAX)
            return DM_ELIMIT;
        char *p = realloc(a->p, cap);
        if (!p)
            return DM_ENOMEM;
        a->p = p;
        a->cap = cap;
    }
    memcpy(a->p + a->n, s, len);
    a->p[a->n + len] = 0;
    *off = (uint32_t)a->n;
    a->n += len + 1;
    return DM_OK;
}

static const char *const kind_names[LK_KIND_COUNT] = {"number", "name", "ngram", "word"};

const char *lk_kind_name(int kind) { return kind >= 0 && kind < LK_KIND_COUNT ? kind_names[kind] : "?"; }

dm_status lk_feat_id(lk_feats *f, int kind, const char *s, size_t len, uint32_t *id)
{
    uint64_t h = lk_hash(s, len, (uint64_t)kind * 0x9e3779b97f4a7c15ULL);
    uint32_t *slot;
    int added;
    dm_status st = lk_map_put(&f->map, h, (uint32_t)f->n, &slot, &added);
    if (st != DM_OK)
        return st;
    if (added) {
        if (f->n >= 0x7fffffff) /* the top bit of an id is a tag while sorting (link_doc.c) */
            return DM_ELIMIT;
        if (f->n == f->cap) {
            size_t cap = f->cap ? f->cap * 2 : 4096;
            uint32_t *df = realloc(f->df, cap * sizeof *df);
            if (df)
                f->df = df;
            uint64_t *lm = realloc(f->lmask, cap * sizeof *lm);
            if (lm)
                f->lmask = lm;
            uint8_t *kd = realloc(f->kind, cap * sizeof *kd);
            if (kd)
                f->kind = kd;
            uint32_t *str = realloc(f->str, cap * sizeof *str);
            if (str)
                f->str = str;
            if (!df || !lm || !kd || !str)
                return DM_ENOMEM;
            f->cap = cap;
        }
        f->df[f->n] = 0;
        f->lmask[f->n] = 0;
        f->kind[f->n] = (uint8_t)kind;
        st = lk_strs_add(&f->strs, s, len, &f->str[f->n]);
        if (st != DM_OK)
            return st;
        f->n++;
    }
    *id = *slot;
    return DM_OK;
}

const char *lk_feat_text(const lk_feats *f, uint32_t id) { return f->strs.p + f->str[id]; }
