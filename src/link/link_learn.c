/*
 * link_learn.c -- a lexicon learned from the collection itself. The stories of a first pass are
 * parallel documents: a word of language L that turns up in the same stories as a word v of the
 * pivot language translates to v (Dice coefficient of their sets of stories). Words found in
 * one story only, or in a large share of them, are left out; the number of training stories is
 * bounded by a budget of work, so learning costs the same for 10k or 1M documents.
 * Every document then gains LK_PIVOT features, the pivot words its words translate to (pivot
 * documents: their own words), so the next pass can link languages that share neither script
 * nor names (Chinese and Hindi) with no shipped lexicon at all.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <stdlib.h>
#include <string.h>

enum {
    MIN_STORIES = 2, /* a word seen in one story cannot tell its translation from its neighbours */
};
/* Work allowed for learning (word meetings): a few thousand stories' worth, whatever n is. */
static const double LEARN_BUDGET = 3e8;
static const float MIN_DICE = 0.3f;
static const float MAX_STORY_SHARE = 0.2f; /* words in more of the stories are glue words */

typedef struct occ {
    uint32_t word, story;
    uint32_t lang;
} occ_t;

typedef struct entry {
    uint32_t word, lang;
    uint32_t s0, ns; /* its stories: story[s0 .. s0+ns) of the sorted occurrences */
} entry_t;


static int cmp_occ(const void *a, const void *b)
{
    const occ_t *x = a, *y = b;
    if (x->lang != y->lang)
        return x->lang < y->lang ? -1 : 1;
    if (x->word != y->word)
        return x->word < y->word ? -1 : 1;
    return x->story < y->story ? -1 : x->story > y->story;
}

/* Occurrences (language, word, story) of the distinct words of the training stories. */
static dm_status collect(lk_coll *c, const uint32_t *story_of, occ_t **out, size_t *nout)
{
    size_t cap = 1 << 16, n = 0;
    occ_t *o = malloc(cap * sizeof *o);
    if (!o)
        return DM_ENOMEM;
    for (size_t i = 0; i < c->n; i++) {
        const lk_doc *d = &c->d[i];
        uint32_t s = story_of[i];
        if (s == LK_NONE)
            continue;
        if (n + d->nwords > cap) {
            while (n + d->nwords > cap)
                cap *= 2;
            occ_t *p = realloc(o, cap * sizeof *p);
            if (!p) {
                free(o);
                return DM_ENOMEM;
            }
            o = p;
        }
        for (uint32_t k = 0; k < d->nwords; k++)
            o[n++] = (occ_t){d->words[k], s, d->lang};
    }
    if (n > 1) /* an empty array may be NULL */
        qsort(o, n, sizeof *o, cmp_occ);
    size_t u = 0; /* a word counted once per story */
    for (size_t t = 0; t < n; t++)
        if (!u || cmp_occ(&o[u - 1], &o[t]) != 0)
            o[u++] = o[t];
    *out = o;
    *nout = u;
    return DM_OK;
}

/* The lexicon: translation (pivot word) of each (language, word), into the map trans. Every
 * word of a training story meets the pivot words of its stories through a dense counter (the
 * work is the sum over stories of |words| x |pivot words|, bounded by the choice of stories). */
static dm_status learn(lk_coll *c, const occ_t *o, size_t no, uint32_t nstories, lk_map *trans)
{
    uint32_t P = (uint32_t)c->pivot_lang;
    entry_t *e = malloc((no + 1) * sizeof *e);
    uint32_t *soff = calloc((size_t)nstories + 2, sizeof *soff);
    size_t ne = 0;
    if (!e || !soff) {
        free(e);
        free(soff);
        return DM_ENOMEM;
    }
    uint32_t max_ns = (uint32_t)(MAX_STORY_SHARE * (float)nstories) + MIN_STORIES;
    for (size_t t = 0; t < no;) {
        size_t u = t;
        while (u < no && o[u].lang == o[t].lang && o[u].word == o[t].word)
            u++;
        uint32_t ns = (uint32_t)(u - t);
        if (ns >= MIN_STORIES && ns <= max_ns)
            e[ne++] = (entry_t){o[t].word, o[t].lang, (uint32_t)t, ns};
        t = u;
    }
    /* pivot entries of each story (CSR) */
    size_t np = 0;
    for (size_t x = 0; x < ne; x++)
        if (e[x].lang == P)
            for (uint32_t k = 0; k < e[x].ns; k++)
                soff[o[e[x].s0 + k].story + 1]++, np++;
    for (uint32_t s = 0; s < nstories; s++)
        soff[s + 1] += soff[s];
    uint32_t *spiv = malloc((np + 1) * sizeof *spiv);
    uint32_t *fill = malloc(((size_t)nstories + 1) * sizeof *fill);
    uint32_t *cnt = calloc(ne + 1, sizeof *cnt);
    uint32_t *touched = malloc((ne + 1) * sizeof *touched);
    dm_status st = spiv && fill && cnt && touched ? DM_OK : DM_ENOMEM;
    if (st == DM_OK) {
        memcpy(fill, soff, nstories * sizeof *fill);
        for (size_t x = 0; x < ne; x++)
            if (e[x].lang == P)
                for (uint32_t k = 0; k < e[x].ns; k++)
                    spiv[fill[o[e[x].s0 + k].story]++] = (uint32_t)x;
    }
    /* which languages each story has: a pivot word's count is taken over the stories that have
     * the language it is compared with, as a story without that language cannot attest it */
    uint64_t *slangs = calloc((size_t)nstories + 1, sizeof *slangs);
    uint32_t *ns_l = calloc(ne + 1, sizeof *ns_l);
    if (st == DM_OK && (!slangs || !ns_l))
        st = DM_ENOMEM;
    for (size_t x = 0; x < ne && st == DM_OK; x++)
        for (uint32_t k = 0; k < e[x].ns; k++)
            slangs[o[e[x].s0 + k].story] |= 1ULL << (e[x].lang & 63);
    uint32_t cur_lang = LK_NONE;
    for (size_t x = 0; x < ne && st == DM_OK; x++) {
        if (e[x].lang == P)
            continue;
        if (e[x].lang != cur_lang) {
            cur_lang = e[x].lang;
            uint64_t bit = 1ULL << (cur_lang & 63);
            for (size_t y = 0; y < ne; y++) {
                if (e[y].lang != P)
                    continue;
                ns_l[y] = 0;
                for (uint32_t k = 0; k < e[y].ns; k++)
                    ns_l[y] += (slangs[o[e[y].s0 + k].story] & bit) != 0;
            }
        }
        size_t nt = 0;
        for (uint32_t k = 0; k < e[x].ns; k++) {
            uint32_t s = o[e[x].s0 + k].story;
            for (uint32_t q = soff[s]; q < soff[s + 1]; q++)
                if (cnt[spiv[q]]++ == 0)
                    touched[nt++] = spiv[q];
        }
        float best = 0;
        uint32_t best_v = LK_NONE;
        for (size_t t = 0; t < nt; t++) {
            uint32_t y = touched[t];
            if (cnt[y] >= MIN_STORIES) {
                float dice = 2.0f * (float)cnt[y] / (float)(e[x].ns + ns_l[y]);
                if (dice > best) {
                    best = dice;
                    best_v = e[y].word;
                }
            }
            cnt[y] = 0;
        }
        if (best_v != LK_NONE && best >= MIN_DICE) {
            uint32_t *slot;
            int added;
            st = lk_map_put(trans, ((uint64_t)e[x].lang << 32 | e[x].word) + 1, best_v, &slot, &added);
        }
    }
    free(slangs);
    free(ns_l);
    free(e);
    free(soff);
    free(spiv);
    free(fill);
    free(cnt);
    free(touched);
    return st;
}

/* Drop a document's pivot features (a previous pass's) before new ones are added. */
static void drop_pivot(lk_doc *d) { d->nf = d->nstat; }

/* Give every document the pivot words of its words (pivot documents: their own translated-to
 * words). Each translation's feature is interned once, not once per occurrence. */
static dm_status apply(lk_coll *c, lk_map *trans, size_t *npivot)
{
    uint32_t *target = malloc((c->words.n + 1) * sizeof *target);
    if (!target)
        return DM_ENOMEM;
    for (size_t w = 0; w < c->words.n; w++)
        target[w] = LK_NONE;
    dm_status st = DM_OK;
    for (size_t s = 0; s < trans->cap && st == DM_OK; s++) {
        if (!trans->keys[s])
            continue;
        uint32_t v = trans->vals[s];
        if (target[v] == LK_NONE) {
            const char *txt = lk_word_text(c, v);
            st = lk_feat_id(&c->feats, LK_PIVOT, txt, strlen(txt), &target[v]);
        }
        trans->vals[s] = target[v]; /* from now on: the feature, not the word */
    }
    *npivot = 0;
    for (size_t i = 0; i < c->n && st == DM_OK; i++) {
        lk_doc *d = &c->d[i];
        drop_pivot(d);
        /* the shipped lexicon's pivots stay: they share the kind with the learned ones */
        st = lk_lexicon_add(c, d);
        uint32_t cap = d->nf;
        for (uint32_t k = 0; k < d->nwords && st == DM_OK; k++) {
            uint32_t w = d->words[k], f = LK_NONE;
            if ((int)d->lang == c->pivot_lang)
                f = target[w];
            else {
                const uint32_t *v = lk_map_get(trans, ((uint64_t)d->lang << 32 | w) + 1);
                if (v)
                    f = *v;
            }
            if (f != LK_NONE) {
                st = lk_doc_add(d, f, 1.0f, &cap);
                ++*npivot;
            }
        }
        lk_doc_compact(c, d, d->nstat);
    }
    free(target);
    return st;
}

dm_status lk_learn_lexicon(lk_coll *c, const uint32_t *label)
{
    if (c->pivot_lang < 0 || c->nlangs < 2)
        return DM_ENOTFOUND;
    uint32_t P = (uint32_t)c->pivot_lang;
    /* training stories: clusters with a pivot version and at least one other */
    uint32_t *story_of = malloc((c->n + 1) * sizeof *story_of);
    uint32_t *size = calloc(c->n + 1, sizeof *size);
    uint32_t *has_pivot = calloc(c->n + 1, sizeof *has_pivot);
    uint32_t *index = malloc((c->n + 1) * sizeof *index);
    occ_t *o = NULL;
    size_t no = 0;
    lk_map trans = {0};
    dm_status st = story_of && size && has_pivot && index ? DM_OK : DM_ENOMEM;
    uint32_t nstories = 0;
    double work = 0;
    if (st == DM_OK) {
        for (size_t i = 0; i < c->n; i++) {
            size[label[i]]++;
            has_pivot[label[i]] |= c->d[i].lang == P;
            index[i] = LK_NONE;
        }
        for (size_t i = 0; i < c->n; i++) {
            uint32_t l = label[i];
            story_of[i] = LK_NONE;
            if (size[l] < 2 || !has_pivot[l])
                continue;
            if (index[l] == LK_NONE) {
                if (work > LEARN_BUDGET)
                    continue;
                index[l] = nstories++;
                /* its cost: distinct words of the story times those of its pivot version */
                work += (double)size[l] * 100.0 * 100.0;
            }
            story_of[i] = index[l];
        }
        st = collect(c, story_of, &o, &no);
    }
    if (st == DM_OK)
        st = lk_map_init(&trans, 1 << 12);
    if (st == DM_OK)
        st = learn(c, o, no, nstories, &trans);
    size_t npivot = 0;
    lk_tick(c, "learn");
    if (st == DM_OK && trans.n)
        st = apply(c, &trans, &npivot);
    size_t learned = trans.n;
    free(story_of);
    free(size);
    free(has_pivot);
    free(index);
    free(o);
    lk_map_free(&trans);
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "cannot learn a lexicon from the collection");
    if (!learned)
        return DM_ENOTFOUND;
    /* the new evidence: counted, weighed, and the candidates searched again */
    for (size_t f = 0; f < c->feats.n; f++)
        if (c->feats.kind[f] == LK_PIVOT) {
            c->feats.df[f] = 0;
            c->feats.lmask[f] = 0;
        }
    for (size_t i = 0; i < c->n; i++)
        lk_count_df(c, &c->d[i], 1 << LK_PIVOT);
    lk_weigh(c, 1 << LK_PIVOT);
    lk_tick(c, "pivot");
    st = lk_candidates(c);
    if (st != DM_OK)
        return st;
    lk_tick(c, "candidates");
    lk_score_pairs(c);
    lk_tick(c, "score");
    return DM_OK;
}
