/*
 * align_lexicon.c -- bridge from the aligner to the lexicon stage (src/lexicon) and to language
 * identification. Until those stages are present this finds no lexicon, and the aligner relies on
 * forms, names, numbers and what it learns from the input.
 */
#include "align/align_lexicon.h"

const al_lexicon *al_lexicon_for(al_env *env, const char *lang)
{
    (void)env;
    (void)lang;
    return NULL;
}

size_t al_lexicon_pivots(al_env *env, const al_lexicon *lx, uint32_t form, uint32_t *out, size_t cap)
{
    (void)env;
    (void)lx;
    (void)form;
    (void)out;
    (void)cap;
    return 0;
}

void al_guess_lang(al_env *env, al_doc *d, const char *const *text, const size_t *len, size_t n)
{
    (void)env;
    (void)text;
    (void)len;
    (void)n;
    d->lang[0] = 0;
}

void al_lexicons_free(al_env *env) { (void)env; }
