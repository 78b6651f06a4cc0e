/*
 * serve.c -- the web viewer: libmicrohttpd serving pages made from the store.
 *
 * Pages: / (documents), /doc?id=, /stories, /story?n=, /pair?a=&b= (two versions side by side,
 * aligned on request); JSON: /api/docs, /api/stories, /api/pair?a=&b=. The pages themselves are
 * in serve_docs.c, serve_stories.c and serve_pair.c.
 *
 * Each request gets its own context and read-only store connection (SQLite connections and
 * contexts are not shared between threads), so the viewer can run while `dragoman ingest` or
 * `dragoman link` writes. Pages are plain HTML with a little CSS; JSON lives under /api/.
 * Lists are paged (?from=N: 500 rows a page, 1000 in JSON), so a reply stays small however
 * large the store.
 */
#include "serve/page.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct serve_conf {
    const char *db_path;
    const char *data_dir;
} serve_conf;

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
    page p = {.pg = {.from = page_from_arg(conn), .limit = PAGE_ROWS}};
    unsigned code = 200;
    dm_status s = dm_store_open(ctx, conf->db_path, 1, &st);
    const char *a = page_arg(conn, "a"), *b = page_arg(conn, "b");
    if (!s && !strcmp(url, "/api/docs")) {
        s = page_api_docs(ctx, st, &p);
    } else if (!s && !strcmp(url, "/api/stories")) {
        s = page_api_stories(ctx, st, &p);
    } else if (!s && !strcmp(url, "/api/pair")) {
        s = page_api_pair(ctx, st, &p, a, b);
    } else if (!s) {
        out(&p, dm_page_head);
        if (!strcmp(url, "/"))
            s = page_index(ctx, st, &p, page_arg(conn, "q"));
        else if (!strcmp(url, "/doc"))
            s = page_doc(ctx, st, &p, page_arg(conn, "id"));
        else if (!strcmp(url, "/stories"))
            s = page_stories(ctx, st, &p);
        else if (!strcmp(url, "/story"))
            s = page_story(ctx, st, &p, page_arg(conn, "n"));
        else if (!strcmp(url, "/pair"))
            s = page_pair(ctx, st, &p, a, b);
        else
            s = DM_ENOTFOUND;
        out(&p, "</body></html>\n");
    }
    const char *type = p.type ? p.type : "text/html; charset=utf-8";
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
