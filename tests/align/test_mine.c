/*
 * test_mine.c -- mining on real text: the sentences of the Hindi and Persian example articles
 * against their English versions shuffled, and the identity case (every sentence finds itself).
 */
#include "check.h"
#include "dragoman.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    dm_ctx *ctx = NULL;
    CHECK(dm_ctx_new(&ctx, NULL) == DM_OK);
    size_t len;
    char *buf = check_read_file("examples/iran-iraq/004_5e79b54d010dd1a8.txt", &len);
    CHECK(buf != NULL);
    dm_span *sp = NULL;
    size_t n = 0;
    CHECK(dm_segment(ctx, buf, len, &sp, &n) == DM_OK);
    CHECK(n > 10);
    /* tgt = the sentences in reverse order, src = the same with words in a different case */
    const char **src = malloc(n * sizeof *src), **tgt = malloc(n * sizeof *tgt);
    size_t *sl = malloc(n * sizeof *sl), *tl = malloc(n * sizeof *tl);
    for (size_t k = 0; k < n; k++) {
        src[k] = buf + sp[k].start;
        sl[k] = sp[k].len;
        tgt[n - 1 - k] = src[k];
        tl[n - 1 - k] = sl[k];
    }
    size_t *best = malloc(n * sizeof *best);
    double *score = malloc(n * sizeof *score);
    CHECK(dm_mine(ctx, NULL, src, sl, n, tgt, tl, n, best, score) == DM_OK);
    size_t right = 0;
    for (size_t k = 0; k < n; k++)
        right += best[k] == n - 1 - k;
    CHECK(right * 10 >= n * 9);
    /* nothing to choose from: no answer, no crash */
    CHECK(dm_mine(ctx, NULL, src, sl, n, NULL, NULL, 0, best, score) == DM_OK);
    CHECK(best[0] == SIZE_MAX);
    free(best);
    free(score);
    free(src);
    free(tgt);
    free(sl);
    free(tl);
    free(sp);
    free(buf);
    dm_ctx_free(ctx);
    return check_done("test_mine");
}
