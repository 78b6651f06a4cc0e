/*
 * mine_ttable.c -- word translations with probabilities, learned by the miner from the sentence
 * pairs it is surest of (IBM Model 1, EM, both directions over one table of co-occurring pairs).
 *
 * Separate from align_ibm1.c, which keeps yes/no translations for the aligner: the miner needs
 * t(e|f) and t(f|e) themselves, for every word including function words, and a score that is
 * high only when both directions agree (a frequent English word such as "the" co-occurs with
 * everything and is the likely t(the|f) of many rare f, but t(f|the) is small for all of them).
 */
#include "align/mine_internal.h"
#include "util/vec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SIDE 64

struct mn_trainer {
    al_segs s;
    float *segw; /* per pair: how much it counts */
    size_t capsegw;
    const float *order_w; /* a link's prior by its distance in relative position (or NULL) */
    int nbins;
};

void mn_trainer_set_order(mn_trainer *t, const float *order_w, int nbins)
{
    t->order_w = order_w;
    t->nbins = nbins;
}

/* The prior of a link of src word q of ns and tgt word u of nt (the empty word: 1). */
static inline double link_prior(const mn_trainer *t, size_t q, size_t ns, size_t u, size_t nt)
{
    if (!t->order_w || q >= ns || u >= nt)
        return 1.0;
    return t->order_w[mn_order_bin(q, ns, u, nt, t->nbins)];
}

mn_trainer *mn_trainer_new(void) { return calloc(1, sizeof(mn_trainer)); }

void mn_trainer_free(mn_trainer *t)
{
    if (!t)
        return;
    al_segs_free(&t->s);
    free(t->segw);
    free(t);
}

void mn_ttable_free(mn_ttable *t)
{
    free(t->off);
    free(t->tgt);
    free(t->p);
    memset(t, 0, sizeof *t);
}

size_t mn_ttable_get(const mn_ttable *t, uint32_t f, const uint32_t **tgt, const float **p)
{
    if (!t->off || f >= t->nsrc)
        return 0;
    *tgt = t->tgt + t->off[f];
    *p = t->p + t->off[f];
    return t->off[f + 1] - t->off[f];
}

dm_status mn_trainer_add(mn_trainer *t, const uint32_t *src, size_t ns, const uint32_t *tgt,
                         size_t nt)
{
    return mn_trainer_add_weighted(t, src, ns, tgt, nt, 1.0f);
}

dm_status mn_trainer_add_weighted(mn_trainer *t, const uint32_t *src, size_t ns,
                                  const uint32_t *tgt, size_t nt, float weight)
{
    if (!ns || !nt)
        return DM_OK;
    if (dm_grow(&t->segw, &t->capsegw, t->s.nseg + 1, sizeof *t->segw))
        return DM_ENOMEM;
    t->segw[t->s.nseg] = weight;
    return al_segs_add(&t->s, src, ns, tgt, nt, MAX_SIDE);
}

/* Open-addressing map from a (src, tgt) pair to its index in the pair table. */
typedef struct pair_map {
    uint64_t *key;
    uint32_t *idx;
    size_t mask, n;
} pair_map;

static size_t pair_slot(const pair_map *pm, uint64_t key)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    size_t s = (size_t)(h >> 20) & pm->mask;
    while (pm->idx[s] != UINT32_MAX && pm->key[s] != key)
        s = (s + 1) & pm->mask;
    return s;
}

typedef mn_entry entry;

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->f != y->f)
        return x->f < y->f ? -1 : 1;
    if (x->p != y->p)
        return x->p > y->p ? -1 : 1;
    return x->e < y->e ? -1 : x->e > y->e;
}

dm_status mn_entries_push(mn_entries *l, mn_entry e)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 1024;
        mn_entry *p = realloc(l->e, cap * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        l->e = p;
        l->cap = cap;
    }
    l->e[l->n++] = e;
    return DM_OK;
}

dm_status mn_ttable_build(mn_ttable *out, size_t nvocab, mn_entry *ent, size_t ne,
                          size_t max_per_src)
{
    memset(out, 0, sizeof *out);
    out->nsrc = nvocab;
    out->off = calloc(nvocab + 1, sizeof *out->off);
    if (!out->off)
        return DM_ENOMEM;
    if (ne > 1)
        qsort(ent, ne, sizeof *ent, cmp_entry);
    size_t kept = 0;
    for (size_t q = 0; q < ne; q++) {
        /* sorted by f, best first: keep the first max_per_src of each f, and no repeats */
        if (ent[q].f >= nvocab || out->off[ent[q].f + 1] >= max_per_src)
            continue;
        if (kept && ent[kept - 1].f == ent[q].f && ent[kept - 1].e == ent[q].e)
            continue;
        out->off[ent[q].f + 1]++;
        ent[kept++] = ent[q];
    }
    for (size_t f = 0; f < nvocab; f++)
        out->off[f + 1] += out->off[f];
    out->tgt = malloc((kept ? kept : 1) * sizeof *out->tgt);
    out->p = malloc((kept ? kept : 1) * sizeof *out->p);
    if (!out->tgt || !out->p) {
        mn_ttable_free(out);
        return DM_ENOMEM;
    }
    for (size_t q = 0; q < kept; q++) {
        out->tgt[q] = ent[q].e;
        out->p[q] = ent[q].p;
    }
    return DM_OK;
}

/* Occurrences: in how many pairs each form appears on its side (counted once per pair). */
static void count_occ(const mn_trainer *t, uint32_t *occ_s, uint32_t *occ_t)
{
    for (size_t g = 0; g < t->s.nseg; g++) {
        const uint32_t *s3 = t->s.seg + 3 * g;
        const uint32_t *w = t->s.words + s3[0];
        for (int side = 0; side < 2; side++) {
            const uint32_t *v = side ? w + s3[1] : w;
            uint32_t nv = side ? s3[2] : s3[1];
            uint32_t *occ = side ? occ_t : occ_s;
            for (uint32_t q = 0; q < nv; q++) {
                int dup = 0;
                for (uint32_t r = 0; r < q && !dup; r++)
                    dup = v[r] == v[q];
                if (!dup)
                    occ[v[q]]++;
            }
        }
    }
}

dm_status mn_trainer_run(mn_trainer *t, size_t nvocab, int iterations, unsigned min_occ,
                         unsigned min_cooc, double min_p, size_t max_per_src, mn_ttable *out)
{
    memset(out, 0, sizeof *out);
    const uint32_t null_word = (uint32_t)nvocab; /* the empty word of each side */
    size_t ncell = 0;
    for (size_t g = 0; g < t->s.nseg; g++)
        ncell += (size_t)(t->s.seg[3 * g + 1] + 1) * (t->s.seg[3 * g + 2] + 1);
    pair_map pm = {0};
    size_t cap = 1024;
    while (cap < 2 * ncell)
        cap *= 2;
    pm.mask = cap - 1;
    pm.key = malloc(cap * sizeof *pm.key);
    pm.idx = malloc(cap * sizeof *pm.idx);
    uint32_t *pos = malloc((ncell ? ncell : 1) * sizeof *pos);
    uint64_t *keys = malloc((ncell ? ncell : 1) * sizeof *keys);
    float *pf = NULL, *pr = NULL, *cnt = NULL;
    double *tot = calloc(nvocab + 1, sizeof *tot);
    uint32_t *occ_s = calloc(nvocab + 1, sizeof *occ_s), *occ_t = calloc(nvocab + 1, sizeof *occ_t);
    entry *ent = NULL;
    dm_status st = DM_ENOMEM;
    if (!pm.key || !pm.idx || !pos || !keys || !tot || !occ_s || !occ_t)
        goto done;
    memset(pm.idx, 0xff, cap * sizeof *pm.idx);
    /* cell (q, u) of pair g: src word q (ns = the empty word) with tgt word u (nt = empty) */
    size_t p = 0;
    for (size_t g = 0; g < t->s.nseg; g++) {
        const uint32_t *s3 = t->s.seg + 3 * g;
        const uint32_t *sw = t->s.words + s3[0], *tw = sw + s3[1];
        for (uint32_t q = 0; q <= s3[1]; q++)
            for (uint32_t u = 0; u <= s3[2]; u++) {
                uint32_t f = q < s3[1] ? sw[q] : null_word, e = u < s3[2] ? tw[u] : null_word;
                uint64_t key = (uint64_t)f << 32 | e;
                size_t s = pair_slot(&pm, key);
                if (pm.idx[s] == UINT32_MAX) {
                    pm.key[s] = key;
                    pm.idx[s] = (uint32_t)pm.n;
                    keys[pm.n++] = key;
                }
                pos[p++] = pm.idx[s];
            }
    }
    size_t nk = pm.n;
    pf = malloc((nk ? nk : 1) * sizeof *pf);
    pr = malloc((nk ? nk : 1) * sizeof *pr);
    cnt = malloc((nk ? nk : 1) * sizeof *cnt);
    if (!pf || !pr || !cnt)
        goto done;
    for (size_t k = 0; k < nk; k++)
        pf[k] = pr[k] = 1.0f;
    for (int dir = 0; dir < 2; dir++) {
        float *pp = dir ? pr : pf;
        for (int it = 0; it < iterations; it++) {
            memset(cnt, 0, nk * sizeof *cnt);
            p = 0;
            for (size_t g = 0; g < t->s.nseg; g++) {
                const uint32_t *s3 = t->s.seg + 3 * g;
                size_t ns = s3[1], nt = s3[2], w = nt + 1;
                const uint32_t *cell = pos + p;
                /* forward: each tgt word from one of the src words or the empty one; reverse
                 * the other way round */
                size_t nout = dir ? ns : nt, nin = dir ? nt : ns;
                /* with an order prior, each link also by its distance (IBM Model 2 with the
                 * distortion the miner learned; without, Model 1) */
                double pri[MAX_SIDE + 1];
                for (size_t a = 0; a < nout; a++) {
                    double z = 0;
                    for (size_t b = 0; b <= nin; b++) {
                        pri[b] = dir ? link_prior(t, a, ns, b, nt) : link_prior(t, b, ns, a, nt);
                        z += pri[b] * pp[dir ? cell[a * w + b] : cell[b * w + a]];
                    }
                    if (z <= 0)
                        continue;
                    z /= t->segw[g];
                    for (size_t b = 0; b <= nin; b++) {
                        uint32_t c = dir ? cell[a * w + b] : cell[b * w + a];
                        cnt[c] += (float)(pri[b] * pp[c] / z);
                    }
                }
                p += (ns + 1) * w;
            }
            /* normalise over the outputs of each input word */
            memset(tot, 0, (nvocab + 1) * sizeof *tot);
            for (size_t k = 0; k < nk; k++)
                tot[dir ? (uint32_t)keys[k] : keys[k] >> 32] += cnt[k];
            for (size_t k = 0; k < nk; k++) {
                double s = tot[dir ? (uint32_t)keys[k] : keys[k] >> 32];
                pp[k] = s > 0 ? (float)(cnt[k] / s) : 0.0f;
            }
        }
    }
    count_occ(t, occ_s, occ_t);
    /* co-occurrences of each pair, once per sentence pair: a translation seen together once
     * only helps the pair it came from (and repeats its mistakes) */
    uint32_t *cooc = calloc(nk ? nk : 1, sizeof *cooc), *lastseg = malloc((nk ? nk : 1) * sizeof *lastseg);
    if (!cooc || !lastseg) {
        free(cooc);
        free(lastseg);
        goto done;
    }
    memset(lastseg, 0xff, nk * sizeof *lastseg);
    p = 0;
    for (size_t g = 0; g < t->s.nseg; g++) {
        size_t nc = (size_t)(t->s.seg[3 * g + 1] + 1) * (t->s.seg[3 * g + 2] + 1);
        for (size_t q = 0; q < nc; q++, p++)
            if (lastseg[pos[p]] != (uint32_t)g) {
                lastseg[pos[p]] = (uint32_t)g;
                cooc[pos[p]]++;
            }
    }
    free(lastseg);
    for (size_t k = 0; k < nk; k++)
        if (cooc[k] < min_cooc)
            pf[k] = 0;
    free(cooc);
    size_t ne = 0;
    for (size_t k = 0; k < nk; k++) {
        uint32_t f = (uint32_t)(keys[k] >> 32), e = (uint32_t)keys[k];
        if (f == null_word || e == null_word || occ_s[f] < min_occ || occ_t[e] < min_occ)
            continue;
        if (sqrt((double)pf[k] * pr[k]) >= min_p)
            ne++;
    }
    ent = malloc((ne ? ne : 1) * sizeof *ent);
    if (!ent)
        goto done;
    ne = 0;
    for (size_t k = 0; k < nk; k++) {
        uint32_t f = (uint32_t)(keys[k] >> 32), e = (uint32_t)keys[k];
        if (f == null_word || e == null_word || occ_s[f] < min_occ || occ_t[e] < min_occ)
            continue;
        double sc = sqrt((double)pf[k] * pr[k]);
        if (sc >= min_p)
            ent[ne++] = (entry){f, e, (float)sc};
    }
    if (mn_ttable_build(out, nvocab, ent, ne, max_per_src) != DM_OK)
        goto done;
    st = DM_OK;
done:
    if (st != DM_OK)
        mn_ttable_free(out);
    free(pm.key);
    free(pm.idx);
    free(pos);
    free(keys);
    free(pf);
    free(pr);
    free(cnt);
    free(tot);
    free(occ_s);
    free(occ_t);
    free(ent);
    return st;
}
