/*
 * link_lang.c -- the language of each document, which the linker needs for its one-to-one rule
 * (a story has at most one version per language) and for the lexicons. dm_langid decides; when
 * it cannot (no model, "und"), the dominant script stands in, marked "S:<script>" so that such a
 * pseudo-language is never mistaken for a real one.
 */
#include "link/link.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The start of a document says its language as well as the whole, and identification costs in
 * proportion to the bytes read. */
enum { LANGID_BYTES = 400 };

dm_status lk_lang_of(lk_coll *c, const char *text, size_t len, uint32_t *lang)
{
    char code[sizeof c->langs[0].code];
    dm_lang_guess g[1];
    size_t ng = 0;
    size_t probe = len;
    if (probe > LANGID_BYTES) { /* cut on a character boundary */
        probe = LANGID_BYTES;
        while (probe > 0 && ((unsigned char)text[probe] & 0xC0) == 0x80)
            probe--;
    }
    dm_status st = DM_ENOTFOUND;
    if (!c->no_langid) {
        st = dm_langid(c->ctx, text, probe, g, 1, &ng);
        c->no_langid = st != DM_OK; /* a missing model stays missing: do not reload it per document */
    }
    int script = dm_dominant_script(text, len);
    if (st == DM_OK && ng > 0 && strcmp(g[0].code, "und") != 0) {
        snprintf(code, sizeof code, "%s", g[0].code);
    } else {
        /* no language model: the script alone (its name, or its number when unnamed) */
        const char *name = dm_script_name(script);
        snprintf(code, sizeof code, "S:%s", name ? name : "?");
    }
    for (size_t i = 0; i < c->nlangs; i++) {
        if (!strcmp(c->langs[i].code, code)) {
            c->langs[i].ndocs++;
            *lang = (uint32_t)i;
            return DM_OK;
        }
    }
    lk_lang *p = realloc(c->langs, (c->nlangs + 1) * sizeof *p);
    if (!p)
        return DM_ENOMEM;
    c->langs = p;
    memset(&p[c->nlangs], 0, sizeof p[0]);
    snprintf(p[c->nlangs].code, sizeof p[0].code, "%s", code);
    p[c->nlangs].ndocs = 1;
    p[c->nlangs].script = script;
    *lang = (uint32_t)c->nlangs++;
    return DM_OK;
}
