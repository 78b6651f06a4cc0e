/*
 * doc_langs.c -- the language of a document and of each of its sentences, as the store records
 * them at ingest, and the check of a declared language against the text.
 *
 * A sentence is short evidence: it keeps its own language only when the identifier is sure of
 * it (a Persian article quoting an English sentence), else it takes the document's, which is
 * what a reader would assume too.
 */
#include "core/ctx.h"
#include "langid/langid.h"

#include <stdio.h>
#include <string.h>

/* Below these, a sentence's own guess is not trusted over the document's language. */
#define SENTENCE_MIN_SCORE 0.80
#define SENTENCE_MIN_BYTES 24
/* A declared language is questioned only when the identifier is this sure of another one. */
#define CLASH_MIN_SCORE 0.80
#define CLASH_MIN_BYTES 80

dm_status dm_store_doc_langs(dm_ctx *ctx, const dm_doc *doc, const dm_span *sent, size_t n,
                             char lang[8], double *score, char (*sent_lang)[8]);

/* 1 when the declared code and the identified one name different languages of the model. */
static int clashes(dm_ctx *ctx, const char *declared, const char *found)
{
    lid_model *m;
    if (lid_model_get(ctx, &m) != DM_OK)
        return 0;
    /* "en-US", "pt_BR": the primary subtag decides */
    size_t dl = strcspn(declared, "-_");
    int a = lid_lang_index(m, declared, dl), b = lid_lang_index(m, found, strlen(found));
    return a >= 0 && b >= 0 && a != b;
}

dm_status dm_store_doc_langs(dm_ctx *ctx, const dm_doc *doc, const dm_span *sent, size_t n,
                             char lang[8], double *score, char (*sent_lang)[8])
{
    dm_lang_guess g;
    size_t k = 0;
    dm_status st = dm_langid(ctx, doc->text, doc->text_len, &g, 1, &k);
    if (st)
        return st;
    snprintf(lang, 8, "%s", k ? g.code : "und");
    *score = k ? g.score : 0;
    if (doc->lang && k && strcmp(g.code, "und") && g.score >= CLASH_MIN_SCORE &&
        doc->text_len >= CLASH_MIN_BYTES && clashes(ctx, doc->lang, g.code))
        dm_diag(ctx, DM_DIAG_REPAIRED, doc->source, doc->id,
                "declared language \"%s\", but the text reads as \"%s\" (%.2f); both are kept",
                doc->lang, g.code, g.score);
    for (size_t i = 0; i < n; i++) {
        memcpy(sent_lang[i], lang, 8);
        if (sent[i].len < SENTENCE_MIN_BYTES)
            continue;
        st = dm_langid(ctx, doc->text + sent[i].start, sent[i].len, &g, 1, &k);
        if (st)
            return st;
        if (k && g.score >= SENTENCE_MIN_SCORE && strcmp(g.code, "und"))
            snprintf(sent_lang[i], 8, "%s", g.code);
    }
    return DM_OK;
}
