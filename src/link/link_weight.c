/*
 * link_weight.c -- how much a shared feature says. A feature common in any one language (a
 * function word's name key, a frequent n-gram) says little even if rare elsewhere, so its
 * document frequency is taken per language it occurs in: idf = ln((N + 1) / (df / languages
 * the feature occurs in x languages of the collection)). A name found once in each of twelve
 * translations of a story is then as telling as a number found in two, and a word of a
 * language's every document says nothing. Each kind of evidence is normalised on its own and
 * weighted by its alpha, so that the cosine of two documents is the alpha-weighted sum of the
 * cosines per kind.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static float idf_of(const lk_coll *c, uint32_t id)
{
    uint32_t df = c->feats.df[id];
    if (df < 2)
        return 0.0f;
    int nl = __builtin_popcountll(c->feats.lmask[id]);
    size_t nlangs = c->nlangs < 64 ? c->nlangs : 64;
    /* the document frequency it would have if it were as common in every language as in those
     * it occurs in */
    double df_eff = (double)df / (double)(nl ? nl : 1) * (double)(nlangs ? nlangs : 1);
    double idf = log(((double)c->n + 1.0) / df_eff);
    return idf > 0 ? (float)idf : 0.0f;
}

/* Added to every squared norm: a document with one or two weak features of a kind must not
 * score a full cosine on them (in a large collection idf^2 is ~20 and this hardly matters). */
static const double NORM_FLOOR = 4.0;

/* Most features kept per document and kind: the rarest ones carry the evidence, and a bound
 * keeps the index, the exact scores and the memory linear in n whatever the documents' length. */
static const uint32_t keep_per_kind[LK_KIND_COUNT] = {[LK_NUM] = 64, [LK_KEY] = 160, [LK_GRAM] = 320,
                                                      [LK_PIVOT] = 256};

enum { MAX_WORKERS = 16 };

typedef struct weigh_job {
    lk_coll *c;
    int kind_mask;
    lk_scratch s[MAX_WORKERS];
    uint32_t *df[MAX_WORKERS];     /* sweep 1, per worker: document frequencies (worker 0: the */
    uint64_t *lmask[MAX_WORKERS];  /* collection's own), and the languages of each feature */
    size_t failed;                 /* a document whose evidence could not be held */
} weigh_job;

/* Sweep 1: how many documents hold each feature of the kinds weighed, and in which languages. */
static dm_status count_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    weigh_job *job = arg;
    const lk_coll *c = job->c;
    lk_scratch *s = &job->s[worker];
    uint32_t *df = job->df[worker];
    uint64_t *lmask = job->lmask[worker];
    (void)chunk;
    for (size_t i = b; i < e; i++) {
        uint32_t n, nstat;
        if (lk_doc_counts(c, &c->d[i], job->kind_mask, s, &n, &nstat) != DM_OK) {
            job->failed = i;
            return DM_ENOMEM;
        }
        uint64_t bit = 1ULL << (c->d[i].lang & 63);
        for (uint32_t k = 0; k < n; k++) {
            df[s->list[k].id]++;
            lmask[s->list[k].id] |= bit;
        }
    }
    return DM_OK;
}

/* The weight below which features of one kind are dropped from list[0..n) (0: keep them all). */
static float kind_cut(lk_scratch *s, const lk_coll *c, const lk_fw *list, uint32_t n, int kind,
                      uint32_t count)
{
    if (count <= keep_per_kind[kind])
        return 0;
    if (count > s->tmp_cap) {
        float *p = realloc(s->tmp, count * sizeof *p);
        if (!p)
            return 0; /* no room to choose: keep them all */
        s->tmp = p;
        s->tmp_cap = count;
    }
    size_t m = 0;
    for (uint32_t j = 0; j < n; j++)
        if (c->feats.kind[list[j].id] == kind)
            s->tmp[m++] = list[j].w;
    return lk_kth_largest(s->tmp, m, keep_per_kind[kind]);
}

/* Sweep 2: document d's evidence of the kinds weighed, rebuilt, turned into tf-idf, cut to the
 * rarest features of each kind, normalised per kind; the other kinds' weights are kept. The
 * result is allocated to its exact size (the document's memory is what it keeps). */
static dm_status weigh_doc(weigh_job *job, int worker, lk_doc *d)
{
    lk_coll *c = job->c;
    lk_scratch *s = &job->s[worker];
    int kind_mask = job->kind_mask;
    uint32_t n, nstat;
    dm_status st = lk_doc_counts(c, d, kind_mask, s, &n, &nstat);
    if (st != DM_OK)
        return st;
    lk_fw *list = s->list;
    uint32_t count[LK_KIND_COUNT] = {0};
    uint32_t k = 0, ks = 0;
    /* the filters below keep the two parts apart; what is kept is sorted at the end */
    for (uint32_t j = 0; j < n; j++) {
        lk_fw f = list[j];
        float idf = idf_of(c, f.id);
        if (idf <= 0)
            continue; /* shared with nobody, or with everybody: drop it */
        f.w = (1.0f + logf(f.w)) * idf;
        count[c->feats.kind[f.id]]++;
        ks += j < nstat;
        list[k++] = f;
    }
    n = k;
    nstat = ks;
    float cut[LK_KIND_COUNT];
    for (int t = 0; t < LK_KIND_COUNT; t++)
        cut[t] = kind_cut(s, c, list, n, t, count[t]);
    double norm[LK_KIND_COUNT] = {0};
    k = ks = 0;
    for (uint32_t j = 0; j < n; j++) {
        int kind = c->feats.kind[list[j].id];
        if (list[j].w < cut[kind])
            continue;
        norm[kind] += (double)list[j].w * list[j].w;
        ks += j < nstat;
        list[k++] = list[j];
    }
    n = k;
    nstat = ks;
    float scale[LK_KIND_COUNT];
    for (int t = 0; t < LK_KIND_COUNT; t++)
        scale[t] = norm[t] > 0 ? (float)(sqrt(c->prm.alpha[t]) / sqrt(norm[t] + NORM_FLOOR)) : 0.0f;
    /* the weights as they are kept (features too light for a code go) */
    k = ks = 0;
    for (uint32_t j = 0; j < n; j++) {
        lk_wq q = lk_w_q(list[j].w * scale[c->feats.kind[list[j].id]]);
        if (!q)
            continue;
        ks += j < nstat;
        list[k].id = list[j].id;
        list[k++].w = q; /* a whole number, exact in a float */
    }
    n = k;
    nstat = ks;
    /* (a document with no feature has no list: no offset may be taken of NULL) */
    if (nstat)
        lk_sort_fw_id(list, nstat);
    if (n > nstat)
        lk_sort_fw_id(list + nstat, n - nstat);
    /* the static part and the pivot part, each from the list when weighed, else as they were */
    int stat = kind_mask & ~(1 << LK_PIVOT), piv = kind_mask & (1 << LK_PIVOT);
    uint32_t *ids = s->touched; /* free again, and as large as any list */
    for (uint32_t j = 0; j < n; j++)
        ids[j] = list[j].id;
    size_t gs = stat ? (nstat ? lk_gaps_put(ids, nstat, NULL) : 0) : d->gs;
    size_t gp = piv ? (n > nstat ? lk_gaps_put(ids + nstat, n - nstat, NULL) : 0) : d->gp;
    uint32_t ns = stat ? nstat : d->nstat, np = piv ? n - nstat : d->nf - d->nstat, nf = ns + np;
    size_t units = gs + gp + (nf + 1) / 2; /* the weights' bytes in 16-bit units */
    if (units >= UINT32_MAX / 2)
        return DM_ELIMIT;
    /* the new block is made in the scratch space, then takes the old one's place: freed first,
     * its memory is there to be reused (pass after pass, nothing piles up) */
    if (units > s->out_cap || !s->out) {
        uint16_t *p = realloc(s->out, (units ? units : 1) * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        s->out = p;
        s->out_cap = units;
    }
    uint16_t *f = s->out;
    lk_wq *w = (lk_wq *)(f + gs + gp);
    const lk_wq *dw = lk_doc_w(d);
    if (stat) {
        if (nstat)
            lk_gaps_put(ids, nstat, f);
    } else if (gs) {
        memcpy(f, d->f, gs * sizeof *f);
    }
    if (piv) {
        if (n > nstat)
            lk_gaps_put(ids + nstat, n - nstat, f + gs);
    } else if (gp)
        memcpy(f + gs, d->f + d->gs, gp * sizeof *f);
    for (uint32_t j = 0; j < ns; j++)
        w[j] = stat ? (lk_wq)list[j].w : dw[j];
    for (uint32_t j = 0; j < np; j++)
        w[ns + j] = piv ? (lk_wq)list[nstat + j].w : dw[d->nstat + j];
    /* the cosine with itself from the weights kept, exactly as the pairs' (link_score.c) */
    float self = 0;
    for (uint32_t j = 0; j < nf; j++)
        self += lk_wtab[w[j]] * lk_wtab[w[j]];
    free(d->f);
    d->f = nf ? malloc(units * sizeof *d->f) : NULL;
    if (nf && !d->f) {
        d->nf = d->nstat = d->gs = d->gp = 0;
        return DM_ENOMEM;
    }
    if (nf)
        memcpy(d->f, f, units * sizeof *f);
    d->nf = nf;
    d->nstat = ns;
    d->gs = (uint32_t)gs;
    d->gp = (uint32_t)gp;
    if (stat) { /* its numbers are in its evidence now */
        free(d->nums);
        d->nums = NULL;
        d->nnums = 0;
    }
    d->self = self;
    return DM_OK;
}

static dm_status weigh_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    weigh_job *job = arg;
    (void)chunk;
    for (size_t i = b; i < e; i++)
        if (weigh_doc(job, worker, &job->c->d[i]) != DM_OK) {
            job->failed = i;
            return DM_ENOMEM;
        }
    return DM_OK;
}

dm_status lk_weigh(lk_coll *c, int kind_mask)
{
    weigh_job job = {.c = c, .kind_mask = kind_mask};
    int threads = c->threads < MAX_WORKERS ? c->threads : MAX_WORKERS;
    size_t nf = c->feats.n;
    for (size_t f = 0; f < nf; f++)
        if (kind_mask & (1 << c->feats.kind[f])) {
            c->feats.df[f] = 0;
            c->feats.lmask[f] = 0;
        }
    job.df[0] = c->feats.df;
    job.lmask[0] = c->feats.lmask;
    dm_status st = DM_OK;
    for (int t = 0; t < threads && st == DM_OK; t++) {
        st = lk_scratch_fit(&job.s[t], nf);
        if (t && st == DM_OK) {
            job.df[t] = calloc(nf + 1, sizeof *job.df[t]);
            job.lmask[t] = calloc(nf + 1, sizeof *job.lmask[t]);
            if (!job.df[t] || !job.lmask[t])
                st = DM_ENOMEM;
        }
    }
    if (st == DM_OK)
        st = lk_parallel(threads, c->n, 512, count_chunk, &job);
    for (int t = 1; t < threads; t++) {
        for (size_t f = 0; st == DM_OK && f < nf; f++) {
            c->feats.df[f] += job.df[t][f];
            c->feats.lmask[f] |= job.lmask[t][f];
        }
        free(job.df[t]);
        free(job.lmask[t]);
    }
    if (st == DM_OK)
        st = lk_parallel(threads, c->n, 512, weigh_chunk, &job);
    for (int t = 0; t < threads; t++)
        lk_scratch_free(&job.s[t]);
    if (st == DM_OK && (kind_mask & ~(1 << LK_PIVOT)))
        c->weighed = 1; /* its numbers are now in each document's weighed evidence */
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "no memory to weigh the evidence of %zu documents", c->n);
    return DM_OK;
}
