/*
 * test_match_edges.c -- matching forms and name keys that must meet across languages: Turkish
 * capital İ (case folding leaves a combining dot: "i̇stanbul" would miss "istanbul"), and
 * Russian and Ukrainian names ending in -ий/-ый/-ой/-ей, which ICU writes with a final j.
 */
#include "check.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static dm_ctx *ctx;

static void check_match(const char *in, const char *want)
{
    char *out = NULL;
    size_t n;
    CHECK(dm_match_form(ctx, in, strlen(in), &out, &n) == DM_OK);
    CHECK_STR(out, want);
    free(out);
}

int main(void)
{
    if (dm_ctx_new(&ctx, NULL) != DM_OK)
        return 1;
    check_match("İstanbul", "istanbul");
    check_match("DİYARBAKIR İzmir", "diyarbakir izmir");
    check_match("Istanbul", "istanbul");
    check_match("e\xCC\x87", "\xC4\x97"); /* the dot stays on other letters: ė */
    check_same_key(ctx, "Зеленский", "Zelensky");
    check_same_key(ctx, "Зеленський", "Zelensky");
    check_same_key(ctx, "Навальный", "Navalny");
    check_same_key(ctx, "Сергей", "Sergei");
    check_same_key(ctx, "Толстой", "Tolstoy");
    check_same_key(ctx, "Путин", "Putin");
    char ka[64], kb[64];
    check_name_key(ctx, "Raj", ka, sizeof ka); /* -aj stays: English Raj must keep meeting Hindi राज (raja) */
    check_name_key(ctx, "Ra", kb, sizeof kb);
    CHECK(strcmp(ka, kb) != 0);
    dm_ctx_free(ctx);
    return check_done("test_match_edges");
}
