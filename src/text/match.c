/*
 * match.c -- the matching form: what two spellings of one word have in common.
 *
 * NFKC case folding does most of it (and drops default-ignorables such as ZWNJ, so Persian
 * "می‌خواهم" and "میخواهم" meet). On top come the spelling variants that Unicode does not fold:
 * Arabic-script letters written differently in Arabic, Persian and Urdu, vowel marks that most
 * texts omit (harakat, Hebrew points, Devanagari nukta), tatweel, digits of every system (and
 * Ethiopic and Chinese numerals, by value, and years of Japanese eras as Gregorian ones), and the dot that case folding leaves on Turkish İ.
 */
#include "text/icu_cache.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <unicode/uchar.h>

/* Returns the folded code unit, or 0 to drop it. */
static UChar fold_letter(UChar c)
{
    switch (c) {
    case 0x064A: case 0x0649: case 0x0626: case 0x06D2: case 0x06D0:
        return 0x06CC;                 /* ي ى ئ ے ې -> ی */
    case 0x0643: case 0x06AA:
        return 0x06A9;                 /* ك ڪ -> ک */
    case 0x0629: case 0x06C0: case 0x06C1: case 0x06BE: case 0x06D5:
        return 0x0647;                 /* ة ۀ ہ ھ ە -> ه */
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: case 0x0672: case 0x0673:
        return 0x0627;                 /* أ إ آ ٱ -> ا */
    case 0x0624:
        return 0x0648;                 /* ؤ -> و */
    case 0x0640: case 0x093C: case 0x09BC: case 0x0A3C: case 0x0ABC:
        return 0;                      /* tatweel, nukta */
    default:
        break;
    }
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED && c != 0x06E5 &&
                                                       c != 0x06E6))
        return 0;                      /* harakat and Quranic marks */
    if (c >= 0x0591 && c <= 0x05C7 && c != 0x05BE && c != 0x05C0 && c != 0x05C3 && c != 0x05C6)
        return 0;                      /* Hebrew points and cantillation */
    return c;
}

/* Numerals that are not decimal digits, written as the ASCII digits of their value like the
 * digits of every decimal system below: Ethiopic (፲፱፻፹፯ -> 1987) and Chinese or Japanese (三千五百万
 * -> 35000000, 二〇二〇 -> 2020; one numeral alone, 一 "a", stays a word); a year of a Japanese
 * era as the Gregorian year (令和2年 -> 2020年). A run can grow (፼:
 * 10000), so this writes a new buffer, and only when the text has such numerals. */
static int numeral_at(const UChar *s, int32_t n, int32_t *used, uint64_t *v)
{
    if (s[0] >= 0x1369 && s[0] <= 0x137C)
        return dm_geez_number(s, n, used, v);
    if (s[0] >= 0x4E00 && dm_era_year(s, n, used, v))
        return 1;
    return s[0] >= 0x3007 && dm_han_number(s, n, used, v);
}

/* After digits, Chinese numerals are the unit of the number (5百万, 10万亿: a quantity the
 * scale words make), not a number of their own. */
static int after_digit(const UChar *s, int32_t r)
{
    return r > 0 && u_isdigit(s[r - 1]);
}

static dm_status numerals_to_digits(dm_ctx *ctx, UChar **buf, int32_t *n)
{
    const UChar *s = *buf;
    int32_t i = 0, used = 0;
    uint64_t v;
    while (i < *n && !numeral_at(s + i, *n - i, &used, &v))
        i += used > 0 ? used : 1;
    if (i >= *n)
        return DM_OK;
    if (*n < 0 || *n > INT32_MAX / 6)
        return dm_fail(ctx, DM_ELIMIT, "text too long");
    UChar *out = malloc(((size_t)*n * 5 + 1) * sizeof *out); /* a numeral gives 5 digits at most */
    if (!out)
        return dm_fail(ctx, DM_ENOMEM, "no memory for text");
    int32_t w = 0;
    for (int32_t r = 0; r < *n;) {
        used = 0;
        if (numeral_at(s + r, *n - r, &used, &v) && !(s[r] >= 0x3007 && after_digit(s, r))) {
            char dig[24];
            int k = snprintf(dig, sizeof dig, "%llu", (unsigned long long)v);
            if (k > used * 5)
                k = 0; /* cannot happen: a numeral adds 5 digits at most */
            for (int j = 0; j < k; j++)
                out[w++] = (UChar)dig[j];
            r += used;
        } else if (used > 0) {
            for (int32_t j = 0; j < used; j++) /* a run that is a word, or past 10^15 */
                out[w++] = s[r++];
        } else {
            out[w++] = s[r++];
        }
    }
    free(*buf);
    *buf = out;
    *n = w;
    return DM_OK;
}

dm_status dm_match_form(dm_ctx *ctx, const char *text, size_t len, char **out, size_t *out_len)
{
    dm_icu *icu;
    dm_status st = dm_icu_get(ctx, &icu);
    if (st)
        return st;
    UChar *u16, *cf;
    int32_t n16, ncf;
    st = dm_utf8_to_utf16(ctx, text, len, &u16, &n16, NULL);
    if (st)
        return st;
    st = dm_normalize16(ctx, icu->nfkc_cf, u16, n16, &cf, &ncf);
    free(u16);
    if (st)
        return st;
    st = numerals_to_digits(ctx, &cf, &ncf);
    if (st) {
        free(cf);
        return st;
    }
    int32_t w = 0;
    for (int32_t r = 0; r < ncf; r++) {
        UChar c = cf[r];
        if (U16_IS_SURROGATE(c)) {
            cf[w++] = c;
            continue;
        }
        if (c == 0x0307 && w > 0 && cf[w - 1] == 'i')
            continue; /* Turkish İ folds to i + dot above: "İstanbul" must meet "Istanbul" */
        if (c >= 0x80) {
            if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
                cf[w++] = (UChar)('0' + u_charDigitValue(c));
                continue;
            }
            c = fold_letter(c);
            if (!c)
                continue;
        }
        cf[w++] = c;
    }
    st = dm_utf16_to_utf8(ctx, cf, w, out, out_len);
    free(cf);
    return st;
}
