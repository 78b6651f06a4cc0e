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

#include <math.h>
#include <stdlib.h>

void lk_count_df(lk_coll *c, const lk_doc *d, int kind_mask)
{
    for (uint32_t k = 0; k < d->nf; k++) {
        uint32_t id = d->f[k].id;
        if (!(kind_mask & (1 << c->feats.kind[id])))
            continue;
        c->feats.df[id]++;
        c->feats.lmask[id] |= 1ULL << (d->lang & 63);
    }
}

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

typedef struct weigh_job {
    lk_coll *c;
    int kind_mask;
    float *tmp[16]; /* per worker: the weights of one kind, to find its cut */
    size_t tmp_cap[16];
} weigh_job;

static void weigh_doc(weigh_job *job, int worker, lk_doc *d)
{
    lk_coll *c = job->c;
    int kind_mask = job->kind_mask;
    uint32_t count[LK_KIND_COUNT] = {0};
    uint32_t k = 0, nstat = 0;
    /* the filters below keep the order, so both parts stay sorted */
    for (uint32_t j = 0; j < d->nf; j++) {
        lk_fw f = d->f[j];
        int kind = c->feats.kind[f.id];
        if (kind_mask & (1 << kind)) {
            float idf = idf_of(c, f.id);
            if (idf <= 0)
                continue; /* shared with nobody, or with everybody: drop it */
            f.w = (1.0f + logf(f.w)) * idf;
            count[kind]++;
        }
        nstat += j < d->nstat;
        d->f[k++] = f;
    }
    d->nf = k;
    d->nstat = nstat;
    /* the weight below which a kind's features are dropped */
    float cut[LK_KIND_COUNT] = {0};
    for (int t = 0; t < LK_KIND_COUNT; t++) {
        if (!(kind_mask & (1 << t)) || count[t] <= keep_per_kind[t])
            continue;
        if (count[t] > job->tmp_cap[worker]) {
            float *p = realloc(job->tmp[worker], count[t] * sizeof *p);
            if (!p)
                continue; /* no room to choose: keep them all */
            job->tmp[worker] = p;
            job->tmp_cap[worker] = count[t];
        }
        float *tmp = job->tmp[worker];
        size_t m = 0;
        for (uint32_t j = 0; j < d->nf; j++)
            if (c->feats.kind[d->f[j].id] == t)
                tmp[m++] = d->f[j].w;
        cut[t] = lk_kth_largest(tmp, m, keep_per_kind[t]);
    }
    double norm[LK_KIND_COUNT] = {0};
    k = 0;
    nstat = 0;
    for (uint32_t j = 0; j < d->nf; j++) {
        int kind = c->feats.kind[d->f[j].id];
        if ((kind_mask & (1 << kind)) && d->f[j].w < cut[kind])
            continue;
        norm[kind] += (double)d->f[j].w * d->f[j].w;
        nstat += j < d->nstat;
        d->f[k++] = d->f[j];
    }
    d->nf = k;
    d->nstat = nstat;
    float scale[LK_KIND_COUNT];
    for (int t = 0; t < LK_KIND_COUNT; t++)
        scale[t] = norm[t] > 0 ? (float)(sqrt(c->prm.alpha[t]) / sqrt(norm[t] + NORM_FLOOR)) : 0.0f;
    float self = 0;
    for (uint32_t j = 0; j < d->nf; j++) {
        int kind = c->feats.kind[d->f[j].id];
        if (kind_mask & (1 << kind))
            d->f[j].w *= scale[kind];
        self += d->f[j].w * d->f[j].w;
    }
    d->self = self;
    if (d->nf) {
        lk_fw *p = realloc(d->f, d->nf * sizeof *p);
        if (p)
            d->f = p;
    }
}

static dm_status weigh_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    weigh_job *job = arg;
    (void)chunk;
    for (size_t i = b; i < e; i++)
        weigh_doc(job, worker, &job->c->d[i]);
    return DM_OK;
}

void lk_weigh(lk_coll *c, int kind_mask)
{
    weigh_job job = {.c = c, .kind_mask = kind_mask};
    int threads = c->threads < 16 ? c->threads : 16;
    lk_parallel(threads, c->n, 512, weigh_chunk, &job);
    for (int t = 0; t < 16; t++)
        free(job.tmp[t]);
}
