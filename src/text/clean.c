/*
 * clean.c -- arbitrary bytes to valid NFC UTF-8, the form every document is stored in.
 *
 * Readers hand over whatever the file held; this is the one place that decides what becomes of
 * a byte-order mark, CR/CRLF, NUL and other control bytes, and invalid UTF-8 (U+FFFD, counted,
 * so that the reader can report a repaired record).
 */
#include "text/icu_cache.h"
#include "text/text.h"

#include <stdlib.h>
#include <unicode/utf8.h>

int dm_utf8_is_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if (n - i > INT32_MAX)
            return 0;
        int32_t j = 0, m = (int32_t)(n - i > 8 ? 8 : n - i);
        UChar32 c;
        U8_NEXT((const uint8_t *)s + i, j, m, c);
        if (c < 0)
            return 0;
        i += (size_t)j;
    }
    return 1;
}

/* U+0080..U+009F read as windows-1252, as browsers do: text that holds them was windows-1252
 * labelled (or decoded as) ISO-8859-1, and they are its curly quotes, dashes and euro sign.
 * 0 for the five bytes windows-1252 leaves undefined. */
static const UChar cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* Keep TAB and LF; turn CR and CRLF into LF; drop BOMs, C0 controls and DEL; C1 controls become
 * the windows-1252 characters they stand for. */
static int32_t strip_controls(UChar *s, int32_t n)
{
    int32_t w = 0;
    for (int32_t r = 0; r < n; r++) {
        UChar c = s[r];
        if (c == '\r') {
            if (r + 1 < n && s[r + 1] == '\n')
                continue;
            c = '\n';
        } else if (c >= 0x80 && c < 0xA0) {
            if (!(c = cp1252_c1[c - 0x80]))
                continue;
        } else if (c == 0xFEFF || (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            continue;
        } else if (c == 0x2028 || c == 0x2029) {
            c = '\n';
        }
        s[w++] = c;
    }
    return w;
}

dm_status dm_text_clean(dm_ctx *ctx, const char *in, size_t len, char **out, size_t *out_len,
                        size_t *n_replaced)
{
    dm_icu *icu;
    dm_status st = dm_icu_get(ctx, &icu);
    if (st)
        return st;
    UChar *u16, *nfc = NULL;
    int32_t n16, nnfc;
    st = dm_utf8_to_utf16(ctx, in, len, &u16, &n16, n_replaced);
    if (st)
        return st;
    n16 = strip_controls(u16, n16);
    UErrorCode err = U_ZERO_ERROR;
    if (unorm2_quickCheck(icu->nfc, u16, n16, &err) == UNORM_YES && U_SUCCESS(err)) {
        st = dm_utf16_to_utf8(ctx, u16, n16, out, out_len);
    } else {
        st = dm_normalize16(ctx, icu->nfc, u16, n16, &nfc, &nnfc);
        if (!st)
            st = dm_utf16_to_utf8(ctx, nfc, nnfc, out, out_len);
    }
    free(u16);
    free(nfc);
    return st;
}
