/*
 * cmd_cluster.c -- `dragoman cluster DOCS.jsonl`: the story of every document, printed as
 * id<TAB>cluster (documents telling one story, in any language, share a label).
 */
#include "cli.h"
#include "cli_docs.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman cluster DOCS.jsonl\n\n"
    "Groups documents that tell the same story, in any mix of languages: translations and\n"
    "retellings of one event share a cluster. Input: one JSON object a line, {\"id\", \"text\"}\n"
    "(\"-\" reads standard input). Output: id<TAB>cluster for every document.\n";

int cmd_cluster(int argc, char **argv)
{
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (argv[i][0] == '-' && argv[i][1])
            return cli_usage("cluster", "unknown option %s", argv[i]);
        if (path)
            return cli_usage("cluster", "one input file only");
        path = argv[i];
    }
    if (!path)
        return cli_usage("cluster", "no input file");
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx)
        return EXIT_FAIL;
    cli_docs docs = {0};
    dm_status st = cli_docs_read(ctx, path, &docs);
    int rejected = st == DM_EPARTIAL;
    if (st != DM_OK && st != DM_EPARTIAL) {
        int rc = cli_fail(ctx, "cluster", st, path);
        cli_docs_free(&docs);
        dm_ctx_free(ctx);
        return rc;
    }
    size_t *labels = malloc((docs.n + 1) * sizeof *labels);
    st = labels ? dm_cluster(ctx, docs.doc, docs.n, labels) : DM_ENOMEM;
    int rc = EXIT_OK;
    if (st != DM_OK)
        rc = cli_fail(ctx, "cluster", st, path);
    else {
        for (size_t i = 0; i < docs.n; i++)
            printf("%s\tc%zu\n", docs.doc[i].id, labels[i]);
        if (fflush(stdout) != 0)
            rc = EXIT_FAIL;
        else if (rejected)
            rc = EXIT_PARTIAL;
    }
    free(labels);
    cli_docs_free(&docs);
    dm_ctx_free(ctx);
    return rc;
}
