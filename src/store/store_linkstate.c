/*
 * store_linkstate.c -- what the linker keeps between runs so that `dragoman link` analyses only
 * the documents added since the last one: the word types it met (with their transliteration and
 * name key), each linked document's analysis (a blob the linker alone reads), and the word
 * translations it learned from the collection (the `lexicon` table). Separate from store_links.c,
 * which keeps what the linker found (stories, links) for people to read.
 */
#include "store/store_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static dm_status writable(dm_store *st)
{
    if (st->read_only)
        return dm_fail(st->ctx, DM_EINVAL, "the store was opened read-only");
    return dm_store_begin(st);
}

/* One prepared statement run to the end, each row handed to row(); DM_OK when all went well. */
typedef dm_status (*row_fn)(sqlite3_stmt *q, void *ud);

static dm_status each(dm_store *st, sqlite3_stmt *q, row_fn row, void *ud, const char *what)
{
    dm_status s = DM_OK;
    int rc;
    while (!s && (rc = sqlite3_step(q)) == SQLITE_ROW)
        s = row(q, ud);
    if (!s && rc != SQLITE_DONE)
        s = dm_store_fail(st, what);
    sqlite3_finalize(q);
    return s;
}

static const char *text_col(sqlite3_stmt *q, int i)
{
    const char *t = (const char *)sqlite3_column_text(q, i);
    return t ? t : "";
}

typedef struct word_cb {
    dm_link_word_fn fn;
    void *ud;
} word_cb;

static dm_status word_row(sqlite3_stmt *q, void *ud)
{
    word_cb *c = ud;
    return c->fn(c->ud, sqlite3_column_int64(q, 0), text_col(q, 1), text_col(q, 2), text_col(q, 3));
}

dm_status dm_store_link_words(dm_store *st, dm_link_word_fn fn, void *ud)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT id, word, latin, key FROM link_words ORDER BY id", -1, &q, NULL) !=
        SQLITE_OK)
        return dm_store_fail(st, "cannot read the linker's words");
    word_cb c = {fn, ud};
    return each(st, q, word_row, &c, "cannot read the linker's words");
}

void dm_store_linkstate_close(dm_store *st)
{
    sqlite3_finalize(st->put_word);
    sqlite3_finalize(st->put_doc);
    sqlite3_finalize(st->put_lex);
    st->put_word = st->put_doc = st->put_lex = NULL;
}

/* A writing statement, prepared once per store handle: a link run writes one per new word type. */
static dm_status prepared(dm_store *st, sqlite3_stmt **q, const char *sql, const char *what)
{
    dm_status s = writable(st);
    if (s)
        return s;
    if (!*q && sqlite3_prepare_v2(st->db, sql, -1, q, NULL) != SQLITE_OK)
        return dm_store_fail(st, what);
    sqlite3_reset(*q);
    sqlite3_clear_bindings(*q);
    return DM_OK;
}

static dm_status run_insert(dm_store *st, sqlite3_stmt *q, const char *what)
{
    dm_status s = sqlite3_step(q) == SQLITE_DONE ? DM_OK : dm_store_fail(st, what);
    sqlite3_reset(q);
    return s;
}

dm_status dm_store_put_link_word(dm_store *st, long long id, const char *word, const char *latin,
                                 const char *key)
{
    dm_status s = prepared(st, &st->put_word, "INSERT OR REPLACE INTO link_words(id, word, latin, key) VALUES(?,?,?,?)",
                           "cannot store the linker's words");
    if (s)
        return s;
    sqlite3_stmt *q = st->put_word;
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_text(q, 2, word, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, latin ? latin : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, key ? key : "", -1, SQLITE_STATIC);
    return run_insert(st, q, "cannot store a word of the linker");
}

typedef struct doc_cb {
    dm_link_doc_fn fn;
    void *ud;
} doc_cb;

static dm_status doc_row(sqlite3_stmt *q, void *ud)
{
    doc_cb *c = ud;
    const void *blob = sqlite3_column_blob(q, 1);
    size_t len = (size_t)sqlite3_column_bytes(q, 1);
    return c->fn(c->ud, text_col(q, 0), blob ? blob : "", len);
}

dm_status dm_store_link_docs(dm_store *st, dm_link_doc_fn fn, void *ud)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT d.id, l.analysis FROM link_docs l JOIN documents d ON d.rowid = l.doc"
                           " ORDER BY d.rowid",
                           -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot read the linker's documents");
    doc_cb c = {fn, ud};
    return each(st, q, doc_row, &c, "cannot read the linker's documents");
}

dm_status dm_store_put_link_doc(dm_store *st, const char *id, const void *blob, size_t len)
{
    if (len > INT32_MAX)
        return dm_fail(st->ctx, DM_ELIMIT, "the analysis of %s is too large to store", id);
    dm_status s = prepared(st, &st->put_doc,
                           "INSERT OR REPLACE INTO link_docs(doc, analysis) SELECT rowid, ? FROM documents"
                           " WHERE id = ?",
                           "cannot store the linker's documents");
    if (s)
        return s;
    sqlite3_stmt *q = st->put_doc;
    sqlite3_bind_blob(q, 1, blob, (int)len, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, id, -1, SQLITE_STATIC);
    return run_insert(st, q, "cannot store a document's analysis");
}

dm_status dm_store_clear_link_state(dm_store *st)
{
    dm_status s = writable(st);
    if (!s)
        s = dm_store_exec(st, "DELETE FROM link_words; DELETE FROM link_docs; DELETE FROM lexicon;");
    return s;
}

typedef struct lex_cb {
    dm_lexicon_fn fn;
    void *ud;
} lex_cb;

static dm_status lex_row(sqlite3_stmt *q, void *ud)
{
    lex_cb *c = ud;
    return c->fn(c->ud, text_col(q, 0), text_col(q, 1), text_col(q, 2), text_col(q, 3), sqlite3_column_double(q, 4));
}

dm_status dm_store_lexicon(dm_store *st, const char *lang_a, const char *lang_b, dm_lexicon_fn fn, void *ud)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT lang_a, lang_b, word_a, word_b, prob FROM lexicon"
                           " WHERE (?1 IS NULL OR lang_a = ?1) AND (?2 IS NULL OR lang_b = ?2)"
                           " ORDER BY lang_a, lang_b, prob DESC, word_a",
                           -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot read the lexicon");
    if (lang_a)
        sqlite3_bind_text(q, 1, lang_a, -1, SQLITE_STATIC);
    if (lang_b)
        sqlite3_bind_text(q, 2, lang_b, -1, SQLITE_STATIC);
    lex_cb c = {fn, ud};
    return each(st, q, lex_row, &c, "cannot read the lexicon");
}

dm_status dm_store_put_lexicon(dm_store *st, const char *lang_a, const char *lang_b, const char *word_a,
                               const char *word_b, double prob)
{
    dm_status s = prepared(st, &st->put_lex,
                           "INSERT OR REPLACE INTO lexicon(lang_a, lang_b, word_a, word_b, prob) VALUES(?,?,?,?,?)",
                           "cannot store the lexicon");
    if (s)
        return s;
    sqlite3_stmt *q = st->put_lex;
    sqlite3_bind_text(q, 1, lang_a, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, lang_b, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, word_a, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, word_b, -1, SQLITE_STATIC);
    sqlite3_bind_double(q, 5, prob);
    return run_insert(st, q, "cannot store a word translation");
}

dm_status dm_store_clear_lexicon(dm_store *st)
{
    dm_status s = writable(st);
    if (!s)
        s = dm_store_exec(st, "DELETE FROM lexicon");
    return s;
}

dm_status dm_store_get_meta(dm_store *st, const char *key, char **value)
{
    *value = NULL;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = ?", -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot read the store's meta table");
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    dm_status s = DM_ENOTFOUND;
    if (sqlite3_step(q) == SQLITE_ROW) {
        *value = strdup(text_col(q, 0));
        s = *value ? DM_OK : DM_ENOMEM;
    }
    sqlite3_finalize(q);
    return s;
}

dm_status dm_store_set_meta(dm_store *st, const char *key, const char *value)
{
    dm_status s = writable(st);
    if (s)
        return s;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot write the store's meta table");
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, value, -1, SQLITE_STATIC);
    s = sqlite3_step(q) == SQLITE_DONE ? DM_OK : dm_store_fail(st, "cannot write the store's meta table");
    sqlite3_finalize(q);
    return s;
}
