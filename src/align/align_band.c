/*
 * align_band.c -- where the dynamic programme may look: the whole grid for short documents, a
 * band around a first path for long ones. The first path comes from anchors: sentence pairs that
 * share a concept (a number, a name, a rare word) that occurs in no other sentence of either
 * document, kept when they form the heaviest monotone chain; between anchors the path is the
 * straight line. When the best path touches the band's edge, align.c widens the band and retries.
 */
#include "align/align_internal.h"

#include <stdlib.h>
#include <string.h>

void al_band_free(al_band *band)
{
    free(band->lo);
    free(band->hi);
    memset(band, 0, sizeof *band);
}

static dm_status band_alloc(al_band *band, size_t n, size_t m)
{
    band->n = n;
    band->m = m;
    band->lo = malloc((n + 1) * sizeof *band->lo);
    band->hi = malloc((n + 1) * sizeof *band->hi);
    if (!band->lo || !band->hi) {
        al_band_free(band);
        return DM_ENOMEM;
    }
    return DM_OK;
}

dm_status al_band_full(al_band *band, size_t n, size_t m)
{
    dm_status st = band_alloc(band, n, m);
    if (st != DM_OK)
        return st;
    for (size_t i = 0; i <= n; i++) {
        band->lo[i] = 0;
        band->hi[i] = (uint32_t)m;
    }
    return DM_OK;
}

/* Rows lo/hi from a path given as points (increasing in both coordinates, with (0,0) and (n,m)
 * added): for each row, the columns within `width` of the path. */
dm_status al_band_around_points(al_band *band, size_t n, size_t m, const uint32_t *pi,
                                const uint32_t *pj, size_t np, size_t width)
{
    dm_status st = band_alloc(band, n, m);
    if (st != DM_OK)
        return st;
    /* centre of each row by linear interpolation between consecutive points */
    size_t k = 0;
    double prev_i = 0, prev_j = 0;
    for (size_t i = 0; i <= n; i++) {
        while (k < np && pi[k] < i) {
            prev_i = pi[k];
            prev_j = pj[k];
            k++;
        }
        double next_i = k < np ? pi[k] : (double)n, next_j = k < np ? pj[k] : (double)m;
        if (k < np && pi[k] == i) {
            next_i = i;
            next_j = pj[k];
        }
        double c = next_i > prev_i ? prev_j + (next_j - prev_j) * ((double)i - prev_i) / (next_i - prev_i)
                                   : next_j;
        double lo = c - (double)width, hi = c + (double)width;
        if (lo < 0)
            lo = 0;
        if (hi > (double)m)
            hi = (double)m;
        band->lo[i] = (uint32_t)lo;
        band->hi[i] = (uint32_t)(hi + 0.999);
    }
    /* monotone, connected, and reaching both corners */
    band->lo[0] = 0;
    band->hi[n] = (uint32_t)m;
    for (size_t i = 1; i <= n; i++) {
        if (band->lo[i] < band->lo[i - 1])
            band->lo[i] = band->lo[i - 1];
        if (band->hi[i] < band->hi[i - 1])
            band->hi[i] = band->hi[i - 1];
    }
    for (size_t i = n; i-- > 0;) {
        if (band->hi[i] > band->hi[i + 1])
            band->hi[i] = band->hi[i + 1];
        if (band->lo[i] > band->lo[i + 1])
            band->lo[i] = band->lo[i + 1];
    }
    for (size_t i = 1; i <= n; i++)
        if (band->lo[i] > band->hi[i - 1])
            band->lo[i] = band->hi[i - 1];
    for (size_t i = 0; i <= n; i++)
        if (band->hi[i] < band->lo[i])
            band->hi[i] = band->lo[i];
    return DM_OK;
}

int al_band_touched(const al_band *band, const al_block *b, size_t nb)
{
    for (size_t k = 0; k < nb; k++) {
        size_t i = b[k].i + b[k].a, j = b[k].j + b[k].b;
        if ((j == band->lo[i] && band->lo[i] > 0) || (j == band->hi[i] && band->hi[i] < band->m))
            return 1;
    }
    return 0;
}

/* --- anchors ----------------------------------------------------------------------------- */

typedef struct cand {
    uint32_t i, j;
    float w;
} cand;

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->i != y->i)
        return x->i < y->i ? -1 : 1;
    return x->j < y->j ? -1 : x->j > y->j;
}

/* For each concept, the one sentence it occurs in (or a mark that it occurs in several). */
#define MANY (UINT32_MAX - 1)
static void unique_sentence_of(const al_doc *d, uint32_t *where, size_t cap)
{
    for (size_t i = 0; i < d->n; i++) {
        const al_sent *s = &d->sent[i];
        for (uint32_t k = 0; k < s->ntok; k++) {
            const al_tok *t = &d->tok[s->tok0 + k];
            for (uint16_t q = 0; q < t->nc; q++) {
                uint32_t c = d->conc[t->c0 + q];
                if (c >= cap)
                    continue;
                if (where[c] == AL_NONE)
                    where[c] = (uint32_t)i;
                else if (where[c] != i)
                    where[c] = MANY;
            }
        }
    }
}

dm_status al_anchors(const al_doc *src, const al_doc *tgt, uint32_t **pi, uint32_t **pj, size_t *np)
{
    *pi = *pj = NULL;
    *np = 0;
    size_t cap = 0;
    for (size_t k = 0; k < src->nconc; k++)
        if (src->conc[k] >= cap)
            cap = src->conc[k] + 1;
    for (size_t k = 0; k < tgt->nconc; k++)
        if (tgt->conc[k] >= cap)
            cap = tgt->conc[k] + 1;
    uint32_t *ws = malloc((cap ? cap : 1) * sizeof *ws), *wt = malloc((cap ? cap : 1) * sizeof *wt);
    cand *cs = NULL;
    size_t nc = 0;
    dm_status st = DM_ENOMEM;
    if (!ws || !wt)
        goto done;
    memset(ws, 0xff, cap * sizeof *ws);
    memset(wt, 0xff, cap * sizeof *wt);
    unique_sentence_of(src, ws, cap);
    unique_sentence_of(tgt, wt, cap);
    size_t ncap = 0;
    for (size_t c = 0; c < cap; c++)
        if (ws[c] < MANY && wt[c] < MANY)
            ncap++;
    cs = malloc((ncap ? ncap : 1) * sizeof *cs);
    if (!cs)
        goto done;
    double n = (double)src->n, m = (double)tgt->n;
    for (size_t c = 0; c < cap; c++) {
        if (ws[c] >= MANY || wt[c] >= MANY)
            continue;
        /* far from the diagonal (over a third of the document) is more likely chance */
        double di = ws[c] / (n > 0 ? n : 1), dj = wt[c] / (m > 0 ? m : 1);
        if (di - dj > 0.34 || dj - di > 0.34)
            continue;
        cs[nc].i = ws[c];
        cs[nc].j = wt[c];
        cs[nc].w = 1;
        nc++;
    }
    qsort(cs, nc, sizeof *cs, cmp_cand);
    /* merge duplicates (several concepts for one pair weigh more) */
    size_t u = 0;
    for (size_t k = 0; k < nc; k++) {
        if (u && cs[u - 1].i == cs[k].i && cs[u - 1].j == cs[k].j)
            cs[u - 1].w += cs[k].w;
        else
            cs[u++] = cs[k];
    }
    nc = u;
    /* heaviest chain increasing in both i and j: O(nc * window) with a bounded look-back */
    float *best = malloc((nc ? nc : 1) * sizeof *best);
    uint32_t *prev = malloc((nc ? nc : 1) * sizeof *prev);
    if (!best || !prev) {
        free(best);
        free(prev);
        goto done;
    }
    size_t arg = AL_NONE;
    float top = 0;
    for (size_t k = 0; k < nc; k++) {
        best[k] = cs[k].w;
        prev[k] = AL_NONE;
        size_t lim = k > 400 ? k - 400 : 0;
        for (size_t q = k; q-- > lim;) {
            if (cs[q].i < cs[k].i && cs[q].j < cs[k].j && best[q] + cs[k].w > best[k]) {
                best[k] = best[q] + cs[k].w;
                prev[k] = (uint32_t)q;
            }
        }
        if (best[k] > top) {
            top = best[k];
            arg = k;
        }
    }
    size_t len = 0;
    for (size_t k = arg; k != AL_NONE; k = prev[k])
        len++;
    *pi = malloc((len ? len : 1) * sizeof **pi);
    *pj = malloc((len ? len : 1) * sizeof **pj);
    if (!*pi || !*pj) {
        free(*pi);
        free(*pj);
        *pi = *pj = NULL;
        free(best);
        free(prev);
        goto done;
    }
    size_t w = len;
    for (size_t k = arg; k != AL_NONE; k = prev[k]) {
        w--;
        (*pi)[w] = cs[k].i;
        (*pj)[w] = cs[k].j;
    }
    *np = len;
    free(best);
    free(prev);
    st = DM_OK;
done:
    free(ws);
    free(wt);
    free(cs);
    return st;
}
