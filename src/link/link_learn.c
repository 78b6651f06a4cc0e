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
    uint32_t s0, ns; /* its stories: story[s0 .. s0+ns) of the grouped occurrences */
} entry_t;

/* Occurrences (language, word, story) of the distinct words of the training stories, grouped by
 * language, then by word (words in order of first appearance), stories ascending within a word:
 * counting sorts, no comparison sort. */
static dm_status collect(lk_coll *c, const uint32_t *story_of, uint32_t nstories, occ_t **out, size_t *nout)
{
    size_t nl = c->nlangs, nw = c->words.n;
    /* training documents in (language, story) order */
    uint32_t *doff = calloc(nl * ((size_t)nstories + 1) + 2, sizeof *doff);
    size_t ntrain = 0, total = 0;
    for (size_t i = 0; doff && i < c->n; i++)
        if (story_of[i] != LK_NONE) {
            doff[(size_t)c->d[i].lang * nstories + story_of[i] + 1]++;
            ntrain++;
            total += c->d[i].nwords;
        }
    uint32_t *order = malloc((ntrain + 1) * sizeof *order);
    uint32_t *stamp = malloc((nw + 1) * sizeof *stamp); /* last training document holding a word */
    uint32_t *slot = malloc((nw + 1) * sizeof *slot);   /* a word's rank in its language */
    uint32_t *cnt = malloc((nw + 2) * sizeof *cnt);
    occ_t *seg = malloc((total + 1) * sizeof *seg);
    occ_t *o = malloc((total + 1) * sizeof *o);
    if (!doff || !order || !stamp || !slot || !cnt || !seg || !o) {
        free(doff), free(order), free(stamp), free(slot), free(cnt), free(seg), free(o);
        return DM_ENOMEM;
    }
    size_t nkeys = nl * (size_t)nstories;
    for (size_t k = 0; k < nkeys; k++)
        doff[k + 1] += doff[k];
    for (size_t i = 0; i < c->n; i++)
        if (story_of[i] != LK_NONE)
            order[doff[(size_t)c->d[i].lang * nstories + story_of[i]]++] = (uint32_t)i;
    for (size_t w = 0; w < nw; w++)
        stamp[w] = LK_NONE;
    size_t n = 0;
    for (size_t t = 0; t < ntrain;) {
        uint32_t lang = c->d[order[t]].lang;
        /* the distinct words of each document of this language, in story order */
        size_t m = 0, nslots = 0;
        for (; t < ntrain && c->d[order[t]].lang == lang; t++) {
            const lk_doc *d = &c->d[order[t]];
            lk_word_it it = lk_words_of(d);
            uint32_t w, count;
            while (lk_words_next(&it, &w, &count)) {
                if (stamp[w] == LK_NONE || c->d[stamp[w]].lang != lang) {
                    slot[w] = (uint32_t)nslots++; /* first seen in this language */
                    cnt[slot[w] + 1] = 0;
                }
                stamp[w] = order[t];
                seg[m++] = (occ_t){w, story_of[order[t]], lang};
                cnt[slot[w] + 1]++;
            }
        }
        /* grouped by word, stable: stories stay ascending */
        cnt[0] = 0;
        for (size_t k = 0; k < nslots; k++)
            cnt[k + 1] += cnt[k];
        for (size_t k = 0; k < m; k++)
            o[n + cnt[slot[seg[k].word]]++] = seg[k];
        n += m;
    }
    free(doff), free(order), free(stamp), free(slot), free(cnt), free(seg);
    *out = o;
    *nout = n;
    return DM_OK;
}

enum { LEARN_CHUNK = 1024, MAX_WORKERS = 16 };

/* What the word counting of one language shares with its workers. */
typedef struct learn_job {
    const occ_t *o;
    const entry_t *e;
    const uint32_t *soff, *spiv, *ns_l;
    uint32_t *cnt[MAX_WORKERS], *touched[MAX_WORKERS];
    size_t x0;       /* first entry of the language */
    uint32_t *best;  /* per entry: the pivot word it translates to, or LK_NONE */
    float *dice;     /* and the Dice coefficient of their stories */
} learn_job;

/* The best pivot word of each entry of a chunk: the one whose stories its stories meet most
 * (Dice), counted densely. */
static dm_status learn_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e_end)
{
    learn_job *j = arg;
    (void)chunk;
    uint32_t *cnt = j->cnt[worker], *touched = j->touched[worker];
    for (size_t x = j->x0 + b; x < j->x0 + e_end; x++) {
        const entry_t *ex = &j->e[x];
        size_t nt = 0;
        for (uint32_t k = 0; k < ex->ns; k++) {
            uint32_t s = j->o[ex->s0 + k].story;
            for (uint32_t q = j->soff[s]; q < j->soff[s + 1]; q++)
                if (cnt[j->spiv[q]]++ == 0)
                    touched[nt++] = j->spiv[q];
        }
        float best = 0;
        uint32_t best_v = LK_NONE;
        for (size_t t = 0; t < nt; t++) {
            uint32_t y = touched[t];
            if (cnt[y] >= MIN_STORIES) {
                float dice = 2.0f * (float)cnt[y] / (float)(ex->ns + j->ns_l[y]);
                if (dice > best) {
                    best = dice;
                    best_v = j->e[y].word;
                }
            }
            cnt[y] = 0;
        }
        j->best[x] = best_v != LK_NONE && best >= MIN_DICE ? best_v : LK_NONE;
        j->dice[x] = best;
    }
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
    int threads = c->threads < MAX_WORKERS ? c->threads : MAX_WORKERS;
    learn_job job = {.o = o, .e = e, .soff = soff};
    uint32_t *spiv = malloc((np + 1) * sizeof *spiv);
    uint32_t *fill = malloc(((size_t)nstories + 1) * sizeof *fill);
    uint32_t *best = malloc((ne + 1) * sizeof *best);
    float *dice = malloc((ne + 1) * sizeof *dice);
    dm_status st = spiv && fill && best && dice ? DM_OK : DM_ENOMEM;
    for (int t = 0; t < threads && st == DM_OK; t++) {
        job.cnt[t] = calloc(ne + 1, sizeof *job.cnt[t]);
        job.touched[t] = malloc((ne + 1) * sizeof *job.touched[t]);
        if (!job.cnt[t] || !job.touched[t])
            st = DM_ENOMEM;
    }
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
    job.spiv = spiv;
    job.ns_l = ns_l;
    job.best = best;
    job.dice = dice;
    for (size_t x0 = 0; x0 < ne && st == DM_OK;) {
        size_t x1 = x0;
        while (x1 < ne && e[x1].lang == e[x0].lang)
            x1++;
        if (e[x0].lang != P) {
            uint64_t bit = 1ULL << (e[x0].lang & 63);
            for (size_t y = 0; y < ne; y++) {
                if (e[y].lang != P)
                    continue;
                ns_l[y] = 0;
                for (uint32_t k = 0; k < e[y].ns; k++)
                    ns_l[y] += (slangs[o[e[y].s0 + k].story] & bit) != 0;
            }
            job.x0 = x0;
            st = lk_parallel(threads, x1 - x0, LEARN_CHUNK, learn_chunk, &job);
            for (size_t x = x0; x < x1 && st == DM_OK; x++) {
                if (best[x] == LK_NONE)
                    continue;
                uint32_t *slot;
                int added;
                st = lk_map_put(trans, ((uint64_t)e[x].lang << 32 | e[x].word) + 1, best[x], &slot, &added);
                if (st == DM_OK) /* kept for the store (link_save.c) */
                    st = lk_learned_push(c, (lk_learned){e[x].lang, e[x].word, best[x], dice[x]});
            }
        }
        x0 = x1;
    }
    for (int t = 0; t < threads; t++) {
        free(job.cnt[t]);
        free(job.touched[t]);
    }
    free(slangs);
    free(ns_l);
    free(e);
    free(soff);
    free(spiv);
    free(fill);
    free(best);
    free(dice);
    return st;
}

/* The learned lexicon as pivot features: each translation's feature is interned once (here);
 * trans then maps (language, word) to the feature, and *target says for each pivot-language word
 * the feature it is (LK_NONE when no word translates to it). */
static dm_status as_features(lk_coll *c, lk_map *trans, uint32_t **target_out)
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
    *target_out = target;
    return st;
}

/* Every document's pivot words renewed from the shipped lexicon and trans (a learned lexicon of
 * word types, turned into features here), counted and weighed. */
static dm_status renew_pivots(lk_coll *c, lk_map *trans)
{
    uint32_t *target = NULL;
    dm_status st = as_features(c, trans, &target);
    lk_release(); /* what learning used, before the documents are weighed again */
    if (st == DM_OK) {
        c->learned = trans;
        c->learned_target = target;
        st = lk_weigh(c, 1 << LK_PIVOT);
        c->learned = NULL;
        c->learned_target = NULL;
    }
    free(target);
    return st;
}

dm_status lk_learn_apply(lk_coll *c, lk_map *trans)
{
    dm_status st = renew_pivots(c, trans);
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "cannot apply the learned lexicon");
    lk_release();
    lk_tick(c, "pivot");
    return DM_OK;
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
        st = collect(c, story_of, nstories, &o, &no);
    }
    if (st == DM_OK)
        st = lk_map_init(&trans, 1 << 12);
    size_t before = c->nkept;
    c->nkept = 0; /* this pass's lexicon replaces the previous one */
    if (st == DM_OK)
        st = learn(c, o, no, nstories, &trans);
    free(story_of);
    free(size);
    free(has_pivot);
    free(index);
    free(o);
    lk_tick(c, "learn");
    /* the new evidence: every document's pivot words renewed (shipped and learned), counted,
     * weighed, and the candidates searched again */
    size_t learned = trans.n;
    if (!learned)
        c->nkept = before; /* nothing learned: the documents keep the previous lexicon */
    if (st == DM_OK && learned)
        st = renew_pivots(c, &trans);
    lk_map_free(&trans);
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "cannot learn a lexicon from the collection");
    if (!learned)
        return DM_ENOTFOUND;
    lk_release();
    lk_tick(c, "pivot");
    st = lk_candidates(c);
    if (st != DM_OK)
        return st;
    lk_release();
    lk_tick(c, "candidates");
    lk_score_pairs(c);
    lk_tick(c, "score");
    return DM_OK;
}
