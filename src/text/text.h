/*
 * text.h -- the text pipeline inside the library (ICU underneath): normalization, matching form,
 * sentences, word tokens, numbers in every digit system, scripts, transliteration to Latin and the
 * name key that survives changes of script. Every stage (langid, link, align) uses these; none
 * re-implements them.
 *
 * Expensive ICU objects (transliterators, break iterators) are opened once per context and kept
 * in its slots; they are not shared between contexts.
 */
#ifndef DM_TEXT_H
#define DM_TEXT_H

#include "dragoman.h"

#include <stdint.h>

/* --- normalization ------------------------------------------------------------------------ */

/* Make arbitrary bytes valid NFC UTF-8: BOM dropped, CRLF/CR -> LF, NUL and other C0 controls
 * except TAB/LF dropped, C1 controls read as windows-1252 (curly quotes, dashes, euro sign),
 * invalid sequences -> U+FFFD (counted in *n_replaced). *out malloc'ed. */
dm_status dm_text_clean(dm_ctx *ctx, const char *in, size_t len, char **out, size_t *out_len,
                        size_t *n_replaced);

/* Burmese in the legacy Zawgyi encoding (zawgyi.c): 1 when the Myanmar letters of s are in
 * Zawgyi's visual order rather than Unicode's; the text converted to Unicode (NFC). */
int dm_zawgyi_likely(const char *s, size_t n);
dm_status dm_zawgyi_to_unicode(dm_ctx *ctx, const char *s, size_t n, char **out, size_t *out_len);
/* 1 when s[0..n) is valid UTF-8 (cheap: lets readers skip dm_text_clean's work on good input). */
int dm_utf8_is_valid(const char *s, size_t n);

/* dm_match_form (public header) is the matching form: NFKC casefold, Arabic-script letters
 * unified (ي/ى/ی -> ی, ك/ک -> ک, ة -> ه, أ/إ/آ/ٱ -> ا, ؤ -> و, ئ -> ی), harakat and tatweel
 * removed, ZWNJ -> nothing inside a word, every Unicode decimal digit -> ASCII digit. */

/* --- tokens ------------------------------------------------------------------------------- */

enum dm_tok_kind { DM_TOK_WORD = 1, DM_TOK_NUMBER = 2, DM_TOK_PUNCT = 3 };

typedef struct dm_token {
    uint32_t start, len; /* bytes in the text given */
    uint8_t kind;        /* enum dm_tok_kind */
    uint8_t script;      /* dominant script of the token: enum dm_script below */
} dm_token;

/* Word tokens of (preferably matching-form) text: ICU word breaks, so Thai, Lao, Khmer, Burmese,
 * Chinese and Japanese are cut by ICU's dictionaries. Spaces are not tokens. *out malloc'ed. */
dm_status dm_tokenize(dm_ctx *ctx, const char *text, size_t len, dm_token **out, size_t *n);

/* --- numbers ------------------------------------------------------------------------------ */

/* Value of a run of digits of any Unicode decimal system (۲۱, ٢١, २१ -> 21); also reads
 * 1,000 / 1.000 / 1 000 grouping and a decimal part. Returns 0 when the text is not a number. */
int dm_parse_number(const char *s, size_t len, double *value);

/* A number written as one word (number_words.c): form is a token in matching form; lang the
 * text's ISO 639-1 code, or NULL to accept only words that are numbers in every language they
 * belong to. 1 and *value, or 0. */
int dm_number_word(dm_ctx *ctx, const char *lang, const char *form, size_t n, double *value);

/* --- scripts ------------------------------------------------------------------------------ */

enum dm_script {
    DM_SCRIPT_OTHER = 0, DM_SCRIPT_LATIN, DM_SCRIPT_CYRILLIC, DM_SCRIPT_GREEK, DM_SCRIPT_ARABIC,
    DM_SCRIPT_HEBREW, DM_SCRIPT_DEVANAGARI, DM_SCRIPT_BENGALI, DM_SCRIPT_GURMUKHI,
    DM_SCRIPT_GUJARATI, DM_SCRIPT_ORIYA, DM_SCRIPT_TAMIL, DM_SCRIPT_TELUGU, DM_SCRIPT_KANNADA,
    DM_SCRIPT_MALAYALAM, DM_SCRIPT_SINHALA, DM_SCRIPT_THAI, DM_SCRIPT_LAO, DM_SCRIPT_TIBETAN,
    DM_SCRIPT_MYANMAR, DM_SCRIPT_GEORGIAN, DM_SCRIPT_HANGUL, DM_SCRIPT_ETHIOPIC, DM_SCRIPT_KHMER,
    DM_SCRIPT_HAN, DM_SCRIPT_HIRAGANA, DM_SCRIPT_KATAKANA, DM_SCRIPT_ARMENIAN, DM_SCRIPT_THAANA,
    DM_SCRIPT_COUNT
};

/* Script of one code point (Common/Inherited -> DM_SCRIPT_OTHER). */
int dm_script_of(uint32_t cp);
const char *dm_script_name(int script);
/* The script most letters of the text are written in. */
int dm_dominant_script(const char *text, size_t len);

/* --- names across scripts ----------------------------------------------------------------- */

/* A word in any script to lowercase ASCII Latin (ICU Any-Latin; Latin-ASCII), e.g.
 * "ख़ामेनेई" -> "khamene'i"-like, "خامنه‌ای" -> "khamnh'y"-like. Writes a NUL-terminated string. */
dm_status dm_translit_latin(dm_ctx *ctx, const char *word, size_t len, char *out, size_t cap);

/* The key of a name that survives what scripts drop or add: consonant skeleton of the Latin
 * form with similar sounds merged (q/k, kh/x, v/w, ph/f, z/dh/th/s...), vowels dropped except a
 * leading one. "Rashid", "रशीद", "رشيد" share one key. Writes a NUL-terminated string. */
void dm_name_key(const char *latin, char *out, size_t cap);

#endif
