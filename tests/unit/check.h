/*
 * check.h -- the few assertions the unit tests use: a failed check prints where and why and
 * marks the test failed, and the test goes on so that one run shows every failure.
 */
#ifndef DM_TEST_CHECK_H
#define DM_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

extern int check_failures;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            check_failures++;                                                        \
        }                                                                            \
    } while (0)

#define CHECK_STR(got, want)                                                                   \
    do {                                                                                       \
        const char *g_ = (got), *w_ = (want);                                                  \
        if (!g_ || strcmp(g_, w_)) {                                                           \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,            \
                    g_ ? g_ : "(null)", w_);                                                   \
            check_failures++;                                                                  \
        }                                                                                      \
    } while (0)

/* Read a file of the repository (path relative to its root) into a malloc'ed buffer. */
char *check_read_file(const char *rel_path, size_t *len);

/* A text cut into sentences by dm_segment: t[k], l[k] point into buf, which it owns. */
struct dm_ctx;
typedef struct check_sents {
    char *buf;
    const char **t;
    size_t *l;
    size_t n;
} check_sents;
/* Cut buf (malloc'ed, len bytes; it passes to s) into sentences; a failure is a failed check. */
void check_segment(struct dm_ctx *ctx, char *buf, size_t len, check_sents *s);
void check_sents_free(check_sents *s);
/* Read a file of the repository (path relative to its root) and cut it into sentences; a failure
 * is a failed check and leaves s empty. */
void check_load_sents(struct dm_ctx *ctx, const char *rel_path, check_sents *s);

/* The name key of a word, as the stages compute it: matching form, Latin, key ("" on failure). */
struct dm_ctx;
void check_name_key(struct dm_ctx *ctx, const char *word, char *key, size_t cap);
/* Fail unless the two words share a non-empty name key. */
void check_same_key(struct dm_ctx *ctx, const char *a, const char *b);

int check_done(const char *name);

#endif
