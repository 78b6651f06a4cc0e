/*
 * lexicon_load.c -- reading one language's lexicon file into a hash table.
 *
 * The file is data/lexicon/<code>.tsv.gz, lines "x_word<TAB>english_word<TAB>weight". Both words
 * are put into dragoman's matching form here, at load time, so the table agrees with whatever
 * dm_match_form does today even if the file was built with an older rule; spellings that fold
 * together are merged (the best weight of a repeated translation is kept). Entries of a word are
 * stored contiguously, best first, and found through an open-addressing table of the words.
 * Separate from lexicon.c, which owns the context slot and the lookups.
 */
#include "lexicon/lexicon_table.h"

#include "core/ctx.h"
#include "util/buf.h"
#include "util/strset.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define LEX_MAX_BYTES ((size_t)256 << 20) /* uncompressed; the shipped files are a few MB */

typedef struct rec {
    uint32_t key, en_off, en_len;
    float w;
} rec;

typedef struct builder {
    dm_buf arena;
    rec *recs;
    size_t n_recs, cap_recs;
    uint32_t *key_off, *key_len;
    size_t n_keys, cap_keys;
    uint32_t *slots;
    size_t n_slots;
} builder;

static void builder_free(builder *b)
{
    dm_buf_free(&b->arena);
    free(b->recs);
    free(b->key_off);
    free(b->key_len);
    free(b->slots);
}

static int grow_slots(builder *b)
{
    size_t ns = b->n_slots ? b->n_slots * 2 : 1024;
    uint32_t *sl = calloc(ns, sizeof *sl);
    if (!sl)
        return -1;
    for (size_t k = 0; k < b->n_keys; k++) {
        size_t h = dm_hash_bytes(b->arena.p + b->key_off[k], b->key_len[k]) & (ns - 1);
        while (sl[h])
            h = (h + 1) & (ns - 1);
        sl[h] = (uint32_t)k + 1;
    }
    free(b->slots);
    b->slots = sl;
    b->n_slots = ns;
    return 0;
}

static int add_string(builder *b, const char *s, size_t len, uint32_t *off)
{
    if (b->arena.len + len + 1 > UINT32_MAX)
        return -1;
    *off = (uint32_t)b->arena.len;
    if (dm_buf_add(&b->arena, s, len) || dm_buf_addc(&b->arena, 0))
        return -1;
    return 0;
}

/* Index of the key, added when new; -1 when out of memory. */
static long key_index(builder *b, const char *w, size_t len)
{
    if ((b->n_keys + 1) * 2 > b->n_slots && grow_slots(b))
        return -1;
    size_t h = dm_hash_bytes(w, len) & (b->n_slots - 1);
    while (b->slots[h]) {
        uint32_t k = b->slots[h] - 1;
        if (b->key_len[k] == len && memcmp(b->arena.p + b->key_off[k], w, len) == 0)
            return (long)k;
        h = (h + 1) & (b->n_slots - 1);
    }
    if (b->n_keys == b->cap_keys) {
        size_t nc = b->cap_keys ? b->cap_keys * 2 : 4096;
        uint32_t *o = realloc(b->key_off, nc * sizeof *o);
        if (!o)
            return -1;
        b->key_off = o;
        uint32_t *l = realloc(b->key_len, nc * sizeof *l);
        if (!l)
            return -1;
        b->key_len = l;
        b->cap_keys = nc;
    }
    uint32_t off;
    if (add_string(b, w, len, &off))
        return -1;
    b->key_off[b->n_keys] = off;
    b->key_len[b->n_keys] = (uint32_t)len;
    b->slots[h] = (uint32_t)b->n_keys + 1;
    return (long)b->n_keys++;
}

static int add_rec(builder *b, uint32_t key, const char *en, size_t en_len, float w)
{
    if (b->n_recs == b->cap_recs) {
        size_t nc = b->cap_recs ? b->cap_recs * 2 : 8192;
        rec *r = realloc(b->recs, nc * sizeof *r);
        if (!r)
            return -1;
        b->recs = r;
        b->cap_recs = nc;
    }
    rec *r = &b->recs[b->n_recs];
    if (add_string(b, en, en_len, &r->en_off))
        return -1;
    r->key = key;
    r->en_len = (uint32_t)en_len;
    r->w = w;
    b->n_recs++;
    return 0;
}

/* Read the whole gzip file; DM_EMODEL when it is not a complete gzip stream. */
static dm_status read_gz(dm_ctx *ctx, const char *path, dm_buf *out)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return dm_fail(ctx, DM_EIO, "cannot open lexicon %s", path);
    char chunk[1 << 16];
    int n;
    while ((n = gzread(gz, chunk, sizeof chunk)) > 0) {
        if (out->len + (size_t)n > LEX_MAX_BYTES) {
            gzclose_r(gz);
            return dm_fail(ctx, DM_EMODEL, "lexicon %s is larger than %zu bytes", path,
                           LEX_MAX_BYTES);
        }
        if (dm_buf_add(out, chunk, (size_t)n)) {
            gzclose_r(gz);
            return dm_fail(ctx, DM_ENOMEM, "out of memory reading lexicon %s", path);
        }
    }
    int errnum = Z_OK;
    const char *msg = n < 0 ? gzerror(gz, &errnum) : NULL;
    dm_status st = DM_OK;
    if (n < 0)
        st = dm_fail(ctx, DM_EMODEL, "lexicon %s is corrupt: %s", path, msg ? msg : "gzip error");
    if (gzclose_r(gz) != Z_OK && st == DM_OK)
        st = dm_fail(ctx, DM_EMODEL, "lexicon %s is truncated", path);
    return st;
}

static int cmp_weight_desc(const void *a, const void *b)
{
    float x = ((const dm_lex_entry *)a)->weight, y = ((const dm_lex_entry *)b)->weight;
    return (x < y) - (x > y);
}

/* Group the records by key (counting sort), best first, repeated translations merged. */
static dm_status finish(dm_ctx *ctx, builder *b, dm_lexicon *lx)
{
    lx->arena = b->arena.p;
    b->arena.p = NULL;
    b->arena.len = b->arena.cap = 0;
    lx->keys = calloc(b->n_keys ? b->n_keys : 1, sizeof *lx->keys);
    lx->entries = malloc((b->n_recs ? b->n_recs : 1) * sizeof *lx->entries);
    if (!lx->keys || !lx->entries)
        return dm_fail(ctx, DM_ENOMEM, "out of memory loading a lexicon");
    for (size_t i = 0; i < b->n_recs; i++)
        lx->keys[b->recs[i].key].count++;
    uint32_t pos = 0;
    for (size_t k = 0; k < b->n_keys; k++) {
        lx->keys[k].word = lx->arena + b->key_off[k];
        lx->keys[k].len = b->key_len[k];
        lx->keys[k].first = pos;
        pos += lx->keys[k].count;
        lx->keys[k].count = 0;
    }
    for (size_t i = 0; i < b->n_recs; i++) {
        dm_lex_key *k = &lx->keys[b->recs[i].key];
        dm_lex_entry *e = &lx->entries[k->first + k->count++];
        e->en = lx->arena + b->recs[i].en_off;
        e->en_len = b->recs[i].en_len;
        e->weight = b->recs[i].w;
    }
    /* sort each group, drop repeated English words, compact */
    size_t w = 0;
    for (size_t k = 0; k < b->n_keys; k++) {
        dm_lex_key *key = &lx->keys[k];
        dm_lex_entry *g = lx->entries + key->first;
        if (key->count > 1) /* an empty array may be NULL */
            qsort(g, key->count, sizeof *g, cmp_weight_desc);
        size_t start = w;
        for (uint32_t i = 0; i < key->count; i++) {
            int dup = 0;
            for (size_t j = start; j < w && !dup; j++)
                dup = lx->entries[j].en_len == g[i].en_len &&
                      memcmp(lx->entries[j].en, g[i].en, g[i].en_len) == 0;
            if (!dup)
                lx->entries[w++] = g[i];
        }
        key->first = (uint32_t)start;
        key->count = (uint32_t)(w - start);
    }
    lx->n_entries = w;
    lx->n_keys = b->n_keys;
    lx->slots = b->slots;
    lx->n_slots = b->n_slots;
    b->slots = NULL;
    return DM_OK;
}

static dm_status parse(dm_ctx *ctx, const char *path, char *text, size_t len, builder *b)
{
    size_t line_no = 0;
    char *p = text, *end = text + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *line_end = nl ? nl : end;
        char *next = nl ? nl + 1 : end;
        line_no++;
        if (line_end == p) {
            p = next;
            continue;
        }
        char *t1 = memchr(p, '\t', (size_t)(line_end - p));
        char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(line_end - t1 - 1)) : NULL;
        if (!t1 || !t2 || t1 == p || t2 == t1 + 1)
            return dm_fail(ctx, DM_EMODEL, "%s:%zu: not word<TAB>english<TAB>weight", path,
                           line_no);
        *line_end = 0;
        char *after;
        double w = strtod(t2 + 1, &after);
        if (after == t2 + 1 || *after || !(w > 0) || w > 1.0001)
            return dm_fail(ctx, DM_EMODEL, "%s:%zu: bad weight", path, line_no);
        char *xf = NULL, *ef = NULL;
        size_t xl = 0, el = 0;
        dm_status st = dm_match_form(ctx, p, (size_t)(t1 - p), &xf, &xl);
        if (st == DM_OK)
            st = dm_match_form(ctx, t1 + 1, (size_t)(t2 - t1 - 1), &ef, &el);
        if (st == DM_OK && xl > 0 && el > 0) {
            long k = key_index(b, xf, xl);
            if (k < 0 || add_rec(b, (uint32_t)k, ef, el, w > 1 ? 1.0f : (float)w))
                st = dm_fail(ctx, DM_ENOMEM, "out of memory loading %s", path);
        }
        free(xf);
        free(ef);
        if (st)
            return st;
        p = next;
    }
    return DM_OK;
}

dm_status dm_lexicon_load(dm_ctx *ctx, const char *set, const char *code, dm_lexicon **out)
{
    *out = NULL;
    char name[96], path[1200];
    if (set)
        snprintf(name, sizeof name, "lexicon/%s/%s.tsv.gz", set, code);
    else
        snprintf(name, sizeof name, "lexicon/%s.tsv.gz", code);
    dm_status st = dm_data_path(ctx, name, path, sizeof path);
    if (st)
        return st;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT || errno == ENOTDIR)
            return DM_OK; /* no lexicon for this language */
        return dm_fail(ctx, DM_EIO, "cannot open lexicon %s: %s", path, strerror(errno));
    }
    fclose(f);
    dm_buf text = {0};
    st = read_gz(ctx, path, &text);
    builder b = {0};
    dm_lexicon *lx = NULL;
    if (st == DM_OK && text.len)
        st = parse(ctx, path, text.p, text.len, &b);
    if (st == DM_OK && !(lx = calloc(1, sizeof *lx)))
        st = dm_fail(ctx, DM_ENOMEM, "out of memory loading %s", path);
    if (st == DM_OK && b.n_slots == 0 && grow_slots(&b))
        st = dm_fail(ctx, DM_ENOMEM, "out of memory loading %s", path);
    if (st == DM_OK) {
        snprintf(lx->lang, sizeof lx->lang, "%s", code);
        st = finish(ctx, &b, lx);
    }
    dm_buf_free(&text);
    builder_free(&b);
    if (st) {
        dm_lexicon_destroy(lx);
        return st;
    }
    *out = lx;
    return DM_OK;
}
