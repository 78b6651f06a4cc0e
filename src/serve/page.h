/*
 * page.h -- what the viewer's pages share: a page being written (a buffer that remembers running
 * out of memory, so that writers need not check every call), paging of long lists, escaping and
 * links. Each page of the viewer is a file of its own (serve_docs.c, serve_stories.c,
 * serve_pair.c); serve.c routes requests to them.
 */
#ifndef DM_SERVE_PAGE_H
#define DM_SERVE_PAGE_H

#include "core/ctx.h"
#include "serve/html_out.h"
#include "util/buf.h"

#include <microhttpd.h>

/* Lists come a page at a time (?from=N), so that a huge store never becomes one reply. */
#define PAGE_ROWS 500
#define JSON_ROWS 1000

typedef struct pager {
    size_t from, limit, seen;
    int more; /* rows remain after this page */
} pager;

typedef struct page {
    dm_buf b;
    int oom;
    pager pg;
    const char *type; /* Content-Type; NULL = HTML */
} page;

extern const char dm_page_head[];

/* 1 to show the next row, 0 to skip it, -1 to stop (the page is full). */
int pager_take(pager *pg);
/* The ?from=N argument (0 when absent or not a number). */
size_t page_from_arg(struct MHD_Connection *conn);
const char *page_arg(struct MHD_Connection *conn, const char *name);

void out(page *p, const char *s);
void out_esc(page *p, const char *s);
void out_printf(page *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text in its own direction: <tag dir="rtl|ltr">escaped text</tag>. */
void out_dir_text(page *p, const char *tag, const char *s);
/* A query value (an id, a search), percent-encoded but for the unreserved characters. */
void out_url_value(page *p, const char *v);
/* A link to a document's page, and to the side-by-side page of two documents. */
void out_doc_link(page *p, const char *id);
void out_pair_link(page *p, const char *a, const char *b, const char *label);

/* The pages: each writes into p (HTML unless it sets p->type) and returns what went wrong. */
dm_status page_index(dm_ctx *ctx, dm_store *st, page *p, const char *q);
dm_status page_doc(dm_ctx *ctx, dm_store *st, page *p, const char *id);
dm_status page_api_docs(dm_ctx *ctx, dm_store *st, page *p);
dm_status page_stories(dm_ctx *ctx, dm_store *st, page *p);
dm_status page_story(dm_ctx *ctx, dm_store *st, page *p, const char *n);
dm_status page_api_stories(dm_ctx *ctx, dm_store *st, page *p);
dm_status page_pair(dm_ctx *ctx, dm_store *st, page *p, const char *a, const char *b);
dm_status page_api_pair(dm_ctx *ctx, dm_store *st, page *p, const char *a, const char *b);

#endif
