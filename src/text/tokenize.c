/*
 * tokenize.c -- word tokens through ICU's word break iterator, whose dictionaries cut Thai,
 * Lao, Khmer, Burmese, Chinese and Japanese, which write no spaces between words. Tokens are
 * byte spans of the caller's text, marked word, number or punctuation, with their script.
 */
#include "text/icu_cache.h"
#include "text/text.h"
#include "util/vec.h"

#include <stdlib.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

static int span_is_space(const char *s, int32_t a, int32_t b)
{
    for (int32_t i = a; i < b;) {
        UChar32 c;
        U8_NEXT(s, i, b, c);
        if (!u_isUWhiteSpace(c) && c != 0x200B && c != 0x200C && c != 0x200D && c != 0xFEFF)
            return 0;
    }
    return 1;
}

static int span_script(const char *s, int32_t a, int32_t b)
{
    for (int32_t i = a; i < b;) {
        UChar32 c;
        U8_NEXT(s, i, b, c);
        int sc = dm_script_of((uint32_t)(c < 0 ? 0xFFFD : c));
        if (sc != DM_SCRIPT_OTHER)
            return sc;
    }
    return DM_SCRIPT_OTHER;
}

dm_status dm_tokenize(dm_ctx *ctx, const char *text, size_t len, dm_token **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (len > INT32_MAX)
        return dm_fail(ctx, DM_ELIMIT, "text of %zu bytes is too long to tokenize", len);
    dm_icu *icu;
    dm_status st = dm_icu_get(ctx, &icu);
    if (st)
        return st;
    UErrorCode err = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
    if (U_FAILURE(err))
        return dm_fail(ctx, DM_EUNICODE, "cannot open text for tokens: %s", u_errorName(err));
    ubrk_setUText(icu->word, ut, &err);
    if (U_FAILURE(err)) {
        utext_close(ut);
        return dm_fail(ctx, DM_EUNICODE, "word iterator failed: %s", u_errorName(err));
    }
    size_t cap = len / 4 + 8, cnt = 0;
    dm_token *v = malloc(cap * sizeof *v);
    if (!v) {
        utext_close(ut);
        return dm_fail(ctx, DM_ENOMEM, "no memory for tokens");
    }
    int32_t prev = ubrk_first(icu->word);
    for (int32_t b = ubrk_next(icu->word); b != UBRK_DONE; prev = b, b = ubrk_next(icu->word)) {
        int32_t status = ubrk_getRuleStatus(icu->word);
        uint8_t kind;
        if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
            kind = DM_TOK_NUMBER;
        else if (status >= UBRK_WORD_LETTER)
            kind = DM_TOK_WORD;
        else if (span_is_space(text, prev, b))
            continue;
        else
            kind = DM_TOK_PUNCT;
        if (dm_grow(&v, &cap, cnt + 1, sizeof *v)) {
            free(v);
            utext_close(ut);
            return dm_fail(ctx, DM_ENOMEM, "no memory for tokens");
        }
        v[cnt].start = (uint32_t)prev;
        v[cnt].len = (uint32_t)(b - prev);
        v[cnt].kind = kind;
        v[cnt].script = (uint8_t)span_script(text, prev, b);
        cnt++;
    }
    ubrk_setText(icu->word, u"", 0, &err);
    utext_close(ut);
    *out = v;
    *n = cnt;
    return DM_OK;
}
