/*
 * link_coll.c -- a collection ready for linking: every document analysed, the evidence weighed,
 * the candidate pairs found and scored. Also the parameters, in one place.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

void lk_release(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

void lk_params_default(lk_params *p)
{
    p->alpha[LK_NUM] = 1.0f;
    p->alpha[LK_KEY] = 1.0f;
    p->alpha[LK_GRAM] = 1.0f;
    p->alpha[LK_PIVOT] = 1.0f;
    p->k_per_lang = 6;
    p->probe_feats = 24;
    p->posting_cap = 256;
    p->min_sim = 0.02f;
    p->min_score = 1.2f;
    p->dup_sim = 0.8f;
    p->merge_avg = 0.3f;
    p->attach_avg = 0.1f;
}

static void mean_chars(lk_coll *c)
{
    for (size_t l = 0; l < c->nlangs; l++)
        c->langs[l].mean_chars = 0;
    for (size_t i = 0; i < c->n; i++)
        c->langs[c->d[i].lang].mean_chars += c->d[i].nchar + 1.0;
    for (size_t l = 0; l < c->nlangs; l++)
        if (c->langs[l].ndocs)
            c->langs[l].mean_chars /= c->langs[l].ndocs;
}

static void choose_pivot(lk_coll *c)
{
    /* English when present (the shipped lexicons' pivot), else the language with most documents */
    c->pivot_lang = -1;
    for (size_t l = 0; l < c->nlangs; l++)
        if (!strcmp(c->langs[l].code, "en"))
            c->pivot_lang = (int)l;
    if (c->pivot_lang >= 0)
        return;
    for (size_t l = 0; l < c->nlangs; l++)
        if (c->pivot_lang < 0 || c->langs[l].ndocs > c->langs[c->pivot_lang].ndocs)
            c->pivot_lang = (int)l;
}

dm_status lk_coll_init(dm_ctx *ctx, lk_coll *c)
{
    memset(c, 0, sizeof *c);
    c->ctx = ctx;
    lk_wtab_init();
    lk_params_default(&c->prm);
    c->threads = lk_threads();
    dm_status st = lk_map_init(&c->feats.map, 1 << 16);
    if (st == DM_OK)
        st = lk_map_init(&c->words.map, 1 << 16);
    if (st != DM_OK)
        return dm_fail(ctx, st, "no memory for a linker");
    lk_tick(c, NULL);
    return DM_OK;
}

dm_status lk_coll_add(lk_coll *c, const dm_doc *docs, size_t n)
{
    return lk_docs_analyse(c, docs, n);
}

const char *lk_doc_id(const lk_coll *c, uint32_t i) { return c->ids.p ? c->ids.p + c->d[i].id : ""; }

dm_status lk_coll_prepare(lk_coll *c)
{
    lk_tick(c, "analyse");
    lk_mem_report(c, "analysed");
    if (getenv("DM_LINK_TIMING"))
        fprintf(stderr, "link: %zu of %zu documents identified by the model, %zu languages\n", c->n_langid,
                c->n, c->nlangs);
    mean_chars(c);
    choose_pivot(c);
    dm_status st = lk_weigh(c, ~0);
    if (st != DM_OK)
        return st;
    lk_release();
    lk_tick(c, "weigh");
    lk_mem_report(c, "weighed");
    return DM_OK;
}

dm_status lk_coll_finish(lk_coll *c)
{
    dm_status st = lk_coll_prepare(c);
    if (st != DM_OK)
        return st;
    st = lk_candidates(c);
    if (st != DM_OK)
        return st;
    lk_release();
    lk_tick(c, "candidates");
    lk_score_pairs(c);
    lk_tick(c, "score");
    return DM_OK;
}

void lk_coll_free(lk_coll *c)
{
    if (c->d)
        for (size_t i = 0; i < c->cap; i++) { /* a failed block may have left some past n */
            free(c->d[i].f);
            free(c->d[i].nums);
            free(c->d[i].words);
        }
    free(c->d);
    free(c->ids.p);
    lk_map_free(&c->feats.map);
    free(c->feats.df);
    free(c->feats.lmask);
    free(c->feats.kind);
    free(c->feats.str);
    free(c->feats.strs.p);
    lk_map_free(&c->words.map);
    free(c->words.w);
    free(c->words.grams);
    free(c->words.strs.p);
    free(c->langs);
    lk_map_free(&c->lang_seen);
    lk_map_free(&c->lang_first);
    lk_map_free(&c->lang_votes);
    free(c->pairs);
    lk_map_free(&c->lex_map);
    free(c->lex_fw);
    for (size_t i = 0; c->saved && i < c->saved_cap; i++)
        free(c->saved[i].p);
    free(c->saved);
    free(c->kept);
    memset(c, 0, sizeof *c);
}
