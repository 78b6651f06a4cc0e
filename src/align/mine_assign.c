/*
 * mine_assign.c -- one-to-one assignment of src to tgt sentences over sparse candidate lists
 * (auction algorithm, Bertsekas).
 *
 * Mining asks one target per source line; when the two files are (mostly) translations of each
 * other, a target is the translation of one source line only, and two source lines that both
 * prefer it should be settled jointly: the one with the better second choice yields. Greedy
 * competitive linking takes the single best pair first and cannot undo it; the auction finds a
 * matching of near-maximal total value. Each src sentence may also stay unmatched (value
 * none_value), so a line with no good candidate does not displace others. Memory is linear in the
 * candidates; the work is bounded (a cap on bids), after which the matching found so far stands.
 */
#include "align/mine_internal.h"

#include <math.h>
#include <stdlib.h>

dm_status mn_assign(size_t n, size_t m, const uint32_t *cj, const float *cv,
                    const uint32_t *ncand, size_t stride, double none_value, size_t *match)
{
    double *price = calloc(m ? m : 1, sizeof *price);
    size_t *owner = malloc((m ? m : 1) * sizeof *owner);
    size_t *queue = malloc((n ? n : 1) * sizeof *queue);
    if (!price || !owner || !queue) {
        free(price);
        free(owner);
        free(queue);
        return DM_ENOMEM;
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += ncand[i];
    size_t budget = 200 * (total + n) + 100000; /* bids */
    /* one phase with a small epsilon: scaling epsilon down over phases that keep the prices
     * would leave, with the option of staying unmatched, objects priced above what anyone
     * would pay after a reset */
    const double eps = 0.002;
    for (size_t j = 0; j < m; j++)
        owner[j] = SIZE_MAX;
    size_t nq = 0;
    for (size_t i = n; i-- > 0;) {
        match[i] = SIZE_MAX;
        queue[nq++] = i;
    }
    while (nq && budget) {
        budget--;
        size_t i = queue[--nq];
        const uint32_t *js = cj + i * stride;
        const float *vs = cv + i * stride;
        double b1 = none_value, b2 = -INFINITY;
        size_t bj = SIZE_MAX;
        for (uint32_t q = 0; q < ncand[i]; q++) {
            double v = vs[q] - price[js[q]];
            if (v > b1) {
                b2 = b1;
                b1 = v;
                bj = js[q];
            } else if (v > b2) {
                b2 = v;
            }
        }
        if (bj == SIZE_MAX)
            continue; /* unmatched is its best: prices only rise, so it stays so */
        if (b2 < none_value)
            b2 = none_value;
        price[bj] += b1 - b2 + eps;
        if (owner[bj] != SIZE_MAX) {
            match[owner[bj]] = SIZE_MAX;
            queue[nq++] = owner[bj];
        }
        owner[bj] = i;
        match[i] = bj;
    }
    free(price);
    free(owner);
    free(queue);
    return DM_OK;
}
