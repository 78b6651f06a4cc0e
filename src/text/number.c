/*
 * number.c -- numbers written in any Unicode decimal digit system (ASCII, Arabic-Indic,
 * Persian, Devanagari, Bengali, Thai, fullwidth...), with the grouping and decimal separators
 * news text uses: 1,000  1.000  1 000  ۱٬۰۰۰  3.5  ٣٫٥.
 */
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

int dm_parse_number(const char *s, size_t len, double *value)
{
    if (len == 0 || len > 64)
        return 0;
    int32_t i = 0, n = (int32_t)len;
    double v = 0;
    int digits = 0, group_digits = 0, seps = 0;
    int32_t last_sep_digits = -1; /* digits after the last separator */
    UChar32 last_sep = 0;
    double frac_scale = 1;
    double before_last_sep = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            return 0;
        int32_t d = u_charDigitValue(c);
        if (d >= 0 && d <= 9 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
            v = v * 10 + d;
            digits++;
            group_digits++;
            if (last_sep_digits >= 0) {
                last_sep_digits++;
                frac_scale *= 10;
            }
        } else if (is_separator(c) && digits > 0 && i < n) {
            if (last_sep_digits >= 0 && last_sep_digits != 3)
                return 0; /* groups of three only between separators */
            before_last_sep = v;
            last_sep = c;
            last_sep_digits = 0;
            frac_scale = 1;
            group_digits = 0;
            seps++;
        } else {
            return 0;
        }
    }
    if (digits == 0 || (seps > 0 && last_sep_digits == 0))
        return 0;
    /* One separator followed by other than three digits, and it is a decimal point. */
    if (seps == 1 && last_sep_digits != 3 &&
        (last_sep == '.' || last_sep == ',' || last_sep == 0x066B))
        v = before_last_sep + (v - before_last_sep * frac_scale) / frac_scale;
    (void)group_digits;
    *value = v;
    return 1;
}
