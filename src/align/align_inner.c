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

#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* Code point at s[k]; *len its byte length (at least 1: a malformed byte is skipped alone). */
static UChar32 cp_at(const char *s, size_t n, size_t k, size_t *len)
{
    int32_t i = 0, m = (int32_t)(n - k > 4 ? 4 : n - k);
    UChar32 c;
    U8_NEXT((const uint8_t *)s + k, i, m, c);
    *len = (size_t)i;
    return c < 0 ? 0xFFFD : c;
}

/* Code point ending just before byte k; *start its first byte. */
static UChar32 cp_before(const char *s, size_t k, size_t *start)
{
    size_t w = k < 4 ? k : 4;
    const uint8_t *base = (const uint8_t *)s + k - w; /* apart: U8_PREV reads its first argument again */
    int32_t i = (int32_t)w;
    UChar32 c;
    U8_PREV(base, 0, i, c);
    *start = k - w + (size_t)i;
    return c < 0 ? 0xFFFD : c;
}

static int is_upper(UChar32 c) { return u_isupper(c) || u_istitle(c); }

/* Letters of scripts without case (Hebrew, Arabic, Devanagari, Han, kana, Hangul, Thai,
 * Ethiopic...) and the vowel signs written on them: a sentence may begin with any of them. */
static int is_caseless_letter(UChar32 c)
{
    return (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) && !u_hasBinaryProperty(c, UCHAR_CASED);
}

static int is_letter(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_CASED) || is_caseless_letter(c); }

static int is_closing(UChar32 c)
{
    int t = u_charType(c);
    return c == '"' || c == '\'' || t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION;
}

static int is_opening(UChar32 c)
{
    int t = u_charType(c);
    return c == '"' || c == '\'' || t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION;
}

static int is_space(UChar32 c) { return c != '\n' && c != '\r' && u_isUWhiteSpace(c); }

/* Marks that end a sentence in any script other than the Latin full stop, question and
 * exclamation marks: the danda, the Urdu and Arabic marks, ideographic and full-width marks, the
 * Ethiopic and Armenian full stops... (Unicode's Sentence_Terminal). After one, a letter begins
 * the next sentence whatever its case. */
static int is_script_end(UChar32 c)
{
    return c > 0x7F && u_hasBinaryProperty(c, UCHAR_S_TERM);
}

/* Does a full stop, question or exclamation mark at byte k (len bytes) end a sentence that the
 * line goes on after? */
static int ends_inside(const char *s, size_t n, size_t k, size_t len, UChar32 mark)
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
    UChar32 next = cp_at(s, n, q, &l);
    if (is_script_end(mark))
        return is_letter(next) || (next >= '0' && next <= '9');
    if (!spaces || !(is_upper(next) || is_caseless_letter(next)))
        return 0;
    /* what precedes: a word of 3 letters or more (2 in a caseless script), with no full stop inside
     * it, and not a short capitalised word (an abbreviation: Mr, Rev, Gen, Nov) */
    size_t b = k, letters = 0, st;
    UChar32 first = 0;
    int caseless = 0;
    while (b > 0) {
        UChar32 c = cp_before(s, b, &st);
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
        UChar32 c = cp_at(s, n, k, &l);
        if (!u_isUWhiteSpace(c))
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
    while (k > 0 && is_space(cp_before(s, k, &st)))
        k = st;
    if (k == 0 || s[k - 1] != '.')
        return 0;
    k--;
    while (k > 0 && is_space(cp_before(s, k, &st)))
        k = st;
    /* the letters before the full stop, back to what is not a letter */
    UChar32 first = 0, second = 0;
    size_t letters = 0;
    while (k > 0) {
        UChar32 c = cp_before(s, k, &st);
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
    return letters == 1 || u_islower(second);
}

/* Does the line end a sentence (a full stop, question or exclamation mark or a script's end,
 * maybe inside closing quotes or brackets)? */
static int ends_sentence(const char *s, size_t n)
{
    size_t k = n, st;
    UChar32 c = 0;
    while (k > 0) {
        c = cp_before(s, k, &st);
        if (!is_space(c) && !is_closing(c))
            break;
        k = st;
    }
    return k > 0 && (c == '.' || c == '!' || c == '?' || is_script_end(c));
}

/* Is the word w (wl bytes, its first letter upper-case) written with a lower-case first letter as a
 * word of one of the lines (a common word capitalised to begin a sentence, not a name)? */
static int used_lower(const char *w, size_t wl, const char *const *text, const size_t *len, size_t nlines)
{
    size_t l0;
    UChar32 lo = u_tolower(cp_at(w, wl, 0, &l0));
    char buf[8];
    int32_t bl = 0;
    UBool err = 0;
    U8_APPEND((uint8_t *)buf, bl, (int32_t)sizeof buf, lo, err);
    if (err || wl - l0 + (size_t)bl > 128)
        return 0;
    char lw[136];
    memcpy(lw, buf, (size_t)bl);
    memcpy(lw + bl, w + l0, wl - l0);
    size_t ll = (size_t)bl + wl - l0;
    for (size_t i = 0; i < nlines && i < 200; i++) {
        const char *t = text[i];
        for (size_t k = 0; k + ll <= len[i]; k++) {
            if (memcmp(t + k, lw, ll) != 0)
                continue;
            size_t st, l;
            int start = k == 0 || !is_letter(cp_before(t, k, &st));
            int end = k + ll == len[i] || !is_letter(cp_at(t, len[i], k + ll, &l));
            if (start && end)
                return 1;
        }
    }
    return 0;
}

/* Words of a headline at most: a longer first line is no headline, and each candidate word scans
 * the document's first lines (used_lower), which on a line of a million words took minutes. */
#define HEADLINE_MAX_WORDS 48

uint32_t al_glued_headline(const char *const *text, const size_t *len, size_t nlines)
{
    if (!nlines)
        return 0;
    const char *s = text[0];
    size_t n = len[0];
    if (!ends_sentence(s, n))
        return 0;
    /* words: where each begins (byte), its first letter, and non-space characters before it */
    size_t l, words = 0, total = 0;
    UChar32 prev_last = 0;
    for (size_t k = 0; k < n; k += l) /* the line's characters, for the tail's share */
        total += !u_isUWhiteSpace(cp_at(s, n, k, &l));
    size_t chars = 0;
    for (size_t k = 0; k < n;) {
        UChar32 c = cp_at(s, n, k, &l);
        if (is_space(c)) {
            k += l;
            continue;
        }
        /* a word from k: its first code point, and what follows it */
        UChar32 first = c;
        size_t e = k, wchars = 0;
        UChar32 last = 0;
        while (e < n) {
            UChar32 d = cp_at(s, n, e, &l);
            if (is_space(d))
                break;
            last = d;
            wchars++;
            e += l;
        }
        size_t q = e;
        while (q < n && is_space(cp_at(s, n, q, &l)))
            q += l;
        UChar32 next = q < n ? cp_at(s, n, q, &l) : 0;
        /* a capitalised word after a word that ends in a letter, followed by a lower-case word: the
         * start of a sentence the headline runs into ("... Западной Вирджинии Говоря о важности",
         * "... заживо В субботу обвинение"); at least 3 words before, the rest at least as long, and
         * the word written in lower case elsewhere in the document (a name is not) */
        if (words >= 3 && is_upper(first) && is_letter(prev_last) && u_islower(next) && total - chars >= chars &&
            used_lower(s + k, e - k, text, len, nlines))
            return (uint32_t)chars;
        chars += wchars;
        prev_last = last;
        if (++words > HEADLINE_MAX_WORDS)
            break;
        k = e;
    }
    return 0;
}
