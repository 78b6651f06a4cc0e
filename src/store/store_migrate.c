/*
 * store_migrate.c -- upgrading a store written by an older dragoman to this version's schema.
 *
 * A store is a user's work (hours of ingest, learned lexicons), so a new version of the program
 * must read it rather than fail on a missing column. Each step below takes the schema from one
 * version to the next and runs inside the same transaction as the version bump, so a store is
 * never left half upgraded. A store from a newer dragoman is refused: this program cannot know
 * what its columns mean.
 */
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long dm_store_version(dm_store *st)
{
    sqlite3_stmt *q;
    long v = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key='version'", -1, &q, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_step(q) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(q, 0);
        v = t ? strtol(t, NULL, 10) : 0;
    }
    sqlite3_finalize(q);
    return v;
}

static int has_column(dm_store *st, const char *table, const char *column)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT %s FROM %s LIMIT 0", column, table);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
        return 0;
    sqlite3_finalize(q);
    return 1;
}

/* Version 1 stores listed documents by title only: give every document the headline that
 * ingest now writes (its title, or else its first sentence). */
static dm_status add_headlines(dm_store *st)
{
    if (!has_column(st, "documents", "headline")) {
        dm_status s = dm_store_exec(st, "ALTER TABLE documents ADD COLUMN headline TEXT");
        if (s)
            return s;
    }
    sqlite3_stmt *sel, *upd;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT d.rowid, d.title, d.text, s.start, s.len FROM documents d"
                           " LEFT JOIN sentences s ON s.doc = d.rowid AND s.idx = 0"
                           " WHERE d.headline IS NULL",
                           -1, &sel, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot read documents to upgrade");
    if (sqlite3_prepare_v2(st->db, "UPDATE documents SET headline = ? WHERE rowid = ?", -1, &upd, NULL) !=
        SQLITE_OK) {
        sqlite3_finalize(sel);
        return dm_store_fail(st, "cannot upgrade documents");
    }
    dm_status s = DM_OK;
    int rc;
    while (!s && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
        const char *title = (const char *)sqlite3_column_text(sel, 1);
        char line[512];
        if (title && *title) {
            snprintf(line, sizeof line, "%s", title);
        } else {
            const char *text = (const char *)sqlite3_column_text(sel, 2);
            size_t text_len = (size_t)sqlite3_column_bytes(sel, 2);
            dm_span first = {(size_t)sqlite3_column_int64(sel, 3), (size_t)sqlite3_column_int64(sel, 4)};
            int has_sentence = sqlite3_column_type(sel, 3) != SQLITE_NULL && text &&
                               first.start <= text_len && first.len <= text_len - first.start;
            dm_store_headline(text, &first, has_sentence ? 1 : 0, line, sizeof line);
        }
        sqlite3_bind_text(upd, 1, line, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(upd, 2, sqlite3_column_int64(sel, 0));
        if (sqlite3_step(upd) != SQLITE_DONE)
            s = dm_store_fail(st, "cannot upgrade a document");
        sqlite3_reset(upd);
    }
    if (!s && rc != SQLITE_DONE)
        s = dm_store_fail(st, "cannot read documents to upgrade");
    sqlite3_finalize(sel);
    sqlite3_finalize(upd);
    return s;
}

dm_status dm_store_too_new(dm_store *st, const char *path, long version)
{
    return dm_fail(st->ctx, DM_ESTORE, "%s was written by a newer dragoman (store version %ld; this one knows up to %d)",
                   path, version, DM_STORE_VERSION);
}

dm_status dm_store_migrate(dm_store *st, const char *path)
{
    long v = dm_store_version(st);
    if (v > DM_STORE_VERSION)
        return dm_store_too_new(st, path, v);
    if (v == DM_STORE_VERSION)
        return DM_OK;
    dm_status s = dm_store_exec(st, "SAVEPOINT migrate");
    if (s)
        return s;
    if (v > 0 && v < 2)
        s = add_headlines(st);
    /* version 3 adds the linker's tables (link_words, link_docs), created empty with the schema:
     * the first link after the upgrade analyses every document once and keeps the stories */
    if (!s) {
        char sql[96];
        snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO meta VALUES('version','%d')", DM_STORE_VERSION);
        s = dm_store_exec(st, sql);
    }
    if (s) {
        dm_store_exec(st, "ROLLBACK TO migrate; RELEASE migrate");
        return s;
    }
    if (v > 0)
        dm_diag(st->ctx, DM_DIAG_REPAIRED, path, NULL, "store upgraded from version %ld to %d", v,
                DM_STORE_VERSION);
    return dm_store_exec(st, "RELEASE migrate");
}
