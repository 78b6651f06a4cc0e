/*
 * icu_cache.h -- the ICU objects the text pipeline opens once per context (break iterators,
 * transliterator, normalizers) and keeps in the context's DM_SLOT_TEXT slot.
 */
#ifndef DM_TEXT_ICU_CACHE_H
#define DM_TEXT_ICU_CACHE_H

#include "core/ctx.h"

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

typedef struct dm_icu {
    UBreakIterator *sentence;
    UBreakIterator *word;
    UTransliterator *to_latin;
    UTransliterator *zawgyi; /* Zawgyi-my, opened when a Zawgyi text first turns up */
    void *number_words;      /* number_words.c's table in matching form, built on first use */
    void (*number_words_free)(void *);
    void *calendars;         /* calendars.c's month names and ICU calendars, opened on first use */
    void (*calendars_free)(void *);
    const UNormalizer2 *nfc;
    const UNormalizer2 *nfkc_cf;
} dm_icu;

/* The context's ICU objects, opened on first use. */
dm_status dm_icu_get(dm_ctx *ctx, dm_icu **out);

/* The rules of the context's to-Latin transliterator: dragoman's own for the letters and
 * scripts ICU's Any-Latin leaves as they are, then Any-Latin (latin_rules.c). */
const UChar *dm_latin_rules(void);

/* Ethiopic (Ge'ez) numerals are not positional: ፲፱፻፹፯ is (10+9) x 100 + 80 + 7 = 1987, ፼ is
 * ten thousand. The value of the run of them at s[0..n) (UTF-16); *used receives its length
 * (0 when s does not begin with one). Values past 10^15 are not read (returns 0). */
int dm_geez_number(const UChar *s, int32_t n, int32_t *used, uint64_t *value);

/* Chinese and Japanese numerals: a run of two or more numeral characters with a multiplier or a
 * zero in it (三千五百万 = 35000000, 十五 = 15, 二〇二〇 = 2020). Its value and, in *used, its
 * length (also when it is not read as a number: a single 一 or 三四 is a word). */
int dm_han_number(const UChar *s, int32_t n, int32_t *used, uint64_t *value);

/* A year of a Japanese era, or of the Republic of China's or North Korea's count, before its
 * year mark (令和2年, 平成元年, 民國112年, 주체112년): 1 with the Gregorian year and, in *used,
 * the length of the era and its number (the mark stays) (calendars.c). */
int dm_era_year(const UChar *s, int32_t n, int32_t *used, uint64_t *value);

/* UTF-16 <-> UTF-8 with growable buffers; invalid input becomes U+FFFD (counted in *n_sub). */
dm_status dm_utf8_to_utf16(dm_ctx *ctx, const char *in, size_t len, UChar **out, int32_t *out_len,
                           size_t *n_sub);
dm_status dm_utf16_to_utf8(dm_ctx *ctx, const UChar *in, int32_t len, char **out, size_t *out_len);

/* Normalize UTF-16 with one of ICU's normalizers into a new buffer. */
dm_status dm_normalize16(dm_ctx *ctx, const UNormalizer2 *n, const UChar *in, int32_t len,
                         UChar **out, int32_t *out_len);

#endif
