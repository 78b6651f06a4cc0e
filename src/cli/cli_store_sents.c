/*
 * cli_store_sents.c -- the sentences of a stored document as a cli_sents array, so that the
 * align, diff and report commands work on store ids exactly as on files.
 */
#include "cli.h"
#include "cli_align.h"

#include <string.h>

dm_status cli_load_stored_sents(dm_store *st, const char *id, cli_sents *out)
{
    memset(out, 0, sizeof *out);
    dm_sentences s;
    dm_status rc = dm_store_sentence_arrays(st, id, &s);
    if (rc)
        return rc;
    /* the same three blocks, owned from here on by cli_sents (freed by cli_sents_free) */
    out->buf = s.block;
    out->text = s.text;
    out->len = s.len;
    out->n = s.n;
    return DM_OK;
}
