/*
 * store_internal.h -- the dm_store handle, shared by the files of src/store (opening and
 * schema, documents, stories); other stages reach the store only through dragoman.h.
 */
#ifndef DM_STORE_INTERNAL_H
#define DM_STORE_INTERNAL_H

#include "core/ctx.h"

#include <sqlite3.h>

#define DM_STORE_BATCH 256 /* documents per transaction */
#define DM_STORE_FORMAT "dragoman-store"
/* The schema's version, written in meta('version'); store_migrate.c upgrades older ones. */
#define DM_STORE_VERSION 3

struct dm_store {
    dm_ctx *ctx;
    sqlite3 *db;
    int read_only;
    int in_tx;
    int pending;
    /* statements of store_linkstate.c, prepared on first use (a link run writes one a word type) */
    sqlite3_stmt *put_word, *put_doc, *put_lex;
};

/* Finalise the statements above (when the store closes). */
void dm_store_linkstate_close(dm_store *st);

/* Fail with SQLite's message. */
dm_status dm_store_fail(dm_store *st, const char *what);
dm_status dm_store_exec(dm_store *st, const char *sql);
/* Open a transaction when none is open (batches of DM_STORE_BATCH writes). */
dm_status dm_store_begin(dm_store *st);

/* The headline a document without a title is listed under: its first sentence, cut near 120
 * bytes at a character boundary (written into out, "" when there is no sentence). */
void dm_store_headline(const char *text, const dm_span *sent, size_t n, char *out, size_t cap);
/* Bring a store written by an older dragoman up to this version's schema (in one transaction);
 * refuse one written by a newer dragoman. */
dm_status dm_store_migrate(dm_store *st, const char *path);
/* The schema version written in meta, 0 when there is none (a store being created). */
long dm_store_version(dm_store *st);
dm_status dm_store_too_new(dm_store *st, const char *path, long version);

#endif
