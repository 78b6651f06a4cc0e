/*
 * align_features.c -- sentences to the evidence the aligner compares: word tokens of the matching
 * form, numbers read in any digit system, the name key of each word (so that "Rashid", "रशीद" and
 * "رشيد" meet), punctuation marks, lengths, and for every token the list of "concepts" it can
 * match on the other side (form, name key, lexicon pivots, learned translations).
 *
 * Separate from scoring because the miner and the divergence report use the same features.
 */
#include "align/align_internal.h"
#include "align/align_lexicon.h"
#include "text/text.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dm_status al_env_init(al_env *env, dm_ctx *ctx)
{
    memset(env, 0, sizeof *env);
    env->ctx = ctx;
    env->voc = al_vocab_new();
    if (!env->voc)
        return dm_fail(ctx, DM_ENOMEM, "aligner vocabulary");
    env->use_lexicon = 1;
    const char *pl = getenv("DM_ALIGN_PAIR_LEXICON");
    env->pair_lexicons = !pl || atoi(pl) != 0;
    const char *cp = getenv("DM_ALIGN_COMPOUNDS");
    env->compounds = !cp || atoi(cp) != 0;
    return DM_OK;
}

void al_env_free(al_env *env)
{
    al_vocab_free(env->voc);
    free(env->key_of);
    free(env->stem_of);
    free(env->num_of);
    free(env->core_of);
    free(env->unit_of);
    al_lexicons_free(env);
    memset(env, 0, sizeof *env);
}

dm_status al_form_cache_reserve(uint32_t **of, size_t *cap, uint32_t form)
{
    if (form < *cap)
        return DM_OK;
    size_t nc = *cap ? *cap : 4096;
    while (nc <= form)
        nc *= 2;
    uint32_t *p = realloc(*of, nc * sizeof *p);
    if (!p)
        return DM_ENOMEM;
    for (size_t k = *cap; k < nc; k++)
        p[k] = AL_UNSET;
    *of = p;
    *cap = nc;
    return DM_OK;
}

void al_doc_free(al_doc *d)
{
    free(d->sent);
    free(d->tok);
    free(d->conc);
    memset(d, 0, sizeof *d);
}

static uint32_t utf8_count_nonspace(const char *s, size_t n)
{
    uint32_t c = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch & 0xC0) == 0x80 || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
            continue;
        c++;
    }
    return c;
}

static uint8_t punct_bits(const char *s, size_t n)
{
    if (n == 1) {
        switch (s[0]) {
        case '?': return AL_P_QUESTION;
        case '!': return AL_P_EXCLAIM;
        case '"': return AL_P_QUOTE;
        case ':': return AL_P_COLON;
        case '(': case ')': return AL_P_PAREN;
        default: return 0;
        }
    }
    /* Arabic question mark, full-width marks, typographic quotes and guillemets */
    if ((n == 2 && !memcmp(s, "\xd8\x9f", 2)) || (n == 3 && !memcmp(s, "\xef\xbc\x9f", 3)))
        return AL_P_QUESTION;
    if (n == 3 && !memcmp(s, "\xef\xbc\x81", 3))
        return AL_P_EXCLAIM;
    if ((n == 3 && (!memcmp(s, "\xe2\x80\x9c", 3) || !memcmp(s, "\xe2\x80\x9d", 3) ||
                    !memcmp(s, "\xe2\x80\x9e", 3))) ||
        (n == 2 && (!memcmp(s, "\xc2\xab", 2) || !memcmp(s, "\xc2\xbb", 2))))
        return AL_P_QUOTE;
    return 0;
}

/* "380 000", "7 000 000": a number written with spaces between its groups of thousands (French,
 * Russian, German typography) is one number, not 380 and 0. Reads the groups that follow token
 * k (one space before each, exactly three ASCII digits) into *v; returns how many were read. */
static size_t thousands_groups(const char *mf, const dm_token *tk, size_t nt, size_t k, double *v)
{
    size_t used = 0;
    if (tk[k].len > 3 || *v != (double)(long long)*v)
        return 0;
    for (size_t q = k; q + 1 < nt; q++) {
        const dm_token *a = &tk[q], *b = &tk[q + 1];
        if (b->kind != DM_TOK_NUMBER || b->len != 3 || b->start != a->start + a->len + 1 ||
            mf[a->start + a->len] != ' ')
            break;
        const char *g = mf + b->start;
        if (g[0] < '0' || g[0] > '9' || g[1] < '0' || g[1] > '9' || g[2] < '0' || g[2] > '9')
            break;
        *v = *v * 1000 + (g[0] - '0') * 100 + (g[1] - '0') * 10 + (g[2] - '0');
        used++;
    }
    return used;
}

static dm_status push_tok(al_doc *d, const al_tok *t)
{
    if (d->ntok == d->captok) {
        size_t nc = d->captok ? d->captok * 2 : 256;
        al_tok *p = realloc(d->tok, nc * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        d->tok = p;
        d->captok = nc;
    }
    d->tok[d->ntok++] = *t;
    return DM_OK;
}

/* Does a sentence end in a mark that asks for more (a colon, a comma, a semicolon, an opening
 * bracket, a hyphen, in any script)? Such a line ("Literatur :", "( London :") was cut by a
 * segmenter or a layout, not by the author. A headline without a full stop does not count. */
static int ends_open(const char *t, size_t n)
{
    while (n && isspace((unsigned char)t[n - 1]))
        n--;
    if (!n)
        return 0;
    unsigned char c = (unsigned char)t[n - 1];
    if (c == ':' || c == ',' || c == ';' || c == '(' || c == '-')
        return 1;
    /* full-width colon, comma, semicolon; ideographic comma; Arabic comma and semicolon */
    static const char *const marks[] = {"\xef\xbc\x9a", "\xef\xbc\x8c", "\xef\xbc\x9b",
                                        "\xe3\x80\x81", "\xd8\x8c", "\xd8\x9b"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t ml = strlen(marks[k]);
        if (n >= ml && !memcmp(t + n - ml, marks[k], ml))
            return 1;
    }
    return 0;
}

/* Brackets left open at the end of a sentence (> 0), or closed that it never opened (< 0, the
 * first unmatched closing one): ASCII and full-width round brackets. */
static int open_brackets(const char *t, size_t n, int *closed_first)
{
    int depth = 0;
    *closed_first = 0;
    for (size_t k = 0; k < n; k++) {
        int d = 0;
        if (t[k] == '(')
            d = 1;
        else if (t[k] == ')')
            d = -1;
        else if (k + 2 < n && (unsigned char)t[k] == 0xEF && (unsigned char)t[k + 1] == 0xBC &&
                 ((unsigned char)t[k + 2] == 0x88 || (unsigned char)t[k + 2] == 0x89))
            d = (unsigned char)t[k + 2] == 0x88 ? 1 : -1;
        if (d < 0 && depth == 0)
            *closed_first = 1;
        else
            depth += d;
    }
    return depth;
}

/* Does a sentence begin as the rest of another: a lower-case Latin letter, a closing bracket? */
static int starts_continuation(const char *t, size_t n)
{
    size_t k = 0;
    while (k < n && isspace((unsigned char)t[k]))
        k++;
    if (k == n)
        return 0;
    unsigned char c = (unsigned char)t[k];
    return (c < 0x80 && islower(c)) || c == ')';
}

/* A cue that fires on many sentences of a document says nothing about any one of them (a text
 * in lower case throughout, a list whose lines end in commas): each of the two kinds of marks
 * (the previous sentence left open; this one begins as a continuation) is kept only when it
 * marks one sentence or at most a quarter of the document's. Then cont is 0 or 1. */
static void keep_rare_cuts(al_doc *d)
{
    size_t count[2] = {0, 0};
    for (size_t i = 0; i < d->n; i++)
        for (int k = 0; k < 2; k++)
            count[k] += (d->sent[i].cont >> k) & 1;
    uint8_t keep = 0;
    for (int k = 0; k < 2; k++)
        if (count[k] <= 1 || count[k] * 4 <= d->n)
            keep |= (uint8_t)(1 << k);
    for (size_t i = 0; i < d->n; i++) {
        d->sent[i].glue = (d->sent[i].cont & keep & 1) ? d->sent[i].glue : 0;
        d->sent[i].cont = (d->sent[i].cont & keep) != 0;
    }
}

dm_status al_doc_build(al_env *env, al_doc *d, const char *const *text, const size_t *len, size_t n)
{
    memset(d, 0, sizeof *d);
    d->sent = calloc(n ? n : 1, sizeof *d->sent);
    if (!d->sent)
        return dm_fail(env->ctx, DM_ENOMEM, "sentence features");
    d->n = n;
    int script_count[DM_SCRIPT_COUNT] = {0};
    for (size_t i = 0; i < n; i++) {
        al_sent *s = &d->sent[i];
        s->tok0 = (uint32_t)d->ntok;
        s->nchar = utf8_count_nonspace(text[i], len[i]);
        if (i > 0) {
            int closes, prev_closes;
            /* after an initial, inside a bracket: cuts no translator makes */
            int initial = al_ends_in_abbreviation(text[i - 1], len[i - 1]);
            int bracket = open_brackets(text[i - 1], len[i - 1], &prev_closes) > 0;
            int open = ends_open(text[i - 1], len[i - 1]) || initial || bracket;
            s->glue = (uint8_t)(initial | bracket << 1);
            int cut = starts_continuation(text[i], len[i]) || (open_brackets(text[i], len[i], &closes), closes);
            s->cont = (uint8_t)(open | cut << 1);
        }
        d->nchar_total += s->nchar;
        char *mf = NULL;
        size_t mlen = 0;
        dm_status st = dm_match_form(env->ctx, text[i], len[i], &mf, &mlen);
        if (st != DM_OK)
            return st;
        dm_token *tk = NULL;
        size_t nt = 0;
        st = dm_tokenize(env->ctx, mf, mlen, &tk, &nt);
        if (st != DM_OK) {
            free(mf);
            return st;
        }
        for (size_t k = 0; k < nt && st == DM_OK; k++) {
            const char *w = mf + tk[k].start;
            size_t wl = tk[k].len;
            if (tk[k].kind == DM_TOK_PUNCT) {
                uint8_t bits = punct_bits(w, wl);
                s->punct |= bits;
                /* questions and exclamations are evidence in every script (? ؟ ？ are one) */
                if (bits & (AL_P_QUESTION | AL_P_EXCLAIM)) {
                    al_tok t = {0};
                    t.kind = DM_TOK_PUNCT;
                    t.w = 1.0f;
                    st = al_vocab_intern(env->voc, bits & AL_P_QUESTION ? "\x04?" : "\x04!", 2, &t.form);
                    if (st == DM_OK)
                        st = push_tok(d, &t);
                }
                continue;
            }
            al_tok t = {0};
            t.kind = DM_TOK_WORD;
            double v;
            if (tk[k].kind == DM_TOK_NUMBER && dm_parse_number(w, wl, &v)) {
                k += thousands_groups(mf, tk, nt, k, &v);
                double sc; /* a quantity: "50 million" and "5000万" are one number */
                if (dm_scale_after(env->ctx, NULL, mf, tk, nt, k + 1, &sc) && v * sc <= 1e18) {
                    v *= sc;
                    k++;
                }
                char buf[40];
                int bl = snprintf(buf, sizeof buf, "#%.15g", v);
                st = al_vocab_intern(env->voc, buf, (size_t)bl, &t.form);
                t.kind = DM_TOK_NUMBER;
            } else {
                st = al_vocab_intern(env->voc, w, wl, &t.form);
            }
            if (st != DM_OK)
                break;
            if (tk[k].script < DM_SCRIPT_COUNT)
                script_count[tk[k].script]++;
            t.latin = tk[k].script == DM_SCRIPT_LATIN;
            t.num = t.kind == DM_TOK_NUMBER || (w[0] >= '0' && w[0] <= '9');
            t.c0 = 0;
            t.nc = 0;
            t.w = 1.0f;
            st = push_tok(d, &t);
        }
        free(tk);
        free(mf);
        if (st != DM_OK)
            return dm_fail(env->ctx, st, "sentence features");
        s->ntok = (uint32_t)d->ntok - s->tok0;
    }
    int best = DM_SCRIPT_OTHER;
    for (int k = 1; k < DM_SCRIPT_COUNT; k++)
        if (script_count[k] > script_count[best])
            best = k;
    d->script = best;
    keep_rare_cuts(d);
    return DM_OK;
}

void al_doc_count_df(const al_doc *d, uint32_t *df)
{
    /* a form counts once per sentence: the last sentence that counted it is remembered by
     * marking df with the high bit would cost a second array; repeated forms in one sentence are
     * rare enough that a small local scan is cheaper */
    for (size_t i = 0; i < d->n; i++) {
        const al_sent *s = &d->sent[i];
        for (uint32_t k = 0; k < s->ntok; k++) {
            uint32_t f = d->tok[s->tok0 + k].form;
            int seen = 0;
            for (uint32_t q = 0; q < k && !seen; q++)
                seen = d->tok[s->tok0 + q].form == f;
            if (!seen)
                df[f]++;
        }
    }
}

void al_doc_weights(al_doc *d, const uint32_t *df, double n_sent, uint32_t *local)
{
    /* a word repeated through the document says little about which sentence is which: the
     * weight is the smaller of the idf over the whole input and the idf within the document */
    al_doc_count_df(d, local);
    double nd = (double)d->n;
    for (size_t i = 0; i < d->n; i++) {
        al_sent *s = &d->sent[i];
        double sum = 0, wnum = 0;
        s->nummask = 0;
        for (uint32_t k = 0; k < s->ntok; k++) {
            al_tok *t = &d->tok[s->tok0 + k];
            double f = df[t->form] ? df[t->form] : 1;
            double w = log((n_sent + 1.0) / (f + 0.5));
            double wl = log((nd + 1.0) / (local[t->form] + 0.5));
            if (wl < w)
                w = wl;
            if (w < 0.1)
                w = 0.1;
            if (w > 6.0)
                w = 6.0;
            t->w = (float)w;
            sum += w;
            if (t->num && k < 63) {
                s->nummask |= (uint64_t)1 << k;
                wnum += w;
            }
        }
        s->wsum = (float)sum;
        s->wnum = (float)wnum;
    }
    for (size_t k = 0; k < d->ntok; k++)
        local[d->tok[k].form] = 0;
}

/* The name-key concept of a word form: its Latin transliteration's consonant skeleton. Han
 * characters are left out (their readings say nothing about foreign names). */
static dm_status name_key_of(al_env *env, uint32_t form, uint32_t *out)
{
    if (form >= env->key_cap && al_form_cache_reserve(&env->key_of, &env->key_cap, form) != DM_OK)
        return DM_ENOMEM;
    if (env->key_of[form] != AL_UNSET) {
        *out = env->key_of[form];
        return DM_OK;
    }
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    uint32_t res = AL_NONE;
    unsigned char c0 = (unsigned char)w[0];
    int han = 0;
    if (c0 >= 0xE3 && c0 <= 0xE9) /* U+3000..U+9FFF: kana and CJK ideographs */
        han = c0 >= 0xE4;
    if (wl >= 3 && !han && w[0] != '#') {
        char lat[256], key[64];
        dm_status st = dm_translit_latin(env->ctx, w, wl, lat, sizeof lat);
        if (st == DM_OK) {
            dm_name_key(lat, key + 1, sizeof key - 1);
            size_t kl = strlen(key + 1);
            if (kl >= 3) {
                key[0] = '\x01';
                st = al_vocab_intern(env->voc, key, kl + 1, &res);
                if (st != DM_OK)
                    return st;
            }
        }
    }
    /* interning may have grown the vocabulary past key_cap: the new ids are keys, never forms */
    env->key_of[form] = res;
    *out = res;
    return DM_OK;
}

/* The stem concept of a Latin-script word: the first 5 letters of its ASCII form when it has 5
 * or more, so that "political", "politics", "politischen", "politique" meet, and "géoïde" meets
 * "Geoid" (English pivots of other languages too). Cheap stemming and cognate matching at once;
 * AL_NONE for short or non-Latin words. Cached per form like the name key. */
static dm_status stem_of(al_env *env, uint32_t form, uint32_t *out)
{
    if (form >= env->stem_cap && al_form_cache_reserve(&env->stem_of, &env->stem_cap, form) != DM_OK)
        return DM_ENOMEM;
    if (env->stem_of[form] != AL_UNSET) {
        *out = env->stem_of[form];
        return DM_OK;
    }
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    uint32_t res = AL_NONE;
    int latin = wl >= 5;
    for (size_t k = 0; k < wl && latin; k++) {
        unsigned char c = (unsigned char)w[k];
        latin = c >= 0x80 ? c < 0xD0 : (c >= 'a' && c <= 'z') || c == '\'' || c == '-';
    }
    if (latin) {
        char lat[128], buf[8];
        size_t n = 1;
        if (dm_translit_latin(env->ctx, w, wl, lat, sizeof lat) == DM_OK) {
            buf[0] = '\x03';
            for (size_t k = 0; lat[k] && n < 6; k++)
                if (lat[k] >= 'a' && lat[k] <= 'z')
                    buf[n++] = lat[k];
            if (n == 6) {
                dm_status st = al_vocab_intern(env->voc, buf, n, &res);
                if (st != DM_OK)
                    return st;
            }
        }
    }
    env->stem_of[form] = res;
    *out = res;
    return DM_OK;
}

/* The concept of a number value: the form numbers have ("#18"). */
static dm_status number_concept(al_env *env, double v, uint32_t *out)
{
    char buf[40];
    int bl = snprintf(buf, sizeof buf, "#%.15g", v);
    return al_vocab_intern(env->voc, buf, (size_t)bl, out);
}

/* The number a word stands for: an ordinal or a number with a suffix written as one word
 * ("47th", "18e"), or a number word of the side's language ("eighteen", "восемь"). The concept
 * is the number's form, so that it meets the digits; AL_NONE when the word is no number.
 * Words of digits are cached per form like the name key; number words depend on the language
 * ("on" is ten in Turkish only) and are looked up each time (a binary search). */
static dm_status number_of(al_env *env, const char *lang, uint32_t form, uint32_t *out)
{
    *out = AL_NONE;
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    double v;
    if (!wl || w[0] == '#')
        return DM_OK;
    if (w[0] < '0' || w[0] > '9') {
        if ((unsigned char)w[0] >= 'a' && dm_number_word(env->ctx, lang[0] ? lang : NULL, w, wl, &v))
            return number_concept(env, v, out);
        return DM_OK;
    }
    if (form >= env->num_cap && al_form_cache_reserve(&env->num_of, &env->num_cap, form) != DM_OK)
        return DM_ENOMEM;
    if (env->num_of[form] != AL_UNSET) {
        *out = env->num_of[form];
        return DM_OK;
    }
    size_t d = 0;
    while (d < wl && w[d] >= '0' && w[d] <= '9')
        d++;
    uint32_t res = AL_NONE;
    if (d < wl && d <= 9 && dm_parse_number(w, d, &v)) {
        dm_status st = number_concept(env, v, &res);
        if (st != DM_OK)
            return st;
    }
    /* interning may have grown the vocabulary past num_cap: the new ids are numbers, not words */
    env->num_of[form] = res;
    *out = res;
    return DM_OK;
}

/* Is w[0..n) a generic top-level domain of 3 letters or more (the part after the last dot of "bbc.com",
 * "un.org", "who.int")? Country codes have 2 letters: they never pass as a glued name anyway. */
static int is_domain_suffix(const char *w, size_t n)
{
    static const char *const tld[] = {"com", "org", "net", "edu", "gov", "int", "mil", "info", "biz",
                                      "name", "pro", "app", "dev", "aero", "asia", "mobi", "museum", "travel",
                                      "jobs", "news", "online", "site", "blog", "tech", "xyz", "media"};
    for (size_t k = 0; k < sizeof tld / sizeof *tld; k++)
        if (strlen(tld[k]) == n && !memcmp(tld[k], w, n))
            return 1;
    return 0;
}

/* The main part of a word with an apostrophe: after an elided article or pronoun
 * ("l'allemagne", "qu'il", "dell'anno": a part of 1-4 bytes before it), before a possessive or
 * a case ending ("trump's", "rosenstein'in": 1-4 bytes after it). Its form, name key and stem
 * are concepts of the word, so that "l'Everest" meets "Everest" and "Trump'la" meets "Trump".
 * Likewise the name after initials or a title written without a space ("Ch.Evans", "L.W.Davies",
 * "Mrs.Joyce": parts of 1-3 letters, each with its full stop), as scanned books and careless
 * typing give them: "Ch.Evans" meets "Evans"; not a domain: "bbc.com" does not meet "com".
 * AL_NONE for other words; cached per form. */
static dm_status core_of(al_env *env, uint32_t form, uint32_t *out)
{
    if (form >= env->core_cap && al_form_cache_reserve(&env->core_of, &env->core_cap, form) != DM_OK)
        return DM_ENOMEM;
    if (env->core_of[form] != AL_UNSET) {
        *out = env->core_of[form];
        return DM_OK;
    }
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    uint32_t res = AL_NONE;
    size_t at = wl, al = 0;
    for (size_t k = 0; k < wl && at == wl; k++) {
        if (w[k] == '\'')
            at = k, al = 1;
        else if (k + 3 <= wl && !memcmp(w + k, "\xe2\x80\x99", 3))
            at = k, al = 3;
    }
    if (at == wl) { /* initials glued to a name: "ch.evans", "l.w.davies", "mrs.joyce" */
        size_t seg = 0, last = wl;
        for (size_t k = 0; k < wl; k++) {
            if (w[k] == '.') {
                if (seg < 1 || seg > 3)
                    break;
                last = k;
                seg = 0;
            } else if ((unsigned char)w[k] < 0x80 && !isalpha((unsigned char)w[k])) {
                break;
            } else {
                seg++;
            }
            /* a domain ("bbc.com", "www.un.org") is no name after initials */
            if (k + 1 == wl && last < wl && seg >= 3 && !is_domain_suffix(w + last + 1, wl - last - 1))
                at = last, al = 1;
        }
    }
    if (at < wl && w[at] == '.') {
        res = AL_NONE;
        char buf[128];
        size_t cl = wl - at - 1;
        if (cl < sizeof buf) {
            memcpy(buf, w + at + 1, cl); /* the vocabulary may move while interning */
            dm_status st = al_vocab_intern(env->voc, buf, cl, &res);
            if (st != DM_OK)
                return st;
        }
    } else if (at < wl) {
        size_t before = at, after = wl - at - al;
        const char *c = NULL;
        size_t cl = 0;
        if (before >= 1 && before <= 4 && after >= 3)
            c = w + at + al, cl = after;
        else if (after >= 1 && after <= 4 && before >= 3)
            c = w, cl = before;
        if (c) {
            char buf[128];
            if (cl < sizeof buf) {
                memcpy(buf, c, cl); /* the vocabulary may move while interning */
                dm_status st = al_vocab_intern(env->voc, buf, cl, &res);
                if (st != DM_OK)
                    return st;
            }
        }
    }
    env->core_of[form] = res;
    *out = res;
    return DM_OK;
}

static dm_status push_conc(al_doc *d, uint32_t c)
{
    if (d->nconc == d->capconc) {
        size_t nc = d->capconc ? d->capconc * 2 : 1024;
        uint32_t *p = realloc(d->conc, nc * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        d->conc = p;
        d->capconc = nc;
    }
    d->conc[d->nconc++] = c;
    return DM_OK;
}

dm_status al_stem_concept(al_env *env, uint32_t form, uint32_t *out)
{
    return stem_of(env, form, out);
}

dm_status al_doc_concepts(al_env *env, al_doc *d, int learned)
{
    d->nconc = 0;
    const al_lexicon *lx = env->use_lexicon ? al_lexicon_for(env, d->lang) : NULL;
    const al_lexicon *px = lx && env->pair_lexicons ? al_lexicon_between(env, d->lang, d->partner) : NULL;
    /* translations learned over stems, for a pair that no lexicon bridges */
    int units = env->ibm_units && !al_pair_bridged(env, d);
    for (size_t k = 0; k < d->ntok; k++) {
        al_tok *t = &d->tok[k];
        t->c0 = (uint32_t)d->nconc;
        dm_status st = push_conc(d, t->form);
        uint32_t core = AL_NONE;
        if (st == DM_OK && t->kind == DM_TOK_WORD && t->latin)
            st = core_of(env, t->form, &core);
        if (st == DM_OK && core != AL_NONE)
            st = push_conc(d, core);
        if (st == DM_OK && t->kind == DM_TOK_WORD) {
            uint32_t key;
            st = name_key_of(env, core != AL_NONE ? core : t->form, &key);
            if (st == DM_OK && key != AL_NONE)
                st = push_conc(d, key);
        }
        if (st == DM_OK && t->kind == DM_TOK_WORD) {
            uint32_t num;
            st = number_of(env, d->lang, t->form, &num);
            if (st == DM_OK && num != AL_NONE)
                st = push_conc(d, num);
        }
        if (st == DM_OK && t->kind == DM_TOK_WORD && t->latin) {
            uint32_t stem;
            st = stem_of(env, core != AL_NONE ? core : t->form, &stem);
            if (st == DM_OK && stem != AL_NONE)
                st = push_conc(d, stem);
        }
        if (st == DM_OK && lx && t->kind == DM_TOK_WORD) {
            uint32_t piv[8];
            size_t np = al_lexicon_pivots(env, lx, t->form, piv, 8);
            for (size_t q = 0; q < np && st == DM_OK; q++) {
                st = push_conc(d, piv[q]);
                uint32_t stem;
                if (st == DM_OK)
                    st = stem_of(env, piv[q], &stem);
                if (st == DM_OK && stem != AL_NONE)
                    st = push_conc(d, stem);
            }
        }
        if (st == DM_OK && px && t->kind == DM_TOK_WORD) { /* straight into the partner's language */
            uint32_t tr[8];
            size_t nt = al_lexicon_pivots(env, px, t->form, tr, 8);
            /* not cached per word (as core_of and stem_of are): on Text+Berg, the one pair with a
             * pair lexicon, the whole run takes 6.21-6.26 s user without the splitting
             * (DM_ALIGN_COMPOUNDS=0) and 6.23-6.31 s with it, 3 runs each: a cache would save
             * less than the runs' noise, and memory per vocabulary entry */
            if (!nt && t->latin && env->compounds)
                nt = al_lexicon_compound(env, px, t->form, tr, 8);
            for (size_t q = 0; q < nt && st == DM_OK; q++) {
                st = push_conc(d, tr[q]);
                uint32_t stem;
                if (st == DM_OK && t->latin)
                    st = stem_of(env, tr[q], &stem);
                if (st == DM_OK && t->latin && stem != AL_NONE)
                    st = push_conc(d, stem);
            }
        }
        if (st == DM_OK && learned && env->ibm) {
            size_t ni;
            const uint32_t *tr = al_ibm_lookup(env->ibm, t->form, &ni);
            for (size_t q = 0; q < ni && st == DM_OK; q++)
                st = push_conc(d, tr[q]);
        }
        if (st == DM_OK && units && t->kind == DM_TOK_WORD) { /* learned over stems */
            uint32_t u;
            st = al_learn_unit(env, t->form, &u);
            if (st == DM_OK && u != t->form && !t->latin) /* a Latin word has its stem already */
                st = push_conc(d, u);
            size_t ni = 0;
            const uint32_t *tr = st == DM_OK && learned ? al_ibm_lookup(env->ibm_units, u, &ni) : NULL;
            for (size_t q = 0; q < ni && st == DM_OK; q++)
                st = push_conc(d, tr[q]);
        }
        if (st != DM_OK)
            return dm_fail(env->ctx, st, "token concepts");
        t->nc = (uint16_t)(d->nconc - t->c0);
    }
    return DM_OK;
}
