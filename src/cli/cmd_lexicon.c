/*
 * cmd_lexicon.c -- `dragoman lexicon`: the word translations `dragoman link` learned from the
 * stored collection and keeps in the store (the next link starts from them), one a line.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman lexicon [--db PATH] [--langs A-B] [--limit N]\n\n"
    "Print the word translations 'dragoman link' learned from the stored collection (words of\n"
    "language A that turn up in the same stories as words of the pivot language B), one a\n"
    "line: lang_a, lang_b, word, translation, Dice coefficient of their stories. --langs fa-en\n"
    "(or fa) keeps one language pair; --limit N at most N lines per pair (default: all).\n";

typedef struct printer {
    size_t limit, in_pair, lines;
    char pair[64];
} printer;

static dm_status print_row(void *ud, const char *lang_a, const char *lang_b, const char *word_a, const char *word_b,
                           double prob)
{
    printer *p = ud;
    char pair[64];
    snprintf(pair, sizeof pair, "%s-%s", lang_a, lang_b);
    if (strcmp(pair, p->pair)) {
        snprintf(p->pair, sizeof p->pair, "%s", pair);
        p->in_pair = 0;
    }
    if (p->limit && p->in_pair >= p->limit)
        return DM_OK;
    p->in_pair++;
    p->lines++;
    printf("%s\t%s\t%s\t%s\t%.3f\n", lang_a, lang_b, word_a, word_b, prob);
    return DM_OK;
}

int cmd_lexicon(int argc, char **argv)
{
    const char *db = dm_store_default_path(), *langs = NULL;
    printer p = {0};
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"langs", required_argument, NULL, 'l'},
                                         {"limit", required_argument, NULL, 'n'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    for (int c; (c = getopt_long(argc, argv, "h", opts, NULL)) != -1;) {
        if (c == 'd')
            db = optarg;
        else if (c == 'l')
            langs = optarg;
        else if (c == 'n') {
            char *end;
            long long v = strtoll(optarg, &end, 10);
            if (*end || v < 0)
                return cli_usage("lexicon", "--limit takes a number, not '%s'", optarg);
            p.limit = (size_t)v;
        } else if (c == 'h') {
            fputs(help, stdout);
            return EXIT_OK;
        } else
            return cli_usage("lexicon", "unknown option");
    }
    if (optind < argc)
        return cli_usage("lexicon", "takes no operands");
    char a[32] = "", b[32] = "";
    if (langs) {
        const char *dash = strchr(langs, '-');
        size_t la = dash ? (size_t)(dash - langs) : strlen(langs);
        if (!la || la >= sizeof a || (dash && (!dash[1] || strlen(dash + 1) >= sizeof b)))
            return cli_usage("lexicon", "--langs takes A-B or A, not '%s'", langs);
        memcpy(a, langs, la);
        if (dash)
            snprintf(b, sizeof b, "%s", dash + 1);
    }
    dm_ctx *ctx;
    dm_store *st;
    int rc = cli_open_store("lexicon", db, 1, &ctx, &st);
    if (rc)
        return rc;
    dm_status s = dm_store_lexicon(st, *a ? a : NULL, *b ? b : NULL, print_row, &p);
    if (s)
        rc = cli_fail(ctx, "lexicon", s, db);
    else if (!p.lines)
        fprintf(stderr, "dragoman lexicon: no learned translation%s%s in %s (run 'dragoman link' first)\n",
                langs ? " for " : "", langs ? langs : "", db);
    return cli_close_store("lexicon", ctx, st, rc);
}
