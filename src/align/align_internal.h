/*
 * align_internal.h -- what the files of the align stage share: interned strings, sentence
 * features, the matching of words across languages ("concepts"), the word-translation table
 * learned from the input itself (IBM Model 1), the block scorer and the banded dynamic programme.
 *
 * The stage works in three layers, one file each:
 *   features (align_features.c): sentences -> tokens with weights and the concepts each token can
 *     match (its form, its name key across scripts, its number, its lexicon pivots, its learned
 *     translations);
 *   scoring (align_score.c): how well a block of src sentences matches a block of tgt sentences,
 *     as a log-likelihood ratio of "translation" against "unrelated" (length + lexical evidence);
 *   search (align_dp.c): the best monotone sequence of blocks, in a band around a first path.
 * align.c runs them over one pair or a batch; mine.c and diff.c reuse the features and scores.
 */
#ifndef DM_ALIGN_INTERNAL_H
#define DM_ALIGN_INTERNAL_H

#include "core/ctx.h"
#include "dragoman.h"

#include <stddef.h>
#include <stdint.h>

/* --- interned strings (align_vocab.c) ---------------------------------------------------- */

typedef struct al_vocab al_vocab;
al_vocab *al_vocab_new(void);
void al_vocab_free(al_vocab *v);
size_t al_vocab_size(const al_vocab *v);
dm_status al_vocab_intern(al_vocab *v, const char *s, size_t n, uint32_t *id);
int al_vocab_find(const al_vocab *v, const char *s, size_t n, uint32_t *id);
const char *al_vocab_str(const al_vocab *v, uint32_t id, size_t *len);

/* --- features (align_features.c) --------------------------------------------------------- */

#define AL_NONE UINT32_MAX
#define AL_UNSET (AL_NONE - 1) /* a per-form cache's entry not yet computed */

#define AL_PIECES 4 /* pieces of a line kept apart (al_inner_pieces) */

enum al_punct { AL_P_QUESTION = 1, AL_P_EXCLAIM = 2, AL_P_QUOTE = 4, AL_P_COLON = 8, AL_P_PAREN = 16 };

typedef struct al_tok {
    uint32_t form;  /* vocab id of the matching form ("#<value>" for numbers) */
    uint32_t c0;    /* first of this token's concepts in al_doc.conc */
    uint16_t nc;    /* how many */
    uint8_t kind;   /* DM_TOK_WORD, DM_TOK_NUMBER, or DM_TOK_PUNCT for ? and ! (other marks are
                     * not kept) */
    uint8_t latin;  /* written in Latin script (names and cognates compare directly) */
    uint8_t num;    /* a number in digits ("21", "۲۱", "47th"): kept by translations, scored apart */
    float w;        /* weight: how informative a match of this token is (idf) */
} al_tok;

typedef struct al_sent {
    uint32_t tok0, ntok;
    uint32_t nchar;  /* code points that are not spaces */
    float wsum;      /* sum of the weights of its tokens */
    float wnum;      /* the part of wsum that its numbers carry */
    uint64_t nummask; /* its number tokens, as bits of a match mask (tokens 0..62) */
    uint8_t punct;   /* enum al_punct bits */
    float docm;      /* share of its weight matched anywhere in the other document */
    uint64_t live;   /* its tokens matched anywhere in the other document (mask bits) */
    uint8_t npiece;  /* sentences the line holds (sentence ends inside it + 1), at most AL_PIECES */
    uint16_t piece_end[AL_PIECES]; /* characters (as nchar counts them) up to the end of each piece */
    uint8_t cont;    /* continues the previous sentence: that one ends in a colon, comma...
                      * or leaves a bracket open, or this one begins in lower case or closes a
                      * bracket it never opened (a cut made by a segmenter) */
    uint8_t glue;    /* of those, the cuts no translator makes: 1 after an initial or a short
                      * abbreviation, 2 inside a bracket the previous sentence left open (bits) */
} al_sent;

/* One side of a pair: its sentences with their tokens. */
typedef struct al_doc {
    al_sent *sent;
    size_t n;
    al_tok *tok;
    size_t ntok, captok;
    uint32_t *conc;
    size_t nconc, capconc;
    double nchar_total;
    int script;   /* dominant script (enum dm_script) */
    char lang[8]; /* language when known ("" otherwise) */
    char partner[8]; /* language of the other side of its pair when known: a lexicon straight
                      * into it is used where one is shipped ("" otherwise) */
} al_doc;

/* Word translations learned from the input (align_ibm1.c): for a src form, tgt forms. */
typedef struct al_ibm al_ibm;

/* Shared by every document of a run: interned strings and per-string caches. */
typedef struct al_env {
    dm_ctx *ctx;
    al_vocab *voc;
    uint32_t *key_of;   /* per vocab id: name-key concept id, AL_NONE = none, key_unset = not yet */
    size_t key_cap;
    uint32_t *stem_of;  /* per vocab id: stem concept id, the same conventions */
    size_t stem_cap;
    uint32_t *num_of;   /* per vocab id: the number concept of a word ("47th", "eighteen") */
    size_t num_cap;
    uint32_t *core_of;  /* per vocab id: the main part of a word with an apostrophe ("l'everest") */
    size_t core_cap;
    const al_ibm *ibm;  /* NULL until learned */
    const al_ibm *ibm_units; /* the same learned over stems (al_learn_unit), NULL until learned */
    uint32_t *unit_of;  /* per vocab id: its learning unit (al_learn_unit), cached */
    size_t unit_cap;
    int use_lexicon;
    int pair_lexicons; /* lexicons straight between the two sides' languages where shipped
                        * (developers: DM_ALIGN_PAIR_LEXICON=0 leaves them out) */
    int compounds;     /* compounds the pair lexicon lacks split against it (al_lexicon_compound;
                        * developers: DM_ALIGN_COMPOUNDS=0 leaves them whole) */
    const char *lexicon_set; /* NULL: the shared lexicons; else data/lexicon/<set>/ first */
} al_env;

dm_status al_env_init(al_env *env, dm_ctx *ctx);
void al_env_free(al_env *env);

/* Cut given sentences into tokens, find numbers and name keys. */
dm_status al_doc_build(al_env *env, al_doc *d, const char *const *text, const size_t *len, size_t n);
void al_doc_free(al_doc *d);
/* (Re)compute every token's concepts; `learned` adds the IBM translations (src side only). */
dm_status al_doc_concepts(al_env *env, al_doc *d, int learned);
/* A per-form cache of env (key_of, stem_of, num_of, core_of, unit_of: one uint32_t a vocabulary
 * id) grown to hold `form`, doubling, the new entries AL_UNSET. */
dm_status al_form_cache_reserve(uint32_t **of, size_t *cap, uint32_t form);
/* The stem concept of a Latin-script word (its first 5 letters, 5 or more), AL_NONE for short or
 * non-Latin words: what al_doc_concepts adds for a word and for each of its pivots. */
dm_status al_stem_concept(al_env *env, uint32_t form, uint32_t *out);
/* The unit a word is learned by (align_units.c): the stem of a Latin-script word, the first 5 code
 * points of a longer word of another script, else the form itself. Inflected forms pool their
 * evidence; cached per form. */
dm_status al_learn_unit(al_env *env, uint32_t form, uint32_t *out);
/* Do both sides of d's pair reach the English pivots (English, or a lexicon in use)? Words learned
 * over stems serve the pairs that do not: where lexicons bridge the pair, the stems' coarser
 * translations over-merge (Text+Berg strict 0.9175 -> 0.9003). */
int al_pair_bridged(al_env *env, const al_doc *d);
/* Weights from document frequencies: df[] per vocab id over n_sent sentences, and the
 * frequencies within d (counted in `local`, a zeroed scratch array, zeroed again on return). */
void al_doc_weights(al_doc *d, const uint32_t *df, double n_sent, uint32_t *local);
/* Add the document frequencies of d's forms to df[] (size >= vocab size). */
void al_doc_count_df(const al_doc *d, uint32_t *df);

/* The sentences a line holds (align_inner.c): ends of sentences inside it ("... understandable.
 * \"People ...") cut it into pieces; cum[k] = characters that are not spaces up to the end of
 * piece k. Returns the number of pieces (>= 1; the last ones joined when there are more than cap). */
size_t al_inner_pieces(const char *s, size_t n, uint32_t *cum, size_t cap);
/* Does a line end in an initial or a short abbreviation and its full stop ("Leiter Ch .",
 * "G. Band-J .", "No ."), where a segmenter cuts a sentence that goes on? Not after dotted capitals
 * ("the U.S."), which end sentences. */
int al_ends_in_abbreviation(const char *s, size_t n);
/* A headline written without its full stop before the sentence after it, as the first line of a
 * document ("Трамп проводит ... в Западной Вирджинии Говоря о важности ... ."): the characters that
 * are not spaces before that sentence in text[0], or 0. A line that ends a sentence, a capitalised
 * word after one that ends in a letter and before a lower-case word, 3 words or more before it and
 * the rest at least as long (a title-case headline ends in no full stop), and the word written in
 * lower case in the document's lines (not a name: "The", "В", "Die"). */
uint32_t al_glued_headline(const char *const *text, const size_t *len, size_t nlines);

/* --- learned translations (align_ibm1.c) ------------------------------------------------- */

/* Parallel segments end to end (align_segs.c): per segment three numbers in seg (offset in
 * words, src length, tgt length), the src words then the tgt words in words. Note that capseg
 * counts uint32_t slots of seg (three a segment). */
typedef struct al_segs {
    uint32_t *words;
    size_t nwords, capwords;
    uint32_t *seg;
    size_t nseg, capseg;
} al_segs;
/* Add one segment, each side cut to max_side words. */
dm_status al_segs_add(al_segs *s, const uint32_t *src, size_t ns, const uint32_t *tgt, size_t nt,
                      size_t max_side);
void al_segs_free(al_segs *s);

typedef struct al_ibm_trainer al_ibm_trainer;
al_ibm_trainer *al_ibm_trainer_new(void);
void al_ibm_trainer_free(al_ibm_trainer *t);
/* One parallel segment: forms of src tokens and tgt tokens (stop words already left out). */
dm_status al_ibm_add(al_ibm_trainer *t, const uint32_t *src, size_t ns, const uint32_t *tgt,
                     size_t nt);
/* EM over the segments; keeps for each src form the tgt forms with t(tgt|src) >= min_prob. */
dm_status al_ibm_train(al_ibm_trainer *t, int iterations, double min_prob, al_ibm **out);
void al_ibm_free(al_ibm *m);
/* Both directions in one table: src s gets u when fwd has s -> u or rev has u -> s (a model
 * trained with the sides swapped). Needed when one side is shared by many languages, as English
 * is in a multilingual batch: t(tgt | English word) is spread over all their words. */
dm_status al_ibm_union(const al_ibm *fwd, const al_ibm *rev, al_ibm **out);
/* The learned translations of a src form (NULL, 0 when none). */
const uint32_t *al_ibm_lookup(const al_ibm *m, uint32_t src_form, size_t *n);

/* --- match counts between sentences (align_score.c) -------------------------------------- */

/* Marks of concepts for fast set tests: mark[c] == stamp means c is in the current set. */
typedef struct al_marks {
    uint32_t *mark;
    size_t cap;
    uint32_t stamp;
} al_marks;
dm_status al_marks_reserve(al_marks *mk, size_t n);
void al_marks_free(al_marks *mk);
/* Start a new, empty set: marks of earlier sets no longer count. */
void al_marks_begin(al_marks *mk);
/* Put the concepts of every sentence of d into the marks (as a new set). */
void al_marks_set_doc(al_marks *mk, const al_doc *d);
/* Put the concepts of sentence i of d into the marks (as a new set). */
void al_marks_set_sentence(al_marks *mk, const al_doc *d, size_t i);
/* Weight of the tokens of sentence i of d that have a concept in the marks. */
float al_matched_weight(const al_marks *mk, const al_doc *d, size_t i);
/* The same as a mask: bit k for token k (tokens past 63 share bit 63). */
uint64_t al_matched_mask(const al_marks *mk, const al_doc *d, size_t i);
/* Weight of the tokens of sentence i that a mask selects. */
float al_mask_weight(const al_doc *d, size_t i, uint64_t mask);

/* --- word order (align_order.c) --------------------------------------------------------- */

#define AL_ORDER_BINS 16     /* bins of the distance of relative positions, over (-1, 1) */

/* Positions of a sentence's tokens per concept: pos[c] is valid where c is in the marks' current
 * set. */
typedef struct al_posmap {
    al_marks set;
    uint64_t *pos; /* as many as set.cap */
} al_posmap;
dm_status al_posmap_reserve(al_posmap *pk, size_t n);
void al_posmap_free(al_posmap *pk);
/* Add the matched words of the link src i - tgt j to the order counts: obs by the distance to
 * their counterparts, any by the distance to every tgt token. */
void al_order_count(al_posmap *pk, const al_doc *src, size_t i, const al_doc *tgt, size_t j,
                    double obs[AL_ORDER_BINS], double any[AL_ORDER_BINS]);
/* The ratios observed / anywhere per bin, with `prior` pseudo-words placed anywhere. */
void al_order_ratios(const double obs[AL_ORDER_BINS], const double any[AL_ORDER_BINS], double prior,
                     double lr[AL_ORDER_BINS]);
/* --- search space and scores (align_score.c, align_dp.c) --------------------------------- */

/* Allowed DP cells: row i (0..n) may use columns lo[i]..hi[i] (both monotone). */
typedef struct al_band {
    size_t n, m;
    uint32_t *lo, *hi;
} al_band;

/* Matches of sentence pairs near the band: ms = tokens of src i matched in tgt j, mt = tokens
 * of tgt j matched in src i (as masks, so that a block counts a token matched twice once). */
typedef struct al_pairs {
    size_t n;
    uint32_t *lo, *hi;  /* columns stored for row i: [lo, hi) */
    size_t *off;        /* start of row i in ms/mt */
    uint64_t *ms, *mt;  /* which tokens matched (al_matched_mask) */
    /* matched words for the word-order evidence (align_order.c; ord_off NULL when no order model
     * is learned yet): per stored pair, entries ord_off[q]..ord_off[q+1]-1, each a src token
     * and the tgt positions it matches */
    uint32_t *ord_off;
    struct al_ord_match {
        uint64_t m; /* tgt positions (bits) */
        uint8_t k;  /* src token */
    } *ord;
    size_t nord;
} al_pairs;

dm_status al_pairs_compute(al_pairs *pm, const al_band *band, const al_doc *src,
                           const al_doc *tgt, al_marks *ms, al_marks *mt);
/* The matched words and their positions for the word-order evidence (align_order.c). */
dm_status al_pairs_order(al_pairs *pm, al_posmap *pk, const al_doc *src, const al_doc *tgt);
/* Word-order evidence of a block: per matched src word, the log of the mean order ratio over
 * its matched tgt words, positions taken relative to the whole block (0 without an order model). */
double al_order_block(const al_pairs *pm, const al_doc *src, const al_doc *tgt, size_t i, size_t a,
                      size_t j, size_t b, const double lr[AL_ORDER_BINS],
                      const double loglr[AL_ORDER_BINS]);
void al_pairs_free(al_pairs *pm);

/* The most sentences one side of a block may have (5 only against 1 or 2: lists and long
 * sentences cut into many pieces on one side). */
#define AL_MAX_SIDE 5

/* The parameters of one pair's scores. */
typedef struct al_params {
    double ratio;     /* tgt chars per src char */
    double var;       /* Gale-Church variance per char */
    double p0, p1;    /* share of matched weight in unrelated / translated sentences */
    double lex_w;     /* how much the lexical evidence counts (its reliability) */
    double len_w;
    double skip;      /* log prior of a 1-0 or 0-1 block */
    double merge;     /* log prior cost of each sentence beyond 1-1 */
    double merge2;    /* extra cost of blocks with both sides > 1 */
    double sat;       /* weight at which lexical evidence saturates, per sentence pair of a block */
    double cont;      /* bonus for a block that joins a sentence to the one it continues */
    double cont_skip; /* cost of leaving out such a piece of a sentence on its own */
    double len_cap;   /* bound of the squared Gale-Church deviation (a robust length model) */
    double p1_scale;  /* translations are taken to match at p0 + p1_scale (p1 - p0): the mean
                       * p1 of the links would call a below-average translation unrelated */
    double shape[AL_MAX_SIDE + 1][AL_MAX_SIDE + 1]; /* log prior of an a:b block against 1:1 (from skip, merge, merge2) */
    double loose_prior; /* share of loose translations, matched at p0 + loose_scale (p1 - p0) */
    double loose_scale;
    double offtopic;  /* how much cheaper a 1-0/0-1 block is per unit of "matches nothing in the
                       * other document" below the document's median (docm) */
    double docm_src, docm_tgt; /* the medians */
    double q0n, q1n;  /* share of numbers matched in unrelated / translated sentences: numbers
                       * survive translation far more often than words do */
    double num_w;     /* how much the numbers' evidence counts */
    double num_out;   /* developers: 1 numbers beside the close/loose mixture, 2 also saturated */
    double big;       /* developers: 0 leaves out the blocks with 5 sentences on a side */
    double cross_join; /* two neighbouring blocks whose sentences (counting the ends inside lines)
                        * are unbalanced in opposite ways and balanced together are joined: 1 only
                        * two 1-1 links, 2 any two blocks up to 3-2 / 2-3 (0: never) */
    double cross_margin; /* with cross_join 2, a 1-0 or 0-1 joins its neighbour only when the
                          * joined block scores at most this below the two (0: always) */
    double partial;   /* a 1-1 link whose one line holds more sentences than the other may translate
                       * only its first or last ones: its length is also measured that way, at
                       * this cost per piece left out (0: not) */
    double split_lam; /* a weak link is split into two omissions when its margin is below this
                       * times how much better its sentences' other partners are (0: never) */
    double live;      /* 1: a block's lexical trials are only its tokens that match somewhere in
                       * the other document */
    double ord_w;     /* how much the word-order evidence of a 1-1 link counts (0: not) */
    double ord_all;   /* 1: the order evidence for every block, 0: for 1-1 links only */
    double ord_sat;   /* the order evidence saturates like the words' (weight at which, per sentence
                       * pair; 0: not) */
    double ord_floor; /* and counts at least this much per sentence pair of the block */
    double ord_cap;   /* the order evidence counts at most this much for a link */
    double ord_prior; /* pseudo-words placed anywhere in the learned order ratios */
    double retest;    /* a 1-1 link is tested again with its lexical term replaced by where its
                       * words meet the other side (align_omit.c), this much of it (0: not) */
    double retest_prior; /* words of the language group's rate in a pair's rate for the retest */
    double retest_loose; /* 1: the retest mixes close and loose translations like the block score */
    double retest_sat; /* the retest's evidence saturates: x C / (words + C) (0: not) */
    double retest_span; /* a link's rate is that of the blocks this far around it, shrunk towards
                         * the pair's (0: the pair's) */
    double retest_merge; /* a block of 3 sentences or more is tested too, without an edge sentence:
                          * 1 kept when that scores better, 2 also only when the edge sentence's
                          * words point away and the block left is supported by its own (0: not) */
    double retest_merge_max; /* only blocks of at most this many sentences (0: any) */
    double retest_join; /* 1: two neighbouring omissions are linked when the retest favours it */
    double retest_once; /* 1: a word said twice in a sentence is one trial of the retest */
    double retest_win; /* the retest compares a link with the sentences this far from it (0: all) */
    int ord_on;       /* ord_lr is learned */
    double ord_lr[AL_ORDER_BINS]; /* order ratios: observed / anywhere, by distance of relative
                                   * positions (align_order.c) */
    double ord_loglr[AL_ORDER_BINS]; /* their logs */
    double xjoin;       /* neighbouring blocks are joined when the crossing evidence plus the
                         * score difference of joining exceeds this (align_join.c; INFINITY: never) */
    double xjoin_prior; /* units of weight at the chance rate p0 in the measured crossing rate */
    double xjoin_far;   /* the crossing rate is at least the rate at which the same blocks meet the
                         * blocks one further away, with this many units of weight at the pair's
                         * rate (50; 0: not) */
    double xjoin_win;   /* the crossing rate is measured over this many neighbours either side
                         * (0: the whole pair) */
    double retest_attach; /* 1: an omission beside a link joins it when the retest favours the joined
                           * block and the omitted sentence's own words point to it (0: not) */
    double retest_attach_max; /* only into blocks of at most this many sentences (0: any) */
    double retest_attach_bal; /* 1: only into a link with more sentences on the other side than on
                               * the omission's */
    double learn_units; /* also learn translations over stems (al_learn_unit), 1; 0: forms only */
    double cont_glue;   /* further bonus for joining a piece cut inside a bracket or after an
                         * initial (al_sent.glue) to the sentence it continues */
    double len_cap_more; /* the length bound of a block grows by this per sentence beyond 1-1
                          * (INFINITY: a merge's length deviation is not bounded) */
    double learn_more;  /* rounds of learning and realigning more for the pairs no lexicon bridges */
    double retest_attach_words; /* 1: an omitted sentence's share of the joined side (where the other
                                 * side's words may be said) by tokens, 0: by characters */
} al_params;

void al_params_default(al_params *p);
/* Shape priors from skip/merge/merge2 (al_params_default calls it). */
void al_params_shapes(al_params *p);

typedef struct al_scorer {
    const al_doc *src, *tgt;
    const al_pairs *pm;
    al_params par;
    double llr_hit[AL_MAX_SIDE + 1], llr_miss[AL_MAX_SIDE + 1]; /* per unit of weight, by sentences on the other side */
    double llr_hit_loose[AL_MAX_SIDE + 1], llr_miss_loose[AL_MAX_SIDE + 1]; /* the same for loose translations */
    double llr_nhit[AL_MAX_SIDE + 1], llr_nmiss[AL_MAX_SIDE + 1]; /* per number, by sentences on the other side */
    double llr_nhit_loose[AL_MAX_SIDE + 1], llr_nmiss_loose[AL_MAX_SIDE + 1];
} al_scorer;

void al_scorer_init(al_scorer *sc, const al_doc *src, const al_doc *tgt, const al_pairs *pm,
                    const al_params *par);
/* Score of linking src i..i+a-1 with tgt j..j+b-1 (a, b >= 0, not both 0). */
double al_block_score(const al_scorer *sc, size_t i, size_t a, size_t j, size_t b);
/* Its parts: lexical log-likelihood ratio, length, matched and total weights. */
void al_block_parts(const al_scorer *sc, size_t i, size_t a, size_t j, size_t b, double *lex,
                    double *len, double *matched, double *total);

/* Numbers of src i and tgt j, and how many of them the other sentence has (a 1-1 link). */
void al_link_numbers(const al_scorer *sc, size_t i, size_t j, double *hits, double *total);

/* A block as the stage produces it. */
typedef struct al_block {
    uint32_t i, a, j, b;
    double score;
} al_block;

/* --- sentences without counterpart paired by the search (align_omit.c) ------------------- */

/* Over the 1-1 links of an alignment: words that meet some sentence of the other side near the
 * band (trials), and those that meet the link's partner (hits). */
void al_omit_count(const al_scorer *sc, const al_block *b, size_t nb, double *hits, double *trials);
/* Test every 1-1 link again with its lexical term replaced by where its words meet the other side
 * (pi: the rate at which a translation meets such a word): a link that then scores below the two
 * omissions is split into them; two neighbouring omissions whose link scores above them are
 * linked (retest_join); with retest_merge, a 2-1 or 1-2 block loses an edge sentence whose words
 * point away from it. The blocks are reallocated. */
dm_status al_omit_retest(const al_scorer *sc, al_block **blk, size_t *nblk, double pi);
/* Per token q < 63 of sentence x (a tgt sentence with tgt_side): how many sentences of the other
 * side within win of y0 it meets (every stored one when win is 0), and which tokens y0 meets (the
 * retest's own counting, for the developers' dump). */
void al_token_spread(const al_scorer *sc, int tgt_side, size_t x, size_t y0, size_t win, uint32_t f[63],
                     uint64_t *hit);
/* Developers' aid (align_dump.c, DM_ALIGN_DUMP=3): every token of the 1-1 link src i / tgt j of
 * pair pk: its weight, whether the partner meets it, how many sentences of the other side it meets,
 * how many of those are within 3 of the partner, whether it is a number. */
void al_dump_link_tokens(const al_scorer *sc, size_t pk, size_t i, size_t j);

/* Evidence that two adjacent blocks are one: the weight of tokens that each block's sentences
 * leave unmatched on their own block's other side but match on the neighbour's (cross), the
 * unmatched weight, and what chance would match of it (p0 per sentence of the neighbour). */
void al_cross_evidence(const al_scorer *sc, const al_block *b1, const al_block *b2, double *cross,
                       double *unmatched, double *chance);

/* Join neighbouring blocks whose sentences each say part of the other's content: the weight of
 * words crossing over, far above the pair's own rate, outweighs the cost of joining (align_join.c;
 * blk rewritten in place, *nblk updated). `omissions` 1: a link with a sentence without counterpart
 * beside it; 0: two links. */
dm_status al_join_by_crossing(const al_scorer *sc, al_block *blk, size_t *nblk, int omissions);

/* Best monotone covering path through the band (align_dp.c). */
dm_status al_dp_run(const al_scorer *sc, const al_band *band, al_block **out, size_t *nout);
/* Check the invariant: monotone blocks covering every sentence of both sides exactly once. */
int al_blocks_valid(const al_block *b, size_t nb, size_t n, size_t m);

/* Bands: full, around a path of blocks, around anchor points (align_band.c). */
dm_status al_band_full(al_band *band, size_t n, size_t m);
dm_status al_band_around_points(al_band *band, size_t n, size_t m, const uint32_t *pi,
                                const uint32_t *pj, size_t np, size_t width);
/* Does the path touch the band's edge (so that a wider band could find a better one)? */
int al_band_touched(const al_band *band, const al_block *b, size_t nb);
void al_band_free(al_band *band);
/* Anchor points: sentence pairs that share a concept found in no other sentence of either side,
 * kept when they form a monotone chain. */
dm_status al_anchors(const al_doc *src, const al_doc *tgt, uint32_t **pi, uint32_t **pj,
                     size_t *np);

#endif
