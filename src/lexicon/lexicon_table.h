/*
 * lexicon_table.h -- the inside of a dm_lexicon, shared by lexicon.c (context slot, lookups) and
 * lexicon_load.c (reading a file into the table). Nothing outside src/lexicon includes it.
 */
#ifndef DM_LEXICON_TABLE_H
#define DM_LEXICON_TABLE_H

#include "lexicon/lexicon.h"

typedef struct dm_lex_key {
    const char *word;
    uint32_t len;
    uint32_t first, count; /* entries[first .. first+count), best first */
} dm_lex_key;

/* English words seen by the identity lexicon: entries that stay put (chunks never move). */
typedef struct dm_lex_intern {
    dm_lex_entry **chunks;
    size_t n, n_chunks;
    uint32_t *slots; /* index + 1, 0 empty */
    size_t n_slots;
} dm_lex_intern;

/* Clitics written on the word that a lookup may take off when the whole word is unknown:
 * Arabic و/ف/ب/ل + ال, Hebrew ו/ה/ב/ל/מ/ש/כ, Persian and Urdu plural/ezafe endings. */
typedef struct dm_lex_affixes {
    const char *const *prefixes; /* matching form, longest first, NULL-terminated */
    const char *const *suffixes;
    size_t min_stem; /* bytes left after taking a clitic off */
} dm_lex_affixes;

/* Endings of inflection a lookup may replace when the whole word is unknown (lexicon_inflect.c):
 * Hindi, Urdu, Bengali, Marathi, Nepali, Punjabi, Gujarati. */
typedef struct dm_lex_inflect dm_lex_inflect;

struct dm_lexicon {
    char lang[8];
    const dm_lex_affixes *affixes; /* NULL for most languages */
    dm_lex_inflect *inflect;       /* NULL for most languages */
    int identity;
    char *arena; /* every key and English word, NUL-terminated */
    dm_lex_entry *entries;
    size_t n_entries;
    dm_lex_key *keys;
    size_t n_keys;
    uint32_t *slots; /* key index + 1, 0 empty; power-of-two size */
    size_t n_slots;
    dm_lex_intern *intern; /* identity lexicon only */
};

/* Read <data_dir>/lexicon/<code>.tsv.gz (with `set`: lexicon/<set>/<code>.tsv.gz) into *out;
 * *out NULL when there is no such file. */
dm_status dm_lexicon_load(dm_ctx *ctx, const char *set, const char *code, dm_lexicon **out);

void dm_lexicon_destroy(dm_lexicon *lx);

/* The entries of exactly this word (no fallback); 0 when it has none. */
size_t dm_lex_lookup_exact(const dm_lexicon *lx, const char *word, size_t len,
                           const dm_lex_entry **out);

/* The inflection rules of a language (ISO 639-1 code as the lexicon is filed), in matching form;
 * *out NULL, with DM_OK, for a language without rules. */
dm_status dm_lex_inflect_new(dm_ctx *ctx, const char *code, dm_lex_inflect **out);
void dm_lex_inflect_free(dm_lex_inflect *in);
/* The entries of the word with one inflection ending replaced (longest ending first); 0 when no
 * such form is in the lexicon or the lexicon has no rules. */
size_t dm_lex_inflect_lookup(const dm_lexicon *lx, const char *word, size_t len,
                             const dm_lex_entry **out);

#endif
