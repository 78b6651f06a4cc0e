/*
 * pair_fixture.h -- two short documents made ready for the scorer the way align.c does it (the
 * documents built and given their concepts, word weights counted, every pair compared over a full
 * band), for the tests that drive one step of the search by hand (the join by crossing, the
 * retest's attach). One setup, so that a change to the preparation is made once for all of them.
 */
#ifndef DM_TEST_PAIR_FIXTURE_H
#define DM_TEST_PAIR_FIXTURE_H

#include "align/align_internal.h"
#include "dragoman.h"

typedef struct pair_fixture {
    al_env env;
    al_doc src, tgt;
    al_marks ms, mt;
    al_band band;
    al_pairs pm;
} pair_fixture;

/* Prepare sentences s[0..ns) in language sl against t[0..nt) in tl; failures are CHECKed. The
 * fixture must be closed with pair_fixture_close whatever happened. */
void pair_fixture_open(pair_fixture *fx, dm_ctx *ctx, const char *const *s, size_t ns, const char *sl,
                       const char *const *t, size_t nt, const char *tl);
void pair_fixture_close(pair_fixture *fx);

#endif
