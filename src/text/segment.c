/*
 * segment.c -- sentences. ICU's sentence break iterator (run over the UTF-8 text through UText,
 * so that boundaries come back as byte offsets) does the work, with English abbreviations
 * suppressed; a line break always ends a sentence, which is how headlines and captions without
 * final punctuation come out as sentences of their own. What ICU leaves as one sentence but news
 * text in Devanagari, Arabic or Urdu ends there (। ॥ ؟ ۔) is cut after; Thai and Lao, which
 * have no sentence mark, at spaces between letters; Tibetan after a shad.
 */
#include "text/icu_cache.h"
#include "text/text.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

typedef struct span_vec {
    dm_span *v;
    size_t n, cap;
} span_vec;

static int is_space_at(const char *s, size_t i, size_t end, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    *w = 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    /* U+00A0, U+200B..U+200D, U+2000..U+200A, U+202F, U+205F, U+3000, U+FEFF */
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0) {
        *w = 2;
        return 1;
    }
    if (c == 0xE2 && i + 2 < end) {
        unsigned char b = (unsigned char)s[i + 1], d = (unsigned char)s[i + 2];
        if ((b == 0x80 && (d <= 0x8B || d == 0xAF)) || (b == 0x81 && d == 0x9F)) {
            *w = 3;
            return 1;
        }
    }
    if (c == 0xE3 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
        *w = 3;
        return 1;
    }
    return 0;
}

/* Push [start,end) trimmed of spaces, if anything is left. */
static dm_status push_trimmed(span_vec *sv, const char *s, size_t start, size_t end)
{
    size_t w;
    while (start < end && is_space_at(s, start, end, &w))
        start += w;
    while (end > start) {
        /* step back over one code point and test it */
        size_t p = end - 1;
        while (p > start && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        if (!is_space_at(s, p, end, &w) || p + w != end)
            break;
        end = p;
    }
    if (end <= start)
        return DM_OK;
    if (dm_grow(&sv->v, &sv->cap, sv->n + 1, sizeof *sv->v))
        return DM_ENOMEM;
    sv->v[sv->n].start = start;
    sv->v[sv->n].len = end - start;
    sv->n++;
    return DM_OK;
}

/* Sentence-final marks ICU does not always end on: danda, double danda, Arabic question mark,
 * Urdu full stop, Khmer khan and bariyoosan, and the Greek question mark (NFC makes U+037E a
 * plain ';': taken as one right after a Greek letter). Returns the mark's byte length at s[i],
 * or 0. */
static size_t final_mark_at(const char *s, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] == ';' && i >= 2 && (u[-2] == 0xCE || u[-2] == 0xCF))
        return 1; /* ; after a Greek letter */
    if (i + 3 <= end && u[0] == 0xE1 && u[1] == 0x9F && (u[2] == 0x94 || u[2] == 0x95))
        return 3; /* ។ ៕ */
    if (i + 3 <= end && u[0] == 0xE0 && u[1] == 0xA5 && (u[2] == 0xA4 || u[2] == 0xA5))
        return 3; /* ।  ॥ */
    if (i + 2 <= end && u[0] == 0xD8 && u[1] == 0x9F)
        return 2; /* ؟ */
    if (i + 2 <= end && u[0] == 0xDB && u[1] == 0x94)
        return 2; /* ۔ */
    return 0;
}

/* Thai and Lao letters (U+0E01..U+0E4E, U+0E81..U+0ECE; not their digits): E0 B8..BB xx. */
static int thai_lao_letter(const unsigned char *u)
{
    if (u[0] != 0xE0 || u[1] < 0xB8 || u[1] > 0xBB)
        return 0;
    unsigned cp = 0x0E00u + ((unsigned)(u[1] - 0xB8) << 6) + (u[2] & 0x3Fu);
    unsigned low = cp & 0x7Fu;
    return low >= 0x01 && low <= 0x4E;
}

/* Thai and Lao write no sentence-final mark: a space between two letters of the script is where
 * a sentence (or a long clause) ends, and is what Thai news segmenters cut at. Short runs stay
 * whole (a space also sets off a name or a title), hence the minimum of about 20 letters before.
 * Tibetan ends a clause with a shad (U+0F0D/0F0E) followed by a space, and may open the next
 * with another shad, which stays with the sentence it follows. Returns the length of the break
 * to cut after at s[i] (0: none). */
static size_t script_break_at(const char *s, size_t from, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[i] == ' ' && i >= from + 60 && i >= 3 && i + 4 <= end && thai_lao_letter(u + i + 1)) {
        size_t p = i - 1;
        while (p > from && (u[p] & 0xC0) == 0x80)
            p--;
        if (p + 3 == i && thai_lao_letter(u + p))
            return 1;
    }
    if (i + 4 <= end && u[i] == 0xE0 && u[i + 1] == 0xBC && (u[i + 2] == 0x8D || u[i + 2] == 0x8E) &&
        u[i + 3] == ' ') {
        size_t stop = i + 4;
        if (stop + 3 <= end && u[stop] == 0xE0 && u[stop + 1] == 0xBC && u[stop + 2] == 0x8D)
            stop += 3;
        return stop - i;
    }
    return 0;
}

/* Cut one ICU sentence further at the marks above (when text follows them). */
static dm_status push_sentence(span_vec *sv, const char *s, size_t start, size_t end)
{
    size_t from = start;
    for (size_t i = start; i < end; i++) {
        size_t m = final_mark_at(s, i, end);
        if (!m)
            m = script_break_at(s, from, i, end);
        if (!m)
            continue;
        size_t stop = i + m;
        /* keep closing quotes and brackets with the sentence they close */
        while (stop < end && s[stop] && strchr("\"')]", s[stop]))
            stop++;
        dm_status st = push_trimmed(sv, s, from, stop);
        if (st)
            return st;
        from = stop;
        i = stop - 1;
    }
    return push_trimmed(sv, s, from, end);
}

/* True when [start,end) ends with a title or initial that ICU broke after ("Dr.", "Gen.",
 * "J.", "ዓ.ም."): the sentence goes on. Latin-script abbreviations, initials in Cyrillic and
 * Greek, short Ethiopic words; other scripts rarely abbreviate with a full stop. */
static int ends_with_abbreviation(const char *s, size_t start, size_t end)
{
    static const char *const abbr[] = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt",
                                       "St", "Jr", "Sr", "Rev", "Gov", "Sen", "Rep", "Capt", "Maj",
                                       "Mt", "No", "Nr", "vs", "Inc", "Ltd", "Co", "Corp", "Hr",
                                       "Fr", "Hon", "Pres", "Adm", "Cdr", "Brig", "Dt", "Abs", NULL};
    /* ICU always breaks after a line end, so a line end can only be in the trailing space: look
     * there alone (scanning the whole span, which grows while breaks are undone, is quadratic
     * on "A. A. A. ...") */
    int line_end = 0;
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\n' || s[end - 1] == '\t'))
        line_end |= s[--end] == '\n';
    if (end <= start || s[end - 1] != '.' || line_end)
        return 0;
    size_t w = end - 1;
    /* an initial in another script: one capital letter, Cyrillic or Greek ("В. В. Путин") */
    if (w >= start + 2 && ((unsigned char)s[w - 2] & 0xE0) == 0xC0 && ((unsigned char)s[w - 1] & 0xC0) == 0x80 &&
        (w - 2 == start || s[w - 3] == ' ' || s[w - 3] == '(' || s[w - 3] == '.')) {
        int32_t k = 0;
        UChar32 c;
        U8_NEXT((const uint8_t *)s + w - 2, k, 2, c);
        int sc = c < 0 ? DM_SCRIPT_OTHER : dm_script_of((uint32_t)c);
        if (u_isupper(c) && (sc == DM_SCRIPT_CYRILLIC || sc == DM_SCRIPT_GREEK))
            return 1;
    }
    /* Ethiopic ends its sentences with ። ; a full stop after a word of one or two syllables
     * abbreviates it: ዓ.ም. (the Ethiopian calendar's year), ጠ.ሚ. (prime minister) */
    size_t e = w, syl = 0;
    while (e >= start + 3 && (unsigned char)s[e - 3] == 0xE1 && (unsigned char)s[e - 2] >= 0x88 &&
           (unsigned char)s[e - 2] <= 0x8D && syl < 3) {
        e -= 3;
        syl++;
    }
    if (syl >= 1 && syl <= 2 && (e == start || s[e - 1] == ' ' || s[e - 1] == '.' || s[e - 1] == '('))
        return 1;
    while (w > start && ((s[w - 1] >= 'A' && s[w - 1] <= 'Z') || (s[w - 1] >= 'a' && s[w - 1] <= 'z')))
        w--;
    size_t n = end - 1 - w;
    if (n == 0 || (w > start && s[w - 1] != ' ' && s[w - 1] != '(' && s[w - 1] != '.'))
        return 0;
    if (n == 1 && s[w] >= 'A' && s[w] <= 'Z')
        return 1; /* an initial: "J. R. R. Tolkien" */
    for (int i = 0; abbr[i]; i++)
        if (strlen(abbr[i]) == n && !memcmp(abbr[i], s + w, n))
            return 1;
    return 0;
}

/* True when [start,end) ends with a day "3." and a German month name follows at end: "am 3. März"
 * is a date, where ICU sees a number closing a sentence before a capital. */
static int day_before_month(const char *s, size_t start, size_t end, size_t len)
{
    static const char *const month[] = {"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni",
                                        "Juli", "August", "September", "Oktober", "November",
                                        "Dezember", NULL};
    size_t e = end;
    while (e > start && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    if (e < start + 2 || s[e - 1] != '.' || s[e - 2] < '0' || s[e - 2] > '9')
        return 0;
    size_t d = e - 2;
    if (d > start && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    if (d > start && s[d - 1] != ' ' && s[d - 1] != '(')
        return 0; /* 1-2 digits standing alone */
    for (int i = 0; month[i]; i++) {
        size_t k = strlen(month[i]);
        if (len - end >= k && !memcmp(s + end, month[i], k) &&
            (len - end == k || !((s[end + k] >= 'a' && s[end + k] <= 'z') || (unsigned char)s[end + k] >= 0x80)))
            return 1;
    }
    return 0;
}

dm_status dm_segment(dm_ctx *ctx, const char *text, size_t len, dm_span **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (len > INT32_MAX)
        return dm_fail(ctx, DM_ELIMIT, "text of %zu bytes is too long to segment", len);
    dm_icu *icu;
    dm_status st = dm_icu_get(ctx, &icu);
    if (st)
        return st;
    span_vec sv = {0};
    UErrorCode err = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
    if (U_FAILURE(err))
        return dm_fail(ctx, DM_EUNICODE, "cannot open text for segmentation: %s", u_errorName(err));
    ubrk_setUText(icu->sentence, ut, &err);
    if (U_FAILURE(err)) {
        utext_close(ut);
        return dm_fail(ctx, DM_EUNICODE, "sentence iterator failed: %s", u_errorName(err));
    }
    int32_t prev = ubrk_first(icu->sentence);
    for (int32_t b = ubrk_next(icu->sentence); b != UBRK_DONE; b = ubrk_next(icu->sentence)) {
        if ((size_t)b < len && (ends_with_abbreviation(text, (size_t)prev, (size_t)b) ||
                                day_before_month(text, (size_t)prev, (size_t)b, len)))
            continue;
        st = push_sentence(&sv, text, (size_t)prev, (size_t)b);
        if (st)
            break;
        prev = b;
    }
    /* leave the iterator pointing at nothing that could dangle */
    ubrk_setText(icu->sentence, u"", 0, &err);
    utext_close(ut);
    if (st) {
        free(sv.v);
        return dm_fail(ctx, st, "no memory for sentences");
    }
    *out = sv.v;
    *n = sv.n;
    return DM_OK;
}
