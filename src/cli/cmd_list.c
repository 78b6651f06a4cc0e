/*
 * cmd_list.c -- `dragoman list`: one line per stored document.
 */
#include "cli.h"

#include <string.h>

static const char help[] =
    "usage: dragoman list [--db PATH]\n\n"
    "One line per stored document: id, language (identified; the declared one in brackets when it\n"
    "differs), sentences, story (when linked), title.\n";

static dm_status print_doc(void *ud, const dm_stored_doc *d)
{
    (void)ud;
    char story[32] = "-";
    if (d->story >= 0)
        snprintf(story, sizeof story, "%lld", d->story);
    /* one column, so that the line keeps its fields: "fa", or "fa[ar]" when the input said ar */
    const char *lang = d->doc.lang ? d->doc.lang : "und";
    char langs[64];
    if (d->lang_declared && strcmp(d->lang_declared, lang))
        snprintf(langs, sizeof langs, "%s[%s]", lang, d->lang_declared);
    else
        snprintf(langs, sizeof langs, "%s", lang);
    printf("%-28s %-4s %4zu  %-6s %s\n", d->doc.id, langs, d->n_sentences, story, d->doc.title ? d->doc.title : "");
    return DM_OK;
}

int cmd_list(int argc, char **argv)
{
    const char *db;
    int first, rc = cli_parse_store_opts(argc, argv, "list", help, &db, &first);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (first < argc)
        return cli_usage("list", "takes no operands");
    dm_ctx *ctx;
    dm_store *st;
    if ((rc = cli_open_store("list", db, 1, &ctx, &st)))
        return rc;
    printf("%-28s %-4s %4s  %-6s %s\n", "id", "lang", "sent", "story", "title");
    dm_status s = dm_store_each(st, 0, print_doc, NULL);
    if (s)
        rc = cli_fail(ctx, "list", s, db);
    return cli_close_store("list", ctx, st, rc);
}
