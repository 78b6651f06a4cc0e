/*
 * diff_names.c -- names one version of a story mentions and the other does not.
 *
 * A name is a capitalised word inside a sentence (not the first word, nor the first after a
 * colon, an opening quote or a sentence end). It counts as present in the other version when
 * that version has, anywhere:
 *   the same form, or an English pivot of it through the lexicons (Dienstag / Tuesday);
 *   a word, or 2-3 adjacent words read as one, whose name key matches (diff_keys.c):
 *     "Ayatollah" / آیت الله, "Abu Mahdi" / ابومهدی, "Hashd al Sha'abi" / حشدالشعبی; keys match
 *     when equal or when they differ by inflection endings (Americans / آمریکایی‌ها / अमरीकियों),
 *     and where the other script writes vowels, they must agree (Khamenei / خامنه‌ای, not
 *     Khomeini); a common word of the other language matches only on an equal key of 4
 *     consonants (Sistani is not است "is").
 * Words that are not names by themselves are not reported alone:
 *   common words: written in lower case elsewhere in the version, known to its lexicon (German
 *     nouns, also inflected or compounded), or for English a word the lexicons give as a
 *     translation with rivals (diff_vocab.c: President, Revolution, Force). A run of them
 *     ("Popular Mobilization Force") is reported as one name only when none of its words is found
 *     on the other side and the aligned sentences of the other side hold nothing this version
 *     does not explain (so the run has nothing left it could be a translation of);
 *   months, weekdays and numbers written as words: a date's difference is a calendar's (21 July
 *     / 30 Tir), and the number itself is reported as a number.
 * Adjacent missing names are reported as one ("Abdul Latif Rashid").
 */
#include "align/diff_names.h"

#include "text/text.h"
#include "util/buf.h"

#if defined(__has_include)
#if __has_include("lexicon/lexicon.h")
#include "lexicon/lexicon.h"
#define HAVE_LEXICON 1
#endif
#endif

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_CAP 48
#define LAT_CAP 96


/* --- words read once ------------------------------------------------------------------------ */

/* Matching form, transliteration and key of each distinct word as written: ICU's
 * transliteration is the costly step, and a long text repeats its words. */
typedef struct dn_memo_e {
    uint32_t raw, raw_len, form, lat, key; /* offsets in the arena */
} dn_memo_e;

typedef struct dn_memo {
    dm_buf arena;
    dn_memo_e *e;
    size_t n, cap;
    uint32_t *slots; /* entry index + 1, 0 empty; power-of-two size */
    size_t n_slots;
} dn_memo;

static void memo_free(dn_memo *m)
{
    dm_buf_free(&m->arena);
    free(m->e);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

static int memo_rehash(dn_memo *m)
{
    size_t ns = m->n_slots ? m->n_slots * 2 : 1024;
    uint32_t *sl = calloc(ns, sizeof *sl);
    if (!sl)
        return -1;
    for (size_t i = 0; i < m->n; i++) {
        size_t h = dm_hash_bytes(m->arena.p + m->e[i].raw, m->e[i].raw_len) & (ns - 1);
        while (sl[h])
            h = (h + 1) & (ns - 1);
        sl[h] = (uint32_t)i + 1;
    }
    free(m->slots);
    m->slots = sl;
    m->n_slots = ns;
    return 0;
}

static uint32_t arena_add(dm_buf *a, const char *s, size_t n, int *fail)
{
    uint32_t off = (uint32_t)a->len;
    if (a->len + n + 1 > UINT32_MAX || dm_buf_add(a, s, n) || dm_buf_addc(a, 0))
        *fail = 1;
    return off;
}

/* The entry of a word as written (read and added when new); NULL when out of memory. */
static const dn_memo_e *memo_get(dm_ctx *ctx, dn_memo *m, const char *w, size_t wl, dm_status *st)
{
    if ((m->n + 1) * 2 > m->n_slots && memo_rehash(m)) {
        *st = DM_ENOMEM;
        return NULL;
    }
    size_t h = dm_hash_bytes(w, wl) & (m->n_slots - 1);
    while (m->slots[h]) {
        const dn_memo_e *e = &m->e[m->slots[h] - 1];
        if (e->raw_len == wl && !memcmp(m->arena.p + e->raw, w, wl))
            return e;
        h = (h + 1) & (m->n_slots - 1);
    }
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 256;
        dn_memo_e *p = realloc(m->e, nc * sizeof *p);
        if (!p) {
            *st = DM_ENOMEM;
            return NULL;
        }
        m->e = p;
        m->cap = nc;
    }
    char *mf = NULL;
    size_t ml = 0;
    *st = dm_match_form(ctx, w, wl, &mf, &ml);
    if (*st != DM_OK)
        return NULL;
    char lat[LAT_CAP], key[KEY_CAP];
    if (dm_translit_latin(ctx, mf, ml, lat, sizeof lat) != DM_OK)
        lat[0] = 0;
    dm_name_key(lat, key, sizeof key);
    int fail = 0;
    dn_memo_e *e = &m->e[m->n];
    e->raw = arena_add(&m->arena, w, wl, &fail);
    e->raw_len = (uint32_t)wl;
    e->form = arena_add(&m->arena, mf, ml < 199 ? ml : 199, &fail);
    e->lat = arena_add(&m->arena, lat, strlen(lat), &fail);
    e->key = arena_add(&m->arena, key, strlen(key), &fail);
    free(mf);
    if (fail) {
        *st = DM_ENOMEM;
        return NULL;
    }
    m->slots[h] = (uint32_t)++m->n;
    return e;
}

/* --- the other version's name keys ------------------------------------------------------- */

typedef struct dn_key {
    const char *key, *lat; /* in dn_keys.arena, set once every key is in */
    uint32_t key_off, lat_off;
    uint8_t arabic; /* written in Arabic script (long vowels only) */
    uint8_t vowels; /* in a script that writes every vowel (Devanagari, Cyrillic, Greek) */
    uint8_t joined; /* of 2-3 words read as one */
    uint8_t common; /* a common word of its language (its lexicon translates it) */
} dn_key;

typedef struct dn_keys {
    dm_buf arena;
    dn_key *k;
    size_t n, cap;
} dn_keys;

static int cmp_key(const void *a, const void *b)
{
    const dn_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (!c)
        c = strcmp(x->lat, y->lat);
    if (!c)
        c = (x->arabic | x->vowels << 1 | x->joined << 2 | x->common << 3) -
            (y->arabic | y->vowels << 1 | y->joined << 2 | y->common << 3);
    return c;
}

static dm_status keys_add(dn_keys *ks, const char *lat, int script, int joined, int common)
{
    char key[KEY_CAP];
    dm_name_key(lat, key, sizeof key);
    if (strlen(key) < (joined ? 3u : 2u)) /* joined words match on 3 consonants or more */
        return DM_OK;
    if (ks->n == ks->cap) {
        size_t nc = ks->cap ? ks->cap * 2 : 256;
        dn_key *p = realloc(ks->k, nc * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        ks->k = p;
        ks->cap = nc;
    }
    int fail = 0;
    dn_key *e = &ks->k[ks->n++];
    memset(e, 0, sizeof *e);
    e->key_off = arena_add(&ks->arena, key, strlen(key), &fail);
    e->lat_off = arena_add(&ks->arena, lat, strlen(lat), &fail);
    e->arabic = script == DM_SCRIPT_ARABIC;
    e->vowels = script == DM_SCRIPT_DEVANAGARI || script == DM_SCRIPT_CYRILLIC || script == DM_SCRIPT_GREEK;
    e->joined = (uint8_t)joined;
    e->common = (uint8_t)common;
    return fail ? DM_ENOMEM : DM_OK;
}

/* Once every key is in: point the keys at their strings, sort them, drop repeats. */
static void keys_finish(dn_keys *ks)
{
    for (size_t i = 0; i < ks->n; i++) {
        ks->k[i].key = ks->arena.p + ks->k[i].key_off;
        ks->k[i].lat = ks->arena.p + ks->k[i].lat_off;
    }
    if (!ks->n)
        return;
    qsort(ks->k, ks->n, sizeof *ks->k, cmp_key);
    size_t w = 1;
    for (size_t i = 1; i < ks->n; i++)
        if (cmp_key(&ks->k[i], &ks->k[w - 1]))
            ks->k[w++] = ks->k[i];
    ks->n = w;
}

static void keys_free(dn_keys *ks)
{
    dm_buf_free(&ks->arena);
    free(ks->k);
    memset(ks, 0, sizeof *ks);
}

/* A word of a sentence as the checks need it. */
typedef struct dn_word {
    uint32_t start, len;   /* in the sentence (a possessive 's left out) */
    char form[200];        /* matching form */
    char lat[LAT_CAP];     /* Latin transliteration */
    char key[KEY_CAP];
    uint8_t script;
    uint8_t joined;        /* follows the previous word with nothing or a hyphen between */
    uint8_t initial;       /* first of its sentence or clause */
} dn_word;

/* Marks after which a capitalised word is capitalised for the sentence's sake: a colon, an
 * opening quote, the end of a sentence (a line may hold several: a paragraph). */
static int is_opening(const char *p, size_t n)
{
    return (n == 1 && (*p == ':' || *p == '"' || *p == '.' || *p == '!' || *p == '?')) ||
           (n == 3 && (!memcmp(p, "\xe3\x80\x82", 3) || !memcmp(p, "\xef\xbc\x9f", 3) ||
                       !memcmp(p, "\xef\xbc\x81", 3))) || (n == 3 && (!memcmp(p, "\xe2\x80\x9c", 3) ||
                                                               !memcmp(p, "\xe2\x80\x9e", 3))) ||
           (n == 2 && !memcmp(p, "\xc2\xab", 2));
}

/* The words of one sentence. */
static dm_status sentence_words(dm_ctx *ctx, dn_memo *memo, const char *s, size_t sl, dn_word **out,
                                size_t *nout)
{
    *out = NULL;
    *nout = 0;
    dm_token *tk = NULL;
    size_t nt = 0;
    dm_status st = dm_tokenize(ctx, s, sl, &tk, &nt);
    if (st != DM_OK)
        return st;
    dn_word *w = calloc(nt ? nt : 1, sizeof *w);
    if (!w) {
        free(tk);
        return DM_ENOMEM;
    }
    size_t n = 0;
    int initial = 1, joined = 0;
    for (size_t k = 0; k < nt && st == DM_OK; k++) {
        const char *p = s + tk[k].start;
        size_t pl = tk[k].len;
        if (tk[k].kind != DM_TOK_WORD || pl >= 200) {
            /* a full stop right after a short capitalised word is an abbreviation's or an
             * initial's (Mr. Kazemi, George W. Bush), not a sentence end */
            int abbrev = pl == 1 && *p == '.' && k > 0 && tk[k - 1].kind == DM_TOK_WORD &&
                         tk[k - 1].len <= 3 && tk[k - 1].start + tk[k - 1].len == tk[k].start &&
                         dn_capitalised(s + tk[k - 1].start, tk[k - 1].len);
            if (tk[k].kind == DM_TOK_PUNCT && is_opening(p, pl) && !abbrev)
                initial = 1;
            joined = tk[k].kind == DM_TOK_PUNCT && pl == 1 && *p == '-' && n &&
                     w[n - 1].start + w[n - 1].len + 1 >= tk[k].start;
            if (!joined && tk[k].kind != DM_TOK_PUNCT)
                initial = 0;
            continue;
        }
        dn_word *d = &w[n];
        d->start = tk[k].start;
        d->len = (uint32_t)pl;
        if (pl > 3 && !memcmp(p + pl - 2, "'s", 2))
            d->len -= 2;
        else if (pl > 5 && !memcmp(p + pl - 4, "\xe2\x80\x99s", 4))
            d->len -= 4;
        d->script = tk[k].script;
        d->initial = (uint8_t)initial;
        d->joined = (uint8_t)(n && (joined || (k > 0 && tk[k - 1].kind == DM_TOK_WORD)));
        initial = joined = 0;
        const dn_memo_e *e = memo_get(ctx, memo, p, d->len, &st);
        if (!e)
            break;
        snprintf(d->form, sizeof d->form, "%s", memo->arena.p + e->form);
        snprintf(d->lat, sizeof d->lat, "%s", memo->arena.p + e->lat);
        snprintf(d->key, sizeof d->key, "%s", memo->arena.p + e->key);
        n++;
    }
    free(tk);
    if (st != DM_OK) {
        free(w);
        return st;
    }
    *out = w;
    *nout = n;
    return DM_OK;
}


#ifdef HAVE_LEXICON
/* The lexicon's entries for form[0..len), or for it without 1-3 final letters when `cut`
 * (keeping 6 letters at least: Путиным must not be found as пути "ways"). */
static size_t lookup_cut(const dm_lexicon *lx, const char *form, size_t len, int cut,
                         const dm_lex_entry **e)
{
    size_t n = dm_lexicon_lookup(lx, form, len, e);
    size_t cps = 0;
    for (size_t i = 0; i < len; i++)
        cps += ((unsigned char)form[i] & 0xC0) != 0x80;
    for (int c = 1; !n && cut && c <= 3 && cps >= (size_t)c + 6; c++) {
        while (len > 0 && ((unsigned char)form[len - 1] & 0xC0) == 0x80)
            len--;
        len--; /* one code point off */
        n = dm_lexicon_lookup(lx, form, len, e);
    }
    return n;
}
#endif

/* Is a word (matching form, name key) a common word of the language of lexicon lx: in it as it
 * is written or with an inflection ending cut (Декларацией), or for a Latin-script word, its
 * head of 5 letters or more is (German compounds: Menschenrechte, Generalversammlung); and not
 * translated into its own transliteration (Australien -> australia is a name)? The lexicon
 * stage's own cutting of endings is not used: it finds пути "ways" in Путиным. */
static void common_word(const al_lexicon *lx, const char *form, const char *key, int latin, int *common)
{
    *common = 0;
#ifdef HAVE_LEXICON
    if (!lx)
        return;
    const dm_lex_entry *e = NULL;
    size_t len = strlen(form);
    size_t np = lookup_cut((const dm_lexicon *)lx, form, len, 1, &e);
    *common = np > 0;
    for (size_t q = 0; q < np && *common; q++) {
        char pk[KEY_CAP];
        dm_name_key(e[q].en, pk, sizeof pk);
        if (!strcmp(e[q].en, form) || (pk[0] && key[0] && dn_keys_match(pk, key, 0)))
            *common = 0;
    }
    if (np || !latin)
        return;
    /* compound heads: from the 4th code point on, 5 code points at least */
    size_t cp = 0;
    for (size_t i = 0; i < len && !*common; i++) {
        if (((unsigned char)form[i] & 0xC0) == 0x80)
            continue;
        size_t rest = 0;
        for (size_t k = i; k < len; k++)
            rest += ((unsigned char)form[k] & 0xC0) != 0x80;
        if (cp++ >= 3 && rest >= 5)
            *common = lookup_cut((const dm_lexicon *)lx, form + i, len - i, 1, &e) > 0;
    }
#else
    (void)lx;
    (void)form;
    (void)key;
    (void)latin;
#endif
}

/* Keys of every word and of every 2 and 3 adjacent words of a version. */
static dm_status version_keys(dm_ctx *ctx, dn_memo *memo, const dn_version *v, dn_keys *ks)
{
    dm_status st = DM_OK;
    for (size_t i = 0; i < v->n && st == DM_OK; i++) {
        dn_word *w = NULL;
        size_t nw = 0;
        st = sentence_words(ctx, memo, v->t[i], v->l[i], &w, &nw);
        for (size_t k = 0; k < nw && st == DM_OK; k++) {
            char cat[LAT_CAP * 3] = "";
            for (size_t m = 0; m < 3 && k + m < nw && st == DM_OK; m++) {
                if (strlen(cat) + strlen(w[k + m].lat) >= LAT_CAP)
                    break;
                strcat(cat, w[k + m].lat);
                int common = 0;
                if (m == 0)
                    common_word(v->lx, w[k].form, w[k].key, w[k].script == DM_SCRIPT_LATIN, &common);
                st = keys_add(ks, cat, w[k].script, m > 0, common);
            }
        }
        free(w);
    }
    if (st == DM_OK)
        keys_finish(ks);
    return st;
}

/* Does the other version hold a word or words whose key is this word's (Latin form lat)? */
static int key_present(const dn_keys *ks, const char *key, const char *lat, int latin)
{
    size_t kl = strlen(key);
    if (kl < 2 || !ks->n)
        return 0;
    /* candidates share at least the first 2 letters: find that range */
    size_t lo = 0, hi = ks->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strncmp(ks->k[mid].key, key, 2) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < ks->n && !strncmp(ks->k[i].key, key, 2); i++) {
        const dn_key *e = &ks->k[i];
        /* words read together match only as they are, and only on 3 consonants or more: short
         * words side by side make many keys */
        if (e->joined ? (strcmp(key, e->key) || kl < 3) : !dn_keys_match(key, e->key, latin))
            continue;
        /* a common word that sounds like the name (रिश्ते "relations" and Rashid, است "is" and
         * Sistani) is not the name, unless the keys are equal and long */
        if (e->common && (strcmp(key, e->key) || kl < 4))
            continue;
        if (latin && e->arabic && !dn_vowels_agree_arabic(lat, e->lat))
            continue;
        if (latin && e->vowels && !dn_first_vowel_agrees(lat, e->lat))
            continue;
        return 1;
    }
    return 0;
}

/* --- what a word is ------------------------------------------------------------------------ */

int dn_capitalised(const char *w, size_t wl)
{
    if (!wl)
        return 0;
    unsigned char c = (unsigned char)w[0];
    if (c < 0x80)
        return isupper(c) != 0;
    if (wl < 2)
        return 0;
    if (c == 0xC3) /* Latin-1 capitals */
        return (unsigned char)w[1] >= 0x80 && (unsigned char)w[1] <= 0x9E;
    if (c == 0xD0) /* Cyrillic capitals */
        return (unsigned char)w[1] >= 0x80 && (unsigned char)w[1] <= 0xAF;
    if (c == 0xCE) /* Greek capitals */
        return (unsigned char)w[1] >= 0x91 && (unsigned char)w[1] <= 0xA9;
    return 0;
}

/* Months, weekdays and small numbers as English words (or pivots). */
static int calendar_or_number(const char *en)
{
    static const char *const words[] = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "twenty", "thirty", "hundred", "thousand", "million", "billion",
        NULL};
    for (size_t i = 0; words[i]; i++)
        if (!strcmp(en, words[i]))
            return 1;
    return 0;
}

/* German writes every noun with a capital: one ending in a suffix that makes nouns is a noun
 * (Menschheit, Brüderlichkeit, Souveränität, Beschuldigung), whether the lexicon has it or not. */
static int german_noun(const char *form)
{
    static const char *const suf[] = {"heit", "keit", "ung", "ungen", "schaft", "schaften", "tät", "täten",
                                      "nis", "nisse", "ismus", "tion", "tionen", "ment", "tum", "chen",
                                      "ierung", "heiten", "keiten", NULL};
    size_t n = strlen(form);
    for (size_t i = 0; suf[i]; i++) {
        size_t sl = strlen(suf[i]);
        if (n >= sl + 3 && !strcmp(form + n - sl, suf[i]))
            return 1;
    }
    return 0;
}

/* German nouns the lexicon has under another form: a case ending on a short noun (Rufes: ruf),
 * a compound joined by s whose two parts it has (Berufswahl: beruf + wahl, Arbeitszeit). Names
 * that are their own translation (Peters: peter) are told apart by the caller. */
static int german_inflected(const al_lexicon *lx, const char *form)
{
#ifdef HAVE_LEXICON
    if (!lx)
        return 0;
    const dm_lexicon *lex = (const dm_lexicon *)lx;
    const dm_lex_entry *e;
    size_t n = strlen(form);
    static const char *const end[] = {"es", "s", "en", "n", "ern", "er", "e", NULL};
    for (size_t i = 0; end[i]; i++) {
        size_t el = strlen(end[i]);
        if (n >= el + 3 && !strcmp(form + n - el, end[i]) && dm_lexicon_lookup(lex, form, n - el, &e))
            return 1;
    }
    /* modifier (3+ bytes) + s + head (4+ bytes), both in the lexicon */
    for (size_t k = 3; k + 5 <= n; k++)
        if (form[k] == 's' && dm_lexicon_lookup(lex, form, k, &e) &&
            lookup_cut(lex, form + k + 1, n - k - 1, 1, &e))
            return 1;
    return 0;
#else
    (void)lx;
    (void)form;
    return 0;
#endif
}

enum { W_NAME = 1, W_COMMON = 2, W_SKIP = 3 };

typedef struct dn_judge {
    dm_ctx *ctx;
    al_env *env;
    const dn_version *own, *other;
    const dm_strset *english[3]; /* English common words (NULL unless own is English): the
                                  * pivots of the other language's lexicon, of German's and of
                                  * French's (large, and between them most English words) */
    const dm_strset *en_names[3]; /* and the pivots that are names in them */
    const dn_keys *keys;      /* of the other version */
    dn_memo *memo;            /* words of both versions as read */
} dn_judge;

static int has_prefixed(const dm_strset *s, char tag, const char *str)
{
    char buf[300];
    snprintf(buf, sizeof buf, "%c:%s", tag, str);
    return dm_strset_has(s, buf);
}

/* What a capitalised word is (W_NAME, W_COMMON, W_SKIP), and whether the other version has it. */
static dm_status judge_word(const dn_judge *j, const dn_word *w, int *kind, int *present)
{
    *kind = W_NAME;
    *present = has_prefixed(j->other->set, 'f', w->form);
    uint32_t id, piv[8];
    size_t np = 0;
    if (j->own->lx) {
        if (al_vocab_intern(j->env->voc, w->form, strlen(w->form), &id) != DM_OK)
            return DM_ENOMEM;
        np = al_lexicon_pivots(j->env, j->own->lx, id, piv, 8);
    }
    int own_name = 0; /* the lexicon gives the word as its own translation: a name */
    for (size_t q = 0; q < np; q++) {
        size_t pl;
        const char *p = al_vocab_str(j->env->voc, piv[q], &pl);
        char pc[200], pk[KEY_CAP];
        snprintf(pc, sizeof pc, "%.*s", (int)pl, p);
        if (calendar_or_number(pc))
            *kind = W_SKIP;
        *present |= has_prefixed(j->other->set, 'f', pc);
        dm_name_key(pc, pk, sizeof pk);
        own_name |= !strcmp(pc, w->form) || (pk[0] && w->key[0] && dn_keys_match(pk, w->key, 0));
    }
    double nv;
    if (calendar_or_number(w->form) ||
        dm_number_word(j->ctx, j->own->lang[0] ? j->own->lang : NULL, w->form, strlen(w->form), &nv))
        *kind = W_SKIP; /* Dreißig, Сорок: a number, reported (or not) as one */
    if (!*present)
        *present = key_present(j->keys, w->key, w->lat, w->script == DM_SCRIPT_LATIN);
    if (*kind == W_SKIP)
        return DM_OK;
    int common = 0;
    common_word(j->own->lx, w->form, w->key, w->script == DM_SCRIPT_LATIN, &common);
    if (!strcmp(j->own->lang, "de") && !own_name &&
        (german_noun(w->form) || german_inflected(j->own->lx, w->form)))
        common = 1;
    int en_common = 0, en_name = 0;
    for (int q = 0; q < 3; q++) {
        /* a language that knows the word only as a transliteration (یمن -> yemen) says it is a
         * name; one that also translates a word of its own by it (गणराज्य -> republic, beside
         * रिपब्लिक) does not */
        int c = j->english[q] && dm_strset_has(j->english[q], w->form);
        en_common |= c;
        en_name |= !c && j->en_names[q] && dm_strset_has(j->en_names[q], w->form);
    }
    if (has_prefixed(j->own->set, 'l', w->form) || (common && !own_name) || (en_common && !en_name))
        *kind = W_COMMON;
    return DM_OK;
}

/* Is every content word of the other version's sentences of block q accounted for by this
 * version (same form, key or pivot)? Then a run of common words found nowhere on the other side
 * has nothing there it could translate. */
static dm_status block_explained(const dn_judge *j, const dm_align_block *bq, int side, int *out)
{
    *out = 1;
    size_t start = side ? bq->src_start : bq->tgt_start, cnt = side ? bq->src_n : bq->tgt_n;
    for (size_t i = start; i < start + cnt && *out; i++) {
        dn_word *w = NULL;
        size_t nw = 0;
        dm_status st = sentence_words(j->ctx, j->memo, j->other->t[i], j->other->l[i], &w, &nw);
        if (st != DM_OK)
            return st;
        for (size_t k = 0; k < nw && *out; k++) {
            size_t cps = 0;
            for (const char *p = w[k].form; *p; p++)
                cps += ((unsigned char)*p & 0xC0) != 0x80;
            if (cps < 4 || has_prefixed(j->own->set, 'f', w[k].form) ||
                (strlen(w[k].key) >= 3 && has_prefixed(j->own->set, 'k', w[k].key)))
                continue;
            int found = 0;
            if (j->other->lx) {
                uint32_t id, piv[8];
                if (al_vocab_intern(j->env->voc, w[k].form, strlen(w[k].form), &id) != DM_OK) {
                    free(w);
                    return DM_ENOMEM;
                }
                size_t np = al_lexicon_pivots(j->env, j->other->lx, id, piv, 8);
                for (size_t q = 0; q < np && !found; q++) {
                    size_t pl;
                    const char *p = al_vocab_str(j->env->voc, piv[q], &pl);
                    char pc[200];
                    snprintf(pc, sizeof pc, "%.*s", (int)pl, p);
                    found = has_prefixed(j->own->set, 'f', pc);
                }
            }
            if (!found)
                *out = 0;
        }
        free(w);
    }
    return DM_OK;
}

/* Not a name though capitalised: the pronoun I with a contraction (I'm, I've, I’ll), and
 * letters with full stops between them (U.S, U.N: the abbreviation of a name that other
 * languages spell out, translate or abbreviate otherwise, which no key can follow). */
static int capital_not_name(const char *p, size_t n)
{
    if (n >= 2 && p[0] == 'I' && (p[1] == '\'' || (n >= 4 && !memcmp(p + 1, "\xe2\x80\x99", 3))))
        return 1;
    size_t dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '.')
            dots++;
        else if (!((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= 'a' && p[i] <= 'z')) ||
                 (i + 1 < n && p[i + 1] != '.'))
            return 0;
    }
    return dots > 0;
}

/* A title-case sentence (an English headline): words of 4 letters or more after the first are
 * all capitalised but one in ten. German capitalises nouns, not its verbs: it does not pass. */
static int title_case(const char *s, const dn_word *w, size_t nw)
{
    size_t words = 0, caps = 0;
    for (size_t k = 1; k < nw; k++) {
        if (w[k].len < 4)
            continue;
        words++;
        caps += dn_capitalised(s + w[k].start, w[k].len);
    }
    return words >= 3 && caps * 10 >= words * 9;
}

/* Lower-case particles inside names: Hashd al Sha'abi, Ahl al-Bayt, Leonardo da Vinci. */
static int connector(const char *s, const dn_word *w)
{
    static const char *const p[] = {"al", "el", "ad", "as", "bin", "ibn", "bint", "de", "da", "di", "del",
                                    "van", "von", "der", "du", "la", "le", "of", NULL};
    for (size_t i = 0; p[i]; i++)
        if (strlen(p[i]) == w->len && !memcmp(s + w->start, p[i], w->len))
            return 1;
    return 0;
}

static dm_status report_span(dn_found_fn found, void *ud, dm_strset *rep, int side, size_t q,
                             const char *s, const dn_word *a, const dn_word *z)
{
    size_t len = z->start + z->len - a->start;
    char key[300];
    snprintf(key, sizeof key, "%.*s", (int)(len < 290 ? len : 290), s + a->start);
    int added = dm_strset_add(rep, key);
    if (added < 0)
        return DM_ENOMEM;
    return added ? found(ud, side, q, s + a->start, len) : DM_OK;
}

/* The names of one sentence (in block q) that the other version lacks. */
static dm_status sentence_names(const dn_judge *j, const char *s, size_t sl, const dm_align_block *bq,
                                size_t q, int side, dn_found_fn found, void *ud, dm_strset *rep)
{
    dn_word *w = NULL;
    size_t nw = 0;
    dm_status st = sentence_words(j->ctx, j->memo, s, sl, &w, &nw);
    if (st != DM_OK)
        return st;
    int title = title_case(s, w, nw);
    int *kind = calloc(nw ? nw : 1, sizeof *kind), *present = calloc(nw ? nw : 1, sizeof *present);
    if (!kind || !present)
        st = DM_ENOMEM;
    /* each word: 0 not a candidate, else W_NAME / W_COMMON / W_SKIP */
    for (size_t k = 0; k < nw && st == DM_OK; k++) {
        const char *p = s + w[k].start;
        if (w[k].initial || w[k].len < 3 || !dn_capitalised(p, w[k].len) || capital_not_name(p, w[k].len))
            continue;
        /* in a headline a capitalised word is a name only if capitalised elsewhere too */
        if (title && !has_prefixed(j->own->set, 'c', w[k].form))
            continue;
        st = judge_word(j, &w[k], &kind[k], &present[k]);
    }
    /* names written over 2-3 words: their joined key may be one word on the other side */
    for (size_t k = 0; k < nw && st == DM_OK; k++) {
        if (!kind[k])
            continue;
        /* with the particles, and without them: Ahl al-Bayt is اهل بیت in Persian, which does
         * not write the Arabic article that English spells out */
        char cat[LAT_CAP * 3], bare[LAT_CAP * 3];
        snprintf(cat, sizeof cat, "%s", w[k].lat);
        snprintf(bare, sizeof bare, "%s", w[k].lat);
        for (size_t m = k + 1; m < nw && m < k + 4 && w[m].joined; m++) {
            if (!kind[m] && !connector(s, &w[m]))
                break;
            if (strlen(cat) + strlen(w[m].lat) >= LAT_CAP)
                break;
            strcat(cat, w[m].lat);
            if (!kind[m])
                continue;
            strcat(bare, w[m].lat);
            int latin = w[k].script == DM_SCRIPT_LATIN, hit = 0;
            for (int v = 0; v < 2 && !hit; v++) {
                const char *c = v ? bare : cat;
                char key[KEY_CAP];
                if (v && !strcmp(bare, cat))
                    break;
                dm_name_key(c, key, sizeof key);
                hit = key_present(j->keys, key, c, latin);
            }
            if (hit)
                for (size_t r = k; r <= m; r++)
                    present[r] = 1;
        }
    }
    /* runs of capitalised words (with their particles): one name each */
    for (size_t k = 0; k < nw && st == DM_OK;) {
        if (!kind[k]) {
            k++;
            continue;
        }
        size_t e = k; /* last capitalised word of the run */
        for (size_t m = k + 1; m < nw && w[m].joined && (kind[m] || connector(s, &w[m])); m++)
            if (kind[m])
                e = m;
        int names = 0, any_present = 0, skip = 0;
        for (size_t m = k; m <= e; m++) {
            names += kind[m] == W_NAME;
            any_present |= kind[m] && present[m];
            skip |= kind[m] == W_SKIP;
        }
        if (names) {
            /* each stretch of missing names, particles inside kept */
            for (size_t m = k; m <= e && st == DM_OK; m++) {
                if (kind[m] != W_NAME || present[m])
                    continue;
                size_t z = m;
                for (size_t r = m + 1; r <= e && (!kind[r] || (kind[r] == W_NAME && !present[r])); r++)
                    if (kind[r])
                        z = r;
                st = report_span(found, ud, rep, side, q, s, &w[m], &w[z]);
                m = z;
            }
        } else if (!any_present && !skip) {
            int explained = 0;
            st = block_explained(j, bq, side, &explained);
            if (st == DM_OK && explained)
                st = report_span(found, ud, rep, side, q, s, &w[k], &w[e]);
        }
        k = e + 1;
    }
    free(kind);
    free(present);
    free(w);
    return st;
}

static dm_status one_side(dm_ctx *ctx, al_env *env, dn_memo *memo, const dn_version *own,
                         const dn_version *other, int side, const dm_align_block *b, size_t nb,
                         dn_found_fn found, void *ud)
{
    dn_keys keys = {0};
    dm_strset rep = {0};
    dn_judge j = {ctx, env, own, other, {NULL, NULL, NULL}, {NULL, NULL, NULL}, &keys, memo};
    dm_status st = DM_OK;
    if (!own->lx && (!own->lang[0] || !strcmp(own->lang, "en"))) {
        st = dn_english_vocab(ctx, other->lang, &j.english[0], &j.en_names[0]);
        if (st == DM_OK)
            st = dn_english_vocab(ctx, "de", &j.english[1], &j.en_names[1]);
        if (st == DM_OK)
            st = dn_english_vocab(ctx, "fr", &j.english[2], &j.en_names[2]);
    }
    if (st == DM_OK)
        st = version_keys(ctx, memo, other, &keys);
    for (size_t q = 0; q < nb && st == DM_OK; q++) {
        size_t start = side ? b[q].tgt_start : b[q].src_start, cnt = side ? b[q].tgt_n : b[q].src_n;
        size_t ocnt = side ? b[q].src_n : b[q].tgt_n;
        if (!ocnt)
            continue; /* a whole sentence missing is reported as such */
        for (size_t i = start; i < start + cnt && st == DM_OK; i++)
            st = sentence_names(&j, own->t[i], own->l[i], &b[q], q, side, found, ud, &rep);
    }
    keys_free(&keys);
    dm_strset_free(&rep);
    return st;
}

dm_status dn_names_only(dm_ctx *ctx, al_env *env, const dn_version *src, const dn_version *tgt,
                        const dm_align_block *b, size_t nb, dn_found_fn found, void *ud)
{
    dn_memo memo = {0};
    dm_status st = one_side(ctx, env, &memo, src, tgt, 0, b, nb, found, ud);
    if (st == DM_OK)
        st = one_side(ctx, env, &memo, tgt, src, 1, b, nb, found, ud);
    memo_free(&memo);
    return st;
}
