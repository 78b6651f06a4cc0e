/*
 * align_score.c -- how well a block of src sentences translates a block of tgt sentences.
 *
 * A block's score is a log-likelihood ratio of "these sentences translate each other" against
 * "they are unrelated", plus the log prior of the block's shape:
 *   lexical: each unit of token weight is matched on the other side with probability p1 in
 *     translations and p0 in unrelated pairs (both learned per pair), a binomial ratio;
 *     numbers apart, one trial each, kept at q1n by translations and met at q0n by chance
 *     (learned per pair the same way): translations keep their numbers far more often than
 *     their words;
 *   length: Gale-Church, the tgt length against ratio * src length, variance per character;
 *   shape: a log prior per block shape against 1-1 (each further sentence costs `merge`, 1-0
 *     and 0-1 cost `skip`; blocks with both sides over 1 cost `merge2` more);
 *   segmentation: joining a sentence to the one it continues (cut at a colon or comma, or
 *     beginning in lower case) earns `cont`, and leaving such a piece out costs `cont_skip`.
 *   word order: matched words near the block's diagonal of relative positions, against a
 *     placement anywhere, at ratios learned per language pair (align_order.c), at least
 *     `ord_floor` per sentence pair.
 * Sentence-pair matched weights are computed once per pair near the band (al_pairs) and summed
 * over blocks, so scoring a block is a few additions.
 */
#include "align/align_internal.h"
#include "util/vec.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dm_status al_marks_reserve(al_marks *mk, size_t n)
{
    return dm_grow_zeroed(&mk->mark, &mk->cap, n, sizeof *mk->mark) ? DM_ENOMEM : DM_OK;
}

void al_marks_free(al_marks *mk)
{
    free(mk->mark);
    memset(mk, 0, sizeof *mk);
}

void al_marks_begin(al_marks *mk)
{
    if (++mk->stamp == 0) { /* wrapped: clear so that no old mark looks current */
        memset(mk->mark, 0, mk->cap * sizeof *mk->mark);
        mk->stamp = 1;
    }
}

void al_marks_set_sentence(al_marks *mk, const al_doc *d, size_t i)
{
    al_marks_begin(mk);
    const al_sent *s = &d->sent[i];
    for (uint32_t k = 0; k < s->ntok; k++) {
        const al_tok *t = &d->tok[s->tok0 + k];
        for (uint16_t q = 0; q < t->nc; q++)
            mk->mark[d->conc[t->c0 + q]] = mk->stamp;
    }
}

void al_marks_set_doc(al_marks *mk, const al_doc *d)
{
    al_marks_begin(mk);
    for (size_t k = 0; k < d->nconc; k++)
        mk->mark[d->conc[k]] = mk->stamp;
}

/* Does one of the token's concepts carry the current mark? */
static inline int tok_marked(const al_marks *mk, const al_doc *d, const al_tok *t)
{
    for (uint16_t q = 0; q < t->nc; q++)
        if (mk->mark[d->conc[t->c0 + q]] == mk->stamp)
            return 1;
    return 0;
}

float al_matched_weight(const al_marks *mk, const al_doc *d, size_t i)
{
    const al_sent *s = &d->sent[i];
    float w = 0;
    for (uint32_t k = 0; k < s->ntok; k++) {
        const al_tok *t = &d->tok[s->tok0 + k];
        if (tok_marked(mk, d, t))
            w += t->w;
    }
    return w;
}

uint64_t al_matched_mask(const al_marks *mk, const al_doc *d, size_t i)
{
    const al_sent *s = &d->sent[i];
    uint64_t m = 0;
    for (uint32_t k = 0; k < s->ntok; k++)
        if (tok_marked(mk, d, &d->tok[s->tok0 + k]))
            m |= (uint64_t)1 << (k < 63 ? k : 63);
    return m;
}

float al_mask_weight(const al_doc *d, size_t i, uint64_t mask)
{
    const al_sent *s = &d->sent[i];
    const al_tok *tok = d->tok + s->tok0;
    float w = 0;
    uint64_t low = mask & ~((uint64_t)1 << 63);
    while (low) {
        w += tok[__builtin_ctzll(low)].w;
        low &= low - 1;
    }
    if (mask >> 63) { /* bit 63: the token 63, or the long tail sharing it (its mean weight) */
        if (s->ntok <= 64) {
            w += tok[63].w;
        } else {
            float tail = 0;
            for (uint32_t k = 63; k < s->ntok; k++)
                tail += tok[k].w;
            w += tail / 2;
        }
    }
    return w;
}

void al_pairs_free(al_pairs *pm)
{
    free(pm->lo);
    free(pm->hi);
    free(pm->off);
    free(pm->ms);
    free(pm->mt);
    free(pm->ord_off);
    free(pm->ord);
    memset(pm, 0, sizeof *pm);
}

dm_status al_pairs_compute(al_pairs *pm, const al_band *band, const al_doc *src,
                           const al_doc *tgt, al_marks *mks, al_marks *mkt)
{
    size_t n = src->n, m = tgt->n;
    memset(pm, 0, sizeof *pm);
    pm->n = n;
    pm->lo = malloc((n + 1) * sizeof *pm->lo);
    pm->hi = malloc((n + 1) * sizeof *pm->hi);
    pm->off = malloc((n + 1) * sizeof *pm->off);
    if (!pm->lo || !pm->hi || !pm->off)
        return DM_ENOMEM;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        size_t r0 = i >= AL_MAX_SIDE ? i - AL_MAX_SIDE : 0, r1 = i + AL_MAX_SIDE <= n ? i + AL_MAX_SIDE : n;
        uint32_t lo = band->lo[r0], hi = band->hi[r1];
        if (hi > m)
            hi = (uint32_t)m;
        if (lo > hi)
            lo = hi;
        pm->lo[i] = lo;
        pm->hi[i] = hi;
        pm->off[i] = total;
        total += hi - lo;
    }
    pm->off[n] = total;
    pm->ms = malloc((total ? total : 1) * sizeof *pm->ms);
    pm->mt = malloc((total ? total : 1) * sizeof *pm->mt);
    if (!pm->ms || !pm->mt)
        return DM_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        al_marks_set_sentence(mks, src, i);
        for (uint32_t j = pm->lo[i]; j < pm->hi[i]; j++) {
            al_marks_set_sentence(mkt, tgt, j);
            size_t k = pm->off[i] + (j - pm->lo[i]);
            pm->ms[k] = al_matched_mask(mkt, src, i);
            pm->mt[k] = al_matched_mask(mks, tgt, j);
        }
    }
    return DM_OK;
}

/* The parameters DM_ALIGN_TUNE may set, by name (all doubles). */
#define TUNABLE(f) {#f, offsetof(al_params, f)}
static const struct {
    const char *name;
    size_t off;
} tunable[] = {
    TUNABLE(lex_w), TUNABLE(len_w), TUNABLE(skip), TUNABLE(merge), TUNABLE(merge2), TUNABLE(var),
    TUNABLE(sat), TUNABLE(p1_scale), TUNABLE(loose_prior), TUNABLE(loose_scale), TUNABLE(offtopic),
    TUNABLE(len_cap), TUNABLE(cont), TUNABLE(cont_skip), TUNABLE(num_w), TUNABLE(num_out),
    TUNABLE(live), TUNABLE(big), TUNABLE(cross_join), TUNABLE(cross_margin), TUNABLE(partial),
    TUNABLE(split_lam), TUNABLE(ord_w), TUNABLE(ord_prior), TUNABLE(ord_cap), TUNABLE(ord_all),
    TUNABLE(ord_sat), TUNABLE(ord_floor), TUNABLE(retest), TUNABLE(retest_prior),
    TUNABLE(retest_win), TUNABLE(retest_loose), TUNABLE(retest_sat), TUNABLE(retest_span),
    TUNABLE(retest_once), TUNABLE(xjoin), TUNABLE(xjoin_prior), TUNABLE(retest_merge),
    TUNABLE(retest_join), TUNABLE(retest_merge_max), TUNABLE(xjoin_win), TUNABLE(xjoin_far),
    TUNABLE(retest_attach), TUNABLE(retest_attach_max), TUNABLE(retest_attach_bal),
    TUNABLE(learn_units), TUNABLE(cont_glue), TUNABLE(len_cap_more), TUNABLE(learn_more), TUNABLE(retest_attach_words),
};
#undef TUNABLE

void al_params_default(al_params *p)
{
    p->ratio = 1.0;
    p->var = 10.0;
    p->p0 = 0.05;
    p->p1 = 0.5;
    p->lex_w = 1.0;
    p->len_w = 2.0;
    p->skip = -4.5;
    p->merge = -2.5;
    p->merge2 = 0.0;
    p->sat = 50;
    p->p1_scale = 1.0;
    p->loose_prior = 0.2;
    p->loose_scale = 0.5;
    p->offtopic = 4.5;
    p->len_cap = 12.0;
    p->cont = 2.0;
    p->cont_skip = 2.0;
    p->docm_src = p->docm_tgt = 0.0;
    p->q0n = 0.1;
    p->q1n = 0.8;
    p->num_w = 0.7;
    p->num_out = 0;
    p->live = 0;
    p->big = 1;
    p->cross_join = 2;
    p->cross_margin = 2;
    p->partial = 4.0;
    p->split_lam = 0;
    p->ord_w = 1.0;
    p->ord_prior = 50.0;
    p->ord_cap = INFINITY;
    p->ord_all = 1;
    p->ord_sat = 0;
    p->ord_floor = -1.0;
    p->retest = 1.0;
    p->retest_prior = 50.0;
    p->retest_win = 3;
    p->retest_loose = 0;
    p->retest_sat = 0;
    p->retest_span = 30;
    p->retest_once = 1;
    p->xjoin = 4.0;
    p->xjoin_prior = 1000.0;
    p->retest_merge = 2;
    p->retest_join = 1;
    p->retest_merge_max = 3;
    p->xjoin_win = 0;
    p->xjoin_far = 50;
    p->retest_attach = 1;
    p->retest_attach_max = 0;
    p->retest_attach_bal = 1;
    p->learn_units = 1;
    p->cont_glue = 8;
    p->len_cap_more = 12.0;
    p->learn_more = 2;
    p->retest_attach_words = 1;
    p->ord_on = 0;
    for (int b = 0; b < AL_ORDER_BINS; b++)
        p->ord_lr[b] = 1.0, p->ord_loglr[b] = 0.0;
    /* developers' tuning hook: DM_ALIGN_TUNE="lex_w=0.3,skip=-3" overrides the defaults */
    const char *tune = getenv("DM_ALIGN_TUNE");
    while (tune && *tune) {
        char name[32];
        double v;
        int used = 0;
        if (sscanf(tune, "%31[a-z0-9_]=%lf%n", name, &v, &used) != 2)
            break;
        for (size_t k = 0; k < sizeof tunable / sizeof tunable[0]; k++)
            if (!strcmp(name, tunable[k].name))
                *(double *)((char *)p + tunable[k].off) = v;
        tune += used;
        if (*tune == ',')
            tune++;
    }
    al_params_shapes(p);
}

void al_params_shapes(al_params *p)
{
    for (int a = 0; a <= AL_MAX_SIDE; a++)
        for (int b = 0; b <= AL_MAX_SIDE; b++) {
            if ((!a && !b) || ((a > 4 || b > 4) && (a > 2 && b > 2)) || ((a > 4 || b > 4) && p->big <= 0))
                p->shape[a][b] = -INFINITY;
            else if (!a || !b)
                p->shape[a][b] = a + b == 1 ? p->skip : -INFINITY;
            else
                p->shape[a][b] = p->merge * (a + b - 2) + (a > 1 && b > 1 ? p->merge2 : 0);
        }
}

/* Log-likelihood ratios of a unit matched (hit) or not (miss) by a translation against by chance,
 * for blocks of k = 1..AL_MAX_SIDE sentences on the other side: a unit is matched by chance more
 * easily in k sentences than in one, and a translation is in one of them. lo is the chance rate in one
 * sentence, hi a close translation's, and a loose translation's lies loose_scale of the way
 * between (at least min_gap above lo when min_gap > 0). Words and numbers each have their rates. */
static void chance_llrs(double lo, double hi, double loose_scale, double min_gap, double hit[AL_MAX_SIDE + 1],
                        double miss[AL_MAX_SIDE + 1], double hit_loose[AL_MAX_SIDE + 1],
                        double miss_loose[AL_MAX_SIDE + 1])
{
    double ml = lo + loose_scale * (hi - lo);
    if (min_gap > 0 && ml < lo + min_gap)
        ml = lo + min_gap;
    for (int k = 1; k <= AL_MAX_SIDE; k++) {
        double q0 = 1 - pow(1 - lo, k), q1 = 1 - (1 - hi) * pow(1 - lo, k - 1);
        double qm = 1 - (1 - ml) * pow(1 - lo, k - 1);
        hit[k] = log(q1 / q0);
        miss[k] = log((1 - q1) / (1 - q0));
        hit_loose[k] = log(qm / q0);
        miss_loose[k] = log((1 - qm) / (1 - q0));
    }
}

void al_scorer_init(al_scorer *sc, const al_doc *src, const al_doc *tgt, const al_pairs *pm,
                    const al_params *par)
{
    sc->src = src;
    sc->tgt = tgt;
    sc->pm = pm;
    sc->par = *par;
    double p0 = par->p0, p1 = p0 + par->p1_scale * (par->p1 - par->p0);
    if (p0 < 0.005)
        p0 = 0.005;
    if (p1 < p0 + 0.02)
        p1 = p0 + 0.02;
    if (p1 > 0.98)
        p1 = 0.98;
    chance_llrs(p0, p1, par->loose_scale, 0.01, sc->llr_hit, sc->llr_miss, sc->llr_hit_loose,
                sc->llr_miss_loose);
    double n0 = par->q0n, n1 = par->q1n;
    if (n0 < 0.01)
        n0 = 0.01;
    if (n1 > 0.97)
        n1 = 0.97;
    if (n1 < n0 + 0.05)
        n1 = n0 + 0.05;
    chance_llrs(n0, n1, par->loose_scale, 0.0, sc->llr_nhit, sc->llr_nmiss, sc->llr_nhit_loose,
                sc->llr_nmiss_loose);
}

static inline void pair_get(const al_pairs *pm, size_t i, size_t j, uint64_t *ms, uint64_t *mt)
{
    if (j < pm->lo[i] || j >= pm->hi[i]) {
        *ms = *mt = 0;
        return;
    }
    size_t k = pm->off[i] + (j - pm->lo[i]);
    *ms = pm->ms[k];
    *mt = pm->mt[k];
}

/* The mask bits a sentence's tokens use. */
static inline uint64_t tok_bits(const al_sent *s)
{
    return s->ntok >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << s->ntok) - 1;
}

void al_link_numbers(const al_scorer *sc, size_t i, size_t j, double *hits, double *total)
{
    uint64_t ms, mt, ns = sc->src->sent[i].nummask, nt = sc->tgt->sent[j].nummask;
    pair_get(sc->pm, i, j, &ms, &mt);
    *hits = __builtin_popcountll(ms & ns) + __builtin_popcountll(mt & nt);
    *total = __builtin_popcountll(ns) + __builtin_popcountll(nt);
}

/* Gale-Church on characters, bounded: how well tgt length lt fits src length ls, in a block of
 * n sentences in all. The bound is a robust length model for one pair (a translation that drops
 * a clause); it grows with each further sentence (len_cap_more), or else a block already at the
 * bound takes in more sentences at no cost of length. */
static double length_term(const al_scorer *sc, double ls, double lt, size_t n)
{
    double r = sc->par.ratio;
    double d = (lt - r * ls) / sqrt(sc->par.var * (r * ls + lt) / 2 + 1.0);
    double d2 = d * d, cap = sc->par.len_cap + sc->par.len_cap_more * (double)(n > 2 ? n - 2 : 0);
    if (d2 > cap)
        d2 = cap;
    return sc->par.len_w * (1.0 - d2 / 2);
}

/* A line of several sentences facing a line of fewer (a 1-1 link of src i, tgt j): the shorter
 * may translate only the first or the last pieces of the longer, the rest left out. The best
 * length term so, less `partial` per piece left out (-INFINITY when the lines hold as many
 * sentences). */
static double partial_length(const al_scorer *sc, size_t i, size_t j, double ls, double lt)
{
    const al_sent *s = &sc->src->sent[i], *t = &sc->tgt->sent[j];
    const al_sent *big = s->npiece > t->npiece ? s : t->npiece > s->npiece ? t : NULL;
    double best = -INFINITY;
    if (!big)
        return best;
    size_t keep_min = s->npiece < t->npiece ? s->npiece : t->npiece, np = big->npiece;
    double all = big->piece_end[np - 1], scale = all > 0 ? (big == s ? ls : lt) / all : 0;
    for (size_t keep = keep_min; keep < np; keep++) {
        double head = big->piece_end[keep - 1] * scale;
        double tail = (all - big->piece_end[np - keep - 1]) * scale;
        for (int end = 0; end < 2; end++) {
            double part = end ? tail : head;
            double v = (big == s ? length_term(sc, part, lt, 2) : length_term(sc, ls, part, 2)) -
                       sc->par.partial * (double)(np - keep);
            if (v > best)
                best = v;
        }
    }
    return best;
}

void al_block_parts(const al_scorer *sc, size_t i, size_t a, size_t j, size_t b, double *lex,
                    double *len, double *matched, double *total)
{
    double Ms = 0, Mt = 0, ws = 0, wt = 0, ls = 0, lt = 0;
    int nhs = 0, nts = 0, nht = 0, ntt = 0; /* numbers matched and in all, src and tgt */
    uint64_t mt_col[AL_MAX_SIDE] = {0};
    for (size_t x = 0; x < a; x++) {
        const al_sent *s = &sc->src->sent[i + x];
        uint64_t row = 0;
        for (size_t y = 0; y < b; y++) {
            uint64_t ms, mt;
            pair_get(sc->pm, i + x, j + y, &ms, &mt);
            row |= ms;
            mt_col[y] |= mt;
        }
        Ms += al_mask_weight(sc->src, i + x, row & ~s->nummask);
        ws += s->wsum - s->wnum;
        if (sc->par.live > 0)
            ws -= sc->par.live * al_mask_weight(sc->src, i + x, ~s->live & ~s->nummask & tok_bits(s));
        nhs += __builtin_popcountll(row & s->nummask);
        nts += __builtin_popcountll(s->nummask);
        ls += s->nchar;
    }
    for (size_t y = 0; y < b; y++) {
        const al_sent *t = &sc->tgt->sent[j + y];
        Mt += al_mask_weight(sc->tgt, j + y, mt_col[y] & ~t->nummask);
        wt += t->wsum - t->wnum;
        if (sc->par.live > 0)
            wt -= sc->par.live * al_mask_weight(sc->tgt, j + y, ~t->live & ~t->nummask & tok_bits(t));
        nht += __builtin_popcountll(mt_col[y] & t->nummask);
        ntt += __builtin_popcountll(t->nummask);
        lt += t->nchar;
    }
    *matched = Ms + Mt;
    *total = ws + wt;
    /* tokens of one sentence are not independent trials: the evidence saturates with length,
     * W * C / (W + C) effective units instead of W, with C growing with the block's sentences
     * (each sentence brings its own evidence: a saturation per block made every merge look
     * weaker than the 1-1 link plus an omission it replaces) */
    double W = ws + wt, C = sc->par.sat * (double)(a + b) / 2.0;
    double shrink = W > 0 ? C / (W + C) : 1.0;
    /* translations are close (matched at p1) or loose (at a rate between p0 and p1, free
     * renderings): a mixture, so that a loose translation is not called unrelated */
    /* numbers apart, one trial each: kept by a translation at q1n, met by chance at q0n */
    double nw = sc->par.num_w, nout = 0;
    if (sc->par.num_out > 0) { /* developers' switch: numbers beside the mixture */
        nout = nw * (nhs * sc->llr_nhit[b] + (nts - nhs) * sc->llr_nmiss[b] + nht * sc->llr_nhit[a] +
                     (ntt - nht) * sc->llr_nmiss[a]);
        if (sc->par.num_out > 1)
            nout *= shrink;
        nw = 0;
    }
    double close = shrink * (Ms * sc->llr_hit[b] + (ws - Ms) * sc->llr_miss[b] + Mt * sc->llr_hit[a] +
                             (wt - Mt) * sc->llr_miss[a]) +
                   nw * (nhs * sc->llr_nhit[b] + (nts - nhs) * sc->llr_nmiss[b] + nht * sc->llr_nhit[a] +
                         (ntt - nht) * sc->llr_nmiss[a]);
    double loose = shrink * (Ms * sc->llr_hit_loose[b] + (ws - Ms) * sc->llr_miss_loose[b] +
                             Mt * sc->llr_hit_loose[a] + (wt - Mt) * sc->llr_miss_loose[a]) +
                   nw * (nhs * sc->llr_nhit_loose[b] + (nts - nhs) * sc->llr_nmiss_loose[b] +
                         nht * sc->llr_nhit_loose[a] + (ntt - nht) * sc->llr_nmiss_loose[a]);
    double pi = sc->par.loose_prior, hi = close > loose ? close : loose;
    double mix = pi > 0 ? hi + log((1 - pi) * exp(close - hi) + pi * exp(loose - hi)) : close;
    *lex = sc->par.lex_w * mix + nout;
    *len = length_term(sc, ls, lt, a + b);
    if (a == 1 && b == 1 && sc->par.partial > 0) {
        double v = partial_length(sc, i, j, ls, lt);
        if (v > *len)
            *len = v;
    }
}


double al_block_score(const al_scorer *sc, size_t i, size_t a, size_t j, size_t b)
{
    if (!a || !b) {
        /* a sentence whose words occur nowhere on the other side is likely an addition */
        double dm = a ? sc->src->sent[i].docm : sc->tgt->sent[j].docm;
        double med = a ? sc->par.docm_src : sc->par.docm_tgt;
        /* a piece of a sentence cut by the segmenter is rarely left out on its own */
        const al_doc *d = a ? sc->src : sc->tgt;
        size_t k = a ? i : j;
        int piece = d->sent[k].cont || (k + 1 < d->n && d->sent[k + 1].cont);
        int glued = d->sent[k].glue || (k + 1 < d->n && d->sent[k + 1].glue);
        return sc->par.shape[a][b] + sc->par.offtopic * (med - dm) - sc->par.cont_skip * piece -
               sc->par.cont_glue * glued;
    }
    double lex, len, M, W;
    al_block_parts(sc, i, a, j, b, &lex, &len, &M, &W);
    double joined = 0; /* sentences that continue the one before them, joined again */
    for (size_t x = 1; x < a; x++)
        joined += sc->src->sent[i + x].cont;
    for (size_t y = 1; y < b; y++)
        joined += sc->tgt->sent[j + y].cont;
    /* a block that begins with a piece cut inside a bracket or after an initial on one side only:
     * the other side does not mirror that cut (both sides cut at one name's initial is a segmenter's
     * habit, not a boundary moved) */
    uint8_t gs = sc->src->sent[i].glue, gt = sc->tgt->sent[j].glue;
    double glued = (gs || gt) && !(gs == 1 && gt == 1) ? -1.0 : 0.0;
    double order = 0;
    if (sc->pm->ord_off && (sc->par.ord_all > 0 || (a == 1 && b == 1)))
        order = sc->par.ord_w * al_order_block(sc->pm, sc->src, sc->tgt, i, a, j, b, sc->par.ord_lr, sc->par.ord_loglr);
    if (order != 0 && sc->par.ord_sat > 0) { /* saturating with the block's weight, like the words */
        double C = sc->par.ord_sat * (double)(a + b) / 2.0;
        order *= C / (W + C) * (W > 0 ? 1 : 0) + (W > 0 ? 0 : 1);
    }
    if (order > sc->par.ord_cap)
        order = sc->par.ord_cap;
    /* a free translation may swap its clauses ("Als sie in der Scharte sind, ist es dunkel" /
     * "L'obscurité est complète lorsqu'ils arrivent"): the order costs at most ord_floor per
     * sentence pair of the block (per block: ntrex omission F1 0.8805 against 0.8816) */
    double floor = sc->par.ord_floor * (double)(a + b) / 2.0;
    if (order < floor)
        order = floor;
    return sc->par.shape[a][b] + lex + len + sc->par.cont * joined + sc->par.cont_glue * glued + order;
}

void al_cross_evidence(const al_scorer *sc, const al_block *b1, const al_block *b2, double *cross,
                       double *unmatched, double *chance)
{
    double X = 0, U = 0, E = 0;
    const al_block *bl[2] = {b1, b2};
    double p0 = sc->par.p0 < 0.005 ? 0.005 : sc->par.p0;
    for (int side = 0; side < 2; side++) {
        const al_block *own = bl[side], *other = bl[!side];
        for (size_t x = 0; x < own->a; x++) { /* src sentences of this block */
            size_t i = own->i + x;
            const al_sent *s = &sc->src->sent[i];
            uint64_t mo = 0, mc = 0, ms, mt;
            for (size_t y = 0; y < own->b; y++) {
                pair_get(sc->pm, i, own->j + y, &ms, &mt);
                mo |= ms;
            }
            for (size_t y = 0; y < other->b; y++) {
                pair_get(sc->pm, i, other->j + y, &ms, &mt);
                mc |= ms;
            }
            uint64_t all = s->ntok >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << s->ntok) - 1;
            double u = al_mask_weight(sc->src, i, all & ~mo & ~s->nummask);
            X += al_mask_weight(sc->src, i, mc & ~mo & ~s->nummask);
            U += u;
            E += u * (1 - pow(1 - p0, (double)other->b));
        }
        for (size_t y = 0; y < own->b; y++) { /* tgt sentences of this block */
            size_t j = own->j + y;
            const al_sent *t = &sc->tgt->sent[j];
            uint64_t mo = 0, mc = 0, ms, mt;
            for (size_t x = 0; x < own->a; x++) {
                pair_get(sc->pm, own->i + x, j, &ms, &mt);
                mo |= mt;
            }
            for (size_t x = 0; x < other->a; x++) {
                pair_get(sc->pm, other->i + x, j, &ms, &mt);
                mc |= mt;
            }
            uint64_t all = t->ntok >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << t->ntok) - 1;
            double u = al_mask_weight(sc->tgt, j, all & ~mo & ~t->nummask);
            X += al_mask_weight(sc->tgt, j, mc & ~mo & ~t->nummask);
            U += u;
            E += u * (1 - pow(1 - p0, (double)other->a));
        }
    }
    *cross = X;
    *unmatched = U;
    *chance = E;
}
