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
    "usage: dragoman link [--db PATH] [--full] [-q]\n\n"
    "Link the stored documents across languages into stories (no machine translation: numbers,\n"
    "names across scripts, dictionary and learned word translations, structure) and keep them in\n"
    "the store with the evidence joining each pair ('dragoman explain A B' shows it). Stories\n"
    "keep their numbers when documents are added.\n\n"
    "A run after the first is incremental: the store keeps each linked document's analysis and\n"
    "the word translations learned from the collection ('dragoman lexicon' lists them), so only\n"
    "the documents added since are read and analysed, and only the stories they reach are\n"
    "formed again. --full (or --force) relinks the whole store from the texts. Nothing is done\n"
    "when no document was added since the last run, unless --full. Prints the stories unless -q.\n";

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

/* Record the evidence of every pair inside each story the run formed (stories are small: a
 * version per language), walking the documents grouped by story; stories an incremental run
 * kept as they were keep the evidence recorded before. */
static dm_status keep_evidence(dm_store *st, dm_linker *lk, size_t n, const size_t *story)
{
    by_story *o = malloc((n ? n : 1) * sizeof *o);
    if (!o)
        return DM_ENOMEM;
    for (size_t i = 0; i < n; i++)
        o[i] = (by_story){story[i], i};
    if (n > 1) /* an empty array may be NULL */
        qsort(o, n, sizeof *o, cmp_story);
    dm_status s = DM_OK;
    for (size_t i = 0; i < n && !s;) {
        size_t j = i;
        int formed = 0;
        while (j < n && o[j].story == o[i].story)
            formed |= dm_linker_relinked(lk, o[j++].doc);
        for (size_t a = i; formed && a < j && !s; a++)
            for (size_t b = a + 1; b < j && !s; b++) {
                char *why = NULL;
                s = dm_linker_explain(lk, o[a].doc, o[b].doc, &why);
                if (!s)
                    s = dm_store_put_link(st, dm_linker_doc_id(lk, o[a].doc), dm_linker_doc_id(lk, o[b].doc), 1.0,
                                          "story", why);
                free(why);
            }
        i = j;
    }
    free(o);
    return s;
}

/* The stored documents (ids and stories, no text), and an index of them by id. */
typedef struct stored {
    char **id;
    long long *story;
    size_t n, cap;
    size_t *by_id; /* indexes sorted by id */
} stored_t;

static dm_status keep_id(void *ud, const dm_stored_doc *sd)
{
    stored_t *s = ud;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        char **id = realloc(s->id, cap * sizeof *id);
        if (id)
            s->id = id;
        long long *story = realloc(s->story, cap * sizeof *story);
        if (story)
            s->story = story;
        if (!id || !story)
            return DM_ENOMEM;
        s->cap = cap;
    }
    if (!(s->id[s->n] = strdup(sd->doc.id)))
        return DM_ENOMEM;
    s->story[s->n++] = sd->story;
    return DM_OK;
}

static const stored_t *sort_ids; /* qsort has no argument for the comparison */
static int cmp_by_id(const void *a, const void *b)
{
    return strcmp(sort_ids->id[*(const size_t *)a], sort_ids->id[*(const size_t *)b]);
}

static void stored_free(stored_t *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->id[i]);
    free(s->id);
    free(s->story);
    free(s->by_id);
}

static dm_status stored_load(dm_store *st, stored_t *s)
{
    memset(s, 0, sizeof *s);
    dm_status r = dm_store_each(st, 0, keep_id, s);
    if (!r && !(s->by_id = malloc((s->n + 1) * sizeof *s->by_id)))
        r = DM_ENOMEM;
    for (size_t i = 0; !r && i < s->n; i++)
        s->by_id[i] = i;
    sort_ids = s;
    if (!r && s->n > 1)
        qsort(s->by_id, s->n, sizeof *s->by_id, cmp_by_id);
    return r;
}

/* The index of the stored document with this id, or (size_t)-1. */
static size_t stored_find(const stored_t *s, const char *id)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(s->id[s->by_id[mid]], id);
        if (!c)
            return s->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (size_t)-1;
}

/* Documents handed to the linker in batches, their text freed once analysed. */
enum { ADD_BATCH = 2048 };
typedef struct adder {
    dm_linker *lk;
    cli_docs batch;
} adder_t;

static dm_status add_flush(adder_t *a)
{
    dm_status s = a->batch.n ? dm_linker_add(a->lk, a->batch.doc, a->batch.n) : DM_OK;
    cli_docs_free(&a->batch);
    return s;
}

static dm_status add_stored(void *ud, const dm_stored_doc *sd)
{
    adder_t *a = ud;
    dm_status s = cli_docs_keep(&a->batch, &sd->doc);
    if (!s && a->batch.n >= ADD_BATCH)
        s = add_flush(a);
    return s;
}

/* A linker holding every stored document: read back from the store where it keeps their
 * analysis (unless whole), analysed from the text otherwise. *whole becomes 1 when the store
 * cannot be linked incrementally (a document with a story but no kept analysis: a store linked
 * by an older dragoman). */
static dm_status linker_for(dm_ctx *ctx, dm_store *st, const stored_t *docs, int *whole, dm_linker **out,
                            size_t *analysed)
{
    size_t loaded = 0;
    int began_whole = *whole;
    dm_status s = dm_linker_begin_store(ctx, st, *whole, out, &loaded);
    char *is_loaded = s ? NULL : calloc(docs->n + 1, 1);
    if (!s && !is_loaded)
        s = DM_ENOMEM;
    for (size_t i = 0; !s && i < loaded; i++) {
        size_t k = stored_find(docs, dm_linker_doc_id(*out, i));
        if (k != (size_t)-1)
            is_loaded[k] = 1;
    }
    for (size_t k = 0; !s && !*whole && k < docs->n; k++)
        if (docs->story[k] >= 0 && !is_loaded[k])
            *whole = 1;
    if (!s && *whole && !began_whole) { /* start again, empty */
        free(is_loaded);
        dm_linker_free(*out);
        *out = NULL;
        return linker_for(ctx, st, docs, whole, out, analysed);
    }
    adder_t a = {.lk = *out};
    *analysed = 0;
    if (!s && *whole) {
        s = dm_store_each(st, 1, add_stored, &a);
        *analysed = docs->n;
    }
    for (size_t k = 0; !s && !*whole && k < docs->n; k++)
        if (!is_loaded[k]) {
            s = dm_store_get(st, docs->id[k], add_stored, &a);
            ++*analysed;
        }
    if (!s)
        s = add_flush(&a);
    cli_docs_free(&a.batch);
    free(is_loaded);
    return s;
}

static dm_status link_store(dm_ctx *ctx, dm_store *st, int whole, int quiet)
{
    stored_t docs;
    dm_status s = stored_load(st, &docs);
    size_t fresh = 0, linked = 0;
    for (size_t i = 0; !s && i < docs.n; i++) {
        fresh += docs.story[i] < 0;
        linked += docs.story[i] >= 0;
    }
    if (!s && !fresh && !whole) {
        if (!quiet)
            fprintf(stderr, "dragoman link: no document added since the last run; stories unchanged\n");
        stored_free(&docs);
        return DM_OK;
    }
    if (!linked)
        whole = 1; /* nothing linked before: nothing to keep */
    dm_linker *lk = NULL;
    size_t analysed = 0;
    if (!s)
        s = linker_for(ctx, st, &docs, &whole, &lk, &analysed);
    size_t n = lk ? dm_linker_count(lk) : 0;
    size_t *labels = malloc((n ? n : 1) * sizeof *labels);
    size_t *story = malloc((n ? n : 1) * sizeof *story);
    long long *old = malloc((n ? n : 1) * sizeof *old);
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    if (!s && (!labels || !story || !old || !ids))
        s = DM_ENOMEM;
    for (size_t i = 0; !s && i < n; i++) { /* the linker's order is not the store's */
        ids[i] = dm_linker_doc_id(lk, i);
        size_t k = stored_find(&docs, ids[i]);
        old[i] = k == (size_t)-1 ? -1 : docs.story[k];
    }
    if (!s)
        s = whole ? dm_linker_run(lk) : dm_linker_update(lk, old);
    if (!s)
        s = dm_linker_labels(lk, labels);
    if (!s)
        s = cli_number_stories(old, labels, n, story);
    if (!s)
        s = dm_store_set_stories(st, ids, story, n);
    if (!s)
        s = keep_evidence(st, lk, n, story);
    if (!s)
        s = dm_linker_save(lk, st);
    if (!s)
        s = dm_store_commit(st);
    size_t relinked = 0;
    for (size_t i = 0; !s && i < n; i++)
        relinked += dm_linker_relinked(lk, i);
    if (!s && !quiet)
        fprintf(stderr, "dragoman link: %zu documents, %zu of them new; %s: %zu analysed, %zu relinked\n", n, fresh,
                whole ? "whole relink" : "incremental", analysed, relinked);
    dm_linker_free(lk);
    free(labels);
    free(story);
    free(old);
    free(ids);
    stored_free(&docs);
    return s;
}

int cmd_link(int argc, char **argv)
{
    const char *db = dm_store_default_path();
    int quiet = 0, force = 0;
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"force", no_argument, NULL, 'f'},
                                         {"full", no_argument, NULL, 'f'},
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
