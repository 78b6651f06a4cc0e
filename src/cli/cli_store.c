/*
 * cli_store.c -- the part every store-reading command shares: `--db PATH` and `--help`
 * parsing, and opening a context with the store read-only.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

int cli_parse_store_opts(int argc, char **argv, const char *cmd, const char *help, const char **db,
                         int *first_arg)
{
    *db = dm_store_default_path();
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    for (int c; (c = getopt_long(argc, argv, "h", opts, NULL)) != -1;) {
        if (c == 'd')
            *db = optarg;
        else if (c == 'h') {
            fputs(help, stdout);
            return -1;
        } else
            return cli_usage(cmd, "unknown option");
    }
    *first_arg = optind;
    return 0;
}

int cli_open_store(const char *cmd, const char *db, int read_only, dm_ctx **ctx, dm_store **st)
{
    *st = NULL;
    *ctx = cli_ctx_new();
    if (!*ctx)
        return EXIT_FAIL;
    dm_status s = dm_store_open(*ctx, db, read_only, st);
    if (s) {
        int rc = cli_fail(*ctx, cmd, s, db);
        dm_ctx_free(*ctx);
        *ctx = NULL;
        return rc;
    }
    return EXIT_OK;
}

int cli_close_store(const char *cmd, dm_ctx *ctx, dm_store *st, int rc)
{
    dm_status s = dm_store_close(st);
    if (s && rc == EXIT_OK)
        rc = cli_fail(ctx, cmd, s, "closing the store");
    dm_ctx_free(ctx);
    return rc;
}
