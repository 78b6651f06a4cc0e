/*
 * cmd_stories.c -- `dragoman stories`: the stories found by `dragoman link`, each with its
 * versions (language, sentences, title), then the documents that stand alone.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman stories [--db PATH]\n\n"
    "Print each story found by 'dragoman link' with its versions: id, language, sentences and\n"
    "title; then the documents that tell a story of their own.\n";

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static dm_status collect(void *ud, const dm_stored_doc *d)
{
    cli_story_rows *r = ud;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        cli_story_row *nv = realloc(r->v, cap * sizeof *nv);
        if (!nv)
            return DM_ENOMEM;
        r->v = nv;
        r->cap = cap;
    }
    cli_story_row *w = &r->v[r->n++];
    w->id = strdup(d->doc.id);
    w->lang = dup_or_null(d->doc.lang);
    w->title = dup_or_null(d->doc.title);
    w->n_sentences = d->n_sentences;
    w->story = d->story;
    if (!w->id)
        return DM_ENOMEM;
    return DM_OK;
}

static int by_story(const void *a, const void *b)
{
    const cli_story_row *x = a, *y = b;
    if (x->story != y->story)
        return x->story < y->story ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Print a title cut to about 70 characters (on a UTF-8 boundary). */
static void print_title(const char *t)
{
    if (!t)
        return;
    size_t n = strlen(t), cut = n, chars = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80 && ++chars > 70) {
            cut = i;
            break;
        }
    printf("  %.*s%s", (int)cut, t, cut < n ? "…" : "");
}

void cli_story_rows_free(cli_story_rows *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].id);
        free(r->v[i].lang);
        free(r->v[i].title);
    }
    free(r->v);
    r->v = NULL;
    r->n = r->cap = 0;
}

dm_status cli_story_rows_load(dm_store *st, cli_story_rows *r)
{
    memset(r, 0, sizeof *r);
    dm_status s = dm_store_each(st, 0, collect, r);
    if (s) {
        cli_story_rows_free(r);
        return s;
    }
    if (r->n > 1) /* an empty array may be NULL */
        qsort(r->v, r->n, sizeof *r->v, by_story);
    return DM_OK;
}

void cli_print_story_head(const cli_story_rows *r, size_t i, size_t j, size_t number)
{
    printf("Story %zu: %zu versions (", number, j - i);
    for (size_t k = i; k < j; k++)
        printf("%s%s", k > i ? ", " : "", r->v[k].lang ? r->v[k].lang : "und");
    printf(")\n");
    for (size_t k = i; k < j; k++) {
        printf("  %-24s %-4s %4zu sentences", r->v[k].id, r->v[k].lang ? r->v[k].lang : "und",
               r->v[k].n_sentences);
        print_title(r->v[k].title);
        putchar('\n');
    }
}

void cli_print_alone(const cli_story_rows *r, size_t stories)
{
    int header = 0;
    /* rows are sorted by story: a document is alone when unlinked or its group has one row */
    for (size_t i = 0; i < r->n;) {
        size_t j = i;
        while (j < r->n && r->v[j].story == r->v[i].story)
            j++;
        if (r->v[i].story < 0 || j - i == 1)
            for (size_t k = i; k < j; k++) {
                if (!header++)
                    printf("Alone (a story of their own%s):\n",
                           stories ? "" : ", or not linked yet: run 'dragoman link'");
                printf("  %-24s %-4s %4zu sentences", r->v[k].id, r->v[k].lang ? r->v[k].lang : "und",
                       r->v[k].n_sentences);
                print_title(r->v[k].title);
                putchar('\n');
            }
        i = j;
    }
}

int cli_print_stories(dm_store *st)
{
    cli_story_rows r;
    if (cli_story_rows_load(st, &r))
        return -1;
    size_t stories = 0;
    for (size_t i = 0; i < r.n;) {
        size_t j = i;
        while (j < r.n && r.v[j].story == r.v[i].story)
            j++;
        int linked = r.v[i].story >= 0 && j - i > 1;
        if (linked) {
            stories++;
            cli_print_story_head(&r, i, j, (size_t)r.v[i].story);
            putchar('\n');
        }
        i = j;
    }
    cli_print_alone(&r, stories);
    cli_story_rows_free(&r);
    return 0;
}

int cmd_stories(int argc, char **argv)
{
    const char *db;
    int first, rc = cli_parse_store_opts(argc, argv, "stories", help, &db, &first);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (first < argc)
        return cli_usage("stories", "takes no operands");
    dm_ctx *ctx;
    dm_store *st;
    if ((rc = cli_open_store("stories", db, 1, &ctx, &st)))
        return rc;
    if (cli_print_stories(st))
        rc = cli_fail(ctx, "stories", DM_ESTORE, db);
    return cli_close_store("stories", ctx, st, rc);
}
