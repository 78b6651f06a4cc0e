/*
 * cmd_show.c -- `dragoman show ID`: one stored document with its sentences and their languages.
 */
#include "cli.h"

static const char help[] =
    "usage: dragoman show [--db PATH] ID...\n\n"
    "Print a stored document: its fields, then each sentence with its number and language.\n";

static dm_status print_head(void *ud, const dm_stored_doc *d)
{
    (void)ud;
    printf("id:        %s\n", d->doc.id);
    printf("source:    %s\n", d->doc.source ? d->doc.source : "-");
    printf("language:  %s (%.2f)%s%s\n", d->doc.lang ? d->doc.lang : "und", d->lang_score,
           d->lang_declared ? ", declared " : "", d->lang_declared ? d->lang_declared : "");
    if (d->doc.title)
        printf("title:     %s\n", d->doc.title);
    if (d->doc.url)
        printf("url:       %s\n", d->doc.url);
    if (d->doc.date)
        printf("date:      %s\n", d->doc.date);
    if (d->story >= 0)
        printf("story:     %lld\n", d->story);
    printf("sentences: %zu\n", d->n_sentences);
    if (d->doc.n_replaced)
        printf("repaired:  %zu invalid byte sequences\n", d->doc.n_replaced);
    return DM_OK;
}

static dm_status print_sentence(void *ud, size_t idx, const char *text, size_t len, const char *lang)
{
    (void)ud;
    printf("%4zu %-4s %.*s\n", idx, lang ? lang : "und", (int)len, text);
    return DM_OK;
}

int cmd_show(int argc, char **argv)
{
    const char *db;
    int first, rc = cli_parse_store_opts(argc, argv, "show", help, &db, &first);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (first >= argc)
        return cli_usage("show", "give a document id");
    dm_ctx *ctx;
    dm_store *st;
    if ((rc = cli_open_store("show", db, 1, &ctx, &st)))
        return rc;
    for (int i = first; i < argc; i++) {
        if (i > first)
            putchar('\n');
        dm_status s = dm_store_get(st, argv[i], print_head, NULL);
        if (!s) {
            putchar('\n');
            s = dm_store_sentences(st, argv[i], print_sentence, NULL);
        }
        if (s)
            rc = cli_fail(ctx, "show", s, argv[i]);
    }
    return cli_close_store("show", ctx, st, rc);
}
