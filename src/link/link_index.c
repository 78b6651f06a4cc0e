/*
 * link_index.c -- candidates without comparing every pair. An inverted index maps each feature
 * to the documents that probe with it; every document probes it with its most telling features
 * of each kind (postings longer than a cap are too common to be worth reading), accumulates
 * partial dot products, and keeps its best few candidates in every other language (and its own,
 * for near-duplicates). The pairs found from either side are then scored exactly. Work grows
 * with n times the capped posting lengths, not with n squared.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct index {
    uint32_t *off;  /* postings of feature f: doc[off[f] .. off[f+1]), with their weights */
    uint32_t *doc;
    lk_wq *w;
} index_t;

/* Postings of the features some document probes with (the others would never be read: most
 * of the common ones), so the index is a fraction of the collection's evidence. */
/* One worker's scratch space for probing. */
typedef struct probe_ws {
    float *acc;        /* partial dot product with every document (0 = untouched) */
    uint32_t *touched; /* documents with acc != 0 */
    uint32_t *top;     /* best k per language */
    float *tops;
    lk_fw *probe;
    size_t probe_cap;
} probe_ws;

static void index_free(index_t *ix)
{
    free(ix->off);
    free(ix->doc);
    free(ix->w);
}

enum { PROBE_CHUNK = 256, SIM_CHUNK = 4096, MAX_WORKERS = 16 };


typedef struct probe_job {
    lk_coll *c;
    const index_t *ix;
    probe_ws ws[MAX_WORKERS];
    lk_cands *out; /* one per chunk */
} probe_job;

static dm_status ws_init(probe_ws *w, size_t n, size_t nlk)
{
    w->acc = calloc(n ? n : 1, sizeof *w->acc);
    w->touched = malloc((n ? n : 1) * sizeof *w->touched);
    w->top = malloc(nlk * sizeof *w->top + 1);
    w->tops = malloc(nlk * sizeof *w->tops + 1);
    return w->acc && w->touched && w->top && w->tops ? DM_OK : DM_ENOMEM;
}

static void ws_free(probe_ws *w)
{
    free(w->acc);
    free(w->touched);
    free(w->top);
    free(w->tops);
    free(w->probe);
}

/* The features document i probes the index with, into w->probe[0 .. *np): the most telling of
 * each kind (highest weight), the commonest ones excluded. */
static dm_status select_probe(const lk_coll *c, probe_ws *w, size_t i, size_t *np_out)
{
    const lk_doc *d = &c->d[i];
    if (d->nf > w->probe_cap) {
        lk_fw *p = realloc(w->probe, d->nf * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        w->probe = p;
        w->probe_cap = d->nf;
    }
    lk_fw *probe = w->probe;
    const lk_wq *dw = lk_doc_w(d);
    size_t np = 0;
    for (int part = 0; part < 2; part++) {
        lk_gaps g = lk_doc_gaps(d, part);
        for (uint32_t j = part ? d->nstat : 0; j < (part ? d->nf : d->nstat); j++) {
            uint32_t f = lk_gaps_next(&g);
            if (c->feats.df[f] <= c->prm.posting_cap)
                probe[np++] = (lk_fw){f, lk_w(dw[j])};
        }
    }
    lk_sort_fw_weight(probe, np);
    uint32_t used[LK_KIND_COUNT] = {0};
    size_t m = 0;
    for (size_t j = 0; j < np; j++) {
        int kind = c->feats.kind[probe[j].id];
        if (used[kind] >= c->prm.probe_feats)
            continue;
        used[kind]++;
        probe[m++] = probe[j];
    }
    *np_out = m;
    return DM_OK;
}

/* The best candidates of document i in every language, into out. */
static dm_status probe_doc(const lk_coll *c, const index_t *ix, probe_ws *w, size_t i, lk_cands *out)
{
    size_t nl = c->nlangs, k = c->prm.k_per_lang;
    size_t np;
    dm_status st = select_probe(c, w, i, &np);
    if (st != DM_OK)
        return st;
    const lk_fw *probe = w->probe;
    float *acc = w->acc, *tops = w->tops;
    uint32_t *touched = w->touched, *top = w->top;
    size_t nt = 0;
    for (size_t j = 0; j < np; j++) {
        uint32_t f = probe[j].id;
        for (uint32_t p = ix->off[f]; p < ix->off[f + 1]; p++) {
            uint32_t o = ix->doc[p];
            if (o == i)
                continue;
            if (acc[o] == 0)
                touched[nt++] = o;
            acc[o] += probe[j].w * lk_w(ix->w[p]);
        }
    }
    /* best k per language */
    for (size_t t = 0; t < nl * k; t++) {
        tops[t] = 0;
        top[t] = LK_NONE;
    }
    for (size_t t = 0; t < nt; t++) {
        uint32_t o = touched[t];
        float s = acc[o];
        acc[o] = 0;
        float *ts = tops + c->d[o].lang * k;
        uint32_t *to = top + c->d[o].lang * k;
        if (s <= ts[k - 1])
            continue;
        size_t q = k - 1;
        while (q > 0 && ts[q - 1] < s) {
            ts[q] = ts[q - 1];
            to[q] = to[q - 1];
            q--;
        }
        ts[q] = s;
        to[q] = o;
    }
    uint32_t m = 0;
    for (size_t t = 0; t < nl * k; t++)
        if (top[t] != LK_NONE)
            top[m++] = top[t];
    return lk_cands_put(out, top, m);
}

/* The index holds, for each document, the features it probes with itself: a pair is a
 * candidate when the two share one of each other's most telling features (symmetric, and a
 * third of the postings of indexing every probed feature of every document). Counted on
 * threads, filled in document order (so postings, and the sums over them, do not depend on the
 * threads). */
typedef struct count_job {
    const lk_coll *c;
    probe_ws *ws;
    uint32_t *count[MAX_WORKERS]; /* per worker: postings per feature (worker 0: the index's) */
} count_job;

static dm_status count_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    count_job *j = arg;
    (void)chunk;
    for (size_t i = b; i < e; i++) { /* every document is indexed, whether it probes or not */
        size_t np;
        dm_status st = select_probe(j->c, &j->ws[worker], i, &np);
        if (st != DM_OK)
            return st;
        for (size_t q = 0; q < np; q++)
            j->count[worker][j->ws[worker].probe[q].id + 1]++;
    }
    return DM_OK;
}

static dm_status index_build(const lk_coll *c, index_t *ix, probe_ws *ws, int threads)
{
    size_t nf = c->feats.n;
    count_job cj = {.c = c, .ws = ws};
    ix->off = calloc(nf + 2, sizeof *ix->off);
    cj.count[0] = ix->off;
    dm_status st = ix->off ? DM_OK : DM_ENOMEM;
    for (int t = 1; t < threads && st == DM_OK; t++)
        if (!(cj.count[t] = calloc(nf + 2, sizeof *cj.count[t])))
            st = DM_ENOMEM;
    if (st == DM_OK)
        st = lk_parallel(threads, c->n, PROBE_CHUNK, count_chunk, &cj);
    for (int t = 1; t < threads; t++) {
        for (size_t f = 0; st == DM_OK && f <= nf; f++)
            ix->off[f] += cj.count[t][f];
        free(cj.count[t]);
    }
    if (st != DM_OK)
        return st;
    for (size_t f = 0; f < nf; f++)
        ix->off[f + 1] += ix->off[f];
    size_t total = ix->off[nf];
    ix->doc = malloc((total ? total : 1) * sizeof *ix->doc);
    ix->w = malloc((total ? total : 1) * sizeof *ix->w);
    uint32_t *fill = malloc((nf ? nf : 1) * sizeof *fill);
    if (!ix->doc || !ix->w || !fill) {
        free(fill);
        return DM_ENOMEM;
    }
    memcpy(fill, ix->off, nf * sizeof *fill);
    for (size_t i = 0; i < c->n && st == DM_OK; i++) {
        size_t np;
        st = select_probe(c, &ws[0], i, &np);
        for (size_t q = 0; st == DM_OK && q < np; q++) {
            uint32_t f = ws[0].probe[q].id;
            ix->doc[fill[f]] = (uint32_t)i;
            ix->w[fill[f]++] = lk_w_q(ws[0].probe[q].w); /* exact: it came from a code */
        }
    }
    free(fill);
    return st;
}

static dm_status probe_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    probe_job *job = arg;
    dm_status st = DM_OK;
    static const uint32_t none = 0;
    for (size_t i = b; i < e && st == DM_OK; i++)
        if (!job->c->probe_only || job->c->probe_only[i])
            st = probe_doc(job->c, job->ix, &job->ws[worker], i, &job->out[chunk]);
        else /* a document that does not probe has no candidates of its own */
            st = lk_cands_put(&job->out[chunk], &none, 0);
    return st;
}

/* Exact scores: one worker's decoded documents (pairs come in order of their first document,
 * so it is decoded once for its row). */
typedef struct sim_job {
    lk_coll *c;
    lk_unpacked a[MAX_WORKERS], b[MAX_WORKERS];
} sim_job;

static dm_status sim_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    sim_job *job = arg;
    lk_coll *c = job->c;
    lk_unpacked *ua = &job->a[worker], *ub = &job->b[worker];
    (void)chunk;
    for (size_t t = b; t < e; t++) {
        lk_pair *p = &c->pairs[t];
        /* the other side of a pair is anywhere in memory: fetch the next ones' documents and
         * the start of their features ahead of time (the scores wait on memory, not arithmetic) */
        if (t + 8 < e)
            __builtin_prefetch(&c->d[c->pairs[t + 8].b]);
        if (t + 4 < e && c->d[c->pairs[t + 4].b].f) {
            const char *f = (const char *)c->d[c->pairs[t + 4].b].f;
            for (int l = 0; l < 4; l++)
                __builtin_prefetch(f + 64 * l);
        }
        if (ua->doc != p->a && lk_unpack(c, p->a, ua) != DM_OK)
            return DM_ENOMEM;
        if (lk_unpack(c, p->b, ub) != DM_OK)
            return DM_ENOMEM;
        if (p->stat < 0)
            p->stat = lk_sim_static(ua, ub);
        p->sim = p->stat + lk_sim_pivot(ua, ub);
    }
    return DM_OK;
}

dm_status lk_candidates(lk_coll *c)
{
    index_t ix = {0};
    size_t nlk = c->nlangs * c->prm.k_per_lang;
    int threads = c->threads < MAX_WORKERS ? c->threads : MAX_WORKERS;
    probe_job job = {.c = c, .ix = &ix};
    size_t nchunks = (c->n + PROBE_CHUNK - 1) / PROBE_CHUNK;
    job.out = calloc(nchunks + 1, sizeof *job.out);
    dm_status st = job.out ? DM_OK : DM_ENOMEM;
    /* the last pass's pairs, shrunk to their static scores while the new ones are found */
    lk_prev prev = {0};
    if (st == DM_OK && c->pairs)
        st = lk_pairs_shrink(c, &prev);
    for (int t = 0; t < threads && st == DM_OK; t++)
        st = ws_init(&job.ws[t], c->n, nlk);
    if (st == DM_OK)
        st = index_build(c, &ix, job.ws, threads);
    if (st == DM_OK)
        st = lk_parallel(threads, c->n, PROBE_CHUNK, probe_chunk, &job);
    size_t npost = ix.off ? ix.off[c->feats.n] : 0, ncand = 0;
    for (size_t k = 0; job.out && k < nchunks; k++)
        ncand += job.out[k].n;
    for (int t = 0; t < threads; t++)
        ws_free(&job.ws[t]);
    index_free(&ix);
    if (st == DM_OK)
        st = lk_pairs_gather(c, job.out, nchunks, PROBE_CHUNK, &prev);
    lk_prev_free(&prev);
    if (job.out)
        for (size_t k = 0; k < nchunks; k++)
            free(job.out[k].p);
    free(job.out);
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "cannot search link candidates");
    lk_tick(c, "probe");
    /* exact evidence for each pair */
    sim_job sj = {.c = c};
    for (int t = 0; t < threads; t++)
        sj.a[t].doc = LK_NONE;
    st = lk_parallel(threads, c->npairs, SIM_CHUNK, sim_chunk, &sj);
    for (int t = 0; t < threads; t++) {
        lk_unpacked_free(&sj.a[t]);
        lk_unpacked_free(&sj.b[t]);
    }
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "no memory to score link candidates");
    if (getenv("DM_LINK_TIMING")) {
        size_t nf = 0;
        for (size_t i = 0; i < c->n; i++)
            nf += c->d[i].nf;
        fprintf(stderr, "link: %zu pairs (%zu postings, %zu candidates), %.1f features a document\n",
                c->npairs, npost, ncand, (double)nf / (double)(c->n ? c->n : 1));
    }
    return DM_OK;
}
