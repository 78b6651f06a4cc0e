/*
 * test_numbers.c -- numbers as news in many languages write them: grouping and decimal marks of
 * English, German/French/Spanish, Indian (lakh) and Arabic-script styles, and what is not a number.
 */
#include "check.h"
#include "text/text.h"

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

int main(void)
{
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
