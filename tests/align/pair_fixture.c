/*
 * pair_fixture.c -- see pair_fixture.h.
 */
#include "pair_fixture.h"
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void build(pair_fixture *fx, al_doc *d, const char *const *lines, size_t n, const char *lang,
                  const char *partner)
{
    size_t *len = malloc((n ? n : 1) * sizeof *len);
    CHECK(len != NULL);
    if (!len)
        return;
    for (size_t k = 0; k < n; k++)
        len[k] = strlen(lines[k]);
    CHECK(al_doc_build(&fx->env, d, lines, len, n) == DM_OK);
    free(len);
    snprintf(d->lang, sizeof d->lang, "%s", lang);
    snprintf(d->partner, sizeof d->partner, "%s", partner);
}

void pair_fixture_open(pair_fixture *fx, dm_ctx *ctx, const char *const *s, size_t ns, const char *sl,
                       const char *const *t, size_t nt, const char *tl)
{
    memset(fx, 0, sizeof *fx);
    CHECK(al_env_init(&fx->env, ctx) == DM_OK);
    build(fx, &fx->src, s, ns, sl, tl);
    build(fx, &fx->tgt, t, nt, tl, sl);
    CHECK(al_doc_concepts(&fx->env, &fx->src, 0) == DM_OK);
    CHECK(al_doc_concepts(&fx->env, &fx->tgt, 0) == DM_OK);
    size_t nv = al_vocab_size(fx->env.voc);
    uint32_t *df = calloc(nv, sizeof *df), *local = calloc(nv, sizeof *local);
    CHECK(df && local);
    if (df && local) {
        al_doc_count_df(&fx->src, df);
        al_doc_weights(&fx->src, df, ns, local);
        memset(df, 0, nv * sizeof *df);
        al_doc_count_df(&fx->tgt, df);
        al_doc_weights(&fx->tgt, df, nt, local);
    }
    free(df);
    free(local);
    CHECK(al_marks_reserve(&fx->ms, nv) == DM_OK);
    CHECK(al_marks_reserve(&fx->mt, nv) == DM_OK);
    CHECK(al_band_full(&fx->band, ns, nt) == DM_OK);
    CHECK(al_pairs_compute(&fx->pm, &fx->band, &fx->src, &fx->tgt, &fx->ms, &fx->mt) == DM_OK);
}

void pair_fixture_close(pair_fixture *fx)
{
    al_pairs_free(&fx->pm);
    al_band_free(&fx->band);
    al_marks_free(&fx->ms);
    al_marks_free(&fx->mt);
    al_doc_free(&fx->src);
    al_doc_free(&fx->tgt);
    al_env_free(&fx->env);
}
