/*
 * html.c -- HTML to text through libxml2's HTML parser (forgiving, as web pages need). The text
 * keeps the title and the body with paragraph breaks at block elements, and drops what is not
 * the article: scripts, styles, navigation, headers and footers, forms.
 */
#include "read/reader.h"
#include "text/text.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_skipped(const char *name)
{
    static const char *const skip[] = {"script", "style", "noscript", "nav", "header", "footer",
                                       "aside", "form", "iframe", "svg", "button", "select",
                                       "template", "head", "menu", "object", "canvas", NULL};
    for (int i = 0; skip[i]; i++)
        if (!strcasecmp(name, skip[i]))
            return 1;
    return 0;
}

/* An element inside <article>: its <header> holds the headline and the lede, not site chrome.
 * Looks up 64 levels at most, so that thousands of nested headers cost no quadratic time. */
static int in_article(const xmlNode *n)
{
    int up = 0;
    for (n = n->parent; n && up < 64; n = n->parent, up++)
        if (n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, "article"))
            return 1;
    return 0;
}

static int is_block(const char *name)
{
    static const char *const block[] = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                                        "tr", "section", "article", "blockquote", "pre", "table",
                                        "ul", "ol", "dd", "dt", "figcaption", "hr", "main", "td",
                                        "th", "caption", "address", "body", NULL};
    for (int i = 0; block[i]; i++)
        if (!strcasecmp(name, block[i]))
            return 1;
    return 0;
}

/* Append text with runs of white space collapsed to one space. */
static int add_text(dm_buf *b, const char *s)
{
    for (; *s; s++) {
        char c = *s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (b->len && b->p[b->len - 1] != ' ' && b->p[b->len - 1] != '\n' && dm_buf_addc(b, ' '))
                return -1;
        } else if (dm_buf_addc(b, c)) {
            return -1;
        }
    }
    return 0;
}

static int add_break(dm_buf *b)
{
    while (b->len && b->p[b->len - 1] == ' ')
        b->len--;
    if (b->p)
        b->p[b->len] = 0;
    if (b->len >= 2 && b->p[b->len - 1] == '\n' && b->p[b->len - 2] == '\n')
        return 0;
    if (b->len == 0)
        return 0;
    return dm_buf_adds(b, b->p[b->len - 1] == '\n' ? "\n" : "\n\n");
}

/* Iterative walk: pages can nest deeper than a C stack likes. */
static int walk(xmlNode *root, dm_buf *b)
{
    xmlNode *n = root;
    while (n) {
        int descend = 0;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content && add_text(b, (const char *)n->content))
                return -1;
        } else if (n->type == XML_ELEMENT_NODE && n->name) {
            const char *name = (const char *)n->name;
            if (!is_skipped(name) || (!strcasecmp(name, "header") && in_article(n))) {
                if (is_block(name) && add_break(b))
                    return -1;
                descend = n->children != NULL;
            }
        }
        if (descend) {
            n = n->children;
            continue;
        }
        while (n && !n->next) {
            n = n->parent;
            if (!n || n == root->parent)
                return 0;
            if (n->type == XML_ELEMENT_NODE && n->name && is_block((const char *)n->name) && add_break(b))
                return -1;
        }
        if (n)
            n = n->next;
    }
    return 0;
}

static char *find_title(xmlNode *n, int depth)
{
    for (; n && depth < 64; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, "title")) {
            xmlChar *t = xmlNodeGetContent(n);
            if (!t)
                return NULL;
            dm_buf b = {0};
            add_text(&b, (const char *)t);
            xmlFree(t);
            while (b.len && b.p[b.len - 1] == ' ')
                b.p[--b.len] = 0;
            if (b.len && b.p[0] == ' ')
                memmove(b.p, b.p + 1, b.len--);
            return b.p;
        }
        if (n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, "body"))
            continue;
        char *t = find_title(n->children, depth + 1);
        if (t)
            return t;
    }
    return NULL;
}

/* 1 when the page declares, near its start, a charset other than UTF-8 (<meta charset=...> or
 * http-equiv): libxml2 then converts it. */
static int declares_other_charset(const char *html, size_t len)
{
    if (len > 4096)
        len = 4096;
    for (size_t i = 0; i + 8 < len; i++) {
        if (strncasecmp(html + i, "charset", 7))
            continue;
        size_t j = i + 7;
        while (j < len && (html[j] == ' ' || html[j] == '\t'))
            j++;
        if (j >= len || html[j] != '=')
            continue;
        j++;
        while (j < len && (html[j] == ' ' || html[j] == '"' || html[j] == '\''))
            j++;
        if (j >= len || html[j] == '"' || html[j] == '\'' || html[j] == '>')
            continue;
        size_t k = len - j;
        return !((k >= 5 && !strncasecmp(html + j, "utf-8", 5)) ||
                 (k >= 4 && !strncasecmp(html + j, "utf8", 4)));
    }
    return 0;
}

/* 1 when the page is small enough in tags to be parsed without libxml2's nesting limit: past
 * it, every unmatched end tag searches the whole stack of open elements, so the cost grows as
 * start tags times end tags (100000 <div>s and 200000 stray </b>s: a minute). */
static int depth_limit_can_go(const char *html, size_t len)
{
    double opens = 0, closes = 0;
    for (const char *p = html, *end = html + len; (p = memchr(p, '<', (size_t)(end - p))) && p + 1 < end; p++) {
        if (p[1] == '/')
            closes++;
        else if ((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z')
            opens++;
    }
    return opens * closes <= 2e8;
}

dm_status dm_html_to_text(dm_ctx *ctx, const char *html, size_t len, const char *charset,
                          char **text, size_t *text_len, char **title, size_t *n_replaced)
{
    *text = NULL;
    *text_len = 0;
    *title = NULL;
    if (n_replaced)
        *n_replaced = 0;
    if (len > INT32_MAX)
        return dm_fail(ctx, DM_ELIMIT, "page too large");
    /* With no charset given or declared, libxml2 reads UTF-8 until the first invalid byte and
     * then switches to Latin-1 for the rest of the page. Read such a page as UTF-8, its invalid
     * bytes replaced (and counted) first; a UTF-16 byte-order mark is left to libxml2. */
    char *fixed = NULL;
    int utf16 = len >= 2 && (((unsigned char)html[0] == 0xFF && (unsigned char)html[1] == 0xFE) ||
                             ((unsigned char)html[0] == 0xFE && (unsigned char)html[1] == 0xFF));
    if (!charset && !utf16 && !declares_other_charset(html, len)) {
        charset = "UTF-8";
        if (!dm_utf8_is_valid(html, len)) {
            size_t fixed_len, bad;
            dm_status st = dm_text_clean(ctx, html, len, &fixed, &fixed_len, &bad);
            if (st)
                return st;
            if (fixed_len > INT32_MAX) {
                free(fixed);
                return dm_fail(ctx, DM_ELIMIT, "page too large");
            }
            html = fixed;
            len = fixed_len;
            if (n_replaced)
                *n_replaced = bad;
        }
    }
    /* libxml2 stops at a NUL byte, losing the rest of the page: drop NULs, as cleaning does
     * everywhere (not in UTF-16, where they are half of every ASCII letter) */
    if (!utf16 && memchr(html, 0, len)) {
        char *copy = malloc(len ? len : 1);
        if (!copy) {
            free(fixed);
            return dm_fail(ctx, DM_ENOMEM, "no memory for a page");
        }
        size_t w = 0;
        for (size_t i = 0; i < len; i++)
            if (html[i])
                copy[w++] = html[i];
        free(fixed);
        html = fixed = copy;
        len = w;
    }
    /* XML_PARSE_HUGE lifts libxml2's nesting limit of 256, past which it stops parsing and the
     * rest of the page is lost (pages with unclosed <font> or <b> reach it); the walk below is
     * iterative, so depth costs no stack. Only for pages where it cannot cost quadratic time. */
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_COMPACT;
    if (depth_limit_can_go(html, len))
        opts |= XML_PARSE_HUGE;
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, charset, opts);
    free(fixed);
    if (!doc)
        return dm_fail(ctx, DM_EFORMAT, "HTML could not be parsed");
    dm_buf b = {0};
    xmlNode *root = xmlDocGetRootElement(doc);
    int bad = 0;
    if (root) {
        *title = find_title(root, 0);
        bad = walk(root, &b);
    }
    xmlFreeDoc(doc);
    if (bad) {
        dm_buf_free(&b);
        free(*title);
        *title = NULL;
        return dm_fail(ctx, DM_ENOMEM, "no memory for page text");
    }
    while (b.len && (b.p[b.len - 1] == '\n' || b.p[b.len - 1] == ' '))
        b.p[--b.len] = 0;
    if (!b.p && dm_buf_adds(&b, ""))
        return dm_fail(ctx, DM_ENOMEM, "no memory for page text");
    *text = b.p;
    *text_len = b.len;
    return DM_OK;
}
