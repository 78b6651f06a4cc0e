/*
 * cli_docs.c -- a collection of documents held in memory for the commands that need all of them
 * at once (cluster, explain): whatever the library's reader takes (JSONL {"id","text"[,"lang"]},
 * folders of text or HTML, WARC), copied because the reader lends its strings for one call only.
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

static char *copy_str(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

static int add_doc(cli_docs *d, const char *id, const char *text, size_t len, const char *lang)
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
    doc->id = copy_str(id);
    doc->lang = lang && *lang ? copy_str(lang) : NULL;
    char *t = malloc(len + 1);
    if (!doc->id || !t || (lang && *lang && !doc->lang)) {
        free((char *)doc->id);
        free((char *)doc->lang);
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

dm_status cli_docs_keep(cli_docs *d, const dm_doc *doc)
{
    return add_doc(d, doc->id ? doc->id : "", doc->text ? doc->text : "", doc->text ? doc->text_len : 0,
                   doc->lang)
               ? DM_ENOMEM
               : DM_OK;
}

static dm_status keep_doc(void *ud, const dm_doc *doc) { return cli_docs_keep(ud, doc); }

dm_status cli_docs_read(dm_ctx *ctx, const char *path, cli_docs *d)
{
    memset(d, 0, sizeof *d);
    return dm_read_path(ctx, path, keep_doc, d);
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
