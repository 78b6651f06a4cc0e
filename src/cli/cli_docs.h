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

/* Read every document of a path (dm_read_path: JSONL, folders, WARC; "-" = stdin). Rejected
 * records go to the context's diagnostics and give DM_EPARTIAL with the good ones kept. */
dm_status cli_docs_read(dm_ctx *ctx, const char *path, cli_docs *d);
/* Every stored document (with its identified language); *story (when not NULL) receives a
 * malloc'ed array of their current story numbers, -1 where none. */
dm_status cli_docs_from_store(dm_store *st, cli_docs *d, long long **story);
void cli_docs_free(cli_docs *d);
/* Append a copy of one document (the reader lends its strings for one call only). */
dm_status cli_docs_keep(cli_docs *d, const dm_doc *doc);
/* Index of the document with this id, or (size_t)-1. */
size_t cli_docs_find(const cli_docs *d, const char *id);

#endif
