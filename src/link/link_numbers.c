/*
 * link_numbers.c -- numbers are the evidence that survives translation best: 2706, ۲۷۰۶, ٢٧٠٦,
 * २७०६, "2,706", "2.706" and "2 706" are one feature. The matching form has already turned every
 * digit system into ASCII; here a number becomes its digits alone (grouping and decimal marks
 * dropped, since languages swap them), and a group split by a space ("2 706") is joined again.
 * A number followed by a scale word is the quantity it makes: "50 million" is 50000000; a year
 * of a local calendar (Thai 2563, Persian 1399) is its Gregorian year.
 */
#include "link/link.h"
#include "text/text.h"

#include <stdio.h>
#include <string.h>
#include <unicode/utf8.h>

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }

/* Digits of s[0..len) without leading zeros; returns how many, 0 when none or too long. */
static size_t digits_of(const char *s, size_t len, char *out, size_t cap, size_t *ndig_run)
{
    size_t n = 0;
    *ndig_run = 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(s[i]))
            continue;
        if (n == 0 && s[i] == '0' && i + 1 < len && is_digit(s[i + 1]))
            continue;
        if (n + 1 >= cap)
            return 0;
        out[n++] = s[i];
    }
    /* length of the last run of digits (a group of three can be a thousands group) */
    size_t run = 0;
    for (size_t i = len; i > 0 && is_digit(s[i - 1]); i--)
        run++;
    *ndig_run = run;
    out[n] = 0;
    return n;
}

static int is_group_space(const char *s, size_t len)
{
    /* one space, no-break space (C2 A0) or narrow no-break / thin space (E2 80 AF / E2 80 89) */
    if (len == 1 && s[0] == ' ')
        return 1;
    if (len == 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 1;
    if (len == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0xAF || (unsigned char)s[2] == 0x89))
        return 1;
    return 0;
}

/* A quantity: the number times the scale word after it, written out ("50 million", "5000万",
 * "1,5 млрд" -> 1500000000, "5 करोड़" -> 50000000), so that versions that count in different
 * units (a Chinese 万 is ten thousand, an Indian crore ten million) meet. The number is tokens
 * [i, i + used); returns the digits' count (0: no scale word follows, or not a plain number). */
static size_t quantity(dm_ctx *ctx, const char *text, const dm_token *t, size_t nt, size_t i, size_t used,
                       char *dig, size_t cap)
{
    const dm_token *last = &t[i + used - 1];
    double value, scale;
    if (!dm_scale_after(ctx, NULL, text, t, nt, i + used, &scale) ||
        !dm_parse_number(text + t[i].start, last->start + last->len - t[i].start, &value) || value <= 0 ||
        value * scale > 1e18)
        return 0;
    int n = snprintf(dig, cap, "%.0f", value * scale);
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* The script of the words beside token i (the one before, else the one after). */
static int neighbour_script(const char *text, const dm_token *t, size_t nt, size_t i, size_t used)
{
    const dm_token *w = i > 0 && t[i - 1].kind == DM_TOK_WORD ? &t[i - 1]
                        : i + used < nt && t[i + used].kind == DM_TOK_WORD ? &t[i + used] : NULL;
    if (!w)
        return DM_SCRIPT_OTHER;
    UChar32 c;
    int32_t k = 0;
    U8_NEXT((const uint8_t *)text + w->start, k, (int32_t)w->len, c);
    return c < 0 ? DM_SCRIPT_OTHER : dm_script_of((uint32_t)c);
}

/* A year of the calendar the words around it are dated by, as its Gregorian year: Thai 2563
 * (Buddhist Era) is 2020; Persian 1399, Ethiopian 2012, Hebrew 5780 are 2020 for most of their
 * span (each starts within a Gregorian year: the larger part is taken; the divergence report
 * weighs both). Without it a Persian and an English version share no year. */
static size_t local_year(const char *text, const dm_token *t, size_t nt, size_t i, size_t used, char *dig,
                         size_t cap)
{
    if (used != 1 || t[i].len != 4)
        return 0;
    int y = 0;
    for (size_t k = 0; k < 4; k++) {
        char ch = text[t[i].start + k];
        if (!is_digit(ch))
            return 0;
        y = y * 10 + (ch - '0');
    }
    int script = neighbour_script(text, t, nt, i, used), g = 0;
    if (script == DM_SCRIPT_THAI && y >= 2400 && y <= 2700)
        g = y - 543;
    else if (script == DM_SCRIPT_ARABIC && y >= 1300 && y <= 1450)
        g = y + 621; /* Solar Hijri, from the March equinox */
    else if (script == DM_SCRIPT_ETHIOPIC && y >= 1950 && y <= 2100)
        g = y + 8; /* from September */
    else if (script == DM_SCRIPT_HEBREW && y >= 5600 && y <= 5900)
        g = y - 3760; /* from the autumn */
    if (!g)
        return 0;
    int n = snprintf(dig, cap, "%d", g);
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

size_t lk_number_digits(dm_ctx *ctx, const char *text, const dm_token *t, size_t nt, size_t i, char *dig,
                        size_t cap, size_t *consumed)
{
    *consumed = 1;
    const char *s = text + t[i].start;
    size_t len = t[i].len;
    double value;
    int numeric = t[i].kind == DM_TOK_NUMBER || dm_parse_number(s, len, &value);
    size_t run;
    size_t n = digits_of(s, len, dig, cap, &run);
    if (n == 0)
        return 0;
    /* 2 706 (fr, ru...): a following group of exactly three digits after one space joins */
    while (numeric && i + *consumed < nt) {
        const dm_token *nx = &t[i + *consumed];
        const dm_token *pv = &t[i + *consumed - 1];
        size_t gap = nx->start - (pv->start + pv->len);
        if (nx->kind != DM_TOK_NUMBER || nx->len != 3 || !is_group_space(text + pv->start + pv->len, gap))
            break;
        if (n + 4 >= cap)
            break;
        memcpy(dig + n, text + nx->start, 3);
        n += 3;
        dig[n] = 0;
        ++*consumed;
    }
    size_t q = numeric ? quantity(ctx, text, t, nt, i, *consumed, dig, cap) : 0;
    if (q) {
        ++*consumed; /* the scale word */
        return q;
    }
    q = local_year(text, t, nt, i, *consumed, dig, cap);
    if (q)
        return q;
    /* single digits are too common to say anything, and often written as words */
    return n < 2 ? 0 : n;
}
