/*
 * serve.c -- the web viewer: libmicrohttpd serving pages made from the store.
 *
 * Each request gets its own context and read-only store connection (SQLite connections and
 * contexts are not shared between threads), so the viewer can run while `dragoman ingest` or
 * `dragoman link` writes. Pages are plain HTML with a little CSS; JSON lives under /api/.
 * Lists are paged (?from=N: 500 rows a page, 1000 in JSON), so a reply stays small however
 * large the store.
 */
#include "core/ctx.h"
#include "serve/html_out.h"
#include "util/buf.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct serve_conf {
    const char *db_path;
    const char *data_dir;
} serve_conf;

static const char page_head[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>dragoman</title><style>"
    "body{font-family:sans-serif;margin:2em;max-width:70em}td,th{padding:.2em .6em;vertical-align:top}"
    "th{text-align:left;background:#eee}tr:nth-child(even){background:#fafafa}"
    ".lang{color:#666;font-size:.85em}.story{border:1px solid #ccc;padding:.5em 1em;margin:1em 0}"
    "[dir=rtl]{text-align:right}</style></head><body><h1><a href=\"/\">dragoman</a></h1>";

/* Lists come a page at a time (?from=N), so that a huge store never becomes one reply. */
#define PAGE_ROWS 500
#define JSON_ROWS 1000

typedef struct pager {
    size_t from, limit, seen;
    int more; /* rows remain after this page */
} pager;

/* 1 to show the next row, 0 to skip it, -1 to stop (the page is full). */
static int pager_take(pager *pg)
{
    size_t i = pg->seen++;
    if (i < pg->from)
        return 0;
    if (i - pg->from >= pg->limit) {
        pg->more = 1;
        return -1;
    }
    return 1;
}

static size_t from_arg(struct MHD_Connection *conn)
{
    const char *v = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "from");
    if (!v || *v < '0' || *v > '9')
        return 0;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    return *end || n > (size_t)-1 / 2 ? 0 : (size_t)n;
}

typedef struct page {
    dm_buf b;
    int oom;
    pager pg;
} page;

static void out(page *p, const char *s)
{
    p->oom |= dm_buf_adds(&p->b, s);
}

static void out_esc(page *p, const char *s)
{
    if (s)
        p->oom |= dm_html_escape(&p->b, s, strlen(s));
}

/* A link to a document: /doc?id=<id, percent-encoded>. */
static void out_doc_link(page *p, const char *id)
{
    out(p, "<a href=\"/doc?id=");
    for (const unsigned char *c = (const unsigned char *)id; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            strchr("-_.~", *c))
            p->oom |= dm_buf_addc(&p->b, (char)*c);
        else
            p->oom |= dm_buf_printf(&p->b, "%%%02X", *c);
    }
    out(p, "\">");
    out_esc(p, id);
    out(p, "</a>");
}

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
    p->oom |= dm_buf_printf(&p->b, "</td><td>%zu</td><td>", d->n_sentences);
    if (d->story >= 0)
        p->oom |= dm_buf_printf(&p->b, "%lld", d->story);
    out(p, "</td><td");
    if (d->doc.title) {
        p->oom |= dm_buf_printf(&p->b, " dir=\"%s\">", dm_text_dir(d->doc.title, strlen(d->doc.title)));
        out_esc(p, d->doc.title);
    } else {
        out(p, ">");
    }
    out(p, "</td></tr>");
    return DM_OK;
}

static dm_status page_index(dm_ctx *ctx, dm_store *st, page *p)
{
    size_t nd, ns;
    dm_status s = dm_store_count(st, &nd, &ns);
    if (s)
        return s;
    p->oom |= dm_buf_printf(&p->b, "<p>%zu documents, %zu sentences.</p>", nd, ns);
    out(p, "<table><tr><th>document</th><th>language</th><th>sentences</th><th>story</th><th>title</th></tr>");
    s = dm_store_each(st, 0, index_row, p);
    if (s == DM_ELIMIT && p->pg.more)
        s = DM_OK;
    out(p, "</table>");
    if (p->pg.more)
        p->oom |= dm_buf_printf(&p->b, "<p><a href=\"/?from=%zu\">next %d documents</a></p>",
                                p->pg.from + p->pg.limit, PAGE_ROWS);
    (void)ctx;
    return s;
}

static dm_status doc_head(void *ud, const dm_stored_doc *d)
{
    page *p = ud;
    out(p, "<h2>");
    out_esc(p, d->doc.title ? d->doc.title : d->doc.id);
    out(p, "</h2><table>");
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
        p->oom |= dm_buf_printf(&p->b, "<tr><th>story</th><td>%lld</td></tr>", d->story);
    out(p, "</table><table>");
    return DM_OK;
}

static dm_status doc_sentence(void *ud, size_t idx, const char *text, size_t len, const char *lang)
{
    page *p = ud;
    p->oom |= dm_buf_printf(&p->b, "<tr><td>%zu</td><td class=\"lang\">", idx);
    out_esc(p, lang ? lang : "und");
    p->oom |= dm_buf_printf(&p->b, "</td><td dir=\"%s\">", dm_text_dir(text, len));
    p->oom |= dm_html_escape(&p->b, text, len);
    out(p, "</td></tr>");
    return DM_OK;
}

/* JSON of the documents, for programs. */
typedef struct json_page {
    json_t *arr;
    pager pg;
} json_page;

static dm_status json_doc(void *ud, const dm_stored_doc *d)
{
    json_page *jp = ud;
    json_t *arr = jp->arr;
    int take = pager_take(&jp->pg);
    if (take <= 0)
        return take < 0 ? DM_ELIMIT : DM_OK;
    json_t *o = json_pack("{s:s, s:s?, s:s?, s:I, s:I}", "id", d->doc.id, "lang", d->doc.lang,
                          "title", d->doc.title, "sentences", (json_int_t)d->n_sentences, "story",
                          (json_int_t)d->story);
    if (!o || json_array_append_new(arr, o))
        return DM_ENOMEM;
    return DM_OK;
}

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned code, const char *type, char *body,
                             size_t len)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", type);
    /* error pages echo what was asked for, as plain text: never let a browser guess HTML */
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    enum MHD_Result ret = MHD_queue_response(conn, code, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
    serve_conf *conf = cls;
    if (strcmp(method, "GET") && strcmp(method, "HEAD"))
        return reply(conn, 405, "text/plain", strdup("method not allowed\n"), 19);
    dm_ctx *ctx = NULL;
    dm_options opt = {.data_dir = conf->data_dir};
    if (dm_ctx_new(&ctx, &opt))
        return MHD_NO;
    dm_store *st = NULL;
    page p = {0};
    unsigned code = 200;
    const char *type = "text/html; charset=utf-8";
    dm_status s = dm_store_open(ctx, conf->db_path, 1, &st);
    if (!s && !strcmp(url, "/api/docs")) {
        json_page jp = {.arr = json_array(), .pg = {.from = from_arg(conn), .limit = JSON_ROWS}};
        json_t *arr = jp.arr;
        s = arr ? dm_store_each(st, 0, json_doc, &jp) : DM_ENOMEM;
        if (s == DM_ELIMIT && jp.pg.more)
            s = DM_OK;
        char *js = s ? NULL : json_dumps(arr, JSON_INDENT(1));
        json_decref(arr);
        if (js) {
            p.b.p = js;
            p.b.len = strlen(js);
            type = "application/json";
        } else if (!s) {
            s = DM_ENOMEM;
        }
    } else if (!s) {
        out(&p, page_head);
        if (!strcmp(url, "/")) {
            p.pg = (pager){.from = from_arg(conn), .limit = PAGE_ROWS};
            s = page_index(ctx, st, &p);
        } else if (!strcmp(url, "/doc")) {
            const char *id = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "id");
            s = id ? dm_store_get(st, id, doc_head, &p) : DM_ENOTFOUND;
            if (!s)
                s = dm_store_sentences(st, id, doc_sentence, &p);
            out(&p, "</table>");
        } else {
            s = DM_ENOTFOUND;
        }
        out(&p, "</body></html>\n");
    }
    if (s || p.oom) {
        dm_buf_free(&p.b);
        code = s == DM_ENOTFOUND ? 404 : 500;
        dm_buf_printf(&p.b, "%s: %s\n", dm_status_str(s ? s : DM_ENOMEM), dm_ctx_errmsg(ctx));
        type = "text/plain; charset=utf-8";
    }
    dm_store_close(st);
    dm_ctx_free(ctx);
    if (!p.b.p)
        p.b.p = strdup("");
    return reply(conn, code, type, p.b.p, p.b.len);
}

dm_status dm_serve(dm_ctx *ctx, const char *db_path, unsigned port, dm_serve_ready_fn ready,
                   void *ud, volatile int *stop)
{
    /* refuse at once what cannot be served, rather than failing every request */
    dm_store *st;
    dm_status s = dm_store_open(ctx, db_path, 1, &st);
    if (s)
        return s;
    dm_store_close(st);
    serve_conf conf = {.db_path = db_path, .data_dir = ctx->data_dir};
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG,
                                            (uint16_t)port, NULL, NULL, on_request, &conf,
                                            MHD_OPTION_SOCK_ADDR, &addr,
                                            MHD_OPTION_CONNECTION_LIMIT, (unsigned)64,
                                            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                                            MHD_OPTION_END);
    if (!d)
        return dm_fail(ctx, DM_EIO, "cannot listen on 127.0.0.1:%u", port);
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    if (ready)
        ready(ud, info ? info->port : port);
    while (!*stop) {
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    MHD_stop_daemon(d);
    return DM_OK;
}
