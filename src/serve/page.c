/*
 * page.c -- writing the viewer's pages (see page.h).
 */
#include "serve/page.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char dm_page_head[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>dragoman</title><style>"
    "body{font-family:sans-serif;margin:2em;max-width:80em}td,th{padding:.2em .6em;vertical-align:top}"
    "th{text-align:left;background:#eee}tr:nth-child(even){background:#fafafa}"
    ".lang{color:#666;font-size:.85em}.story{border:1px solid #ccc;padding:.5em 1em;margin:1em 0}"
    "nav a{margin-right:1em}[dir=rtl]{text-align:right}</style></head><body><h1><a href=\"/\">dragoman</a></h1>"
    "<nav><a href=\"/\">documents</a><a href=\"/stories\">stories</a></nav>";

int pager_take(pager *pg)
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

const char *page_arg(struct MHD_Connection *conn, const char *name)
{
    return MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, name);
}

size_t page_from_arg(struct MHD_Connection *conn)
{
    const char *v = page_arg(conn, "from");
    if (!v || *v < '0' || *v > '9')
        return 0;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    return *end || n > (size_t)-1 / 2 ? 0 : (size_t)n;
}

void out(page *p, const char *s)
{
    p->oom |= dm_buf_adds(&p->b, s);
}

void out_esc(page *p, const char *s)
{
    if (s)
        p->oom |= dm_html_escape(&p->b, s, strlen(s));
}

void out_printf(page *p, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        p->oom = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        out(p, small);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        p->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    out(p, big);
    free(big);
}

void out_dir_text(page *p, const char *tag, const char *s)
{
    out_printf(p, "<%s dir=\"%s\">", tag, s ? dm_text_dir(s, strlen(s)) : "ltr");
    out_esc(p, s);
    out_printf(p, "</%s>", tag);
}

void out_url_value(page *p, const char *v)
{
    for (const unsigned char *c = (const unsigned char *)v; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            strchr("-_.~", *c))
            p->oom |= dm_buf_addc(&p->b, (char)*c);
        else
            p->oom |= dm_buf_printf(&p->b, "%%%02X", *c);
    }
}

void out_doc_link(page *p, const char *id)
{
    out(p, "<a href=\"/doc?id=");
    out_url_value(p, id);
    out(p, "\">");
    out_esc(p, id);
    out(p, "</a>");
}

void out_pair_link(page *p, const char *a, const char *b, const char *label)
{
    out(p, "<a href=\"/pair?a=");
    out_url_value(p, a);
    out(p, "&amp;b=");
    out_url_value(p, b);
    out(p, "\">");
    out_esc(p, label);
    out(p, "</a>");
}
