/*
 * mine_affixes.c -- the stems of Arabic, Hebrew and Persian words that carry a suffix pronoun,
 * a plural or person ending, or a verb's person or aspect prefix, for the miner's lexicon
 * fallback: Arabic "ماله" (his money) is مال, "يربح" (he earns) ربح, "سيارتك" (your car)
 * سيارة; Hebrew "יצעק" (he will scream) is צעק, "עירי" (my city) עיר, "ביתו" (his house) בית;
 * Persian "کتابها" (books) is کتاب, "میگرفت" (he took) گرفت.
 *
 * Their stems have three letters (Persian verb stems two or three), and the lexicon's own
 * fallback (align_lexicon.c) keeps four when it cuts final letters and knows no prefix but the
 * proclitics, so these words find nothing there; here only the listed affixes are cut.
 */
#include "align/mine_internal.h"

#include <string.h>

/* In matching form (ك -> ک, ي -> ی, ة -> ه), longest first. */
static const char *const ar_suffixes[] = {"هما", "ها", "هم", "هن", "کم", "کن", "نا", "نی", "وا",
                                          "ه", "ک", "ی", "ا", "ت", NULL};
static const char *const ar_prefixes[] = {"ی", "ت", "ن", "ا", NULL}; /* yaf'al, taf'al, naf'al, af'al */

/* Hebrew: possessive and plural endings; the future's person prefixes (א ת י נ) and the
 * proclitics (ו ה ב ל מ ש כ), alone or after ו or ש. A stem that ends in כ מ נ פ צ is also
 * tried with the final letter (ך ם ן ף ץ): the lexicon writes a word's last letter final. */
static const char *const he_suffixes[] = {"יהם", "יהן", "יכם", "ותי", "ים", "ות", "נו", "כם",
                                          "הם", "הן", "תי", "יו", "יך", "ני", "ה", "ו", "י",
                                          "ך", "ת", NULL};
static const char *const he_prefixes[] = {
    "וי", "ות", "ונ", "וא", "וה", "וב", "ול", "ומ", "וכ", "שי", "שת", "שנ", "שא", "שה", "שב",
    "של", "שמ", "שכ", "בה", "לה", "מה", "כש", "י", "ת", "נ", "א", "ו", "ה", "ב", "ל", "מ", "ש", "כ",
    NULL};

/* Persian: the continuous and negative verb prefixes (with or without the zero-width
 * non-joiner), the subjunctive ب; plural, possessive and personal endings. */
static const char *const fa_suffixes[] = {
    "\u200cهایی", "\u200cهای", "\u200cها", "\u200cای", "\u200cام", "\u200cاش", "هایی", "های",
    "ها", "مان", "تان", "شان", "ایم", "اید", "اند", "یم", "ید", "ند", "ان", "ام", "اش", "ای",
    "ست", "ی", "م", "ت", "ش", "د", NULL};
static const char *const fa_prefixes[] = {"نمی\u200c", "می\u200c", "نمی", "می", "ب", "ن", NULL};

typedef struct affixes {
    const char *const *suffixes, *const *prefixes;
    size_t stem_min; /* letters */
    int ta_marbuta;  /* Arabic: a stem ending in ت before a suffix also with ه */
    int finals;      /* Hebrew: a stem's last letter also in its final form */
} affixes;

static const affixes arabic = {ar_suffixes, ar_prefixes, 3, 1, 0};
static const affixes hebrew = {he_suffixes, he_prefixes, 3, 0, 1};
static const affixes persian = {fa_suffixes, fa_prefixes, 3, 0, 0};

static size_t letters(const char *w, size_t wl)
{
    size_t n = 0;
    for (size_t k = 0; k < wl; k++)
        n += ((unsigned char)w[k] & 0xC0) != 0x80;
    return n;
}

static size_t put1(const char *w, size_t wl, char (*out)[MN_STEM_BYTES], size_t n, size_t cap)
{
    for (size_t q = 0; q < n; q++) /* once each */
        if (strlen(out[q]) == wl && !memcmp(out[q], w, wl))
            return n;
    if (n < cap) {
        memcpy(out[n], w, wl);
        out[n++][wl] = 0;
    }
    return n;
}

/* Append stem w[0..wl) to out, with the variants its language asks for. */
static size_t put(const affixes *a, const char *w, size_t wl, int after_suffix,
                  char (*out)[MN_STEM_BYTES], size_t n, size_t cap)
{
    if (letters(w, wl) < a->stem_min || wl + 1 > MN_STEM_BYTES)
        return n;
    n = put1(w, wl, out, n, cap);
    char v[MN_STEM_BYTES];
    if (a->ta_marbuta && after_suffix && wl >= 2 && !memcmp(w + wl - 2, "\xd8\xaa", 2)) { /* ت */
        memcpy(v, w, wl - 2);
        memcpy(v + wl - 2, "\xd9\x87", 2); /* ه */
        n = put1(v, wl, out, n, cap);
    }
    if (a->finals && wl >= 2 && (unsigned char)w[wl - 2] == 0xD7) {
        /* כ מ נ פ צ -> ך ם ן ף ץ */
        static const unsigned char plain[] = {0x9B, 0x9E, 0xA0, 0xA4, 0xA6};
        static const unsigned char final[] = {0x9A, 0x9D, 0x9F, 0xA3, 0xA5};
        for (size_t q = 0; q < sizeof plain; q++)
            if ((unsigned char)w[wl - 1] == plain[q]) {
                memcpy(v, w, wl);
                v[wl - 1] = (char)final[q];
                n = put1(v, wl, out, n, cap);
            }
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

static size_t stems(const affixes *a, const char *w, size_t wl, char (*out)[MN_STEM_BYTES], size_t cap)
{
    size_t n = 0;
    for (const char *const *s = a->suffixes; *s; s++) /* a suffix */
        if (ends(w, wl, *s))
            n = put(a, w, wl - strlen(*s), 1, out, n, cap);
    for (const char *const *p = a->prefixes; *p; p++) { /* a prefix, then with a suffix too */
        if (!begins(w, wl, *p))
            continue;
        size_t pl = strlen(*p);
        n = put(a, w + pl, wl - pl, 0, out, n, cap);
        for (const char *const *s = a->suffixes; *s; s++)
            if (ends(w + pl, wl - pl, *s))
                n = put(a, w + pl, wl - pl - strlen(*s), 1, out, n, cap);
    }
    return n;
}

size_t mn_affix_stems(const char *lang, const char *w, size_t wl, char (*out)[MN_STEM_BYTES], size_t cap)
{
    if (!strcmp(lang, "ar"))
        return stems(&arabic, w, wl, out, cap);
    if (!strcmp(lang, "he"))
        return stems(&hebrew, w, wl, out, cap);
    if (!strcmp(lang, "fa"))
        return stems(&persian, w, wl, out, cap);
    return 0;
}
