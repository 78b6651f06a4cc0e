/*
 * cmd_cluster.c -- `dragoman cluster DOCS.jsonl`: the story of every document, printed as
 * id<TAB>cluster (documents telling one story, in any language, share a label). Documents go to
 * the linker in batches as they are read, and their texts are freed once analysed: memory holds
 * the evidence of a large collection, not its text.
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

enum { BATCH = 2048 };

typedef struct feed {
    dm_linker *lk;
    cli_docs batch; /* read, not yet analysed */
    char **ids;     /* every document's id, in order */
    size_t n, cap;
    dm_status st; /* the linker's failure, if any */
} feed_t;

static dm_status flush(feed_t *f)
{
    dm_status st = dm_linker_add(f->lk, f->batch.doc, f->batch.n);
    for (size_t i = 0; i < f->batch.n; i++) { /* the ids move to f->ids; the texts go */
        free((char *)f->batch.doc[i].text);
        free((char *)f->batch.doc[i].lang);
        f->batch.doc[i].text = NULL;
        f->batch.doc[i].lang = NULL;
        f->batch.doc[i].id = NULL;
    }
    f->batch.n = 0;
    if (st != DM_OK)
        f->st = st;
    return st;
}

static dm_status take(void *ud, const dm_doc *doc)
{
    feed_t *f = ud;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 4096;
        char **p = realloc(f->ids, cap * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        f->ids = p;
        f->cap = cap;
    }
    dm_status st = cli_docs_keep(&f->batch, doc);
    if (st != DM_OK)
        return st;
    f->ids[f->n++] = (char *)f->batch.doc[f->batch.n - 1].id;
    return f->batch.n >= BATCH ? flush(f) : DM_OK;
}

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
    feed_t f = {0};
    dm_status st = dm_linker_begin(ctx, &f.lk);
    if (st == DM_OK)
        st = dm_read_path(ctx, path, take, &f);
    int rejected = st == DM_EPARTIAL;
    if ((st == DM_OK || st == DM_EPARTIAL) && f.batch.n)
        st = flush(&f) != DM_OK ? f.st : st;
    if (f.st != DM_OK)
        st = f.st;
    size_t *labels = NULL;
    if (st == DM_OK || st == DM_EPARTIAL) {
        labels = malloc((f.n + 1) * sizeof *labels);
        st = labels ? dm_linker_run(f.lk) : DM_ENOMEM;
        if (st == DM_OK)
            st = dm_linker_labels(f.lk, labels);
    }
    int rc = EXIT_OK;
    if (st != DM_OK)
        rc = cli_fail(ctx, "cluster", st, path);
    else {
        for (size_t i = 0; i < f.n; i++)
            printf("%s\tc%zu\n", f.ids[i], labels[i]);
        if (fflush(stdout) != 0)
            rc = EXIT_FAIL;
        else if (rejected)
            rc = EXIT_PARTIAL;
    }
    free(labels);
    for (size_t i = 0; i < f.n; i++)
        free(f.ids[i]);
    free(f.ids);
    for (size_t i = 0; i < f.batch.n; i++) /* left after a failure; their ids were in f.ids */
        f.batch.doc[i].id = NULL;
    cli_docs_free(&f.batch);
    dm_linker_free(f.lk);
    dm_ctx_free(ctx);
    return rc;
}
