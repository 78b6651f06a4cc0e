/*
 * align_vocab.c -- interning of the strings the aligner compares (word forms, name keys, numbers,
 * pivot words) into dense integer ids, so that "do these two words match" is an integer test and
 * per-id tables (document frequencies, marks) are plain arrays.
 *
 * Open addressing with linear probing over FNV-1a hashes; the strings live in one growing pool.
 * Kept in the align stage because only the aligner and the miner need it.
 */
#include "align/align_internal.h"

#include <stdlib.h>
#include <string.h>

struct al_vocab {
    uint32_t *slots;   /* id + 1, 0 = empty */
    uint32_t *hashes;  /* hash of each id */
    size_t *offs;      /* pool offset of each id's string */
    uint32_t *lens;
    char *pool;
    size_t pool_len, pool_cap;
    size_t n, cap_ids, n_slots;
};

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

al_vocab *al_vocab_new(void)
{
    al_vocab *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->n_slots = 1024;
    v->slots = calloc(v->n_slots, sizeof *v->slots);
    if (!v->slots) {
        free(v);
        return NULL;
    }
    return v;
}

void al_vocab_free(al_vocab *v)
{
    if (!v)
        return;
    free(v->slots);
    free(v->hashes);
    free(v->offs);
    free(v->lens);
    free(v->pool);
    free(v);
}

size_t al_vocab_size(const al_vocab *v) { return v->n; }

const char *al_vocab_str(const al_vocab *v, uint32_t id, size_t *len)
{
    if (len)
        *len = v->lens[id];
    return v->pool + v->offs[id];
}

static int grow_slots(al_vocab *v)
{
    size_t ns = v->n_slots * 2;
    uint32_t *s = calloc(ns, sizeof *s);
    if (!s)
        return -1;
    for (size_t id = 0; id < v->n; id++) {
        size_t k = v->hashes[id] & (ns - 1);
        while (s[k])
            k = (k + 1) & (ns - 1);
        s[k] = (uint32_t)id + 1;
    }
    free(v->slots);
    v->slots = s;
    v->n_slots = ns;
    return 0;
}

int al_vocab_find(const al_vocab *v, const char *s, size_t n, uint32_t *id)
{
    uint32_t h = fnv1a(s, n);
    for (size_t k = h & (v->n_slots - 1);; k = (k + 1) & (v->n_slots - 1)) {
        uint32_t e = v->slots[k];
        if (!e)
            return 0;
        e--;
        if (v->hashes[e] == h && v->lens[e] == n && !memcmp(v->pool + v->offs[e], s, n)) {
            *id = e;
            return 1;
        }
    }
}

dm_status al_vocab_intern(al_vocab *v, const char *s, size_t n, uint32_t *id)
{
    if (al_vocab_find(v, s, n, id))
        return DM_OK;
    if ((v->n + 1) * 2 > v->n_slots && grow_slots(v))
        return DM_ENOMEM;
    if (v->n == v->cap_ids) {
        size_t nc = v->cap_ids ? v->cap_ids * 2 : 1024;
        uint32_t *h = realloc(v->hashes, nc * sizeof *h);
        if (!h)
            return DM_ENOMEM;
        v->hashes = h;
        size_t *o = realloc(v->offs, nc * sizeof *o);
        if (!o)
            return DM_ENOMEM;
        v->offs = o;
        uint32_t *l = realloc(v->lens, nc * sizeof *l);
        if (!l)
            return DM_ENOMEM;
        v->lens = l;
        v->cap_ids = nc;
    }
    if (v->pool_len + n + 1 > v->pool_cap) {
        size_t nc = v->pool_cap ? v->pool_cap : 4096;
        while (nc < v->pool_len + n + 1)
            nc *= 2;
        char *p = realloc(v->pool, nc);
        if (!p)
            return DM_ENOMEM;
        v->pool = p;
        v->pool_cap = nc;
    }
    memcpy(v->pool + v->pool_len, s, n);
    v->pool[v->pool_len + n] = 0;
    uint32_t h = fnv1a(s, n);
    uint32_t nid = (uint32_t)v->n;
    v->offs[nid] = v->pool_len;
    v->lens[nid] = (uint32_t)n;
    v->hashes[nid] = h;
    v->pool_len += n + 1;
    size_t k = h & (v->n_slots - 1);
    while (v->slots[k])
        k = (k + 1) & (v->n_slots - 1);
    v->slots[k] = nid + 1;
    v->n++;
    *id = nid;
    return DM_OK;
}
