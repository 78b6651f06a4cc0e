/*
 * doc_langs.c -- the language of a document and of each of its sentences, as the store records
 * them at ingest. Until language identification is plugged in, the declared language is used.
 */
#include "core/ctx.h"

#include <stdio.h>
#include <string.h>

dm_status dm_store_doc_langs(dm_ctx *ctx, const dm_doc *doc, const dm_span *sent, size_t n,
                             char lang[8], double *score, char (*sent_lang)[8]);

dm_status dm_store_doc_langs(dm_ctx *ctx, const dm_doc *doc, const dm_span *sent, size_t n,
                             char lang[8], double *score, char (*sent_lang)[8])
{
    (void)ctx;
    (void)sent;
    snprintf(lang, 8, "%s", doc->lang ? doc->lang : "");
    *score = doc->lang ? 1.0 : 0.0;
    for (size_t i = 0; i < n; i++)
        memcpy(sent_lang[i], lang, 8);
    return DM_OK;
}
