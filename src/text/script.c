/*
 * script.c -- which writing system a letter belongs to (ICU's Script property, folded into the
 * short list of scripts dragoman reasons about), and the dominant script of a text.
 */
#include "text/text.h"

#include <unicode/uscript.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

static const struct {
    UScriptCode icu;
    int ours;
    const char *name;
} script_map[] = {
    {USCRIPT_LATIN, DM_SCRIPT_LATIN, "Latin"},
    {USCRIPT_CYRILLIC, DM_SCRIPT_CYRILLIC, "Cyrillic"},
    {USCRIPT_GREEK, DM_SCRIPT_GREEK, "Greek"},
    {USCRIPT_ARABIC, DM_SCRIPT_ARABIC, "Arabic"},
    {USCRIPT_HEBREW, DM_SCRIPT_HEBREW, "Hebrew"},
    {USCRIPT_DEVANAGARI, DM_SCRIPT_DEVANAGARI, "Devanagari"},
    {USCRIPT_BENGALI, DM_SCRIPT_BENGALI, "Bengali"},
    {USCRIPT_GURMUKHI, DM_SCRIPT_GURMUKHI, "Gurmukhi"},
    {USCRIPT_GUJARATI, DM_SCRIPT_GUJARATI, "Gujarati"},
    {USCRIPT_ORIYA, DM_SCRIPT_ORIYA, "Oriya"},
    {USCRIPT_TAMIL, DM_SCRIPT_TAMIL, "Tamil"},
    {USCRIPT_TELUGU, DM_SCRIPT_TELUGU, "Telugu"},
    {USCRIPT_KANNADA, DM_SCRIPT_KANNADA, "Kannada"},
    {USCRIPT_MALAYALAM, DM_SCRIPT_MALAYALAM, "Malayalam"},
    {USCRIPT_SINHALA, DM_SCRIPT_SINHALA, "Sinhala"},
    {USCRIPT_THAI, DM_SCRIPT_THAI, "Thai"},
    {USCRIPT_LAO, DM_SCRIPT_LAO, "Lao"},
    {USCRIPT_TIBETAN, DM_SCRIPT_TIBETAN, "Tibetan"},
    {USCRIPT_MYANMAR, DM_SCRIPT_MYANMAR, "Myanmar"},
    {USCRIPT_GEORGIAN, DM_SCRIPT_GEORGIAN, "Georgian"},
    {USCRIPT_HANGUL, DM_SCRIPT_HANGUL, "Hangul"},
    {USCRIPT_ETHIOPIC, DM_SCRIPT_ETHIOPIC, "Ethiopic"},
    {USCRIPT_KHMER, DM_SCRIPT_KHMER, "Khmer"},
    {USCRIPT_HAN, DM_SCRIPT_HAN, "Han"},
    {USCRIPT_HIRAGANA, DM_SCRIPT_HIRAGANA, "Hiragana"},
    {USCRIPT_KATAKANA, DM_SCRIPT_KATAKANA, "Katakana"},
    {USCRIPT_ARMENIAN, DM_SCRIPT_ARMENIAN, "Armenian"},
    {USCRIPT_THAANA, DM_SCRIPT_THAANA, "Thaana"},
};

int dm_script_of(uint32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? DM_SCRIPT_LATIN : DM_SCRIPT_OTHER;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript((UChar32)cp, &err);
    if (U_FAILURE(err))
        return DM_SCRIPT_OTHER;
    for (size_t i = 0; i < sizeof script_map / sizeof script_map[0]; i++)
        if (script_map[i].icu == sc)
            return script_map[i].ours;
    return DM_SCRIPT_OTHER;
}

const char *dm_script_name(int script)
{
    for (size_t i = 0; i < sizeof script_map / sizeof script_map[0]; i++)
        if (script_map[i].ours == script)
            return script_map[i].name;
    return "Other";
}

int dm_dominant_script(const char *text, size_t len)
{
    size_t count[DM_SCRIPT_COUNT] = {0};
    for (int32_t i = 0; (size_t)i < len && i >= 0;) {
        UChar32 c;
        U8_NEXT(text, i, (int32_t)(len > INT32_MAX ? INT32_MAX : len), c);
        if (c < 0)
            continue;
        count[dm_script_of((uint32_t)c)]++;
    }
    int best = DM_SCRIPT_OTHER;
    for (int s = 1; s < DM_SCRIPT_COUNT; s++)
        if (count[s] > count[best] || (best == DM_SCRIPT_OTHER && count[s] > 0))
            best = s;
    /* Japanese mixes Han with kana: any kana makes it Japanese text */
    if (best == DM_SCRIPT_HAN && count[DM_SCRIPT_HIRAGANA] + count[DM_SCRIPT_KATAKANA] > 0)
        best = count[DM_SCRIPT_HIRAGANA] >= count[DM_SCRIPT_KATAKANA] ? DM_SCRIPT_HIRAGANA
                                                                     : DM_SCRIPT_KATAKANA;
    return best;
}

int dm_has_letter(const char *text, size_t len)
{
    for (int32_t i = 0; (size_t)i < len && i >= 0;) {
        UChar32 c;
        U8_NEXT(text, i, (int32_t)(len > INT32_MAX ? INT32_MAX : len), c);
        if (c >= 0 && u_isalpha(c))
            return 1;
    }
    return 0;
}
