/*
 * cli_docs.h -- documents of a JSONL file held in memory (see cli_docs.c).
 */
#ifndef DM_CLI_DOCS_H
#define DM_CLI_DOCS_H

#include "cli.h"

typedef struct cli_docs {
    dm_doc *doc;
    size_t n, cap;
} cli_docs;

/* Read every {"id","text"} line of a JSONL file ("-" = stdin); bad lines are reported on stderr
 * and counted in *rejected. */
dm_status cli_docs_read(const char *path, cli_docs *d, size_t *rejected);
void cli_docs_free(cli_docs *d);
/* Index of the document with this id, or (size_t)-1. */
size_t cli_docs_find(const cli_docs *d, const char *id);

#endif
