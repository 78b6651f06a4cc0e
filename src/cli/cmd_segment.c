/*
 * cmd_segment.c -- `dragoman segment [FILE]`: sentences of a text, one a line (or the matching
 * form of each with --match), for looking at what the text pipeline does.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman segment [--match] [FILE]\n\n"
    "Cut a text (FILE, or standard input) into sentences and print one a line. With --match,\n"
    "print each sentence's matching form instead (case and compatibility folded, Arabic-script\n"
    "letters unified, vowel marks dropped, digits of every system made ASCII).\n";

int cmd_segment(int argc, char **argv)
{
    int match = 0;
    const char *path = "-";
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(help, stdout);
            return EXIT_OK;
        } else if (!strcmp(argv[i], "--match"))
            match = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage("segment", "unknown option %s", argv[i]);
        else
            path = argv[i];
    }
    char *raw;
    size_t len, max = (size_t)64 << 20;
    dm_status rs = cli_read_all(path, max, &raw, &len);
    if (rs == DM_ELIMIT) {
        fprintf(stderr, "dragoman segment: %s is over the limit of %zu bytes\n", path, max);
        return EXIT_FAIL;
    } else if (rs) {
        fprintf(stderr, "dragoman segment: cannot read %s\n", path);
        return EXIT_FAIL;
    }
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx) {
        free(raw);
        return EXIT_FAIL;
    }
    dm_span *sp = NULL;
    size_t n = 0;
    dm_status st = dm_segment(ctx, raw, len, &sp, &n);
    for (size_t i = 0; !st && i < n; i++) {
        if (match) {
            char *m;
            size_t mlen;
            st = dm_match_form(ctx, raw + sp[i].start, sp[i].len, &m, &mlen);
            if (!st) {
                printf("%s\n", m);
                free(m);
            }
        } else {
            printf("%.*s\n", (int)sp[i].len, raw + sp[i].start);
        }
    }
    int rc = st ? cli_fail(ctx, "segment", st, path) : EXIT_OK;
    free(sp);
    free(raw);
    dm_ctx_free(ctx);
    return rc;
}
