/*
 * lexicon.h -- bilingual lexicons: words of language X -> English "pivot" words with a weight.
 *
 * The linking and alignment stages compare evidence across any pair of languages through
 * English: each word of either side is turned into the English words it may mean. The data are
 * data/lexicon/<code>.tsv.gz (built by tools/lexicon/build_lexicons.sh); a language is loaded
 * on first use and kept in the context (slot DM_SLOT_LEXICON) until dm_ctx_free.
 *
 * Keys and English words are in dragoman's matching form (dm_match_form), applied when the
 * file is loaded, so callers look up the tokens of matching-form text as they are. English is
 * its own lexicon: every English word maps to itself with weight 1, so callers treat "en" like
 * any other language. Its entries are made on first lookup, so lookups, like everything on one
 * context, belong to one thread at a time.
 */
#ifndef DM_LEXICON_H
#define DM_LEXICON_H

#include "dragoman.h"

#include <stddef.h>
#include <stdint.h>

typedef struct dm_lex_entry {
    const char *en;  /* English word, matching form, NUL-terminated */
    uint32_t en_len; /* bytes */
    float weight;    /* in (0,1]: p(en | word) where the evidence is ample, less where thin */
} dm_lex_entry;

typedef struct dm_lexicon dm_lexicon;

/* The lexicon of a language (ISO 639-1 or 639-3 code, or a tag such as "fa-IR", "zh_Hant",
 * "pes", "arb", "cmn"). *out is NULL, with DM_OK, when dragoman has no lexicon for it; a
 * corrupt file is DM_EMODEL. The lexicon lives as long as the context. */
dm_status dm_lexicon_get(dm_ctx *ctx, const char *lang, const dm_lexicon **out);

/* The same from a set of lexicons kept beside the shared ones for one use
 * (<data>/lexicon/<use>/<code>.tsv.gz, e.g. "mine"); a language the set has no file for gets the
 * shared lexicon. use NULL: the shared lexicons (dm_lexicon_get). */
dm_status dm_lexicon_get_set(dm_ctx *ctx, const char *lang, const char *use, const dm_lexicon **out);
/* The English translations of one word (matching form), best first; returns how many (0 when
 * the word is unknown). A word unknown as a whole is tried again without one clitic where the
 * language writes them on the word (Arabic و/ف/ب/ل and the article ال, Hebrew prefixes,
 * Persian/Urdu/Pashto plural and ezafe endings), then, for Hindi, Urdu, Bengali, Marathi, Nepali,
 * Punjabi and Gujarati, with one inflection ending replaced by the dictionary form's (समझौतों ->
 * समझौता, ملکوں -> ملک; lexicon_inflect.c). *out stays valid as long as the context. */
size_t dm_lexicon_lookup(const dm_lexicon *lx, const char *word, size_t len,
                         const dm_lex_entry **out);

/* The i-th word with entries (i < dm_lexicon_size), NUL-terminated, its length in *len; NULL
 * past the end. For callers that look for related forms (a stem's other inflections). */
const char *dm_lexicon_key(const dm_lexicon *lx, size_t i, size_t *len);
/* The entries of the i-th word, best first; returns how many. */
size_t dm_lexicon_key_entries(const dm_lexicon *lx, size_t i, const dm_lex_entry **out);
/* The code the lexicon is filed under ("fa" for a request of "pes"). */
const char *dm_lexicon_lang(const dm_lexicon *lx);

/* Number of distinct words with entries (0 for English, whose lexicon is the identity). */
size_t dm_lexicon_size(const dm_lexicon *lx);

/* The code a language tag's lexicon is filed under, written to out (NUL-terminated); returns 0
 * when the tag is not a language code. Exposed for the tests and the stages' diagnostics. */
int dm_lexicon_code(const char *lang, char *out, size_t cap);

#endif
