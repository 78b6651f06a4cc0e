/*
 * calendars.c -- a year as news in another calendar writes it.
 *
 * Persian news dates by the Solar Hijri calendar (1399 for 2020), Arabic and Urdu religious
 * dates by the lunar Hijri one, Thai news by the Buddhist Era (2563), Amharic by the Ethiopian
 * calendar (2012), Hebrew by the Anno Mundi (5780), Nepali by the Bikram Sambat (2077). The
 * English version of the same story writes 2020: without the conversion a comparison of numbers
 * calls both years a difference. A local year starts within a Gregorian year, so it maps to two
 * candidates; the language (or, when it is unknown, the script) says which calendars apply, and
 * a range of plausible modern years keeps ordinary numbers out.
 */
#include "text/icu_cache.h"
#include "text/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

static size_t put(double *out, size_t cap, size_t n, double v)
{
    if (n < cap)
        out[n] = v;
    return n + 1;
}

size_t dm_calendar_years(const char *lang, int script, double year, double *out, size_t cap)
{
    if (year != floor(year))
        return 0;
    const char *l = lang ? lang : "";
    int arabic = !strcmp(l, "fa") || !strcmp(l, "ar") || !strcmp(l, "ur") || !strcmp(l, "ps") ||
                 !strcmp(l, "prs") || !strcmp(l, "ckb") || !strcmp(l, "sd") ||
                 (!*l && script == DM_SCRIPT_ARABIC);
    int solar = !strcmp(l, "fa") || !strcmp(l, "ps") || !strcmp(l, "prs") || !strcmp(l, "ckb") ||
                (!*l && script == DM_SCRIPT_ARABIC);
    size_t n = 0;
    if (solar && year >= 1300 && year <= 1500) { /* Solar Hijri: starts at the March equinox */
        n = put(out, cap, n, year + 621);
        n = put(out, cap, n, year + 622);
    }
    if (arabic && year >= 1300 && year <= 1500) { /* lunar Hijri: 354-day years from 622 */
        double g = floor(year * 0.970224 + 621.5774);
        n = put(out, cap, n, g);
        n = put(out, cap, n, g + 1);
    }
    if ((!strcmp(l, "th") || !strcmp(l, "km") || !strcmp(l, "lo") || (!*l && script == DM_SCRIPT_THAI)) &&
        year >= 2400 && year <= 2700) /* Buddhist Era: 543 years ahead */
        n = put(out, cap, n, year - 543);
    if ((!strcmp(l, "am") || !strcmp(l, "ti") || (!*l && script == DM_SCRIPT_ETHIOPIC)) && year >= 1900 &&
        year <= 2100) { /* Ethiopian: 7-8 years behind, the year starts in September */
        n = put(out, cap, n, year + 7);
        n = put(out, cap, n, year + 8);
    }
    if ((!strcmp(l, "he") || (!*l && script == DM_SCRIPT_HEBREW)) && year >= 5600 && year <= 5900) {
        n = put(out, cap, n, year - 3761); /* Anno Mundi: the year starts in the autumn */
        n = put(out, cap, n, year - 3760);
    }
    if (!strcmp(l, "ne") && year >= 1990 && year <= 2150) { /* Bikram Sambat: starts in April */
        n = put(out, cap, n, year - 57);
        n = put(out, cap, n, year - 56);
    }
    return n < cap ? n : cap;
}

/* The ICU locale whose calendar and month names a language's news dates by. */
static const char *calendar_locale(const char *lang)
{
    static const char *const map[][2] = {
        {"fa", "fa@calendar=persian"},         {"prs", "fa_AF@calendar=persian"},
        {"ps", "ps@calendar=persian"},         {"ar", "ar@calendar=islamic-civil"},
        {"ur", "ur@calendar=islamic-civil"},   {"am", "am@calendar=ethiopic"},
        {"ti", "ti@calendar=ethiopic"},        {"he", "he@calendar=hebrew"},
    };
    for (size_t i = 0; lang && i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(lang, map[i][0]))
            return map[i][1];
    return NULL;
}

/* Does the word (matching form) name month i of the date format f: its whole name or the first
 * word of it (ربيع of ربيع الأول), also after a Hebrew prefix (בתמוז "in Tammuz")? */
static int names_month(dm_ctx *ctx, UDateFormat *f, int32_t i, const char *word, size_t wlen)
{
    UChar sym[64];
    char u8[256];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = udat_getSymbols(f, UDAT_MONTHS, i, sym, 64, &err);
    if (U_FAILURE(err) || n <= 0 || n >= 64)
        return 0;
    int32_t k = 0;
    u_strToUTF8(u8, sizeof u8, &k, sym, n, &err);
    if (U_FAILURE(err))
        return 0;
    char *m = NULL;
    size_t ml = 0;
    if (dm_match_form(ctx, u8, (size_t)k, &m, &ml) != DM_OK)
        return 0;
    char *sp = strchr(m, ' ');
    size_t first = sp ? (size_t)(sp - m) : ml;
    int hit = 0;
    for (size_t skip = 0; skip <= 2 && !hit && skip < wlen; skip += 2) { /* ב, ל, ה: 2 bytes */
        if (skip && !(word[0] == '\xd7' && wlen > 2))
            break;
        size_t wl = wlen - skip;
        hit = (wl == ml && !memcmp(word + skip, m, ml)) || (wl == first && !memcmp(word + skip, m, first));
    }
    free(m);
    return hit;
}

size_t dm_calendar_days(dm_ctx *ctx, const char *lang, const char *word, size_t wlen, double day, double year,
                        double *out, size_t cap)
{
    const char *loc = calendar_locale(lang);
    if (!loc || day != floor(day) || day < 1 || day > 31 || wlen == 0 || wlen > 40)
        return 0;
    /* lunar months wander through the solar year: without the year, any day could be meant */
    int lunar = strstr(loc, "islamic") || strstr(loc, "hebrew");
    if (lunar && year <= 0)
        return 0;
    UErrorCode err = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_NONE, UDAT_LONG, loc, NULL, 0, NULL, 0, &err);
    UCalendar *local = U_SUCCESS(err) ? ucal_open(NULL, 0, loc, UCAL_DEFAULT, &err) : NULL;
    UCalendar *greg = U_SUCCESS(err) ? ucal_open(NULL, 0, "en@calendar=gregorian", UCAL_GREGORIAN, &err) : NULL;
    size_t n = 0;
    if (U_SUCCESS(err)) {
        /* the local years that fall in Gregorian 2000..2035 */
        ucal_setDate(greg, 2000, UCAL_JANUARY, 1, &err);
        ucal_setMillis(local, ucal_getMillis(greg, &err), &err);
        int32_t y0 = ucal_get(local, UCAL_EXTENDED_YEAR, &err);
        int32_t months = udat_countSymbols(f, UDAT_MONTHS);
        for (int32_t i = 0; i < months && U_SUCCESS(err); i++) {
            if (!names_month(ctx, f, i, word, wlen))
                continue;
            int32_t from = year > 0 ? (int32_t)year : y0, to = year > 0 ? (int32_t)year : y0 + 36;
            for (int32_t y = from; y <= to && U_SUCCESS(err); y++) {
                ucal_clear(local);
                ucal_set(local, UCAL_EXTENDED_YEAR, y);
                ucal_set(local, UCAL_MONTH, i);
                ucal_set(local, UCAL_DATE, (int32_t)day);
                ucal_setMillis(greg, ucal_getMillis(local, &err), &err);
                double g = ucal_get(greg, UCAL_DATE, &err);
                size_t k = 0;
                while (k < n && k < cap && out[k] != g)
                    k++;
                if (k == n && n < cap)
                    out[n++] = g;
            }
        }
    }
    if (greg)
        ucal_close(greg);
    if (local)
        ucal_close(local);
    if (f)
        udat_close(f);
    return U_SUCCESS(err) ? n : 0;
}
