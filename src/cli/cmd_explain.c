/*
 * cmd_explain.c -- `dragoman explain [--db PATH | --docs DOCS] ID1 ID2`: the evidence that joins two
 * documents into one story or keeps them apart, as the linker saw it within the whole collection
 * (what is rare or common depends on the collection).
 */
#include "cli.h"
#include "cli_docs.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman explain [--db PATH | --docs DOCS.jsonl] ID1 ID2\n\n"
    "Prints why the two documents are, or are not, one story: their languages, the numbers,\n"
    "names and words they share, how their lengths compare, and how the pair stands against\n"
    "the other candidates of the collection. The collection is the store (--db, default\n"
    "$DRAGOMAN_DB or ./dragoman.db), or a file of documents (--docs: JSONL, folder, WARC).\n";

int cmd_explain(int argc, char **argv)
{
    const char *path = NULL, *db = NULL, *ids[2] = {NULL, NULL};
    int nid = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (!strcmp(argv[i], "--docs")) {
            if (++i >= argc)
                return cli_usage("explain", "--docs needs a file");
            path = argv[i];
        } else if (!strcmp(argv[i], "--db")) {
            if (++i >= argc)
                return cli_usage("explain", "--db needs a path");
            db = argv[i];
        } else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage("explain", "unknown option %s", argv[i]);
        else if (nid < 2)
            ids[nid++] = argv[i];
        else
            return cli_usage("explain", "two document ids only");
    }
    if (nid != 2)
        return cli_usage("explain", "needs two document ids");
    if (path && db)
        return cli_usage("explain", "--db and --docs exclude each other");
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx)
        return EXIT_FAIL;
    cli_docs docs = {0};
    dm_status st;
    if (path) {
        st = cli_docs_read(ctx, path, &docs);
    } else {
        dm_store *store = NULL;
        path = db ? db : dm_store_default_path();
        st = dm_store_open(ctx, path, 1, &store);
        if (!st)
            st = cli_docs_from_store(store, &docs, NULL);
        dm_store_close(store);
    }
    if (st != DM_OK && st != DM_EPARTIAL) {
        int rc = cli_fail(ctx, "explain", st, path);
        cli_docs_free(&docs);
        dm_ctx_free(ctx);
        return rc;
    }
    int rc = EXIT_OK;
    size_t a = cli_docs_find(&docs, ids[0]), b = cli_docs_find(&docs, ids[1]);
    if (a == (size_t)-1 || b == (size_t)-1) {
        fprintf(stderr, "dragoman explain: no document '%s' in %s\n", a == (size_t)-1 ? ids[0] : ids[1],
                path);
        rc = EXIT_FAIL;
    } else {
        dm_linker *lk = NULL;
        char *text = NULL;
        st = dm_linker_new(ctx, docs.doc, docs.n, &lk);
        if (st == DM_OK)
            st = dm_linker_explain(lk, a, b, &text);
        if (st != DM_OK)
            rc = cli_fail(ctx, "explain", st, path);
        else
            fputs(text, stdout);
        free(text);
        dm_linker_free(lk);
    }
    cli_docs_free(&docs);
    dm_ctx_free(ctx);
    return rc;
}
