/*
 * icu_words.c -- build-time helper for tools/lexicon: cut text into words the way dragoman does.
 *
 * Reads UTF-8 lines on stdin and writes, for each, the same line as space-separated word tokens:
 * NFKC case folding then ICU's word break iterator (dictionaries for Chinese, Japanese, Thai,
 * Lao, Khmer, Burmese), keeping only segments ICU tags as letters/kana/ideographs. The lexicon
 * builder runs all its text through this so that its keys are cut like dragoman's own tokens
 * (dm_tokenize also uses ICU word breaks). Separate from the library: it is only a build tool.
 *
 * Build: cc -O2 -o icu_words icu_words.c $(pkg-config --cflags --libs icu-uc icu-i18n)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int main(void)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&err);
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
    if (U_FAILURE(err)) {
        fprintf(stderr, "icu_words: %s\n", u_errorName(err));
        return 1;
    }
    char *line = NULL, *out = NULL;
    size_t cap = 0, out_cap = 0;
    UChar *u = NULL, *f = NULL;
    int32_t ucap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if ((int32_t)(n * 2 + 16) > ucap) {
            ucap = (int32_t)(n * 2 + 16);
            u = realloc(u, sizeof(UChar) * (size_t)ucap);
            f = realloc(f, sizeof(UChar) * (size_t)ucap * 3);
            if (!u || !f)
                return 1;
        }
        int32_t ulen = 0, flen = 0;
        err = U_ZERO_ERROR;
        u_strFromUTF8WithSub(u, ucap, &ulen, line, (int32_t)n, 0xFFFD, NULL, &err);
        if (U_SUCCESS(err))
            flen = unorm2_normalize(nf, u, ulen, f, ucap * 3, &err);
        if (U_FAILURE(err)) {
            putchar('\n');
            continue;
        }
        ubrk_setText(bi, f, flen, &err);
        size_t need = (size_t)flen * 4 + 16;
        if (need > out_cap) {
            out_cap = need;
            out = realloc(out, out_cap);
            if (!out)
                return 1;
        }
        size_t o = 0;
        int32_t start = ubrk_first(bi);
        for (int32_t end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
            if (ubrk_getRuleStatus(bi) < UBRK_WORD_LETTER)
                continue;
            int32_t blen = 0;
            UErrorCode e2 = U_ZERO_ERROR;
            if (o)
                out[o++] = ' ';
            u_strToUTF8(out + o, (int32_t)(out_cap - o), &blen, f + start, end - start, &e2);
            if (U_FAILURE(e2))
                return 1;
            o += (size_t)blen;
        }
        out[o] = 0;
        puts(out);
    }
    free(line);
    free(out);
    free(u);
    free(f);
    ubrk_close(bi);
    return 0;
}
