/*
 * serve_stories.c -- the viewer's story pages: the stories found by `dragoman link` (paged, a
 * hundred at a time), each with its versions and, for every version, a link to it side by side
 * with the story's reference version (English when the story has it, as in `dragoman report`,
 * else the first); one story alone (/story?n=N); and the stories as JSON.
 */
#include "serve/page.h"
#include "util/vec.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define STORIES_PER_PAGE 100

/* The versions of one story, gathered so that the reference is known before links are made. */
typedef struct version {
    char *id, *lang, *title;
} version;

typedef struct story_rows {
    version *v;
    size_t n, cap;
    int oom;
} story_rows;

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static dm_status collect(void *ud, const dm_stored_doc *d)
{
    story_rows *r = ud;
    if (dm_grow(&r->v, &r->cap, r->n + 1, sizeof *r->v))
        return DM_ENOMEM;
    version *v = &r->v[r->n++];
    v->id = strdup(d->doc.id);
    v->lang = dup_or_null(d->doc.lang);
    v->title = dup_or_null(d->doc.title);
    if (!v->id || (d->doc.lang && !v->lang) || (d->doc.title && !v->title))
        return DM_ENOMEM;
    return DM_OK;
}

static void rows_free(story_rows *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].id);
        free(r->v[i].lang);
        free(r->v[i].title);
    }
    free(r->v);
}

static size_t reference(const story_rows *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->v[i].lang && !strcmp(r->v[i].lang, "en"))
            return i;
    return 0;
}

typedef struct story_page {
    dm_store *st;
    page *p;
} story_page;

static dm_status story_block(void *ud, long long story, size_t n_docs)
{
    (void)n_docs; /* the versions are counted as read: /story?n= has no count to give */
    story_page *sp = ud;
    page *p = sp->p;
    story_rows r = {0};
    dm_status s = dm_store_story(sp->st, story, collect, &r);
    if (!s) {
        size_t ref = reference(&r);
        out_printf(p, "<div class=\"story\"><h3><a href=\"/story?n=%lld\">Story %lld</a>: %zu versions</h3><table>",
                   story, story, r.n);
        for (size_t i = 0; i < r.n; i++) {
            out(p, "<tr><td>");
            out_doc_link(p, r.v[i].id);
            out(p, "</td><td class=\"lang\">");
            out_esc(p, r.v[i].lang ? r.v[i].lang : "und");
            out(p, "</td>");
            out_dir_text(p, "td", r.v[i].title ? r.v[i].title : "");
            out(p, "<td>");
            if (i != ref)
                out_pair_link(p, r.v[i].id, r.v[ref].id, "side by side");
            out(p, "</td></tr>");
        }
        out(p, "</table></div>");
    }
    rows_free(&r);
    return s;
}

typedef struct counter {
    story_page sp;
    size_t n;
    int more;
} counter;

/* One story more than a page is asked for: its presence says that a next page exists. */
static dm_status counted_block(void *ud, long long story, size_t n_docs)
{
    counter *c = ud;
    if (++c->n > STORIES_PER_PAGE) {
        c->more = 1;
        return DM_OK;
    }
    return story_block(&c->sp, story, n_docs);
}

dm_status page_stories(dm_ctx *ctx, dm_store *st, page *p)
{
    (void)ctx;
    counter c = {.sp = {.st = st, .p = p}};
    dm_status s = dm_store_stories(st, p->pg.from, STORIES_PER_PAGE + 1, counted_block, &c);
    if (s)
        return s;
    if (!c.n && !p->pg.from)
        out(p, "<p>No stories yet: run <code>dragoman link</code> to link the stored documents.</p>");
    if (c.more)
        out_printf(p, "<p><a href=\"/stories?from=%zu\">next stories</a></p>", p->pg.from + STORIES_PER_PAGE);
    return DM_OK;
}

dm_status page_story(dm_ctx *ctx, dm_store *st, page *p, const char *n)
{
    (void)ctx;
    char *end;
    long long story = n ? strtoll(n, &end, 10) : -1;
    if (!n || *end || story < 0)
        return DM_ENOTFOUND;
    story_page sp = {.st = st, .p = p};
    return story_block(&sp, story, 0);
}

/* JSON: [{"story": N, "versions": [{"id", "lang", "title"}...]}...], paged like the page. */
typedef struct json_stories {
    dm_store *st;
    json_t *arr;
} json_stories;

static dm_status json_story(void *ud, long long story, size_t n_docs)
{
    (void)n_docs;
    json_stories *js = ud;
    story_rows r = {0};
    dm_status s = dm_store_story(js->st, story, collect, &r);
    json_t *versions = s ? NULL : json_array();
    for (size_t i = 0; versions && i < r.n; i++) {
        json_t *o = json_pack("{s:s, s:s?, s:s?}", "id", r.v[i].id, "lang", r.v[i].lang, "title", r.v[i].title);
        if (!o || json_array_append_new(versions, o)) {
            json_decref(versions);
            versions = NULL;
        }
    }
    rows_free(&r);
    if (s)
        return s;
    json_t *o = versions ? json_pack("{s:I, s:o}", "story", (json_int_t)story, "versions", versions) : NULL;
    if (!o || json_array_append_new(js->arr, o))
        return DM_ENOMEM;
    return DM_OK;
}

dm_status page_api_stories(dm_ctx *ctx, dm_store *st, page *p)
{
    (void)ctx;
    json_stories js = {.st = st, .arr = json_array()};
    if (!js.arr)
        return DM_ENOMEM;
    dm_status s = dm_store_stories(st, p->pg.from, JSON_ROWS, json_story, &js);
    char *text = s ? NULL : json_dumps(js.arr, JSON_INDENT(1));
    json_decref(js.arr);
    if (!s && !text)
        s = DM_ENOMEM;
    if (text) {
        out(p, text);
        free(text);
        p->type = "application/json";
    }
    return s;
}
