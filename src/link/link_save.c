/*
 * link_save.c -- a document's analysis in the form a store keeps, so that a later run links it
 * without reading its text again: its language, its structure (letters, sentences, paragraphs),
 * its numbers (as digits) and its words as word types with counts (the order of words is not
 * evidence; word types are the store's link_words rows, which keep each one's transliteration).
 * Weights are not kept: they depend on the whole collection and are recomputed from counts.
 *
 * Blob: 'D', version, then varints: language code (length, bytes), letters, sentences,
 * paragraphs, the numbers (count, then each as length and digits), the distinct word types
 * (count, then each as the gap from the previous id and its count, at most 255).
 */
#include "link/link.h"
#include "util/vec.h"
#include "core/ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BLOB_VERSION = 1 };

typedef struct wbuf {
    uint8_t *p;
    size_t n, cap;
    int failed;
} wbuf;

static void put_bytes(wbuf *b, const void *s, size_t len)
{
    if (b->failed)
        return;
    if (b->n + len > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + len)
            cap *= 2;
        uint8_t *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
}

static void put_var(wbuf *b, uint64_t v)
{
    uint8_t t[10];
    size_t n = 0;
    do {
        t[n++] = (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
    put_bytes(b, t, n);
}

static void put_str(wbuf *b, const char *s)
{
    size_t len = strlen(s);
    put_var(b, len);
    put_bytes(b, s, len);
}

dm_status lk_save_doc(lk_coll *c, uint32_t i)
{
    if (dm_grow_zeroed(&c->saved, &c->saved_cap, (size_t)i + 1, sizeof *c->saved))
        return DM_ENOMEM;
    const lk_doc *d = &c->d[i];
    wbuf b = {0};
    uint8_t head[2] = {'D', BLOB_VERSION};
    put_bytes(&b, head, 2);
    put_str(&b, d->lang < c->nlangs ? c->langs[d->lang].code : "");
    put_var(&b, d->nchar);
    put_var(&b, d->nsent);
    put_var(&b, d->npara);
    put_var(&b, d->nnums); /* its numbers, until the collection is weighed */
    for (uint32_t k = 0; k < d->nnums; k++)
        put_str(&b, lk_feat_text(&c->feats, d->nums[k]));
    put_var(&b, d->nwords); /* its word types with counts, ids ascending */
    lk_word_it it = lk_words_of(d);
    uint32_t w, count, prev = 0;
    while (lk_words_next(&it, &w, &count)) {
        put_var(&b, w - prev);
        put_var(&b, count);
        prev = w;
    }
    if (b.failed || b.n > UINT32_MAX) {
        free(b.p);
        return DM_ENOMEM;
    }
    free(c->saved[i].p);
    c->saved[i] = (lk_blob){b.p, (uint32_t)b.n};
    return DM_OK;
}

typedef struct rbuf {
    const uint8_t *p;
    size_t n, at;
    int bad;
} rbuf;

static uint64_t get_var(rbuf *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->at >= r->n) {
            r->bad = 1;
            return 0;
        }
        uint8_t x = r->p[r->at++];
        v |= (uint64_t)(x & 0x7f) << shift;
        if (!(x & 0x80))
            return v;
    }
    r->bad = 1;
    return 0;
}

/* A string of the blob (not NUL-terminated): *len bytes at the returned pointer. */
static const char *get_str(rbuf *r, size_t *len)
{
    uint64_t l = get_var(r);
    if (r->bad || l > r->n - r->at) {
        r->bad = 1;
        *len = 0;
        return "";
    }
    const char *s = (const char *)r->p + r->at;
    r->at += (size_t)l;
    *len = (size_t)l;
    return s;
}

static dm_status restore(lk_coll *c, lk_doc *d, rbuf *r)
{
    size_t len;
    const char *code = get_str(r, &len);
    char lang[sizeof c->langs[0].code];
    if (r->bad || !len || len >= sizeof lang)
        return DM_EINVAL;
    memcpy(lang, code, len);
    lang[len] = 0;
    dm_status st = lk_lang_index(c, lang, 0, &d->lang);
    d->nchar = (uint32_t)get_var(r);
    d->nsent = (uint32_t)get_var(r);
    d->npara = (uint32_t)get_var(r);
    uint64_t nnum = get_var(r);
    if (st != DM_OK || r->bad || nnum > r->n)
        return st != DM_OK ? st : DM_EINVAL;
    d->nums = malloc((nnum + 1) * sizeof *d->nums);
    if (!d->nums)
        return DM_ENOMEM;
    for (uint64_t k = 0; k < nnum && st == DM_OK && !r->bad; k++) {
        const char *s = get_str(r, &len);
        st = lk_feat_id(&c->feats, LK_NUM, s, len, &d->nums[d->nnums]);
        d->nnums += st == DM_OK;
    }
    uint64_t nw = get_var(r);
    if (st != DM_OK || r->bad || nw > r->n)
        return st != DM_OK ? st : DM_EINVAL;
    uint32_t *ids = malloc((nw + 1) * sizeof *ids);
    uint8_t *count = malloc(nw + 1);
    if (!ids || !count) {
        free(ids);
        free(count);
        return DM_ENOMEM;
    }
    uint64_t w = 0;
    for (uint64_t k = 0; k < nw && !r->bad; k++) {
        w += get_var(r);
        uint64_t n = get_var(r);
        if (w >= c->words.n || (k && w == ids[k - 1]) || !n)
            r->bad = 1;
        ids[k] = (uint32_t)w;
        count[k] = (uint8_t)(n < 255 ? n : 255);
    }
    size_t units = r->bad ? 0 : lk_gaps_put(ids, (size_t)nw, NULL);
    d->words = !r->bad && nw ? malloc(units * sizeof *d->words + nw) : NULL;
    if (!r->bad && nw && d->words) {
        lk_gaps_put(ids, (size_t)nw, d->words);
        memcpy(d->words + units, count, (size_t)nw);
        d->nwords = (uint32_t)nw;
        d->wg = (uint32_t)units;
    }
    free(ids);
    free(count);
    if (r->bad)
        return DM_EINVAL;
    return nw && !d->words ? DM_ENOMEM : DM_OK;
}

dm_status lk_restore_doc(lk_coll *c, const char *id, const uint8_t *p, size_t len)
{
    lk_doc *d = &c->d[c->n];
    rbuf r = {p, len, 2, 0};
    if (len < 2 || p[0] != 'D' || p[1] != BLOB_VERSION)
        return dm_fail(c->ctx, DM_EINVAL, "the stored analysis of %s is not one this version reads", id);
    dm_status st = lk_strs_add(&c->ids, id, strlen(id), &d->id);
    if (st == DM_OK)
        st = restore(c, d, &r);
    if (st == DM_EINVAL)
        return dm_fail(c->ctx, st, "the stored analysis of %s is damaged", id);
    return st == DM_OK ? DM_OK : dm_fail(c->ctx, st, "cannot restore the analysis of %s", id);
}

dm_status lk_restore_word(lk_coll *c, uint32_t id, const char *word, const char *latin, const char *key)
{
    uint32_t got;
    int added;
    dm_status st = lk_word_intern(c, word, strlen(word), &got, &added);
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "no memory for the stored words");
    if (!added || got != id)
        return dm_fail(c->ctx, DM_EINVAL, "the stored word types are not in order (word %u)", id);
    lk_word_prep prep;
    snprintf(prep.latin, sizeof prep.latin, "%s", latin);
    snprintf(prep.key, sizeof prep.key, "%s", key);
    st = lk_word_finish(c, id, &prep);
    return st == DM_OK ? DM_OK : dm_fail(c->ctx, st, "no memory for the stored words");
}

dm_status lk_learned_push(lk_coll *c, lk_learned e)
{
    if (c->nkept == c->kept_cap) {
        size_t cap = c->kept_cap ? c->kept_cap * 2 : 1024;
        lk_learned *p = realloc(c->kept, cap * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        c->kept = p;
        c->kept_cap = cap;
    }
    c->kept[c->nkept++] = e;
    return DM_OK;
}
