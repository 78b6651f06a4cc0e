/*
 * cli.h -- what the files of the command-line program share. The program uses the library only
 * through include/dragoman.h; this header holds the tool's own helpers (options, output, help).
 *
 * Exit codes, the same for every command:
 *   0  complete success
 *   1  partial success: the work was done, but some input records were rejected (see stderr)
 *   2  usage error (bad option or argument)
 *   3  failure: nothing useful was produced (unreadable input, store error, missing model)
 */
#ifndef DM_CLI_H
#define DM_CLI_H

#include "dragoman.h"

#include <stdio.h>

enum { EXIT_OK = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_FAIL = 3 };

/* One subcommand: argv[0] is the command's name. */
typedef int (*cli_cmd_fn)(int argc, char **argv);

int cmd_ingest(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_langid(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_names(int argc, char **argv);
int cmd_align(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_mine(int argc, char **argv);
int cmd_cluster(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_link(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);
int cmd_export(int argc, char **argv);

/* The stored documents with their stories, sorted by story then id (unlinked ones, story -1,
 * first). */
typedef struct cli_story_row {
    char *id, *lang, *title;
    size_t n_sentences;
    long long story;
} cli_story_row;
typedef struct cli_story_rows {
    cli_story_row *v;
    size_t n, cap;
} cli_story_rows;
dm_status cli_story_rows_load(dm_store *st, cli_story_rows *r);
void cli_story_rows_free(cli_story_rows *r);

/* Story numbers for new clusters (labels[i] of document i) that keep the old numbers (old[i],
 * -1 when document i had none) where a cluster carries most of an old story (cli_story_numbers.c). */
dm_status cli_number_stories(const long long *old, const size_t *labels, size_t n, size_t *story);

/* Print "Story N: k versions (langs)" and a line per version, for rows [i, j). */
void cli_print_story_head(const cli_story_rows *r, size_t i, size_t j, size_t number);
/* Print the documents of the rows that stand alone (unlinked, or a story of one), under a header
 * that says whether linking has run (stories = how many linked stories were printed). */
void cli_print_alone(const cli_story_rows *r, size_t stories);
/* Print the stories of the store (used by `stories` and `report`); -1 on a store error. */
int cli_print_stories(dm_store *st);

/* A context with diagnostics printed to stderr as "dragoman: <level> <place> [id]: reason". */
dm_ctx *cli_ctx_new(void);
/* The same with a document size limit (0 = the library's default). */
dm_ctx *cli_ctx_new_opts(size_t max_doc_bytes);

/* Print "dragoman <cmd>: <what>: <message>" to stderr and return EXIT_FAIL (or EXIT_USAGE). */
int cli_fail(dm_ctx *ctx, const char *cmd, dm_status st, const char *what);
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parse `--db PATH` and `--help` for a store-reading command. Returns 0 to go on (*first_arg
 * = first operand), -1 after printing help (exit 0), or an exit code for a usage error. */
int cli_parse_store_opts(int argc, char **argv, const char *cmd, const char *help, const char **db,
                         int *first_arg);
/* Open a context and the store; on failure prints why and returns the exit code. */
int cli_open_store(const char *cmd, const char *db, int read_only, dm_ctx **ctx, dm_store **st);
/* Close both; returns rc, or a failure code if closing failed. */
int cli_close_store(const char *cmd, dm_ctx *ctx, dm_store *st, int rc);

/* Progress on stderr when it is a terminal; silence otherwise. */
typedef struct cli_progress_state {
    int started, disabled, shown;
    double last;
} cli_progress_state;
void cli_progress(cli_progress_state *p, size_t done, const char *unit);
void cli_progress_end(cli_progress_state *p);

/* True when argv[i] is -h or --help. */
int cli_is_help(const char *arg);

/* Read a whole file ("-" = stdin) into a malloc'ed NUL-terminated buffer; DM_ELIMIT past max
 * bytes (standard input may never end). */
dm_status cli_read_all(const char *path, size_t max, char **out, size_t *len);

/* Run fn on each file of files[0..n) as a stream ("-" = standard input), or on standard input
 * when n is 0, until one returns other than EXIT_OK; a file that cannot be opened is reported
 * (as cmd's) and fails. Returns the last exit status. */
int cli_each_stream(const char *cmd, char **files, int n, int (*fn)(void *ud, FILE *f, const char *name),
                    void *ud);

#endif
