/*
 * align_debris.c -- lines that carry nothing to translate: OCR debris and stray marks ("h * \"",
 * ".....", "- _-") that a scanned text leaves between its sentences. Such a line has no counterpart
 * by nature, wherever the search put it; the batch output reports it on its own (an empty other
 * side) even when it lies inside a block, as the Text+Berg convention does. Kept apart from the
 * scorer: it reads the raw bytes of a line, and only the output uses it.
 */
#include "dragoman.h"

#include <stdint.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

int dm_align_is_debris(const char *s, size_t n)
{
    /* a line that ends in a comma, colon or semicolon asks for the rest of its sentence */
    size_t e = n;
    while (e && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
        e--;
    if (e && (s[e - 1] == ',' || s[e - 1] == ':' || s[e - 1] == ';'))
        return 0;
    if (n > INT32_MAX)
        return 0; /* U8_NEXT counts in int32_t; a line of gigabytes carries something anyway */
    int letters = 0;
    for (int32_t i = 0, m = (int32_t)n; i < m;) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, m, c);
        if (c < 0)
            continue;
        /* a digit is a number, a bracket part of a sentence that goes on ("C ) .") */
        int8_t t = u_charType(c);
        if (u_isdigit(c) || t == U_START_PUNCTUATION || t == U_END_PUNCTUATION)
            return 0;
        if (u_isalpha(c) && ++letters > 1) /* two letters may be a word or an initial ("L' E .") */
            return 0;
    }
    return 1;
}
