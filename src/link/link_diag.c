/*
 * link_diag.c -- what the linker prints about itself with DM_LINK_TIMING set: the time and the
 * memory of each phase, and where the memory of the collection is. Diagnostics for the
 * benchmark only (silent otherwise), kept apart from the steps they measure.
 */
#include "link/link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Resident and peak resident memory in MB from /proc (0 where there is no /proc): the memory
 * each phase leaves behind, for the benchmark. */
static void rss_mb(long *now, long *peak)
{
    *now = *peak = 0;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return;
    char line[128];
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "VmRSS:", 6))
            *now = strtol(line + 6, NULL, 10) / 1024;
        else if (!strncmp(line, "VmHWM:", 6))
            *peak = strtol(line + 6, NULL, 10) / 1024;
    }
    fclose(f);
}

void lk_tick(lk_coll *c, const char *what)
{
    struct timespec now;
    if (!getenv("DM_LINK_TIMING"))
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double t = (double)now.tv_sec + (double)now.tv_nsec / 1e9;
    long rss, peak;
    rss_mb(&rss, &peak);
    if (what)
        fprintf(stderr, "link: %-12s %.3f s  rss %ld MB, peak %ld MB\n", what, t - c->tick, rss, peak);
    c->tick = t;
}

static double mb(size_t bytes) { return (double)bytes / (1024.0 * 1024.0); }

void lk_mem_report(const lk_coll *c, const char *when)
{
    if (!getenv("DM_LINK_TIMING"))
        return;
    size_t nf = 0, nstat = 0, nw = 0;
    for (size_t i = 0; i < c->n; i++) {
        nf += c->d[i].nf;
        nstat += c->d[i].nstat;
        nw += c->d[i].nwords;
    }
    size_t kinds[LK_KIND_COUNT] = {0}, fbytes = 0, wbytes = 0;
    for (size_t i = 0; i < c->n; i++) {
        const lk_doc *d = &c->d[i];
        for (int part = 0; part < 2; part++) {
            lk_gaps g = lk_doc_gaps(d, part);
            for (uint32_t j = part ? d->nstat : 0; j < (part ? d->nf : d->nstat); j++)
                kinds[c->feats.kind[lk_gaps_next(&g)]]++;
        }
        fbytes += (d->gs + d->gp) * sizeof(uint16_t) + d->nf * sizeof(lk_wq) + d->nnums * sizeof(uint32_t);
        wbytes += d->wg * sizeof(uint16_t) + d->nwords;
    }
    double n = (double)(c->n ? c->n : 1);
    fprintf(stderr,
            "link: memory %s: documents %.0f MB (features %.0f MB: %.0f a document, %.0f numbers, "
            "%.0f keys, %.0f n-grams, %.0f pivots; words %.0f MB: %.0f distinct a document), word types %zu "
            "(%.0f MB), features %zu (%.0f MB), lexicon cache %.0f MB, pairs %zu (%.0f MB)\n",
            when, mb(c->cap * sizeof *c->d), mb(fbytes), (double)nf / n,
            (double)kinds[LK_NUM] / n, (double)kinds[LK_KEY] / n, (double)kinds[LK_GRAM] / n,
            (double)kinds[LK_PIVOT] / n, mb(wbytes), (double)nw / n, c->words.n,
            mb(c->words.cap * sizeof(lk_word) + c->words.gcap * 4 + c->words.strs.cap +
               c->words.map.cap * 12),
            c->feats.n, mb(c->feats.cap * 17 + c->feats.strs.cap + c->feats.map.cap * 12),
            mb(c->lex_cap * sizeof(lk_fw) + c->lex_map.cap * 12), c->npairs, mb(c->npairs * sizeof(lk_pair)));
    (void)nstat;
}
