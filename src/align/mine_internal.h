/*
 * mine_internal.h -- what the files of the miner (dm_mine) share: the word-translation table with
 * probabilities learned from the input itself, and the one-to-one assignment of sentences.
 *
 * Kept apart from align_internal.h: the aligner keeps learned translations as yes/no concepts,
 * the miner weighs each by its probability (a sentence pair is judged on every word, function
 * words included, and "he"/"she" decide between two otherwise identical candidates).
 */
#ifndef DM_MINE_INTERNAL_H
#define DM_MINE_INTERNAL_H

#include "align/align_internal.h"
#include "align/align_lexicon.h"

#include <stddef.h>
#include <stdint.h>

/* --- soft translation table (mine_ttable.c) ----------------------------------------------- */

/* For a src form f: tgt forms e with a score in (0,1], sqrt(t(e|f) t(f|e)) of Model 1 trained in
 * both directions, best first. */
typedef struct mn_ttable {
    size_t nsrc;  /* src forms 0..nsrc-1 may have entries */
    uint32_t *off; /* nsrc + 1 offsets */
    uint32_t *tgt;
    float *p;
} mn_ttable;

typedef struct mn_trainer mn_trainer;
mn_trainer *mn_trainer_new(void);
void mn_trainer_free(mn_trainer *t);
/* One parallel pair of sentences as forms (at most 64 a side are used). */
dm_status mn_trainer_add(mn_trainer *t, const uint32_t *src, size_t ns, const uint32_t *tgt,
                         size_t nt);
/* The same, counting `weight` times (a pair the miner is less sure of counts less). */
dm_status mn_trainer_add_weighted(mn_trainer *t, const uint32_t *src, size_t ns,
                                  const uint32_t *tgt, size_t nt, float weight);
/* A prior on links by the distance of their words' relative positions (order_w[nbins], kept by
 * the caller; NULL: none, Model 1). */
void mn_trainer_set_order(mn_trainer *t, const float *order_w, int nbins);
/* The bin of (q + 0.5) / ns - (u + 0.5) / nt, in (-1, 1), among nbins. */
static inline int mn_order_bin(size_t q, size_t ns, size_t u, size_t nt, int nbins)
{
    double d = (q + 0.5) / (double)ns - (u + 0.5) / (double)nt;
    int b = (int)((d + 1.0) * 0.5 * nbins);
    return b < 0 ? 0 : b >= nbins ? nbins - 1 : b;
}
/* EM in both directions over the pairs added; forms are < nvocab. Keeps, per src form seen at
 * least min_occ times, up to max_per_src translations scoring >= min_p and seen together in at
 * least min_cooc pairs. */
dm_status mn_trainer_run(mn_trainer *t, size_t nvocab, int iterations, unsigned min_occ,
                         unsigned min_cooc, double min_p, size_t max_per_src, mn_ttable *out);
void mn_ttable_free(mn_ttable *t);
/* A table from a list of (f, e, p) entries (any order; the list is sorted in place). */
typedef struct mn_entry {
    uint32_t f, e;
    float p;
} mn_entry;
dm_status mn_ttable_build(mn_ttable *out, size_t nvocab, mn_entry *ent, size_t ne,
                          size_t max_per_src);
/* A growing list of entries for mn_ttable_build (zeroed to start; freed with free(l->e)). */
typedef struct mn_entries {
    mn_entry *e;
    size_t n, cap;
} mn_entries;
dm_status mn_entries_push(mn_entries *l, mn_entry e);
/* Entries of src form f: *n of them (tgt[], p[]), or none. */
size_t mn_ttable_get(const mn_ttable *t, uint32_t f, const uint32_t **tgt, const float **p);

/* --- truncated forms (mine_trunc.c) ------------------------------------------------------- */

/* Per token of d: the id of its truncated form (first letters of a long word, or its last
 * letters with from_end; the form itself
 * for a short one; AL_NONE for numbers and marks), in *trunc (malloc'ed). With as_concept, a
 * truncated form that differs from the form is added to the token's concepts. */
dm_status mn_truncate(al_env *env, al_doc *d, int from_end, int as_concept, uint32_t **trunc);
/* Add concepts to the tokens of d: extra[k * per_tok + q] (AL_NONE: none) for token k. */
dm_status mn_add_concepts(al_doc *d, const uint32_t *extra, size_t per_tok);
/* The parts of words written with an apostrophe, as concepts ("they're": they, are; "didn't":
 * did, not; "l'air": air), for every token of d (mine_clitics.c). */
dm_status mn_apostrophe_parts(al_env *env, al_doc *d);
/* A form as long as a truncated one ("eye") as the truncated id of longer words ("eyes"),
 * when some word already has it; 0 when not. */
int mn_trunc_as_prefix(const al_env *env, uint32_t form, uint32_t *out);
/* The truncated id of one form (the form itself when short). */
dm_status mn_trunc_form(al_env *env, uint32_t form, int from_end, uint32_t *out);

/* --- lexicon words sharing a stem (mine_siblings.c) ------------------------------------- */

typedef struct mn_siblings mn_siblings;
/* The words of a lexicon sorted for stem searches; *out NULL (DM_OK) when it has none. */
dm_status mn_siblings_new(const al_lexicon *lx, mn_siblings **out);
void mn_siblings_free(mn_siblings *s);
/* English pivots (concept ids) of the lexicon words that share a stem with a form the lexicon
 * lacks: the form less at most 3 final letters, 4 letters at least, begins them, and they are
 * at most 3 letters longer than that stem. Returns how many were written (<= cap). */
size_t mn_sibling_pivots(al_env *env, const mn_siblings *s, uint32_t form, uint32_t *out, size_t cap);

/* --- Arabic, Hebrew, Persian stems (mine_affixes.c) ----------------------------------------------------- */

#define MN_STEM_BYTES 64
/* The stems a word (matching form) of language `lang` (ISO 639-1) may have, three letters at
 * least; writes up to cap NUL-terminated stems, most likely first. Arabic: without a suffix
 * pronoun or the accusative -an, a verb's person prefix, or both (a stem ending in ت also with ه,
 * the ة before a suffix); Hebrew: without a possessive or plural ending, a future person prefix
 * or proclitics (a stem's last letter also final); Persian: without a verb prefix (می, نمی, ب, ن)
 * or a plural, possessive or person ending. No stems for other languages. */
size_t mn_affix_stems(const char *lang, const char *w, size_t wl, char (*out)[MN_STEM_BYTES], size_t cap);

/* --- lexicons of near languages (mine_related.c) ----------------------------------------- */

/* Of the near languages (al_near_langs), those other than src, tgt and English whose lexicon
 * covers at least min_share of the word tokens of src that its own lexicon `own` covers (any
 * share above 0 when it has none); writes up to cap of them, returns how many. */
size_t mn_related_lexicons(al_env *env, const al_doc *src, const char *tgt_lang,
                           const al_lexicon *own, char (*near)[8], size_t nnear, double min_share,
                           const al_lexicon **out, size_t cap);

/* The pivots lx gives the word forms of src and their stems (al_stem_concept), each at 1, as a
 * table keyed by form. */
dm_status mn_pivot_table(al_env *env, const al_doc *src, const al_lexicon *lx, mn_ttable *out);

/* --- how a sentence ends (mine_punct.c) ------------------------------------------------- */

enum { MN_END_OTHER, MN_END_QUESTION, MN_END_EXCLAIM };
/* The class of a sentence's final mark, past closing quotes and brackets: ? ؟ ？ ; ፧ are
 * questions, ! ！ exclamations, anything else MN_END_OTHER. */
int mn_end_class(const char *text, size_t len);

/* --- one-to-one assignment (mine_assign.c) ------------------------------------------------ */

/* Candidates of each src sentence i: cj[i*stride + q], cv[i*stride + q] for q < ncand[i]
 * (value: higher is better). Finds the one-to-one matching of largest total value where a src
 * sentence may also stay unmatched at value none_value; match[i] = j or SIZE_MAX. Auction
 * algorithm with epsilon scaling: near-optimal, memory linear in the candidates. */
dm_status mn_assign(size_t n, size_t m, const uint32_t *cj, const float *cv,
                    const uint32_t *ncand, size_t stride, double none_value, size_t *match);

#endif
