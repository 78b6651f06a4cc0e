/*
 * calendars.c -- a year, or a day of a month, as news in another calendar writes it.
 *
 * Persian news dates by the Solar Hijri calendar (1399 for 2020), Arabic and Urdu religious
 * dates by the lunar Hijri one, Thai news by the Buddhist Era (2563), Amharic by the Ethiopian
 * calendar (2012), Hebrew by the Anno Mundi (5780), Nepali by the Bikram Sambat (2077). The
 * English version of the same story writes 2020: without the conversion a comparison of numbers
 * calls both years a difference. A local year starts within a Gregorian year, so it maps to two
 * candidates; the language (or, when it is unknown, the script) says which calendars apply, and
 * a range of plausible modern years keeps ordinary numbers out. Days of the local months ("31
 * تیر" is 21 July) are converted by ICU's own calendars, whose date symbols also give each
 * language's month names: nothing here is a hand-made table of months.
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

/* One language's calendar as this file uses it: ICU's calendar of its locale, a Gregorian one
 * to convert into, and its month names in matching form (whole, and the first word's length). */
typedef struct cal_lang {
    const char *lang;
    UCalendar *local, *greg;
    int lunar;
    int32_t months;
    char *name[16];
    size_t len[16], first[16];
} cal_lang;

typedef struct cal_cache {
    cal_lang l[8];
    size_t n;
} cal_cache;

static void cal_cache_free(void *p)
{
    cal_cache *c = p;
    for (size_t i = 0; c && i < c->n; i++) {
        if (c->l[i].local)
            ucal_close(c->l[i].local);
        if (c->l[i].greg)
            ucal_close(c->l[i].greg);
        for (int32_t m = 0; m < c->l[i].months; m++)
            free(c->l[i].name[m]);
    }
    free(c);
}

/* Open one language's calendar and read its month names (NULL on any failure: no dates). */
static int cal_open(dm_ctx *ctx, const char *lang, const char *loc, cal_lang *cl)
{
    memset(cl, 0, sizeof *cl);
    cl->lang = lang;
    cl->lunar = strstr(loc, "islamic") || strstr(loc, "hebrew");
    UErrorCode err = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_NONE, UDAT_LONG, loc, NULL, 0, NULL, 0, &err);
    cl->local = U_SUCCESS(err) ? ucal_open(NULL, 0, loc, UCAL_DEFAULT, &err) : NULL;
    cl->greg = U_SUCCESS(err) ? ucal_open(NULL, 0, "en@calendar=gregorian", UCAL_GREGORIAN, &err) : NULL;
    int32_t months = U_SUCCESS(err) ? udat_countSymbols(f, UDAT_MONTHS) : 0;
    for (int32_t i = 0; i < months && i < 16 && U_SUCCESS(err); i++) {
        UChar sym[64];
        char u8[256];
        int32_t n = udat_getSymbols(f, UDAT_MONTHS, i, sym, 64, &err), k = 0;
        if (U_FAILURE(err) || n <= 0 || n >= 64)
            break;
        u_strToUTF8(u8, sizeof u8, &k, sym, n, &err);
        size_t ml = 0;
        if (U_FAILURE(err) || dm_match_form(ctx, u8, (size_t)k, &cl->name[i], &ml) != DM_OK)
            break;
        const char *sp = strchr(cl->name[i], ' ');
        cl->len[i] = ml;
        cl->first[i] = sp ? (size_t)(sp - cl->name[i]) : ml;
        cl->months = i + 1;
    }
    if (f)
        udat_close(f);
    return U_SUCCESS(err) && cl->months > 0;
}

/* The language's calendar, opened once per context. */
static cal_lang *cal_get(dm_ctx *ctx, const char *lang, const char *loc)
{
    dm_icu *icu;
    if (dm_icu_get(ctx, &icu))
        return NULL;
    if (!icu->calendars) {
        icu->calendars = calloc(1, sizeof(cal_cache));
        if (!icu->calendars)
            return NULL;
        icu->calendars_free = cal_cache_free;
    }
    cal_cache *c = icu->calendars;
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->l[i].lang, lang))
            return c->l[i].months ? &c->l[i] : NULL;
    if (c->n == sizeof c->l / sizeof c->l[0])
        return NULL;
    cal_lang *cl = &c->l[c->n++];
    if (!cal_open(ctx, lang, loc, cl)) {
        /* keep the entry (so a failure is not retried), with no months */
        for (int32_t m = 0; m < cl->months; m++)
            free(cl->name[m]);
        cl->months = 0;
        return NULL;
    }
    return cl;
}

/* Does the word (matching form) name month i: its whole name or the first word of it (ربيع of
 * ربيع الأول), also after a one-letter Hebrew prefix (בתמוז "in Tammuz")? */
static int names_month(const cal_lang *cl, int32_t i, const char *word, size_t wlen)
{
    for (size_t skip = 0; skip <= 2 && skip < wlen; skip += 2) { /* ב, ל, ה: 2 bytes */
        if (skip && (unsigned char)word[0] != 0xD7)
            break;
        size_t wl = wlen - skip;
        if ((wl == cl->len[i] && !memcmp(word + skip, cl->name[i], wl)) ||
            (wl == cl->first[i] && !memcmp(word + skip, cl->name[i], wl)))
            return 1;
    }
    return 0;
}

size_t dm_calendar_days(dm_ctx *ctx, const char *lang, const char *word, size_t wlen, double day, double year,
                        double *out, size_t cap)
{
    const char *loc = calendar_locale(lang);
    if (!loc || day != floor(day) || day < 1 || day > 31 || wlen == 0 || wlen > 40)
        return 0;
    cal_lang *cl = cal_get(ctx, lang, loc);
    /* lunar months wander through the solar year: without the year, any day could be meant */
    if (!cl || (cl->lunar && year <= 0))
        return 0;
    UErrorCode err = U_ZERO_ERROR;
    size_t n = 0;
    /* the local years that fall in Gregorian 2000..2035 */
    ucal_clear(cl->greg);
    ucal_setDate(cl->greg, 2000, UCAL_JANUARY, 1, &err);
    ucal_setMillis(cl->local, ucal_getMillis(cl->greg, &err), &err);
    int32_t y0 = ucal_get(cl->local, UCAL_EXTENDED_YEAR, &err);
    for (int32_t i = 0; i < cl->months && U_SUCCESS(err); i++) {
        if (!names_month(cl, i, word, wlen))
            continue;
        int32_t from = year > 0 ? (int32_t)year : y0, to = year > 0 ? (int32_t)year : y0 + 36;
        for (int32_t y = from; y <= to && U_SUCCESS(err); y++) {
            ucal_clear(cl->local);
            ucal_set(cl->local, UCAL_EXTENDED_YEAR, y);
            ucal_set(cl->local, UCAL_MONTH, i);
            ucal_set(cl->local, UCAL_DATE, (int32_t)day);
            ucal_setMillis(cl->greg, ucal_getMillis(cl->local, &err), &err);
            double g = ucal_get(cl->greg, UCAL_DATE, &err);
            size_t k = 0;
            while (k < n && out[k] != g)
                k++;
            if (k == n && n < cap)
                out[n++] = g;
        }
    }
    return U_SUCCESS(err) ? n : 0;
}

/* Japanese era names (and the Republic of China's and North Korea's year counts) with the
 * Gregorian year before their first: 令和2年 is 2020. */
static const struct {
    UChar name[2];
    int base;
} eras[] = {
    {{0x660E, 0x6CBB}, 1867}, /* 明治 */
    {{0x5927, 0x6B63}, 1911}, /* 大正 */
    {{0x662D, 0x548C}, 1925}, /* 昭和 */
    {{0x5E73, 0x6210}, 1988}, /* 平成 */
    {{0x4EE4, 0x548C}, 2018}, /* 令和 */
    {{0x6C11, 0x570B}, 1911}, /* 民國 */
    {{0x6C11, 0x56FD}, 1911}, /* 民国 */
    {{0xC8FC, 0xCCB4}, 1911}, /* 주체 */
};

int dm_era_year(const UChar *s, int32_t n, int32_t *used, uint64_t *value)
{
    *used = 0;
    if (n < 4)
        return 0;
    int base = -1;
    for (size_t e = 0; e < sizeof eras / sizeof eras[0] && base < 0; e++)
        if (s[0] == eras[e].name[0] && s[1] == eras[e].name[1])
            base = eras[e].base;
    if (base < 0)
        return 0;
    int32_t i = 2;
    uint64_t y = 0;
    if (s[i] == 0x5143) { /* 元年: the first year */
        y = 1;
        i++;
    } else if (s[i] >= '0' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9' && y < 1000)
            y = y * 10 + (uint64_t)(s[i++] - '0');
    } else {
        int32_t k = 0;
        uint64_t v = 0;
        if (dm_han_number(s + i, n - i, &k, &v)) {
            y = v;
        } else if (k == 1) { /* one numeral is a number here: 令和二年 */
            int32_t k1 = 0;
            UChar two[2] = {s[i], 0x5341}; /* read as "N十" and divide: one code path for digits */
            if (dm_han_number(two, 2, &k1, &v))
                y = v / 10;
        }
        i += k;
    }
    /* the year mark follows: 年 (Japanese, Chinese) or 년 (Korean) */
    if (!y || y > 200 || i >= n || (s[i] != 0x5E74 && s[i] != 0xB144))
        return 0;
    *used = i;
    *value = (uint64_t)base + y;
    return 1;
}
