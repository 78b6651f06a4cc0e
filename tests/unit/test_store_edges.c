/*
 * test_store_edges.c -- the store kept consistent when documents change and when a caller errs:
 * a changed document loses the links computed from its old text, a change of title or declared
 * language counts as a change, a refused story table leaves the old one, and a foreign file
 * whose meta table has no value is refused without a crash.
 */
#include "check.h"
#include "dragoman.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static dm_ctx *ctx;

static dm_add_result add(dm_store *st, const char *id, const char *text, const char *title, const char *lang)
{
    dm_doc d = {.id = id, .text = text, .text_len = strlen(text), .title = title, .lang = lang};
    dm_add_result r = 0;
    CHECK(dm_store_add(st, &d, &r) == DM_OK);
    return r;
}

typedef struct seen {
    char title[64];
    char lang_declared[16];
    long long story;
} seen;

static dm_status remember(void *ud, const dm_stored_doc *d)
{
    seen *s = ud;
    snprintf(s->title, sizeof s->title, "%s", d->doc.title ? d->doc.title : "");
    snprintf(s->lang_declared, sizeof s->lang_declared, "%s", d->lang_declared ? d->lang_declared : "");
    s->story = d->story;
    return DM_OK;
}

static void test_changes(const char *path)
{
    dm_store *st;
    CHECK(dm_store_open(ctx, path, 0, &st) == DM_OK);
    CHECK(add(st, "a", "Президент встретился с премьером.", "Встреча", "ru") == DM_ADD_NEW);
    CHECK(add(st, "b", "The president met the prime minister.", "Meeting", "en") == DM_ADD_NEW);
    CHECK(dm_store_put_link(st, "a", "b", 0.9, "story", "names: Rashid") == DM_OK);
    double score;
    char *kind, *ev;
    CHECK(dm_store_get_link(st, "a", "b", &score, &kind, &ev) == DM_OK);
    free(kind);
    free(ev);
    /* a new text for b (the last row, whose rowid SQLite hands out again): the link computed
     * from the old text is gone */
    CHECK(add(st, "b", "The president met the prime minister. They discussed the economy.", "Meeting", "en") == DM_ADD_UPDATED);
    kind = ev = NULL;
    CHECK(dm_store_get_link(st, "a", "b", &score, &kind, &ev) == DM_ENOTFOUND);
    free(kind);
    free(ev);
    /* the same text under a new title and declared language is an update, not the same */
    CHECK(add(st, "c", "Der Präsident traf den Premierminister.", "Treffen", "de") == DM_ADD_NEW);
    CHECK(add(st, "c", "Der Präsident traf den Premierminister.", "Gespräche in Teheran", "de-AT") == DM_ADD_UPDATED);
    seen s = {0};
    CHECK(dm_store_get(st, "c", remember, &s) == DM_OK);
    CHECK_STR(s.title, "Gespräche in Teheran");
    CHECK_STR(s.lang_declared, "de-AT");
    CHECK(add(st, "c", "Der Präsident traf den Premierminister.", "Gespräche in Teheran", "de-AT") == DM_ADD_SAME);
    /* a document without a title (it gets one derived from its text) stays the same */
    CHECK(add(st, "d", "Ο πρόεδρος συναντήθηκε με τον πρωθυπουργό.", NULL, "el") == DM_ADD_NEW);
    CHECK(add(st, "d", "Ο πρόεδρος συναντήθηκε με τον πρωθυπουργό.", NULL, "el") == DM_ADD_SAME);
    /* stories: a bad number (0) is refused and the stories set before stay */
    const char *ids[] = {"a", "b", "c"};
    size_t good[] = {1, 1, 3}, bad[] = {1, 0, 3};
    CHECK(dm_store_set_stories(st, ids, good, 3) == DM_OK);
    CHECK(dm_store_set_stories(st, ids, bad, 3) == DM_EINVAL);
    CHECK(dm_store_close(st) == DM_OK);
    CHECK(dm_store_open(ctx, path, 1, &st) == DM_OK);
    s.story = -5;
    CHECK(dm_store_get(st, "a", remember, &s) == DM_OK);
    CHECK(s.story == 1);
    CHECK(dm_store_close(st) == DM_OK);
}

static void test_foreign_meta(const char *path)
{
    sqlite3 *db;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "CREATE TABLE meta(key TEXT, value TEXT); INSERT INTO meta VALUES('format', NULL);",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    dm_store *st = NULL;
    CHECK(dm_store_open(ctx, path, 0, &st) == DM_ESTORE);
    CHECK(st == NULL);
    CHECK(dm_store_open(ctx, path, 1, &st) == DM_ESTORE);
}

static dm_status count_sentences(void *ud, size_t idx, const char *text, size_t len, const char *lang)
{
    (void)idx, (void)text, (void)len, (void)lang;
    ++*(size_t *)ud;
    return DM_OK;
}

/* A write that fails halfway (here a trigger refuses the second sentence) leaves the document
 * as it was, not its old version deleted and half of the new one stored. */
static void test_failed_update(const char *path)
{
    dm_store *st;
    CHECK(dm_store_open(ctx, path, 0, &st) == DM_OK);
    CHECK(add(st, "x", "Первое предложение.", NULL, "ru") == DM_ADD_NEW);
    CHECK(dm_store_close(st) == DM_OK);
    sqlite3 *db;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "CREATE TRIGGER refuse BEFORE INSERT ON sentences WHEN NEW.idx = 1"
                           " BEGIN SELECT RAISE(ABORT, 'refused'); END;", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(dm_store_open(ctx, path, 0, &st) == DM_OK);
    dm_doc d = {.id = "x", .text = "Первое предложение. Второе предложение.", .lang = "ru"};
    d.text_len = strlen(d.text);
    dm_add_result r;
    CHECK(dm_store_add(st, &d, &r) == DM_ESTORE);
    CHECK(dm_store_close(st) == DM_OK);
    CHECK(dm_store_open(ctx, path, 1, &st) == DM_OK);
    size_t n = 0, nd = 0, ns = 0;
    CHECK(dm_store_sentences(st, "x", count_sentences, &n) == DM_OK);
    CHECK(n == 1);
    CHECK(dm_store_count(st, &nd, &ns) == DM_OK);
    CHECK(nd == 1 && ns == 1);
    CHECK(dm_store_close(st) == DM_OK);
}

int main(void)
{
    if (dm_ctx_new(&ctx, NULL) != DM_OK)
        return 1;
    char dir[] = "/tmp/dm_store_edges_XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256], cmd[300];
    snprintf(path, sizeof path, "%s/s.db", dir);
    test_changes(path);
    snprintf(path, sizeof path, "%s/failed.db", dir);
    test_failed_update(path);
    snprintf(path, sizeof path, "%s/foreign.db", dir);
    test_foreign_meta(path);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    dm_ctx_free(ctx);
    return check_done("test_store_edges");
}
