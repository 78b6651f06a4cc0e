/*
 * diff_names.h -- the "names on one side only" part of the divergence report (diff_names.c),
 * and the English common-word vocabulary it consults (diff_vocab.c).
 */
#ifndef DM_ALIGN_DIFF_NAMES_H
#define DM_ALIGN_DIFF_NAMES_H

#include "align/align_internal.h"
#include "align/align_lexicon.h"
#include "util/strset.h"

/* One version as the name check sees it. `set` is the evidence diff.c gathers for the whole
 * version: "f:<form>", "k:<name key>", "f:<English pivot>" of each word, "l:<form>" for words
 * written in lower case, "c:<form>" for words capitalised inside an ordinary sentence. */
typedef struct dn_version {
    const char *const *t;
    const size_t *l;
    size_t n;
    const al_lexicon *lx; /* NULL for English or an unknown language */
    const char *lang;     /* "" when unknown */
    const dm_strset *set;
} dn_version;

/* Called for each name (or multi-word name) of one version that the other lacks: its side (0 =
 * src, 1 = tgt of the blocks), the block it is in and the name as written. */
typedef dm_status (*dn_found_fn)(void *ud, int side, size_t block, const char *what, size_t len);

/* The names of each version that the other does not mention, src's first. */
dm_status dn_names_only(dm_ctx *ctx, al_env *env, const dn_version *src, const dn_version *tgt,
                        const dm_align_block *b, size_t nb, dn_found_fn found, void *ud);

/* English words that translate common words of a language (from its shipped lexicon; German's
 * when lang is English or unknown), and those that are transliterated names in it (ایران ->
 * iran). Both NULL when there is no lexicon; kept in the context, valid as long as it. */
dm_status dn_english_vocab(dm_ctx *ctx, const char *lang, const dm_strset **out,
                           const dm_strset **names);

/* Is the word capitalised: a Latin (ASCII or Latin-1), Greek or Cyrillic capital first? */
int dn_capitalised(const char *w, size_t wl);

/* --- name keys (diff_keys.c) --------------------------------------------------------------- */

/* Are k1 (a name of the version being checked, written in Latin script when `latin`) and k2
 * one name: equal, or sharing 75% of the shorter (2 consonants at least) and differing by
 * inflection endings only (Americans / آمریکایی‌ها, Iranians / ایرانیها, Putin / Путиным)? */
int dn_keys_match(const char *k1, const char *k2, int latin);
/* A Latin form against the transliteration of an Arabic-script word with the same key: the long
 * vowels the Arabic writes are there (Khamenei / خامنه‌ای, not Khomeini / خامنه‌ای). */
int dn_vowels_agree_arabic(const char *latin, const char *arabic);
/* A Latin form against the transliteration of a word of a script that writes every vowel: both
 * begin with a consonant or neither, and the first vowels agree (Rashid is not रिश्ते). */
int dn_first_vowel_agrees(const char *latin, const char *other);

#endif
