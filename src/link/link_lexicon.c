/*
 * link_lexicon.c -- words translated through the shipped lexicons (src/lexicon: words of a
 * language -> English pivot words). A document gains LK_PIVOT features: the English words its
 * own words translate to, weighted by the lexicon (English documents: their own words). The
 * lexicons are optional: with none installed, or none for a language, this adds nothing and the
 * other evidence carries on.
 */
#include "link/link.h"

#include <string.h>

#if defined(__has_include)
#if __has_include("lexicon/lexicon.h")
#define LK_HAVE_LEXICON 1
#include "lexicon/lexicon.h"
#endif
#endif

dm_status lk_lexicon_add(lk_coll *c, lk_doc *d)
{
#ifdef LK_HAVE_LEXICON
    if (c->no_langid || d->lang >= c->nlangs)
        return DM_OK; /* a script is not a language: no lexicon to choose */
    const dm_lexicon *lx = NULL;
    if (dm_lexicon_get(c->ctx, c->langs[d->lang].code, &lx) != DM_OK || !lx)
        return DM_OK;
    uint32_t cap = d->nf;
    dm_status st = DM_OK;
    for (uint32_t k = 0; k < d->nwords && st == DM_OK; k++) {
        const char *txt = lk_word_text(c, d->words[k]);
        const dm_lex_entry *e = NULL;
        size_t ne = dm_lexicon_lookup(lx, txt, strlen(txt), &e);
        for (size_t j = 0; j < ne && st == DM_OK; j++) {
            uint32_t f;
            st = lk_feat_id(&c->feats, LK_PIVOT, e[j].en, strlen(e[j].en), &f);
            if (st == DM_OK)
                st = lk_doc_add(d, f, e[j].weight, &cap);
        }
    }
    return st;
#else
    (void)c;
    (void)d;
    return DM_OK;
#endif
}
