/*
 * link_pairs.c -- the candidates found by probing, as the collection's pairs: each pair a < b
 * once, in (a, b) order, with the static part of its score carried over from the last pass when
 * it was a candidate then (only pivot words change between passes). The pairs are the largest
 * thing after the documents, so every step here holds as little as it can at once: candidates
 * are the other documents only (their own document implied), the last pass's pairs shrink to
 * what the next needs (b and the static score), and the new array is allocated at its exact size
 * once the duplicates are gone.
 */
#include "link/link.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

dm_status lk_cands_put(lk_cands *b, const uint32_t *o, uint32_t n)
{
    if (dm_grow(&b->p, &b->cap, b->n + n + 1, sizeof *b->p))
        return DM_ENOMEM;
    b->p[b->n++] = n;
    memcpy(b->p + b->n, o, n * sizeof *o);
    b->n += n;
    return DM_OK;
}

typedef struct prev_stat {
    uint32_t b;
    float stat;
} prev_stat;

dm_status lk_pairs_shrink(lk_coll *c, lk_prev *prev)
{
    *prev = (lk_prev){0};
    prev->row = calloc(c->n + 1, sizeof *prev->row);
    if (!prev->row)
        return DM_ENOMEM;
    /* in place: entry t (8 bytes) never overtakes pair t (20 bytes) */
    prev_stat *e = (prev_stat *)(void *)c->pairs;
    for (size_t t = 0; t < c->npairs; t++) {
        lk_pair p = c->pairs[t];
        prev->row[p.a + 1]++;
        e[t] = (prev_stat){p.b, p.stat};
    }
    for (size_t i = 0; i < c->n; i++)
        prev->row[i + 1] += prev->row[i];
    void *shrunk = c->npairs ? realloc(e, c->npairs * sizeof *e) : e;
    prev->e = shrunk ? shrunk : e;
    c->pairs = NULL;
    c->npairs = 0;
    return DM_OK;
}

void lk_prev_free(lk_prev *prev)
{
    free(prev->row);
    free(prev->e);
    *prev = (lk_prev){0};
}

/* The static score the last pass found for (a, b), or -1 (to be computed). */
static float prev_stat_of(const lk_prev *prev, uint32_t a, uint32_t b, uint32_t *at)
{
    if (!prev->row)
        return -1.0f;
    const prev_stat *e = prev->e;
    uint32_t end = prev->row[a + 1];
    if (*at < prev->row[a])
        *at = prev->row[a];
    while (*at < end && e[*at].b < b) /* b ascends along the row */
        ++*at;
    return *at < end && e[*at].b == b ? e[*at].stat : -1.0f;
}

dm_status lk_pairs_gather(lk_coll *c, lk_cands *chunks, size_t nchunks, size_t chunk_docs,
                         const lk_prev *prev)
{
    size_t total = 0;
    for (size_t k = 0; k < nchunks; k++)
        total += chunks[k].n;
    uint32_t *row = calloc(c->n + 2, sizeof *row);
    uint32_t *col = malloc((total ? total : 1) * sizeof *col);
    if (!row || !col || total >= UINT32_MAX) {
        free(row);
        free(col);
        return DM_ENOMEM;
    }
    /* a counting sort on the smaller document of each pair */
    for (int fill = 0; fill < 2; fill++) {
        for (size_t k = 0; k < nchunks; k++) {
            const uint32_t *p = chunks[k].p;
            for (size_t t = 0, i = k * chunk_docs; t < chunks[k].n; i++) {
                uint32_t m = p[t++];
                for (uint32_t q = 0; q < m; q++, t++) {
                    uint32_t x = (uint32_t)i, y = p[t];
                    if (fill)
                        col[row[x < y ? x : y]++] = x < y ? y : x;
                    else
                        row[(x < y ? x : y) + 1]++;
                }
            }
            if (fill) {
                free(chunks[k].p);
                chunks[k].p = NULL;
            }
        }
        if (!fill)
            for (size_t i = 0; i < c->n; i++)
                row[i + 1] += row[i];
    }
    /* row[i] is now the end of row i; each row sorted (a few dozen: insertion sort) and its
     * duplicates dropped, compacting col */
    size_t u = 0;
    uint32_t start = 0;
    for (size_t i = 0; i < c->n; i++) {
        uint32_t end = row[i];
        uint32_t *r = col + start;
        size_t m = end - start;
        for (size_t x = 1; x < m; x++) {
            uint32_t v = r[x];
            size_t y = x;
            while (y > 0 && r[y - 1] > v) {
                r[y] = r[y - 1];
                y--;
            }
            r[y] = v;
        }
        row[i] = (uint32_t)u; /* from now on: the start of row i */
        for (size_t x = 0; x < m; x++)
            if (!x || r[x] != r[x - 1])
                col[u++] = r[x];
        start = end;
    }
    row[c->n] = (uint32_t)u;
    c->pairs = malloc((u ? u : 1) * sizeof *c->pairs);
    if (!c->pairs) {
        free(row);
        free(col);
        return DM_ENOMEM;
    }
    for (size_t i = 0; i < c->n; i++) {
        uint32_t at = 0;
        for (uint32_t t = row[i]; t < row[i + 1]; t++) {
            float stat = prev_stat_of(prev, (uint32_t)i, col[t], &at);
            c->pairs[t] = (lk_pair){(uint32_t)i, col[t], 0, stat, 0};
        }
    }
    c->npairs = u;
    free(row);
    free(col);
    return DM_OK;
}
