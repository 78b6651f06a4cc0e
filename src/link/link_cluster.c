/*
 * link_cluster.c -- from scored pairs to stories, in three steps:
 *  1. one-to-one links: per language pair, competitive linking (best pairs first, each document
 *     linked at most once to each other language), over a floor of evidence and margin;
 *  2. stories: clusters grow by average linkage under the rule that a story holds at most one
 *     version per language. Two clusters merge when the links between them, summed and divided
 *     by the number of document pairs, are strong enough, so one weak link between two groups
 *     never joins two stories. Same-language near-duplicates are joined first (the only way
 *     two documents of one language share a story);
 *  3. leftovers: documents still alone join the cluster that all their candidate pairs together
 *     point to, again one per language and best first.
 * A document with no convincing evidence stays alone.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct link {
    uint32_t a, b;
    float w;
} link_t;

typedef struct uf {
    uint32_t *parent, *size;
    uint64_t *langs;
} uf_t;

static uint32_t uf_find(uf_t *u, uint32_t x)
{
    while (u->parent[x] != x) {
        u->parent[x] = u->parent[u->parent[x]];
        x = u->parent[x];
    }
    return x;
}

static void uf_union(uf_t *u, uint32_t a, uint32_t b)
{
    a = uf_find(u, a);
    b = uf_find(u, b);
    if (a == b)
        return;
    if (u->size[a] < u->size[b]) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    u->parent[b] = a;
    u->size[a] += u->size[b];
    u->langs[a] |= u->langs[b];
}

static int cmp_pair_score(const void *x, const void *y)
{
    float a = (*(const lk_pair *const *)x)->score, b = (*(const lk_pair *const *)y)->score;
    return a > b ? -1 : a < b;
}

/* Strength of an accepted link in [0,1] from its margin score. */
static float link_weight(const lk_coll *c, const lk_pair *p)
{
    float w = (p->score - c->prm.min_score) / (2.0f * c->prm.min_score);
    w = 0.3f + w;
    return w > 1 ? 1 : w;
}

/* Step 1: competitive linking per language pair. */
static dm_status one_to_one(lk_coll *c, link_t **out, size_t *nout)
{
    size_t nl = c->nlangs;
    const lk_pair **order = malloc((c->npairs + 1) * sizeof *order);
    uint8_t *linked = calloc(c->n * nl + 1, 1);
    link_t *links = malloc((c->npairs + 1) * sizeof *links);
    if (!order || !linked || !links) {
        free(order);
        free(linked);
        free(links);
        return DM_ENOMEM;
    }
    size_t no = 0;
    for (size_t t = 0; t < c->npairs; t++) {
        const lk_pair *p = &c->pairs[t];
        if (c->d[p->a].lang != c->d[p->b].lang && p->sim >= c->prm.min_sim &&
            p->score >= c->prm.min_score)
            order[no++] = p;
    }
    if (no > 1) /* an empty array may be NULL */
        qsort(order, no, sizeof *order, cmp_pair_score);
    size_t nk = 0;
    for (size_t t = 0; t < no; t++) {
        const lk_pair *p = order[t];
        uint8_t *la = &linked[(size_t)p->a * nl + c->d[p->b].lang];
        uint8_t *lb = &linked[(size_t)p->b * nl + c->d[p->a].lang];
        if (*la || *lb)
            continue;
        *la = *lb = 1;
        links[nk++] = (link_t){p->a, p->b, link_weight(c, p)};
    }
    free(order);
    free(linked);
    *out = links;
    *nout = nk;
    return DM_OK;
}

typedef struct cpair {
    uint32_t x, y; /* cluster roots, x < y */
    float w;       /* summed link weight */
} cpair;

static int cmp_cpair_key(const void *a, const void *b)
{
    const cpair *p = a, *q = b;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return p->y < q->y ? -1 : p->y > q->y;
}

static int cmp_cpair_avg(const void *a, const void *b)
{
    float x = ((const cpair *)a)->w, y = ((const cpair *)b)->w;
    return x > y ? -1 : x < y;
}

/* Step 2: average linkage in rounds; in one round a cluster takes part in one merge at most, so
 * that every merge is judged on up-to-date sizes. */
static dm_status grow_stories(lk_coll *c, uf_t *u, const link_t *links, size_t nk)
{
    cpair *cp = malloc((nk + 1) * sizeof *cp);
    uint8_t *busy = calloc(c->n + 1, 1);
    if (!cp || !busy) {
        free(cp);
        free(busy);
        return DM_ENOMEM;
    }
    for (int round = 0; round < 64; round++) {
        size_t m = 0;
        for (size_t t = 0; t < nk; t++) {
            uint32_t x = uf_find(u, links[t].a), y = uf_find(u, links[t].b);
            if (x == y)
                continue;
            cp[m++] = (cpair){x < y ? x : y, x < y ? y : x, links[t].w};
        }
        if (!m)
            break;
        if (m > 1) /* an empty array may be NULL */
            qsort(cp, m, sizeof *cp, cmp_cpair_key);
        size_t q = 0;
        for (size_t t = 0; t < m; t++) {
            if (q && cp[q - 1].x == cp[t].x && cp[q - 1].y == cp[t].y)
                cp[q - 1].w += cp[t].w;
            else
                cp[q++] = cp[t];
        }
        for (size_t t = 0; t < q; t++)
            cp[t].w /= (float)u->size[cp[t].x] * (float)u->size[cp[t].y];
        if (q > 1) /* an empty array may be NULL */
            qsort(cp, q, sizeof *cp, cmp_cpair_avg);
        memset(busy, 0, c->n);
        size_t merged = 0;
        for (size_t t = 0; t < q && cp[t].w >= c->prm.merge_avg; t++) {
            uint32_t x = cp[t].x, y = cp[t].y;
            if (busy[x] || busy[y] || (u->langs[x] & u->langs[y]))
                continue;
            busy[x] = busy[y] = 1;
            uf_union(u, x, y);
            merged++;
        }
        if (!merged)
            break;
    }
    free(cp);
    free(busy);
    return DM_OK;
}

typedef struct attach {
    uint32_t doc, root;
    float support;
} attach_t;

static int cmp_attach(const void *a, const void *b)
{
    const attach_t *x = a, *y = b;
    if (x->support != y->support)
        return x->support > y->support ? -1 : 1;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->root < y->root ? -1 : x->root > y->root;
}

/* Step 3: a document still alone joins the story its candidate pairs point to together, when at
 * least two of the story's versions point to it (one weak link never decides), best first, and
 * only into a story that lacks its language. */
static dm_status attach_leftovers(lk_coll *c, uf_t *u)
{
    attach_t *a = malloc((2 * c->npairs + 1) * sizeof *a);
    if (!a)
        return DM_ENOMEM;
    size_t na = 0;
    for (size_t t = 0; t < c->npairs; t++) {
        const lk_pair *p = &c->pairs[t];
        if (p->score <= 1.0f || p->sim < c->prm.min_sim || c->d[p->a].lang == c->d[p->b].lang)
            continue;
        for (int side = 0; side < 2; side++) {
            uint32_t d = side ? p->b : p->a, o = side ? p->a : p->b;
            if (u->size[uf_find(u, d)] != 1)
                continue;
            uint32_t r = uf_find(u, o);
            if (u->size[r] < 2)
                continue;
            a[na++] = (attach_t){d, r, p->score - 1.0f};
        }
    }
    /* sum per (document, story), counting the pointing versions */
    qsort(a, na, sizeof *a, cmp_attach);
    attach_t *agg = malloc((na + 1) * sizeof *agg);
    if (!agg) {
        free(a);
        return DM_ENOMEM;
    }
    size_t ng = 0;
    for (size_t t = 0; t < na;) {
        size_t v = t;
        float sum = 0;
        while (v < na && a[v].doc == a[t].doc && a[v].root == a[t].root)
            sum += a[v++].support > 1.0f ? 1.0f : a[v - 1].support;
        if (v - t >= 2)
            agg[ng++] = (attach_t){a[t].doc, a[t].root, sum / (float)u->size[a[t].root]};
        t = v;
    }
    /* pairs above were grouped by doc only when adjacent: regroup by (doc, root) */
    qsort(agg, ng, sizeof *agg, cmp_attach);
    for (size_t t = 0; t < ng; t++) {
        uint32_t d = agg[t].doc, r = uf_find(u, agg[t].root);
        if (agg[t].support < c->prm.attach_avg)
            break;
        if (u->size[uf_find(u, d)] != 1 || (u->langs[r] & u->langs[d]))
            continue;
        uf_union(u, r, d);
    }
    free(a);
    free(agg);
    return DM_OK;
}

dm_status lk_cluster(lk_coll *c, uint32_t *label)
{
    uf_t u = {0};
    u.parent = malloc((c->n + 1) * sizeof *u.parent);
    u.size = malloc((c->n + 1) * sizeof *u.size);
    u.langs = malloc((c->n + 1) * sizeof *u.langs);
    link_t *links = NULL;
    size_t nk = 0;
    dm_status st = (u.parent && u.size && u.langs) ? DM_OK : DM_ENOMEM;
    for (size_t i = 0; st == DM_OK && i < c->n; i++) {
        u.parent[i] = (uint32_t)i;
        u.size[i] = 1;
        u.langs[i] = 1ULL << (c->d[i].lang & 63);
    }
    /* near-duplicates in one language: the overwhelming evidence that allows it */
    for (size_t t = 0; st == DM_OK && t < c->npairs; t++) {
        const lk_pair *p = &c->pairs[t];
        if (c->d[p->a].lang == c->d[p->b].lang && lk_dup_sim(c, p) >= c->prm.dup_sim)
            uf_union(&u, p->a, p->b);
    }
    if (st == DM_OK)
        st = one_to_one(c, &links, &nk);
    if (st == DM_OK)
        st = grow_stories(c, &u, links, nk);
    if (st == DM_OK)
        st = attach_leftovers(c, &u);
    if (st == DM_OK) {
        /* labels: 0.. in order of first appearance */
        uint32_t *map = malloc((c->n + 1) * sizeof *map);
        if (!map)
            st = DM_ENOMEM;
        else {
            for (size_t i = 0; i < c->n; i++)
                map[i] = LK_NONE;
            uint32_t next = 0;
            for (size_t i = 0; i < c->n; i++) {
                uint32_t r = uf_find(&u, (uint32_t)i);
                if (map[r] == LK_NONE)
                    map[r] = next++;
                label[i] = map[r];
            }
            free(map);
        }
    }
    free(links);
    free(u.parent);
    free(u.size);
    free(u.langs);
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "cannot cluster documents");
    return DM_OK;
}
