/*
 * html.c -- HTML to text through libxml2's HTML parser (forgiving, as web pages need). The text
 * keeps the title and the body with paragraph breaks at block elements, and drops what is not
 * the article: scripts, styles, navigation, headers and footers, forms.
 */
#include "read/reader.h"

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
            if (!is_skipped(name)) {
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

dm_status dm_html_to_text(dm_ctx *ctx, const char *html, size_t len, const char *charset,
                          char **text, size_t *text_len, char **title)
{
    *text = NULL;
    *text_len = 0;
    *title = NULL;
    if (len > INT32_MAX)
        return dm_fail(ctx, DM_ELIMIT, "page too large");
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, charset, opts);
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
