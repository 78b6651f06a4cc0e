/*
 * link_words.c -- names across scripts. Every distinct word of the collection is transliterated
 * to Latin once (ICU is slow, words repeat), and gives two kinds of evidence that survive a
 * change of script: the consonant-skeleton key of the name ("Rashid", "रशीद" and "رشيد" share
 * one) and the character 4-grams of the Latin form (cognates between Latin-script languages,
 * partial matches of names with case endings or particles attached).
 */
#include "link/link.h"
#include "core/ctx.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

enum { KEY_MIN = 2 };

static int is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

static dm_status add_gram(lk_coll *c, const char *g, size_t len)
{
    lk_words *w = &c->words;
    uint32_t id;
    dm_status st = lk_feat_id(&c->feats, LK_GRAM, g, len, &id);
    if (st != DM_OK)
        return st;
    if (w->ngrams == w->gcap) {
        size_t cap = w->gcap ? w->gcap * 2 : 1 << 14;
        uint32_t *p = realloc(w->grams, cap * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        w->grams = p;
        w->gcap = cap;
    }
    w->grams[w->ngrams++] = id;
    return DM_OK;
}

/* 4-grams of the letters of the Latin form, with ^ and $ marking the ends of the word. */
static dm_status add_grams(lk_coll *c, const char *latin, lk_word *wd)
{
    char buf[LK_LATIN_CAP + 2];
    size_t n = 0;
    buf[n++] = '^';
    for (const char *p = latin; *p && n < LK_LATIN_CAP; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            buf[n++] = *p;
    buf[n++] = '$';
    wd->gram0 = (uint32_t)c->words.ngrams;
    wd->ngram = 0;
    if (n < 5) /* words of fewer than 3 letters are function words in every language */
        return DM_OK;
    for (size_t i = 0; i + 4 <= n; i++) {
        /* a gram seen twice in one word is counted once */
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = !memcmp(buf + j, buf + i, 4);
        if (seen)
            continue;
        dm_status st = add_gram(c, buf + i, 4);
        if (st != DM_OK)
            return st;
        wd->ngram++;
    }
    return DM_OK;
}

dm_status lk_word_prepare(dm_ctx *ctx, const char *s, size_t len, lk_word_prep *out)
{
    if (is_ascii(s, len)) {
        size_t n = len < LK_LATIN_CAP - 1 ? len : LK_LATIN_CAP - 1;
        memcpy(out->latin, s, n);
        out->latin[n] = 0;
    } else {
        dm_status st = dm_translit_latin(ctx, s, len, out->latin, sizeof out->latin);
        if (st != DM_OK)
            return st;
    }
    dm_name_key(out->latin, out->key, sizeof out->key);
    return DM_OK;
}

dm_status lk_word_finish(lk_coll *c, uint32_t id, const lk_word_prep *p)
{
    lk_word *wd = &c->words.w[id];
    dm_status st = lk_strs_add(&c->words.strs, p->latin, strlen(p->latin), &wd->latin);
    if (st != DM_OK)
        return st;
    wd->key = LK_NONE;
    size_t klen = strlen(p->key);
    if (klen >= KEY_MIN) {
        st = lk_feat_id(&c->feats, LK_KEY, p->key, klen, &wd->key);
        if (st != DM_OK)
            return st;
    }
    return add_grams(c, p->latin, wd);
}

dm_status lk_word_intern(lk_coll *c, const char *s, size_t len, uint32_t *id, int *added)
{
    lk_words *w = &c->words;
    uint32_t *slot;
    dm_status st = lk_map_put(&w->map, lk_hash(s, len, 0), (uint32_t)w->n, &slot, added);
    if (st != DM_OK)
        return st;
    if (*added) {
        if (w->n == w->cap) {
            size_t cap = w->cap ? w->cap * 2 : 4096;
            lk_word *p = realloc(w->w, cap * sizeof *p);
            if (!p)
                return DM_ENOMEM;
            w->w = p;
            w->cap = cap;
        }
        lk_word *wd = &w->w[w->n];
        memset(wd, 0, sizeof *wd);
        wd->key = LK_NONE;
        wd->latin = LK_NONE;
        wd->lex_lang = LK_NONE;
        wd->lex_off = LK_NONE;
        st = lk_strs_add(&w->strs, s, len, &wd->str);
        if (st != DM_OK)
            return st;
        wd->len = (uint16_t)(len < UINT16_MAX ? len : UINT16_MAX);
        w->n++;
    }
    *id = *slot;
    return DM_OK;
}

const char *lk_word_text(const lk_coll *c, uint32_t id) { return c->words.strs.p + c->words.w[id].str; }
const char *lk_word_latin(const lk_coll *c, uint32_t id)
{
    uint32_t off = c->words.w[id].latin;
    return off == LK_NONE ? "" : c->words.strs.p + off;
}
