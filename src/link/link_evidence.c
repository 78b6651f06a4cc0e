/*
 * link_evidence.c -- a document's evidence counted from what the collection keeps of it: the
 * numbers it held (until it is weighed) and its word types. The keys and n-grams of a word, and
 * the pivot words of the shipped and learned lexicons, belong to the word type and are looked
 * up again whenever a document's evidence is needed, so no document ever holds its full,
 * unweighed evidence (about twice what is kept once weighed): counting the document
 * frequencies and weighing are two sweeps over the collection that each rebuild it in a
 * thread's scratch space.
 */
#include "link/link.h"

#include <stdlib.h>

dm_status lk_scratch_fit(lk_scratch *s, size_t nfeats)
{
    if (nfeats + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 1 << 16;
        while (cap < nfeats + 1)
            cap *= 2;
        float *a = calloc(cap, sizeof *a); /* a fresh zeroed array: nothing is pending in it */
        uint32_t *t = malloc(cap * sizeof *t);
        if (!a || !t) {
            free(a);
            free(t);
            return DM_ENOMEM;
        }
        free(s->acc);
        free(s->touched);
        s->acc = a;
        s->touched = t;
        s->cap = cap;
    }
    return DM_OK;
}

void lk_scratch_free(lk_scratch *s)
{
    free(s->acc);
    free(s->touched);
    free(s->list);
    free(s->tmp);
    free(s->out);
    *s = (lk_scratch){0};
}

static inline void acc_add(lk_scratch *s, size_t *nt, uint32_t f, float w)
{
    if (s->acc[f] == 0)
        s->touched[(*nt)++] = f;
    s->acc[f] += w;
}

/* The pivot words of word w of document d: the shipped lexicon's (weighted by it), then the
 * learned lexicon's (pivot-language documents: the word itself, when it is a translation). */
static void add_pivots(const lk_coll *c, const lk_doc *d, int lex, uint32_t w, float count, lk_scratch *s,
                       size_t *nt)
{
    if (lex) {
        uint32_t v = lk_lexicon_entry(c, d->lang, w);
        if (v != LK_NONE)
            for (uint32_t q = 1; q <= c->lex_fw[v].id; q++)
                acc_add(s, nt, c->lex_fw[v + q].id, count * c->lex_fw[v + q].w);
    }
    if (!c->learned)
        return;
    uint32_t f = LK_NONE;
    if ((int)d->lang == c->pivot_lang)
        f = c->learned_target[w];
    else {
        const uint32_t *v = lk_map_get(c->learned, ((uint64_t)d->lang << 32 | w) + 1);
        if (v)
            f = *v;
    }
    if (f != LK_NONE)
        acc_add(s, nt, f, count);
}

dm_status lk_doc_counts(const lk_coll *c, const lk_doc *d, int kind_mask, lk_scratch *s, uint32_t *n,
                        uint32_t *nstat)
{
    int stat = kind_mask & ~(1 << LK_PIVOT), piv = kind_mask & (1 << LK_PIVOT);
    int lex = piv && !c->no_langid && d->lang < c->nlangs && c->langs[d->lang].lex;
    size_t nt = 0;
    if (stat && !c->weighed) /* its numbers, kept until it is weighed */
        for (uint32_t j = 0; j < d->nnums; j++)
            acc_add(s, &nt, d->nums[j], 1.0f);
    lk_word_it it = lk_words_of(d);
    uint32_t w, count;
    while (lk_words_next(&it, &w, &count)) {
        float n_w = (float)count;
        if (stat) {
            const lk_word *wd = &c->words.w[w];
            if (wd->key != LK_NONE)
                acc_add(s, &nt, wd->key, n_w);
            for (uint16_t g = 0; g < wd->ngram; g++)
                acc_add(s, &nt, c->words.grams[wd->gram0 + g], n_w);
        }
        if (piv)
            add_pivots(c, d, lex, w, n_w, s, &nt);
    }
    if (nt > s->list_cap) {
        lk_fw *p = realloc(s->list, nt * sizeof *p);
        if (!p) {
            for (size_t t = 0; t < nt; t++)
                s->acc[s->touched[t]] = 0;
            return DM_ENOMEM;
        }
        s->list = p;
        s->list_cap = nt;
    }
    /* static kinds from the front, pivot words from the back (in no order: whoever needs them
     * sorted sorts what is left of them, a fraction) */
    size_t front = 0, back = nt;
    for (size_t t = 0; t < nt; t++) {
        uint32_t f = s->touched[t];
        lk_fw fw = {f, s->acc[f]};
        s->acc[f] = 0;
        if (c->feats.kind[f] == LK_PIVOT)
            s->list[--back] = fw;
        else
            s->list[front++] = fw;
    }
    *n = (uint32_t)nt;
    *nstat = (uint32_t)front;
    return DM_OK;
}
