/*
 * align_lexicon.c -- bridge from the aligner to the lexicon stage (src/lexicon) and to language
 * identification (src/langid). Both are optional at build time (__has_include): without them
 * the aligner finds no lexicon and relies on forms, names, numbers and what it learns from the
 * input. English needs no lexicon: its words are their own pivots.
 */
#include "align/align_lexicon.h"

#include <string.h>

#if defined(__has_include)
#if __has_include("lexicon/lexicon.h")
#include "lexicon/lexicon.h"
#define HAVE_LEXICON 1
#endif
#if __has_include("langid/langid.h")
#define HAVE_LANGID 1
#endif
#endif

const al_lexicon *al_lexicon_for(al_env *env, const char *lang)
{
#ifdef HAVE_LEXICON
    if (!lang || !lang[0] || !strcmp(lang, "en") || !strcmp(lang, "eng") || !strcmp(lang, "und"))
        return NULL;
    const dm_lexicon *lx = NULL;
    if (dm_lexicon_get(env->ctx, lang, &lx) != DM_OK)
        return NULL;
    return (const al_lexicon *)lx;
#else
    (void)env;
    (void)lang;
    return NULL;
#endif
}

size_t al_lexicon_pivots(al_env *env, const al_lexicon *lx, uint32_t form, uint32_t *out, size_t cap)
{
#ifdef HAVE_LEXICON
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    const dm_lex_entry *e = NULL;
    size_t ne = dm_lexicon_lookup((const dm_lexicon *)lx, w, wl, &e);
    size_t n = 0;
    for (size_t k = 0; k < ne && n < cap; k++) {
        if (e[k].weight < 0.05f)
            continue;
        uint32_t id;
        if (al_vocab_intern(env->voc, e[k].en, e[k].en_len, &id) != DM_OK)
            break;
        out[n++] = id;
    }
    return n;
#else
    (void)env;
    (void)lx;
    (void)form;
    (void)out;
    (void)cap;
    return 0;
#endif
}

void al_guess_lang(al_env *env, al_doc *d, const char *const *text, const size_t *len, size_t n)
{
    d->lang[0] = 0;
#ifdef HAVE_LANGID
    /* the first few thousand bytes of the side, sentences joined by spaces */
    char buf[4096];
    size_t bl = 0;
    for (size_t i = 0; i < n && bl + 2 < sizeof buf; i++) {
        size_t l = len[i];
        if (bl + l + 1 >= sizeof buf) {
            l = sizeof buf - bl - 2;
            while (l > 0 && ((unsigned char)text[i][l] & 0xC0) == 0x80)
                l--; /* do not cut a character */
        }
        memcpy(buf + bl, text[i], l);
        bl += l;
        buf[bl++] = ' ';
    }
    dm_lang_guess g;
    size_t ng = 0;
    if (bl && dm_langid(env->ctx, buf, bl, &g, 1, &ng) == DM_OK && ng == 1 && strcmp(g.code, "und")) {
        size_t l = strlen(g.code);
        if (l < sizeof d->lang) {
            memcpy(d->lang, g.code, l + 1);
        }
    }
#else
    (void)env;
    (void)text;
    (void)len;
    (void)n;
#endif
}

void al_lexicons_free(al_env *env) { (void)env; }
