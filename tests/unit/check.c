/* check.c -- support for check.h. */
#include "check.h"

#include "dragoman.h"
#include "text/text.h"

#include <stdlib.h>

int check_failures;

void check_load_sents(dm_ctx *ctx, const char *rel_path, check_sents *s)
{
    size_t len;
    memset(s, 0, sizeof *s);
    char *buf = check_read_file(rel_path, &len);
    CHECK(buf != NULL);
    if (buf)
        check_segment(ctx, buf, len, s); /* takes buf */
}

void check_segment(dm_ctx *ctx, char *buf, size_t len, check_sents *s)
{
    memset(s, 0, sizeof *s);
    s->buf = buf;
    dm_span *sp = NULL;
    CHECK(dm_segment(ctx, buf, len, &sp, &s->n) == DM_OK);
    s->t = malloc((s->n + 1) * sizeof *s->t);
    s->l = malloc((s->n + 1) * sizeof *s->l);
    CHECK(s->t && s->l);
    for (size_t k = 0; s->t && s->l && k < s->n; k++) {
        s->t[k] = buf + sp[k].start;
        s->l[k] = sp[k].len;
    }
    free(sp);
}

void check_sents_free(check_sents *s)
{
    free(s->buf);
    free(s->t);
    free(s->l);
    memset(s, 0, sizeof *s);
}

char *check_read_file(const char *rel_path, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", DM_SOURCE_DIR, rel_path);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        check_failures++;
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        *len = (size_t)n;
    }
    return buf;
}

int check_done(const char *name)
{
    if (check_failures) {
        fprintf(stderr, "%s: %d check%s failed\n", name, check_failures, check_failures == 1 ? "" : "s");
        return 1;
    }
    printf("%s: all checks passed\n", name);
    return 0;
}

void check_name_key(dm_ctx *ctx, const char *word, char *key, size_t cap)
{
    char latin[128], *m = NULL;
    size_t n;
    key[0] = 0;
    if (dm_match_form(ctx, word, strlen(word), &m, &n) == DM_OK &&
        dm_translit_latin(ctx, m, n, latin, sizeof latin) == DM_OK)
        dm_name_key(latin, key, cap);
    free(m);
}

void check_same_key(dm_ctx *ctx, const char *a, const char *b)
{
    char ka[64], kb[64];
    check_name_key(ctx, a, ka, sizeof ka);
    check_name_key(ctx, b, kb, sizeof kb);
    if (!ka[0] || strcmp(ka, kb)) {
        fprintf(stderr, "name keys differ: %s -> \"%s\", %s -> \"%s\"\n", a, ka, b, kb);
        check_failures++;
    }
}
