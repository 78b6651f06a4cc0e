/*
 * cmd_names.c -- `dragoman names [FILE]`: how each line's name is matched across scripts (its
 * Latin form and its key), for a user asking why two spellings do or do not meet.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman names [FILE...]\n\n"
    "Read one name a line (standard input when no FILE is given) and print\n"
    "NAME<TAB>LATIN<TAB>KEY: the Latin form dragoman gives it and the key that carries it\n"
    "across scripts (Rashid, रशीद and رشيد share the key 'rst'). Two spellings are taken for\n"
    "one name by linking and the divergence report when their keys agree.\n";

static int run(void *ud, FILE *f, const char *name)
{
    dm_ctx *ctx = ud;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int rc = EXIT_OK;
    while (rc == EXIT_OK && (got = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)got;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        char latin[256], key[64];
        dm_status st = dm_name_form(ctx, line, len, latin, sizeof latin, key, sizeof key);
        if (st != DM_OK)
            rc = cli_fail(ctx, "names", st, name);
        else if (printf("%.*s\t%s\t%s\n", (int)len, line, latin, key) < 0)
            rc = EXIT_FAIL;
    }
    if (rc == EXIT_OK && ferror(f)) {
        fprintf(stderr, "dragoman names: cannot read %s\n", name);
        rc = EXIT_FAIL;
    }
    free(line);
    return rc;
}

int cmd_names(int argc, char **argv)
{
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(help, stdout);
            return EXIT_OK;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage("names", "unknown option '%s'", argv[i]);
        } else {
            first = i;
            break;
        }
    }
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx)
        return EXIT_FAIL;
    int rc = cli_each_stream("names", argv + first, argc - first, run, ctx);
    if (fflush(stdout) == EOF && rc == EXIT_OK)
        rc = EXIT_FAIL;
    dm_ctx_free(ctx);
    return rc;
}
