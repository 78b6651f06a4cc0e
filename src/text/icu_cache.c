/*
 * icu_cache.c -- opening the ICU objects once per context, and the UTF-8/UTF-16 conversions
 * every ICU call needs. Kept apart so that each text file (clean, match, segment, tokenize,
 * translit) stays about its own job.
 */
#include "text/icu_cache.h"

#include <stdlib.h>
#include <unicode/ustring.h>

static void icu_free(void *p)
{
    dm_icu *icu = p;
    if (!icu)
        return;
    if (icu->sentence)
        ubrk_close(icu->sentence);
    if (icu->word)
        ubrk_close(icu->word);
    if (icu->to_latin)
        utrans_close(icu->to_latin);
    if (icu->zawgyi)
        utrans_close(icu->zawgyi);
    if (icu->number_words_free)
        icu->number_words_free(icu->number_words);
    if (icu->calendars_free)
        icu->calendars_free(icu->calendars);
    free(icu);
}

dm_status dm_icu_get(dm_ctx *ctx, dm_icu **out)
{
    dm_model_slot *slot = &ctx->slots[DM_SLOT_TEXT];
    if (slot->model) {
        *out = slot->model;
        return DM_OK;
    }
    dm_icu *icu = calloc(1, sizeof *icu);
    if (!icu)
        return dm_fail(ctx, DM_ENOMEM, "no memory for ICU objects");
    UErrorCode err = U_ZERO_ERROR;
    /* "ss=standard" suppresses breaks after common abbreviations (Mr., Dr., U.S.). */
    icu->sentence = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &err);
    if (U_FAILURE(err)) {
        err = U_ZERO_ERROR;
        icu->sentence = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &err);
    }
    if (U_SUCCESS(err))
        icu->word = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
    if (U_SUCCESS(err))
        icu->nfc = unorm2_getNFCInstance(&err);
    if (U_SUCCESS(err))
        icu->nfkc_cf = unorm2_getNFKCCasefoldInstance(&err);
    if (U_SUCCESS(err))
        icu->to_latin = utrans_openU(u"dragoman-Latin", -1, UTRANS_FORWARD, dm_latin_rules(), -1, NULL,
                                     &err);
    if (U_FAILURE(err)) {
        icu_free(icu);
        return dm_fail(ctx, DM_EUNICODE, "cannot open ICU objects: %s", u_errorName(err));
    }
    slot->model = icu;
    slot->free_fn = icu_free;
    *out = icu;
    return DM_OK;
}

dm_status dm_utf8_to_utf16(dm_ctx *ctx, const char *in, size_t len, UChar **out, int32_t *out_len,
                           size_t *n_sub)
{
    *out = NULL;
    *out_len = 0;
    if (len > (size_t)INT32_MAX / 2)
        return dm_fail(ctx, DM_ELIMIT, "text of %zu bytes is too long for ICU", len);
    int32_t cap = (int32_t)len + 1, n = 0, subs = 0;
    UChar *buf = malloc((size_t)cap * sizeof *buf);
    if (!buf)
        return dm_fail(ctx, DM_ENOMEM, "no memory for %zu bytes of text", len);
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8WithSub(buf, cap, &n, in, (int32_t)len, 0xFFFD, &subs, &err);
    if (U_FAILURE(err)) {
        free(buf);
        return dm_fail(ctx, DM_EUNICODE, "UTF-8 conversion failed: %s", u_errorName(err));
    }
    if (n_sub)
        *n_sub = (size_t)subs;
    *out = buf;
    *out_len = n;
    return DM_OK;
}

dm_status dm_utf16_to_utf8(dm_ctx *ctx, const UChar *in, int32_t len, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    /* three bytes a unit at most; past INT32_MAX ICU reports the overflow instead of wrapping */
    size_t want = (size_t)(len > 0 ? len : 0) * 3 + 1;
    int32_t cap = want > INT32_MAX ? INT32_MAX : (int32_t)want, n = 0;
    char *buf = malloc((size_t)cap);
    if (!buf)
        return dm_fail(ctx, DM_ENOMEM, "no memory for text");
    UErrorCode err = U_ZERO_ERROR;
    u_strToUTF8WithSub(buf, cap - 1, &n, in, len, 0xFFFD, NULL, &err); /* room for the NUL */
    if (U_FAILURE(err)) {
        free(buf);
        return dm_fail(ctx, DM_EUNICODE, "UTF-16 conversion failed: %s", u_errorName(err));
    }
    buf[n] = 0;
    *out = buf;
    *out_len = (size_t)n;
    return DM_OK;
}

dm_status dm_normalize16(dm_ctx *ctx, const UNormalizer2 *n, const UChar *in, int32_t len,
                         UChar **out, int32_t *out_len)
{
    *out = NULL;
    int32_t cap = len + 16;
    for (int tries = 0; tries < 3; tries++) {
        UChar *buf = malloc((size_t)cap * sizeof *buf);
        if (!buf)
            return dm_fail(ctx, DM_ENOMEM, "no memory to normalize text");
        UErrorCode err = U_ZERO_ERROR;
        int32_t got = unorm2_normalize(n, in, len, buf, cap, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            free(buf);
            cap = got + 16;
            continue;
        }
        if (U_FAILURE(err)) {
            free(buf);
            return dm_fail(ctx, DM_EUNICODE, "normalization failed: %s", u_errorName(err));
        }
        *out = buf;
        *out_len = got;
        return DM_OK;
    }
    return dm_fail(ctx, DM_EUNICODE, "normalization did not settle");
}
