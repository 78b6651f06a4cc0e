/*
 * align_dump.c -- developers' aid, DM_ALIGN_DUMP=3: the tokens of a 1-1 link as the retest of
 * links (align_omit.c) sees them. Kept apart from align.c's run, and counted by the retest's own
 * spread (al_token_spread): one pass over the stored pairs per sentence, not one per token.
 */
#include "align/align_internal.h"

#include <stdio.h>

#define DUMP_NEAR 3 /* the neighbours of the partner counted apart: the retest's default window */

static void dump_side(const al_scorer *sc, size_t pk, size_t i, size_t j, int side)
{
    const al_doc *d = side ? sc->tgt : sc->src;
    size_t x = side ? j : i, partner = side ? i : j;
    const al_sent *s = &d->sent[x];
    uint32_t all[63], near[63];
    uint64_t hit, hit_near;
    al_token_spread(sc, side, x, partner, 0, all, &hit);
    al_token_spread(sc, side, x, partner, DUMP_NEAR, near, &hit_near);
    fprintf(stderr, "K%d %zu %zu %zu %u", side, pk, i, j, s->npiece);
    for (int q = 0; q < AL_PIECES; q++)
        fprintf(stderr, " %.3f", q < s->npiece && s->nchar ? (double)s->piece_end[q] / s->nchar : 1.0);
    for (uint32_t q = 0; q < s->ntok && q < 63; q++) {
        int m = (int)((hit >> q) & 1);
        /* the window holds the partner: the near count is of the others */
        unsigned nearf = near[q] - (unsigned)((hit_near >> q) & 1);
        fprintf(stderr, " %.3f,%d,%u,%u,%d", d->tok[s->tok0 + q].w, m, all[q], nearf, (int)((s->nummask >> q) & 1));
    }
    fprintf(stderr, "\n");
}

void al_dump_link_tokens(const al_scorer *sc, size_t pk, size_t i, size_t j)
{
    dump_side(sc, pk, i, j, 0);
    dump_side(sc, pk, i, j, 1);
}
