/*
 * cli_common.c -- helpers every subcommand uses: a context that prints diagnostics, uniform
 * error and usage messages, reading a whole file.
 */
#include "cli.h"

#include <errno.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void print_diag(void *ud, dm_diag_level level, const char *place, const char *id,
                       const char *reason)
{
    (void)ud;
    fprintf(stderr, "dragoman: %s %s%s%s%s: %s\n", level == DM_DIAG_REJECTED ? "rejected" : "repaired",
            place ? place : "-", id ? " [" : "", id ? id : "", id ? "]" : "", reason);
}

dm_ctx *cli_ctx_new(void) { return cli_ctx_new_opts(0); }

dm_ctx *cli_ctx_new_opts(size_t max_doc_bytes)
{
    dm_ctx *ctx = NULL;
    dm_options opt = {.max_doc_bytes = max_doc_bytes};
    dm_status st = dm_ctx_new(&ctx, &opt);
    if (st != DM_OK) {
        fprintf(stderr, "dragoman: cannot create a context: %s\n", dm_status_str(st));
        return NULL;
    }
    dm_ctx_set_diag(ctx, print_diag, NULL);
    return ctx;
}

int cli_fail(dm_ctx *ctx, const char *cmd, dm_status st, const char *what)
{
    const char *msg = ctx ? dm_ctx_errmsg(ctx) : "";
    fprintf(stderr, "dragoman %s: %s: %s%s%s\n", cmd, what, dm_status_str(st), *msg ? ": " : "", msg);
    return st == DM_EINVAL ? EXIT_USAGE : EXIT_FAIL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "dragoman %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (try 'dragoman %s --help')\n", cmd);
    return EXIT_USAGE;
}

int cli_is_help(const char *arg) { return !strcmp(arg, "-h") || !strcmp(arg, "--help"); }

dm_status cli_read_all(const char *path, size_t max, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return DM_EIO;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        if (f != stdin)
            fclose(f);
        return DM_ENOMEM;
    }
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                if (f != stdin)
                    fclose(f);
                return DM_ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
        if (n > max) {
            free(buf);
            if (f != stdin)
                fclose(f);
            return DM_ELIMIT;
        }
    }
    int err = ferror(f);
    if (f != stdin)
        fclose(f);
    if (err) {
        free(buf);
        return DM_EIO;
    }
    buf[n] = 0;
    *out = buf;
    *len = n;
    return DM_OK;
}

int cli_each_stream(const char *cmd, char **files, int n, int (*fn)(void *ud, FILE *f, const char *name),
                    void *ud)
{
    if (n <= 0)
        return fn(ud, stdin, "standard input");
    int rc = EXIT_OK;
    for (int i = 0; i < n && rc == EXIT_OK; i++) {
        FILE *f = strcmp(files[i], "-") ? fopen(files[i], "r") : stdin;
        if (!f) {
            fprintf(stderr, "dragoman %s: cannot open %s: %s\n", cmd, files[i], strerror(errno));
            return EXIT_FAIL;
        }
        rc = fn(ud, f, files[i]);
        if (f != stdin)
            fclose(f);
    }
    return rc;
}
