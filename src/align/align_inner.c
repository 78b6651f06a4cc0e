/*
 * align_inner.c -- how many sentence ends a line holds inside it ("... was understandable.
 * „People socialize ..." / "... नहीं है। उन्होंने ..."): a line the segmenter left whole, or two
 * sentences a translator or an editor joined. Such a line most likely faces as many sentences on
 * the other side as it holds; and when it faces a single sentence, that sentence may translate only
 * one of its pieces (the others left out), so the scorer measures the length of a 1-1 link also
 * against the first or last pieces alone.
 *
 * Kept apart from the features: it reads the raw bytes of a line (marks, case, spacing), which the
 * tokens no longer carry. It errs on the side of missing an end: an abbreviation ("Mr.", "St.",
 * "a.m.", "Nov.") or an initial ("A. Lind") is no end; nor is a full stop after a word of fewer
 * than 3 letters, nor one followed by a lower-case letter or a digit.
 */
#include "align/align_internal.h"

#include <string.h>

/* Code point at s[k] (UTF-8, no validation beyond bounds); *len its byte length. */
static unsigned cp_at(const char *s, size_t n, size_t k, size_t *len)
{
    unsigned char c = (unsigned char)s[k];
    size_t l = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (k + l > n)
        l = n - k;
    unsigned v = l == 1 ? c : l == 2 ? c & 0x1F : l == 3 ? c & 0x0F : c & 0x07;
    for (size_t q = 1; q < l; q++)
        v = v << 6 | ((unsigned char)s[k + q] & 0x3F);
    *len = l ? l : 1;
    return v;
}

/* Code point ending just before byte k; *start its first byte. */
static unsigned cp_before(const char *s, size_t n, size_t k, size_t *start)
{
    size_t b = k - 1;
    while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    size_t l;
    *start = b;
    return cp_at(s, n, b, &l);
}

static int is_upper(unsigned c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

static int is_lower(unsigned c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F);
}

/* Letters of scripts without case that sentences begin with: Hebrew, Arabic, Devanagari, Han and
 * kana, Hangul, Thai. */
static int is_caseless_letter(unsigned c)
{
    return (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x6FF) || (c >= 0x900 && c <= 0x97F) ||
           (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xE00 && c <= 0xE7F);
}

static int is_letter(unsigned c) { return is_upper(c) || is_lower(c) || is_caseless_letter(c); }

static int is_closing(unsigned c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0xBB || c == 0x2019 || c == 0x201D ||
           c == 0x300D || c == 0x300F || c == 0xFF09;
}

static int is_opening(unsigned c)
{
    return c == '"' || c == '\'' || c == '(' || c == 0xAB || c == 0x2018 || c == 0x201C || c == 0x201E ||
           c == 0x300C || c == 0x300E || c == 0xFF08;
}

static int is_space(unsigned c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }

/* Marks that end a sentence in a script without spaces or case: Devanagari danda, Urdu full stop,
 * ideographic and full-width marks, the Arabic question mark. */
static int is_script_end(unsigned c)
{
    return c == 0x964 || c == 0x6D4 || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E || c == 0x61F;
}

/* Does a full stop, question or exclamation mark at byte k (len bytes) end a sentence that the
 * line goes on after? */
static int ends_inside(const char *s, size_t n, size_t k, size_t len, unsigned mark)
{
    /* what follows: closing quotes or brackets, then space, then opening quotes, then a letter */
    size_t q = k + len, l;
    while (q < n && is_closing(cp_at(s, n, q, &l)))
        q += l;
    size_t spaces = 0;
    while (q < n && is_space(cp_at(s, n, q, &l))) {
        q += l;
        spaces++;
    }
    while (q < n && is_opening(cp_at(s, n, q, &l)))
        q += l;
    if (q >= n)
        return 0;
    unsigned next = cp_at(s, n, q, &l);
    if (is_script_end(mark))
        return is_letter(next) || (next >= '0' && next <= '9');
    if (!spaces || !(is_upper(next) || is_caseless_letter(next)))
        return 0;
    /* what precedes: a word of 3 letters or more (2 in a caseless script), with no full stop inside
     * it, and not a short capitalised word (an abbreviation: Mr, Rev, Gen, Nov) */
    size_t b = k, letters = 0, st;
    unsigned first = 0;
    int caseless = 0;
    while (b > 0) {
        unsigned c = cp_before(s, n, b, &st);
        if (is_space(c) || is_opening(c))
            break;
        if (c == '.' && mark == '.')
            return 0;
        if (is_letter(c)) {
            letters++;
            caseless |= is_caseless_letter(c);
            first = c;
        } else if (!(c >= '0' && c <= '9') && !is_closing(c) && c != '-' && c != 0x2019) {
            break;
        }
        b = st;
    }
    if (letters == 0) /* a number: "in the 1930s." is a word, "in 1930." too */
        return b < k && (unsigned char)s[k - 1] >= '0' && (unsigned char)s[k - 1] <= '9' && k - b >= 3;
    if (caseless)
        return letters >= 2;
    if (letters < 3)
        return 0;
    return !(is_upper(first) && letters <= 4);
}

size_t al_inner_pieces(const char *s, size_t n, uint32_t *cum, size_t cap)
{
    size_t np = 0, l;
    uint32_t chars = 0;
    for (size_t k = 0; k < n; k += l) {
        unsigned c = cp_at(s, n, k, &l);
        if (!is_space(c) && c != '\n' && c != '\r')
            chars++;
        if ((c == '.' || c == '!' || c == '?' || is_script_end(c)) && k > 0 && np + 1 < cap &&
            ends_inside(s, n, k, l, c))
            cum[np++] = chars;
    }
    cum[np++] = chars;
    return np;
}

int al_ends_in_abbreviation(const char *s, size_t n)
{
    size_t k = n, st;
    while (k > 0 && is_space(cp_before(s, n, k, &st)))
        k = st;
    if (k == 0 || s[k - 1] != '.')
        return 0;
    k--;
    while (k > 0 && is_space(cp_before(s, n, k, &st)))
        k = st;
    /* the letters before the full stop, back to what is not a letter */
    unsigned first = 0, second = 0;
    size_t letters = 0;
    while (k > 0) {
        unsigned c = cp_before(s, n, k, &st);
        if (!is_letter(c))
            break;
        second = first;
        first = c;
        letters++;
        k = st;
    }
    if (letters == 0 || letters > 2 || !is_upper(first))
        return 0;
    if (k > 0 && (s[k - 1] == '.' || (unsigned char)s[k - 1] >= 0x80 || ((s[k - 1] >= '0' && s[k - 1] <= '9'))))
        return 0; /* "U.S.": dotted capitals end sentences; a letter of another script */
    return letters == 1 || is_lower(second);
}
