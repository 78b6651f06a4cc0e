/*
 * align_join.c -- neighbouring blocks that say part of each other's content are one block.
 *
 * A translator who moves a clause across a sentence boundary (A B against A' B', "250 Höhenmeter
 * erforderten zwei Tage" said in B') leaves words of A unmatched in A' that B' matches. The block
 * scorer sees such a 2-2 block only through its k-sentence chance rates, under which two 1-1
 * links that each miss the crossing words still score higher. The words crossing over are the
 * evidence: in neighbours that do not cross, a word left unmatched by its own block meets the
 * neighbour's other side at some rate c -- chance, shared topic words, a name one side repeats --
 * which each pair has plenty of neighbours to measure. Two neighbours whose crossing weight X out
 * of their unmatched weight U is far above c (the log-likelihood ratio G of rate X/U against c)
 * are joined when G outweighs what the scorer says joining them costs. c is measured on the pair
 * itself, pulled towards the chance rate p0 by `xjoin_prior` units of weight, so a short pair
 * with few neighbours does not trust a rate it cannot measure.
 */
#include "align/align_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Log-likelihood ratio of x hits in u trials at their own rate against rate c (0 below c). */
static double rate_llr(double x, double u, double c)
{
    if (u <= 0 || x <= c * u)
        return 0;
    double r = x / u, g = x * log(r / c);
    if (r < 1)
        g += (u - x) * log((1 - r) / (1 - c));
    return g;
}

/* Can blocks b1 and b2 be one block? `omissions`: a link and a sentence without counterpart
 * beside it (run before the omission retest); else two links (run after it, so that a weak link
 * the retest splits into two omissions is not joined to its neighbour first). */
static int joinable(const al_scorer *sc, const al_block *b1, const al_block *b2, int omissions)
{
    uint32_t a = b1->a + b2->a, b = b1->b + b2->b;
    int links = (b1->a && b1->b) + (b2->a && b2->b);
    if (links != (omissions ? 1 : 2))
        return 0;
    return a <= AL_MAX_SIDE && b <= AL_MAX_SIDE && a && b && isfinite(sc->par.shape[a][b]);
}

void al_join_by_crossing(const al_scorer *sc, al_block *blk, size_t *nblk, int omissions)
{
    size_t n = *nblk;
    if (n < 2)
        return;
    /* the crossing weight and unmatched weight of every two neighbours, as prefix sums */
    double *cx = malloc(n * sizeof *cx), *cu = malloc(n * sizeof *cu);
    al_block *orig = malloc(n * sizeof *orig);
    if (!cx || !cu || !orig) { /* an optional refinement: without memory, the blocks stay as they are */
        free(cx);
        free(cu);
        free(orig);
        return;
    }
    memcpy(orig, blk, n * sizeof *orig);
    cx[0] = cu[0] = 0;
    for (size_t k = 0; k + 1 < n; k++) {
        double X, U, E;
        al_cross_evidence(sc, &blk[k], &blk[k + 1], &X, &U, &E);
        cx[k + 1] = cx[k] + X;
        cu[k + 1] = cu[k] + U;
    }
    double p0 = sc->par.p0 < 0.005 ? 0.005 : sc->par.p0, prior = sc->par.xjoin_prior;
    size_t win = sc->par.xjoin_win > 0 ? (size_t)sc->par.xjoin_win : n;
    int dump = getenv("DM_ALIGN_XJOIN") != NULL;
    if (dump) /* developers: a line per pair, then one per neighbouring pair of blocks */
        fprintf(stderr, "JP %zu %.4f\n", n, (cx[n - 1] + prior * p0) / (cu[n - 1] + prior));
    size_t q = 0;
    for (size_t k = 0; k < n; k++) {
        al_block b1 = blk[k];
        if (k + 1 < n && joinable(sc, &b1, &blk[k + 1], omissions)) {
            const al_block *b2 = &blk[k + 1];
            double X, U, E;
            al_cross_evidence(sc, &b1, b2, &X, &U, &E);
            /* the rate of the neighbours around (win of them either side), this one left out: a
             * text's vocabulary and its lexicon's reach change along it */
            size_t lo = k > win ? k - win : 0, hi = k + 1 + win < n - 1 ? k + 1 + win : n - 1;
            double c = (cx[hi] - cx[lo] - X + prior * p0) / (cu[hi] - cu[lo] - U + prior);
            if (sc->par.xjoin_far > 0) {
                /* the same words against the blocks one further away: words the whole text shares
                 * (a declaration's "everyone", "right") meet them as often as the neighbour */
                double xf = 0, uf = 0, Xf, Uf, Ef;
                if (k + 2 < n) {
                    al_cross_evidence(sc, &orig[k], &orig[k + 2], &Xf, &Uf, &Ef);
                    xf += Xf;
                    uf += Uf;
                }
                if (k > 0) {
                    al_cross_evidence(sc, &orig[k - 1], &orig[k + 1], &Xf, &Uf, &Ef);
                    xf += Xf;
                    uf += Uf;
                }
                double cf = (xf + sc->par.xjoin_far * c) / (uf + sc->par.xjoin_far);
                if (cf > c)
                    c = cf;
            }
            double g = c > 0 && c < 1 ? rate_llr(X, U, c) : 0;
            double joined = al_block_score(sc, b1.i, b1.a + b2->a, b1.j, b1.b + b2->b);
            double d = joined - (b1.score + b2->score);
            if (dump)
                fprintf(stderr, "J %u %u %u %u %u %u %u %u %.3f %.3f %.4f %.3f %.3f\n", b1.i, b1.a, b1.j, b1.b, b2->i,
                        b2->a, b2->j, b2->b, X, U, c, g, d);
            if (g > 0 && d + g > sc->par.xjoin) {
                blk[q++] = (al_block){b1.i, b1.a + b2->a, b1.j, b1.b + b2->b, joined};
                k++;
                continue;
            }
        }
        blk[q++] = b1;
    }
    *nblk = q;
    free(cx);
    free(cu);
    free(orig);
}
