/*
 * store.c -- opening, creating and closing the SQLite store; the schema; transactions.
 *
 * WAL journal so that readers (list, show, serve) never block a writer; synchronous=NORMAL is
 * safe with WAL against a killed process (only a power cut can lose the last batch). A file
 * whose meta table does not say it is a dragoman store is refused rather than written into.
 */
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS documents("
    "  rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, source TEXT, lang TEXT,"
    "  lang_score REAL, lang_declared TEXT, title TEXT, headline TEXT, url TEXT, date TEXT,"
    "  text TEXT NOT NULL, hash TEXT NOT NULL, n_sentences INTEGER NOT NULL DEFAULT 0,"
    "  n_replaced INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX IF NOT EXISTS documents_hash ON documents(hash);"
    "CREATE TABLE IF NOT EXISTS sentences("
    "  doc INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,"
    "  len INTEGER NOT NULL, lang TEXT, PRIMARY KEY(doc, idx)) WITHOUT ROWID;"
    /* what the linking stage finds: scored pairs with their evidence, and stories */
    "CREATE TABLE IF NOT EXISTS links(a INTEGER NOT NULL, b INTEGER NOT NULL, score REAL,"
    "  kind TEXT, evidence TEXT, PRIMARY KEY(a, b)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS stories(doc INTEGER PRIMARY KEY, story INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS stories_story ON stories(story);"
    /* sentence alignments of linked versions, as JSON blocks */
    "CREATE TABLE IF NOT EXISTS alignments(a INTEGER NOT NULL, b INTEGER NOT NULL,"
    "  blocks TEXT NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;"
    /* word translations learned from the collection, reused by later runs */
    "CREATE TABLE IF NOT EXISTS lexicon(lang_a TEXT NOT NULL, lang_b TEXT NOT NULL,"
    "  word_a TEXT NOT NULL, word_b TEXT NOT NULL, prob REAL NOT NULL,"
    "  PRIMARY KEY(lang_a, lang_b, word_a, word_b)) WITHOUT ROWID;"
    /* the linker's analysis of each linked document and the word types it met, so that a later
     * link analyses only the documents added since (version 3) */
    "CREATE TABLE IF NOT EXISTS link_words(id INTEGER PRIMARY KEY, word TEXT NOT NULL,"
    "  latin TEXT NOT NULL, key TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS link_docs(doc INTEGER PRIMARY KEY, analysis BLOB NOT NULL);";

const char *dm_store_default_path(void)
{
    const char *p = getenv("DRAGOMAN_DB");
    return p && *p ? p : "dragoman.db";
}

dm_status dm_store_fail(dm_store *st, const char *what)
{
    return dm_fail(st->ctx, DM_ESTORE, "%s: %s", what, sqlite3_errmsg(st->db));
}

dm_status dm_store_exec(dm_store *st, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        dm_status s = dm_fail(st->ctx, DM_ESTORE, "%s", err ? err : sqlite3_errmsg(st->db));
        sqlite3_free(err);
        return s;
    }
    return DM_OK;
}

dm_status dm_store_begin(dm_store *st)
{
    if (st->in_tx)
        return DM_OK;
    dm_status s = dm_store_exec(st, "BEGIN IMMEDIATE");
    if (!s)
        st->in_tx = 1;
    return s;
}

dm_status dm_store_commit(dm_store *st)
{
    if (!st->in_tx)
        return DM_OK;
    st->in_tx = 0;
    st->pending = 0;
    return dm_store_exec(st, "COMMIT");
}

/* 1 when the file already holds tables of some other program. */
static int is_foreign(dm_store *st)
{
    sqlite3_stmt *q;
    int tables = 0, ours = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW)
            tables = sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
    }
    if (!tables)
        return 0;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key='format'", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(q, 0);
            ours = v && !strcmp(v, DM_STORE_FORMAT);
        }
        sqlite3_finalize(q);
    }
    return !ours;
}

/* A reader of a store from an older dragoman upgrades it first through a short-lived writer
 * (when the file is writable), so that every command sees one schema. Marks st->read_only -1
 * when it did. */
static dm_status upgrade_for_reading(dm_store *st, const char *path)
{
    long v = dm_store_version(st);
    if (v > DM_STORE_VERSION)
        return dm_store_too_new(st, path, v);
    if (v == DM_STORE_VERSION)
        return DM_OK;
    dm_store *w;
    dm_status s = dm_store_open(st->ctx, path, 0, &w);
    if (s) {
        char why[256];
        snprintf(why, sizeof why, "%s", dm_ctx_errmsg(st->ctx));
        return dm_fail(st->ctx, s, "%s is a store of an older dragoman and cannot be upgraded: %s", path, why);
    }
    s = dm_store_close(w);
    if (!s)
        st->read_only = -1;
    return s;
}

dm_status dm_store_open(dm_ctx *ctx, const char *path, int read_only, dm_store **out)
{
    *out = NULL;
    dm_store *st = calloc(1, sizeof *st);
    if (!st)
        return dm_fail(ctx, DM_ENOMEM, "no memory for the store");
    st->ctx = ctx;
    st->read_only = read_only;
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        dm_status s = dm_fail(ctx, read_only ? DM_ENOTFOUND : DM_ESTORE, "cannot open store %s: %s",
                              path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
        sqlite3_close(st->db);
        free(st);
        return s;
    }
    sqlite3_busy_timeout(st->db, 10000);
    dm_status s = DM_OK;
    if (is_foreign(st)) {
        s = dm_fail(ctx, DM_ESTORE, "%s is not a dragoman store (refusing to touch it)", path);
    } else if (!read_only) {
        s = dm_store_exec(st, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        if (!s)
            s = dm_store_exec(st, schema);
        if (!s)
            s = dm_store_exec(st, "INSERT OR IGNORE INTO meta VALUES('format','" DM_STORE_FORMAT "');");
        if (!s)
            s = dm_store_migrate(st, path);
    } else {
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM meta WHERE key='format'", -1, &q, NULL) != SQLITE_OK)
            s = dm_fail(ctx, DM_ENOTFOUND, "%s holds no dragoman store yet (run 'dragoman ingest' first)", path);
        else
            sqlite3_finalize(q);
        if (!s && (s = upgrade_for_reading(st, path)) == DM_OK && st->read_only < 0) {
            /* upgraded through a writer: read the upgraded file afresh */
            sqlite3_close(st->db);
            free(st);
            return dm_store_open(ctx, path, 1, out);
        }
    }
    if (s) {
        sqlite3_close(st->db);
        free(st);
        return s;
    }
    *out = st;
    return DM_OK;
}

dm_status dm_store_close(dm_store *st)
{
    if (!st)
        return DM_OK;
    dm_status s = dm_store_commit(st);
    dm_store_linkstate_close(st);
    sqlite3_close(st->db);
    free(st);
    return s;
}
