/*
 * test_align.c -- sentence alignment and divergences on real text: the example articles (Persian
 * 003 vs English 004, Hindi 000 vs English 001, partial translations), the invariants (blocks
 * monotone and covering), an empty side, one sentence, 10,000 sentences, omissions found.
 */
#define _GNU_SOURCE
#include "check.h"
#include "dragoman.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sents {
    char *buf;
    const char **t;
    size_t *l;
    size_t n;
} sents;

static void load(dm_ctx *ctx, const char *path, sents *s)
{
    size_t len;
    memset(s, 0, sizeof *s);
    s->buf = check_read_file(path, &len);
    CHECK(s->buf != NULL);
    if (!s->buf)
        return;
    dm_span *sp = NULL;
    CHECK(dm_segment(ctx, s->buf, len, &sp, &s->n) == DM_OK);
    s->t = malloc((s->n + 1) * sizeof *s->t);
    s->l = malloc((s->n + 1) * sizeof *s->l);
    for (size_t k = 0; k < s->n; k++) {
        s->t[k] = s->buf + sp[k].start;
        s->l[k] = sp[k].len;
    }
    free(sp);
}

static void sents_free(sents *s)
{
    free(s->buf);
    free(s->t);
    free(s->l);
}

/* Blocks in order, each side contiguous and every sentence covered once. */
static int valid(const dm_align_block *b, size_t nb, size_t n, size_t m)
{
    size_t i = 0, j = 0;
    for (size_t k = 0; k < nb; k++) {
        if (b[k].src_start != i || b[k].tgt_start != j || (!b[k].src_n && !b[k].tgt_n))
            return 0;
        if (b[k].src_n > 4 || b[k].tgt_n > 4 || b[k].score < 0 || b[k].score > 1)
            return 0;
        i += b[k].src_n;
        j += b[k].tgt_n;
    }
    return i == n && j == m;
}

static size_t find(const sents *s, const char *needle)
{
    for (size_t k = 0; k < s->n; k++)
        if (memmem(s->t[k], s->l[k], needle, strlen(needle)))
            return k;
    return SIZE_MAX;
}

static int linked(const dm_align_block *b, size_t nb, size_t i, size_t j)
{
    for (size_t k = 0; k < nb; k++)
        if (i >= b[k].src_start && i < b[k].src_start + b[k].src_n && j >= b[k].tgt_start &&
            j < b[k].tgt_start + b[k].tgt_n)
            return 1;
    return 0;
}

static void test_examples(dm_ctx *ctx)
{
    sents hi, en1, fa, en4;
    load(ctx, "examples/iran-iraq/000_53f2f7017102b22e.txt", &hi);
    load(ctx, "examples/iran-iraq/001_e90ef68c3666fdb9.txt", &en1);
    load(ctx, "examples/iran-iraq/003_7524bfdbcb54633c.txt", &fa);
    load(ctx, "examples/iran-iraq/004_5e79b54d010dd1a8.txt", &en4);
    dm_align_block *b = NULL;
    size_t nb = 0;
    CHECK(dm_align(ctx, NULL, hi.t, hi.l, hi.n, en1.t, en1.l, en1.n, &b, &nb) == DM_OK);
    CHECK(valid(b, nb, hi.n, en1.n));
    /* "even one American in Iraq is too much": Hindi and English sentences line up */
    size_t i = find(&hi, "\xe0\xa4\xae\xe0\xa5\x8c\xe0\xa4\x9c\xe0\xa5\x82\xe0\xa4\xa6\xe0\xa4\x97\xe0\xa5\x80"),
           j = find(&en1, "presence of one American");
    CHECK(i != SIZE_MAX && j != SIZE_MAX);
    CHECK(linked(b, nb, i, j));
    size_t links = 0;
    for (size_t k = 0; k < nb; k++)
        links += b[k].src_n && b[k].tgt_n;
    CHECK(links * 2 >= nb); /* mostly translations */
    free(b);

    CHECK(dm_align(ctx, NULL, fa.t, fa.l, fa.n, en4.t, en4.l, en4.n, &b, &nb) == DM_OK);
    CHECK(valid(b, nb, fa.n, en4.n));
    /* the date (21 July) is written in the English version only */
    dm_diff_report *r = NULL;
    CHECK(dm_diff(ctx, fa.t, fa.l, fa.n, en4.t, en4.l, en4.n, b, nb, &r) == DM_OK);
    int date = 0;
    for (size_t k = 0; r && k < r->n; k++)
        date |= r->items[k].kind == DM_DIFF_NUMBER && r->items[k].side == 1 && !strcmp(r->items[k].what, "21");
    CHECK(date);
    /* and the English has more sentences than the Persian: something is only on its side */
    CHECK(r && r->tgt_only >= 1);
    dm_diff_free(r);
    /* blocks that are not an alignment are refused */
    if (nb > 1) {
        b[1].src_start++;
        CHECK(dm_diff(ctx, fa.t, fa.l, fa.n, en4.t, en4.l, en4.n, b, nb, &r) == DM_EINVAL);
    }
    free(b);
    sents_free(&hi);
    sents_free(&en1);
    sents_free(&fa);
    sents_free(&en4);
}

static void test_edges(dm_ctx *ctx)
{
    const char *s[] = {"Der Präsident traf am Dienstag den Premierminister.", "Sie sprachen über Öl."};
    size_t sl[] = {strlen(s[0]), strlen(s[1])};
    const char *t[] = {"The president met the prime minister on Tuesday.", "They talked about oil.",
                       "تهران ۲۱ تیر"};
    size_t tl[] = {strlen(t[0]), strlen(t[1]), strlen(t[2])};
    dm_align_block *b = NULL;
    size_t nb = 99;
    /* both sides empty: no blocks */
    CHECK(dm_align(ctx, NULL, NULL, NULL, 0, NULL, NULL, 0, &b, &nb) == DM_OK);
    CHECK(nb == 0);
    free(b);
    /* one side empty: every sentence of the other has no counterpart */
    CHECK(dm_align(ctx, NULL, NULL, NULL, 0, t, tl, 3, &b, &nb) == DM_OK);
    CHECK(valid(b, nb, 0, 3));
    for (size_t k = 0; k < nb; k++)
        CHECK(b[k].src_n == 0);
    free(b);
    /* one sentence a side: one block */
    CHECK(dm_align(ctx, NULL, s, sl, 1, t, tl, 1, &b, &nb) == DM_OK);
    CHECK(nb == 1 && b[0].src_n == 1 && b[0].tgt_n == 1);
    free(b);
    CHECK(dm_align(ctx, NULL, s, sl, 2, t, tl, 3, &b, &nb) == DM_OK);
    CHECK(valid(b, nb, 2, 3));
    free(b);
    /* a missing array is an error, not a crash */
    CHECK(dm_align(ctx, NULL, NULL, NULL, 2, t, tl, 3, &b, &nb) == DM_EINVAL);
}

/* 10,000 sentences of real text (the English example, numbered), the copy missing every 97th:
 * the alignment stays valid and finds the missing sentences. */
static void test_long(dm_ctx *ctx)
{
    sents en;
    load(ctx, "examples/iran-iraq/004_5e79b54d010dd1a8.txt", &en);
    enum { N = 10000 };
    char **src = malloc(N * sizeof *src), **tgt = malloc(N * sizeof *tgt);
    size_t *sl = malloc(N * sizeof *sl), *tl = malloc(N * sizeof *tl);
    size_t m = 0, dropped = 0;
    for (size_t k = 0; k < N; k++) {
        const char *t = en.t[k % en.n];
        size_t l = en.l[k % en.n];
        src[k] = malloc(l + 32);
        sl[k] = (size_t)snprintf(src[k], l + 32, "(%zu) %.*s", k, (int)l, t);
        if (k % 97 == 50) {
            dropped++;
            continue;
        }
        tgt[m] = src[k];
        tl[m] = sl[k];
        m++;
    }
    dm_align_block *b = NULL;
    size_t nb = 0;
    CHECK(dm_align(ctx, NULL, (const char *const *)src, sl, N, (const char *const *)tgt, tl, m, &b, &nb) ==
          DM_OK);
    CHECK(valid(b, nb, N, m));
    size_t found = 0;
    for (size_t k = 0; k < nb; k++)
        if (b[k].src_n == 1 && !b[k].tgt_n && b[k].src_start % 97 == 50)
            found++;
    CHECK(found * 10 >= dropped * 9);
    free(b);
    for (size_t k = 0; k < N; k++)
        free(src[k]);
    free(src);
    free(tgt);
    free(sl);
    free(tl);
    sents_free(&en);
}

int main(void)
{
    dm_ctx *ctx = NULL;
    CHECK(dm_ctx_new(&ctx, NULL) == DM_OK);
    test_examples(ctx);
    test_edges(ctx);
    test_long(ctx);
    dm_ctx_free(ctx);
    return check_done("test_align");
}
