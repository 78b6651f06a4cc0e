/*
 * diff_keys.c -- when two name keys (consonant skeletons, dm_name_key) are one name, for the
 * divergence report's names (diff_names.c): equal, or one with an inflection ending the other
 * lacks; and the vowels the key drops, put back where a script writes them (Arabic long vowels,
 * every vowel of Devanagari, Cyrillic, Greek). Pure functions of strings, kept apart from the
 * reading of texts.
 */
#include "align/diff_names.h"

#include <ctype.h>
#include <string.h>

/* Consonants that endings of case, number and nationality add to a name's key: -s, -an(s),
 * -er, -i/-iyon (Hindi -ियों m), Russian -ом/-ов/-ах, Arabic -ين. */
static int ending(const char *e)
{
    static const char *const ok[] = {"", "s", "n", "m", "r", "f", "x", "ns", "nr", "rs", "nm", NULL};
    for (size_t i = 0; ok[i]; i++)
        if (!strcmp(e, ok[i]))
            return 1;
    return 0;
}

static int is_vowel(char c) { return c && strchr("aeiouyhw'`-", c) != NULL; }

/* The vowels of a Latin form between its consonants: gap[0] before the first, gap[i] after the
 * i-th (a doubled consonant is one). Returns the number of consonants (at most cap - 1). */
static size_t vowel_gaps(const char *lat, char gap[][8], size_t cap)
{
    size_t nc = 0, gl = 0;
    char last = 0;
    gap[0][0] = 0;
    for (const char *p = lat; *p; p++) {
        char c = (char)tolower((unsigned char)*p);
        if (c < 'a' || c > 'z') {
            if (c != '\'')
                continue;
        }
        if (is_vowel(c)) {
            if (gl + 1 < 8) {
                gap[nc][gl++] = c;
                gap[nc][gl] = 0;
            }
            last = 0;
            continue;
        }
        if (c == last)
            continue;
        last = c;
        if (nc + 1 >= cap)
            break;
        nc++;
        gl = 0;
        gap[nc][0] = 0;
    }
    return nc;
}

/* Arabic script writes long vowels (ا و ی): where it writes a y between two consonants, the
 * Latin form has an i there; where the Latin form has a diphthong ei/ai/ey/ay/ee between two
 * consonants, the Arabic writes a y. Only the gaps before a consonant of both are compared;
 * forms whose consonants do not line up are not judged. */
int dn_vowels_agree_arabic(const char *latin, const char *arabic)
{
    char gl[24][8], ga[24][8];
    size_t nl = vowel_gaps(latin, gl, 24), na = vowel_gaps(arabic, ga, 24);
    size_t n = nl < na ? nl : na;
    /* a name that begins with the consonant y or w (Yemen, Washington) has ی or و there too */
    if ((gl[0][0] == 'y' || gl[0][0] == 'w') && gl[0][1] && strchr("aeiou", gl[0][1]) &&
        !strchr(ga[0], gl[0][0]))
        return 0;
    for (size_t i = 1; i < n; i++) {
        int ay = strchr(ga[i], 'y') != NULL;
        int li = strchr(gl[i], 'i') || strchr(gl[i], 'y') || strstr(gl[i], "ee");
        int ld = strstr(gl[i], "ei") || strstr(gl[i], "ai") || strstr(gl[i], "ey") ||
                 strstr(gl[i], "ay") || strstr(gl[i], "ee");
        if ((ay && !li) || (ld && !ay))
            return 0;
    }
    return 1;
}

/* Scripts that write every vowel: both names begin with a consonant, or neither does (Saddam
 * is not हस्तियां h-s-t-m: the key drops h); and the first vowel after the first consonant is not
 * an a on one side and an i or e on the other (Rashid and रिश्ते share r-sh-t; Latin o and u
 * pass against a: London is लंदन). */
int dn_first_vowel_agrees(const char *latin, const char *other)
{
    char gl[24][8], go[24][8];
    size_t nl = vowel_gaps(latin, gl, 24), no = vowel_gaps(other, go, 24);
    if (nl && no && !gl[0][0] != !go[0][0])
        return 0;
    if (nl < 2 || no < 2 || !gl[1][0] || !go[1][0])
        return 1;
    int l_front = strpbrk(gl[1], "iey") != NULL, l_back = strpbrk(gl[1], "aou") != NULL;
    int o_front = strpbrk(go[1], "iey") != NULL, o_back = strpbrk(go[1], "aou") != NULL;
    return !((l_back && !l_front && o_front && !o_back) || (l_front && !l_back && o_back && !o_front));
}

/* English adds fewer consonants to a name than languages with cases: -s, -an, -ans. */
static int english_ending(const char *e)
{
    return !*e || !strcmp(e, "s") || !strcmp(e, "n") || !strcmp(e, "ns");
}

int dn_keys_match(const char *k1, const char *k2, int latin)
{
    size_t a = strlen(k1), b = strlen(k2), p = 0;
    while (p < a && p < b && k1[p] == k2[p])
        p++;
    size_t shorter = a < b ? a : b;
    if (p < 2 || p * 4 < shorter * 3 || !ending(k1 + p) || !ending(k2 + p))
        return 0;
    /* a Latin-script name longer than the other side's word by an ending English does not
     * write is another name (Jahangiri is not جنگ j-n-g plus r) */
    if (latin && !english_ending(k1 + p))
        return 0;
    /* two shared consonants say little: only the plural of a 2-consonant name then (Iran,
     * Iranians; Iraq, Iraqis), not any consonant (Rashid is not رئیس, Sistani not زد) */
    if (p == 2 && (a > 2 || b > 2))
        return !strcmp(a > 2 ? k1 + 2 : k2 + 2, "s");
    return 1;
}
