/*
 * align_omit.c -- a second look at the 1-1 links of an alignment: two sentences that translate
 * each other, or two sentences without counterpart that the search paired because both were
 * left over between the same two links?
 *
 * The block score weighs a sentence's matched words against a chance rate p0 that is the same for
 * every word. What tells the two cases apart is *where* a word meets the other side. A word of
 * src i that meets f of the m tgt sentences near it meets a sentence unrelated to i with
 * probability about f / m (a topic word that meets every sentence says nothing, a word that meets
 * one sentence says much), and meets i's translation with a rate pi learned from the batch: the
 * share of such words that the 1-1 links of the alignment match in their own partner, per pair,
 * shrunk towards the pair's language group. A word that meets no sentence at all (no lexicon entry,
 * no learned translation, a name spelled otherwise) is no trial: a translation whose words the
 * resources miss is not made to look unrelated, which the uniform p0 of the block score does (the
 * weak true links of ntrex match 16% of their weight, as many as pairs of omitted sentences).
 *
 * The retest replaces the link's lexical term by this evidence and splits the link into two
 * omissions when the link then scores below them. A line holding more sentences than its partner
 * may translate only its first or last ones (as in the length term, align_inner.c): the words of
 * the pieces left out are then no trials, at the same cost per piece as the length term's.
 * Kept apart from the search: it needs every sentence's matches in the whole band, not a block's.
 */
#include "align/align_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OMIT_TOKS 63 /* tokens past this share one mask bit: left out */

/* How many of the sentences near a link's partner each token of the link meets: for src i linked
 * to tgt j, the tgt sentences j - win .. j + win stored for row i (every stored one when win is
 * 0), and the src sentences i - win .. i + win for tgt j. The alternative to the link is a
 * neighbour: sentences of one passage share more words than sentences far apart. */
typedef struct spread {
    uint16_t fs[OMIT_TOKS], ft[OMIT_TOKS];
    uint32_t cs, ct; /* sentences compared */
} spread;

static void spread_link(spread *s, const al_scorer *sc, size_t i, size_t j, size_t win)
{
    const al_pairs *pm = sc->pm;
    memset(s, 0, sizeof *s);
    if (i >= pm->n)
        return;
    size_t lo = pm->lo[i], hi = pm->hi[i];
    if (win) {
        lo = j > win && j - win > lo ? j - win : lo;
        hi = j + win + 1 < hi ? j + win + 1 : hi;
    }
    for (size_t y = lo; y < hi; y++) {
        uint64_t x = pm->ms[pm->off[i] + (y - pm->lo[i])] & ~((uint64_t)1 << 63);
        s->cs++;
        for (; x; x &= x - 1)
            s->fs[__builtin_ctzll(x)]++;
    }
    size_t xlo = win && i > win ? i - win : 0, xhi = win && i + win + 1 < pm->n ? i + win + 1 : pm->n;
    for (size_t r = xlo; r < xhi; r++) {
        if (j < pm->lo[r] || j >= pm->hi[r])
            continue;
        uint64_t x = pm->mt[pm->off[r] + (j - pm->lo[r])] & ~((uint64_t)1 << 63);
        s->ct++;
        for (; x; x &= x - 1)
            s->ft[__builtin_ctzll(x)]++;
    }
}

/* The masks of the pair src i, tgt j (0 outside the stored band). */
static void link_masks(const al_pairs *pm, size_t i, size_t j, uint64_t *ms, uint64_t *mt)
{
    *ms = *mt = 0;
    if (i < pm->n && j >= pm->lo[i] && j < pm->hi[i]) {
        size_t q = pm->off[i] + (j - pm->lo[i]);
        *ms = pm->ms[q];
        *mt = pm->mt[q];
    }
}

/* Is token q of s a word said before in the sentence (with retest_once)? */
static int repeated(const al_scorer *sc, const al_doc *d, const al_sent *s, uint32_t q)
{
    if (sc->par.retest_once <= 0)
        return 0;
    for (uint32_t r = 0; r < q; r++)
        if (d->tok[s->tok0 + r].form == d->tok[s->tok0 + q].form)
            return 1;
    return 0;
}

/* Is token q met in the partner (with retest_once, a word said twice is met when either is)? */
static int met(const al_scorer *sc, const al_doc *d, const al_sent *s, uint32_t q, uint32_t nt, uint64_t hit)
{
    int h = (int)((hit >> q) & 1);
    if (sc->par.retest_once > 0)
        for (uint32_t r = q + 1; r < nt && !h; r++)
            if (d->tok[s->tok0 + r].form == d->tok[s->tok0 + q].form)
                h = (int)((hit >> r) & 1);
    return h;
}

/* Words of a sentence that meet the other side somewhere (trials) and those met in the partner
 * (hits), for learning pi. */
static void side_count(const al_scorer *sc, const al_doc *d, const al_sent *s, const uint16_t *f, uint64_t hit,
                       double *hits, double *trials)
{
    uint32_t nt = s->ntok < OMIT_TOKS ? s->ntok : OMIT_TOKS;
    for (uint32_t q = 0; q < nt; q++)
        if (f[q] && !repeated(sc, d, s, q)) {
            *trials += 1;
            *hits += met(sc, d, s, q, nt, hit);
        }
}

/* The evidence of one side's tokens whose relative position (token index) lies in [lo, hi], added
 * to ev[0] for a close translation (meeting such a word at pi) and to ev[1] for a loose one (at a
 * rate loose_scale of the way from chance to pi, as in the block score). */
static void side_llr(const al_scorer *sc, const al_doc *d, const al_sent *s, const uint16_t *f, uint32_t cmp, uint64_t hit,
                     double pi, double lo, double hi, double ev[3])
{
    uint32_t nt = s->ntok < OMIT_TOKS ? s->ntok : OMIT_TOKS;
    for (uint32_t q = 0; q < nt; q++) {
        if (!f[q] || !cmp || repeated(sc, d, s, q))
            continue;
        double pos = (q + 0.5) / (double)s->ntok;
        if (pos < lo || pos > hi)
            continue;

        double p0 = (double)f[q] / (double)cmp;
        p0 = p0 < 0.02 ? 0.02 : p0 > 0.9 ? 0.9 : p0;
        double p1 = pi < p0 + 0.02 ? p0 + 0.02 : pi > 0.97 ? 0.97 : pi;
        double pl = p0 + sc->par.loose_scale * (p1 - p0);
        int h = met(sc, d, s, q, nt, hit);
        ev[0] += h ? log(p1 / p0) : log((1 - p1) / (1 - p0));
        ev[1] += h ? log(pl / p0) : log((1 - pl) / (1 - p0));
        ev[2] += 1;
    }
}

/* Close and loose translations mixed, as in the block score. */
static double mix(const al_scorer *sc, const double ev[3])
{
    double C = sc->par.retest_sat;
    if (C > 0 && ev[2] > 0) { /* the words of a sentence are not independent trials */
        double f = C / (ev[2] + C);
        double sat[3] = {ev[0] * f, ev[1] * f, 0};
        ev = sat;
        double pi = sc->par.retest_loose > 0 ? sc->par.loose_prior : 0;
        if (pi <= 0)
            return ev[0];
        double hi = ev[0] > ev[1] ? ev[0] : ev[1];
        return hi + log((1 - pi) * exp(ev[0] - hi) + pi * exp(ev[1] - hi));
    }
    double pi = sc->par.retest_loose > 0 ? sc->par.loose_prior : 0;
    if (pi <= 0)
        return ev[0];
    double hi = ev[0] > ev[1] ? ev[0] : ev[1];
    return hi + log((1 - pi) * exp(ev[0] - hi) + pi * exp(ev[1] - hi));
}

/* The evidence of the link src i - tgt j: both sides' words; when one line holds more sentences
 * than the other, also with only its first or last pieces counted (the best, less the cost of the
 * pieces left out). */
static double link_llr(const al_scorer *sc, size_t i, size_t j, double pi)
{
    const al_sent *s = &sc->src->sent[i], *t = &sc->tgt->sent[j];
    uint64_t ms, mt;
    link_masks(sc->pm, i, j, &ms, &mt);
    spread sp;
    spread_link(&sp, sc, i, j, (size_t)sc->par.retest_win);
    double es[3] = {0, 0, 0}, et[3] = {0, 0, 0};
    side_llr(sc, sc->src, s, sp.fs, sp.cs, ms, pi, 0, 1, es);
    side_llr(sc, sc->tgt, t, sp.ft, sp.ct, mt, pi, 0, 1, et);
    double both[3] = {es[0] + et[0], es[1] + et[1], es[2] + et[2]};
    double best = mix(sc, both);
    if (sc->par.partial <= 0 || s->npiece == t->npiece)
        return best;
    int src_big = s->npiece > t->npiece;
    const al_sent *big = src_big ? s : t;
    size_t np = big->npiece, keep_min = src_big ? t->npiece : s->npiece;
    double all = big->piece_end[np - 1];
    if (all <= 0)
        return best;
    for (size_t keep = keep_min; keep < np; keep++) {
        double head = big->piece_end[keep - 1] / all, tail = big->piece_end[np - keep - 1] / all;
        for (int end = 0; end < 2; end++) {
            double lo = end ? tail : 0, hi = end ? 1 : head;
            double ev[3] = {0, 0, 0};
            if (src_big) {
                side_llr(sc, sc->src, s, sp.fs, sp.cs, ms, pi, lo, hi, ev);
                ev[0] += et[0], ev[1] += et[1], ev[2] += et[2];
            } else {
                side_llr(sc, sc->tgt, t, sp.ft, sp.ct, mt, pi, lo, hi, ev);
                ev[0] += es[0], ev[1] += es[1], ev[2] += es[2];
            }
            double part = mix(sc, ev) - sc->par.partial * (double)(np - keep);
            if (part > best)
                best = part;
        }
    }
    return best;
}

/* Hits and trials of one block (0 unless a 1-1 link). */
static void link_count(const al_scorer *sc, const al_block *b, double *hits, double *trials)
{
    *hits = *trials = 0;
    if (b->a != 1 || b->b != 1)
        return;
    uint64_t ms, mt;
    link_masks(sc->pm, b->i, b->j, &ms, &mt);
    spread sp;
    spread_link(&sp, sc, b->i, b->j, (size_t)sc->par.retest_win);
    side_count(sc, sc->src, &sc->src->sent[b->i], sp.fs, ms, hits, trials);
    side_count(sc, sc->tgt, &sc->tgt->sent[b->j], sp.ft, mt, hits, trials);
}

void al_omit_count(const al_scorer *sc, const al_block *b, size_t nb, double *hits, double *trials)
{
    *hits = *trials = 0;
    for (size_t k = 0; k < nb; k++) {
        double h, t;
        link_count(sc, &b[k], &h, &t);
        *hits += h;
        *trials += t;
    }
}

dm_status al_omit_retest(const al_scorer *sc, al_block **blk, size_t *nblk, double pi)
{
    size_t extra = 0, nb0 = *nblk, span = (size_t)sc->par.retest_span;
    uint8_t *split = calloc(nb0 ? nb0 : 1, 1);
    double *ch = calloc(nb0 + 1, sizeof *ch), *ct = calloc(nb0 + 1, sizeof *ct);
    if (!split || !ch || !ct) {
        free(split);
        free(ch);
        free(ct);
        return DM_ENOMEM;
    }
    for (size_t k = 0; k < nb0; k++) { /* running sums: the rate of the links around each one */
        double h, t;
        link_count(sc, &(*blk)[k], &h, &t);
        ch[k + 1] = ch[k] + h;
        ct[k + 1] = ct[k] + t;
    }
    for (size_t k = 0; k < nb0; k++) {
        const al_block *b = &(*blk)[k];
        if (b->a != 1 || b->b != 1)
            continue;
        /* a long pair may change in how freely it is translated (or, joined from several texts,
         * in language): the rate of the blocks around the link, shrunk towards the pair's */
        double lpi = pi;
        if (span && nb0 > 2 * span + 1) {
            size_t lo = k > span ? k - span : 0, hi = k + span + 1 < nb0 ? k + span + 1 : nb0;
            double K = sc->par.retest_prior;
            lpi = (ch[hi] - ch[lo] + K * pi) / (ct[hi] - ct[lo] + K);
        }
        double lex, len, M, W;
        al_block_parts(sc, b->i, 1, b->j, 1, &lex, &len, &M, &W);
        double words = link_llr(sc, b->i, b->j, lpi);
        double link = al_block_score(sc, b->i, 1, b->j, 1) - lex + sc->par.retest * words;
        double apart = al_block_score(sc, b->i, 1, b->j, 0) + al_block_score(sc, b->i, 0, b->j, 1);
        if (getenv("DM_ALIGN_RETEST"))
            fprintf(stderr, "R %u %u %.3f %.3f %.3f %.3f %.3f\n", b->i, b->j, link, apart, lex, words, lpi);
        if (link < apart) {
            split[k] = 1;
            extra++;
        }
    }
    free(ch);
    free(ct);
    if (extra) {
        al_block *nb = malloc((*nblk + extra) * sizeof *nb);
        if (!nb) {
            free(split);
            return DM_ENOMEM;
        }
        size_t q = 0;
        for (size_t k = 0; k < *nblk; k++) {
            const al_block *b = &(*blk)[k];
            if (!split[k]) {
                nb[q++] = *b;
                continue;
            }
            nb[q++] = (al_block){b->i, 1, b->j, 0, al_block_score(sc, b->i, 1, b->j, 0)};
            nb[q++] = (al_block){b->i + 1, 0, b->j, 1, al_block_score(sc, b->i + 1, 0, b->j, 1)};
        }
        free(*blk);
        *blk = nb;
        *nblk = q;
    }
    free(split);
    return DM_OK;
}
