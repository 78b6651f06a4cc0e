/* fuzz_segment.c -- libFuzzer target: sentences, tokens, matching form and name keys of
 * arbitrary (cleaned) text; spans must stay inside the text. */
#include "core/ctx.h"
#include "text/text.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dm_ctx *ctx;
    if (!ctx && dm_ctx_new(&ctx, NULL))
        abort();
    char *text;
    size_t len, bad;
    if (dm_text_clean(ctx, (const char *)data, size, &text, &len, &bad))
        return 0;
    dm_span *sp;
    size_t n;
    if (!dm_segment(ctx, text, len, &sp, &n)) {
        for (size_t i = 0; i < n; i++)
            if (sp[i].start + sp[i].len > len || sp[i].len == 0)
                abort();
        free(sp);
    }
    dm_token *tok;
    if (!dm_tokenize(ctx, text, len, &tok, &n)) {
        for (size_t i = 0; i < n; i++) {
            if ((size_t)tok[i].start + tok[i].len > len)
                abort();
            char latin[128], key[64];
            if (tok[i].kind == DM_TOK_WORD &&
                !dm_translit_latin(ctx, text + tok[i].start, tok[i].len, latin, sizeof latin))
                dm_name_key(latin, key, sizeof key);
            double v;
            dm_parse_number(text + tok[i].start, tok[i].len, &v);
        }
        free(tok);
    }
    char *m;
    if (!dm_match_form(ctx, text, len, &m, &n))
        free(m);
    free(text);
    return 0;
}
