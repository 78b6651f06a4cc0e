/*
 * bench_read.c -- throughput of the foundation: read + clean (NFC) + segment every document of
 * the paths given, then print documents/s, MB/s and peak memory. Run by bench/read.sh.
 */
#include "dragoman.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

typedef struct totals {
    dm_ctx *ctx;
    size_t docs, bytes, sentences;
} totals;

static dm_status on_doc(void *ud, const dm_doc *doc)
{
    totals *t = ud;
    dm_span *sp;
    size_t n;
    dm_status st = dm_segment(t->ctx, doc->text, doc->text_len, &sp, &n);
    if (st)
        return st;
    free(sp);
    t->docs++;
    t->bytes += doc->text_len;
    t->sentences += n;
    return DM_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_read PATH...\n");
        return 2;
    }
    totals t = {0};
    if (dm_ctx_new(&t.ctx, NULL))
        return 3;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 1; i < argc; i++) {
        dm_status st = dm_read_path(t.ctx, argv[i], on_doc, &t);
        if (st && st != DM_EPARTIAL) {
            fprintf(stderr, "bench_read: %s: %s\n", argv[i], dm_ctx_errmsg(t.ctx));
            return 3;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("documents %zu  sentences %zu  MB %.1f  seconds %.2f\n", t.docs, t.sentences,
           (double)t.bytes / 1e6, secs);
    printf("documents/s %.0f  MB/s %.1f  peak_MB %.1f\n", (double)t.docs / secs,
           (double)t.bytes / 1e6 / secs, (double)ru.ru_maxrss / 1024.0);
    dm_ctx_free(t.ctx);
    return 0;
}
