/*
 * link_lexicon.c -- words translated through the shipped lexicons (src/lexicon: words of a
 * language -> English pivot words). A document gains LK_PIVOT features: the English words its
 * own words translate to, weighted by the lexicon (English documents: their own words). The
 * lexicons are optional: with none installed, or none for a language, this adds nothing and the
 * other evidence carries on.
 */
#include "link/link.h"

#include <stdlib.h>
#include <string.h>

#if defined(__has_include)
#if __has_include("lexicon/lexicon.h")
#define LK_HAVE_LEXICON 1
#include "lexicon/lexicon.h"
#endif
#endif

#ifdef LK_HAVE_LEXICON
static dm_status push_fw(lk_coll *c, lk_fw f)
{
    if (c->nlex_fw == c->lex_cap) {
        size_t cap = c->lex_cap ? c->lex_cap * 2 : 1 << 14;
        lk_fw *p = realloc(c->lex_fw, cap * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        c->lex_fw = p;
        c->lex_cap = cap;
    }
    c->lex_fw[c->nlex_fw++] = f;
    return DM_OK;
}

/* The pivots of one (language, word type): looked up in the lexicon and interned the first time,
 * from the cache afterwards (every learning pass asks again, and words repeat). */
static dm_status pivots_of(lk_coll *c, const dm_lexicon *lx, uint32_t lang, uint32_t word, size_t *off)
{
    uint32_t known = lk_lexicon_entry(c, lang, word);
    if (known != LK_NONE) {
        *off = known;
        return DM_OK;
    }
    uint64_t key = ((uint64_t)lang << 32 | word) + 1;
    if (c->nlex_fw >= UINT32_MAX / 2)
        return DM_ELIMIT;
    size_t at = c->nlex_fw;
    dm_status st = push_fw(c, (lk_fw){0, 0});
    const char *txt = lk_word_text(c, word);
    const dm_lex_entry *e = NULL;
    size_t ne = st == DM_OK ? dm_lexicon_lookup(lx, txt, strlen(txt), &e) : 0;
    for (size_t j = 0; j < ne && st == DM_OK; j++) {
        uint32_t f;
        st = lk_feat_id(&c->feats, LK_PIVOT, e[j].en, e[j].en_len, &f);
        if (st == DM_OK)
            st = push_fw(c, (lk_fw){f, e[j].weight});
    }
    if (st != DM_OK)
        return st;
    c->lex_fw[at].id = (uint32_t)ne;
    *off = at;
    lk_word *wd = &c->words.w[word];
    if (wd->lex_lang == LK_NONE) { /* most words are asked about in one language only */
        wd->lex_lang = lang;
        wd->lex_off = (uint32_t)at;
        return DM_OK;
    }
    uint32_t *slot;
    int added;
    return lk_map_put(&c->lex_map, key, (uint32_t)at, &slot, &added);
}
#endif

dm_status lk_lexicon_fill(lk_coll *c, const lk_doc *d)
{
#ifdef LK_HAVE_LEXICON
    if (c->no_langid || d->lang >= c->nlangs)
        return DM_OK; /* a script is not a language: no lexicon to choose */
    lk_lang *lg = &c->langs[d->lang];
    if (!lg->lex_known) {
        const dm_lexicon *lx = NULL;
        if (dm_lexicon_get(c->ctx, lg->code, &lx) != DM_OK)
            lx = NULL;
        lg->lex = lx;
        lg->lex_known = 1;
    }
    if (!lg->lex)
        return DM_OK;
    dm_status st = DM_OK;
    lk_word_it it = lk_words_of(d);
    uint32_t w, n;
    while (st == DM_OK && lk_words_next(&it, &w, &n)) {
        size_t off;
        st = pivots_of(c, lg->lex, d->lang, w, &off);
    }
    return st;
#else
    (void)c;
    (void)d;
    return DM_OK;
#endif
}

uint32_t lk_lexicon_entry(const lk_coll *c, uint32_t lang, uint32_t word)
{
    const lk_word *wd = &c->words.w[word];
    if (wd->lex_lang == lang)
        return wd->lex_off;
    if (wd->lex_lang == LK_NONE)
        return LK_NONE;
    const uint32_t *v = lk_map_get(&c->lex_map, ((uint64_t)lang << 32 | word) + 1);
    return v ? *v : LK_NONE;
}
