/*
 * align_dp.c -- the best monotone sequence of blocks (1-0, 0-1, every n:m up to 4:4, and 1 or 2
 * against 5) through a band of the (src, tgt) grid, by dynamic programming over block scores.
 *
 * Time and memory are proportional to the band's area (rows x width), not to n x m: align.c
 * chooses the band around a first path so that long documents stay linear.
 */
#include "align/align_internal.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const uint8_t shapes[][2] = {
    {1, 0}, {0, 1}, {1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}, {2, 3},
    {3, 2}, {3, 3}, {1, 4}, {4, 1}, {2, 4}, {4, 2}, {3, 4}, {4, 3}, {4, 4}, {1, 5},
    {5, 1}, {2, 5}, {5, 2},
};
enum { N_SHAPES = sizeof shapes / sizeof shapes[0] };

int al_blocks_valid(const al_block *b, size_t nb, size_t n, size_t m)
{
    size_t i = 0, j = 0;
    for (size_t k = 0; k < nb; k++) {
        if (b[k].i != i || b[k].j != j || (b[k].a == 0 && b[k].b == 0))
            return 0;
        i += b[k].a;
        j += b[k].b;
    }
    return i == n && j == m;
}

dm_status al_dp_run(const al_scorer *sc, const al_band *band, al_block **out, size_t *nout)
{
    size_t n = band->n, m = band->m;
    *out = NULL;
    *nout = 0;
    size_t *off = malloc((n + 2) * sizeof *off);
    if (!off)
        return DM_ENOMEM;
    size_t total = 0;
    for (size_t i = 0; i <= n; i++) {
        off[i] = total;
        total += band->hi[i] - band->lo[i] + 1;
    }
    double *S = malloc(total * sizeof *S);
    uint8_t *back = malloc(total);
    if (!S || !back) {
        free(off);
        free(S);
        free(back);
        return DM_ENOMEM;
    }
    for (size_t i = 0; i <= n; i++) {
        for (uint32_t j = band->lo[i]; j <= band->hi[i]; j++) {
            size_t c = off[i] + (j - band->lo[i]);
            if (i == 0 && j == 0) {
                S[c] = 0;
                back[c] = 255;
                continue;
            }
            double best = -INFINITY;
            uint8_t arg = 255;
            for (int s = 0; s < N_SHAPES; s++) {
                size_t a = shapes[s][0], b = shapes[s][1];
                if (a > i || b > j || sc->par.shape[a][b] == -INFINITY)
                    continue;
                size_t pi = i - a, pj = j - b;
                if (pj < band->lo[pi] || pj > band->hi[pi])
                    continue;
                double prev = S[off[pi] + (pj - band->lo[pi])];
                if (prev == -INFINITY)
                    continue;
                double v = prev + al_block_score(sc, pi, a, pj, b);
                if (v > best) {
                    best = v;
                    arg = (uint8_t)s;
                }
            }
            S[c] = best;
            back[c] = arg;
        }
    }
    size_t cend = off[n] + (m - band->lo[n]);
    dm_status st = DM_OK;
    if (band->hi[n] != m || S[cend] == -INFINITY) {
        st = DM_EINVAL; /* a band that does not reach (n, m): a bug of the caller */
        goto done;
    }
    size_t nb = 0;
    for (size_t i = n, j = m; i || j;) {
        uint8_t s = back[off[i] + (j - band->lo[i])];
        i -= shapes[s][0];
        j -= shapes[s][1];
        nb++;
    }
    al_block *blk = malloc((nb ? nb : 1) * sizeof *blk);
    if (!blk) {
        st = DM_ENOMEM;
        goto done;
    }
    size_t k = nb;
    for (size_t i = n, j = m; i || j;) {
        uint8_t s = back[off[i] + (j - band->lo[i])];
        size_t a = shapes[s][0], b = shapes[s][1];
        i -= a;
        j -= b;
        al_block *x = &blk[--k];
        x->i = (uint32_t)i;
        x->a = (uint32_t)a;
        x->j = (uint32_t)j;
        x->b = (uint32_t)b;
        x->score = al_block_score(sc, i, a, j, b);
    }
    assert(al_blocks_valid(blk, nb, n, m));
    *out = blk;
    *nout = nb;
done:
    free(off);
    free(S);
    free(back);
    return st;
}
