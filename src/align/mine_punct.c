/*
 * mine_punct.c -- how a sentence ends (a question, an exclamation, anything else), for the
 * miner: a translation keeps its question mark in nearly every language (98-99% of the pairs
 * of a set of everyday sentences), while two unrelated sentences that share their words often
 * differ there ("Do you like coffee?" / "I know you like coffee.").
 *
 * Kept apart from the features of alignment: within two aligned documents the order already
 * pairs the questions; only the miner, which compares every sentence with every other, needs it.
 */
#include "align/mine_internal.h"

#include <string.h>

/* Closing quotes and brackets that may follow the final mark. */
static size_t closing_len(const unsigned char *s, size_t n)
{
    if (n >= 1 && strchr("\"')]}", s[n - 1]) && s[n - 1])
        return 1;
    if (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xBB) /* » */
        return 2;
    if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 &&
        (s[n - 1] == 0x9D || s[n - 1] == 0x99 || s[n - 1] == 0xBA)) /* ” ’ › */
        return 3;
    if (n >= 3 && s[n - 3] == 0xE3 && s[n - 2] == 0x80 &&
        (s[n - 1] == 0x8D || s[n - 1] == 0x8F)) /* 」 』 */
        return 3;
    return 0;
}

int mn_end_class(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len;
    for (;;) {
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
            n--;
        size_t c = closing_len(s, n);
        if (!c)
            break;
        n -= c;
    }
    if (n >= 1 && s[n - 1] == '?')
        return MN_END_QUESTION;
    if (n >= 1 && s[n - 1] == '!')
        return MN_END_EXCLAIM;
    if (n >= 2 && s[n - 2] == 0xD8 && s[n - 1] == 0x9F) /* ؟ Arabic script */
        return MN_END_QUESTION;
    if (n >= 2 && s[n - 2] == 0xCD && s[n - 1] == 0xBE) /* ; Greek question mark */
        return MN_END_QUESTION;
    if (n >= 3 && s[n - 3] == 0xEF && s[n - 2] == 0xBC && s[n - 1] == 0x9F) /* ？ */
        return MN_END_QUESTION;
    if (n >= 3 && s[n - 3] == 0xEF && s[n - 2] == 0xBC && s[n - 1] == 0x81) /* ！ */
        return MN_END_EXCLAIM;
    if (n >= 3 && s[n - 3] == 0xE1 && s[n - 2] == 0x8D && s[n - 1] == 0xA7) /* ፧ Ethiopic */
        return MN_END_QUESTION;
    return MN_END_OTHER;
}
