/*
 * mine_affixes.c -- the stems of Arabic words that carry a suffix pronoun, the accusative
 * ending or a verb's person prefix, for the miner's lexicon fallback: "ماله" (his money) is
 * مال, "كلبي" (my dog) كلب, "يربح" (he earns) ربح, "سيارتك" (your car) سيارة.
 *
 * Arabic stems have three letters, and the lexicon's own fallback (align_lexicon.c) keeps four
 * when it cuts final letters, so these words find nothing there; here only the listed affixes
 * are cut, down to three letters.
 */
#include "align/mine_internal.h"

#include <string.h>

#define STEM_MIN 3 /* letters */

/* In matching form (ك -> ک, ي -> ی, ة -> ه), longest first. */
static const char *const suffixes[] = {"هما", "ها", "هم", "هن", "کم", "کن", "نا", "نی", "وا",
                                       "ه", "ک", "ی", "ا", "ت", NULL};
static const char *const prefixes[] = {"ی", "ت", "ن", "ا", NULL}; /* yaf'al, taf'al, naf'al, af'al */

static size_t letters(const char *w, size_t wl)
{
    size_t n = 0;
    for (size_t k = 0; k < wl; k++)
        n += ((unsigned char)w[k] & 0xC0) != 0x80;
    return n;
}

/* Append stem w[0..wl) to out (and, when it ends in ت, the same with ه: the ة that turns into ت
 * before a suffix). */
static size_t put(const char *w, size_t wl, int after_suffix, char (*out)[MN_STEM_BYTES], size_t n,
                  size_t cap)
{
    if (letters(w, wl) < STEM_MIN || wl + 1 > MN_STEM_BYTES)
        return n;
    if (n < cap) {
        memcpy(out[n], w, wl);
        out[n++][wl] = 0;
    }
    if (after_suffix && n < cap && wl >= 2 && !memcmp(w + wl - 2, "\xd8\xaa", 2)) { /* ت */
        memcpy(out[n], w, wl - 2);
        memcpy(out[n] + wl - 2, "\xd9\x87", 2); /* ه */
        out[n++][wl] = 0;
    }
    return n;
}

static int begins(const char *w, size_t wl, const char *a)
{
    size_t al = strlen(a);
    return wl > al && !memcmp(w, a, al);
}

static int ends(const char *w, size_t wl, const char *a)
{
    size_t al = strlen(a);
    return wl > al && !memcmp(w + wl - al, a, al);
}

size_t mn_arabic_stems(const char *w, size_t wl, char (*out)[MN_STEM_BYTES], size_t cap)
{
    size_t n = 0;
    for (const char *const *s = suffixes; *s; s++) /* a suffix */
        if (ends(w, wl, *s))
            n = put(w, wl - strlen(*s), 1, out, n, cap);
    for (const char *const *p = prefixes; *p; p++) { /* a prefix, then with a suffix too */
        if (!begins(w, wl, *p))
            continue;
        size_t pl = strlen(*p);
        n = put(w + pl, wl - pl, 0, out, n, cap);
        for (const char *const *s = suffixes; *s; s++)
            if (ends(w + pl, wl - pl, *s))
                n = put(w + pl, wl - pl - strlen(*s), 1, out, n, cap);
    }
    return n;
}
