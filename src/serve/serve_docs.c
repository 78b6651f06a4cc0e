/*
 * serve_docs.c -- the viewer's document pages: the list of documents (paged), one document with
 * its sentences and their languages (and the other versions of its story, each a link to the
 * two side by side), and the list as JSON.
 */
#include "serve/page.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static dm_status index_row(void *ud, const dm_stored_doc *d)
{
    page *p = ud;
    int take = pager_take(&p->pg);
    if (take <= 0)
        return take < 0 ? DM_ELIMIT : DM_OK; /* DM_ELIMIT: the page is full, stop */
    out(p, "<tr><td>");
    out_doc_link(p, d->doc.id);
    out(p, "</td><td>");
    out_esc(p, d->doc.lang ? d->doc.lang : "und");
    out_printf(p, "</td><td>%zu</td><td>", d->n_sentences);
    if (d->story >= 0)
        out_printf(p, "<a href=\"/story?n=%lld\">%lld</a>", d->story, d->story);
    out(p, "</td>");
    out_dir_text(p, "td", d->doc.title ? d->doc.title : "");
    out(p, "</tr>");
    return DM_OK;
}

/* The list of documents, or of those matching ?q= (id, headline or url), a page at a time. */
dm_status page_index(dm_ctx *ctx, dm_store *st, page *p, const char *q)
{
    (void)ctx;
    size_t nd, ns;
    dm_status s = dm_store_count(st, &nd, &ns);
    if (s)
        return s;
    int searching = q && *q;
    out(p, "<form action=\"/\"><input name=\"q\" size=\"40\" placeholder=\"id, title or url\" value=\"");
    out_esc(p, searching ? q : "");
    out(p, "\"> <button>find</button></form>");
    out_printf(p, "<p>%zu documents, %zu sentences.</p>", nd, ns);
    out(p, "<table><tr><th>document</th><th>language</th><th>sentences</th><th>story</th><th>title</th></tr>");
    if (searching) {
        /* one row more than the page: its presence says a next page exists */
        pager all = p->pg;
        p->pg.from = 0;
        p->pg.limit = PAGE_ROWS;
        s = dm_store_search(st, q, all.from, PAGE_ROWS + 1, index_row, p);
        p->pg.from = all.from;
    } else {
        s = dm_store_each(st, 0, index_row, p);
    }
    if (s == DM_ELIMIT && p->pg.more)
        s = DM_OK;
    out(p, "</table>");
    if (searching && !p->pg.seen)
        out(p, "<p>No document matches.</p>");
    if (p->pg.more) {
        out_printf(p, "<p><a href=\"/?from=%zu", p->pg.from + PAGE_ROWS);
        if (searching) {
            out(p, "&amp;q=");
            out_url_value(p, q);
        }
        out_printf(p, "\">next %d documents</a></p>", PAGE_ROWS);
    }
    return s;
}

typedef struct doc_page {
    page *p;
    char *id;
    long long story;
} doc_page;

static dm_status doc_head(void *ud, const dm_stored_doc *d)
{
    doc_page *dp = ud;
    page *p = dp->p;
    dp->story = d->story;
    out_dir_text(p, "h2", d->doc.title ? d->doc.title : d->doc.id);
    out(p, "<table>");
    const char *rows[][2] = {{"id", d->doc.id}, {"language", d->doc.lang},
                             {"declared language", d->lang_declared}, {"source", d->doc.source},
                             {"url", d->doc.url}, {"date", d->doc.date}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (!rows[i][1])
            continue;
        out(p, "<tr><th>");
        out(p, rows[i][0]);
        out(p, "</th><td>");
        out_esc(p, rows[i][1]);
        out(p, "</td></tr>");
    }
    if (d->story >= 0)
        out_printf(p, "<tr><th>story</th><td><a href=\"/story?n=%lld\">%lld</a></td></tr>", d->story, d->story);
    out(p, "</table>");
    return DM_OK;
}

/* The other versions of the story, each with a link to the pair side by side. */
static dm_status other_version(void *ud, const dm_stored_doc *d)
{
    doc_page *dp = ud;
    if (!strcmp(d->doc.id, dp->id))
        return DM_OK;
    page *p = dp->p;
    out(p, "<li>");
    out_doc_link(p, d->doc.id);
    out(p, " <span class=\"lang\">");
    out_esc(p, d->doc.lang ? d->doc.lang : "und");
    out(p, "</span> ");
    out_pair_link(p, dp->id, d->doc.id, "side by side");
    out(p, "</li>");
    return DM_OK;
}

static dm_status doc_sentence(void *ud, size_t idx, const char *text, size_t len, const char *lang)
{
    page *p = ud;
    out_printf(p, "<tr><td>%zu</td><td class=\"lang\">", idx);
    out_esc(p, lang ? lang : "und");
    out_printf(p, "</td><td dir=\"%s\">", dm_text_dir(text, len));
    p->oom |= dm_html_escape(&p->b, text, len);
    out(p, "</td></tr>");
    return DM_OK;
}

dm_status page_doc(dm_ctx *ctx, dm_store *st, page *p, const char *id)
{
    (void)ctx;
    if (!id)
        return DM_ENOTFOUND;
    doc_page dp = {.p = p, .id = (char *)id, .story = -1};
    dm_status s = dm_store_get(st, id, doc_head, &dp);
    if (!s && dp.story >= 0) {
        out(p, "<h3>Other versions of this story</h3><ul>");
        s = dm_store_story(st, dp.story, other_version, &dp);
        out(p, "</ul>");
    }
    if (!s) {
        out(p, "<h3>Sentences</h3><table>");
        s = dm_store_sentences(st, id, doc_sentence, p);
        out(p, "</table>");
    }
    return s;
}

/* JSON of the documents, for programs. */
typedef struct json_page {
    json_t *arr;
    pager pg;
} json_page;

static dm_status json_doc(void *ud, const dm_stored_doc *d)
{
    json_page *jp = ud;
    int take = pager_take(&jp->pg);
    if (take <= 0)
        return take < 0 ? DM_ELIMIT : DM_OK;
    json_t *o = json_pack("{s:s, s:s?, s:s?, s:I, s:I}", "id", d->doc.id, "lang", d->doc.lang, "title",
                          d->doc.title, "sentences", (json_int_t)d->n_sentences, "story", (json_int_t)d->story);
    if (!o || json_array_append_new(jp->arr, o))
        return DM_ENOMEM;
    return DM_OK;
}

dm_status page_api_docs(dm_ctx *ctx, dm_store *st, page *p)
{
    (void)ctx;
    json_page jp = {.arr = json_array(), .pg = {.from = p->pg.from, .limit = JSON_ROWS}};
    if (!jp.arr)
        return DM_ENOMEM;
    dm_status s = dm_store_each(st, 0, json_doc, &jp);
    if (s == DM_ELIMIT && jp.pg.more)
        s = DM_OK;
    char *js = s ? NULL : json_dumps(jp.arr, JSON_INDENT(1));
    json_decref(jp.arr);
    if (!s && !js)
        s = DM_ENOMEM;
    if (js) {
        out(p, js);
        free(js);
        p->type = "application/json";
    }
    return s;
}
