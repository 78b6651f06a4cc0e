/*
 * link_score.c -- the evidence of one pair and how it compares with the alternatives. The
 * cosine of two evidence vectors is scaled by how well their shapes agree (length relative to
 * the usual length in each language, number of sentences), then divided by the mean of each
 * document's best few scores in the other's language (the margin criterion of bitext mining):
 * a pair stands out when it is clearly better than what else either side could pair with,
 * which also evens out language pairs that share much evidence (Spanish-French) or little
 * (Chinese-Hindi). A side with no alternative at all (the only document of its language) gives
 * no margin: two documents alone in a collection are not a story on their own say-so, which is
 * what keeps Persian and Arabic (one script, shared vocabulary) apart in a tiny collection.
 */
#include "link/link.h"
#include "util/vec.h"

#include <math.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

/* The dot product of two sorted feature lists (ids x, weights wx; ids y, weights wy). Most
 * features are not shared, so the ids are walked four against four at a time (SSE2, every x86-64
 * has it): sixteen comparisons in four instructions, the rare matches summed one by one, in id
 * order (the plain merge below gives the same sum to the last bit). */
static float dot(const uint32_t *x, const lk_wq *wx, uint32_t nx, const uint32_t *y, const lk_wq *wy, uint32_t ny)
{
    float s = 0;
    uint32_t i = 0, j = 0;
#ifdef __SSE2__
    while (i + 4 <= nx && j + 4 <= ny) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(x + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(y + j));
        __m128i b1 = _mm_shuffle_epi32(b, _MM_SHUFFLE(0, 3, 2, 1)); /* b rotated by 1, 2, 3 */
        __m128i b2 = _mm_shuffle_epi32(b, _MM_SHUFFLE(1, 0, 3, 2));
        __m128i b3 = _mm_shuffle_epi32(b, _MM_SHUFFLE(2, 1, 0, 3));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi32(a, b), _mm_cmpeq_epi32(a, b1)),
                                 _mm_or_si128(_mm_cmpeq_epi32(a, b2), _mm_cmpeq_epi32(a, b3)));
        int hit = _mm_movemask_ps(_mm_castsi128_ps(m)); /* lanes of a that match */
        for (uint32_t p = i; hit; p++, hit >>= 1)
            if (hit & 1)
                for (uint32_t q = j; q < j + 4; q++)
                    if (x[p] == y[q]) {
                        s += lk_wtab[wx[p]] * lk_wtab[wy[q]];
                        break;
                    }
        uint32_t amax = x[i + 3], bmax = y[j + 3];
        i += amax <= bmax ? 4 : 0;
        j += bmax <= amax ? 4 : 0;
    }
#endif
    while (i < nx && j < ny) {
        uint32_t p = x[i], q = y[j];
        if (p == q)
            s += lk_wtab[wx[i]] * lk_wtab[wy[j]];
        i += p <= q;
        j += q <= p;
    }
    return s;
}

dm_status lk_unpack(const lk_coll *c, uint32_t doc, lk_unpacked *u)
{
    const lk_doc *d = &c->d[doc];
    if (dm_grow(&u->ids, &u->cap, d->nf, sizeof *u->ids))
        return DM_ENOMEM;
    if (d->nf) {
        lk_doc_ids(d, 0, u->ids);
        lk_doc_ids(d, 1, u->ids + d->nstat);
    }
    u->w = lk_doc_w(d);
    u->nf = d->nf;
    u->nstat = d->nstat;
    u->doc = doc;
    return DM_OK;
}

void lk_unpacked_free(lk_unpacked *u)
{
    free(u->ids);
    *u = (lk_unpacked){0};
}

float lk_sim_static(const lk_unpacked *x, const lk_unpacked *y)
{
    if (!x->nstat || !y->nstat)
        return 0;
    return dot(x->ids, x->w, x->nstat, y->ids, y->w, y->nstat);
}

float lk_sim_pivot(const lk_unpacked *x, const lk_unpacked *y)
{
    if (x->nf == x->nstat || y->nf == y->nstat)
        return 0;
    return dot(x->ids + x->nstat, x->w + x->nstat, x->nf - x->nstat, y->ids + y->nstat, y->w + y->nstat,
               y->nf - y->nstat);
}

float lk_sim(const lk_coll *c, const lk_unpacked *x, const lk_unpacked *y, float part[LK_KIND_COUNT])
{
    if (part) {
        float sum[LK_KIND_COUNT] = {0};
        for (int sec = 0; sec < 2; sec++) {
            uint32_t i = sec ? x->nstat : 0, j = sec ? y->nstat : 0;
            uint32_t ni = sec ? x->nf : x->nstat, nj = sec ? y->nf : y->nstat;
            while (i < ni && j < nj) {
                uint32_t p = x->ids[i], q = y->ids[j];
                if (p == q)
                    sum[c->feats.kind[p]] += lk_wtab[x->w[i]] * lk_wtab[y->w[j]];
                i += p <= q;
                j += q <= p;
            }
        }
        for (int k = 0; k < LK_KIND_COUNT; k++)
            part[k] = sum[k];
    }
    /* the same sums as the pairs' scores (link_index.c), so explain agrees with them */
    return lk_sim_static(x, y) + lk_sim_pivot(x, y);
}

/* Mean letters per document in each language: the yardstick for comparing lengths across
 * scripts (Chinese needs a third of the characters English does). */
static double lang_mean_chars(const lk_coll *c, uint32_t lang)
{
    return c->langs[lang].ndocs ? c->langs[lang].mean_chars : 1.0;
}

float lk_structure(const lk_coll *c, uint32_t a, uint32_t b)
{
    const lk_doc *x = &c->d[a], *y = &c->d[b];
    double la = (x->nchar + 1.0) / lang_mean_chars(c, x->lang);
    double lb = (y->nchar + 1.0) / lang_mean_chars(c, y->lang);
    double r = log(la / lb);
    double f_len = exp(-(r * r) / (2 * 0.45 * 0.45));
    double rs = log((x->nsent + 1.0) / (y->nsent + 1.0));
    double f_sent = exp(-(rs * rs) / (2 * 0.6 * 0.6));
    /* a language's mean length is known only from its documents: with few of them (a tiny
     * collection, one short article among long ones) it says little, so length counts less */
    double nmin = c->langs[x->lang].ndocs < c->langs[y->lang].ndocs ? c->langs[x->lang].ndocs
                                                                     : c->langs[y->lang].ndocs;
    double trust = nmin / (nmin + 4.0);
    f_len = 1.0 - trust * (1.0 - f_len);
    return (float)(0.4 + 0.6 * f_len * f_sent);
}

/* A pair with no alternative sharing anything scores this (the margin is otherwise unbounded). */
static const double MAX_MARGIN = 20.0;

static void keep_top(float *top, size_t k, float s)
{
    if (s <= top[k - 1])
        return;
    size_t q = k - 1;
    while (q > 0 && top[q - 1] < s) {
        top[q] = top[q - 1];
        q--;
    }
    top[q] = s;
}

void lk_score_pairs(lk_coll *c)
{
    size_t nl = c->nlangs, k = c->prm.k_per_lang;
    for (size_t t = 0; t < c->npairs; t++) {
        lk_pair *p = &c->pairs[t];
        p->score = p->sim * lk_structure(c, p->a, p->b);
    }
    float *top = calloc(c->n * nl * k + 1, sizeof *top);
    if (!top) { /* no room for neighbourhoods: the plain scores will do */
        return;
    }
    for (size_t t = 0; t < c->npairs; t++) {
        const lk_pair *p = &c->pairs[t];
        keep_top(top + ((size_t)p->a * nl + c->d[p->b].lang) * k, k, p->score);
        keep_top(top + ((size_t)p->b * nl + c->d[p->a].lang) * k, k, p->score);
    }
    for (size_t t = 0; t < c->npairs; t++) {
        lk_pair *p = &c->pairs[t];
        const lk_doc *x = &c->d[p->a], *y = &c->d[p->b];
        double bg = 0;
        int sides = 0;
        for (int side = 0; side < 2; side++) {
            const lk_doc *from = side ? y : x, *to = side ? x : y;
            const float *tp = top + ((size_t)(side ? p->b : p->a) * nl + to->lang) * k;
            /* the alternatives this side could have had: other documents of the other's language */
            size_t others = c->langs[to->lang].ndocs - 1 - (from->lang == to->lang);
            size_t keff = others < k - 1 ? others : k - 1;
            if (!keff)
                continue;
            /* only alternatives that share evidence: documents with nothing (or next to nothing)
             * in common are no competition, and counting them as zeros would inflate the margin
             * of any pair in a small collection */
            double sum = 0;
            size_t used = 0;
            int skipped = 0;
            for (size_t q = 0; q < k && used < keff; q++) {
                if (!skipped && tp[q] == p->score) { /* the pair itself */
                    skipped = 1;
                    continue;
                }
                if (tp[q] <= 0 || (used && tp[q] < 0.25 * sum / (double)used))
                    break; /* sorted: the rest share nothing, or next to nothing, with this side */
                sum += tp[q];
                used++;
            }
            if (!used)
                continue;
            bg += sum / (double)used;
            sides++;
        }
        if (!sides) /* nothing to compare with: no margin either way */
            p->score = 1.0f;
        else {
            bg /= sides;
            double floor = p->score / MAX_MARGIN;
            p->score = (float)(p->score / (bg > floor ? bg : floor));
        }
    }
    free(top);
}

float lk_dup_sim(const lk_coll *c, const lk_pair *p)
{
    float sa = c->d[p->a].self, sb = c->d[p->b].self;
    return sa > 0 && sb > 0 ? p->sim / sqrtf(sa * sb) : 0.0f;
}
