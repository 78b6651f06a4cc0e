/*
 * align_lexicon.c -- bridge from the aligner to the lexicon stage (src/lexicon) and to language
 * identification (src/langid). Both are optional at build time (__has_include): without them
 * the aligner finds no lexicon and relies on forms, names, numbers and what it learns from the
 * input. English needs no lexicon: its words are their own pivots.
 */
#include "align/align_lexicon.h"

#include "text/text.h"

#include <stdio.h>
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
    if (dm_lexicon_get_set(env->ctx, lang, env->lexicon_set, &lx) != DM_OK)
        return NULL;
    return (const al_lexicon *)lx;
#else
    (void)env;
    (void)lang;
    return NULL;
#endif
}

const al_lexicon *al_lexicon_between(al_env *env, const char *lang, const char *partner)
{
#ifdef HAVE_LEXICON
    char pc[8];
    if (env->lexicon_set || !partner || !partner[0] || !dm_lexicon_code(partner, pc, sizeof pc))
        return NULL;
    const al_lexicon *own = al_lexicon_for(env, lang);
    const dm_lexicon *lx = NULL;
    if (!own || dm_lexicon_get_set(env->ctx, lang, pc, &lx) != DM_OK)
        return NULL;
    /* a set without a file of its own for the language gives the shared lexicon: not a pair's */
    return (const al_lexicon *)lx == own ? NULL : (const al_lexicon *)lx;
#else
    (void)env;
    (void)lang;
    (void)partner;
    return NULL;
#endif
}

#ifdef HAVE_LEXICON
static size_t lookup_into(al_env *env, const dm_lexicon *lx, const char *w, size_t wl, uint32_t *out,
                          size_t n, size_t cap)
{
    const dm_lex_entry *e = NULL;
    size_t ne = dm_lexicon_lookup(lx, w, wl, &e);
    for (size_t k = 0; k < ne && n < cap; k++) {
        if (e[k].weight < 0.05f)
            continue;
        uint32_t id;
        if (al_vocab_intern(env->voc, e[k].en, e[k].en_len, &id) != DM_OK)
            break;
        out[n++] = id;
    }
    return n;
}
#endif

#ifdef HAVE_LEXICON
/* Byte offsets of the code points of w (at most cap). */
static size_t cp_offsets(const char *w, size_t wl, size_t *off, size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < wl && n < cap; k++)
        if (((unsigned char)w[k] & 0xC0) != 0x80)
            off[n++] = k;
    return n;
}

/* Proclitics written as part of the word: Arabic-script wa-, fa-, bi-, li-, ka- and the article
 * al- (و ف ب ل ك ال); Hebrew letters of the same kind. */
static size_t proclitic_len(const char *w, size_t wl)
{
    size_t k = 0;
    static const char *const one[] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84", "\xd9\x83"};
    for (size_t q = 0; q < 5 && k == 0; q++)
        if (wl >= 2 && !memcmp(w, one[q], 2))
            k = 2;
    if (wl >= k + 4 && !memcmp(w + k, "\xd8\xa7\xd9\x84", 4)) /* ال */
        k += 4;
    /* Hebrew: ve-, ha-, be-, le-, mi-, she-, ke- (ו ה ב ל מ ש כ), one or two of them */
    static const char heb[] = "\x95\x94\x91\x9c\x9e\xa9\x9b";
    for (int q = 0; q < 2 && k == (size_t)q * 2; q++)
        if (wl >= k + 2 && (unsigned char)w[k] == 0xD7 && w[k + 1] && strchr(heb, w[k + 1]))
            k += 2;
    return k;
}
#endif

size_t al_lexicon_pivots(al_env *env, const al_lexicon *lx, uint32_t form, uint32_t *out, size_t cap)
{
#ifdef HAVE_LEXICON
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    const dm_lexicon *lex = (const dm_lexicon *)lx;
    size_t n = lookup_into(env, lex, w, wl, out, 0, cap);
    if (n)
        return n;
    /* elided and clitic forms (l'avait, j'ai, dell'anno): the parts around the apostrophe */
    size_t start = 0;
    int apostrophe = 0;
    for (size_t k = 0; k <= wl; k++) {
        size_t al = 0;
        if (k < wl && w[k] == '\'')
            al = 1;
        else if (k + 2 < wl && !memcmp(w + k, "\xe2\x80\x99", 3))
            al = 3;
        if (k == wl || al) {
            if (k > start && (start > 0 || k < wl))
                n = lookup_into(env, lex, w + start, k - start, out, n, cap);
            apostrophe |= al != 0;
            start = k + al;
            if (al)
                k += al - 1;
        }
    }
    if (n || apostrophe)
        return n;
    /* inflected forms the lexicon lacks: without a proclitic, then without up to 3 final
     * letters (Turkish, Persian, Arabic, Slavic endings), keeping 4 letters at least */
    size_t pre = proclitic_len(w, wl);
    if (pre && wl - pre >= 6)
        n = lookup_into(env, lex, w + pre, wl - pre, out, n, cap);
    size_t off[64];
    size_t ncp = cp_offsets(w + pre, wl - pre, off, 64);
    for (size_t cut = 1; !n && cut <= 3 && ncp >= cut + 4 && ncp < 64; cut++)
        n = lookup_into(env, lex, w + pre, off[ncp - cut], out, n, cap);
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

size_t al_lexicon_compound(al_env *env, const al_lexicon *lx, uint32_t form, uint32_t *out, size_t cap)
{
#ifdef HAVE_LEXICON
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    const dm_lexicon *lex = (const dm_lexicon *)lx;
    const dm_lex_entry *e = NULL;
    static const char *const links[] = {"", "s", "es", "n", "en", "e", "er"};
    for (size_t m = 3; m + 4 <= wl; m++) {
        if (((unsigned char)w[m] & 0xC0) == 0x80)
            continue; /* inside a letter */
        if (!dm_lexicon_lookup(lex, w + m, wl - m, &e))
            continue;
        for (size_t q = 0; q < sizeof links / sizeof links[0]; q++) {
            size_t ll = strlen(links[q]);
            if (m < ll + 3 || memcmp(w + m - ll, links[q], ll) != 0)
                continue;
            if (!dm_lexicon_lookup(lex, w, m - ll, &e))
                continue;
            size_t n = lookup_into(env, lex, w + m, wl - m, out, 0, cap);
            return lookup_into(env, lex, w, m - ll, out, n, cap);
        }
    }
    return 0;
#else
    (void)env;
    (void)lx;
    (void)form;
    (void)out;
    (void)cap;
    return 0;
#endif
}

/* Without language identification, a rough guess from the script and telltale letters or
 * words, enough to pick a lexicon: scripts used by one main language, Arabic-script letters of
 * Persian and Urdu, Ukrainian letters, and the commonest function words of Latin-script
 * languages. "" when nothing clear. */
static int has(const char *const *text, const size_t *len, size_t n, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; i < n && i < 200; i++)
        for (size_t k = 0; k + nl <= len[i]; k++)
            if (!memcmp(text[i] + k, needle, nl))
                return 1;
    return 0;
}

static size_t count_words(const char *const *text, const size_t *len, size_t n, const char *const *words)
{
    size_t c = 0;
    for (size_t i = 0; i < n && i < 200; i++) {
        const char *t = text[i];
        size_t k = 0;
        while (k < len[i]) {
            while (k < len[i] && !((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z') || (t[k] & 0x80)))
                k++;
            size_t s = k;
            while (k < len[i] && ((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z') || (t[k] & 0x80)))
                k++;
            for (size_t w = 0; words[w]; w++)
                if (strlen(words[w]) == k - s && !memcmp(t + s, words[w], k - s))
                    c++;
        }
    }
    return c;
}

static void guess_by_script(al_doc *d, const char *const *text, const size_t *len, size_t n)
{
    const char *g = "";
    switch (d->script) {
    case DM_SCRIPT_DEVANAGARI: g = "hi"; break;
    case DM_SCRIPT_HEBREW: g = "he"; break;
    case DM_SCRIPT_HAN: case DM_SCRIPT_HIRAGANA: case DM_SCRIPT_KATAKANA:
        g = has(text, len, n, "\xe3\x81") || has(text, len, n, "\xe3\x82") ? "ja" : "zh";
        break;
    case DM_SCRIPT_HANGUL: g = "ko"; break;
    case DM_SCRIPT_THAI: g = "th"; break;
    case DM_SCRIPT_GREEK: g = "el"; break;
    case DM_SCRIPT_BENGALI: g = "bn"; break;
    case DM_SCRIPT_TAMIL: g = "ta"; break;
    case DM_SCRIPT_GEORGIAN: g = "ka"; break;
    case DM_SCRIPT_ARMENIAN: g = "hy"; break;
    case DM_SCRIPT_CYRILLIC:
        g = has(text, len, n, "\xd1\x97") || has(text, len, n, "\xd1\x94") ? "uk" : "ru";
        break;
    case DM_SCRIPT_ARABIC:
        /* Urdu: ے ٹ ڈ ڑ ں; Persian: پ چ ژ گ with Persian yeh and no Urdu letters */
        if (has(text, len, n, "\xdb\x92") || has(text, len, n, "\xd9\xb9") || has(text, len, n, "\xda\x88") ||
            has(text, len, n, "\xda\x91") || has(text, len, n, "\xda\xba"))
            g = "ur";
        else if (has(text, len, n, "\xd9\xbe") || has(text, len, n, "\xda\x86") || has(text, len, n, "\xda\x98") ||
                 has(text, len, n, "\xda\xaf") || has(text, len, n, "\xdb\x8c"))
            g = "fa";
        else
            g = "ar";
        break;
    case DM_SCRIPT_LATIN: {
        static const char *const en[] = {"the", "and", "of", "is", "to", "was", NULL};
        static const char *const de[] = {"der", "die", "und", "das", "ist", "nicht", NULL};
        static const char *const fr[] = {"le", "la", "les", "et", "est", "des", NULL};
        static const char *const es[] = {"el", "los", "y", "que", "es", "las", NULL};
        static const char *const tr[] = {"ve", "bir", "bu", "da", "için", "ile", NULL};
        static const char *const it[] = {"il", "che", "di", "e", "non", "gli", NULL};
        static const char *const pt[] = {"o", "que", "não", "os", "uma", "em", NULL};
        static const char *const nl[] = {"de", "het", "een", "en", "niet", "van", NULL};
        const char *const *sets[] = {en, de, fr, es, tr, it, pt, nl};
        const char *codes[] = {"en", "de", "fr", "es", "tr", "it", "pt", "nl"};
        size_t best = 0, second = 0;
        for (size_t k = 0; k < 8; k++) {
            size_t c = count_words(text, len, n, sets[k]);
            if (c > best) {
                second = best;
                best = c;
                g = codes[k];
            } else if (c > second)
                second = c;
        }
        if (best < 2 || best < second * 3 / 2)
            g = "";
        break;
    }
    default: break;
    }
    snprintf(d->lang, sizeof d->lang, "%s", g);
}

#ifdef HAVE_LANGID
/* Language of about 1,500 bytes of sentences from sentence `from` on, "" when unsure. */
static void langid_chunk(al_env *env, const char *const *text, const size_t *len, size_t n, size_t from,
                         char *out, size_t cap)
{
    char buf[1536];
    size_t bl = 0;
    out[0] = 0;
    for (size_t i = from; i < n && bl + 2 < sizeof buf; i++) {
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
    if (bl && dm_langid(env->ctx, buf, bl, &g, 1, &ng) == DM_OK && ng == 1 && strcmp(g.code, "und"))
        snprintf(out, cap, "%s", g.code);
}
#endif

size_t al_near_langs(al_env *env, const char *const *text, const size_t *len, size_t n,
                     char (*out)[8], size_t cap)
{
#ifdef HAVE_LANGID
    char buf[1536];
    size_t bl = 0;
    for (size_t i = n / 2; i < n && bl + 2 < sizeof buf; i++) {
        size_t l = len[i];
        if (bl + l + 1 >= sizeof buf)
            break; /* whole sentences only */
        memcpy(buf + bl, text[i], l);
        bl += l;
        buf[bl++] = ' ';
    }
    dm_lang_guess g[9];
    size_t ng = 0, w = 0;
    if (!bl || dm_langid(env->ctx, buf, bl, g, cap + 1 < 9 ? cap + 1 : 9, &ng) != DM_OK)
        return 0;
    for (size_t q = 1; q < ng && w < cap; q++)
        if (strcmp(g[q].code, "und"))
            snprintf(out[w++], 8, "%s", g[q].code);
    return w;
#else
    (void)env, (void)text, (void)len, (void)n, (void)out, (void)cap;
    return 0;
#endif
}

void al_guess_lang(al_env *env, al_doc *d, const char *const *text, const size_t *len, size_t n)
{
    d->lang[0] = 0;
#ifdef HAVE_LANGID
    /* samples from the start, the middle and the end; three of four must agree: a side that
     * changes language gets no lexicon rather than the wrong one */
    char code[4][8];
    int ns = n >= 8 ? 4 : 1;
    for (int q = 0; q < ns; q++)
        langid_chunk(env, text, len, n, n * (size_t)q / 4, code[q], sizeof code[q]);
    for (int q = 0; q < ns; q++) {
        int votes = 0;
        for (int r = 0; r < ns; r++)
            votes += code[q][0] && !strcmp(code[q], code[r]);
        if (votes * 4 >= ns * 3) {
            memcpy(d->lang, code[q], sizeof d->lang);
            d->lang[sizeof d->lang - 1] = 0;
            return;
        }
    }
    /* no clear answer: only a script that one language dominates may still name it */
    switch (d->script) {
    case DM_SCRIPT_LATIN: case DM_SCRIPT_CYRILLIC: case DM_SCRIPT_ARABIC: case DM_SCRIPT_DEVANAGARI:
        return;
    default: break;
    }
#else
    (void)env;
#endif
    guess_by_script(d, text, len, n);
}

void al_lexicons_free(al_env *env) { (void)env; }
