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

static dm_status index_build(lk_coll *c, index_t *ix)
{
    size_t nf = c->feats.n;
    ix->off = calloc(nf + 1, sizeof *ix->off);
    if (!ix->off)
        return DM_ENOMEM;
    size_t total = 0;
    for (size_t i = 0; i < c->n; i++)
        for (uint32_t j = 0; j < c->d[i].nf; j++) {
            uint32_t f = c->d[i].f[j].id;
            if (c->feats.df[f] <= c->prm.posting_cap) {
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
            if (c->feats.df[f] <= c->prm.posting_cap)
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

static int cmp_w_desc(const void *a, const void *b)
{
    float x = ((const lk_fw *)a)->w, y = ((const lk_fw *)b)->w;
    return x > y ? -1 : x < y;
}

static int cmp_pair(const void *a, const void *b)
{
    const lk_pair *x = a, *y = b;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return x->b < y->b ? -1 : x->b > y->b;
}

static dm_status push_pair(lk_coll *c, size_t *cap, uint32_t a, uint32_t b)
{
    if (c->npairs == *cap) {
        size_t nc = *cap ? *cap * 2 : 1 << 16;
        lk_pair *p = realloc(c->pairs, nc * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        c->pairs = p;
        *cap = nc;
    }
    c->pairs[c->npairs++] = (lk_pair){a < b ? a : b, a < b ? b : a, 0, 0};
    return DM_OK;
}

dm_status lk_candidates(lk_coll *c)
{
    index_t ix = {0};
    dm_status st = index_build(c, &ix);
    size_t nl = c->nlangs, k = c->prm.k_per_lang;
    float *acc = calloc(c->n ? c->n : 1, sizeof *acc);
    uint32_t *touched = malloc((c->n ? c->n : 1) * sizeof *touched);
    uint32_t *top = malloc(nl * k * sizeof *top + 1);
    float *tops = malloc(nl * k * sizeof *tops + 1);
    lk_fw *probe = NULL;
    size_t probe_cap = 0, pair_cap = 0;
    if (st == DM_OK && (!acc || !touched || !top || !tops))
        st = DM_ENOMEM;
    free(c->pairs);
    c->pairs = NULL;
    c->npairs = 0;
    for (size_t i = 0; st == DM_OK && i < c->n; i++) {
        const lk_doc *d = &c->d[i];
        /* the most telling features of each kind (highest weight), commonest ones excluded */
        if (d->nf > probe_cap) {
            lk_fw *p = realloc(probe, d->nf * sizeof *p);
            if (!p) {
                st = DM_ENOMEM;
                break;
            }
            probe = p;
            probe_cap = d->nf;
        }
        size_t np = 0;
        for (uint32_t j = 0; j < d->nf; j++)
            if (c->feats.df[d->f[j].id] <= c->prm.posting_cap)
                probe[np++] = d->f[j];
        if (np > 1) /* probe is NULL for a document without features */
            qsort(probe, np, sizeof *probe, cmp_w_desc);
        uint32_t used[LK_KIND_COUNT] = {0};
        size_t nt = 0;
        for (size_t j = 0; j < np; j++) {
            int kind = c->feats.kind[probe[j].id];
            if (used[kind] >= c->prm.probe_feats)
                continue;
            used[kind]++;
            uint32_t f = probe[j].id;
            for (uint32_t p = ix.off[f]; p < ix.off[f + 1]; p++) {
                uint32_t o = ix.post[p].doc;
                if (o == i)
                    continue;
                if (acc[o] == 0)
                    touched[nt++] = o;
                acc[o] += probe[j].w * ix.post[p].w;
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
                st = push_pair(c, &pair_cap, (uint32_t)i, top[t]);
    }
    free(probe);
    free(acc);
    free(touched);
    free(top);
    free(tops);
    index_free(&ix);
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "cannot search link candidates");
    lk_tick(c, "probe");
    /* pairs found from both sides once; exact evidence for each */
    if (c->npairs > 1) /* an empty array may be NULL */
        qsort(c->pairs, c->npairs, sizeof *c->pairs, cmp_pair);
    size_t u = 0;
    for (size_t t = 0; t < c->npairs; t++)
        if (!u || c->pairs[u - 1].a != c->pairs[t].a || c->pairs[u - 1].b != c->pairs[t].b)
            c->pairs[u++] = c->pairs[t];
    c->npairs = u;
    for (size_t t = 0; t < u; t++)
        c->pairs[t].sim = lk_sim(c, c->pairs[t].a, c->pairs[t].b, NULL);
    if (getenv("DM_LINK_TIMING")) {
        size_t nf = 0;
        for (size_t i = 0; i < c->n; i++)
            nf += c->d[i].nf;
        fprintf(stderr, "link: %zu pairs, %.1f features a document\n", u, (double)nf / (double)(c->n ? c->n : 1));
    }
    return DM_OK;
}
