/*
 * link_incr.c -- stories for documents added to a collection that was linked before, without
 * linking everything again. The old documents come back from the store as counts (link_save.c),
 * so none of their text is read or analysed again; every document is weighed afresh (weights
 * depend on the whole collection, and weighing is cheap), and then:
 *   1. with the pivot words of the stored learned lexicon, only the new documents probe the
 *      index: their candidates say which old stories they may belong to (the touched stories;
 *      the lexicon finds them where no name or number is shared);
 *   2. the new documents and every document of a touched story probe the index, their pairs
 *      are scored (their margins still count every alternative found, touched or not), and only
 *      pairs inside that set are clustered; every other story is kept as it was;
 *   3. learning passes as in a whole run (the lexicon learned from all stories, old and new),
 *      each re-clustering the same set.
 * An untouched story cannot change: none of the new documents is a candidate of any of its
 * versions' languages. What can differ from a whole relink: an old story would in a whole run
 * have been re-formed by a changed weight or a lexicon learned from the new stories.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Only the pairs whose two documents are being relinked take part in clustering. */
static void keep_touched_pairs(lk_coll *c, const uint8_t *touched)
{
    size_t k = 0;
    for (size_t t = 0; t < c->npairs; t++)
        if (touched[c->pairs[t].a] && touched[c->pairs[t].b])
            c->pairs[k++] = c->pairs[t];
    c->npairs = k;
}

typedef struct update {
    const uint32_t *old_label; /* a document's old story as the index of its first document */
    const uint8_t *touched;
    uint32_t *lab; /* lk_cluster's labels (0.. in order of first appearance) */
    uint32_t *rep; /* per label: its first touched document */
} update_t;

/* Cluster the touched documents; label: the first document of each one's story (old stories
 * keep their old first document, which is never a touched one). */
static dm_status cluster_touched(lk_coll *c, uint32_t *label, void *ud)
{
    update_t *u = ud;
    keep_touched_pairs(c, u->touched);
    dm_status st = lk_cluster(c, u->lab);
    if (st != DM_OK)
        return st;
    for (size_t i = 0; i < c->n; i++)
        u->rep[i] = LK_NONE;
    for (size_t i = 0; i < c->n; i++) {
        if (!u->touched[i]) {
            label[i] = u->old_label[i];
            continue;
        }
        if (u->rep[u->lab[i]] == LK_NONE)
            u->rep[u->lab[i]] = (uint32_t)i;
        label[i] = u->rep[u->lab[i]];
    }
    return DM_OK;
}

/* The old stories a new document may join: those of its best HIT_K candidates in each language
 * that stand out from the alternatives (margin above 1, the least clustering ever uses); the
 * other candidates a document keeps only give the margins their background, and marking their
 * stories would relink most of a collection. */
enum { HIT_K = 1 };

static dm_status mark_hits(const lk_coll *c, const uint8_t *is_new, const uint32_t *old_label, uint8_t *hit)
{
    size_t n = c->n, nl = c->nlangs, fresh = 0;
    uint32_t *slot = malloc((n + 1) * sizeof *slot);
    if (!slot)
        return DM_ENOMEM;
    for (size_t i = 0; i < n; i++)
        slot[i] = is_new[i] ? (uint32_t)fresh++ : LK_NONE;
    /* per (new document, language): its best HIT_K old candidates by evidence */
    size_t cells = fresh * nl * HIT_K + 1;
    uint32_t *best = malloc(cells * sizeof *best);
    float *sim = malloc(cells * sizeof *sim);
    if (!best || !sim) {
        free(slot);
        free(best);
        free(sim);
        return DM_ENOMEM;
    }
    for (size_t k = 0; k < cells; k++) {
        best[k] = LK_NONE;
        sim[k] = 0;
    }
    for (size_t t = 0; t < c->npairs; t++) {
        const lk_pair *p = &c->pairs[t];
        if (is_new[p->a] == is_new[p->b] || p->sim < c->prm.min_sim || p->score <= 1.0f)
            continue; /* no evidence, or no better than the alternatives: clustering ignores it too */
        uint32_t x = is_new[p->a] ? p->a : p->b, y = x == p->a ? p->b : p->a;
        size_t at = ((size_t)slot[x] * nl + c->d[y].lang) * HIT_K;
        for (size_t q = 0; q < HIT_K; q++)
            if (p->sim > sim[at + q]) { /* insert, pushing the worse ones down */
                for (size_t r = HIT_K - 1; r > q; r--) {
                    sim[at + r] = sim[at + r - 1];
                    best[at + r] = best[at + r - 1];
                }
                sim[at + q] = p->sim;
                best[at + q] = y;
                break;
            }
    }
    for (size_t k = 0; k + 1 < cells; k++)
        if (best[k] != LK_NONE)
            hit[old_label[best[k]]] = 1;
    free(slot);
    free(best);
    free(sim);
    return DM_OK;
}

dm_status lk_update(lk_coll *c, const uint32_t *old_label, lk_lexicon_fn lexicon, void *ud, uint32_t *label,
                    uint8_t *touched)
{
    size_t n = c->n;
    uint8_t *is_new = malloc(n + 1), *hit = calloc(n + 1, 1);
    update_t u = {.old_label = old_label, .touched = touched};
    u.lab = malloc((n + 1) * sizeof *u.lab);
    u.rep = malloc((n + 1) * sizeof *u.rep);
    lk_map trans = {0};
    dm_status st = is_new && hit && u.lab && u.rep ? lk_map_init(&trans, 1 << 12) : DM_ENOMEM;
    size_t fresh = 0;
    for (size_t i = 0; i < n && st == DM_OK; i++) {
        is_new[i] = touched[i] = old_label[i] == LK_NONE;
        fresh += is_new[i];
    }
    if (st == DM_OK)
        st = lk_coll_prepare(c);
    if (st == DM_OK)
        st = lexicon(c, &trans, ud); /* the stored learned lexicon */
    int learned = st == DM_OK && trans.n;
    if (learned)
        st = lk_learn_apply(c, &trans);
    /* 1. the new documents' candidates, and the old stories they reach */
    c->probe_only = is_new;
    if (st == DM_OK)
        st = lk_candidates(c);
    if (st == DM_OK) {
        lk_score_pairs(c); /* margins against the alternatives the new documents found */
        st = mark_hits(c, is_new, old_label, hit);
    }
    size_t relinked = 0;
    for (size_t i = 0; i < n && st == DM_OK; i++) {
        touched[i] |= !is_new[i] && hit[old_label[i]];
        relinked += touched[i];
    }
    if (getenv("DM_LINK_TIMING"))
        fprintf(stderr, "link: incremental: %zu new documents, %zu relinked of %zu\n", fresh, relinked, n);
    /* 2. the touched documents' candidates, scored and clustered: first, as in a whole run,
     * without the learned lexicon (stories from evidence that needs no learning, the learning
     * passes adding the rest): starting from the stored lexicon's pivot words lets its chance
     * pairings (words met in two stories) join a few wrong versions that the passes keep
     * (ntrex in two parts: pairwise F1 0.9983 with them, 1.0000 without, as a whole relink) */
    if (st == DM_OK && learned) {
        lk_map none = {0};
        st = lk_map_init(&none, 16);
        if (st == DM_OK)
            st = lk_learn_apply(c, &none);
        lk_map_free(&none);
    }
    c->probe_only = touched;
    if (st == DM_OK)
        st = lk_candidates(c);
    if (st == DM_OK) {
        lk_score_pairs(c);
        lk_tick(c, "score");
        st = cluster_touched(c, label, &u);
        lk_tick(c, "cluster");
    }
    /* 3. learning passes over the same documents */
    if (st == DM_OK)
        st = lk_learning_passes(c, label, cluster_touched, &u);
    c->probe_only = NULL;
    lk_map_free(&trans);
    free(is_new);
    free(hit);
    free(u.lab);
    free(u.rep);
    return st == DM_ENOMEM ? dm_fail(c->ctx, st, "no memory to link the new documents") : st;
}
