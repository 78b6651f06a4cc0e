/*
 * align_lexicon.h -- the aligner's view of the shipped bilingual lexicons: for a word of a known
 * language, the English pivot words it may translate to, as concept ids. Kept apart so that the
 * aligner works (less well) when no lexicon is shipped or the language is unknown.
 */
#ifndef DM_ALIGN_LEXICON_H
#define DM_ALIGN_LEXICON_H

#include "align/align_internal.h"

typedef struct al_lexicon al_lexicon;

/* The lexicon of a language (ISO code), NULL when none is shipped or lang is "". */
const al_lexicon *al_lexicon_for(al_env *env, const char *lang);
/* The lexicon from language lang straight into language partner (data/lexicon/<partner>/<lang>,
 * FreeDict's German-French and the like), NULL when none is shipped. Its "pivots" are words of
 * the partner language, which meet that side's words by their forms. */
const al_lexicon *al_lexicon_between(al_env *env, const char *lang, const char *partner);
/* Pivot concepts of a form of that language; returns how many were written (<= cap). */
size_t al_lexicon_pivots(al_env *env, const al_lexicon *lx, uint32_t form, uint32_t *out,
                         size_t cap);
/* The pivots of a compound the lexicon lacks as a whole (German, Dutch, Swedish: Gipfelsturm,
 * Hochbiwak): the longest head of 4 letters or more that the lexicon has, when what precedes it,
 * less a linking s, es, n, en, e or er, is a word of 3 letters or more that it has too; the
 * pivots of both. Returns how many were written (0 when the word is not such a compound). */
size_t al_lexicon_compound(al_env *env, const al_lexicon *lx, uint32_t form, uint32_t *out, size_t cap);
/* Language of a document side from its text, "" when unknown (language identification is
 * optional: without it the lexicons are not used). */
void al_guess_lang(al_env *env, al_doc *d, const char *const *text, const size_t *len, size_t n);
/* The languages language identification ranks next after the first on a sample of the text
 * (about 1,500 bytes from its middle), best first, the first itself left out: the languages
 * whose text looks most like it (Persian: Pashto, Urdu, Sindhi...). Returns how many were
 * written (<= cap); 0 without language identification. */
size_t al_near_langs(al_env *env, const char *const *text, const size_t *len, size_t n,
                     char (*out)[8], size_t cap);
void al_lexicons_free(al_env *env);

#endif
