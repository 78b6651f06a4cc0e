/*
 * number.c -- numbers written in any Unicode decimal digit system (ASCII, Arabic-Indic,
 * Persian, Devanagari, Bengali, Thai, fullwidth...), with the grouping and decimal separators
 * news text uses: 1,000  1.000  1 000  ۱٬۰۰۰  3.5  ٣٫٥.
 */
#include "text/icu_cache.h"
#include "text/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* Separator code points: ',' '.' U+066B (Arabic decimal) U+066C (Arabic thousands) U+060C
 * (Arabic comma), and spaces inside numbers (U+00A0, U+202F, ' '). */
static int is_separator(UChar32 c)
{
    return c == ',' || c == '.' || c == 0x066B || c == 0x066C || c == 0x060C || c == ' ' ||
           c == 0x00A0 || c == 0x202F || c == '\'';
}

static int can_be_decimal(UChar32 c) { return c == ',' || c == '.' || c == 0x066B || c == 0x060C; }

/* The number is read as groups of digits with a separator before each group but the first. The
 * last separator is the decimal mark when it can be one and either differs from the grouping
 * marks before it (1.234,5  1,234.5), or is the only one and not followed by a group of three
 * after at most three digits (2,5  3.14  12345.678  0,125); U+066B is always one. The other
 * separators must all be one mark grouping by three (1,000,000) or the Indian way (12,34,567). */
int dm_parse_number(const char *s, size_t len, double *value)
{
    if (len == 0 || len > 64)
        return 0;
    int32_t i = 0, n = (int32_t)len;
    int digit[64], ndigit = 0;
    int gdig[33] = {0}; /* digits in each group */
    UChar32 gsep[33];   /* the separator before each group (gsep[0] unused) */
    int ng = 1;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            return 0;
        int32_t d = u_charDigitValue(c);
        if (d >= 0 && d <= 9 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
            digit[ndigit++] = d;
            gdig[ng - 1]++;
        } else if (is_separator(c) && gdig[ng - 1] > 0 && i < n && ng < 33) {
            gsep[ng++] = c;
        } else {
            return 0;
        }
    }
    if (gdig[ng - 1] == 0)
        return 0;
    int dec = 0;
    if (ng > 1) {
        UChar32 last = gsep[ng - 1];
        if (last == 0x066B)
            dec = 1;
        else if (can_be_decimal(last) && ng > 2)
            dec = gsep[ng - 2] != last;
        else if (can_be_decimal(last))
            dec = gdig[1] != 3 || gdig[0] > 3 || (gdig[0] == 1 && digit[0] == 0);
    }
    int nint = dec ? ng - 1 : ng; /* groups of the integer part */
    if (nint > 1) {
        UChar32 g = gsep[1];
        int western = gdig[0] <= 3, indian = g == ',' && gdig[0] <= 2 && gdig[nint - 1] == 3;
        for (int k = 1; k < nint; k++) {
            if (gsep[k] != g || gsep[k] == 0x066B)
                return 0;
            western = western && gdig[k] == 3;
            indian = indian && (k == nint - 1 || gdig[k] == 2);
        }
        if (!western && !indian)
            return 0;
    }
    int nfrac = dec ? gdig[ng - 1] : 0;
    double v = 0, frac = 0, scale = 1;
    for (int k = 0; k < ndigit - nfrac; k++)
        v = v * 10 + digit[k];
    for (int k = ndigit - nfrac; k < ndigit; k++) {
        frac = frac * 10 + digit[k];
        scale *= 10;
    }
    *value = v + frac / scale;
    return 1;
}

int dm_geez_number(const UChar *s, int32_t n, int32_t *used, uint64_t *value)
{
    /* total: the myriads read so far; seg: hundreds below the current myriad; cur: below 100 */
    uint64_t total = 0, seg = 0, cur = 0;
    int32_t i = 0;
    for (; i < n && s[i] >= 0x1369 && s[i] <= 0x137C; i++) {
        UChar c = s[i];
        if (c <= 0x1371)
            cur += (uint64_t)(c - 0x1368); /* ፩..፱ */
        else if (c <= 0x137A)
            cur += (uint64_t)(c - 0x1371) * 10; /* ፲..፺ */
        else if (c == 0x137B) { /* ፻ */
            seg += (cur ? cur : 1) * 100;
            cur = 0;
        } else { /* ፼ */
            uint64_t x = seg + cur;
            if (!x && total)
                total *= 10000; /* ፼፼: a hundred million */
            else
                total += (x ? x : 1) * 10000;
            seg = cur = 0;
        }
        if (total > 1000000000000000ull)
            return *used = 0, 0;
    }
    *used = i;
    *value = total + seg + cur;
    return i > 0;
}

/* The value of a Chinese (or Japanese) numeral character: digits 0-9 (〇 零 一 二 两 三 ...
 * 九), or -1 for a multiplier (十 百 千 万 亿 億) whose value goes to *mult; 0 returned as -2
 * when the character is not a numeral. */
static int han_digit(UChar c, uint64_t *mult)
{
    switch (c) {
    case 0x3007: case 0x96F6: return 0;           /* 〇 零 */
    case 0x4E00: return 1;                        /* 一 */
    case 0x4E8C: case 0x4E24: return 2;           /* 二 两 */
    case 0x4E09: return 3;                        /* 三 */
    case 0x56DB: return 4;                        /* 四 */
    case 0x4E94: return 5;                        /* 五 */
    case 0x516D: return 6;                        /* 六 */
    case 0x4E03: return 7;                        /* 七 */
    case 0x516B: return 8;                        /* 八 */
    case 0x4E5D: return 9;                        /* 九 */
    case 0x5341: *mult = 10; return -1;           /* 十 */
    case 0x767E: *mult = 100; return -1;          /* 百 */
    case 0x5343: *mult = 1000; return -1;         /* 千 */
    case 0x4E07: *mult = 10000; return -1;        /* 万 */
    case 0x4EBF: case 0x5104: *mult = 100000000; return -1; /* 亿 億 */
    default: return -2;
    }
}

int dm_han_number(const UChar *s, int32_t n, int32_t *used, uint64_t *value)
{
    int32_t i = 0, mults = 0, zeros = 0;
    uint64_t m = 0;
    while (i < n && han_digit(s[i], &m) != -2) {
        int d = han_digit(s[i], &m);
        mults += d == -1;
        zeros += d == 0;
        i++;
    }
    *used = i;
    /* one character alone is a word (一 "one, a"), a run without a multiplier or a zero is a word
     * too (一一 "one by one", 三四 "three or four"), and so is one that opens with 万 or 亿
     * (万一 "in case") */
    uint64_t first = 0;
    if (i < 2 || (!mults && !zeros) || (han_digit(s[0], &first) == -1 && first >= 10000))
        return 0;
    uint64_t total = 0, section = 0, digit = 0;
    if (!mults) { /* 二〇二〇: digits one by one */
        for (int32_t k = 0; k < i; k++)
            total = total * 10 + (uint64_t)han_digit(s[k], &m);
        *value = total;
        return 1;
    }
    for (int32_t k = 0; k < i; k++) {
        int d = han_digit(s[k], &m);
        if (d >= 0) {
            digit = (uint64_t)d;
        } else if (m >= 10000) { /* 万 亿: scale everything read so far in this section */
            if (!section && !digit && total) { /* 万亿: ten thousand hundred millions */
                total *= m;
                continue;
            }
            section = (section + digit) * m;
            if (section > 1000000000000000ull)
                return 0;
            total += section;
            section = digit = 0;
        } else { /* 十 百 千: a lone 十 is ten (十五 = 15) */
            section += (digit ? digit : 1) * m;
            digit = 0;
        }
    }
    *value = total + section + digit;
    return 1;
}
