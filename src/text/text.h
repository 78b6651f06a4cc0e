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

/* The Gregorian years a year written in a local calendar may be (calendars.c): Solar and lunar
 * Hijri for Persian, Arabic, Urdu, Pashto (1399 -> 2020, 2021), Buddhist Era for Thai (2563 ->
 * 2020), Ethiopian for Amharic and Tigrinya, Anno Mundi for Hebrew, Bikram Sambat for Nepali;
 * lang an ISO code or NULL (then the script decides). Writes up to cap candidates, returns how
 * many (0: not a year of such a calendar). */
size_t dm_calendar_years(const char *lang, int script, double year, double *out, size_t cap);

/* The Gregorian days of the month a day of a local calendar's month may be: "30 تیر" (Persian) is
 * 21 July or 20 July, by the year; "ሐምሌ 14", "15 رمضان 1445", "30 בתמוז 5780" likewise. word
 * is the month's name as the text writes it, in matching form (its first word, or with a Hebrew
 * prefix); year the local year the text gives, or 0 (then the solar calendars, Persian and
 * Ethiopian, try the years of 2000-2035; the lunar ones, Hijri and Hebrew, say nothing); lang
 * fa, prs, ps, ar, ur, am, ti or he. ICU converts, and gives the month names. Returns how many
 * days were written (0: not such a date). */
size_t dm_calendar_days(dm_ctx *ctx, const char *lang, const char *word, size_t wlen, double day, double year,
                        double *out, size_t cap);

/* Is token j of text s a scale word (thousand, million, Mio., млн, 万, 亿, करोड़...: a number
 * word of 1000 or more) right after token j - 1, with at most a space between? Then 1 and
 * *scale: "50 million" is the quantity 50 x 10^6. lang as for dm_number_word. */
int dm_scale_after(dm_ctx *ctx, const char *lang, const char *s, const dm_token *t, size_t nt, size_t j,
                   double *scale);

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
/* Whether the text holds a letter of any script (not only digits, punctuation, symbols). */
int dm_has_letter(const char *text, size_t len);

/* --- names across scripts ----------------------------------------------------------------- */

/* A word in any script to lowercase ASCII Latin (ICU Any-Latin; Latin-ASCII), e.g.
 * "ख़ामेनेई" -> "khamene'i"-like, "خامنه‌ای" -> "khamnh'y"-like. Writes a NUL-terminated string. */
dm_status dm_translit_latin(dm_ctx *ctx, const char *word, size_t len, char *out, size_t cap);

/* The key of a name that survives what scripts drop or add: consonant skeleton of the Latin
 * form with similar sounds merged (q/k, kh/x, v/w, ph/f, z/dh/th/s...), vowels dropped except a
 * leading one. "Rashid", "रशीद", "رشيد" share one key. Writes a NUL-terminated string. */
void dm_name_key(const char *latin, char *out, size_t cap);

#endif
