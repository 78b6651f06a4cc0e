/*
 * link_index.c -- candidates without comparing every pair. An inverted index maps each feature
 * to the documents holding it; every document probes it with its most telling features of each
 * kind (postings longer than a cap are too common to be worth reading), accumulates partial dot
 * products, and keeps its best few candidates in every other language (and its own, for
 * near-duplicates). The pairs found from either side are then scored exactly. Work grows with
 * n times the capped posting lengths, not with n squared.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct posting {
    uint32_t doc;
    float w;
} posting;

typedef struct index {
    uint32_t *off; /* postings of feature f: post[off[f] .. off[f+1]) */
    posting *post;
} index_t;

/* Postings of the features some document probes with (the others would never be read: most
 * of the common ones), so the index is a fraction of the collection's evidence. */
static dm_status index_build(lk_coll *c, index_t *ix, const uint8_t *probed)
{
    size_t nf = c->feats.n;
    ix->off = calloc(nf + 1, sizeof *ix->off);
    if (!ix->off)
        return DM_ENOMEM;
    size_t total = 0;
    for (size_t i = 0; i < c->n; i++)
        for (uint32_t j = 0; j < c->d[i].nf; j++) {
            uint32_t f = c->d[i].f[j].id;
            if (probed[f]) {
                ix->off[f + 1]++;
                total++;
            }
        }
    for (size_t f = 0; f < nf; f++)
        ix->off[f + 1] += ix->off[f];
    ix->post = malloc((total ? total : 1) * sizeof *ix->post);
    uint32_t *fill = malloc((nf ? nf : 1) * sizeof *fill);
    if (!ix->post || !fill) {
        free(fill);
        return DM_ENOMEM;
    }
    memcpy(fill, ix->off, nf * sizeof *fill);
    for (size_t i = 0; i < c->n; i++)
        for (uint32_t j = 0; j < c->d[i].nf; j++) {
            uint32_t f = c->d[i].f[j].id;
            if (probed[f])
                ix->post[fill[f]++] = (posting){(uint32_t)i, c->d[i].f[j].w};
        }
    free(fill);
    return DM_OK;
}

static void index_free(index_t *ix)
{
    free(ix->off);
    free(ix->post);
}

enum { PROBE_CHUNK = 256, SIM_CHUNK = 4096, MAX_WORKERS = 16 };

/* One worker's scratch space for probing. */
typedef struct probe_ws {
    float *acc;        /* partial dot product with every document (0 = untouched) */
    uint32_t *touched; /* documents with acc != 0 */
    uint32_t *top;     /* best k per language */
    float *tops;
    lk_fw *probe;
    size_t probe_cap;
} probe_ws;

/* Candidates of one chunk of documents: pairs (document, candidate). */
typedef struct cand_buf {
    uint32_t *p;
    size_t n, cap;
} cand_buf;

typedef struct probe_job {
    lk_coll *c;
    const index_t *ix;
    probe_ws ws[MAX_WORKERS];
    cand_buf *out; /* one per chunk */
} probe_job;

static dm_status cand_push(cand_buf *b, uint32_t i, uint32_t o)
{
    if (b->n + 2 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        uint32_t *p = realloc(b->p, cap * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        b->p = p;
        b->cap = cap;
    }
    b->p[b->n++] = i;
    b->p[b->n++] = o;
    return DM_OK;
}

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
    size_t np = 0;
    for (uint32_t j = 0; j < d->nf; j++)
        if (c->feats.df[d->f[j].id] <= c->prm.posting_cap)
            probe[np++] = d->f[j];
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
static dm_status probe_doc(const lk_coll *c, const index_t *ix, probe_ws *w, size_t i, cand_buf *out)
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
            uint32_t o = ix->post[p].doc;
            if (o == i)
                continue;
            if (acc[o] == 0)
                touched[nt++] = o;
            acc[o] += probe[j].w * ix->post[p].w;
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
    for (size_t t = 0; t < nl * k && st == DM_OK; t++)
        if (top[t] != LK_NONE)
            st = cand_push(out, (uint32_t)i, top[t]);
    return st;
}

typedef struct mark_job {
    const lk_coll *c;
    probe_ws *ws;
    uint8_t *probed[MAX_WORKERS]; /* per worker, merged afterwards */
} mark_job;

static dm_status mark_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    mark_job *j = arg;
    (void)chunk;
    for (size_t i = b; i < e; i++) {
        if (j->c->probe_only && !j->c->probe_only[i])
            continue;
        size_t np;
        dm_status st = select_probe(j->c, &j->ws[worker], i, &np);
        if (st != DM_OK)
            return st;
        for (size_t q = 0; q < np; q++)
            j->probed[worker][j->ws[worker].probe[q].id] = 1;
    }
    return DM_OK;
}

static dm_status probe_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    probe_job *job = arg;
    dm_status st = DM_OK;
    for (size_t i = b; i < e && st == DM_OK; i++)
        if (!job->c->probe_only || job->c->probe_only[i])
            st = probe_doc(job->c, job->ix, &job->ws[worker], i, &job->out[chunk]);
    return st;
}

static dm_status sim_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    lk_coll *c = arg;
    (void)worker;
    (void)chunk;
    for (size_t t = b; t < e; t++) {
        lk_pair *p = &c->pairs[t];
        /* the other side of a pair is anywhere in memory: fetch the next ones' documents and
         * the start of their features ahead of time (the scores wait on memory, not arithmetic) */
        if (t + 8 < e)
            __builtin_prefetch(&c->d[c->pairs[t + 8].b]);
        if (t + 4 < e) {
            const lk_doc *y = &c->d[c->pairs[t + 4].b];
            const char *f = (const char *)(y->f + (c->pairs[t + 4].stat < 0 ? 0 : y->nstat));
            for (int l = 0; l < 4; l++)
                __builtin_prefetch(f + 64 * l);
        }
        if (p->stat < 0)
            p->stat = lk_sim_static(c, p->a, p->b);
        p->sim = p->stat + lk_sim_pivot(c, p->a, p->b);
    }
    return DM_OK;
}

/* The candidates of every chunk as pairs a < b, each once, in (a, b) order: a counting sort on
 * a, then each row's few b sorted and deduplicated. Pairs that were candidates before keep the
 * static part of their evidence (only pivot words change from one pass to the next). */
static dm_status gather_pairs(lk_coll *c, cand_buf *out, size_t nchunks)
{
    size_t total = 0;
    for (size_t k = 0; k < nchunks; k++)
        total += out[k].n / 2;
    uint32_t *row = calloc(c->n + 2, sizeof *row);
    uint32_t *col = malloc((total ? total : 1) * sizeof *col);
    if (!row || !col || total >= UINT32_MAX) {
        free(row);
        free(col);
        return DM_ENOMEM;
    }
    for (size_t k = 0; k < nchunks; k++)
        for (size_t t = 0; t < out[k].n; t += 2) {
            uint32_t x = out[k].p[t], y = out[k].p[t + 1];
            row[(x < y ? x : y) + 1]++;
        }
    for (size_t i = 0; i < c->n; i++)
        row[i + 1] += row[i];
    for (size_t k = 0; k < nchunks; k++) {
        for (size_t t = 0; t < out[k].n; t += 2) {
            uint32_t x = out[k].p[t], y = out[k].p[t + 1];
            col[row[x < y ? x : y]++] = x < y ? y : x;
        }
        free(out[k].p);
        out[k].p = NULL;
    }
    /* row[i] is now the end of row i (the start of row i+1) */
    lk_pair *old = c->pairs;
    size_t nold = c->npairs, o = 0;
    c->pairs = malloc((total ? total : 1) * sizeof *c->pairs);
    c->npairs = 0;
    if (!c->pairs) {
        c->pairs = old;
        c->npairs = nold;
        free(row);
        free(col);
        return DM_ENOMEM;
    }
    uint32_t start = 0;
    for (size_t i = 0; i < c->n; i++) {
        uint32_t end = row[i];
        uint32_t *r = col + start;
        size_t m = end - start;
        for (size_t x = 1; x < m; x++) { /* insertion sort: rows hold a few dozen */
            uint32_t v = r[x];
            size_t y = x;
            while (y > 0 && r[y - 1] > v) {
                r[y] = r[y - 1];
                y--;
            }
            r[y] = v;
        }
        for (size_t x = 0; x < m; x++) {
            if (x && r[x] == r[x - 1])
                continue;
            lk_pair p = {(uint32_t)i, r[x], 0, -1.0f, 0};
            while (o < nold && (old[o].a < p.a || (old[o].a == p.a && old[o].b < p.b)))
                o++;
            if (o < nold && old[o].a == p.a && old[o].b == p.b)
                p.stat = old[o].stat;
            c->pairs[c->npairs++] = p;
        }
        start = end;
    }
    free(old);
    free(row);
    free(col);
    lk_pair *p = realloc(c->pairs, (c->npairs ? c->npairs : 1) * sizeof *p);
    if (p)
        c->pairs = p;
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
    for (int t = 0; t < threads && st == DM_OK; t++)
        st = ws_init(&job.ws[t], c->n, nlk);
    /* which features are probed at all, then the index of those */
    mark_job mj = {.c = c, .ws = job.ws};
    for (int t = 0; t < threads && st == DM_OK; t++)
        if (!(mj.probed[t] = calloc(c->feats.n + 1, 1)))
            st = DM_ENOMEM;
    if (st == DM_OK)
        st = lk_parallel(threads, c->n, PROBE_CHUNK, mark_chunk, &mj);
    for (int t = 1; t < threads && st == DM_OK; t++)
        for (size_t f = 0; f < c->feats.n; f++)
            mj.probed[0][f] |= mj.probed[t][f];
    if (st == DM_OK)
        st = index_build(c, &ix, mj.probed[0]);
    for (int t = 0; t < threads; t++)
        free(mj.probed[t]);
    if (st == DM_OK)
        st = lk_parallel(threads, c->n, PROBE_CHUNK, probe_chunk, &job);
    for (int t = 0; t < threads; t++)
        ws_free(&job.ws[t]);
    index_free(&ix);
    if (st == DM_OK)
        st = gather_pairs(c, job.out, nchunks);
    if (job.out)
        for (size_t k = 0; k < nchunks; k++)
            free(job.out[k].p);
    free(job.out);
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "cannot search link candidates");
    lk_tick(c, "probe");
    /* exact evidence for each pair */
    lk_parallel(threads, c->npairs, SIM_CHUNK, sim_chunk, c);
    if (getenv("DM_LINK_TIMING")) {
        size_t nf = 0;
        for (size_t i = 0; i < c->n; i++)
            nf += c->d[i].nf;
        fprintf(stderr, "link: %zu pairs, %.1f features a document\n", c->npairs,
                (double)nf / (double)(c->n ? c->n : 1));
    }
    return DM_OK;
}
