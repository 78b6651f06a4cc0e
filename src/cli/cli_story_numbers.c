/*
 * cli_story_numbers.c -- stable story numbers across runs of `dragoman link`. A new cluster
 * takes the number of the old story most of its documents were in, unless a larger cluster
 * claimed it first; other clusters get fresh numbers above every old one. So adding documents
 * to a store does not renumber the stories a user has already seen.
 */
#include "cli.h"

#include <stdlib.h>

typedef struct member {
    size_t label, doc;
} member;

typedef struct cluster {
    size_t first, n;       /* members[first .. first+n) */
    long long best_old;    /* -1 when no member had a story */
    size_t votes;
} cluster;

static int by_label(const void *a, const void *b)
{
    const member *x = a, *y = b;
    if (x->label != y->label)
        return x->label < y->label ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* Most votes first; among clusters that take fresh numbers, stories of several versions before
 * documents alone, so that a new store's stories are numbered 1, 2, 3 without gaps. */
static int by_votes(const void *a, const void *b)
{
    const cluster *x = a, *y = b;
    if (x->votes != y->votes)
        return x->votes > y->votes ? -1 : 1;
    if ((x->n > 1) != (y->n > 1))
        return x->n > 1 ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

dm_status cli_number_stories(const long long *old, const size_t *labels, size_t n, size_t *story)
{
    member *m = malloc((n ? n : 1) * sizeof *m);
    cluster *c = malloc((n ? n : 1) * sizeof *c);
    long long *votes = malloc((n ? n : 1) * sizeof *votes);
    char *claimed = NULL;
    long long max_old = 0;
    for (size_t i = 0; i < n; i++)
        if (old[i] > max_old)
            max_old = old[i];
    if (m && c && votes)
        claimed = calloc((size_t)max_old + 1, 1);
    if (!m || !c || !votes || !claimed) {
        free(m);
        free(c);
        free(votes);
        free(claimed);
        return DM_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        m[i] = (member){labels[i], i};
    if (n > 1) /* an empty array may be NULL */
        qsort(m, n, sizeof *m, by_label);
    size_t nc = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, k = 0;
        while (j < n && m[j].label == m[i].label) {
            if (old[m[j].doc] >= 0)
                votes[k++] = old[m[j].doc];
            j++;
        }
        cluster cl = {.first = i, .n = j - i, .best_old = -1, .votes = 0};
        if (k > 1) /* an empty array may be NULL */
            qsort(votes, k, sizeof *votes, cmp_ll);
        for (size_t a = 0; a < k;) {
            size_t b = a;
            while (b < k && votes[b] == votes[a])
                b++;
            if (b - a > cl.votes) {
                cl.votes = b - a;
                cl.best_old = votes[a];
            }
            a = b;
        }
        c[nc++] = cl;
        i = j;
    }
    if (nc > 1) /* an empty array may be NULL */
        qsort(c, nc, sizeof *c, by_votes);
    size_t next = (size_t)max_old + 1;
    for (size_t i = 0; i < nc; i++) {
        size_t num;
        if (c[i].best_old > 0 && !claimed[c[i].best_old]) {
            claimed[c[i].best_old] = 1;
            num = (size_t)c[i].best_old;
        } else {
            num = next++;
        }
        for (size_t k = c[i].first; k < c[i].first + c[i].n; k++)
            story[m[k].doc] = num;
    }
    free(m);
    free(c);
    free(votes);
    free(claimed);
    return DM_OK;
}
