/*
 * align.c -- sentence alignment of document pairs, one or a batch (public API dm_aligner_*).
 *
 * The run, for every pair of a batch:
 *   1. features and weights (idf over all src sentences of the batch, and all tgt sentences);
 *   2. p0, the matched share of unrelated sentence pairs, sampled off the diagonal; p1, that of
 *      translations, from a first alignment; both pooled over pairs of the same scripts and
 *      shrunk towards the pool, because one short pair says little;
 *   3. first alignment with forms, names, numbers and lexicons;
 *   4. IBM Model 1 over the confident blocks of the whole batch, whose translations become new
 *      concepts; then p0, p1 again and the final alignment.
 * Long pairs are searched in a band around anchors, widened when the path touches its edge.
 */
#include "align/align_internal.h"
#include "align/align_lexicon.h"
#include "text/text.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FULL_GRID_CELLS 300000.0 /* up to this n*m the whole grid is searched */
#define BAND_WIDTH 24            /* first band half-width around the anchor path */
#define SHRINK 40.0              /* weight units of the pool in each pair's p0/p1 */
#define RATIO_PRIOR_CHARS 300.0  /* characters of the whole-text ratio in the links' ratio */
#define VAR_PRIOR_LINKS 10.0     /* pseudo-links of the default length variance */
#define LEARN_ROUNDS 1           /* learn translations, realign (more rounds gained nothing) */
#define LEARN_MIN_PROB 0.25      /* learned translations kept from this t(tgt|src) up */
#define NUM_PRIOR 10.0           /* pseudo-numbers of the default rates in a pair's number rates */

typedef struct al_pair {
    al_doc src, tgt;
    dm_align_block *blocks;
    size_t nblocks;
    al_params par;
    size_t group;
    double m0, w0, m1, w1; /* matched/total weight: sampled unrelated pairs, linked blocks */
    double n0h, n0t, n1h, n1t; /* the same for numbers, counted one by one */
    double docm_src, docm_tgt; /* median share of a sentence matched anywhere on the other side */
    double var_sum, var_n;     /* Gale-Church variance measured on the 1-1 links */
    double ls_sum, lt_sum;     /* their lengths: the ratio of translations, not of the texts */
    double ord_obs[AL_ORDER_BINS], ord_any[AL_ORDER_BINS]; /* word order of the confident links */
} al_pair;

typedef struct al_group {
    char key[40]; /* scripts and languages of the two sides */
    double m0, w0, m1, w1;
    double n0h, n0t, n1h, n1t;
    double ord_obs[AL_ORDER_BINS], ord_any[AL_ORDER_BINS];
} al_group;

struct dm_aligner {
    dm_ctx *ctx;
    dm_align_opts opt;
    al_env env;
    al_pair *pairs;
    size_t n, cap;
    al_group *groups;
    size_t ngroups;
    al_marks mks, mkt;
    al_posmap pos;
    al_ibm *ibm;
    al_ibm *ibm_units; /* learned over stems (learn_units), or NULL */
    int ran;
};

dm_status dm_aligner_new(dm_ctx *ctx, const dm_align_opts *opt, dm_aligner **out)
{
    *out = NULL;
    dm_aligner *al = calloc(1, sizeof *al);
    if (!al)
        return dm_fail(ctx, DM_ENOMEM, "aligner");
    al->ctx = ctx;
    if (opt)
        al->opt = *opt;
    dm_status st = al_env_init(&al->env, ctx);
    if (st != DM_OK) {
        free(al);
        return st;
    }
    al->env.use_lexicon = !al->opt.no_lexicon;
    *out = al;
    return DM_OK;
}

void dm_aligner_free(dm_aligner *al)
{
    if (!al)
        return;
    for (size_t k = 0; k < al->n; k++) {
        al_doc_free(&al->pairs[k].src);
        al_doc_free(&al->pairs[k].tgt);
        free(al->pairs[k].blocks);
    }
    free(al->pairs);
    free(al->groups);
    al_marks_free(&al->mks);
    al_marks_free(&al->mkt);
    al_posmap_free(&al->pos);
    al_ibm_free(al->ibm);
    al_ibm_free(al->ibm_units);
    al_env_free(&al->env);
    free(al);
}

size_t dm_aligner_count(const dm_aligner *al) { return al->n; }

dm_status dm_aligner_blocks(const dm_aligner *al, size_t k, const dm_align_block **blocks, size_t *n)
{
    if (k >= al->n || !al->ran)
        return dm_fail(al->ctx, DM_EINVAL, "no alignment for pair %zu", k);
    *blocks = al->pairs[k].blocks;
    *n = al->pairs[k].nblocks;
    return DM_OK;
}

static void set_lang(al_doc *d, const char *lang)
{
    size_t l = strlen(lang);
    if (l >= sizeof d->lang)
        l = sizeof d->lang - 1;
    memcpy(d->lang, lang, l);
    d->lang[l] = 0;
}

dm_status dm_aligner_add(dm_aligner *al, const char *const *src, const size_t *src_len, size_t n_src,
                         const char *const *tgt, const size_t *tgt_len, size_t n_tgt,
                         const char *src_lang, const char *tgt_lang)
{
    if (al->ran)
        return dm_fail(al->ctx, DM_EINVAL, "pairs cannot be added after the run");
    if ((n_src && (!src || !src_len)) || (n_tgt && (!tgt || !tgt_len)))
        return dm_fail(al->ctx, DM_EINVAL, "missing sentence arrays");
    if (al->n == al->cap) {
        size_t nc = al->cap ? al->cap * 2 : 16;
        al_pair *p = realloc(al->pairs, nc * sizeof *p);
        if (!p)
            return dm_fail(al->ctx, DM_ENOMEM, "aligner pairs");
        al->pairs = p;
        al->cap = nc;
    }
    al_pair *p = &al->pairs[al->n];
    memset(p, 0, sizeof *p);
    dm_status st = al_doc_build(&al->env, &p->src, src, src_len, n_src);
    if (st == DM_OK)
        st = al_doc_build(&al->env, &p->tgt, tgt, tgt_len, n_tgt);
    if (st != DM_OK) {
        al_doc_free(&p->src);
        al_doc_free(&p->tgt);
        return st;
    }
    for (int side = 0; side < 2; side++) {
        al_doc *d = side ? &p->tgt : &p->src;
        const char *const *text = side ? tgt : src;
        const size_t *tl = side ? tgt_len : src_len;
        for (size_t i = 0; i < d->n; i++) {
            uint32_t cum[AL_PIECES];
            size_t np = al_inner_pieces(text[i], tl[i], cum, AL_PIECES);
            uint32_t head = i == 0 && np == 1 ? al_glued_headline(text, tl, d->n) : 0;
            if (head) /* the headline is one piece, the sentence it runs into another */
                cum[1] = cum[0], cum[0] = head, np = 2;
            d->sent[i].npiece = (uint8_t)np;
            for (size_t q = 0; q < np; q++)
                d->sent[i].piece_end[q] = (uint16_t)(cum[q] > 65535 ? 65535 : cum[q]);
        }
    }
    if (!src_lang)
        src_lang = al->opt.src_lang;
    if (!tgt_lang)
        tgt_lang = al->opt.tgt_lang;
    if (src_lang)
        set_lang(&p->src, src_lang);
    else
        al_guess_lang(&al->env, &p->src, src, src_len, n_src);
    if (tgt_lang)
        set_lang(&p->tgt, tgt_lang);
    else
        al_guess_lang(&al->env, &p->tgt, tgt, tgt_len, n_tgt);
    memcpy(p->src.partner, p->tgt.lang, sizeof p->src.partner);
    memcpy(p->tgt.partner, p->src.lang, sizeof p->tgt.partner);
    al->n++;
    return DM_OK;
}

/* --- statistics ---------------------------------------------------------------------------- */

/* The mask bits a sentence's tokens use. */
static uint64_t tok_bits(const al_sent *s)
{
    return s->ntok >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << s->ntok) - 1;
}

/* Matched share of unrelated sentence pairs: each src sentence against the tgt sentence half a
 * document away from where it should be. */
static void sample_unrelated(dm_aligner *al, al_pair *p)
{
    size_t n = p->src.n, m = p->tgt.n;
    p->m0 = p->w0 = p->n0h = p->n0t = 0;
    if (n == 0 || m < 3)
        return;
    /* neighbours a few sentences off the diagonal: the alternative a wrong block would take
     * (sentences near each other share more words than sentences far apart) */
    size_t off = m >= 12 ? 3 : (m >= 6 ? 2 : 1);
    size_t step = n > 400 ? n / 400 : 1;
    al_params def;
    al_params_default(&def);
    double live = def.live;
    for (size_t i = 0; i < n; i += step) {
        size_t c = (size_t)((double)i * m / n);
        for (int side = 0; side < 2; side++) {
            size_t j = side ? c + off : (c >= off ? c - off : c + 2 * off);
            if (j >= m)
                continue;
            al_marks_set_sentence(&al->mks, &p->src, i);
            al_marks_set_sentence(&al->mkt, &p->tgt, j);
            const al_sent *s = &p->src.sent[i], *t = &p->tgt.sent[j];
            uint64_t ms = al_matched_mask(&al->mkt, &p->src, i), mt = al_matched_mask(&al->mks, &p->tgt, j);
            p->m0 += al_mask_weight(&p->src, i, ms & ~s->nummask) + al_mask_weight(&p->tgt, j, mt & ~t->nummask);
            p->w0 += s->wsum - s->wnum + t->wsum - t->wnum;
            if (live > 0) /* the tokens that match nowhere in the other document count less */
                p->w0 -= live * (al_mask_weight(&p->src, i, ~s->live & ~s->nummask & tok_bits(s)) +
                                 al_mask_weight(&p->tgt, j, ~t->live & ~t->nummask & tok_bits(t)));
            p->n0h += __builtin_popcountll(ms & s->nummask) + __builtin_popcountll(mt & t->nummask);
            p->n0t += __builtin_popcountll(s->nummask) + __builtin_popcountll(t->nummask);
        }
    }
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* Each sentence's share of weight matched anywhere in the other document, and the median of a
 * side (written to m0/m1 scratch: the medians go to the pair's parameters). */
static void side_docm(al_marks *mk, const al_doc *self, const al_doc *other, double *median)
{
    al_marks_set_doc(mk, other);
    float *v = malloc((self->n ? self->n : 1) * sizeof *v);
    for (size_t i = 0; i < self->n; i++) {
        const al_sent *s = &self->sent[i];
        float w = al_matched_weight(mk, self, i);
        self->sent[i].live = al_matched_mask(mk, self, i);
        self->sent[i].docm = s->wsum > 0 ? w / s->wsum : 0;
        if (v)
            v[i] = self->sent[i].docm;
    }
    *median = 0;
    if (v && self->n) {
        if (self->n > 1) /* an empty array may be NULL */
            qsort(v, self->n, sizeof *v, cmp_float);
        *median = v[self->n / 2];
    }
    free(v);
}

static void doc_matches(dm_aligner *al, al_pair *p)
{
    side_docm(&al->mks, &p->src, &p->tgt, &p->docm_src);
    side_docm(&al->mkt, &p->tgt, &p->src, &p->docm_tgt);
}

/* Pairs of the same languages (or scripts, when the languages are unknown) share statistics. */
static void group_key(const al_pair *p, char *out, size_t cap)
{
    snprintf(out, cap, "%d:%s|%d:%s", p->src.script, p->src.lang, p->tgt.script, p->tgt.lang);
}

static size_t group_of(dm_aligner *al, const al_pair *p)
{
    char key[40];
    group_key(p, key, sizeof key);
    for (size_t g = 0; g < al->ngroups; g++)
        if (!strcmp(al->groups[g].key, key))
            return g;
    return AL_NONE;
}

static dm_status make_groups(dm_aligner *al)
{
    free(al->groups);
    al->groups = calloc(al->n ? al->n : 1, sizeof *al->groups);
    if (!al->groups)
        return DM_ENOMEM;
    al->ngroups = 0;
    for (size_t k = 0; k < al->n; k++) {
        al_pair *p = &al->pairs[k];
        size_t g = group_of(al, p);
        if (g == AL_NONE) {
            g = al->ngroups++;
            group_key(p, al->groups[g].key, sizeof al->groups[g].key);
        }
        p->group = g;
    }
    return DM_OK;
}

static void pool_groups(dm_aligner *al)
{
    for (size_t g = 0; g < al->ngroups; g++) {
        al->groups[g].m0 = al->groups[g].w0 = al->groups[g].m1 = al->groups[g].w1 = 0;
        al->groups[g].n0h = al->groups[g].n0t = al->groups[g].n1h = al->groups[g].n1t = 0;
        memset(al->groups[g].ord_obs, 0, sizeof al->groups[g].ord_obs);
        memset(al->groups[g].ord_any, 0, sizeof al->groups[g].ord_any);
    }
    for (size_t k = 0; k < al->n; k++) {
        al_pair *p = &al->pairs[k];
        al_group *g = &al->groups[p->group];
        g->m0 += p->m0;
        g->w0 += p->w0;
        g->m1 += p->m1;
        g->w1 += p->w1;
        g->n0h += p->n0h;
        g->n0t += p->n0t;
        g->n1h += p->n1h;
        g->n1t += p->n1t;
        for (int b = 0; b < AL_ORDER_BINS; b++) {
            g->ord_obs[b] += p->ord_obs[b];
            g->ord_any[b] += p->ord_any[b];
        }
    }
}

/* The pair's parameters: p0 and p1 shrunk towards its group, the length ratio of its texts. */
static void pair_params(dm_aligner *al, al_pair *p, int have_links)
{
    const al_group *g = &al->groups[p->group];
    al_params *par = &p->par;
    al_params_default(par);
    double gp0 = g->w0 > 0 ? g->m0 / g->w0 : 0.03;
    par->p0 = (p->m0 + SHRINK * gp0) / (p->w0 + SHRINK);
    if (have_links) {
        double gp1 = g->w1 > 0 ? g->m1 / g->w1 : par->p0 + 0.2;
        par->p1 = (p->m1 + SHRINK * gp1) / (p->w1 + SHRINK);
    } else {
        par->p1 = par->p0 + (par->p0 * 3 > 0.1 ? par->p0 * 3 : 0.1);
    }
    /* numbers: the pair's counts shrunk towards its group's, the group's towards the default */
    double gq0 = (g->n0h + NUM_PRIOR * par->q0n) / (g->n0t + NUM_PRIOR);
    par->q0n = (p->n0h + NUM_PRIOR * gq0) / (p->n0t + NUM_PRIOR);
    if (have_links) {
        double gq1 = (g->n1h + NUM_PRIOR * par->q1n) / (g->n1t + NUM_PRIOR);
        par->q1n = (p->n1h + NUM_PRIOR * gq1) / (p->n1t + NUM_PRIOR);
    }
    if (have_links) { /* the pair's own variance, shrunk towards the default, within bounds */
        double v = (p->var_sum + VAR_PRIOR_LINKS * par->var) / (p->var_n + VAR_PRIOR_LINKS);
        par->var = v < par->var / 2 ? par->var / 2 : v > par->var * 2 ? par->var * 2 : v;
    }
    if (have_links && par->ord_w > 0) { /* word order: the group's, from its confident links */
        al_order_ratios(g->ord_obs, g->ord_any, par->ord_prior, par->ord_lr);
        for (int b = 0; b < AL_ORDER_BINS; b++)
            par->ord_loglr[b] = log(par->ord_lr[b]);
        par->ord_on = 1;
    }
    par->docm_src = p->docm_src;
    par->docm_tgt = p->docm_tgt;
    double ls = p->src.nchar_total, lt = p->tgt.nchar_total;
    par->ratio = (ls > 0 && lt > 0) ? lt / ls : 1.0;
    if (have_links && p->ls_sum > 0) /* from the links, with the whole texts' ratio as a prior */
        par->ratio = (p->lt_sum + RATIO_PRIOR_CHARS * par->ratio) / (p->ls_sum + RATIO_PRIOR_CHARS);
    if (par->ratio < 0.2)
        par->ratio = 0.2;
    if (par->ratio > 5)
        par->ratio = 5;
}

/* Matched and total weight over the 1-1 blocks of an alignment (what translations look like). */
static void link_stats(dm_aligner *al, al_pair *p, const al_scorer *sc, const al_block *b, size_t nb)
{
    p->m1 = p->w1 = p->n1h = p->n1t = 0;
    memset(p->ord_obs, 0, sizeof p->ord_obs);
    memset(p->ord_any, 0, sizeof p->ord_any);
    p->var_sum = p->var_n = p->ls_sum = p->lt_sum = 0;
    for (size_t k = 0; k < nb; k++) {
        if (b[k].a != 1 || b[k].b != 1)
            continue;
        double lex, len, M, W;
        al_block_parts(sc, b[k].i, 1, b[k].j, 1, &lex, &len, &M, &W);
        p->m1 += M;
        p->w1 += W;
        double nh, nt;
        al_link_numbers(sc, b[k].i, b[k].j, &nh, &nt);
        p->n1h += nh;
        p->n1t += nt;
        if (lex > 0) { /* confident links: how far their lengths stray from the ratio */
            double ls = p->src.sent[b[k].i].nchar, lt = p->tgt.sent[b[k].j].nchar;
            double r = sc->par.ratio, d = lt - r * ls;
            p->var_sum += d * d / ((r * ls + lt) / 2 + 1.0);
            p->var_n += 1;
            p->ls_sum += ls;
            p->lt_sum += lt;
            al_order_count(&al->pos, &p->src, b[k].i, &p->tgt, b[k].j, p->ord_obs, p->ord_any);
        }
    }
}

/* --- one pair -------------------------------------------------------------------------------- */

typedef struct pair_run {
    al_band band;
    al_pairs pm;
    al_scorer sc;
    al_block *blk;
    size_t nblk;
} pair_run;

static void pair_run_free(pair_run *r)
{
    al_band_free(&r->band);
    al_pairs_free(&r->pm);
    free(r->blk);
    memset(r, 0, sizeof *r);
}

/* The first search of a long pair follows anchors; later ones follow the previous path in a
 * narrower band (widened again when the new path touches its edge). */
static dm_status align_pair(dm_aligner *al, al_pair *p, pair_run *r, const al_block *prev, size_t nprev)
{
    size_t n = p->src.n, m = p->tgt.n;
    memset(r, 0, sizeof *r);
    dm_status st;
    uint32_t *ai = NULL, *aj = NULL;
    size_t na = 0;
    int full = (double)n * (double)m <= FULL_GRID_CELLS;
    size_t width = BAND_WIDTH;
    if (!full && prev) {
        ai = malloc((nprev ? nprev : 1) * sizeof *ai);
        aj = malloc((nprev ? nprev : 1) * sizeof *aj);
        if (!ai || !aj) {
            free(ai);
            free(aj);
            return DM_ENOMEM;
        }
        for (size_t k = 0; k < nprev; k++) {
            ai[k] = prev[k].i + prev[k].a;
            aj[k] = prev[k].j + prev[k].b;
        }
        na = nprev;
        width = BAND_WIDTH / 3;
    } else if (!full) {
        st = al_anchors(&p->src, &p->tgt, &ai, &aj, &na);
        if (st != DM_OK)
            return st;
    }
    for (;;) {
        st = full ? al_band_full(&r->band, n, m)
                  : al_band_around_points(&r->band, n, m, ai, aj, na, width);
        if (st == DM_OK)
            st = al_pairs_compute(&r->pm, &r->band, &p->src, &p->tgt, &al->mks, &al->mkt);
        if (st == DM_OK && p->par.ord_on)
            st = al_pairs_order(&r->pm, &al->pos, &p->src, &p->tgt);
        if (st == DM_OK) {
            al_scorer_init(&r->sc, &p->src, &p->tgt, &r->pm, &p->par);
            st = al_dp_run(&r->sc, &r->band, &r->blk, &r->nblk);
        }
        if (st != DM_OK || full || !al_band_touched(&r->band, r->blk, r->nblk) ||
            width * 4 > (n > m ? n : m))
            break;
        width *= 2;
        pair_run_free(r);
    }
    free(ai);
    free(aj);
    return st;
}

static double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

/* The best 1-1 score a sentence could have with any sentence of the other side nearby. */
static double best_link(const pair_run *r, size_t i, int src_side)
{
    double best = -INFINITY;
    const al_pairs *pm = &r->pm;
    if (src_side) {
        for (uint32_t j = pm->lo[i]; j < pm->hi[i]; j++) {
            double v = al_block_score(&r->sc, i, 1, j, 1);
            if (v > best)
                best = v;
        }
    } else {
        for (size_t x = 0; x < pm->n; x++)
            if (i >= pm->lo[x] && i < pm->hi[x]) {
                double v = al_block_score(&r->sc, x, 1, i, 1);
                if (v > best)
                    best = v;
            }
    }
    return best;
}

/* The best 1-1 score of src i with a tgt sentence near it other than j (src_side), or of tgt j
 * with a src sentence other than i. */
static double best_other(const pair_run *r, size_t i, size_t j, int src_side)
{
    double best = -INFINITY;
    const al_pairs *pm = &r->pm;
    if (src_side) {
        for (uint32_t y = pm->lo[i]; y < pm->hi[i]; y++)
            if (y != j) {
                double v = al_block_score(&r->sc, i, 1, y, 1);
                best = v > best ? v : best;
            }
    } else {
        for (size_t x = 0; x < pm->n; x++)
            if (x != i && j >= pm->lo[x] && j < pm->hi[x]) {
                double v = al_block_score(&r->sc, x, 1, j, 1);
                best = v > best ? v : best;
            }
    }
    return best;
}

/* A weak 1-1 link whose two sentences each have a clearly better partner nearby (taken by a
 * neighbouring link) is more likely two sentences without counterpart that the search paired
 * because they were left over: split it when its margin over the two omissions is below `lam`
 * times how much better the worse of the two other partners is. */
static dm_status split_leftover_links(pair_run *r, double lam)
{
    size_t extra = 0;
    uint8_t *split = calloc(r->nblk ? r->nblk : 1, 1);
    if (!split)
        return DM_ENOMEM;
    for (size_t k = 0; k < r->nblk; k++) {
        const al_block *b = &r->blk[k];
        if (b->a != 1 || b->b != 1)
            continue;
        double gap = b->score - al_block_score(&r->sc, b->i, 1, b->j, 0) - al_block_score(&r->sc, b->i, 0, b->j, 1);
        double as = best_other(r, b->i, b->j, 1), at = best_other(r, b->i, b->j, 0);
        double m = (as < at ? as : at) - b->score;
        if (m > 0 && gap < lam * m) {
            split[k] = 1;
            extra++;
        }
    }
    if (extra) {
        al_block *nb = malloc((r->nblk + extra) * sizeof *nb);
        if (!nb) {
            free(split);
            return DM_ENOMEM;
        }
        size_t q = 0;
        for (size_t k = 0; k < r->nblk; k++) {
            const al_block *b = &r->blk[k];
            if (!split[k]) {
                nb[q++] = *b;
                continue;
            }
            nb[q++] = (al_block){b->i, 1, b->j, 0, al_block_score(&r->sc, b->i, 1, b->j, 0)};
            nb[q++] = (al_block){b->i + 1, 0, b->j, 1, al_block_score(&r->sc, b->i + 1, 0, b->j, 1)};
        }
        free(r->blk);
        r->blk = nb;
        r->nblk = q;
    }
    free(split);
    return DM_OK;
}

/* Sentences (pieces) a block holds on its src side less those on its tgt side. */
static int block_imbalance(const pair_run *r, const al_block *b)
{
    int d = 0;
    for (uint32_t x = 0; x < b->a; x++)
        d += r->sc.src->sent[b->i + x].npiece;
    for (uint32_t y = 0; y < b->b; y++)
        d -= r->sc.tgt->sent[b->j + y].npiece;
    return d;
}

/* Two neighbouring blocks that hold more sentences (counting the ends inside lines) on one side,
 * the first on one side and the second on the other, and as many on both together, are one block
 * whose sentence boundary falls in different places on the two sides (A | B C against A B | C):
 * scored apart, each leaves out a piece of a longer line, and the pieces left out are each
 * other's translations. A sentence without counterpart joins its neighbour so only when the
 * joined block scores at most cross_margin below the two (news articles put sentences without
 * counterpart beside lines that hold a sentence whose own counterpart was left out). */
static void join_crossed_links(pair_run *r)
{
    size_t q = 0;
    int wide = r->sc.par.cross_join > 1; /* any two blocks, not only 1-1 links */
    for (size_t k = 0; k < r->nblk; k++) {
        const al_block b1 = r->blk[k];
        if (k + 1 < r->nblk) {
            const al_block *b2 = &r->blk[k + 1];
            uint32_t a = b1.a + b2->a, b = b1.b + b2->b;
            int ok = wide ? a >= 1 && b >= 1 && a + b <= 5 && a <= 3 && b <= 3
                          : b1.a == 1 && b1.b == 1 && b2->a == 1 && b2->b == 1;
            int d1 = block_imbalance(r, &b1), d2 = block_imbalance(r, b2);
            double joined = ok ? al_block_score(&r->sc, b1.i, a, b1.j, b) : 0;
            if (ok && wide && r->sc.par.cross_margin > 0 && (!b1.a || !b1.b || !b2->a || !b2->b) &&
                joined < b1.score + b2->score - r->sc.par.cross_margin)
                ok = 0;
            if (ok && ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && (!wide || d1 + d2 == 0)) {
                r->blk[q++] = (al_block){b1.i, a, b1.j, b, joined};
                k++;
                continue;
            }
        }
        r->blk[q++] = b1;
    }
    r->nblk = q;
}

/* Developers' aid: DM_ALIGN_DUMP prints the evidence of every 1-1 block (its tokens with 3:
 * align_dump.c). */
static void dump_links(const dm_aligner *al, size_t pk, const al_pair *p, const pair_run *r)
{
    for (size_t k = 0; k < r->nblk; k++) {
        const al_block *b = &r->blk[k];
        if (b->a != 1 || b->b != 1)
            continue;
        double lex, len, M, W;
        al_block_parts(&r->sc, b->i, 1, b->j, 1, &lex, &len, &M, &W);
        uint64_t ms = 0, mt = 0;
        if (b->j >= r->pm.lo[b->i] && b->j < r->pm.hi[b->i]) {
            size_t q = r->pm.off[b->i] + (b->j - r->pm.lo[b->i]);
            ms = r->pm.ms[q];
            mt = r->pm.mt[q];
        }
        int ns = 0, nsm = 0, nt = 0, ntm = 0;
        const al_sent *s = &p->src.sent[b->i], *t = &p->tgt.sent[b->j];
        for (uint32_t x = 0; x < s->ntok; x++)
            if (p->src.tok[s->tok0 + x].kind == DM_TOK_NUMBER) {
                ns++;
                nsm += (int)((ms >> (x < 63 ? x : 63)) & 1);
            }
        for (uint32_t x = 0; x < t->ntok; x++)
            if (p->tgt.tok[t->tok0 + x].kind == DM_TOK_NUMBER) {
                nt++;
                ntm += (int)((mt >> (x < 63 ? x : 63)) & 1);
            }
        if (atoi(getenv("DM_ALIGN_DUMP")) > 1) { /* the words each side leaves unmatched */
            for (int side = 0; side < 2; side++) {
                const al_doc *d = side ? &p->tgt : &p->src;
                const al_sent *x = side ? t : s;
                uint64_t m = side ? mt : ms;
                fprintf(stderr, "U%d", side);
                for (uint32_t q = 0; q < x->ntok; q++) {
                    size_t fl;
                    const char *f = al_vocab_str(al->env.voc, d->tok[x->tok0 + q].form, &fl);
                    fprintf(stderr, " %s%.*s", (m >> (q < 63 ? q : 63)) & 1 ? "+" : "-", (int)fl, f);
                }
                fprintf(stderr, "\n");
            }
        }
        if (atoi(getenv("DM_ALIGN_DUMP")) == 3) /* tokens: weight, matched, sentences met */
            al_dump_link_tokens(&r->sc, pk, b->i, b->j);
        double alt_s = best_other(r, b->i, b->j, 1), alt_t = best_other(r, b->i, b->j, 0);
        double ord = al_order_block(&r->pm, &p->src, &p->tgt, b->i, 1, b->j, 1, r->sc.par.ord_lr, r->sc.par.ord_loglr);
        fprintf(stderr, "L %zu %u %u %.3f %.3f %.3f %.3f %d %d %d %d %u %u %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f",
                pk, b->i, b->j, lex, len, M, W, ns, nsm, nt, ntm, s->nchar, t->nchar,
                al_block_score(&r->sc, b->i, 1, b->j, 0), al_block_score(&r->sc, b->i, 0, b->j, 1),
                r->sc.par.p0, r->sc.par.p1, r->sc.par.q0n, r->sc.par.q1n, alt_s, alt_t, ord);
        /* per side: matched in the link, matched anywhere in the other document, all (no numbers) */
        fprintf(stderr, " %.3f %.3f %.3f %.3f %.3f %.3f\n", al_mask_weight(&p->src, b->i, ms & ~s->nummask),
                al_mask_weight(&p->src, b->i, s->live & ~s->nummask), s->wsum - s->wnum,
                al_mask_weight(&p->tgt, b->j, mt & ~t->nummask), al_mask_weight(&p->tgt, b->j, t->live & ~t->nummask),
                t->wsum - t->wnum);
    }
}

/* Developers' aid: DM_ALIGN_BLOCKS="i,a,j,b;..." prints those blocks' scores and parts. */
static void explain_blocks(size_t pk, const pair_run *r, const char *spec)
{
    unsigned i, a, j, b;
    int used;
    while (sscanf(spec, "%u,%u,%u,%u%n", &i, &a, &j, &b, &used) == 4) {
        if (i + a <= r->pm.n && j + b <= r->band.m && (a || b)) {
            double lex = 0, len = 0, M = 0, W = 0;
            if (a && b)
                al_block_parts(&r->sc, i, a, j, b, &lex, &len, &M, &W);
            fprintf(stderr, "block %u+%u %u+%u score %.3f lex %.3f len %.3f M %.2f W %.2f pair %zu\n", i, a, j, b,
                    al_block_score(&r->sc, i, a, j, b), lex, len, M, W, pk);
        }
        spec += used;
        if (*spec != ';')
            break;
        spec++;
    }
}

/* Developers' aid: DM_ALIGN_CROSS prints, for every two adjacent blocks, the cross evidence. */
static void dump_cross(size_t pk, const pair_run *r)
{
    for (size_t k = 0; k + 1 < r->nblk; k++) {
        const al_block *b1 = &r->blk[k], *b2 = &r->blk[k + 1];
        unsigned a = b1->a + b2->a, b = b1->b + b2->b;
        if (a > 4 || b > 4 || !a || !b)
            continue;
        double X, U, E, alt = 0;
        al_cross_evidence(&r->sc, b1, b2, &X, &U, &E);
        if (a == 1 && b == 1) { /* two omissions side by side: how their link compares */
            size_t i = b1->a ? b1->i : b2->i, j = b1->b ? b1->j : b2->j;
            double as = best_other(r, i, j, 1), at = best_other(r, i, j, 0);
            alt = (as < at ? as : at) - al_block_score(&r->sc, i, 1, j, 1);
        }
        fprintf(stderr, "X %zu %u %u %u %u %u %u %u %u %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f\n", pk, b1->i, b1->a,
                b1->j, b1->b, b2->i, b2->a, b2->j, b2->b, X, U, E, r->sc.par.p0, r->sc.par.p1,
                al_block_score(&r->sc, b1->i, a, b1->j, b), b1->score + b2->score, alt);
    }
}

static dm_status keep_blocks(dm_aligner *al, size_t pk, al_pair *p, const pair_run *r)
{
    if (getenv("DM_ALIGN_BLOCKS"))
        explain_blocks(pk, r, getenv("DM_ALIGN_BLOCKS"));
    free(p->blocks);
    p->blocks = malloc((r->nblk ? r->nblk : 1) * sizeof *p->blocks);
    if (!p->blocks)
        return dm_fail(al->ctx, DM_ENOMEM, "alignment blocks");
    for (size_t k = 0; k < r->nblk; k++) {
        const al_block *b = &r->blk[k];
        dm_align_block *o = &p->blocks[k];
        o->src_start = b->i;
        o->src_n = b->a;
        o->tgt_start = b->j;
        o->tgt_n = b->b;
        if (b->a && b->b) {
            double prior = r->sc.par.shape[b->a][b->b];
            o->score = sigmoid(b->score - prior);
        } else {
            /* confident in a sentence without counterpart when it links well nowhere near */
            double bl = b->a ? best_link(r, b->i, 1) : best_link(r, b->j, 0);
            o->score = bl == -INFINITY ? 1.0 : sigmoid(-bl);
        }
    }
    p->nblocks = r->nblk;
    assert(al_blocks_valid(r->blk, r->nblk, p->src.n, p->tgt.n));
    return DM_OK;
}

/* --- the run --------------------------------------------------------------------------------- */

static dm_status compute_weights(dm_aligner *al)
{
    size_t nv = al_vocab_size(al->env.voc);
    uint32_t *dfs = calloc(nv ? nv : 1, sizeof *dfs), *dft = calloc(nv ? nv : 1, sizeof *dft);
    uint32_t *local = calloc(nv ? nv : 1, sizeof *local);
    if (!dfs || !dft || !local) {
        free(dfs);
        free(dft);
        free(local);
        return DM_ENOMEM;
    }
    double ns = 0, nt = 0;
    for (size_t k = 0; k < al->n; k++) {
        al_doc_count_df(&al->pairs[k].src, dfs);
        al_doc_count_df(&al->pairs[k].tgt, dft);
        ns += (double)al->pairs[k].src.n;
        nt += (double)al->pairs[k].tgt.n;
    }
    for (size_t k = 0; k < al->n; k++) {
        al_doc_weights(&al->pairs[k].src, dfs, ns, local);
        al_doc_weights(&al->pairs[k].tgt, dft, nt, local);
    }
    free(dfs);
    free(dft);
    free(local);
    return DM_OK;
}

/* Does pair k take part in this pass: every pair, or (only_unbridged) those no lexicon bridges? */
static int in_pass(dm_aligner *al, size_t k, int only_unbridged)
{
    return !only_unbridged || !al_pair_bridged(&al->env, &al->pairs[k].src);
}

/* Is some pair of the batch bridged by no lexicon (al_pair_bridged)? Only those learn over stems
 * and learn further rounds. */
static int any_unbridged(dm_aligner *al)
{
    for (size_t k = 0; k < al->n; k++)
        if (!al_pair_bridged(&al->env, &al->pairs[k].src))
            return 1;
    return 0;
}

static dm_status concepts_all(dm_aligner *al, int learned, int only_unbridged)
{
    for (size_t k = 0; k < al->n; k++) {
        if (!in_pass(al, k, only_unbridged))
            continue;
        dm_status st = al_doc_concepts(&al->env, &al->pairs[k].src, learned);
        if (st == DM_OK)
            st = al_doc_concepts(&al->env, &al->pairs[k].tgt, 0);
        if (st != DM_OK)
            return st;
    }
    dm_status st = al_marks_reserve(&al->mks, al_vocab_size(al->env.voc));
    if (st == DM_OK)
        st = al_marks_reserve(&al->mkt, al_vocab_size(al->env.voc));
    if (st == DM_OK)
        st = al_posmap_reserve(&al->pos, al_vocab_size(al->env.voc));
    if (st != DM_OK)
        return dm_fail(al->ctx, st, "concept marks");
    for (size_t k = 0; k < al->n; k++) {
        if (!in_pass(al, k, only_unbridged))
            continue;
        doc_matches(al, &al->pairs[k]);
        sample_unrelated(al, &al->pairs[k]);
    }
    return DM_OK;
}

/* Forms of the informative words of sentences i..i+a-1 (stop words carry little and cost much),
 * or their learning units (al_learn_unit: stems) with `units`. */
static dm_status informative_forms(al_env *env, const al_doc *d, size_t i, size_t a, int units, uint32_t *out,
                                   size_t cap, size_t *n)
{
    *n = 0;
    for (size_t x = i; x < i + a; x++) {
        const al_sent *s = &d->sent[x];
        for (uint32_t k = 0; k < s->ntok && *n < cap; k++) {
            const al_tok *t = &d->tok[s->tok0 + k];
            if (t->kind != DM_TOK_WORD || t->w < 1.2f)
                continue;
            uint32_t u = t->form;
            if (units) {
                dm_status st = al_learn_unit(env, t->form, &u);
                if (st != DM_OK)
                    return st;
            }
            out[(*n)++] = u;
        }
    }
    return DM_OK;
}

/* IBM Model 1 both ways over the confident blocks of every pair (or of the pairs no lexicon
 * bridges, with only_unbridged), over forms or over units. */
static dm_status train_model(dm_aligner *al, pair_run *runs, int units, int only_unbridged, al_ibm **out)
{
    *out = NULL;
    al_ibm_trainer *fwd = al_ibm_trainer_new(), *rev = al_ibm_trainer_new();
    if (!fwd || !rev) {
        al_ibm_trainer_free(fwd);
        al_ibm_trainer_free(rev);
        return DM_ENOMEM;
    }
    uint32_t fs[64], ft[64];
    dm_status st = DM_OK;
    for (size_t k = 0; k < al->n && st == DM_OK; k++) {
        al_pair *p = &al->pairs[k];
        pair_run *r = &runs[k];
        if (!in_pass(al, k, only_unbridged))
            continue;
        for (size_t q = 0; q < r->nblk && st == DM_OK; q++) {
            const al_block *b = &r->blk[q];
            if (!b->a || !b->b)
                continue;
            double lex, len, M, W;
            al_block_parts(&r->sc, b->i, b->a, b->j, b->b, &lex, &len, &M, &W);
            if (lex + len < 0)
                continue;
            size_t ns = 0, nt = 0;
            st = informative_forms(&al->env, &p->src, b->i, b->a, units, fs, 64, &ns);
            if (st == DM_OK)
                st = informative_forms(&al->env, &p->tgt, b->j, b->b, units, ft, 64, &nt);
            if (st == DM_OK)
                st = al_ibm_add(fwd, fs, ns, ft, nt);
            if (st == DM_OK)
                st = al_ibm_add(rev, ft, nt, fs, ns);
        }
    }
    al_ibm *mf = NULL, *mr = NULL;
    if (st == DM_OK)
        st = al_ibm_train(fwd, 5, LEARN_MIN_PROB, &mf);
    if (st == DM_OK)
        st = al_ibm_train(rev, 5, LEARN_MIN_PROB, &mr);
    if (st == DM_OK)
        st = al_ibm_union(mf, mr, out);
    al_ibm_free(mf);
    al_ibm_free(mr);
    al_ibm_trainer_free(fwd);
    al_ibm_trainer_free(rev);
    return st;
}

/* The translations of forms from every pair (only_unbridged: from the pairs no lexicon bridges,
 * the only ones that a further round realigns), and of units from the pairs no lexicon bridges,
 * the only ones that use them: an English word's translations are then not spread over the
 * languages the lexicons already serve (a batch of ntrex with Turkish unbridged: Turkish omission
 * F1 0.809 -> 0.813, 21.0 -> 12.3 s user). */
static dm_status learn_translations(dm_aligner *al, pair_run *runs, int only_unbridged)
{
    al_ibm *m = NULL, *mu = NULL;
    dm_status st = train_model(al, runs, 0, only_unbridged, &m);
    /* and over stems, whose inflected forms pool their evidence (learn_units), when a pair has no
     * lexicon to bridge it (al_pair_bridged) */
    if (st == DM_OK && al->pairs[0].par.learn_units > 0 && any_unbridged(al))
        st = train_model(al, runs, 1, 1, &mu);
    if (st != DM_OK) {
        al_ibm_free(m);
        return dm_fail(al->ctx, st, "learning word translations");
    }
    if (getenv("DM_ALIGN_DEBUG")) {
        size_t nt = 0, ns = 0;
        for (uint32_t f = 0; f < al_vocab_size(al->env.voc); f++) {
            size_t q;
            al_ibm_lookup(m, f, &q);
            nt += q;
            ns += q > 0;
        }
        fprintf(stderr, "ibm: %zu src words, %zu translations\n", ns, nt);
    }
    al_ibm_free(al->ibm_units);
    al->ibm_units = mu;
    al->env.ibm_units = mu;
    al_ibm_free(al->ibm);
    al->ibm = m;
    al->env.ibm = m;
    return DM_OK;
}

static dm_status align_all(dm_aligner *al, pair_run *runs, int have_links, int only_unbridged)
{
    pool_groups(al);
    for (size_t k = 0; k < al->n; k++) {
        if (!in_pass(al, k, only_unbridged))
            continue;
        al_pair *p = &al->pairs[k];
        pair_params(al, p, have_links);
        al_block *prev = runs[k].blk;
        size_t nprev = runs[k].nblk;
        runs[k].blk = NULL;
        pair_run_free(&runs[k]);
        dm_status st = align_pair(al, p, &runs[k], prev, nprev);
        free(prev);
        if (st != DM_OK)
            return dm_fail(al->ctx, st, "aligning pair %zu", k);
        link_stats(al, p, &runs[k].sc, runs[k].blk, runs[k].nblk);
        if (getenv("DM_ALIGN_ORDER") && p->par.ord_on && (k == 0 || p->group != al->pairs[k - 1].group)) {
            fprintf(stderr, "order %s", al->groups[p->group].key);
            for (int b = 0; b < AL_ORDER_BINS; b++)
                fprintf(stderr, " %.2f", p->par.ord_lr[b]);
            fprintf(stderr, "\n");
        }
        if (getenv("DM_ALIGN_DEBUG"))
            fprintf(stderr, "pair %zu n=%zu m=%zu ratio %.3f p0 %.3f p1 %.3f q0n %.3f q1n %.3f blocks %zu\n", k,
                    p->src.n, p->tgt.n, p->par.ratio, p->par.p0, p->par.p1, p->par.q0n, p->par.q1n, runs[k].nblk);
    }
    return DM_OK;
}

/* Every 1-1 link tested again against two omissions by where its words meet the other side
 * (align_omit.c), at the rate of its pair, shrunk towards its language group's. */
static dm_status retest_links(dm_aligner *al, pair_run *runs)
{
    if (!al->n || al->pairs[0].par.retest <= 0)
        return DM_OK;
    double *h = calloc(al->n + al->ngroups, sizeof *h), *t = calloc(al->n + al->ngroups, sizeof *t);
    dm_status st = h && t ? DM_OK : DM_ENOMEM;
    for (size_t k = 0; k < al->n && st == DM_OK; k++) {
        al_omit_count(&runs[k].sc, runs[k].blk, runs[k].nblk, &h[k], &t[k]);
        h[al->n + al->pairs[k].group] += h[k];
        t[al->n + al->pairs[k].group] += t[k];
    }
    for (size_t k = 0; k < al->n && st == DM_OK; k++) {
        size_t g = al->n + al->pairs[k].group;
        double K = al->pairs[k].par.retest_prior, gpi = t[g] > 0 ? h[g] / t[g] : 0.5;
        double pi = (h[k] + K * gpi) / (t[k] + K);
        if (getenv("DM_ALIGN_DEBUG"))
            fprintf(stderr, "retest pair %zu pi %.3f (group %.3f)\n", k, pi, gpi);
        if (getenv("DM_ALIGN_RETEST"))
            fprintf(stderr, "P %zu\n", k);
        st = al_omit_retest(&runs[k].sc, &runs[k].blk, &runs[k].nblk, pi);
    }
    free(h);
    free(t);
    return st == DM_OK ? DM_OK : dm_fail(al->ctx, st, "retesting links");
}

static dm_status join_by_crossing(dm_aligner *al, pair_run *r, int omissions)
{
    dm_status st = al_join_by_crossing(&r->sc, r->blk, &r->nblk, omissions);
    return st == DM_OK ? DM_OK : dm_fail(al->ctx, st, "joining blocks whose words cross");
}

dm_status dm_aligner_run(dm_aligner *al)
{
    if (al->ran)
        return dm_fail(al->ctx, DM_EINVAL, "the aligner has already run");
    pair_run *runs = calloc(al->n ? al->n : 1, sizeof *runs);
    if (!runs)
        return dm_fail(al->ctx, DM_ENOMEM, "aligner runs");
    dm_status st = compute_weights(al);
    if (st == DM_OK)
        st = make_groups(al);
    if (st == DM_OK)
        st = concepts_all(al, 0, 0);
    /* first alignment, then again with p1 measured on it */
    if (st == DM_OK)
        st = align_all(al, runs, 0, 0);
    if (st == DM_OK)
        st = align_all(al, runs, 1, 0);
    /* learn word translations from the alignment, realign, and again from the better one; the
     * pairs that no lexicon bridges, which have nothing else, learn learn_more rounds more */
    int rounds = al->opt.no_learning ? 0 : LEARN_ROUNDS;
    int more = rounds && al->n && any_unbridged(al) ? (int)al->pairs[0].par.learn_more : 0;
    for (int round = 0; round < rounds + more && st == DM_OK; round++) {
        int only = round >= rounds;
        st = learn_translations(al, runs, only);
        if (st == DM_OK)
            st = concepts_all(al, 1, only);
        if (st == DM_OK)
            st = align_all(al, runs, 1, only);
    }
    if (st == DM_OK && rounds)
        st = align_all(al, runs, 1, 0);
    for (size_t k = 0; k < al->n && st == DM_OK; k++) {
        if (getenv("DM_ALIGN_DUMP"))
            dump_links(al, k, &al->pairs[k], &runs[k]);
        if (getenv("DM_ALIGN_CROSS"))
            dump_cross(k, &runs[k]);
        if (al->pairs[k].par.cross_join > 0)
            join_crossed_links(&runs[k]);
        if (isfinite(al->pairs[k].par.xjoin))
            st = join_by_crossing(al, &runs[k], 1);
    }
    if (st == DM_OK)
        st = retest_links(al, runs);
    for (size_t k = 0; k < al->n && st == DM_OK; k++) {
        /* after the retest: a weak link it splits into two omissions is not part of a crossing */
        if (isfinite(al->pairs[k].par.xjoin))
            st = join_by_crossing(al, &runs[k], 0);
        if (st == DM_OK && al->pairs[k].par.split_lam > 0)
            st = split_leftover_links(&runs[k], al->pairs[k].par.split_lam);
        if (st != DM_OK)
            break;
        st = keep_blocks(al, k, &al->pairs[k], &runs[k]);
    }
    for (size_t k = 0; k < al->n; k++)
        pair_run_free(&runs[k]);
    free(runs);
    if (st == DM_OK)
        al->ran = 1;
    return st;
}

dm_status dm_align(dm_ctx *ctx, const dm_align_opts *opt, const char *const *src,
                   const size_t *src_len, size_t n_src, const char *const *tgt,
                   const size_t *tgt_len, size_t n_tgt, dm_align_block **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    dm_aligner *al;
    dm_status st = dm_aligner_new(ctx, opt, &al);
    if (st != DM_OK)
        return st;
    st = dm_aligner_add(al, src, src_len, n_src, tgt, tgt_len, n_tgt, NULL, NULL);
    if (st == DM_OK)
        st = dm_aligner_run(al);
    if (st == DM_OK) {
        al_pair *p = &al->pairs[0];
        *out = p->blocks;
        *n = p->nblocks;
        p->blocks = NULL;
        if (!*out) {
            *out = malloc(sizeof **out);
            if (!*out)
                st = DM_ENOMEM;
        }
    }
    dm_aligner_free(al);
    return st;
}
