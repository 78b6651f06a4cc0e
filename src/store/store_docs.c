/*
 * store_docs.c -- documents and sentences in the store: adding (idempotent by content hash),
 * counting, reading back. Sentences are stored as byte spans of the document's text, so the
 * text is held once.
 */
#include "store/store_internal.h"
#include "text/text.h"
#include "util/strset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Languages of a document and of its sentences (src/store/doc_langs.c). */
dm_status dm_store_doc_langs(dm_ctx *ctx, const dm_doc *doc, const dm_span *sent, size_t n,
                             char lang[8], double *score, char (*sent_lang)[8]);

static void content_hash(const char *text, size_t len, char out[32])
{
    uint64_t h = dm_hash_bytes(text, len);
    unsigned long c = crc32(0L, (const Bytef *)text, (uInt)(len > 0xFFFFFFFFu ? 0xFFFFFFFFu : len));
    snprintf(out, 32, "%016llx%08lx", (unsigned long long)h, c & 0xFFFFFFFFUL);
}

static void bind_opt(sqlite3_stmt *q, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(q, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, i);
}

/* rowid and hash of the document with this id; 0 when there is none. */
/* rowid, content hash and (when source is not NULL) source of the document with this id. */
static long long find_doc_source(dm_store *st, const char *id, char hash[32], char *source, size_t cap)
{
    sqlite3_stmt *q;
    long long rowid = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT rowid, hash, source FROM documents WHERE id=?", -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
        rowid = sqlite3_column_int64(q, 0);
        snprintf(hash, 32, "%s", (const char *)sqlite3_column_text(q, 1));
        if (source) {
            const char *src = (const char *)sqlite3_column_text(q, 2);
            snprintf(source, cap, "%s", src ? src : "");
        }
    }
    sqlite3_finalize(q);
    return rowid;
}

static long long find_doc(dm_store *st, const char *id, char hash[32])
{
    return find_doc_source(st, id, hash, NULL, 0);
}

/* 1 when the stored row holds the same declared language, title, url and date as doc. */
static int same_fields(dm_store *st, long long rowid, const dm_doc *doc)
{
    sqlite3_stmt *q;
    int same = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT lang_declared, title, url, date FROM documents WHERE rowid=?",
                           -1, &q, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(q, 1, rowid);
    if (sqlite3_step(q) == SQLITE_ROW) {
        const char *want[4] = {doc->lang, doc->title, doc->url, doc->date};
        same = 1;
        for (int i = 0; i < 4 && same; i++) {
            const char *have = (const char *)sqlite3_column_text(q, i);
            same = have && want[i] ? !strcmp(have, want[i]) : !have && !want[i];
        }
    }
    sqlite3_finalize(q);
    return same;
}

static dm_status put_sentences(dm_store *st, long long rowid, const dm_span *sent, size_t n,
                               char (*lang)[8])
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "INSERT INTO sentences(doc, idx, start, len, lang) VALUES(?,?,?,?,?)",
                           -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot store sentences");
    dm_status s = DM_OK;
    for (size_t i = 0; i < n && !s; i++) {
        sqlite3_bind_int64(q, 1, rowid);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(q, 3, (sqlite3_int64)sent[i].start);
        sqlite3_bind_int64(q, 4, (sqlite3_int64)sent[i].len);
        bind_opt(q, 5, lang[i][0] ? lang[i] : NULL);
        if (sqlite3_step(q) != SQLITE_DONE)
            s = dm_store_fail(st, "cannot store a sentence");
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    return s;
}

/* The headline a document is listed under: its title, or else its first sentence cut at a
 * character boundary near 120 bytes. */
void dm_store_headline(const char *text, const dm_span *sent, size_t n, char *out, size_t cap)
{
    out[0] = 0;
    if (!n)
        return;
    size_t len = sent[0].len;
    const char *p = text + sent[0].start;
    if (len > 120) {
        len = 120;
        while (len > 0 && ((unsigned char)p[len] & 0xC0) == 0x80)
            len--;
    }
    snprintf(out, cap, "%.*s%s", (int)len, p, len < sent[0].len ? "…" : "");
}

dm_status dm_store_add(dm_store *st, const dm_doc *doc, dm_add_result *result)
{
    if (st->read_only)
        return dm_fail(st->ctx, DM_EINVAL, "the store was opened read-only");
    char hash[32], old_hash[32] = "";
    content_hash(doc->text, doc->text_len, hash);
    dm_status s = dm_store_begin(st);
    if (s)
        return s;
    char old_source[1024] = "";
    long long old = find_doc_source(st, doc->id, old_hash, old_source, sizeof old_source);
    if (old < 0)
        return dm_store_fail(st, "cannot look up a document");
    if (old > 0 && !strcmp(old_hash, hash) && same_fields(st, old, doc)) {
        *result = DM_ADD_SAME;
        return DM_OK;
    }
    /* two different files that give one id (siteA/index.html, siteB/index.html): say so, since
     * the later one replaces the earlier */
    if (old > 0 && doc->source && *old_source && strcmp(old_source, doc->source))
        dm_diag(st->ctx, DM_DIAG_REPAIRED, doc->source, doc->id,
                "replaces the stored document of the same id read from %s", old_source);
    dm_span *sent = NULL;
    size_t n = 0;
    s = dm_segment(st->ctx, doc->text, doc->text_len, &sent, &n);
    if (s)
        return s;
    char lang[8] = "";
    double score = 0;
    char (*sent_lang)[8] = calloc(n ? n : 1, sizeof *sent_lang);
    if (!sent_lang) {
        free(sent);
        return dm_fail(st->ctx, DM_ENOMEM, "no memory for sentence languages");
    }
    s = dm_store_doc_langs(st->ctx, doc, sent, n, lang, &score, sent_lang);
    /* one document is all or nothing: a failure below must not leave the old version deleted
     * and half of the new one stored, to be committed with the rest of the batch */
    if (!s)
        s = dm_store_exec(st, "SAVEPOINT dm_doc");
    int in_savepoint = !s;
    if (!s && old > 0) {
        /* links, alignments and the linker's analysis were computed from the old text (and
         * SQLite may give its rowid to the new row): they go with it */
        char sql[512];
        snprintf(sql, sizeof sql, "DELETE FROM sentences WHERE doc=%lld; DELETE FROM documents WHERE rowid=%lld;"
                                  "DELETE FROM stories WHERE doc=%lld; DELETE FROM links WHERE a=%lld OR b=%lld;"
                                  "DELETE FROM alignments WHERE a=%lld OR b=%lld; DELETE FROM link_docs WHERE doc=%lld;",
                 old, old, old, old, old, old, old, old);
        s = dm_store_exec(st, sql);
    }
    sqlite3_stmt *q = NULL;
    if (!s && sqlite3_prepare_v2(st->db,
                                 "INSERT INTO documents(id, source, lang, lang_score, lang_declared, title, headline,"
                                 " url, date, text, hash, n_sentences, n_replaced)"
                                 " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                 -1, &q, NULL) != SQLITE_OK)
        s = dm_store_fail(st, "cannot store a document");
    if (!s) {
        bind_opt(q, 1, doc->id);
        bind_opt(q, 2, doc->source);
        bind_opt(q, 3, lang[0] ? lang : NULL);
        sqlite3_bind_double(q, 4, score);
        bind_opt(q, 5, doc->lang);
        char title[160];
        dm_store_headline(doc->text, sent, n, title, sizeof title);
        bind_opt(q, 6, doc->title);
        bind_opt(q, 7, doc->title ? doc->title : title[0] ? title : NULL);
        bind_opt(q, 8, doc->url);
        bind_opt(q, 9, doc->date);
        sqlite3_bind_text(q, 10, doc->text, (int)doc->text_len, SQLITE_STATIC);
        bind_opt(q, 11, hash);
        sqlite3_bind_int64(q, 12, (sqlite3_int64)n);
        sqlite3_bind_int64(q, 13, (sqlite3_int64)doc->n_replaced);
        if (sqlite3_step(q) != SQLITE_DONE)
            s = dm_store_fail(st, "cannot store a document");
    }
    sqlite3_finalize(q);
    if (!s)
        s = put_sentences(st, sqlite3_last_insert_rowid(st->db), sent, n, sent_lang);
    free(sent);
    free(sent_lang);
    if (in_savepoint && s)
        sqlite3_exec(st->db, "ROLLBACK TO dm_doc; RELEASE dm_doc", NULL, NULL, NULL); /* keeps the message */
    else if (in_savepoint)
        s = dm_store_exec(st, "RELEASE dm_doc");
    if (s)
        return s;
    *result = old > 0 ? DM_ADD_UPDATED : DM_ADD_NEW;
    if (++st->pending >= DM_STORE_BATCH)
        s = dm_store_commit(st);
    return s;
}

dm_status dm_store_count(dm_store *st, size_t *n_docs, size_t *n_sentences)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT count(*), coalesce(sum(n_sentences),0) FROM documents", -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot count documents");
    *n_docs = *n_sentences = 0;
    if (sqlite3_step(q) == SQLITE_ROW) {
        *n_docs = (size_t)sqlite3_column_int64(q, 0);
        *n_sentences = (size_t)sqlite3_column_int64(q, 1);
    }
    sqlite3_finalize(q);
    return DM_OK;
}

static const char *col(sqlite3_stmt *q, int i) { return (const char *)sqlite3_column_text(q, i); }

static dm_status each_row(dm_store *st, sqlite3_stmt *q, int with_text, dm_stored_doc_fn fn, void *ud, int *found)
{
    int rc;
    dm_status s = DM_OK;
    while (!s && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        dm_stored_doc d = {0};
        d.doc.id = col(q, 0);
        d.doc.source = col(q, 1);
        d.doc.lang = col(q, 2);
        d.lang_score = sqlite3_column_double(q, 3);
        d.lang_declared = col(q, 4);
        d.doc.title = col(q, 5);
        d.doc.url = col(q, 6);
        d.doc.date = col(q, 7);
        if (with_text) {
            d.doc.text = col(q, 8);
            d.doc.text_len = (size_t)sqlite3_column_bytes(q, 8);
        }
        d.n_sentences = (size_t)sqlite3_column_int64(q, 9);
        d.doc.n_replaced = (size_t)sqlite3_column_int64(q, 10);
        d.story = sqlite3_column_type(q, 11) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, 11);
        *found = 1;
        s = fn(ud, &d);
    }
    return s;
}

#define DOC_COLUMNS(text) \
    "SELECT d.id, d.source, d.lang, d.lang_score, d.lang_declared, d.headline, d.url, d.date, " text \
    ", d.n_sentences, d.n_replaced, s.story FROM documents d LEFT JOIN stories s ON s.doc = d.rowid"

dm_status dm_store_each(dm_store *st, int with_text, dm_stored_doc_fn fn, void *ud)
{
    sqlite3_stmt *q;
    const char *sql = with_text ? DOC_COLUMNS("d.text") " ORDER BY d.rowid" : DOC_COLUMNS("NULL") " ORDER BY d.rowid";
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot read documents");
    int found = 0;
    dm_status s = each_row(st, q, with_text, fn, ud, &found);
    sqlite3_finalize(q);
    return s;
}

dm_status dm_store_search(dm_store *st, const char *words, size_t from, size_t limit, dm_stored_doc_fn fn,
                          void *ud)
{
    /* LIKE with its wildcards escaped: the user's % and _ are letters here */
    size_t n = strlen(words);
    char *pat = malloc(2 * n + 3);
    if (!pat)
        return dm_fail(st->ctx, DM_ENOMEM, "no memory to search");
    size_t w = 0;
    pat[w++] = '%';
    for (size_t i = 0; i < n; i++) {
        if (words[i] == '%' || words[i] == '_' || words[i] == '\\')
            pat[w++] = '\\';
        pat[w++] = words[i];
    }
    pat[w++] = '%';
    pat[w] = 0;
    sqlite3_stmt *q;
    dm_status s = DM_OK;
    if (sqlite3_prepare_v2(st->db,
                           DOC_COLUMNS("NULL") " WHERE d.id LIKE ?1 ESCAPE '\\' OR d.headline LIKE ?1 ESCAPE '\\'"
                                               " OR d.url LIKE ?1 ESCAPE '\\' ORDER BY d.rowid LIMIT ?2 OFFSET ?3",
                           -1, &q, NULL) != SQLITE_OK) {
        free(pat);
        return dm_store_fail(st, "cannot search documents");
    }
    sqlite3_bind_text(q, 1, pat, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 2, limit > (size_t)INT64_MAX ? INT64_MAX : (sqlite3_int64)limit);
    sqlite3_bind_int64(q, 3, from > (size_t)INT64_MAX ? INT64_MAX : (sqlite3_int64)from);
    free(pat);
    int found = 0;
    s = each_row(st, q, 0, fn, ud, &found);
    sqlite3_finalize(q);
    return s;
}

dm_status dm_store_story(dm_store *st, long long story, dm_stored_doc_fn fn, void *ud)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, DOC_COLUMNS("NULL") " WHERE s.story = ? ORDER BY d.rowid", -1, &q, NULL) !=
        SQLITE_OK)
        return dm_store_fail(st, "cannot read a story");
    sqlite3_bind_int64(q, 1, story);
    int found = 0;
    dm_status s = each_row(st, q, 0, fn, ud, &found);
    sqlite3_finalize(q);
    if (!s && !found)
        return dm_fail(st->ctx, DM_ENOTFOUND, "no story %lld", story);
    return s;
}

dm_status dm_store_stories(dm_store *st, size_t from, size_t limit, dm_story_fn fn, void *ud)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT story, count(*) FROM stories GROUP BY story HAVING count(*) > 1"
                           " ORDER BY story LIMIT ? OFFSET ?",
                           -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot read stories");
    sqlite3_bind_int64(q, 1, limit > (size_t)INT64_MAX ? INT64_MAX : (sqlite3_int64)limit);
    sqlite3_bind_int64(q, 2, from > (size_t)INT64_MAX ? INT64_MAX : (sqlite3_int64)from);
    dm_status s = DM_OK;
    int rc;
    while (!s && (rc = sqlite3_step(q)) == SQLITE_ROW)
        s = fn(ud, sqlite3_column_int64(q, 0), (size_t)sqlite3_column_int64(q, 1));
    if (!s && rc != SQLITE_DONE)
        s = dm_store_fail(st, "cannot read stories");
    sqlite3_finalize(q);
    return s;
}

dm_status dm_store_get(dm_store *st, const char *id, dm_stored_doc_fn fn, void *ud)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, DOC_COLUMNS("d.text") " WHERE d.id = ?", -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot read a document");
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    int found = 0;
    dm_status s = each_row(st, q, 1, fn, ud, &found);
    sqlite3_finalize(q);
    if (!s && !found)
        return dm_fail(st->ctx, DM_ENOTFOUND, "no document with id %s", id);
    return s;
}

dm_status dm_store_sentences(dm_store *st, const char *id, dm_sentence_fn fn, void *ud)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT s.idx, substr(CAST(d.text AS BLOB), s.start + 1, s.len), s.lang"
                           " FROM documents d JOIN sentences s ON s.doc = d.rowid WHERE d.id = ?"
                           " ORDER BY s.idx", -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot read sentences");
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    dm_status s = DM_OK;
    int found = 0;
    while (!s && sqlite3_step(q) == SQLITE_ROW) {
        found = 1;
        s = fn(ud, (size_t)sqlite3_column_int64(q, 0), (const char *)sqlite3_column_blob(q, 1),
               (size_t)sqlite3_column_bytes(q, 1), col(q, 2));
    }
    sqlite3_finalize(q);
    if (!s && !found) {
        char h[32];
        long long r = find_doc(st, id, h);
        if (r <= 0)
            return dm_fail(st->ctx, DM_ENOTFOUND, "no document with id %s", id);
    }
    return s;
}
