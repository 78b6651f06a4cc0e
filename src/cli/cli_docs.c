/*
 * cli_docs.c -- a collection of documents held in memory for the commands that need all of them
 * at once (cluster, explain), read by the library's readers (JSONL, folders, WARC, stdin).
 */
#include "cli_docs.h"

#include <stdlib.h>
#include <string.h>

void cli_docs_free(cli_docs *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free((char *)d->doc[i].id);
        free((char *)d->doc[i].text);
        free((char *)d->doc[i].lang);
    }
    free(d->doc);
    memset(d, 0, sizeof *d);
}

static int add_doc(cli_docs *d, const char *id, const char *text, size_t len)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 1024;
        dm_doc *p = realloc(d->doc, cap * sizeof *p);
        if (!p)
            return -1;
        d->doc = p;
        d->cap = cap;
    }
    dm_doc *doc = &d->doc[d->n];
    memset(doc, 0, sizeof *doc);
    size_t idlen = strlen(id);
    char *idc = malloc(idlen + 1);
    if (idc)
        memcpy(idc, id, idlen + 1);
    doc->id = idc;
    char *t = malloc(len + 1);
    if (!doc->id || !t) {
        free((char *)doc->id);
        free(t);
        return -1;
    }
    memcpy(t, text, len);
    t[len] = 0;
    doc->text = t;
    doc->text_len = len;
    d->n++;
    return 0;
}

static dm_status keep_doc(void *ud, const dm_doc *doc)
{
    cli_docs *d = ud;
    if (add_doc(d, doc->id, doc->text, doc->text_len))
        return DM_ENOMEM;
    dm_doc *w = &d->doc[d->n - 1];
    if (doc->lang && !(w->lang = strdup(doc->lang)))
        return DM_ENOMEM;
    return DM_OK;
}

dm_status cli_docs_read(dm_ctx *ctx, const char *path, cli_docs *d, size_t *rejected)
{
    memset(d, 0, sizeof *d);
    *rejected = 0;
    /* the library's reader: every format, each bad record reported with its place */
    dm_status st = dm_read_path(ctx, path, keep_doc, d);
    if (st == DM_EPARTIAL) {
        *rejected = 1;
        st = DM_OK;
    }
    return st;
}

typedef struct store_collect {
    cli_docs *d;
    long long *story;
    size_t cap;
} store_collect;

static dm_status keep_stored(void *ud, const dm_stored_doc *sd)
{
    store_collect *c = ud;
    dm_status st = keep_doc(c->d, &sd->doc);
    if (st)
        return st;
    if (c->d->n > c->cap) {
        size_t cap = c->d->cap;
        long long *ns = realloc(c->story, cap * sizeof *ns);
        if (!ns)
            return DM_ENOMEM;
        c->story = ns;
        c->cap = cap;
    }
    c->story[c->d->n - 1] = sd->story;
    return DM_OK;
}

dm_status cli_docs_from_store(dm_store *st, cli_docs *d, long long **story)
{
    memset(d, 0, sizeof *d);
    store_collect c = {.d = d};
    dm_status s = dm_store_each(st, 1, keep_stored, &c);
    if (s) {
        cli_docs_free(d);
        free(c.story);
        c.story = NULL;
    }
    if (story)
        *story = c.story;
    else
        free(c.story);
    return s;
}

size_t cli_docs_find(const cli_docs *d, const char *id)
{
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->doc[i].id, id))
            return i;
    return (size_t)-1;
}
