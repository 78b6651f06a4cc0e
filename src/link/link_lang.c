/*
 * link_lang.c -- the language of each document, which the linker needs for its one-to-one rule
 * (a story has at most one version per language) and for the lexicons. dm_langid decides; when
 * it cannot (no model, "und"), the dominant script stands in, marked "S:<script>" so that such a
 * pseudo-language is never mistaken for a real one.
 *
 * Identification costs far more than anything else per byte, so the collection teaches itself:
 * the most frequent words of a document (its function words) vote with the languages that
 * dm_langid gave to earlier documents holding them. When at least three words that were only
 * ever seen in one language all name the same one, that is the answer; otherwise dm_langid is
 * asked, and its answer trains the votes. On a large collection few documents reach the model.
 */
#include "link/link.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The start of a document says its language as well as the whole, and identification costs in
 * proportion to the bytes read. */
enum { LANGID_BYTES = 400 };

enum { SIG_WORDS = 8, MIN_SEEN = 4, MIN_AGREE = 3 };

/* The most frequent word types of a document (repeated at least twice). */
static size_t signature(const lk_doc *d, uint32_t *sig)
{
    uint32_t cnt[SIG_WORDS] = {0};
    size_t ns = 0;
    lk_word_it it = lk_words_of(d);
    uint32_t w, n;
    while (lk_words_next(&it, &w, &n)) { /* ascending ids: ties go to the lower */
        if (n >= 2 && (ns < SIG_WORDS || n > cnt[ns - 1])) {
            size_t q = ns < SIG_WORDS ? ns++ : ns - 1;
            while (q > 0 && cnt[q - 1] < n) {
                cnt[q] = cnt[q - 1];
                sig[q] = sig[q - 1];
                q--;
            }
            cnt[q] = n;
            sig[q] = w;
        }
    }
    return ns;
}

/* The language the signature's words agree on, or LK_NONE. */
static uint32_t vote(const lk_coll *c, const uint32_t *sig, size_t ns)
{
    uint32_t agreed = LK_NONE;
    int n_agree = 0;
    for (size_t i = 0; i < ns; i++) {
        const uint32_t *tot = lk_map_get(&c->lang_seen, (uint64_t)sig[i] + 1);
        if (!tot || *tot < MIN_SEEN)
            continue;
        const uint32_t *first = lk_map_get(&c->lang_first, (uint64_t)sig[i] + 1);
        const uint32_t *same = lk_map_get(&c->lang_votes, ((uint64_t)sig[i] << 16 | *first) + 1);
        if (!same || *same != *tot)
            continue; /* seen in several languages: no vote */
        if (agreed != LK_NONE && agreed != *first)
            return LK_NONE; /* pure words disagree: ask the model */
        agreed = *first;
        n_agree++;
    }
    return n_agree >= MIN_AGREE ? agreed : LK_NONE;
}

static dm_status learn_vote(lk_coll *c, const uint32_t *sig, size_t ns, uint32_t lang)
{
    for (size_t i = 0; i < ns; i++) {
        uint32_t *slot;
        int added;
        dm_status st = lk_map_put(&c->lang_seen, (uint64_t)sig[i] + 1, 0, &slot, &added);
        if (st != DM_OK)
            return st;
        ++*slot;
        st = lk_map_put(&c->lang_first, (uint64_t)sig[i] + 1, lang, &slot, &added);
        if (st == DM_OK)
            st = lk_map_put(&c->lang_votes, ((uint64_t)sig[i] << 16 | lang) + 1, 0, &slot, &added);
        if (st != DM_OK)
            return st;
        ++*slot;
    }
    return DM_OK;
}

dm_status lk_lang_of(lk_coll *c, const lk_doc *d, const dm_doc *doc, uint32_t *lang)
{
    const char *text = doc->text ? doc->text : "";
    size_t len = doc->text ? doc->text_len : 0;
    const char *declared = doc->lang;
    if (declared && *declared && strlen(declared) < sizeof c->langs[0].code)
        return lk_lang_index(c, declared, dm_dominant_script(text, len), lang); /* the caller knows */
    uint32_t sig[SIG_WORDS];
    size_t ns = c->no_langid ? 0 : signature(d, sig);
    uint32_t voted = ns ? vote(c, sig, ns) : LK_NONE;
    if (voted != LK_NONE) {
        c->langs[voted].ndocs++;
        *lang = voted;
        return DM_OK;
    }
    char code[sizeof c->langs[0].code];
    dm_lang_guess g[1];
    size_t ng = 0;
    size_t probe = len;
    if (probe > LANGID_BYTES) { /* cut on a character boundary */
        probe = LANGID_BYTES;
        while (probe > 0 && ((unsigned char)text[probe] & 0xC0) == 0x80)
            probe--;
    }
    dm_status st = DM_ENOTFOUND;
    if (!c->no_langid) {
        st = dm_langid(c->ctx, text, probe, g, 1, &ng);
        c->n_langid++;
        c->no_langid = st != DM_OK; /* a missing model stays missing: do not reload it per document */
    }
    int script = dm_dominant_script(text, len);
    if (st == DM_OK && ng > 0 && strcmp(g[0].code, "und") != 0) {
        snprintf(code, sizeof code, "%s", g[0].code);
    } else {
        /* no language model: the script alone (its name, or its number when unnamed) */
        const char *name = dm_script_name(script);
        snprintf(code, sizeof code, "S:%s", name ? name : "?");
    }
    int identified = st == DM_OK && ng > 0 && strcmp(g[0].code, "und") != 0;
    dm_status ls = lk_lang_index(c, code, script, lang);
    if (ls == DM_OK && identified && ns)
        ls = learn_vote(c, sig, ns, *lang);
    return ls;
}

uint32_t lk_lang_find(const lk_coll *c, const char *code)
{
    for (size_t i = 0; i < c->nlangs; i++)
        if (!strcmp(c->langs[i].code, code))
            return (uint32_t)i;
    return LK_NONE;
}

dm_status lk_lang_index(lk_coll *c, const char *code, int script, uint32_t *lang)
{
    for (size_t i = 0; i < c->nlangs; i++) {
        if (!strcmp(c->langs[i].code, code)) {
            c->langs[i].ndocs++;
            *lang = (uint32_t)i;
            return DM_OK;
        }
    }
    lk_lang *p = realloc(c->langs, (c->nlangs + 1) * sizeof *p);
    if (!p)
        return DM_ENOMEM;
    c->langs = p;
    memset(&p[c->nlangs], 0, sizeof p[0]);
    snprintf(p[c->nlangs].code, sizeof p[0].code, "%s", code);
    if (c->nlangs >= UINT16_MAX)
        return DM_ELIMIT;
    p[c->nlangs].ndocs = 1;
    p[c->nlangs].script = script;
    *lang = (uint32_t)c->nlangs++;
    return DM_OK;
}
