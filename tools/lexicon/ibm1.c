/*
 * ibm1.c -- build-time helper for tools/lexicon: word translation probabilities learnt from
 * sentence-aligned text with IBM Model 1 (EM), in both directions.
 *
 * Input (stdin): one aligned pair a line, "x tokens<TAB>english tokens", tokens space-separated
 * (already cut and case-folded by icu_words). Output (stdout): for each word pair that co-occurs,
 *   x<TAB>e<TAB>p(e|x)<TAB>p(x|e)<TAB>count(x)<TAB>count(e)
 * when p(e|x) * p(x|e) is not negligible. The two directions are trained separately (each with a
 * NULL word on the other side); the builder combines them, which removes most of IBM-1's garbage
 * collection by rare words. In C rather than Python because the catalogues give a few million
 * word pairs per language and the builder runs it for a hundred languages.
 *
 * Usage: ibm1 [iterations=6] [min_product=0.0025]
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SENT_TOKENS 80

typedef struct vocab {
    char **words;
    uint32_t *counts;
    size_t n, cap;
    int32_t *slots; /* open addressing over word ids, -1 empty */
    size_t nslots;
} vocab;

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("ibm1: out of memory\n", stderr);
        exit(1);
    }
    return q;
}

static int32_t vocab_id(vocab *v, const char *w, size_t n)
{
    if (v->n * 2 >= v->nslots) {
        size_t ns = v->nslots ? v->nslots * 2 : 1024;
        int32_t *sl = xrealloc(NULL, ns * sizeof *sl);
        for (size_t i = 0; i < ns; i++)
            sl[i] = -1;
        for (size_t id = 0; id < v->n; id++) {
            size_t h = hash_bytes(v->words[id], strlen(v->words[id])) & (ns - 1);
            while (sl[h] >= 0)
                h = (h + 1) & (ns - 1);
            sl[h] = (int32_t)id;
        }
        free(v->slots);
        v->slots = sl;
        v->nslots = ns;
    }
    size_t h = hash_bytes(w, n) & (v->nslots - 1);
    while (v->slots[h] >= 0) {
        const char *o = v->words[v->slots[h]];
        if (strlen(o) == n && memcmp(o, w, n) == 0)
            return v->slots[h];
        h = (h + 1) & (v->nslots - 1);
    }
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1024;
        v->words = xrealloc(v->words, v->cap * sizeof *v->words);
        v->counts = xrealloc(v->counts, v->cap * sizeof *v->counts);
    }
    char *c = xrealloc(NULL, n + 1);
    memcpy(c, w, n);
    c[n] = 0;
    v->words[v->n] = c;
    v->counts[v->n] = 0;
    v->slots[h] = (int32_t)v->n;
    return (int32_t)v->n++;
}

/* Pair table: (x, e) -> index, both ids including NULL = 0. */
typedef struct pairs {
    uint64_t *keys; /* (x << 32 | e) + 1, 0 empty */
    uint32_t *vals;
    size_t nslots, n;
} pairs;

static uint32_t pair_id(pairs *p, uint32_t x, uint32_t e)
{
    if (p->n * 2 >= p->nslots) {
        size_t ns = p->nslots ? p->nslots * 2 : 1 << 16;
        uint64_t *k = calloc(ns, sizeof *k);
        uint32_t *v = xrealloc(NULL, ns * sizeof *v);
        if (!k)
            exit(1);
        for (size_t i = 0; i < p->nslots; i++) {
            if (!p->keys[i])
                continue;
            size_t h = (size_t)((p->keys[i] * 0x9E3779B97F4A7C15ull) >> 20) & (ns - 1);
            while (k[h])
                h = (h + 1) & (ns - 1);
            k[h] = p->keys[i];
            v[h] = p->vals[i];
        }
        free(p->keys);
        free(p->vals);
        p->keys = k;
        p->vals = v;
        p->nslots = ns;
    }
    uint64_t key = (((uint64_t)x << 32) | e) + 1;
    size_t h = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (p->nslots - 1);
    while (p->keys[h]) {
        if (p->keys[h] == key)
            return p->vals[h];
        h = (h + 1) & (p->nslots - 1);
    }
    p->keys[h] = key;
    p->vals[h] = (uint32_t)p->n;
    return (uint32_t)p->n++;
}

static size_t split(char *s, char **out, size_t cap)
{
    size_t n = 0;
    for (char *tok = strtok(s, " "); tok; tok = strtok(NULL, " "))
        if (n < cap)
            out[n++] = tok;
        else
            return cap + 1;
    return n;
}

int main(int argc, char **argv)
{
    int iters = argc > 1 ? atoi(argv[1]) : 6;
    double min_product = argc > 2 ? atof(argv[2]) : 0.0025;
    vocab vx = {0}, ve = {0};
    vocab_id(&vx, "<null>", 6);
    vocab_id(&ve, "<null>", 6);
    pairs pt = {0};
    /* corpus: per sentence lx, le, then the (lx+1)*(le+1) pair indices */
    uint32_t *corp = NULL;
    size_t nc = 0, capc = 0, nsent = 0;
    char *line = NULL;
    size_t lcap = 0;
    char *xs[MAX_SENT_TOKENS + 2], *es[MAX_SENT_TOKENS + 2];
    uint32_t xi[MAX_SENT_TOKENS + 1], ei[MAX_SENT_TOKENS + 1];
    while (getline(&line, &lcap, stdin) >= 0) {
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = 0;
        char *nl = strchr(tab + 1, '\n');
        if (nl)
            *nl = 0;
        size_t lx = split(line, xs, MAX_SENT_TOKENS);
        size_t le = split(tab + 1, es, MAX_SENT_TOKENS);
        if (lx == 0 || le == 0 || lx > MAX_SENT_TOKENS || le > MAX_SENT_TOKENS)
            continue;
        xi[0] = ei[0] = 0;
        for (size_t i = 0; i < lx; i++) {
            xi[i + 1] = (uint32_t)vocab_id(&vx, xs[i], strlen(xs[i]));
            vx.counts[xi[i + 1]]++;
        }
        for (size_t j = 0; j < le; j++) {
            ei[j + 1] = (uint32_t)vocab_id(&ve, es[j], strlen(es[j]));
            ve.counts[ei[j + 1]]++;
        }
        size_t need = 2 + (lx + 1) * (le + 1);
        if (nc + need > capc) {
            capc = (nc + need) * 2;
            corp = xrealloc(corp, capc * sizeof *corp);
        }
        corp[nc++] = (uint32_t)lx;
        corp[nc++] = (uint32_t)le;
        for (size_t i = 0; i <= lx; i++)
            for (size_t j = 0; j <= le; j++)
                corp[nc++] = pair_id(&pt, xi[i], ei[j]);
        nsent++;
    }
    free(line);
    size_t np = pt.n;
    uint32_t *px = xrealloc(NULL, np * sizeof *px), *pe = xrealloc(NULL, np * sizeof *pe);
    for (size_t i = 0; i < pt.nslots; i++)
        if (pt.keys[i]) {
            uint64_t k = pt.keys[i] - 1;
            px[pt.vals[i]] = (uint32_t)(k >> 32);
            pe[pt.vals[i]] = (uint32_t)(k & 0xffffffffu);
        }
    /* t_f[p] = p(e|x), t_b[p] = p(x|e); uniform start */
    double *tf = xrealloc(NULL, np * sizeof *tf), *tb = xrealloc(NULL, np * sizeof *tb);
    double *cf = xrealloc(NULL, np * sizeof *cf), *cb = xrealloc(NULL, np * sizeof *cb);
    double *totx = xrealloc(NULL, vx.n * sizeof *totx), *tote = xrealloc(NULL, ve.n * sizeof *tote);
    for (size_t p = 0; p < np; p++)
        tf[p] = tb[p] = 1.0;
    for (int it = 0; it < iters; it++) {
        memset(cf, 0, np * sizeof *cf);
        memset(cb, 0, np * sizeof *cb);
        for (size_t o = 0; o < nc;) {
            size_t lx = corp[o], le = corp[o + 1];
            const uint32_t *m = corp + o + 2;
            size_t w = le + 1;
            for (size_t j = 1; j <= le; j++) { /* each english word from some x or NULL */
                double z = 0;
                for (size_t i = 0; i <= lx; i++)
                    z += tf[m[i * w + j]];
                for (size_t i = 0; i <= lx; i++)
                    cf[m[i * w + j]] += tf[m[i * w + j]] / z;
            }
            for (size_t i = 1; i <= lx; i++) { /* each x word from some english word or NULL */
                double z = 0;
                for (size_t j = 0; j <= le; j++)
                    z += tb[m[i * w + j]];
                for (size_t j = 0; j <= le; j++)
                    cb[m[i * w + j]] += tb[m[i * w + j]] / z;
            }
            o += 2 + (lx + 1) * (le + 1);
        }
        memset(totx, 0, vx.n * sizeof *totx);
        memset(tote, 0, ve.n * sizeof *tote);
        for (size_t p = 0; p < np; p++) {
            totx[px[p]] += cf[p];
            tote[pe[p]] += cb[p];
        }
        for (size_t p = 0; p < np; p++) {
            tf[p] = totx[px[p]] > 0 ? cf[p] / totx[px[p]] : 0;
            tb[p] = tote[pe[p]] > 0 ? cb[p] / tote[pe[p]] : 0;
        }
    }
    for (size_t p = 0; p < np; p++) {
        if (px[p] == 0 || pe[p] == 0 || tf[p] * tb[p] < min_product)
            continue;
        printf("%s\t%s\t%.4f\t%.4f\t%u\t%u\n", vx.words[px[p]], ve.words[pe[p]], tf[p], tb[p],
               vx.counts[px[p]], ve.counts[pe[p]]);
    }
    fprintf(stderr, "ibm1: %zu sentence pairs, %zu x words, %zu english words, %zu pairs\n", nsent,
            vx.n - 1, ve.n - 1, np);
    return 0;
}
