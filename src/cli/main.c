/*
 * main.c -- the dragoman program: finds the subcommand and hands it the arguments.
 * Each subcommand lives in its own cmd_<name>.c and reaches the library only via dragoman.h.
 */
#include "cli.h"

#include <string.h>

static const struct {
    const char *name;
    cli_cmd_fn fn;
    const char *summary;
} commands[] = {
    /* one line a command, kept in the order of the help text */
    {"ingest", cmd_ingest, "read documents into the store (folders, JSONL, WARC, stdin)"},
    {"list", cmd_list, "list the stored documents"},
    {"show", cmd_show, "show stored documents with their sentences"},
    {"link", cmd_link, "link the stored documents into stories, across languages"},
    {"report", cmd_report, "the stories and what each version says that the others do not"},
    {"stories", cmd_stories, "the stories found by 'link', each with its versions"},
    {"serve", cmd_serve, "the web viewer: documents, sentences, stories in a browser"},
    {"cluster", cmd_cluster, "group documents that tell the same story, in any language"},
    {"lexicon", cmd_lexicon, "the word translations 'link' learned from the stored collection"},
    {"explain", cmd_explain, "show the evidence joining or separating two documents"},
    {"segment", cmd_segment, "cut a text into sentences, one a line"},
    {"names", cmd_names, "how names are matched across scripts: Latin form and key"},
    {"align", cmd_align, "line up the sentences of two documents (or a batch of pairs)"},
    {"export", cmd_export, "the parallel corpus of the store: sentence pairs of every story"},
    {"diff", cmd_diff, "what two versions of a story add or leave out"},
    {"mine", cmd_mine, "find the translation of each sentence among many"},
    {"langid", cmd_langid, "the language of each input line (or the spans of a mixed text)"},
    {NULL, NULL, NULL},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: dragoman COMMAND [OPTIONS] [ARGS]\n\n"
               "dragoman finds which news articles in many languages tell the same story, lines up\n"
               "their sentences and reports what each version adds or leaves out.\n\ncommands:\n");
    for (size_t i = 0; commands[i].name; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'dragoman COMMAND --help' describes one command. Exit status: 0 success, 1 partial\n"
               "success (some input records rejected), 2 usage error, 3 failure.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (cli_is_help(argv[1])) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("dragoman %s\n", dm_version());
        return EXIT_OK;
    }
    for (size_t i = 0; commands[i].name; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "dragoman: unknown command '%s' (try 'dragoman --help')\n", argv[1]);
    return EXIT_USAGE;
}
