/*
 * link_par.c -- the linker's steps that treat documents (or pairs) one at a time run on a few
 * threads. Work is cut into fixed chunks that threads take in turn; every chunk writes only its
 * own results, so the outcome is the same whatever the number of threads (and with one thread
 * no thread is started). Separate so that the steps say what they compute, not how it is shared.
 */
#include "link/link.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

enum { MAX_THREADS = 16 };

int lk_threads(void)
{
    const char *env = getenv("DM_LINK_THREADS");
    if (env && *env) {
        int n = atoi(env);
        return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : n;
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    return cpus >= 2 ? 2 : 1;
}

typedef struct job {
    lk_job_fn fn;
    void *arg;
    size_t n, chunk, nchunks;
    atomic_size_t next;
    atomic_int failed;
    dm_status st; /* the failure of the lowest chunk that failed (set under the lock) */
    size_t st_chunk;
    pthread_mutex_t lock;
} job_t;

typedef struct worker {
    job_t *job;
    int id;
} worker_t;

static void *run(void *p)
{
    worker_t *w = p;
    job_t *j = w->job;
    for (;;) {
        size_t k = atomic_fetch_add(&j->next, 1);
        if (k >= j->nchunks || atomic_load(&j->failed))
            break;
        size_t b = k * j->chunk, e = b + j->chunk < j->n ? b + j->chunk : j->n;
        dm_status st = j->fn(j->arg, w->id, k, b, e);
        if (st != DM_OK) {
            pthread_mutex_lock(&j->lock);
            if (!atomic_load(&j->failed) || k < j->st_chunk) {
                j->st = st;
                j->st_chunk = k;
            }
            atomic_store(&j->failed, 1);
            pthread_mutex_unlock(&j->lock);
        }
    }
    return NULL;
}

dm_status lk_parallel(int threads, size_t n, size_t chunk, lk_job_fn fn, void *arg)
{
    if (!n)
        return DM_OK;
    if (chunk < 1)
        chunk = 1;
    job_t j = {.fn = fn, .arg = arg, .n = n, .chunk = chunk, .nchunks = (n + chunk - 1) / chunk, .st = DM_OK};
    atomic_init(&j.next, 0);
    atomic_init(&j.failed, 0);
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    if ((size_t)threads > j.nchunks)
        threads = (int)j.nchunks;
    if (threads <= 1) { /* no thread at all: the chunks in order on the caller's */
        for (size_t k = 0; k < j.nchunks; k++) {
            size_t b = k * chunk, e = b + chunk < n ? b + chunk : n;
            dm_status st = fn(arg, 0, k, b, e);
            if (st != DM_OK)
                return st;
        }
        return DM_OK;
    }
    pthread_mutex_init(&j.lock, NULL);
    pthread_t tid[MAX_THREADS];
    worker_t w[MAX_THREADS];
    int started = 0;
    for (int t = 1; t < threads; t++) {
        w[t] = (worker_t){&j, t};
        if (pthread_create(&tid[t], NULL, run, &w[t]) != 0)
            break; /* fewer threads: the others take the work */
        started = t;
    }
    w[0] = (worker_t){&j, 0};
    run(&w[0]);
    for (int t = 1; t <= started; t++)
        pthread_join(tid[t], NULL);
    pthread_mutex_destroy(&j.lock);
    return atomic_load(&j.failed) ? j.st : DM_OK;
}
