/*
 * diff_vocab.c -- which English words are common words, for the divergence report's names.
 *
 * English capitalises few common words, but it does capitalise them in titles and names of
 * institutions ("Vice President", "Popular Mobilization Force", "Iran Press"): such a word is
 * not a name by itself. The shipped lexicons (data/lexicon/<code>.tsv.gz, "word<TAB>english<TAB>
 * weight") know the English words that translate common words of a language: their English
 * column is the vocabulary. An entry that is its own translation (paul -> paul, vice -> vice)
 * says nothing and is skipped, and so is a word's only translation, or one of weight 1 (jemen ->
 * yemen, österreich -> austria, iraquiens -> iraqis: names translate one to one, common words
 * have rivals); a pivot that, for a word of another script than Latin, has the word's name key (ایران -> iran) is a transliterated name: such pivots are kept apart, as the
 * language's names (a language that knows an English word only as a name says it is one). The
 * sets are read once per language and kept in the context (slot DM_SLOT_ALIGN, which the align
 * stage uses for nothing else).
 *
 * Separate from diff_names.c: reading the data is one job, deciding what is a name another.
 */
#include "align/diff_names.h"

#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define VOCAB_LANGS 16 /* at most this many kept; beyond it a language gets no vocabulary */

/* One language's English words: common words, and names (transliterations). */
typedef struct vocab {
    dm_strset words, names;
} vocab;

typedef struct vocab_cache {
    char code[VOCAB_LANGS][8];
    vocab *v[VOCAB_LANGS]; /* allocated one by one: never moves once given out */
    size_t n;
} vocab_cache;

static void vocab_free(vocab *v)
{
    if (!v)
        return;
    dm_strset_free(&v->words);
    dm_strset_free(&v->names);
    free(v);
}

static void vocab_cache_free(void *p)
{
    vocab_cache *c = p;
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        vocab_free(c->v[i]);
    free(c);
}

/* Is the English word the transliteration of its source word (a name the lexicon carries)? */
static int transliterated(dm_ctx *ctx, const char *src, size_t sl, const char *en)
{
    /* Latin-script words share forms and keys with their English cognates (vice, prophète):
     * only a word of another script is known to be a transliteration */
    if (dm_dominant_script(src, sl) == DM_SCRIPT_LATIN)
        return 0;
    char lat[256], ks[128], ke[128];
    if (dm_translit_latin(ctx, src, sl, lat, sizeof lat) != DM_OK)
        return 0;
    dm_name_key(lat, ks, sizeof ks);
    dm_name_key(en, ke, sizeof ke);
    return ks[0] && !strcmp(ks, ke);
}

/* The translations of one source word (lines "word<TAB>english<TAB>weight", at most 4 kept). */
static dm_status vocab_group(dm_ctx *ctx, char group[][1024], size_t ng, dm_strset *set, dm_strset *names)
{
    for (size_t g = 0; g < ng; g++) {
        char *line = group[g];
        char *tab1 = strchr(line, '\t');
        char *en = tab1 + 1, *tab2 = strchr(en, '\t');
        if (!tab2)
            continue;
        *tab2 = 0;
        for (char *p = en; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        if (strlen(en) < 2)
            continue;
        int r;
        size_t sl = (size_t)(tab1 - line);
        if (strlen(en) == sl && !memcmp(line, en, sl))
            r = 0; /* paul -> paul, vice -> vice: says nothing either way */
        else if (ng == 1 || atof(tab2 + 1) >= 0.999 || memchr(line, '\'', sl))
            r = 0; /* jemen -> yemen, österreich -> austria, iraquiens -> iraqis: the one
                    * translation, as names have (common words have rivals; a weight under 1
                    * with no rival only says the evidence was thin); d'autriche: an elided form */
        else if (transliterated(ctx, line, sl, en))
            r = dm_strset_add(names, en);
        else
            r = dm_strset_add(set, en);
        if (r < 0)
            return dm_fail(ctx, DM_ENOMEM, "English vocabulary");
    }
    return DM_OK;
}

static dm_status read_vocab(dm_ctx *ctx, const char *code, dm_strset *set, dm_strset *names)
{
    char name[64], path[1200];
    snprintf(name, sizeof name, "lexicon/%s.tsv.gz", code);
    dm_status st = dm_data_path(ctx, name, path, sizeof path);
    if (st != DM_OK)
        return st;
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return DM_OK; /* no lexicon: no vocabulary, names are judged without it */
    /* the lines of one word are consecutive (the files are sorted by word): a word is judged
     * with all its translations in hand, since "has rivals" is what tells a common word */
    char group[4][1024];
    size_t ng = 0, lines = 0;
    char line[1024];
    int more = 1;
    while (st == DM_OK && more) {
        more = gzgets(gz, line, sizeof line) != NULL && lines++ < 2000000;
        char *tab1 = more ? strchr(line, '\t') : NULL;
        if (more && (!tab1 || (size_t)(tab1 - line) >= sizeof group[0] / 2))
            continue;
        size_t sl = tab1 ? (size_t)(tab1 - line) : 0;
        if (ng && (!more || strncmp(group[0], line, sl + 1))) {
            st = vocab_group(ctx, group, ng, set, names);
            ng = 0;
        }
        if (more && ng < 4)
            snprintf(group[ng++], sizeof group[0], "%s", line);
    }
    gzclose(gz);
    return st;
}

dm_status dn_english_vocab(dm_ctx *ctx, const char *lang, const dm_strset **out,
                           const dm_strset **names)
{
    *out = *names = NULL;
    char code[8];
    snprintf(code, sizeof code, "%s", lang && *lang && strcmp(lang, "en") ? lang : "de");
    for (char *p = code; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == '_' || *p == '-'))
            return DM_OK; /* not a code a data file could be named by */
    dm_model_slot *slot = &ctx->slots[DM_SLOT_ALIGN];
    if (!slot->model) {
        vocab_cache *c = calloc(1, sizeof *c);
        if (!c)
            return dm_fail(ctx, DM_ENOMEM, "English vocabulary");
        slot->model = c;
        slot->free_fn = vocab_cache_free;
    }
    vocab_cache *c = slot->model;
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->code[i], code)) {
            *out = &c->v[i]->words;
            *names = &c->v[i]->names;
            return DM_OK;
        }
    if (c->n == VOCAB_LANGS)
        return DM_OK;
    vocab *v = calloc(1, sizeof *v);
    if (!v)
        return dm_fail(ctx, DM_ENOMEM, "English vocabulary");
    dm_status st = read_vocab(ctx, code, &v->words, &v->names);
    if (st != DM_OK) {
        vocab_free(v);
        return st;
    }
    memcpy(c->code[c->n], code, sizeof code);
    c->v[c->n++] = v;
    *out = &v->words;
    *names = &v->names;
    return DM_OK;
}
