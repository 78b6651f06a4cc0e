/*
 * test_numbers.c -- numbers as news in many languages write them: grouping and decimal marks of
 * English, German/French/Spanish, Indian (lakh) and Arabic-script styles, and what is not a number;
 * numbers written as words in several languages.
 */
#include "check.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static void check_number(const char *s, double want)
{
    double v = -1;
    int ok = dm_parse_number(s, strlen(s), &v);
    if (!ok || v != want) {
        fprintf(stderr, "number \"%s\": got %d %f, want %f\n", s, ok, v, want);
        check_failures++;
    }
}

static void check_not_number(const char *s)
{
    double v = -1;
    if (dm_parse_number(s, strlen(s), &v)) {
        fprintf(stderr, "\"%s\" read as the number %f\n", s, v);
        check_failures++;
    }
}

/* A word (any case, as written) read as a number in language lang (NULL: not known). */
static void check_word(dm_ctx *ctx, const char *lang, const char *w, double want)
{
    char *form = NULL;
    size_t n = 0;
    double v = -1;
    int ok = dm_match_form(ctx, w, strlen(w), &form, &n) == DM_OK && dm_number_word(ctx, lang, form, n, &v);
    if (want < 0 ? ok : (!ok || v != want)) {
        fprintf(stderr, "number word \"%s\" (%s): got %d %f, want %f\n", w, lang ? lang : "any", ok, v, want);
        check_failures++;
    }
    free(form);
}

static void check_words(void)
{
    dm_ctx *ctx;
    if (dm_ctx_new(&ctx, NULL) != DM_OK) {
        check_failures++;
        return;
    }
    /* "an 8-year war" / "eight-year war" / "جنگ هشت ساله" / "आठ साल" / "ثماني سنوات" */
    check_word(ctx, "en", "Eight", 8);
    check_word(ctx, NULL, "eight", 8);
    check_word(ctx, "fa", "هشت", 8);
    check_word(ctx, "ar", "ثمانية", 8);
    check_word(ctx, "hi", "आठ", 8);
    check_word(ctx, "ru", "восьми", 8);
    check_word(ctx, "fr", "huit", 8);
    check_word(ctx, "de", "Tausend", 1000);
    check_word(ctx, "hi", "लाख", 100000);
    /* words that are also everyday words elsewhere need the language */
    check_word(ctx, NULL, "on", -1);
    check_word(ctx, "tr", "on", 10);
    check_word(ctx, "en", "on", -1);
    check_word(ctx, NULL, "due", -1);
    check_word(ctx, "fr", "un", -1); /* an article first */
    check_word(ctx, "en", "president", -1);
    dm_ctx_free(ctx);
}

int main(void)
{
    check_words();
    check_number("2,5", 2.5);            /* German, French: decimal comma */
    check_number("1.234,5", 1234.5);     /* German: grouping dot, decimal comma */
    check_number("1,234.5", 1234.5);     /* English */
    check_number("1.234.567,89", 1234567.89);
    check_number("1 234,5", 1234.5);     /* French */
    check_number("12345.678", 12345.678); /* four digits before: the dot is no grouping */
    check_number("0,125", 0.125);        /* a leading zero is never grouped */
    check_number("12,34,567", 1234567);  /* Indian lakh grouping */
    check_number("1,00,000", 100000);
    check_number("1,000", 1000);
    check_number("1.000.000", 1000000);
    check_number("۱۴۰۱", 1401);          /* Persian year */
    check_number("۱٬۲۳۴٫۵", 1234.5);     /* Arabic thousands and decimal marks */
    check_number("٣٫٥", 3.5);
    check_not_number("12 5");            /* two numbers, not one */
    check_not_number("1.5.2020");        /* a date */
    check_not_number("1,2,3");
    check_not_number("1.234,567.8");     /* marks that contradict each other */
    check_not_number("1,");
    check_not_number(",5");
    return check_done("test_numbers");
}
