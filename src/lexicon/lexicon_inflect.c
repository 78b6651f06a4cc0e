/*
 * lexicon_inflect.c -- the inflection fallback of a lookup: an inflected form the lexicon lacks is
 * looked up as the form the lexicon has, by the endings the language itself writes.
 *
 * Dictionaries and catalogues list the direct singular of a noun, the masculine of an adjective,
 * the infinitive of a verb; news text is mostly oblique and plural. Hindi समझौतों "agreements"
 * (oblique plural of समझौता), मुल्कों "countries" (of मुल्क), Urdu معاہدوں and ملکوں the same, Bengali
 * দেশের "of the country" (দেশ), Nepali सरकारले (सरकार + the ergative ले), Gujarati દેશોમાં.
 * A rule is an ending and what may stand in its place ("ों" -> "" or "ा"); the rules are
 * written in ordinary spelling and put into the matching form (dm_match_form) when the lexicon
 * is loaded, so they agree with the keys whatever the matching form folds (Urdu ے and ی, ہ and ه,
 * the nukta). Separate from lexicon.c: that file owns the lookups, this one the languages' endings.
 */
#include "lexicon/lexicon_table.h"

#include "core/ctx.h"

#include <stdlib.h>
#include <string.h>

#define INFLECT_MIN_STEM 2  /* code points left of the word when its ending is taken off */
#define INFLECT_MAX_WORD 240 /* bytes; longer tokens are not words worth a second lookup */

/* "ending=replacement|replacement...", an empty replacement takes the ending off. The longest
 * ending that leads to a word wins (the rules are tried longest first); the replacements of one
 * ending in the order given. A final -ी/ی is not simply taken off: Persian names end in it
 * (रईसी Raisi, काज़मी Kazemi), and रईस "rich man" would make one of them a word. */
static const char *const hi_rules[] = {
    /* nouns: oblique plural, direct plural of feminines and of -ā feminines */
    "ियों=ी|ि", "ियाँ=ी|ि", "ियां=ी|ि", "ओं=", "एँ=", "एं=", "ों=|ा", "ें=ना|",
    /* verbs: future, participles, oblique infinitive, perfective; adjectives' other genders */
    "ेंगे=ना", "ेंगी=ना", "ेगा=ना", "ेगी=ना", "एगा=ना", "एगी=ना", "ते=ना|ता", "ती=ना|ता",
    "ता=ना", "ने=ना", "नी=ना", "या=ना", "ये=ना|ा", "ए=ना", "ई=ना", "े=ा|", "ी=ा", NULL};

/* Urdu writes the same endings in its own script (ے folds to ی, ہ to ه, ؤ to و, ئ to ی). Not the
 * oblique -ے of -ا/-ہ nouns (معاہدے): in matching form it is every final ی, and turning each into
 * ا or ہ found wrong words (mine-tatoeba urd 0.771 -> 0.763 with that rule alone). */
static const char *const ur_rules[] = {
    "یوں=ی", "یاں=ی", "ئیں=", "وں=|ا|ہ", "یں=|نا", "تے=نا|تا", "تی=نا|تا", "تا=نا", "نے=نا",
    "نی=نا", "یا=نا", "ئے=نا", NULL};

/* Bengali: plural and case endings written on the word. */
static const char *const bn_rules[] = {
    "গুলোর=", "গুলির=", "গুলো=", "গুলি=", "দের=", "টির=", "টার=", "েরা=", "ের=", "রা=", "কে=",
    "তে=", "টি=", "টা=", "য়=", "র=", "ে=", NULL};

/* Marathi: case endings on the oblique stem (देशाच्या, देशांना, सत्तेच्या). */
static const char *const mr_rules[] = {
    "ांमध्ये=", "ामध्ये=", "मध्ये=", "ांकडून=", "कडून=", "ापासून=", "पासून=", "ांसाठी=", "ासाठी=",
    "साठी=", "ांच्या=", "ाच्या=", "ेच्या=ा", "च्या=", "ांचा=", "ांची=", "ांचे=", "ाचा=", "ाची=",
    "ाचे=", "ेचा=ा", "ेची=ा", "ेचे=ा", "चा=", "ची=", "चे=", "ांना=", "ाला=", "ेला=ा", "ला=",
    "ांनी=", "ाने=", "ने=", "नी=", "ावर=", "वर=", "ाशी=", "शी=", "ांत=", "ात=", "ेत=ा", "ही=",
    "त=", NULL};

/* Nepali: the plural हरू and postpositions written on the word. */
static const char *const ne_rules[] = {
    "हरूको=", "हरूका=", "हरूकी=", "हरूले=", "हरूलाई=", "हरूमा=", "हरूबाट=", "हरुको=", "हरुले=",
    "हरुलाई=", "हरुमा=", "हरू=", "हरु=", "द्वारा=", "देखि=", "लाई=", "बाट=", "सँग=", "को=", "का=",
    "की=", "ले=", "मा=", NULL};

/* Punjabi (Gurmukhi): plural and oblique endings. */
static const char *const pa_rules[] = {
    "ਿਆਂ=ਾ|ੀ", "ੀਆਂ=ੀ", "ਾਂ=|ਾ", "ੀਂ=ੀ|", "ਦੇ=ਣਾ|ਨਾ", "ਦੀ=ਣਾ|ਨਾ", "ਦਾ=ਣਾ|ਨਾ", "ੇ=ਾ|",
    "ੀ=ਾ|", NULL};

/* Gujarati: plural ઓ and postpositions written on the word. */
static const char *const gu_rules[] = {
    "ઓનાં=", "ઓના=", "ઓની=", "ઓનો=", "ઓનું=", "ઓમાં=", "ઓને=", "ઓએ=", "ઓથી=", "ઓ=", "નાં=",
    "ના=", "ની=", "નો=", "નું=", "માં=", "ને=", "થી=", "એ=", NULL};

static const char *const *rules_of(const char *code)
{
    static const struct {
        const char *code;
        const char *const *rules;
    } langs[] = {{"hi", hi_rules}, {"ur", ur_rules}, {"bn", bn_rules}, {"mr", mr_rules},
                 {"ne", ne_rules}, {"pa", pa_rules}, {"gu", gu_rules}};
    for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
        if (strcmp(code, langs[i].code) == 0)
            return langs[i].rules;
    return NULL;
}

typedef struct inflect_rule {
    uint32_t end_off, end_len;
    uint32_t first, count; /* replacements[first .. first+count) */
} inflect_rule;

typedef struct inflect_repl {
    uint32_t off, len;
} inflect_repl;

struct dm_lex_inflect {
    char *arena;
    inflect_rule *rules;
    size_t n_rules;
    inflect_repl *repls;
    size_t n_repls;
};

void dm_lex_inflect_free(dm_lex_inflect *in)
{
    if (!in)
        return;
    free(in->arena);
    free(in->rules);
    free(in->repls);
    free(in);
}

/* Appends the matching form of s[0..n) to the arena; its offset and length in *off, *len. */
static dm_status put_form(dm_ctx *ctx, dm_lex_inflect *in, size_t *used, size_t cap, const char *s,
                          size_t n, uint32_t *off, uint32_t *len)
{
    char *mf = NULL;
    size_t mlen = 0;
    if (n) {
        dm_status st = dm_match_form(ctx, s, n, &mf, &mlen);
        if (st)
            return st;
    }
    if (*used + mlen > cap) {
        free(mf);
        return dm_fail(ctx, DM_EINVAL, "inflection rule longer than its matching form allows");
    }
    if (mlen)
        memcpy(in->arena + *used, mf, mlen);
    free(mf);
    *off = (uint32_t)*used;
    *len = (uint32_t)mlen;
    *used += mlen;
    return DM_OK;
}

static int longer_first(const void *a, const void *b)
{
    const inflect_rule *x = a, *y = b;
    if (x->end_len != y->end_len)
        return x->end_len > y->end_len ? -1 : 1;
    return x->end_off < y->end_off ? -1 : x->end_off > y->end_off; /* table order */
}

dm_status dm_lex_inflect_new(dm_ctx *ctx, const char *code, dm_lex_inflect **out)
{
    *out = NULL;
    const char *const *src = rules_of(code);
    if (!src)
        return DM_OK;
    size_t n_rules = 0, n_repls = 0, bytes = 0;
    for (const char *const *r = src; *r; r++) {
        n_rules++;
        n_repls++;
        for (const char *p = *r; *p; p++)
            n_repls += *p == '|';
        bytes += strlen(*r);
    }
    dm_lex_inflect *in = calloc(1, sizeof *in);
    size_t cap = bytes * 4 + 16; /* a matching form is never four times its source */
    if (!in || !(in->arena = malloc(cap)) || !(in->rules = calloc(n_rules, sizeof *in->rules)) ||
        !(in->repls = calloc(n_repls, sizeof *in->repls))) {
        dm_lex_inflect_free(in);
        return dm_fail(ctx, DM_ENOMEM, "out of memory");
    }
    size_t used = 0;
    for (const char *const *r = src; *r; r++) {
        const char *eq = strchr(*r, '=');
        if (!eq) {
            dm_lex_inflect_free(in);
            return dm_fail(ctx, DM_EINVAL, "inflection rule without '='");
        }
        inflect_rule *rule = &in->rules[in->n_rules++];
        dm_status st = put_form(ctx, in, &used, cap, *r, (size_t)(eq - *r), &rule->end_off,
                                &rule->end_len);
        rule->first = (uint32_t)in->n_repls;
        for (const char *p = eq + 1; !st;) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            inflect_repl *rp = &in->repls[in->n_repls++];
            st = put_form(ctx, in, &used, cap, p, n, &rp->off, &rp->len);
            if (!bar)
                break;
            p = bar + 1;
        }
        if (st) {
            dm_lex_inflect_free(in);
            return st;
        }
        rule->count = (uint32_t)in->n_repls - rule->first;
    }
    qsort(in->rules, in->n_rules, sizeof *in->rules, longer_first);
    *out = in;
    return DM_OK;
}

/* Code points in s[0..n) (UTF-8 lead bytes). */
static size_t code_points(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

size_t dm_lex_inflect_lookup(const dm_lexicon *lx, const char *word, size_t len,
                             const dm_lex_entry **out)
{
    const dm_lex_inflect *in = lx->inflect;
    char buf[INFLECT_MAX_WORD + 64];
    if (!in || len > INFLECT_MAX_WORD)
        return 0;
    for (size_t r = 0; r < in->n_rules; r++) {
        const inflect_rule *rule = &in->rules[r];
        size_t el = rule->end_len;
        if (el == 0 || el >= len || memcmp(word + len - el, in->arena + rule->end_off, el) != 0)
            continue;
        size_t stem = len - el;
        if (((unsigned char)word[stem] & 0xC0) == 0x80 ||
            code_points(word, stem) < INFLECT_MIN_STEM)
            continue;
        memcpy(buf, word, stem);
        for (uint32_t k = 0; k < rule->count; k++) {
            const inflect_repl *rp = &in->repls[rule->first + k];
            if (stem + rp->len > sizeof buf)
                continue;
            memcpy(buf + stem, in->arena + rp->off, rp->len);
            size_t n = dm_lex_lookup_exact(lx, buf, stem + rp->len, out);
            if (n)
                return n;
        }
    }
    return 0;
}
