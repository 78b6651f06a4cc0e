/*
 * zawgyi.c -- Burmese written in the legacy Zawgyi encoding, found and converted to Unicode.
 *
 * Much Burmese web text (and news) is still typed in Zawgyi, a font hack that reuses the
 * Myanmar code points in visual order: the vowel sign E (U+1031) and the medial RA come before
 * the consonant they follow in Unicode. Left as is, such a text shares no words, names or
 * n-grams with the same text in Unicode, so linking and alignment fail on it.
 *
 * Detection counts what Unicode's order never allows: U+1031 after anything but a consonant, a
 * medial or an independent vowel, and a medial (U+103B..U+103E) after anything but a consonant
 * or another medial. Well-formed Unicode Burmese has none (a typo or two in a long text); Zawgyi
 * has several in every hundred letters. Conversion is ICU's own Zawgyi-my transliterator.
 */
#include "text/icu_cache.h"
#include "text/text.h"

#include <stdlib.h>
#include <unicode/utf8.h>

static int consonant(UChar32 c) { return c >= 0x1000 && c <= 0x1021; }
static int medial(UChar32 c) { return c >= 0x103B && c <= 0x103E; }

int dm_zawgyi_likely(const char *s, size_t n)
{
    size_t myanmar = 0, wrong = 0;
    UChar32 prev = 0;
    for (size_t i = 0; i < n;) {
        UChar32 c;
        if ((unsigned char)s[i] < 0x80) {
            c = (unsigned char)s[i++];
        } else {
            int32_t j = 0, m = (int32_t)(n - i > 8 ? 8 : n - i);
            U8_NEXT((const uint8_t *)s + i, j, m, c);
            i += (size_t)j;
        }
        if (c >= 0x1000 && c <= 0x109F) {
            myanmar++;
            if (c == 0x1031 && !consonant(prev) && !medial(prev) && !(prev >= 0x1023 && prev <= 0x102A))
                wrong++;
            else if (medial(c) && !consonant(prev) && !medial(prev))
                wrong++;
        }
        prev = c;
    }
    /* at least two, and one in fifty Myanmar letters: a stray typo in Unicode text is not enough */
    return wrong >= 2 && wrong * 50 >= myanmar;
}

dm_status dm_zawgyi_to_unicode(dm_ctx *ctx, const char *s, size_t n, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    dm_icu *icu;
    dm_status st = dm_icu_get(ctx, &icu);
    if (st)
        return st;
    UErrorCode err = U_ZERO_ERROR;
    if (!icu->zawgyi) {
        icu->zawgyi = utrans_openU(u"Zawgyi-my", -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
        if (U_FAILURE(err))
            return dm_fail(ctx, DM_EUNICODE, "no Zawgyi transliterator in this ICU: %s", u_errorName(err));
    }
    UChar *u16;
    int32_t n16;
    if ((st = dm_utf8_to_utf16(ctx, s, n, &u16, &n16, NULL)))
        return st;
    /* the rules reorder and may add a unit or two per syllable: room for twice the text */
    if (n16 > INT32_MAX / 2 - 16) {
        free(u16);
        return dm_fail(ctx, DM_ELIMIT, "text too long to convert from Zawgyi");
    }
    int32_t cap = 2 * n16 + 16, len = n16, limit = n16;
    UChar *buf = realloc(u16, (size_t)cap * sizeof *buf);
    if (!buf) {
        free(u16);
        return dm_fail(ctx, DM_ENOMEM, "no memory to convert from Zawgyi");
    }
    utrans_transUChars(icu->zawgyi, buf, &len, cap, 0, &limit, &err);
    if (U_FAILURE(err)) {
        free(buf);
        return dm_fail(ctx, DM_EUNICODE, "converting from Zawgyi failed: %s", u_errorName(err));
    }
    UChar *nfc;
    int32_t nn;
    st = dm_normalize16(ctx, icu->nfc, buf, len, &nfc, &nn);
    free(buf);
    if (st)
        return st;
    st = dm_utf16_to_utf8(ctx, nfc, nn, out, out_len);
    free(nfc);
    return st;
}
