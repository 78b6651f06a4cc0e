/*
 * link_api.c -- the public face of the linking stage (dragoman.h, "link" banner): a linker built
 * once over a collection, asked for story labels and for explanations of any pair.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Learning passes: each costs a candidate search; they stop when a pass brings in fewer than
 * MIN_GAIN of the documents. */
enum { MAX_PASSES = 4 };
static const double MIN_GAIN = 0.0;
/* ... or when at most this share of the documents changed story. */
static const double MIN_MOVED = 0.001;

/* Documents that share their story with another. */
static size_t docs_in_stories(const lk_coll *c, const uint32_t *label)
{
    uint32_t *size = calloc(c->n + 1, sizeof *size);
    if (!size)
        return 0;
    for (size_t i = 0; i < c->n; i++)
        size[label[i]]++;
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++)
        k += size[label[i]] > 1;
    free(size);
    return k;
}

/* Documents whose story is not the same between two labellings (a story named by its first
 * document). */
static size_t docs_moved(const lk_coll *c, const uint32_t *before, const uint32_t *after)
{
    uint32_t *first_b = malloc((c->n + 1) * sizeof *first_b), *first_a = malloc((c->n + 1) * sizeof *first_a);
    size_t moved = 0;
    if (first_b && first_a) {
        for (size_t i = 0; i < c->n; i++)
            first_b[i] = first_a[i] = LK_NONE;
        for (size_t i = 0; i < c->n; i++) {
            if (first_b[before[i]] == LK_NONE)
                first_b[before[i]] = (uint32_t)i;
            if (first_a[after[i]] == LK_NONE)
                first_a[after[i]] = (uint32_t)i;
            moved += first_b[before[i]] != first_a[after[i]];
        }
    } else
        moved = c->n;
    free(first_b);
    free(first_a);
    return moved;
}

void dm_linker_free(dm_linker *lk)
{
    if (!lk)
        return;
    lk_coll_free(&lk->c);
    free(lk->label);
    free(lk->relinked);
    free(lk->lex.p);
    free(lk->lex_rows);
    free(lk);
}

dm_status lk_learning_passes(lk_coll *c, uint32_t *label, lk_cluster_fn cluster, void *ud)
{
    /* a lexicon learned from the stories found, then the stories again: each pass learns from
     * the documents the previous one brought in, until few more join (at most MAX_PASSES) */
    size_t joined = docs_in_stories(c, label);
    if (getenv("DM_LINK_TIMING"))
        fprintf(stderr, "link: %zu documents in stories\n", joined);
    uint32_t *prev = malloc((c->n + 1) * sizeof *prev);
    dm_status st = prev ? DM_OK : dm_fail(c->ctx, DM_ENOMEM, "no memory for labels");
    for (int pass = 0; pass < MAX_PASSES && st == DM_OK; pass++) {
        dm_status ls = lk_learn_lexicon(c, label);
        if (ls == DM_ENOTFOUND)
            break;
        memcpy(prev, label, c->n * sizeof *prev);
        st = ls == DM_OK ? cluster(c, label, ud) : ls;
        lk_tick(c, "cluster");
        size_t now = st == DM_OK ? docs_in_stories(c, label) : joined;
        size_t moved = st == DM_OK ? docs_moved(c, prev, label) : 0;
        if (getenv("DM_LINK_TIMING"))
            fprintf(stderr, "link: %zu documents in stories, %zu moved\n", now, moved);
        if (now < joined + MIN_GAIN * (double)c->n || (double)moved <= MIN_MOVED * (double)c->n)
            break; /* fewer documents in stories, or the stories hardly changed: settled */
        joined = now;
    }
    free(prev);
    return st;
}

static dm_status cluster_all(lk_coll *c, uint32_t *label, void *ud)
{
    (void)ud;
    return lk_cluster(c, label);
}

dm_status dm_linker_begin(dm_ctx *ctx, dm_linker **out)
{
    *out = NULL;
    if (!ctx)
        return DM_EINVAL;
    dm_linker *lk = calloc(1, sizeof *lk);
    if (!lk)
        return dm_fail(ctx, DM_ENOMEM, "no memory for a linker");
    dm_status st = lk_coll_init(ctx, &lk->c);
    if (st != DM_OK) {
        dm_linker_free(lk);
        return st;
    }
    *out = lk;
    return DM_OK;
}

dm_status dm_linker_add(dm_linker *lk, const dm_doc *docs, size_t n)
{
    if (!docs && n)
        return dm_fail(lk->c.ctx, DM_EINVAL, "no documents given");
    if (lk->label)
        return dm_fail(lk->c.ctx, DM_EINVAL, "documents added after the linker has run");
    return lk_coll_add(&lk->c, docs, n);
}

dm_status dm_linker_run(dm_linker *lk)
{
    if (lk->label)
        return dm_fail(lk->c.ctx, DM_EINVAL, "the linker has run already");
    lk->label = malloc((lk->c.n + 1) * sizeof *lk->label);
    dm_status st = lk->label ? DM_OK : dm_fail(lk->c.ctx, DM_ENOMEM, "no memory for labels");
    if (st == DM_OK)
        st = lk_coll_finish(&lk->c);
    if (st == DM_OK)
        st = lk_cluster(&lk->c, lk->label);
    lk_tick(&lk->c, "cluster");
    if (st == DM_OK)
        st = lk_learning_passes(&lk->c, lk->label, cluster_all, NULL);
    if (st != DM_OK) { /* labels only from a complete run */
        free(lk->label);
        lk->label = NULL;
    }
    return st;
}

dm_status dm_linker_new(dm_ctx *ctx, const dm_doc *docs, size_t n, dm_linker **out)
{
    *out = NULL;
    if (!ctx || (!docs && n))
        return ctx ? dm_fail(ctx, DM_EINVAL, "no documents given") : DM_EINVAL;
    dm_linker *lk = NULL;
    dm_status st = dm_linker_begin(ctx, &lk);
    if (st == DM_OK)
        st = dm_linker_add(lk, docs, n);
    if (st == DM_OK)
        st = dm_linker_run(lk);
    if (st != DM_OK) {
        dm_linker_free(lk);
        return st;
    }
    *out = lk;
    return DM_OK;
}

size_t dm_linker_count(const dm_linker *lk) { return lk->c.n; }

dm_status dm_linker_labels(const dm_linker *lk, size_t *labels)
{
    if (!lk->label)
        return DM_EINVAL;
    for (size_t i = 0; i < lk->c.n; i++)
        labels[i] = lk->label[i];
    return DM_OK;
}

dm_status dm_linker_explain(dm_linker *lk, size_t a, size_t b, char **out)
{
    *out = NULL;
    if (a >= lk->c.n || b >= lk->c.n)
        return dm_fail(lk->c.ctx, DM_EINVAL, "no document %zu in a collection of %zu", a > b ? a : b,
                       lk->c.n);
    return lk_explain(&lk->c, (uint32_t)a, (uint32_t)b, lk->label, out);
}

dm_status dm_cluster(dm_ctx *ctx, const dm_doc *docs, size_t n, size_t *labels)
{
    dm_linker *lk = NULL;
    dm_status st = dm_linker_new(ctx, docs, n, &lk);
    if (st != DM_OK)
        return st;
    st = dm_linker_labels(lk, labels);
    dm_linker_free(lk);
    return st;
}
