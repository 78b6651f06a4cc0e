/*
 * test_pair_html.c -- the side-by-side HTML of two versions (dm_pair_html, shared by the viewer
 * and `align --format html`): each sentence in its own direction, omissions highlighted, the
 * numbers the diff found on one side marked and escaped text; blocks outside the sentences are
 * refused rather than read out of bounds; and dm_grow, which every growing array relies on.
 */
#include "check.h"
#include "dragoman.h"
#include "util/vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void test_grow(void)
{
    int *v = NULL;
    size_t cap = 0;
    CHECK(dm_grow(&v, &cap, 3, sizeof *v) == 0 && cap >= 3 && v);
    for (int i = 0; v && i < 3; i++)
        v[i] = i + 1;
    CHECK(dm_grow(&v, &cap, 100, sizeof *v) == 0 && cap >= 100 && v[2] == 3);
    int *before = v;
    size_t cap_before = cap;
    CHECK(dm_grow(&v, &cap, SIZE_MAX / 2, sizeof *v) == -1); /* overflow: refused, array kept */
    CHECK(v == before && cap == cap_before && v[0] == 1);
    free(v);
}

int main(void)
{
    test_grow();
    dm_ctx *ctx;
    if (dm_ctx_new(&ctx, NULL) != DM_OK)
        return 1;
    const char *fa[] = {"رهبر انقلاب عصر امروز (سه شنبه) با نخست وزیر عراق دیدار کرد.",
                        "روابط دو کشور برادرانه است."};
    const char *en[] = {"Tehran (IP) - <Leader> & the Prime Minister met.",
                        "The Leader met Iraq's Prime Minister on Tuesday 21 July.",
                        "Relations between the two countries are brotherly."};
    size_t fl[2], el[3];
    for (int i = 0; i < 2; i++)
        fl[i] = strlen(fa[i]);
    for (int i = 0; i < 3; i++)
        el[i] = strlen(en[i]);
    dm_align_block b[] = {{0, 0, 0, 1, 0.2}, {0, 1, 1, 1, 0.9}, {1, 1, 2, 1, 0.95}};
    dm_diff_report *r = NULL;
    CHECK(dm_diff(ctx, fa, fl, 2, en, el, 3, b, 3, &r) == DM_OK);
    dm_pair_view v = {.src_name = "fa.txt", .tgt_name = "en & co.txt", .src = fa, .src_len = fl, .n_src = 2,
                      .tgt = en, .tgt_len = el, .n_tgt = 3, .blocks = b, .n_blocks = 3, .diff = r};
    char *html = NULL;
    size_t len = 0;
    CHECK(dm_pair_html(ctx, &v, 1, &html, &len) == DM_OK && html && strlen(html) == len);
    if (html) {
        CHECK(strstr(html, "<p dir=\"rtl\"><span class=\"n\">0</span> رهبر") != NULL);
        CHECK(strstr(html, "<p dir=\"ltr\"><span class=\"n\">1</span> The Leader") != NULL);
        CHECK(strstr(html, "<tr class=\"only\"><td></td><td><p dir=\"ltr\"><span class=\"n\">0</span>") != NULL);
        CHECK(strstr(html, "&lt;Leader&gt; &amp; the") != NULL);
        CHECK(strstr(html, "<mark>21</mark>") != NULL);
        CHECK(strstr(html, "en &amp; co.txt") != NULL);
        CHECK(strstr(html, "<!DOCTYPE html>") == html && strstr(html, "</html>") != NULL);
    }
    free(html);
    /* a fragment for a page of one's own: no document around it */
    CHECK(dm_pair_html(ctx, &v, 0, &html, &len) == DM_OK && html && !strstr(html, "<html>"));
    free(html);
    dm_align_block bad[] = {{0, 1, 2, 2, 0.9}};
    v.blocks = bad;
    v.n_blocks = 1;
    v.diff = NULL;
    html = NULL;
    CHECK(dm_pair_html(ctx, &v, 1, &html, &len) == DM_EINVAL && !html);
    dm_diff_free(r);
    dm_ctx_free(ctx);
    return check_done("test_pair_html");
}
