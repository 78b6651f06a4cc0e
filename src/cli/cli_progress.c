/*
 * cli_progress.c -- a progress line on stderr for long jobs, only when stderr is a terminal
 * (pipes and logs stay silent), redrawn at most five times a second.
 */
#include "cli.h"

#include <time.h>
#include <unistd.h>

void cli_progress(cli_progress_state *p, size_t done, const char *unit)
{
    if (p->disabled)
        return;
    if (!p->started) {
        p->started = 1;
        p->disabled = !isatty(2);
        if (p->disabled)
            return;
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double t = (double)now.tv_sec + (double)now.tv_nsec / 1e9;
    if (t - p->last < 0.2)
        return;
    p->last = t;
    p->shown = 1;
    fprintf(stderr, "\r%zu %s...", done, unit);
    fflush(stderr);
}

void cli_progress_end(cli_progress_state *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr);
    p->shown = 0;
}
