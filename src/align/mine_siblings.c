/*
 * mine_siblings.c -- lexicon words that share a stem with a word the lexicon lacks: the same
 * word with another ending ("пепельницу" -> "пепельница", "söyledi" -> "söylemek"), for the
 * miner's pivot table.
 *
 * Kept apart from the lexicon lookup (align_lexicon.c), which only cuts endings off: a word of a
 * language with rich inflection is often listed under a form longer than the stem it shares
 * with the text, and cutting never reaches it. The aligner does not use this: within two
 * aligned documents the order says enough, while the miner has only the words.
 */
#include "align/mine_internal.h"

#include <stdlib.h>
#include <string.h>

#if defined(__has_include)
#if __has_include("lexicon/lexicon.h")
#include "lexicon/lexicon.h"
#define HAVE_LEXICON 1
#endif
#endif

#define SIB_MIN_STEM 4   /* letters a sibling shares with the word, at least */
#define SIB_MAX_CUT 3    /* letters of the word's ending that may differ */
#define SIB_MAX_EXTRA 3  /* letters of the sibling's ending that may differ */
#define SIB_SCAN 64      /* lexicon words looked at per stem length */

struct mn_siblings {
#ifdef HAVE_LEXICON
    const dm_lexicon *lx;
#endif
    uint32_t *order; /* key indices, by their bytes */
    size_t n;
};

#ifdef HAVE_LEXICON
static const dm_lexicon *sort_lx; /* qsort has no context argument; one sort at a time */

static int cmp_bytes(const char *a, size_t al, const char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

static int cmp_key(const void *pa, const void *pb)
{
    size_t al, bl;
    const char *a = dm_lexicon_key(sort_lx, *(const uint32_t *)pa, &al);
    const char *b = dm_lexicon_key(sort_lx, *(const uint32_t *)pb, &bl);
    return cmp_bytes(a, al, b, bl);
}
#endif

static size_t count_cp(const char *w, size_t wl)
{
    size_t n = 0;
    for (size_t k = 0; k < wl; k++)
        n += ((unsigned char)w[k] & 0xC0) != 0x80;
    return n;
}

dm_status mn_siblings_new(const al_lexicon *lx, mn_siblings **out)
{
    *out = NULL;
#ifdef HAVE_LEXICON
    const dm_lexicon *lex = (const dm_lexicon *)lx;
    size_t n = dm_lexicon_size(lex);
    if (!n)
        return DM_OK;
    mn_siblings *s = calloc(1, sizeof *s);
    if (!s)
        return DM_ENOMEM;
    s->order = malloc(n * sizeof *s->order);
    if (!s->order) {
        free(s);
        return DM_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        s->order[i] = (uint32_t)i;
    s->n = n;
    s->lx = lex;
    sort_lx = lex;
    qsort(s->order, n, sizeof *s->order, cmp_key);
    sort_lx = NULL;
    *out = s;
#else
    (void)lx;
#endif
    return DM_OK;
}

void mn_siblings_free(mn_siblings *s)
{
    if (!s)
        return;
    free(s->order);
    free(s);
}

/* Lexicon words (key indices) that share a stem with w, from the longest stem down. */
static size_t find(const mn_siblings *s, const char *w, size_t wl, uint32_t *keys, size_t cap)
{
#ifdef HAVE_LEXICON
    if (!s || !wl)
        return 0;
    size_t ncp = count_cp(w, wl);
    if (ncp < SIB_MIN_STEM + 1)
        return 0;
    /* the longest stem first: the whole word, then less 1, 2, 3 letters */
    size_t cut = wl;
    for (size_t drop = 0; drop <= SIB_MAX_CUT && ncp - drop >= SIB_MIN_STEM; drop++) {
        if (drop) {
            do
                cut--;
            while (cut > 0 && ((unsigned char)w[cut] & 0xC0) == 0x80);
        }
        size_t stem_cp = ncp - drop;
        /* lower bound of the stem among the sorted words */
        size_t lo = 0, hi = s->n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2, kl;
            const char *k = dm_lexicon_key(s->lx, s->order[mid], &kl);
            if (cmp_bytes(k, kl, w, cut) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t n = 0;
        for (size_t q = lo; q < s->n && q < lo + SIB_SCAN && n < cap; q++) {
            size_t kl;
            const char *k = dm_lexicon_key(s->lx, s->order[q], &kl);
            if (kl < cut || memcmp(k, w, cut) != 0)
                break;
            if (kl == wl && !memcmp(k, w, wl))
                continue; /* the word itself: not a sibling */
            size_t extra = count_cp(k, kl) - stem_cp;
            if (extra <= SIB_MAX_EXTRA && extra <= drop + 2) /* an ending for an ending */
                keys[n++] = s->order[q];
        }
        if (n)
            return n;
    }
#else
    (void)s;
    (void)w;
    (void)wl;
    (void)keys;
    (void)cap;
#endif
    return 0;
}

size_t mn_sibling_pivots(al_env *env, const mn_siblings *s, uint32_t form, uint32_t *out, size_t cap)
{
#ifdef HAVE_LEXICON
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    uint32_t keys[4];
    size_t nk = find(s, w, wl, keys, 4), n = 0;
    for (size_t q = 0; q < nk; q++) {
        const dm_lex_entry *e;
        size_t ne = dm_lexicon_key_entries(s->lx, keys[q], &e);
        for (size_t k = 0; k < ne && n < cap; k++) {
            uint32_t id;
            if (e[k].weight < 0.05f)
                continue;
            if (al_vocab_intern(env->voc, e[k].en, e[k].en_len, &id) != DM_OK)
                return n;
            int dup = 0;
            for (size_t r = 0; r < n; r++)
                dup |= out[r] == id;
            if (!dup)
                out[n++] = id;
        }
    }
    return n;
#else
    (void)env;
    (void)s;
    (void)form;
    (void)out;
    (void)cap;
    return 0;
#endif
}
