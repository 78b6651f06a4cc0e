/*
 * cli_docs.c -- a collection of documents held in memory for the commands that need all of them
 * at once (cluster, explain). Read with jansson from JSONL ({"id","text"} a line) until the
 * library's reader (dm_read_path) is available to the program.
 */
#include "cli_docs.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void cli_docs_free(cli_docs *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free((char *)d->doc[i].id);
        free((char *)d->doc[i].text);
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

dm_status cli_docs_read(const char *path, cli_docs *d, size_t *rejected)
{
    memset(d, 0, sizeof *d);
    *rejected = 0;
    char *all = NULL;
    size_t len = 0;
    dm_status st = cli_read_all(path, &all, &len);
    if (st != DM_OK)
        return st;
    size_t lineno = 0;
    for (char *line = all; line < all + len;) {
        char *end = memchr(line, '\n', (size_t)(all + len - line));
        if (!end)
            end = all + len;
        lineno++;
        size_t ll = (size_t)(end - line);
        if (ll && line[ll - 1] == '\r')
            ll--;
        int blank = 1;
        for (size_t i = 0; i < ll && blank; i++)
            blank = line[i] == ' ' || line[i] == '\t';
        if (!blank) {
            json_error_t err;
            json_t *o = json_loadb(line, ll, 0, &err);
            const char *id = o ? json_string_value(json_object_get(o, "id")) : NULL;
            json_t *tx = o ? json_object_get(o, "text") : NULL;
            if (!id || !json_is_string(tx)) {
                fprintf(stderr, "dragoman: rejected %s:%zu: %s\n", path, lineno,
                        o ? "no string \"id\" and \"text\"" : err.text);
                ++*rejected;
            } else if (add_doc(d, id, json_string_value(tx), json_string_length(tx))) {
                json_decref(o);
                free(all);
                return DM_ENOMEM;
            }
            json_decref(o);
        }
        line = end + 1;
    }
    free(all);
    return DM_OK;
}

size_t cli_docs_find(const cli_docs *d, const char *id)
{
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->doc[i].id, id))
            return i;
    return (size_t)-1;
}
