/*
 * translit.c -- carrying names across scripts.
 *
 * A name reaches each language through its own script: Rashid, रशीद, رشيد; Khamenei, ख़ामेनेई,
 * خامنه‌ای. ICU's Any-Latin brings every script to Latin, but each script still drops or adds
 * something (Arabic writes few vowels, Devanagari adds an inherent one, ق/क़/q, خ/ख़/kh). The
 * name key keeps only what survives: consonant classes in order, repeats collapsed.
 */
#include "text/icu_cache.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/* Whether the word holds a Han character. */
static int has_han(const char *w, size_t len)
{
    for (int32_t i = 0; (size_t)i < len && i >= 0;) {
        UChar32 c;
        U8_NEXT(w, i, (int32_t)(len > INT32_MAX ? INT32_MAX : len), c);
        if (c >= 0 && dm_script_of((uint32_t)c) == DM_SCRIPT_HAN)
            return 1;
    }
    return 0;
}

/* Chinese writes foreign names with syllables chosen for their sound, and ICU gives their
 * pinyin, whose letters are not the English ones: 加 jia stands for Ga/Ca (加纳 Ghana, 加拿大
 * Canada), 西 xi for S (西班牙 Spain), and a final -ng is only the syllable's nasal (加蓬 jia
 * peng Gabon). Rewritten in place, syllable by syllable, so that the name key sees the sounds
 * the transcription meant. (Chinese l also stands for r, 伊拉克 yi la ke Iraq; writing r as l
 * in every key cost the divergence report names of scripts that tell them apart: Sistani met
 * ترسید t-r-s, so it is not done.) */
static void pinyin_as_transcription(char *s)
{
    size_t w = 0;
    for (size_t i = 0; s[i];) {
        size_t j = i;
        while (s[j] && s[j] != ' ')
            j++;
        size_t len = j - i;
        if (len > 0 && (s[i] == 'j' || s[i] == 'J'))
            s[i] = (char)(s[i] == 'j' ? 'g' : 'G');
        else if (len > 0 && (s[i] == 'x' || s[i] == 'X'))
            s[i] = (char)(s[i] == 'x' ? 's' : 'S');
        if (len > 2 && s[j - 2] == 'n' && s[j - 1] == 'g')
            len--; /* -ng: drop the g */
        memmove(s + w, s + i, len);
        w += len;
        if (s[j] == ' ') {
            s[w++] = ' ';
            j++;
        }
        i = j;
    }
    s[w] = 0;
}

dm_status dm_translit_latin(dm_ctx *ctx, const char *word, size_t len, char *out, size_t cap)
{
    if (cap == 0)
        return dm_fail(ctx, DM_EINVAL, "no room for a transliteration");
    out[0] = 0;
    dm_icu *icu;
    dm_status st = dm_icu_get(ctx, &icu);
    if (st)
        return st;
    UChar buf[256];
    int32_t n = 0;
    UErrorCode err = U_ZERO_ERROR;
    if (len > 200)
        len = 200;
    u_strFromUTF8WithSub(buf, 128, &n, word, (int32_t)len, 0xFFFD, NULL, &err);
    if (U_FAILURE(err) || n > 128) {
        /* too long for a name: keep what fits */
        err = U_ZERO_ERROR;
        n = 0;
        u_strFromUTF8WithSub(buf, 64, &n, word, (int32_t)(len > 60 ? 60 : len), 0xFFFD, NULL, &err);
        if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR && err != U_STRING_NOT_TERMINATED_WARNING)
            return dm_fail(ctx, DM_EUNICODE, "cannot read word: %s", u_errorName(err));
        err = U_ZERO_ERROR;
        if (n > 64)
            n = 64;
    }
    int32_t limit = n;
    utrans_transUChars(icu->to_latin, buf, &n, (int32_t)(sizeof buf / sizeof buf[0]), 0, &limit, &err);
    if (U_FAILURE(err))
        return dm_fail(ctx, DM_EUNICODE, "transliteration failed: %s", u_errorName(err));
    size_t w = 0;
    for (int32_t i = 0; i < n && w + 1 < cap; i++) {
        UChar c = buf[i];
        if (c < 0x80)
            out[w++] = (char)c;
    }
    out[w] = 0;
    if (has_han(word, len))
        pinyin_as_transcription(out);
    return DM_OK;
}

/* Consonant class of the letter at s[i] (digraphs read two letters: *adv = 2); 0 = drop. */
static char consonant_class(const char *s, size_t i, size_t *adv)
{
    char c = s[i], d = s[i + 1];
    *adv = 1;
    if (c == 'c' && d == 'h' && (s[i + 2] == 'r' || s[i + 2] == 'l')) {
        *adv = 2; /* English ch before r or l is k: Christine, Christopher, Chloe */
        return 'k';
    }
    if (d == 'h' && strchr("kgsczdtpj", c)) {
        *adv = 2;
        switch (c) {
        case 'k': return 'x';  /* kh خ ख़ */
        case 'g': return 'k';  /* gh غ */
        case 's': case 'c': case 'z': return 's';
        case 'd': case 't': return 't';
        case 'p': return 'f';
        case 'j': return 'j';
        default: break;
        }
    }
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w': case 'h': case '\'':
    case '`': case '-':
        return 0;
    case 'b': case 'p': return 'b';
    case 'f': case 'v': return 'f';
    case 'k': case 'q': case 'c': case 'g': return 'k';
    case 's': case 'z': return 's';
    case 'x': return 'x';
    case 'd': case 't': return 't';
    case 'j': return 'j';
    case 'l': case 'm': case 'n': case 'r': return c;
    default:
        return 0;
    }
}

void dm_name_key(const char *latin, char *out, size_t cap)
{
    if (cap == 0)
        return;
    char low[128];
    size_t n = 0;
    for (const char *p = latin; *p && n + 1 < sizeof low; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || c == '\'')
            low[n++] = c;
    }
    /* Russian and Ukrainian -ий -ый -ой -ей come out of ICU as a final j that English spelling
     * drops or writes as a vowel (Зеленский zelenskij / Zelensky, Толстой tolstoj / Tolstoy) */
    if (n >= 4 && low[n - 1] == 'j' && strchr("iyeo", low[n - 2]))
        n--;
    /* English writes a silent gh after two vowels at the end of names that other scripts spell
     * as they sound (Kavanaugh / Кавано / كافانو, Leigh); after one vowel it is a consonant
     * (Sadegh, صادق) */
    if (n >= 5 && low[n - 2] == 'g' && low[n - 1] == 'h' && strchr("aeiou", low[n - 3]) &&
        strchr("aeiou", low[n - 4]))
        n -= 2;
    low[n] = 0;
    size_t i = 0;
    /* the Arabic article, written joined in Arabic script ("alkazimi") and apart in English */
    if (n > 5 && low[0] == 'a' && low[1] == 'l')
        i = 2;
    size_t w = 0;
    char last = 0;
    while (i < n && w + 1 < cap) {
        size_t adv;
        char k = consonant_class(low, i, &adv);
        i += adv;
        if (!k || k == last)
            continue;
        out[w++] = k;
        last = k;
    }
    out[w] = 0;
}

dm_status dm_name_form(dm_ctx *ctx, const char *name, size_t len, char *latin, size_t latin_cap,
                       char *key, size_t key_cap)
{
    if (!latin_cap || !key_cap)
        return dm_fail(ctx, DM_EINVAL, "no room for a name's forms");
    latin[0] = key[0] = 0;
    char *m = NULL;
    size_t ml = 0;
    dm_status st = dm_match_form(ctx, name, len, &m, &ml);
    if (st == DM_OK)
        st = dm_translit_latin(ctx, m, ml, latin, latin_cap);
    if (st == DM_OK)
        dm_name_key(latin, key, key_cap);
    free(m);
    return st;
}
