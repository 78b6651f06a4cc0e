/*
 * cli_store_sents.c -- the sentences of a stored document as a cli_sents array, so that the
 * align, diff and report commands work on store ids exactly as on files.
 */
#include "cli.h"
#include "cli_align.h"

#include <stdlib.h>
#include <string.h>

typedef struct collect_state {
    cli_sents *s;
    size_t cap_text, cap_n, used;
    /* offsets first (buf may move while it grows), pointers made at the end */
    size_t *off;
} collect_state;

static dm_status add_sentence(void *ud, size_t idx, const char *text, size_t len, const char *lang)
{
    (void)idx;
    (void)lang;
    collect_state *c = ud;
    cli_sents *s = c->s;
    if (c->used + len + 1 > c->cap_text) {
        size_t cap = (c->cap_text ? c->cap_text * 2 : 4096) + len;
        char *nb = realloc(s->buf, cap);
        if (!nb)
            return DM_ENOMEM;
        s->buf = nb;
        c->cap_text = cap;
    }
    if (s->n == c->cap_n) {
        size_t cap = c->cap_n ? c->cap_n * 2 : 64;
        size_t *no = realloc(c->off, cap * sizeof *no), *nl = realloc(s->len, cap * sizeof *nl);
        if (no)
            c->off = no;
        if (nl)
            s->len = nl;
        if (!no || !nl)
            return DM_ENOMEM;
        c->cap_n = cap;
    }
    memcpy(s->buf + c->used, text, len);
    s->buf[c->used + len] = 0;
    c->off[s->n] = c->used;
    s->len[s->n] = len;
    s->n++;
    c->used += len + 1;
    return DM_OK;
}

dm_status cli_load_stored_sents(dm_store *st, const char *id, cli_sents *out)
{
    memset(out, 0, sizeof *out);
    collect_state c = {.s = out};
    dm_status s = dm_store_sentences(st, id, add_sentence, &c);
    if (!s && out->n) {
        out->text = malloc(out->n * sizeof *out->text);
        if (!out->text)
            s = DM_ENOMEM;
        for (size_t i = 0; !s && i < out->n; i++)
            out->text[i] = out->buf + c.off[i];
    }
    free(c.off);
    if (s)
        cli_sents_free(out);
    return s;
}
