/*
 * bench_langid.c -- dragoman's language identifier next to CLD2 (Debian's libcld2, full model)
 * and libexttextcat on the same lines in one run: lines per second of each (classification
 * only, the lines are in memory) and one prediction file per system for the shared scorer.
 *
 *   bench_langid TEXT OUTDIR     writes OUTDIR/{dragoman,cld2,exttextcat}.pred
 *   bench_langid TEXT OUTDIR R   dragoman and CLD2 only, timed alternately R times, the best
 *                                run of each reported (the machine is shared: single runs vary)
 *
 * A peer harness: it lives in bench/ and the library never links the peers.
 */
#include "dragoman.h"

#include <libexttextcat/textcat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *bench_cld2_detect(const char *text, int len, int *reliable);

typedef struct lines {
    char **s;
    size_t *len, n;
} lines;

static int read_lines(const char *path, lines *L)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t cap = 1024;
    L->s = malloc(cap * sizeof *L->s);
    L->len = malloc(cap * sizeof *L->len);
    L->n = 0;
    char *buf = NULL;
    size_t bcap = 0;
    ssize_t got;
    while ((got = getline(&buf, &bcap, f)) >= 0) {
        if (L->n == cap) {
            cap *= 2;
            L->s = realloc(L->s, cap * sizeof *L->s);
            L->len = realloc(L->len, cap * sizeof *L->len);
        }
        while (got > 0 && (buf[got - 1] == '\n' || buf[got - 1] == '\r'))
            got--;
        L->s[L->n] = malloc((size_t)got + 1);
        memcpy(L->s[L->n], buf, (size_t)got);
        L->s[L->n][got] = 0;
        L->len[L->n++] = (size_t)got;
    }
    free(buf);
    fclose(f);
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void write_pred(const char *dir, const char *name, char (*pred)[16], size_t n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.pred", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return;
    }
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s\n", pred[i]);
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: bench_langid TEXT OUTDIR [ROUNDS]\n");
        return 2;
    }
    int rounds = argc == 4 ? atoi(argv[3]) : 0;
    lines L;
    if (read_lines(argv[1], &L)) {
        perror(argv[1]);
        return 3;
    }
    char(*pred)[16] = calloc(L.n, sizeof *pred);
    dm_ctx *ctx;
    if (dm_ctx_new(&ctx, NULL) != DM_OK)
        return 3;

    /* dragoman: load the model before timing, as a long-running caller would */
    double t0 = now();
    dm_lang_guess g;
    size_t n;
    /* answers as `dragoman langid` gives them: macrolanguages (sh, no) on */
    if (dm_langid_macrolanguages(ctx, 1) != DM_OK || dm_langid(ctx, "warm up", 7, &g, 1, &n) != DM_OK) {
        fprintf(stderr, "dragoman: %s\n", dm_ctx_errmsg(ctx));
        return 3;
    }
    double load = now() - t0;
    double best_dm = 1e30, best_cld2 = 1e30;
    for (int r = 0; r < (rounds > 0 ? rounds : 1); r++) {
        t0 = now();
        for (size_t i = 0; i < L.n; i++) {
            dm_langid(ctx, L.s[i], L.len[i], &g, 1, &n);
            snprintf(pred[i], sizeof pred[i], "%s", n ? g.code : "und");
        }
        double dt = now() - t0;
        if (dt < best_dm)
            best_dm = dt;
        if (r == 0)
            write_pred(argv[2], "dragoman", pred, L.n);
        t0 = now();
        for (size_t i = 0; i < L.n; i++) {
            int reliable;
            const char *code = bench_cld2_detect(L.s[i], (int)L.len[i], &reliable);
            snprintf(pred[i], sizeof pred[i], "%s", code);
        }
        dt = now() - t0;
        if (dt < best_cld2)
            best_cld2 = dt;
        if (r == 0)
            write_pred(argv[2], "cld2", pred, L.n);
    }
    printf("dragoman    %8.0f lines/s  (%zu lines in %.2f s; model loaded in %.1f ms)\n",
           L.n / best_dm, L.n, best_dm, load * 1e3);
    printf("cld2        %8.0f lines/s  (%zu lines in %.2f s)\n", L.n / best_cld2, L.n, best_cld2);
    dm_ctx_free(ctx);
    if (rounds > 0) {
        for (size_t i = 0; i < L.n; i++)
            free(L.s[i]);
        free(L.s);
        free(L.len);
        free(pred);
        return 0;
    }
    double dt;

    void *tc = special_textcat_Init(TEXTCAT_CONF, TEXTCAT_PREFIX);
    if (!tc) {
        fprintf(stderr, "exttextcat: cannot load %s\n", TEXTCAT_CONF);
        return 3;
    }
    t0 = now();
    for (size_t i = 0; i < L.n; i++) {
        const char *r = textcat_Classify(tc, L.s[i], L.len[i]);
        /* "[en--utf8][de--utf8]", "SHORT" or "UNKNOWN": the first category's language */
        if (r[0] == '[') {
            size_t k = 0;
            for (const char *p = r + 1; *p && *p != '-' && *p != ']' && k < 15; p++)
                pred[i][k++] = *p;
            pred[i][k] = 0;
        } else {
            strcpy(pred[i], "und");
        }
    }
    dt = now() - t0;
    printf("exttextcat  %8.0f lines/s  (%zu lines in %.2f s)\n", L.n / dt, L.n, dt);
    write_pred(argv[2], "exttextcat", pred, L.n);
    textcat_Done(tc);

    for (size_t i = 0; i < L.n; i++)
        free(L.s[i]);
    free(L.s);
    free(L.len);
    free(pred);
    return 0;
}
