/*
 * store_links.c -- what the linking stage leaves in the store: stories (a label per document)
 * and links (a scored pair with its evidence, so that `dragoman explain` can show why).
 */
#include "store/store_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static long long rowid_of(dm_store *st, sqlite3_stmt *q, const char *id)
{
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    long long r = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    (void)st;
    return r;
}

dm_status dm_store_set_stories(dm_store *st, const char *const *ids, const size_t *story, size_t n)
{
    if (st->read_only)
        return dm_fail(st->ctx, DM_EINVAL, "the store was opened read-only");
    for (size_t i = 0; i < n; i++)
        if (story[i] == 0 || story[i] > (size_t)INT64_MAX)
            return dm_fail(st->ctx, DM_EINVAL, "story number %zu out of range", story[i]);
    dm_status s = dm_store_begin(st);
    if (!s)
        s = dm_store_exec(st, "DELETE FROM stories");
    if (s)
        return s;
    sqlite3_stmt *find = NULL, *ins = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT rowid FROM documents WHERE id=?", -1, &find, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db, "INSERT INTO stories(doc, story) VALUES(?,?)", -1, &ins, NULL) != SQLITE_OK)
        s = dm_store_fail(st, "cannot store stories");
    for (size_t i = 0; i < n && !s; i++) {
        long long doc = rowid_of(st, find, ids[i]);
        if (!doc)
            continue;
        sqlite3_bind_int64(ins, 1, doc);
        sqlite3_bind_int64(ins, 2, (sqlite3_int64)story[i]);
        if (sqlite3_step(ins) != SQLITE_DONE)
            s = dm_store_fail(st, "cannot store a story");
        sqlite3_reset(ins);
    }
    sqlite3_finalize(find);
    sqlite3_finalize(ins);
    if (!s)
        s = dm_store_commit(st);
    return s;
}

dm_status dm_store_put_link(dm_store *st, const char *a, const char *b, double score,
                            const char *kind, const char *evidence)
{
    if (st->read_only)
        return dm_fail(st->ctx, DM_EINVAL, "the store was opened read-only");
    dm_status s = dm_store_begin(st);
    if (s)
        return s;
    if (strcmp(a, b) > 0) {
        const char *t = a;
        a = b;
        b = t;
    }
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT OR REPLACE INTO links(a, b, score, kind, evidence)"
                           " SELECT x.rowid, y.rowid, ?3, ?4, ?5 FROM documents x, documents y"
                           " WHERE x.id = ?1 AND y.id = ?2", -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot store a link");
    sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
    sqlite3_bind_double(q, 3, score);
    sqlite3_bind_text(q, 4, kind ? kind : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 5, evidence ? evidence : "", -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE)
        s = dm_store_fail(st, "cannot store a link");
    sqlite3_finalize(q);
    return s;
}

dm_status dm_store_get_link(dm_store *st, const char *a, const char *b, double *score,
                            char **kind, char **evidence)
{
    *kind = *evidence = NULL;
    if (strcmp(a, b) > 0) {
        const char *t = a;
        a = b;
        b = t;
    }
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT l.score, l.kind, l.evidence FROM links l JOIN documents x ON"
                           " x.rowid = l.a JOIN documents y ON y.rowid = l.b WHERE x.id = ? AND y.id = ?",
                           -1, &q, NULL) != SQLITE_OK)
        return dm_store_fail(st, "cannot read links");
    sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
    dm_status s = DM_ENOTFOUND;
    if (sqlite3_step(q) == SQLITE_ROW) {
        *score = sqlite3_column_double(q, 0);
        *kind = strdup((const char *)sqlite3_column_text(q, 1));
        *evidence = strdup((const char *)sqlite3_column_text(q, 2));
        s = *kind && *evidence ? DM_OK : DM_ENOMEM;
    }
    sqlite3_finalize(q);
    if (s == DM_ENOTFOUND)
        return dm_fail(st->ctx, s, "no link recorded between %s and %s", a, b);
    return s;
}
