/*
 * align_order.c -- word order as evidence that two sentences translate each other.
 *
 * A translation's matched words fall roughly along the diagonal of relative positions (a word
 * at 30% of the src sentence meets its counterpart near 30% of the tgt sentence), more or less
 * so depending on the languages; two unrelated sentences of one article that share its names
 * and topic words match them at scattered places. The spread is learned per language pair from
 * the confident 1-1 links of an alignment: the distances (src position / src length - tgt
 * position / tgt length) of matched words, binned, against the distances a partner placed
 * anywhere in the tgt sentence would have. A block then scores, for each src word that meets one
 * place in a tgt sentence of the block, the log of the ratio observed / anywhere at its distance,
 * positions taken relative to the whole block (the mean ratio for a word meeting several of its
 * sentences): a likelihood ratio against uniform placement, near 0 for a language pair whose
 * order says little. Relative to the block, a merge that adds an omitted sentence to a
 * translation pushes the translation's words off the diagonal.
 * Kept apart from align_score.c because it needs positions, not only which words matched.
 */
#include "align/align_internal.h"
#include "text/text.h"
#include "util/vec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

dm_status al_posmap_reserve(al_posmap *pk, size_t n)
{
    size_t cap = pk->set.cap;
    if (al_marks_reserve(&pk->set, n))
        return DM_ENOMEM;
    if (pk->set.cap != cap || !pk->pos) { /* the positions are only read where marked */
        uint64_t *pos = realloc(pk->pos, (pk->set.cap ? pk->set.cap : 1) * sizeof *pos);
        if (!pos)
            return DM_ENOMEM;
        pk->pos = pos;
    }
    return DM_OK;
}

void al_posmap_free(al_posmap *pk)
{
    al_marks_free(&pk->set);
    free(pk->pos);
    memset(pk, 0, sizeof *pk);
}

/* A word that meets more places than this in one sentence of the other side says nothing of
 * order (ntrex omission F1 / Text+Berg strict with every place, the mean ratio over them:
 * 0.8800 / 0.8721; up to 3: 0.8783 / 0.8687; up to 2: 0.8797 / 0.8687; 1: 0.8805 / 0.8731,
 * and a third less time). */
#define ORDER_MAX_PLACES 1

/* Does this token take part in the order evidence? Words and numbers, light words too: the
 * topic words an article repeats weigh little (idf within the document) but are what two
 * unrelated sentences of it share (only words of weight 1.2 or more: ntrex omission F1 0.8716
 * against 0.8750, 8 bins). */
static inline int order_token(const al_tok *t)
{
    return t->kind == DM_TOK_NUMBER || t->kind == DM_TOK_WORD;
}

/* The positions (bits, tokens 0..63) of tgt sentence j's tokens, per concept. */
static void posmap_set(al_posmap *pk, const al_doc *d, size_t j)
{
    al_marks *mk = &pk->set;
    al_marks_begin(mk);
    const al_sent *s = &d->sent[j];
    uint32_t n = s->ntok < 64 ? s->ntok : 64;
    for (uint32_t l = 0; l < n; l++) {
        const al_tok *t = &d->tok[s->tok0 + l];
        if (!order_token(t))
            continue;
        for (uint16_t q = 0; q < t->nc; q++) {
            uint32_t c = d->conc[t->c0 + q];
            if (mk->mark[c] != mk->stamp) {
                mk->mark[c] = mk->stamp;
                pk->pos[c] = 0;
            }
            pk->pos[c] |= (uint64_t)1 << l;
        }
    }
}

/* The tgt positions that share a concept with a src token. */
static inline uint64_t posmap_token(const al_posmap *pk, const al_doc *d, const al_tok *t)
{
    uint64_t m = 0;
    for (uint16_t q = 0; q < t->nc; q++) {
        uint32_t c = d->conc[t->c0 + q];
        if (pk->set.mark[c] == pk->set.stamp)
            m |= pk->pos[c];
    }
    return m;
}

static inline int order_bin(double d)
{
    int b = (int)((d + 1.0) * 0.5 * AL_ORDER_BINS);
    return b < 0 ? 0 : b >= AL_ORDER_BINS ? AL_ORDER_BINS - 1 : b;
}

void al_order_count(al_posmap *pk, const al_doc *src, size_t i, const al_doc *tgt, size_t j,
                    double obs[AL_ORDER_BINS], double any[AL_ORDER_BINS])
{
    const al_sent *s = &src->sent[i], *t = &tgt->sent[j];
    uint32_t ns = s->ntok < 64 ? s->ntok : 64, nt = t->ntok < 64 ? t->ntok : 64;
    if (!ns || !nt)
        return;
    posmap_set(pk, tgt, j);
    for (uint32_t k = 0; k < ns; k++) {
        const al_tok *tk = &src->tok[s->tok0 + k];
        if (!order_token(tk))
            continue;
        uint64_t m = posmap_token(pk, src, tk); /* learned from every place it meets (only
                                                  * from words that meet one: ntrex 0.8824,
                                                  * UDHR 3,000 lines 0.896 against 0.904) */
        if (!m)
            continue;
        double u = (k + 0.5) / ns, share = 1.0 / __builtin_popcountll(m);
        for (uint64_t r = m; r; r &= r - 1)
            obs[order_bin(u - (__builtin_ctzll(r) + 0.5) / nt)] += share;
        for (uint32_t l = 0; l < nt; l++)
            any[order_bin(u - (l + 0.5) / nt)] += 1.0 / nt;
    }
}

void al_order_ratios(const double obs[AL_ORDER_BINS], const double any[AL_ORDER_BINS], double prior,
                     double lr[AL_ORDER_BINS])
{
    double so = 0, sa = 0;
    for (int b = 0; b < AL_ORDER_BINS; b++) {
        so += obs[b];
        sa += any[b];
    }
    for (int b = 0; b < AL_ORDER_BINS; b++) {
        double pa = sa > 0 ? any[b] / sa : 1.0 / AL_ORDER_BINS;
        /* `prior` pseudo-words placed anywhere: few observations stay near "no order" */
        double po = (obs[b] + prior * pa) / (so + prior);
        lr[b] = pa > 0 ? po / pa : 1.0;
    }
}

dm_status al_pairs_order(al_pairs *pm, al_posmap *pk, const al_doc *src, const al_doc *tgt)
{
    size_t total = pm->off[pm->n], cap = 0;
    pm->ord_off = malloc((total + 1) * sizeof *pm->ord_off);
    if (!pm->ord_off)
        return DM_ENOMEM;
    pm->nord = 0;
    for (size_t i = 0; i < pm->n; i++) {
        const al_sent *s = &src->sent[i];
        uint32_t ns = s->ntok < 64 ? s->ntok : 64;
        for (uint32_t j = pm->lo[i]; j < pm->hi[i]; j++) {
            size_t q = pm->off[i] + (j - pm->lo[i]);
            pm->ord_off[q] = (uint32_t)pm->nord;
            if (!pm->ms[q])
                continue;
            posmap_set(pk, tgt, j);
            for (uint32_t k = 0; k < ns; k++) {
                const al_tok *tk = &src->tok[s->tok0 + k];
                if (!order_token(tk))
                    continue;
                uint64_t m = posmap_token(pk, src, tk);
                if (!m || __builtin_popcountll(m) > ORDER_MAX_PLACES)
                    continue;
                if (dm_grow(&pm->ord, &cap, pm->nord + 1, sizeof *pm->ord))
                    return DM_ENOMEM;
                pm->ord[pm->nord].k = (uint8_t)k;
                pm->ord[pm->nord].m = m;
                pm->nord++;
            }
        }
    }
    pm->ord_off[total] = (uint32_t)pm->nord;
    return DM_OK;
}

double al_order_block(const al_pairs *pm, const al_doc *src, const al_doc *tgt, size_t i, size_t a,
                      size_t j, size_t b, const double lr[AL_ORDER_BINS],
                      const double loglr[AL_ORDER_BINS])
{
    if (!pm->ord_off)
        return 0;
    double ns_all = 0, nt_all = 0, offt[AL_MAX_SIDE];
    for (size_t y = 0; y < b; y++) {
        uint32_t nt = tgt->sent[j + y].ntok;
        offt[y] = nt_all;
        nt_all += nt < 64 ? nt : 64;
    }
    for (size_t x = 0; x < a; x++) {
        uint32_t ns = src->sent[i + x].ntok;
        ns_all += ns < 64 ? ns : 64;
    }
    if (ns_all <= 0 || nt_all <= 0)
        return 0;
    double sum = 0, offs = 0, inv_s = 1.0 / ns_all, inv_t = 1.0 / nt_all;
    for (size_t x = 0; x < a; x++) {
        size_t r = i + x;
        double acc[64];
        int cnt[64], bin1[64];
        uint64_t seen = 0;
        for (size_t y = 0; y < b; y++) {
            size_t c = j + y;
            if (c < pm->lo[r] || c >= pm->hi[r])
                continue;
            size_t q = pm->off[r] + (c - pm->lo[r]);
            for (uint32_t e = pm->ord_off[q]; e < pm->ord_off[q + 1]; e++) {
                unsigned k = pm->ord[e].k;
                if (!((seen >> k) & 1)) {
                    seen |= (uint64_t)1 << k;
                    acc[k] = cnt[k] = 0;
                }
                double u = (offs + k + 0.5) * inv_s, v0 = (offt[y] + 0.5) * inv_t;
                for (uint64_t mm = pm->ord[e].m; mm; mm &= mm - 1) {
                    int bin = order_bin(u - v0 - __builtin_ctzll(mm) * inv_t);
                    acc[k] += lr[bin];
                    bin1[k] = bin;
                    cnt[k] += 1;
                }
            }
        }
        for (uint64_t z = seen; z; z &= z - 1) {
            unsigned k = (unsigned)__builtin_ctzll(z);
            sum += cnt[k] == 1 ? loglr[bin1[k]] : log(acc[k] / cnt[k]); /* most words meet one */
        }
        uint32_t ns = src->sent[r].ntok;
        offs += ns < 64 ? ns : 64;
    }
    return sum;
}
