/*
 * cmd_link.c -- `dragoman link`: find the stories of the stored documents and keep them in the
 * store: a story number per document, and for every pair joined in a story the evidence that
 * joined it. Story numbers stay stable across runs (cli_story_numbers.c); a run with no new
 * document since the last one changes nothing.
 */
#include "cli.h"
#include "cli_docs.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman link [--db PATH] [--force] [-q]\n\n"
    "Link the stored documents across languages into stories (no machine translation: numbers,\n"
    "names across scripts, dictionary and learned word translations, structure) and keep them in\n"
    "the store with the evidence joining each pair ('dragoman explain A B' shows it). Stories\n"
    "keep their numbers when documents are added. Nothing is done when no document was added\n"
    "since the last run, unless --force. Prints the stories unless -q.\n";

typedef struct by_story {
    size_t story, doc;
} by_story;

static int cmp_story(const void *a, const void *b)
{
    const by_story *x = a, *y = b;
    if (x->story != y->story)
        return x->story < y->story ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* Record the evidence of every pair inside each story (stories are small: a version per
 * language), walking the documents grouped by story. */
static dm_status keep_evidence(dm_store *st, dm_linker *lk, const cli_docs *d, const size_t *story)
{
    by_story *o = malloc((d->n ? d->n : 1) * sizeof *o);
    if (!o)
        return DM_ENOMEM;
    for (size_t i = 0; i < d->n; i++)
        o[i] = (by_story){story[i], i};
    qsort(o, d->n, sizeof *o, cmp_story);
    dm_status s = DM_OK;
    for (size_t i = 0; i < d->n && !s;) {
        size_t j = i;
        while (j < d->n && o[j].story == o[i].story)
            j++;
        for (size_t a = i; a < j && !s; a++)
            for (size_t b = a + 1; b < j && !s; b++) {
                char *why = NULL;
                s = dm_linker_explain(lk, o[a].doc, o[b].doc, &why);
                if (!s)
                    s = dm_store_put_link(st, d->doc[o[a].doc].id, d->doc[o[b].doc].id, 1.0,
                                          "story", why);
                free(why);
            }
        i = j;
    }
    free(o);
    return s;
}

static dm_status link_store(dm_ctx *ctx, dm_store *st, int force, int quiet)
{
    cli_docs d;
    long long *old = NULL;
    dm_status s = cli_docs_from_store(st, &d, &old);
    if (s)
        return s;
    size_t fresh = 0;
    for (size_t i = 0; i < d.n; i++)
        fresh += old[i] < 0;
    if (!fresh && !force) {
        if (!quiet)
            fprintf(stderr, "dragoman link: no document added since the last run; stories unchanged\n");
        cli_docs_free(&d);
        free(old);
        return DM_OK;
    }
    size_t *labels = malloc((d.n ? d.n : 1) * sizeof *labels);
    size_t *story = malloc((d.n ? d.n : 1) * sizeof *story);
    const char **ids = malloc((d.n ? d.n : 1) * sizeof *ids);
    dm_linker *lk = NULL;
    s = labels && story && ids ? DM_OK : DM_ENOMEM;
    if (!s)
        s = dm_linker_new(ctx, d.doc, d.n, &lk);
    if (!s)
        s = dm_linker_labels(lk, labels);
    if (!s)
        s = cli_number_stories(old, labels, d.n, story);
    for (size_t i = 0; !s && i < d.n; i++)
        ids[i] = d.doc[i].id;
    if (!s)
        s = dm_store_set_stories(st, ids, story, d.n);
    if (!s)
        s = keep_evidence(st, lk, &d, story);
    if (!s)
        s = dm_store_commit(st);
    if (!s && !quiet)
        fprintf(stderr, "dragoman link: %zu documents, %zu of them new\n", d.n, fresh);
    dm_linker_free(lk);
    free(labels);
    free(story);
    free(ids);
    free(old);
    cli_docs_free(&d);
    return s;
}

int cmd_link(int argc, char **argv)
{
    const char *db = dm_store_default_path();
    int quiet = 0, force = 0;
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"force", no_argument, NULL, 'f'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    for (int c; (c = getopt_long(argc, argv, "qh", opts, NULL)) != -1;) {
        if (c == 'd')
            db = optarg;
        else if (c == 'f')
            force = 1;
        else if (c == 'q')
            quiet = 1;
        else if (c == 'h') {
            fputs(help, stdout);
            return EXIT_OK;
        } else
            return cli_usage("link", "unknown option");
    }
    if (optind < argc)
        return cli_usage("link", "takes no operands");
    dm_ctx *ctx;
    dm_store *st;
    int rc = cli_open_store("link", db, 0, &ctx, &st);
    if (rc)
        return rc;
    dm_status s = link_store(ctx, st, force, quiet);
    if (s)
        rc = cli_fail(ctx, "link", s, db);
    else if (!quiet && cli_print_stories(st))
        rc = cli_fail(ctx, "link", DM_ESTORE, db);
    return cli_close_store("link", ctx, st, rc);
}
