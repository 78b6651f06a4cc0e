/*
 * align_units.c -- the unit a word is learned by (IBM Model 1 over the input, align.c): a stem
 * rather than the whole form, so that the inflected forms of one word pool their evidence. A
 * language without a lexicon has nothing but what the input teaches, and an inflecting or
 * agglutinating language spreads one word over many forms that each occur too rarely to be learned
 * ("тропического", "тропических", "тропической"; Quechua, Turkish, Tatar endings). Kept apart from
 * the features: the features hold what a word *is*, this how it is *counted* for learning.
 *
 * The unit of a Latin-script word is its stem concept (the first 5 letters of its ASCII form,
 * al_stem_concept), of a word of another script with a 6th code point its first 5 code points
 * (marked so that it never equals a form), of other words (short, Han, kana: no spaces to cut
 * stems by) the form itself.
 *
 * Which pairs learn so (al_pair_bridged): those that no lexicon bridges to the English pivots. Where
 * lexicons do, the stems' coarser translations over-merge (Text+Berg strict 0.9175 -> 0.9003).
 */
#include "align/align_internal.h"
#include "align/align_lexicon.h"

#include <stdlib.h>
#include <string.h>

#define UNIT_CPS 5          /* code points a unit keeps (4 / 5 / 6: UDHR no-lexicon set 0.737 / 0.743 / 0.744) */
#define UNIT_UNSET (AL_NONE - 1)

static size_t cp_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

dm_status al_learn_unit(al_env *env, uint32_t form, uint32_t *out)
{
    if (form >= env->unit_cap) {
        size_t nc = env->unit_cap ? env->unit_cap : 4096;
        while (nc <= form)
            nc *= 2;
        uint32_t *p = realloc(env->unit_of, nc * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        for (size_t k = env->unit_cap; k < nc; k++)
            p[k] = UNIT_UNSET;
        env->unit_of = p;
        env->unit_cap = nc;
    }
    if (env->unit_of[form] != UNIT_UNSET) {
        *out = env->unit_of[form];
        return DM_OK;
    }
    uint32_t res = form;
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    unsigned char c0 = wl ? (unsigned char)w[0] : 0;
    if (wl && (c0 < 0x80 || (c0 >= 0xC3 && c0 < 0xCA))) { /* Latin (ASCII or a Latin letter) */
        uint32_t stem;
        dm_status st = al_stem_concept(env, form, &stem);
        if (st != DM_OK)
            return st;
        if (stem != AL_NONE)
            res = stem;
    } else if (wl && !(c0 >= 0xE3 && c0 <= 0xEA)) { /* not kana, Han or Hangul */
        size_t k = 0, n = 0, cut = 0;
        while (k < wl) {
            k += cp_len((unsigned char)w[k]);
            if (++n == UNIT_CPS)
                cut = k;
        }
        if (n > UNIT_CPS && cut < 60) {
            char buf[64];
            buf[0] = '\x05';
            memcpy(buf + 1, w, cut); /* a copy: interning may move the vocabulary */
            dm_status st = al_vocab_intern(env->voc, buf, cut + 1, &res);
            if (st != DM_OK)
                return st;
        }
    }
    /* interning may have grown the vocabulary past unit_cap: new ids are units, never forms */
    env->unit_of[form] = res;
    *out = res;
    return DM_OK;
}

/* Does a side reach the English pivots: English itself, or a language with a lexicon in use? */
static int side_bridged(al_env *env, const char *lang)
{
    if (!env->use_lexicon)
        return 0;
    if (!strcmp(lang, "en") || !strcmp(lang, "eng"))
        return 1;
    return al_lexicon_for(env, lang) != NULL;
}

int al_pair_bridged(al_env *env, const al_doc *d)
{
    return side_bridged(env, d->lang) && side_bridged(env, d->partner);
}
