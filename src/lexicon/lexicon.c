/*
 * lexicon.c -- the lexicons of a context: which file a language code means, loading on first
 * use, lookups, and English as the identity lexicon.
 *
 * All loaded languages live in one set in the context's DM_SLOT_LEXICON, freed with the context;
 * a language found to have no file is remembered too, so it is not looked for again.
 */
#include "lexicon/lexicon_codes.h"
#include "lexicon/lexicon_table.h"

#include "core/ctx.h"
#include "util/strset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INTERN_CHUNK 1024
#define INTERN_MAX ((size_t)1 << 20) /* distinct English words the identity lexicon remembers */

/* Proclitics and endings, in matching form (ك -> ک, ة -> ه, ي -> ی). */
static const char *const ar_prefixes[] = {"وبال", "وال", "بال", "فال", "کال", "ولل", "لل", "ال",
                                          "و", "ف", "ب", "ل", NULL};
static const char *const he_prefixes[] = {"וה", "וב", "ול", "ומ", "שה", "מה", "בה", "לה", "ו", "ה",
                                          "ב", "ל", "מ", "ש", "כ", NULL};
static const char *const fa_suffixes[] = {"هایی", "های", "ها", "ی", NULL};
static const char *const none[] = {NULL};
static const dm_lex_affixes ar_affixes = {ar_prefixes, none, 4};
static const dm_lex_affixes he_affixes = {he_prefixes, none, 4};
static const dm_lex_affixes fa_affixes = {none, fa_suffixes, 6};

static const dm_lex_affixes *affixes_of(const char *code)
{
    if (strcmp(code, "ar") == 0)
        return &ar_affixes;
    if (strcmp(code, "he") == 0 || strcmp(code, "yi") == 0)
        return &he_affixes;
    if (strcmp(code, "fa") == 0 || strcmp(code, "ur") == 0 || strcmp(code, "ps") == 0)
        return &fa_affixes;
    return NULL;
}

typedef struct lex_set_item {
    char code[24]; /* "<code>" or "<set>/<code>" */
    dm_lexicon *lx; /* NULL: no lexicon for this language */
    int shared;     /* lx belongs to the item of the shared lexicon (a set without this file) */
} lex_set_item;

typedef struct lex_set {
    lex_set_item *items;
    size_t n, cap;
} lex_set;

static void intern_free(dm_lex_intern *in)
{
    if (!in)
        return;
    for (size_t c = 0; c < in->n_chunks; c++) {
        size_t used = in->n > c * INTERN_CHUNK ? in->n - c * INTERN_CHUNK : 0;
        if (used > INTERN_CHUNK)
            used = INTERN_CHUNK;
        for (size_t i = 0; i < used; i++)
            free((char *)in->chunks[c][i].en);
        free(in->chunks[c]);
    }
    free(in->chunks);
    free(in->slots);
    free(in);
}

void dm_lexicon_destroy(dm_lexicon *lx)
{
    if (!lx)
        return;
    free(lx->arena);
    free(lx->entries);
    free(lx->keys);
    free(lx->slots);
    dm_lex_inflect_free(lx->inflect);
    intern_free(lx->intern);
    free(lx);
}

static void lex_set_free(void *p)
{
    lex_set *set = p;
    for (size_t i = 0; i < set->n; i++)
        if (!set->items[i].shared)
            dm_lexicon_destroy(set->items[i].lx);
    free(set->items);
    free(set);
}

static int cmp_alias(const void *key, const void *item)
{
    return strcmp(key, ((const dm_lexicon_code_alias *)item)->alias);
}

int dm_lexicon_code(const char *lang, char *out, size_t cap)
{
    char c[8];
    size_t n = 0;
    if (!lang || cap < 4)
        return 0;
    for (; lang[n] && lang[n] != '-' && lang[n] != '_' && lang[n] != '@' && lang[n] != '.'; n++) {
        char ch = lang[n];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (n >= 3 || ch < 'a' || ch > 'z')
            return 0;
        c[n] = ch;
    }
    if (n < 2)
        return 0;
    c[n] = 0;
    for (int hop = 0; hop < 3; hop++) {
        const dm_lexicon_code_alias *a =
            bsearch(c, dm_lexicon_code_aliases, dm_lexicon_code_alias_count,
                    sizeof *dm_lexicon_code_aliases, cmp_alias);
        if (!a || strlen(a->code) >= sizeof c)
            break;
        strcpy(c, a->code);
    }
    if (strlen(c) >= cap)
        return 0;
    strcpy(out, c);
    return 1;
}

static dm_lexicon *identity_new(void)
{
    dm_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    lx->identity = 1;
    strcpy(lx->lang, "en");
    lx->intern = calloc(1, sizeof *lx->intern);
    if (!lx->intern) {
        free(lx);
        return NULL;
    }
    return lx;
}

dm_status dm_lexicon_get(dm_ctx *ctx, const char *lang, const dm_lexicon **out)
{
    return dm_lexicon_get_set(ctx, lang, NULL, out);
}

dm_status dm_lexicon_get_set(dm_ctx *ctx, const char *lang, const char *use, const dm_lexicon **out)
{
    *out = NULL;
    if (!lang || !*lang)
        return dm_fail(ctx, DM_EINVAL, "no language given for the lexicon");
    char lcode[8], code[24];
    if (!dm_lexicon_code(lang, lcode, sizeof lcode))
        return DM_OK; /* "und", "zxx-..." or garbage: no lexicon, as for an unknown language */
    if (use && (!*use || strlen(use) > 12 || strchr(use, '/') || strchr(use, '.')))
        return dm_fail(ctx, DM_EINVAL, "bad lexicon set name");
    if (use && strcmp(lcode, "en") == 0)
        use = NULL; /* English is the identity in every set */
    snprintf(code, sizeof code, "%s%s%s", use ? use : "", use ? "/" : "", lcode);
    dm_model_slot *slot = &ctx->slots[DM_SLOT_LEXICON];
    if (!slot->model) {
        lex_set *set = calloc(1, sizeof *set);
        if (!set)
            return dm_fail(ctx, DM_ENOMEM, "out of memory");
        slot->model = set;
        slot->free_fn = lex_set_free;
    }
    lex_set *set = slot->model;
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->items[i].code, code) == 0) {
            *out = set->items[i].lx;
            return DM_OK;
        }
    dm_lexicon *lx = NULL;
    int shared = 0;
    if (strcmp(code, "en") == 0) {
        if (!(lx = identity_new()))
            return dm_fail(ctx, DM_ENOMEM, "out of memory");
    } else {
        dm_status st = dm_lexicon_load(ctx, use, lcode, &lx);
        if (st)
            return st;
        if (!lx && use) { /* the set has no file of its own for this language: the shared one */
            st = dm_lexicon_get_set(ctx, lcode, NULL, out);
            if (st)
                return st;
            lx = (dm_lexicon *)*out;
            shared = 1;
        }
        if (lx && !shared) {
            lx->affixes = affixes_of(lcode);
            if ((st = dm_lex_inflect_new(ctx, lcode, &lx->inflect))) {
                dm_lexicon_destroy(lx);
                return st;
            }
        }
    }
    if (set->n == set->cap) {
        size_t nc = set->cap ? set->cap * 2 : 8;
        lex_set_item *it = realloc(set->items, nc * sizeof *it);
        if (!it) {
            if (!shared)
                dm_lexicon_destroy(lx);
            return dm_fail(ctx, DM_ENOMEM, "out of memory");
        }
        set->items = it;
        set->cap = nc;
    }
    strcpy(set->items[set->n].code, code);
    set->items[set->n].shared = shared;
    set->items[set->n++].lx = lx;
    *out = lx;
    return DM_OK;
}

/* The identity lexicon's entry for an English word, made on first sight; NULL when the word
 * cannot be remembered (out of memory, or over INTERN_MAX words). */
static const dm_lex_entry *intern(dm_lex_intern *in, const char *w, size_t len)
{
    if (len > UINT32_MAX)
        return NULL;
    if ((in->n + 1) * 2 > in->n_slots) {
        if (in->n >= INTERN_MAX)
            goto probe_only;
        size_t ns = in->n_slots ? in->n_slots * 2 : 4096;
        uint32_t *sl = calloc(ns, sizeof *sl);
        if (!sl)
            goto probe_only;
        for (size_t i = 0; i < in->n; i++) {
            const dm_lex_entry *e = &in->chunks[i / INTERN_CHUNK][i % INTERN_CHUNK];
            size_t h = dm_hash_bytes(e->en, e->en_len) & (ns - 1);
            while (sl[h])
                h = (h + 1) & (ns - 1);
            sl[h] = (uint32_t)i + 1;
        }
        free(in->slots);
        in->slots = sl;
        in->n_slots = ns;
    }
probe_only:
    if (!in->n_slots)
        return NULL;
    size_t h = dm_hash_bytes(w, len) & (in->n_slots - 1);
    while (in->slots[h]) {
        const dm_lex_entry *e = &in->chunks[(in->slots[h] - 1) / INTERN_CHUNK]
                                           [(in->slots[h] - 1) % INTERN_CHUNK];
        if (e->en_len == len && memcmp(e->en, w, len) == 0)
            return e;
        h = (h + 1) & (in->n_slots - 1);
    }
    if ((in->n + 1) * 2 > in->n_slots)
        return NULL; /* full: over INTERN_MAX or no memory to grow */
    if (in->n / INTERN_CHUNK >= in->n_chunks) {
        dm_lex_entry **ch = realloc(in->chunks, (in->n_chunks + 1) * sizeof *ch);
        if (!ch)
            return NULL;
        in->chunks = ch;
        if (!(ch[in->n_chunks] = malloc(INTERN_CHUNK * sizeof **ch)))
            return NULL;
        in->n_chunks++;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, w, len);
    copy[len] = 0;
    dm_lex_entry *e = &in->chunks[in->n / INTERN_CHUNK][in->n % INTERN_CHUNK];
    e->en = copy;
    e->en_len = (uint32_t)len;
    e->weight = 1.0f;
    in->slots[h] = (uint32_t)++in->n;
    return e;
}

size_t dm_lex_lookup_exact(const dm_lexicon *lx, const char *word, size_t len,
                           const dm_lex_entry **out)
{
    if (!lx->n_slots)
        return 0;
    size_t h = dm_hash_bytes(word, len) & (lx->n_slots - 1);
    while (lx->slots[h]) {
        const dm_lex_key *k = &lx->keys[lx->slots[h] - 1];
        if (k->len == len && memcmp(k->word, word, len) == 0) {
            *out = lx->entries + k->first;
            return k->count;
        }
        h = (h + 1) & (lx->n_slots - 1);
    }
    return 0;
}

/* The word with one clitic taken off, when the whole word is unknown. */
static size_t lookup_stem(const dm_lexicon *lx, const char *word, size_t len,
                          const dm_lex_entry **out)
{
    const dm_lex_affixes *a = lx->affixes;
    for (const char *const *p = a->prefixes; *p; p++) {
        size_t pl = strlen(*p);
        if (len >= pl + a->min_stem && memcmp(word, *p, pl) == 0) {
            size_t n = dm_lex_lookup_exact(lx, word + pl, len - pl, out);
            if (n)
                return n;
        }
    }
    for (const char *const *s = a->suffixes; *s; s++) {
        size_t sl = strlen(*s);
        if (len >= sl + a->min_stem && memcmp(word + len - sl, *s, sl) == 0) {
            size_t n = dm_lex_lookup_exact(lx, word, len - sl, out);
            if (n)
                return n;
        }
    }
    return 0;
}

size_t dm_lexicon_lookup(const dm_lexicon *lx, const char *word, size_t len,
                         const dm_lex_entry **out)
{
    *out = NULL;
    if (!lx || !word || len == 0)
        return 0;
    if (lx->identity) {
        *out = intern(lx->intern, word, len);
        return *out ? 1 : 0;
    }
    size_t n = dm_lex_lookup_exact(lx, word, len, out);
    if (!n && lx->affixes)
        n = lookup_stem(lx, word, len, out);
    if (!n && lx->inflect)
        n = dm_lex_inflect_lookup(lx, word, len, out);
    if (!n)
        *out = NULL;
    return n;
}

const char *dm_lexicon_lang(const dm_lexicon *lx) { return lx ? lx->lang : ""; }

size_t dm_lexicon_size(const dm_lexicon *lx) { return lx && !lx->identity ? lx->n_keys : 0; }

const char *dm_lexicon_key(const dm_lexicon *lx, size_t i, size_t *len)
{
    if (!lx || lx->identity || i >= lx->n_keys)
        return NULL;
    *len = lx->keys[i].len;
    return lx->keys[i].word;
}

size_t dm_lexicon_key_entries(const dm_lexicon *lx, size_t i, const dm_lex_entry **out)
{
    *out = NULL;
    if (!lx || lx->identity || i >= lx->n_keys)
        return 0;
    *out = lx->entries + lx->keys[i].first;
    return lx->keys[i].count;
}
