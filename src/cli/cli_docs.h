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

/* Read every document of a path (JSONL, folder, WARC, "-" = stdin); bad records are reported
 * on stderr through the context's diagnostics and *rejected is set nonzero. */
dm_status cli_docs_read(dm_ctx *ctx, const char *path, cli_docs *d, size_t *rejected);
/* Every stored document (with its identified language); *story (when not NULL) receives a
 * malloc'ed array of their current story numbers, -1 where none. */
dm_status cli_docs_from_store(dm_store *st, cli_docs *d, long long **story);
void cli_docs_free(cli_docs *d);
/* Index of the document with this id, or (size_t)-1. */
size_t cli_docs_find(const cli_docs *d, const char *id);

#endif
