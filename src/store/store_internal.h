/*
 * store_internal.h -- the dm_store handle, shared by the files of src/store (opening and
 * schema, documents, stories); other stages reach the store only through dragoman.h.
 */
#ifndef DM_STORE_INTERNAL_H
#define DM_STORE_INTERNAL_H

#include "core/ctx.h"

#include <sqlite3.h>

#define DM_STORE_BATCH 256 /* documents per transaction */

struct dm_store {
    dm_ctx *ctx;
    sqlite3 *db;
    int read_only;
    int in_tx;
    int pending;
};

/* Fail with SQLite's message. */
dm_status dm_store_fail(dm_store *st, const char *what);
dm_status dm_store_exec(dm_store *st, const char *sql);
/* Open a transaction when none is open (batches of DM_STORE_BATCH writes). */
dm_status dm_store_begin(dm_store *st);

#endif
