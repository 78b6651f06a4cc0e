/*
 * mine_related.c -- the lexicons of languages near the src language, as further evidence.
 *
 * A language whose lexicon is thin or noisy often shares words with a neighbour: Persian writes
 * many Urdu and Arabic words (جنایت, بشریت), Urdu Persian ones, Russian Bulgarian ones, and the
 * neighbour's lexicon may give a shared word the sense the own lexicon lacks. Which languages are
 * near is not listed: language identification ranks every language it knows against the text
 * (al_near_langs), and those ranked right after the first look most like it. Of those, a lexicon
 * is taken when it knows a fair share of the text's words (a neighbour that merely writes the
 * same script knows few); what its pivots are worth is measured by the miner on the surest pairs
 * of each round (mine.c: weigh_related), against the own lexicon.
 */
#include "align/mine_internal.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SAMPLE_TOK 20000 /* tokens the coverage of a lexicon is measured on */

/* Share of the word tokens of d (the first MAX_SAMPLE_TOK) that lx has pivots for. */
static double coverage(al_env *env, const al_doc *d, const al_lexicon *lx)
{
    size_t words = 0, known = 0;
    for (size_t k = 0; k < d->ntok && k < MAX_SAMPLE_TOK; k++) {
        if (d->tok[k].kind != DM_TOK_WORD)
            continue;
        uint32_t piv[1];
        words++;
        known += al_lexicon_pivots(env, lx, d->tok[k].form, piv, 1) > 0;
    }
    return words ? (double)known / (double)words : 0;
}

size_t mn_related_lexicons(al_env *env, const al_doc *src, const char *tgt_lang,
                           const al_lexicon *own, char (*near)[8], size_t nnear, double min_share,
                           const al_lexicon **out, size_t cap)
{
    double own_cov = own ? coverage(env, src, own) : 0;
    size_t w = 0;
    for (size_t q = 0; q < nnear && w < cap; q++) {
        if (!strcmp(near[q], src->lang) || !strcmp(near[q], tgt_lang) || !strcmp(near[q], "en"))
            continue;
        const al_lexicon *lx = al_lexicon_for(env, near[q]);
        if (!lx || lx == own)
            continue;
        double cov = coverage(env, src, lx);
        if (getenv("DM_MINE_RELATED"))
            fprintf(stderr, "related %s: coverage %.3f (own %s %.3f)\n", near[q], cov, src->lang,
                    own_cov);
        if (cov >= min_share * own_cov && cov > 0)
            out[w++] = lx;
    }
    return w;
}

dm_status mn_pivot_table(al_env *env, const al_doc *src, const al_lexicon *lx, mn_ttable *out)
{
    size_t nv = al_vocab_size(env->voc);
    mn_entries ent = {0};
    uint8_t *done = calloc(nv + 1, 1);
    dm_status st = done ? DM_OK : DM_ENOMEM;
    for (size_t k = 0; k < src->ntok && st == DM_OK; k++) {
        uint32_t f = src->tok[k].form, piv[8];
        if (src->tok[k].kind != DM_TOK_WORD || f >= nv || done[f])
            continue;
        done[f] = 1;
        size_t np = al_lexicon_pivots(env, lx, f, piv, 8);
        for (size_t q = 0; q < 2 * np && st == DM_OK; q++) {
            uint32_t c = piv[q / 2];
            if (q % 2 && ((st = al_stem_concept(env, c, &c)) != DM_OK || c == AL_NONE))
                continue; /* a pivot and its stem, as al_doc_concepts gives them */
            st = mn_entries_push(&ent, (mn_entry){f, c, 1.0f});
        }
    }
    if (st == DM_OK)
        st = mn_ttable_build(out, nv, ent.e, ent.n, 16);
    free(ent.e);
    free(done);
    return st;
}
