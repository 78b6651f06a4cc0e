/*
 * mine.c -- parallel sentence mining (dm_mine): for each src sentence, its translation among
 * all tgt sentences.
 *
 * The same evidence as alignment (forms, name keys across scripts, numbers, lexicon pivots,
 * translations learned from the input), with no order to lean on:
 *   candidates: an inverted index from concepts to tgt sentences; each src sentence adds the
 *     weights of its tokens over the postings, and only the best few candidates are scored
 *     exactly (rare concepts only: a concept in too many sentences finds nothing);
 *   similarity: matched share of the token weight of both sentences, less a length mismatch;
 *   margin: CSLS, 2 sim(x,y) - r(x) - r(y), r the mean similarity of each side's nearest
 *     neighbours, so that hub sentences that resemble everything do not win everywhere;
 *   learning: the mutual best pairs train IBM Model 1, whose translations join the concepts,
 *     and the search runs again.
 */
#include "align/align_internal.h"
#include "align/align_lexicon.h"
#include "text/text.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define N_CAND 160 /* candidates scored exactly per src sentence */
#define N_NEIGH 3 /* nearest neighbours in the CSLS margin */

typedef struct cand {
    uint32_t j;
    float sim;
} cand;

typedef struct miner {
    al_env env;
    al_doc src, tgt;
    size_t n, m;
    double ratio;
    /* inverted index of tgt concepts */
    uint32_t *post_off, *post;
    size_t ncap;
    cand *cands; /* N_CAND per src sentence */
    float *margin; /* the CSLS margin of each candidate */
    uint32_t *ncands;
    al_marks mks, mkt;
} miner;

static void miner_free(miner *x)
{
    al_doc_free(&x->src);
    al_doc_free(&x->tgt);
    free(x->post_off);
    free(x->post);
    free(x->cands);
    free(x->margin);
    free(x->ncands);
    al_marks_free(&x->mks);
    al_marks_free(&x->mkt);
    al_env_free(&x->env);
}

static dm_status build_index(miner *x)
{
    free(x->post_off);
    free(x->post);
    x->post = NULL;
    size_t cap = al_vocab_size(x->env.voc) + 1;
    x->ncap = cap;
    x->post_off = calloc(cap + 1, sizeof *x->post_off);
    dm_status st = al_marks_reserve(&x->mkt, cap);
    if (!x->post_off || st != DM_OK)
        return DM_ENOMEM;
    /* count each concept once per sentence (marks dedupe), then fill */
    for (int pass = 0; pass < 2; pass++) {
        uint32_t *fill = NULL;
        if (pass) {
            for (size_t c = 0; c < cap; c++)
                x->post_off[c + 1] += x->post_off[c];
            x->post = malloc((x->post_off[cap] ? x->post_off[cap] : 1) * sizeof *x->post);
            fill = malloc(cap * sizeof *fill);
            if (!x->post || !fill) {
                free(fill);
                return DM_ENOMEM;
            }
            memcpy(fill, x->post_off, cap * sizeof *fill);
        }
        for (size_t j = 0; j < x->m; j++) {
            if (++x->mkt.stamp == 0) {
                memset(x->mkt.mark, 0, x->mkt.cap * sizeof *x->mkt.mark);
                x->mkt.stamp = 1;
            }
            const al_sent *s = &x->tgt.sent[j];
            for (uint32_t k = 0; k < s->ntok; k++) {
                const al_tok *t = &x->tgt.tok[s->tok0 + k];
                for (uint16_t q = 0; q < t->nc; q++) {
                    uint32_t c = x->tgt.conc[t->c0 + q];
                    if (x->mkt.mark[c] == x->mkt.stamp)
                        continue;
                    x->mkt.mark[c] = x->mkt.stamp;
                    if (pass)
                        x->post[fill[c]++] = (uint32_t)j;
                    else
                        x->post_off[c + 1]++;
                }
            }
        }
        free(fill);
    }
    return DM_OK;
}

static float similarity(miner *x, size_t i, size_t j)
{
    al_marks_set_sentence(&x->mkt, &x->tgt, j);
    float ms = al_matched_weight(&x->mkt, &x->src, i);
    float mt = al_matched_weight(&x->mks, &x->tgt, j);
    double ws = x->src.sent[i].wsum, wt = x->tgt.sent[j].wsum;
    double sim = (ms + mt) / (ws + wt + 1.0);
    double ls = x->src.sent[i].nchar + 1.0, lt = x->tgt.sent[j].nchar + 1.0;
    sim -= 0.2 * fabs(log(lt / (x->ratio * ls)));
    return (float)sim;
}

static int cmp_cand_desc(const void *a, const void *b)
{
    float x = ((const cand *)a)->sim, y = ((const cand *)b)->sim;
    return x > y ? -1 : x < y;
}

/* Candidates of every src sentence, scored exactly. */
static dm_status find_candidates(miner *x)
{
    float *acc = calloc(x->m ? x->m : 1, sizeof *acc);
    uint32_t *touched = malloc((x->m ? x->m : 1) * sizeof *touched);
    uint32_t *last_tok = malloc((x->m ? x->m : 1) * sizeof *last_tok);
    cand *tmp = malloc((x->m ? x->m : 1) * sizeof *tmp);
    if (!acc || !touched || !last_tok || !tmp) {
        free(acc);
        free(touched);
        free(last_tok);
        free(tmp);
        return DM_ENOMEM;
    }
    memset(last_tok, 0xff, x->m * sizeof *last_tok);
    size_t max_df = x->m / 20 > 2000 ? x->m / 20 : 2000;
    for (size_t i = 0; i < x->n; i++) {
        size_t nt = 0;
        const al_sent *s = &x->src.sent[i];
        for (uint32_t k = 0; k < s->ntok; k++) {
            const al_tok *t = &x->src.tok[s->tok0 + k];
            uint32_t tid = s->tok0 + k;
            for (uint16_t q = 0; q < t->nc; q++) {
                uint32_t c = x->src.conc[t->c0 + q];
                if (c >= x->ncap)
                    continue;
                size_t df = x->post_off[c + 1] - x->post_off[c];
                if (df == 0 || df > max_df)
                    continue;
                for (uint32_t p = x->post_off[c]; p < x->post_off[c + 1]; p++) {
                    uint32_t j = x->post[p];
                    if (last_tok[j] == tid)
                        continue;
                    last_tok[j] = tid;
                    if (acc[j] == 0)
                        touched[nt++] = j;
                    acc[j] += t->w;
                }
            }
        }
        for (size_t q = 0; q < nt; q++) {
            tmp[q].j = touched[q];
            tmp[q].sim = acc[touched[q]] / (x->tgt.sent[touched[q]].wsum + 1.0f);
            acc[touched[q]] = 0;
        }
        size_t keep = nt < N_CAND ? nt : N_CAND;
        if (nt > keep)
            if (nt > 1) /* an empty array may be NULL */
                qsort(tmp, nt, sizeof *tmp, cmp_cand_desc);
        al_marks_set_sentence(&x->mks, &x->src, i);
        cand *out = x->cands + i * N_CAND;
        for (size_t q = 0; q < keep; q++) {
            out[q].j = tmp[q].j;
            out[q].sim = similarity(x, i, tmp[q].j);
        }
        if (keep > 1) /* an empty array may be NULL */
            qsort(out, keep, sizeof *out, cmp_cand_desc);
        x->ncands[i] = (uint32_t)keep;
    }
    free(acc);
    free(touched);
    free(last_tok);
    free(tmp);
    return DM_OK;
}

/* Best by CSLS margin; writes best[] and score[]. */
static dm_status choose(miner *x, size_t *best, double *score)
{
    float *rt = calloc(x->m ? x->m : 1, sizeof *rt);
    float *top = calloc((x->m ? x->m : 1) * N_NEIGH, sizeof *top);
    if (!rt || !top) {
        free(rt);
        free(top);
        return DM_ENOMEM;
    }
    /* each tgt sentence's nearest src neighbours, from the candidate lists */
    for (size_t k = 0; k < x->m * N_NEIGH; k++)
        top[k] = 0;
    for (size_t i = 0; i < x->n; i++) {
        const cand *c = x->cands + i * N_CAND;
        for (uint32_t q = 0; q < x->ncands[i]; q++) {
            float *t = top + (size_t)c[q].j * N_NEIGH;
            float v = c[q].sim;
            for (int r = 0; r < N_NEIGH; r++)
                if (v > t[r]) {
                    float tmp = t[r];
                    t[r] = v;
                    v = tmp;
                }
        }
    }
    for (size_t j = 0; j < x->m; j++) {
        float s = 0;
        for (int r = 0; r < N_NEIGH; r++)
            s += top[j * N_NEIGH + r];
        rt[j] = s / N_NEIGH;
    }
    for (size_t i = 0; i < x->n; i++) {
        const cand *c = x->cands + i * N_CAND;
        best[i] = SIZE_MAX;
        score[i] = 0;
        if (!x->ncands[i])
            continue;
        float rs = 0;
        for (uint32_t q = 0; q < N_NEIGH; q++)
            rs += q < x->ncands[i] ? c[q].sim : 0;
        rs /= N_NEIGH;
        double bv = -INFINITY;
        for (uint32_t q = 0; q < x->ncands[i]; q++) {
            double v = 2.0 * c[q].sim - rs - rt[c[q].j];
            x->margin[i * N_CAND + q] = (float)v;
            if (v > bv) {
                bv = v;
                best[i] = c[q].j;
            }
        }
        score[i] = bv;
    }
    free(rt);
    free(top);
    return DM_OK;
}

typedef struct link_cand {
    float margin;
    uint32_t i, j;
} link_cand;

static int cmp_link_desc(const void *a, const void *b)
{
    float x = ((const link_cand *)a)->margin, y = ((const link_cand *)b)->margin;
    return x > y ? -1 : x < y;
}

/* Competitive linking (Melamed): a translation is the translation of one sentence, so pairs are
 * taken best margin first, each sentence at most once; a src sentence whose candidates were all
 * taken keeps its own best. */
static dm_status link_competitively(miner *x, size_t *best, double *score)
{
    size_t total = 0;
    for (size_t i = 0; i < x->n; i++)
        total += x->ncands[i];
    link_cand *lc = malloc((total ? total : 1) * sizeof *lc);
    uint8_t *src_done = calloc(x->n ? x->n : 1, 1), *tgt_done = calloc(x->m ? x->m : 1, 1);
    if (!lc || !src_done || !tgt_done) {
        free(lc);
        free(src_done);
        free(tgt_done);
        return DM_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < x->n; i++)
        for (uint32_t q = 0; q < x->ncands[i]; q++) {
            lc[k].margin = x->margin[i * N_CAND + q];
            lc[k].i = (uint32_t)i;
            lc[k].j = x->cands[i * N_CAND + q].j;
            k++;
        }
    qsort(lc, total, sizeof *lc, cmp_link_desc);
    for (size_t q = 0; q < total; q++) {
        if (src_done[lc[q].i] || tgt_done[lc[q].j])
            continue;
        src_done[lc[q].i] = tgt_done[lc[q].j] = 1;
        best[lc[q].i] = lc[q].j;
        score[lc[q].i] = lc[q].margin;
    }
    free(lc);
    free(src_done);
    free(tgt_done);
    return DM_OK;
}

/* Mutual best pairs with a positive margin train Model 1; its translations join the concepts. */
static dm_status learn(miner *x, const size_t *best, const double *score, al_ibm **model)
{
    size_t *back = malloc((x->m ? x->m : 1) * sizeof *back);
    double *bscore = malloc((x->m ? x->m : 1) * sizeof *bscore);
    al_ibm_trainer *fwd = al_ibm_trainer_new(), *rev = al_ibm_trainer_new();
    al_ibm *mf = NULL, *mr = NULL;
    dm_status st = DM_ENOMEM;
    if (!back || !bscore || !fwd || !rev)
        goto done;
    for (size_t j = 0; j < x->m; j++) {
        back[j] = SIZE_MAX;
        bscore[j] = -INFINITY;
    }
    for (size_t i = 0; i < x->n; i++)
        if (best[i] != SIZE_MAX && score[i] > bscore[best[i]]) {
            bscore[best[i]] = score[i];
            back[best[i]] = i;
        }
    st = DM_OK;
    uint32_t fs[64], ft[64];
    for (size_t j = 0; j < x->m && st == DM_OK; j++) {
        size_t i = back[j];
        if (i == SIZE_MAX || bscore[j] <= 0)
            continue;
        size_t ns = 0, nt = 0;
        const al_sent *s = &x->src.sent[i], *t = &x->tgt.sent[j];
        for (uint32_t k = 0; k < s->ntok && ns < 64; k++)
            if (x->src.tok[s->tok0 + k].kind == DM_TOK_WORD)
                fs[ns++] = x->src.tok[s->tok0 + k].form;
        for (uint32_t k = 0; k < t->ntok && nt < 64; k++)
            if (x->tgt.tok[t->tok0 + k].kind == DM_TOK_WORD)
                ft[nt++] = x->tgt.tok[t->tok0 + k].form;
        st = al_ibm_add(fwd, fs, ns, ft, nt);
        if (st == DM_OK)
            st = al_ibm_add(rev, ft, nt, fs, ns);
    }
    if (st == DM_OK)
        st = al_ibm_train(fwd, 5, 0.3, &mf);
    if (st == DM_OK)
        st = al_ibm_train(rev, 5, 0.3, &mr);
    if (st == DM_OK)
        st = al_ibm_union(mf, mr, model);
done:
    free(back);
    free(bscore);
    al_ibm_free(mf);
    al_ibm_free(mr);
    al_ibm_trainer_free(fwd);
    al_ibm_trainer_free(rev);
    return st;
}

/* Sentences nothing links: the tgt sentence of the nearest expected length. */
static void by_length(const miner *x, size_t i, size_t *best)
{
    double want = x->ratio * x->src.sent[i].nchar, bd = INFINITY;
    for (size_t j = 0; j < x->m; j++) {
        double d = fabs(x->tgt.sent[j].nchar - want);
        if (d < bd) {
            bd = d;
            *best = j;
        }
    }
}

dm_status dm_mine(dm_ctx *ctx, const dm_align_opts *opt, const char *const *src,
                  const size_t *src_len, size_t n_src, const char *const *tgt,
                  const size_t *tgt_len, size_t n_tgt, size_t *best, double *score)
{
    dm_align_opts o = {0};
    if (opt)
        o = *opt;
    miner x;
    memset(&x, 0, sizeof x);
    x.n = n_src;
    x.m = n_tgt;
    al_ibm *model = NULL;
    uint32_t *local = NULL, *df = NULL;
    dm_status st = al_env_init(&x.env, ctx);
    if (st != DM_OK)
        return st;
    x.env.use_lexicon = !o.no_lexicon;
    st = al_doc_build(&x.env, &x.src, src, src_len, n_src);
    if (st == DM_OK)
        st = al_doc_build(&x.env, &x.tgt, tgt, tgt_len, n_tgt);
    if (st != DM_OK)
        goto done;
    if (o.src_lang)
        snprintf(x.src.lang, sizeof x.src.lang, "%s", o.src_lang);
    else
        al_guess_lang(&x.env, &x.src, src, src_len, n_src);
    if (o.tgt_lang)
        snprintf(x.tgt.lang, sizeof x.tgt.lang, "%s", o.tgt_lang);
    else
        al_guess_lang(&x.env, &x.tgt, tgt, tgt_len, n_tgt);
    x.ratio = (x.src.nchar_total > 0 && x.tgt.nchar_total > 0) ? x.tgt.nchar_total / x.src.nchar_total : 1;
    size_t nv = al_vocab_size(x.env.voc);
    local = calloc(nv + 1, sizeof *local);
    df = calloc(nv + 1, sizeof *df);
    x.cands = malloc((n_src ? n_src : 1) * N_CAND * sizeof *x.cands);
    x.ncands = calloc(n_src ? n_src : 1, sizeof *x.ncands);
    x.margin = malloc((n_src ? n_src : 1) * N_CAND * sizeof *x.margin);
    if (!local || !df || !x.cands || !x.ncands || !x.margin) {
        st = dm_fail(ctx, DM_ENOMEM, "mining");
        goto done;
    }
    al_doc_count_df(&x.src, df);
    al_doc_weights(&x.src, df, (double)n_src, local);
    memset(df, 0, (nv + 1) * sizeof *df);
    al_doc_count_df(&x.tgt, df);
    al_doc_weights(&x.tgt, df, (double)n_tgt, local);
    int rounds = o.no_learning ? 1 : 5;
    for (int r = 0; r < rounds && st == DM_OK; r++) {
        if (r) {
            al_ibm_free(model);
            model = NULL;
            st = learn(&x, best, score, &model);
            if (st != DM_OK)
                break;
            x.env.ibm = model;
        }
        st = al_doc_concepts(&x.env, &x.src, r > 0);
        if (st == DM_OK)
            st = al_doc_concepts(&x.env, &x.tgt, 0);
        if (st == DM_OK)
            st = al_marks_reserve(&x.mks, al_vocab_size(x.env.voc) + 1);
        if (st == DM_OK)
            st = build_index(&x);
        if (st == DM_OK)
            st = find_candidates(&x);
        if (st == DM_OK)
            st = choose(&x, best, score);
    }
    if (st == DM_OK && o.one_to_one)
        st = link_competitively(&x, best, score);
    if (st != DM_OK) {
        st = dm_fail(ctx, st, "mining");
        goto done;
    }
    for (size_t i = 0; i < n_src; i++)
        if (best[i] == SIZE_MAX && n_tgt)
            by_length(&x, i, &best[i]);
done:
    x.env.ibm = NULL;
    al_ibm_free(model);
    free(local);
    free(df);
    miner_free(&x);
    return st;
}
