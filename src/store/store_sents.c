/*
 * store_sents.c -- the sentences of a stored document as arrays (texts and lengths), the form
 * dm_align and dm_diff take, for every command and page that aligns stored documents.
 *
 * The texts are copied into one block that grows as sentences arrive; pointers into it are made
 * only at the end, since the block may move while it grows.
 */
#include "store/store_internal.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

typedef struct collect_state {
    dm_sentences *s;
    size_t cap_text, cap_off, cap_len, used;
    size_t *off; /* where each sentence starts in the block */
} collect_state;

static dm_status add_sentence(void *ud, size_t idx, const char *text, size_t len, const char *lang)
{
    (void)idx;
    (void)lang;
    collect_state *c = ud;
    dm_sentences *s = c->s;
    if (dm_grow(&s->block, &c->cap_text, c->used + len + 1, 1) ||
        dm_grow(&c->off, &c->cap_off, s->n + 1, sizeof *c->off) || dm_grow(&s->len, &c->cap_len, s->n + 1, sizeof *s->len))
        return DM_ENOMEM;
    memcpy(s->block + c->used, text, len);
    s->block[c->used + len] = 0;
    c->off[s->n] = c->used;
    s->len[s->n] = len;
    s->n++;
    c->used += len + 1;
    return DM_OK;
}

dm_status dm_store_sentence_arrays(dm_store *st, const char *id, dm_sentences *out)
{
    memset(out, 0, sizeof *out);
    collect_state c = {.s = out};
    dm_status s = dm_store_sentences(st, id, add_sentence, &c);
    if (!s && out->n) {
        out->text = malloc(out->n * sizeof *out->text);
        if (!out->text)
            s = dm_fail(st->ctx, DM_ENOMEM, "no memory for the sentences of %s", id);
        for (size_t i = 0; !s && i < out->n; i++)
            out->text[i] = out->block + c.off[i];
    } else if (s == DM_ENOMEM) {
        s = dm_fail(st->ctx, DM_ENOMEM, "no memory for the sentences of %s", id);
    }
    free(c.off);
    if (s)
        dm_sentences_free(out);
    return s;
}

void dm_sentences_free(dm_sentences *s)
{
    free(s->block);
    free(s->text);
    free(s->len);
    memset(s, 0, sizeof *s);
}
