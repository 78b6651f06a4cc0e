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
 * The retest replaces a block's lexical term by this evidence: a 1-1 link that then scores below
 * its two omissions is split into them; a 1-0 beside a 0-1 whose link then scores above them is
 * linked; a 2-1 or 1-2 block loses an edge sentence when that scores better, the sentence's own
 * words point away from the block and the link left is supported by its own words; and an omission
 * beside a link that holds more sentences on the other side joins it when the joined block explains
 * the same matches better (attach_gain: the omitted sentence's words meeting the link, and the link's
 * words meeting it, each against its spread rate, with the shape and length terms). A line
 * holding more sentences than its partner may translate only its first or last ones (as in the
 * length term, align_inner.c): the words of the pieces left out are then no trials, at the same
 * cost per piece as the length term's. Kept apart from the search: it needs every sentence's
 * matches with its neighbours' partners, not a block's own matches only.
 */
#include "align/align_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OMIT_TOKS 63 /* tokens past this share one mask bit: left out */

/* One sentence of a block (src x against tgt y0..y0+k-1, or tgt x against src y0..): per token, how
 * many sentences of the other side near the block it meets (f), how many were compared (cmp), and
 * which tokens the block's own sentences meet (hit). Near: y0 - win .. y0 + k - 1 + win, among the
 * stored pairs (every stored one when win is 0). The alternative to a link is a neighbour:
 * sentences of one passage share more words than sentences far apart. */
typedef struct spread {
    uint32_t f[OMIT_TOKS]; /* 32 bits: with retest_win 0 (developers: every row) a word may meet many */
    uint32_t cmp;
    uint64_t hit;
} spread;

/* One sentence of the other side compared: the words of mask m (bit 63 is not a word) meet it,
 * and hit when it is in the block. */
static void spread_add(spread *sp, uint64_t m, int in_block)
{
    m &= ~((uint64_t)1 << 63);
    sp->cmp++;
    if (in_block)
        sp->hit |= m;
    for (; m; m &= m - 1)
        sp->f[__builtin_ctzll(m)]++;
}

static void spread_of(spread *sp, const al_scorer *sc, int tgt_side, size_t x, size_t y0, size_t k, size_t win)
{
    const al_pairs *pm = sc->pm;
    memset(sp, 0, sizeof *sp);
    size_t lo = win && y0 > win ? y0 - win : 0, hi = win ? y0 + k + win : SIZE_MAX;
    if (!tgt_side) {
        if (x >= pm->n)
            return;
        size_t a = pm->lo[x] > lo ? pm->lo[x] : lo, b = pm->hi[x] < hi ? pm->hi[x] : hi;
        for (size_t y = a; y < b; y++)
            spread_add(sp, pm->ms[pm->off[x] + (y - pm->lo[x])], y >= y0 && y < y0 + k);
    } else {
        for (size_t r = lo; r < hi && r < pm->n; r++) {
            if (x < pm->lo[r] || x >= pm->hi[r])
                continue;
            spread_add(sp, pm->mt[pm->off[r] + (x - pm->lo[r])], r >= y0 && r < y0 + k);
        }
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

/* Is token q met in the block (with retest_once, a word said twice is met when either is)? */
static int met(const al_scorer *sc, const al_doc *d, const al_sent *s, uint32_t q, uint32_t nt, uint64_t hit)
{
    int h = (int)((hit >> q) & 1);
    if (sc->par.retest_once > 0)
        for (uint32_t r = q + 1; r < nt && !h; r++)
            if (d->tok[s->tok0 + r].form == d->tok[s->tok0 + q].form)
                h = (int)((hit >> r) & 1);
    return h;
}

/* Words of a sentence that meet the other side near it (trials) and those met in its block
 * (hits), for learning pi. */
static void sent_count(const al_scorer *sc, const al_doc *d, size_t x, const spread *sp, double *hits,
                       double *trials)
{
    const al_sent *s = &d->sent[x];
    uint32_t nt = s->ntok < OMIT_TOKS ? s->ntok : OMIT_TOKS;
    for (uint32_t q = 0; q < nt; q++)
        if (sp->f[q] && !repeated(sc, d, s, q)) {
            *trials += 1;
            *hits += met(sc, d, s, q, nt, sp->hit);
        }
}

/* The evidence of a sentence's tokens whose relative position (token index) lies in [lo, hi],
 * facing k sentences: added to ev[0] for a close translation (one of the k meets such a word at
 * pi), to ev[1] for a loose one (at a rate loose_scale of the way from chance to pi, as in the
 * block score), and the trials to ev[2]. */
static void sent_llr(const al_scorer *sc, const al_doc *d, size_t x, const spread *sp, size_t k, double pi,
                     double lo, double hi, double ev[3])
{
    const al_sent *s = &d->sent[x];
    uint32_t nt = s->ntok < OMIT_TOKS ? s->ntok : OMIT_TOKS;
    for (uint32_t q = 0; q < nt; q++) {
        if (!sp->f[q] || !sp->cmp || repeated(sc, d, s, q))
            continue;
        double pos = (q + 0.5) / (double)s->ntok;
        if (pos < lo || pos > hi)
            continue;
        double p0 = (double)sp->f[q] / (double)sp->cmp;
        p0 = p0 < 0.02 ? 0.02 : p0 > 0.9 ? 0.9 : p0;
        double p1 = pi < p0 + 0.02 ? p0 + 0.02 : pi > 0.97 ? 0.97 : pi;
        double pl = p0 + sc->par.loose_scale * (p1 - p0);
        double miss0 = pow(1 - p0, (double)k); /* none of the k sentences meets it by chance */
        double q0 = 1 - miss0, q1 = 1 - (1 - p1) * miss0 / (1 - p0), ql = 1 - (1 - pl) * miss0 / (1 - p0);
        int h = met(sc, d, s, q, nt, sp->hit);
        ev[0] += h ? log(q1 / q0) : log((1 - q1) / (1 - q0));
        ev[1] += h ? log(ql / q0) : log((1 - ql) / (1 - q0));
        ev[2] += 1;
    }
}

/* Close and loose translations mixed, as in the block score (with retest_loose); saturating with
 * the trials (with retest_sat). */
static double mix(const al_scorer *sc, const double ev[3])
{
    double e0 = ev[0], e1 = ev[1], C = sc->par.retest_sat;
    if (C > 0 && ev[2] > 0) { /* the words of a sentence are not independent trials */
        e0 *= C / (ev[2] + C);
        e1 *= C / (ev[2] + C);
    }
    double pi = sc->par.retest_loose > 0 ? sc->par.loose_prior : 0;
    if (pi <= 0)
        return e0;
    double hi = e0 > e1 ? e0 : e1;
    return hi + log((1 - pi) * exp(e0 - hi) + pi * exp(e1 - hi));
}

/* The evidence of the block src i..i+a-1, tgt j..j+b-1. For a 1-1 link whose one line holds more
 * sentences than the other, also with only that line's first or last pieces counted (the best,
 * less the cost of the pieces left out, as in the length term). */
static double block_llr(const al_scorer *sc, size_t i, size_t a, size_t j, size_t b, double pi)
{
    size_t win = (size_t)sc->par.retest_win;
    double es[3] = {0, 0, 0}, et[3] = {0, 0, 0};
    spread sps, spt;
    for (size_t x = i; x < i + a; x++) {
        spread_of(&sps, sc, 0, x, j, b, win);
        sent_llr(sc, sc->src, x, &sps, b, pi, 0, 1, es);
    }
    for (size_t y = j; y < j + b; y++) {
        spread_of(&spt, sc, 1, y, i, a, win);
        sent_llr(sc, sc->tgt, y, &spt, a, pi, 0, 1, et);
    }
    double both[3] = {es[0] + et[0], es[1] + et[1], es[2] + et[2]};
    double best = mix(sc, both);
    if (a != 1 || b != 1)
        return best;
    const al_sent *s = &sc->src->sent[i], *t = &sc->tgt->sent[j];
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
                sent_llr(sc, sc->src, i, &sps, 1, pi, lo, hi, ev);
                ev[0] += et[0], ev[1] += et[1], ev[2] += et[2];
            } else {
                sent_llr(sc, sc->tgt, j, &spt, 1, pi, lo, hi, ev);
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
    spread sp;
    spread_of(&sp, sc, 0, b->i, b->j, 1, (size_t)sc->par.retest_win);
    sent_count(sc, sc->src, b->i, &sp, hits, trials);
    spread_of(&sp, sc, 1, b->j, b->i, 1, (size_t)sc->par.retest_win);
    sent_count(sc, sc->tgt, b->j, &sp, hits, trials);
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

/* A block's score with its lexical term replaced by the retest's evidence. */
static double retest_score(const al_scorer *sc, size_t i, size_t a, size_t j, size_t b, double pi)
{
    if (!a || !b)
        return al_block_score(sc, i, a, j, b);
    double lex, len, M, W;
    al_block_parts(sc, i, a, j, b, &lex, &len, &M, &W);
    return al_block_score(sc, i, a, j, b) - lex + sc->par.retest * block_llr(sc, i, a, j, b, pi);
}

/* A block of 3 sentences or more without one of its edge sentences, left out: the best such
 * (the block itself when none scores better under the retest). out[0] is the block kept, out[1]
 * the omission (b == 0 and a == 0 both: nothing left out). */
static int drop_edge(const al_scorer *sc, const al_block *bk, double pi, al_block out[2])
{
    if (bk->a + bk->b < 3 || !bk->a || !bk->b || (sc->par.retest_merge_max > 0 && bk->a + bk->b > sc->par.retest_merge_max))
        return 0;
    double best = retest_score(sc, bk->i, bk->a, bk->j, bk->b, pi);
    int found = 0;
    for (int e = 0; e < 4; e++) {
        int src = e < 2, last = e & 1;
        if ((src && bk->a < 2) || (!src && bk->b < 2))
            continue;
        al_block keep = *bk, gone;
        if (src) {
            keep.a--;
            keep.i += last ? 0 : 1;
            gone = (al_block){last ? bk->i + bk->a - 1 : bk->i, 1, last ? bk->j + bk->b : bk->j, 0, 0};
        } else {
            keep.b--;
            keep.j += last ? 0 : 1;
            gone = (al_block){last ? bk->i + bk->a : bk->i, 0, last ? bk->j + bk->b - 1 : bk->j, 1, 0};
        }
        if (sc->par.retest_merge > 1) { /* the edge sentence's own words must point away */
            spread sp;
            double ev[3] = {0, 0, 0};
            size_t x = src ? gone.i : gone.j;
            spread_of(&sp, sc, !src, x, src ? keep.j : keep.i, src ? keep.b : keep.a, (size_t)sc->par.retest_win);
            sent_llr(sc, src ? sc->src : sc->tgt, x, &sp, src ? keep.b : keep.a, pi, 0, 1, ev);
            if (mix(sc, ev) >= 0)
                continue;
        }
        /* and the block kept must be supported by its own words (a block of sentences that
         * meet nothing nearby has no evidence either way) */
        if (sc->par.retest_merge > 1 && block_llr(sc, keep.i, keep.a, keep.j, keep.b, pi) <= 0)
            continue;
        double v = retest_score(sc, keep.i, keep.a, keep.j, keep.b, pi) +
                   al_block_score(sc, gone.i, gone.a, gone.j, gone.b);
        if (v > best) {
            best = v;
            keep.score = al_block_score(sc, keep.i, keep.a, keep.j, keep.b);
            gone.score = al_block_score(sc, gone.i, gone.a, gone.j, gone.b);
            out[last ? 0 : 1] = keep;
            out[last ? 1 : 0] = gone;
            found = 1;
        }
    }
    return found;
}

/* The words of sentence y (of the side facing the link's own sentences xi..xi+xk-1), as evidence
 * that omitted sentence o (on the link's side) belongs to the link too: a word of y that the link's
 * sentences meet and o does not costs at most log of the link's share of the joined side's length
 * (y's word may be said in o instead); one that o meets and the link does not counts much. Against:
 * y translates the link alone and meets o by chance (the word's spread rate). */
static double facing_llr(const al_scorer *sc, int tgt_side, size_t y, size_t xi, size_t xk, size_t o,
                         double share_o, double pi)
{
    const al_doc *d = tgt_side ? sc->tgt : sc->src;
    const al_sent *s = &d->sent[y];
    spread spx, spo;
    size_t win = (size_t)sc->par.retest_win;
    spread_of(&spx, sc, tgt_side, y, xi, xk, win);
    spread_of(&spo, sc, tgt_side, y, o, 1, win);
    uint32_t nt = s->ntok < OMIT_TOKS ? s->ntok : OMIT_TOKS;
    double ev = 0;
    for (uint32_t q = 0; q < nt; q++) {
        if (!spx.f[q] || !spx.cmp || repeated(sc, d, s, q))
            continue;
        double p0 = (double)spx.f[q] / (double)spx.cmp;
        p0 = p0 < 0.02 ? 0.02 : p0 > 0.9 ? 0.9 : p0;
        double p1 = pi < p0 + 0.02 ? p0 + 0.02 : pi > 0.97 ? 0.97 : pi;
        double miss0 = pow(1 - p0, (double)xk);
        double q0 = 1 - miss0, q1 = 1 - (1 - p1) * miss0 / (1 - p0);
        int hx = met(sc, d, s, q, nt, spx.hit), ho = met(sc, d, s, q, nt, spo.hit);
        double px1 = hx ? q1 : 1 - q1, cx = hx ? q0 : 1 - q0;
        double co = ho ? p0 : 1 - p0, p1o = ho ? p1 : 1 - p1;
        ev += log((1 - share_o) + share_o * cx * p1o / (px1 * co));
    }
    return ev;
}

/* Does the omission om (a single sentence) belong to the link lk beside it (before it when
 * `before`)? The evidence of the joined block against the link and the omission on the same
 * matches: om's own words facing the link's other side, and the other side's words facing om
 * (facing_llr), with the shape, length and order terms of the two. Returns the gain (> 0: join). */
static double attach_gain(const al_scorer *sc, const al_block *lk, const al_block *om, int before, double pi,
                          int show)
{
    size_t a = lk->a + om->a, b = lk->b + om->b;
    if (!lk->a || !lk->b || a > AL_MAX_SIDE || b > AL_MAX_SIDE || !isfinite(sc->par.shape[a][b]))
        return 0;
    if (sc->par.retest_attach_max > 0 && (double)(a + b) > sc->par.retest_attach_max)
        return 0;
    int src = om->a == 1;
    size_t x = src ? om->i : om->j;
    /* only where the link holds more sentences on the other side than on om's: om then balances */
    if (sc->par.retest_attach_bal > 0 && (src ? lk->b <= lk->a : lk->a <= lk->b))
        return 0;
    spread sp;
    double ev[3] = {0, 0, 0};
    spread_of(&sp, sc, !src, x, src ? lk->j : lk->i, src ? lk->b : lk->a, (size_t)sc->par.retest_win);
    sent_llr(sc, src ? sc->src : sc->tgt, x, &sp, src ? lk->b : lk->a, pi, 0, 1, ev);
    double own = mix(sc, ev);
    if (ev[2] <= 0 || (sc->par.retest_attach > 1 && own <= 0))
        return 0; /* a sentence whose words meet nothing near has no evidence for the join */
    /* the share of the joined side's length that om holds */
    const al_doc *od = src ? sc->src : sc->tgt;
    int words = sc->par.retest_attach_words > 0; /* a word's translation is a word: share by tokens */
    double lo = words ? od->sent[x].ntok : od->sent[x].nchar, ll = 0;
    for (size_t k = 0; k < (src ? lk->a : lk->b); k++) {
        const al_sent *ls = &od->sent[(src ? lk->i : lk->j) + k];
        ll += words ? ls->ntok : ls->nchar;
    }
    double share = lo + ll > 0 ? lo / (lo + ll) : 0.5;
    double facing = 0;
    for (size_t k = 0; k < (src ? lk->b : lk->a); k++)
        facing += facing_llr(sc, src, (src ? lk->j : lk->i) + k, src ? lk->i : lk->j, src ? lk->a : lk->b, x, share, pi);
    size_t i = before ? om->i : lk->i, j = before ? om->j : lk->j;
    double lexj, lenj, M, W, lexl, lenl;
    al_block_parts(sc, i, a, j, b, &lexj, &lenj, &M, &W);
    al_block_parts(sc, lk->i, lk->a, lk->j, lk->b, &lexl, &lenl, &M, &W);
    double rest = (al_block_score(sc, i, a, j, b) - lexj) - (al_block_score(sc, lk->i, lk->a, lk->j, lk->b) - lexl);
    double gain = own + facing + rest - om->score;
    if (show)
        fprintf(stderr, "A %zu %zu %zu %zu own %.3f facing %.3f rest %.3f om %.3f gain %.3f\n", i, a, j, b, own, facing,
                rest, om->score, gain);
    return gain;
}

/* Omissions beside a link that belong to it (a short sentence whose words the resources miss,
 * left out by the search's k-sentence chance rates) joined to it; returns the new count. */
static size_t attach_omissions(const al_scorer *sc, al_block *nb, size_t q, const double *rate, int show)
{
    size_t w = 0;
    for (size_t k = 0; k < q; k++) {
        al_block *x = &nb[k];
        if (x->a + x->b != 1) {
            nb[w++] = *x;
            continue;
        }
        /* the link before it (already written out) or the one after it */
        double gp = w > 0 ? attach_gain(sc, &nb[w - 1], x, 0, rate[k], show) : 0;
        double gn = k + 1 < q ? attach_gain(sc, &nb[k + 1], x, 1, rate[k], show) : 0;
        if (gp > 0 && gp >= gn) {
            al_block *l = &nb[w - 1];
            l->a += x->a;
            l->b += x->b;
            l->score = al_block_score(sc, l->i, l->a, l->j, l->b);
            continue;
        }
        if (gn > 0) {
            al_block *l = &nb[k + 1];
            l->i = x->i;
            l->j = x->j;
            l->a += x->a;
            l->b += x->b;
            l->score = al_block_score(sc, l->i, l->a, l->j, l->b);
            continue;
        }
        nb[w++] = *x;
    }
    return w;
}

dm_status al_omit_retest(const al_scorer *sc, al_block **blk, size_t *nblk, double pi)
{
    size_t nb0 = *nblk, span = (size_t)sc->par.retest_span;
    al_block *nb = malloc((2 * nb0 + 1) * sizeof *nb);
    double *rate = malloc((2 * nb0 + 1) * sizeof *rate); /* the rate each output block was tested at */
    double *ch = calloc(nb0 + 1, sizeof *ch), *ct = calloc(nb0 + 1, sizeof *ct);
    if (!nb || !rate || !ch || !ct) {
        free(nb);
        free(rate);
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
    size_t q = 0;
    int show = getenv("DM_ALIGN_RETEST") != NULL;
    for (size_t k = 0; k < nb0; k++) {
        const al_block *b = &(*blk)[k];
        /* a long pair may change in how freely it is translated (or, joined from several texts,
         * in language): the rate of the blocks around the link, shrunk towards the pair's */
        double lpi = pi;
        if (span && nb0 > 2 * span + 1) {
            size_t lo = k > span ? k - span : 0, hi = k + span + 1 < nb0 ? k + span + 1 : nb0;
            double K = sc->par.retest_prior;
            lpi = (ch[hi] - ch[lo] + K * pi) / (ct[hi] - ct[lo] + K);
        }
        if (b->a == 1 && b->b == 1) {
            double link = retest_score(sc, b->i, 1, b->j, 1, lpi);
            double apart = al_block_score(sc, b->i, 1, b->j, 0) + al_block_score(sc, b->i, 0, b->j, 1);
            if (show)
                fprintf(stderr, "R %u %u %.3f %.3f %.3f\n", b->i, b->j, link, apart, lpi);
            if (link < apart) {
                rate[q] = lpi;
                nb[q++] = (al_block){b->i, 1, b->j, 0, al_block_score(sc, b->i, 1, b->j, 0)};
                rate[q] = lpi;
                nb[q++] = (al_block){b->i + 1, 0, b->j, 1, al_block_score(sc, b->i + 1, 0, b->j, 1)};
                continue;
            }
        } else if (sc->par.retest_merge > 0) {
            al_block two[2];
            if (drop_edge(sc, b, lpi, two)) {
                rate[q] = lpi;
                nb[q++] = two[0];
                rate[q] = lpi;
                nb[q++] = two[1];
                continue;
            }
        }
        rate[q] = lpi;
        nb[q++] = *b;
    }
    free(ch);
    free(ct);
    if (sc->par.retest_join > 0) { /* and the other way: two neighbouring omissions linked */
        size_t w = 0;
        for (size_t k = 0; k < q; k++) {
            const al_block *x = &nb[k], *y = k + 1 < q ? &nb[k + 1] : NULL;
            if (y && x->a + y->a == 1 && x->b + y->b == 1 && x->a + x->b == 1) {
                size_t i = x->i, j = x->j;
                /* at the rate the omissions were tested at: a link just split stays split */
                double link = retest_score(sc, i, 1, j, 1, rate[k]);
                if (link > x->score + y->score) {
                    rate[w] = rate[k];
                    nb[w++] = (al_block){i, 1, j, 1, al_block_score(sc, i, 1, j, 1)};
                    k++;
                    continue;
                }
            }
            rate[w] = rate[k];
            nb[w++] = *x;
        }
        q = w;
    }
    if (sc->par.retest_attach > 0)
        q = attach_omissions(sc, nb, q, rate, show);
    free(rate);
    free(*blk);
    *blk = nb;
    *nblk = q;
    return DM_OK;
}

/* For the developers' dump (align_dump.c): the same counting as the retest's, so the dump shows
 * what the retest sees. f[q] for q < 63: sentences of the other side within win of y0 (all stored
 * ones when win is 0) that token q of sentence x meets; *hit: the tokens sentence y0 meets. */
void al_token_spread(const al_scorer *sc, int tgt_side, size_t x, size_t y0, size_t win, uint32_t f[63],
                     uint64_t *hit)
{
    spread sp;
    spread_of(&sp, sc, tgt_side, x, y0, 1, win);
    memcpy(f, sp.f, sizeof sp.f);
    *hit = sp.hit;
}
