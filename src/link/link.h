/*
 * link.h -- the inside of the linking stage: which documents are versions of one story.
 *
 * The stage turns every document into a sparse vector of language-neutral evidence (numbers,
 * name keys, transliterated character n-grams, pivot words reached through lexicons shipped or
 * learned from the collection), finds candidates through an inverted index instead of comparing
 * every pair, scores them, links them one-to-one per language pair and groups the links into
 * stories. Each kind of evidence has its own file; this header is what they share.
 */
#ifndef DM_LINK_H
#define DM_LINK_H

#include "dragoman.h"
#include "text/text.h"

#include <stddef.h>
#include <stdint.h>

#define LK_NONE UINT32_MAX

/* --- a u64 -> u32 open-addressing hash map (key 0 is reserved as "empty") ------------------- */

typedef struct lk_map {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, n;
} lk_map;

uint64_t lk_hash(const void *p, size_t len, uint64_t seed);
dm_status lk_map_init(lk_map *m, size_t hint);
void lk_map_free(lk_map *m);
/* The value slot of key, or NULL. */
uint32_t *lk_map_get(const lk_map *m, uint64_t key);
/* The value slot of key, inserted with value `val` when absent (*added says which). */
dm_status lk_map_put(lk_map *m, uint64_t key, uint32_t val, uint32_t **slot, int *added);

/* --- a growable byte arena for strings ------------------------------------------------------- */

typedef struct lk_strs {
    char *p;
    size_t n, cap;
} lk_strs;

/* Copy s[0..len) plus a NUL; *off receives where it starts. */
dm_status lk_strs_add(lk_strs *a, const char *s, size_t len, uint32_t *off);

/* --- features: interned (kind, string) with document frequency ---------------------------- */

enum lk_kind {
    LK_NUM,   /* a number, digits only (separators dropped): every digit system, every grouping */
    LK_KEY,   /* consonant-skeleton key of a word's Latin transliteration */
    LK_GRAM,  /* character 4-gram of a word's Latin transliteration */
    LK_PIVOT, /* a pivot-language word reached through a lexicon (shipped or learned) */
    LK_KIND_COUNT
};

typedef struct lk_feats {
    lk_map map;
    uint32_t *df;
    uint64_t *lmask; /* languages it occurs in (bit = language index mod 64) */
    uint8_t *kind;
    uint32_t *str; /* offset of the feature's text in strs */
    size_t n, cap;
    lk_strs strs;
} lk_feats;

dm_status lk_feat_id(lk_feats *f, int kind, const char *s, size_t len, uint32_t *id);
const char *lk_feat_text(const lk_feats *f, uint32_t id);
const char *lk_kind_name(int kind);

/* --- word types: every distinct word of the collection, analysed once --------------------- */

typedef struct lk_word {
    uint32_t str;    /* the word (matching form) in words.strs */
    uint32_t latin;  /* its Latin transliteration in words.strs */
    uint32_t key;    /* LK_KEY feature id or LK_NONE */
    uint32_t gram0;  /* its LK_GRAM feature ids: grams[gram0 .. gram0+ngram) */
    uint16_t ngram;
    uint16_t len;
    uint32_t lex_lang; /* the first language whose lexicon was asked about it, LK_NONE if none, */
    uint32_t lex_off;  /* and where its pivots are in coll.lex_fw (the map holds the others) */
} lk_word;

typedef struct lk_words {
    lk_map map; /* hash of the word -> index */
    lk_word *w;
    size_t n, cap;
    uint32_t *grams;
    size_t ngrams, gcap;
    lk_strs strs;
} lk_words;

/* --- documents ----------------------------------------------------------------------------- */

typedef struct lk_fw {
    uint32_t id;
    float w; /* term count while analysing, final weight after lk_weigh */
} lk_fw;

/* Ascending ids are kept as 16-bit gaps (half the memory of the ids, for every document): a
 * gap of 0xFFFF or more is the escape LK_GAP_ESC followed by the id itself in two halves. */
enum { LK_GAP_ESC = 0xFFFF };
typedef struct lk_gaps {
    const uint16_t *p;
    uint32_t id;
} lk_gaps;
static inline lk_gaps lk_gaps_at(const uint16_t *p) { return (lk_gaps){p, 0}; }
static inline uint32_t lk_gaps_next(lk_gaps *g)
{
    uint16_t u = *g->p++;
    if (u == LK_GAP_ESC) {
        g->id = (uint32_t)g->p[0] << 16 | g->p[1];
        g->p += 2;
    } else
        g->id += u;
    return g->id;
}
/* link_gaps.c: the units ids[0..n) take as gaps; written to out (when not NULL) */
size_t lk_gaps_put(const uint32_t *ids, size_t n, uint16_t *out);

typedef struct lk_doc {
    uint32_t lang;         /* index into coll.langs */
    uint32_t nchar;        /* code points of letters and digits */
    uint32_t nsent, npara; /* sentences, paragraphs */
    uint16_t *f;           /* weighed features, one block: the ids of the static part (numbers,
                            * keys, n-grams: they never change once weighed) as gaps (gs units),
                            * those of the pivot words (each learning pass renews them) as gaps
                            * (gp units), then the nf weights (lk_doc_w, one byte each), static
                            * part first */
    uint32_t nf, nstat;    /* features, of which static */
    uint32_t gs, gp;
    uint32_t *nums;        /* until the collection is weighed: the ids of its numbers, once per
                            * occurrence (link_evidence.c) */
    uint32_t nnums;
    uint16_t *words;       /* its distinct word types: ids as gaps (wg units), then how often each
                            * occurs as one byte each (at most 255; lk_words_next) */
    uint32_t nwords, wg;
    uint32_t id;     /* offset of its id in coll.ids */
    float self;      /* the cosine of the document with itself (after lk_weigh) */
} lk_doc;

/* The word types of a document with their counts, in id order. */
typedef struct lk_word_it {
    lk_gaps g;
    const uint8_t *count;
    uint32_t left;
} lk_word_it;
static inline lk_word_it lk_words_of(const lk_doc *d)
{
    const uint8_t *count = d->words ? (const uint8_t *)(d->words + d->wg) : NULL;
    return (lk_word_it){lk_gaps_at(d->words), count, d->nwords};
}
static inline int lk_words_next(lk_word_it *it, uint32_t *w, uint32_t *count)
{
    if (!it->left)
        return 0;
    it->left--;
    *w = lk_gaps_next(&it->g);
    *count = *it->count++;
    return 1;
}

/* Weights are kept in one byte each, on a log scale (every document holds hundreds): a kind's
 * weights are normalised, so they are below sqrt(alpha) <= 1; code q > 0 stands for
 * 2^((q - 255) / LK_W_STEPS), ten octaves in 255 steps of 2.8% (a weight is off by 1.4% at most,
 * and the errors of a similarity's terms do not add up), and 0 for a weight too light to keep. */
typedef uint8_t lk_wq;
#define LK_W_STEPS 25.5f
extern float lk_wtab[256]; /* the weight of each code (link_gaps.c fills it, lk_wtab_init) */
void lk_wtab_init(void);
static inline lk_wq *lk_doc_w(const lk_doc *d) { return d->f ? (lk_wq *)(d->f + d->gs + d->gp) : NULL; }
/* Where the gaps of a document's static part (0) or pivot words (1) begin. */
static inline lk_gaps lk_doc_gaps(const lk_doc *d, int part)
{
    return lk_gaps_at(d->f && part ? d->f + d->gs : d->f);
}
/* The ids of a document's static part (0) or pivot words (1) into ids, which must hold d->nf;
 * returns how many. */
static inline uint32_t lk_doc_ids(const lk_doc *d, int part, uint32_t *ids)
{
    uint32_t n = part ? d->nf - d->nstat : d->nstat;
    lk_gaps g = lk_doc_gaps(d, part);
    for (uint32_t k = 0; k < n; k++)
        ids[k] = lk_gaps_next(&g);
    return n;
}
static inline float lk_w(lk_wq q) { return lk_wtab[q]; }
lk_wq lk_w_q(float w);

typedef struct lk_lang {
    char code[12];  /* ISO code from langid, or "S:<script>" when only the script is known */
    uint32_t ndocs;
    int script;
    double mean_chars; /* mean letters per document */
    const void *lex;   /* its shipped lexicon (link_lexicon.c), NULL when none */
    int lex_known;     /* lex has been looked for */
} lk_lang;

/* A candidate pair with its evidence score. */
typedef struct lk_pair {
    uint32_t a, b;
    float sim;   /* weighted sum of the per-kind cosines of the evidence vectors (may pass 1) */
    float stat;  /* the part of sim from numbers, keys and n-grams (-1: not computed yet) */
    float score; /* sim relative to the neighbourhoods of a and b (margin), structure applied */
} lk_pair;

/* A document's analysis in the form kept in a store (link_save.c). */
typedef struct lk_blob {
    uint8_t *p;
    uint32_t n;
} lk_blob;

/* A learned translation: word (a word type) of language lang means word type pivot of the pivot
 * language, with the Dice coefficient of their stories. */
typedef struct lk_learned {
    uint32_t lang, word, pivot;
    float dice;
} lk_learned;

/* Tunable constants in one place, so that explain and cluster agree. */
typedef struct lk_params {
    float alpha[LK_KIND_COUNT]; /* weight of each kind of evidence */
    uint32_t k_per_lang;        /* candidates kept per document and target language */
    uint32_t probe_feats;       /* rarest features of a document used to probe the index */
    uint32_t posting_cap;       /* postings longer than this are not probed (too common) */
    float min_sim;              /* below this cosine a pair is no evidence at all */
    float min_score;            /* below this margin score a pair is not linked */
    float dup_sim;              /* same-language pairs above this are near-duplicates */
    float merge_avg;            /* average link strength needed to merge two clusters */
    float attach_avg;           /* support per version needed to attach a lone document */
} lk_params;

typedef struct lk_coll {
    dm_ctx *ctx;
    size_t n, cap;
    lk_params prm;
    lk_doc *d;
    lk_strs ids; /* the documents' ids (their texts are not kept) */
    lk_feats feats;
    lk_words words;
    lk_lang *langs;
    size_t nlangs;
    lk_map lang_seen, lang_first, lang_votes; /* word -> documents, first language, per language */
    int threads;     /* lk_threads() */
    double tick;     /* time of the last lk_tick */
    size_t n_langid; /* documents dm_langid was asked about */
    int no_langid;  /* dm_langid failed (no model): scripts stand in for languages */
    int pivot_lang; /* index of the pivot language (English when present), -1 if none */
    int weighed;    /* the documents' evidence is weighed (their numbers are in it) */
    /* the learned lexicon while a pass renews the pivot words (link_learn.c): (language, word)
     * -> pivot feature, and for pivot-language words the feature they are, or LK_NONE */
    const lk_map *learned;
    const uint32_t *learned_target;
    /* shipped-lexicon pivots of each (language, word type), looked up once (link_lexicon.c):
     * lex_map maps the pair to lex_fw[off], which holds the count in .id, then the pivots */
    lk_map lex_map;
    lk_fw *lex_fw;
    size_t nlex_fw, lex_cap;
    /* candidates */
    lk_pair *pairs;
    size_t npairs;
    /* incremental linking over a store (link_save.c, link_incr.c) */
    const uint8_t *probe_only; /* when set, only the documents marked here probe the index */
    int keep_analysis;         /* keep each analysed document's analysis in its stored form */
    lk_blob *saved;            /* per document: that form (empty for documents loaded from a store) */
    size_t saved_cap;
    lk_learned *kept; /* the lexicon the last learning pass learned (or the stored one), as kept */
    size_t nkept, kept_cap;
} lk_coll;

/* Hand memory freed by a phase back to the system (glibc keeps what small blocks free in its
 * heaps, and the next phase's peak would stand on top of the last one's); a no-op elsewhere. */
void lk_release(void);

void lk_params_default(lk_params *p);

/* With DM_LINK_TIMING set in the environment, print to stderr the time since the previous call
 * under a label (a diagnostic for the benchmark; silent otherwise). */
void lk_tick(lk_coll *c, const char *what);
/* With DM_LINK_TIMING set, where the collection's memory is (documents' features and words,
 * tables, pairs), labelled with when. */
void lk_mem_report(const lk_coll *c, const char *when);

/* link_coll.c: a collection: made empty, documents analysed as they are added (the caller may
 * free them afterwards), then weighed with candidates found and scored (lk_coll_finish) */
dm_status lk_coll_init(dm_ctx *ctx, lk_coll *c);
dm_status lk_coll_add(lk_coll *c, const dm_doc *docs, size_t n);
dm_status lk_coll_finish(lk_coll *c);
/* The first half of lk_coll_finish: mean lengths, pivot language, every document weighed. */
dm_status lk_coll_prepare(lk_coll *c);
void lk_coll_free(lk_coll *c);
const char *lk_doc_id(const lk_coll *c, uint32_t i);

/* link_doc.c: the documents' analysis (tokens, words, sentences, language, evidence), in blocks:
 * what needs only the text runs on several threads, what builds the shared tables runs in order */
dm_status lk_docs_analyse(lk_coll *c, const dm_doc *docs, size_t n); /* appended at c->n */
/* Room for n more documents after c->n (zeroed). */
dm_status lk_docs_grow(lk_coll *c, size_t n);
/* Documents [c->n, c->n + n) that hold their language, structure, word types and numbers
 * (restored from a store, not analysed): their lexicon lookups as for analysed ones; c->n then
 * counts them. */
dm_status lk_docs_restored(lk_coll *c, size_t n);

/* link_evidence.c: a document's evidence rebuilt from its numbers and word types, in a thread's
 * scratch space (the documents never hold it unweighed) */
typedef struct lk_scratch {
    float *acc;        /* counts by feature id, 0 where untouched */
    uint32_t *touched; /* the ids with acc != 0 */
    size_t cap;        /* ids acc covers */
    lk_fw *list;       /* the document's distinct features */
    size_t list_cap;
    float *tmp; /* for the weighing's cuts */
    size_t tmp_cap;
    uint16_t *out; /* a weighed document's block, before it is allocated */
    size_t out_cap;
} lk_scratch;
/* Room for feature ids below nfeats. */
dm_status lk_scratch_fit(lk_scratch *s, size_t nfeats);
void lk_scratch_free(lk_scratch *s);
/* The counts of d's evidence of the kinds in kind_mask, each feature once, into s->list[0..*n):
 * static kinds first (*nstat of them), then pivot words, each part in no order. Static kinds: the
 * numbers d holds until the collection is weighed, the keys and n-grams of its words; pivot
 * words: those of its words in the shipped lexicon and the learned one (c->learned). */
dm_status lk_doc_counts(const lk_coll *c, const lk_doc *d, int kind_mask, lk_scratch *s, uint32_t *n,
                        uint32_t *nstat);

/* link_par.c: a few threads over chunks of work; results must depend on the chunk, never on the
 * thread (worker < lk_threads() says whose scratch space to use) */
typedef dm_status (*lk_job_fn)(void *arg, int worker, size_t chunk, size_t begin, size_t end);
int lk_threads(void);
dm_status lk_parallel(int threads, size_t n, size_t chunk, lk_job_fn fn, void *arg);

/* link_sort.c: orderings without a comparison callback */
void lk_sort_fw_id(lk_fw *a, size_t n);     /* feature id ascending */
void lk_sort_fw_weight(lk_fw *a, size_t n); /* weight descending, ties by id ascending */
float lk_kth_largest(float *v, size_t n, size_t k);

/* link_words.c: word types (transliteration, name key, n-grams computed once per type) */
enum { LK_LATIN_CAP = 256 };
typedef struct lk_word_prep {
    char latin[LK_LATIN_CAP]; /* Latin transliteration */
    char key[LK_LATIN_CAP];   /* its consonant-skeleton key */
} lk_word_prep;
/* A word type's id, *added when it is new (its analysis is then still to do). */
dm_status lk_word_intern(lk_coll *c, const char *s, size_t len, uint32_t *id, int *added);
/* The analysis of a word that needs only the word (and a context of the calling thread's own). */
dm_status lk_word_prepare(dm_ctx *ctx, const char *s, size_t len, lk_word_prep *out);
/* The prepared analysis entered in the shared tables: Latin form, key and n-gram features. */
dm_status lk_word_finish(lk_coll *c, uint32_t id, const lk_word_prep *p);
const char *lk_word_text(const lk_coll *c, uint32_t id);
const char *lk_word_latin(const lk_coll *c, uint32_t id);

/* link_numbers.c: numbers of every digit system. The digits of the number at token i of
 * matching-form text (a group after a space joined, a scale word after it multiplied in:
 * *consumed tokens), 0 when it says nothing. */
size_t lk_number_digits(dm_ctx *ctx, const char *text, const dm_token *t, size_t nt, size_t i, char *dig,
                        size_t cap, size_t *consumed);

/* link_lexicon.c: shipped lexicons to pivot (English) words (a no-op without lexicons): look up
 * and cache the pivots of every word of d, interning them as features */
dm_status lk_lexicon_fill(lk_coll *c, const lk_doc *d);

/* link_lang.c: the language of each document */
dm_status lk_lang_of(lk_coll *c, const lk_doc *d, const dm_doc *doc, uint32_t *lang);
/* The index of the language with this code (added when new), counting one more document. */
dm_status lk_lang_index(lk_coll *c, const char *code, int script, uint32_t *lang);
/* The index of the language with this code, or LK_NONE (nothing added, nothing counted). */
uint32_t lk_lang_find(const lk_coll *c, const char *code);

/* Where the cached pivots of (language, word) are in c->lex_fw (count in .id, then the pivots),
 * or LK_NONE when they were never looked up. */
uint32_t lk_lexicon_entry(const lk_coll *c, uint32_t lang, uint32_t word);

/* link_learn.c: a lexicon learned from the confident links of the collection itself */
dm_status lk_learn_lexicon(lk_coll *c, const uint32_t *label);
/* Give every document the pivot words of a lexicon ((lang << 32 | word) + 1 -> pivot word type)
 * and weigh them afresh; trans's values become pivot feature ids. */
dm_status lk_learn_apply(lk_coll *c, lk_map *trans);

/* link_api.c: the learning passes after a first clustering into label: learn a lexicon from
 * the stories, cluster again with cluster(), until the stories settle */
typedef dm_status (*lk_cluster_fn)(lk_coll *c, uint32_t *label, void *ud);
dm_status lk_learning_passes(lk_coll *c, uint32_t *label, lk_cluster_fn cluster, void *ud);

/* The public linker: a collection, its labels, and what a linker over a store keeps
 * (link_store.c). */
struct dm_linker {
    lk_coll c;
    uint32_t *label;
    uint8_t *relinked; /* per document: its story was (re)computed by the last run */
    int over_store;    /* begun by dm_linker_begin_store */
    int whole;         /* ... to link the store whole (nothing loaded from it) */
    size_t n_loaded, words_loaded; /* documents and word types read from the store */
    lk_strs lex;          /* the stored lexicon's rows as strings, */
    uint32_t *lex_rows;   /* five offsets a row: lang_a, lang_b, word_a, word_b, and the probability's bits */
    size_t nlex, lex_cap; /* resolved when the run knows its pivot language */
};

/* link_save.c: a document's analysis kept for a store, and read back */
dm_status lk_save_doc(lk_coll *c, uint32_t i); /* into c->saved[i], after its language is known */
/* Document c->n from its stored analysis (word ids are c's word types); lk_docs_restored
 * finishes it. */
dm_status lk_restore_doc(lk_coll *c, const char *id, const uint8_t *p, size_t len);
/* A word type from its stored analysis; it must come out as type number id. */
dm_status lk_restore_word(lk_coll *c, uint32_t id, const char *word, const char *latin, const char *key);
/* Keep entry e as one of the learned lexicon's (c->kept). */
dm_status lk_learned_push(lk_coll *c, lk_learned e);

/* link_incr.c: stories for the documents added to a linked collection (see link_incr.c) */
typedef dm_status (*lk_lexicon_fn)(lk_coll *c, lk_map *trans, void *ud);
dm_status lk_update(lk_coll *c, const uint32_t *old_label, lk_lexicon_fn lexicon, void *ud, uint32_t *label,
                    uint8_t *touched);

/* link_weight.c: document frequencies -> tf-idf weights, normalised per kind. The evidence of
 * the kinds in kind_mask is rebuilt (lk_doc_counts), counted and weighed; the other kinds' are
 * kept. Features no other document shares are dropped. */
dm_status lk_weigh(lk_coll *c, int kind_mask);

/* link_pairs.c: candidates to pairs. A chunk of documents' candidates: for each document in
 * order, how many, then the other documents. */
typedef struct lk_cands {
    uint32_t *p;
    size_t n, cap;
} lk_cands;
dm_status lk_cands_put(lk_cands *b, const uint32_t *o, uint32_t n);
/* The last pass's pairs as the next needs them: the static score of each (a, b), row a. */
typedef struct lk_prev {
    uint32_t *row; /* pairs of a: e[row[a] .. row[a+1]), b ascending */
    void *e;
} lk_prev;
/* c->pairs become *prev (c->pairs is then empty). */
dm_status lk_pairs_shrink(lk_coll *c, lk_prev *prev);
void lk_prev_free(lk_prev *prev);
/* The candidates of every chunk (chunk_docs documents each; freed here) as c->pairs, each pair
 * once, in (a, b) order, with the static scores of prev where it has them (else -1). */
dm_status lk_pairs_gather(lk_coll *c, lk_cands *chunks, size_t nchunks, size_t chunk_docs,
                         const lk_prev *prev);

/* link_index.c: candidates through an inverted index (never every pair) */
dm_status lk_candidates(lk_coll *c);

/* link_score.c: evidence of a pair, from the two documents' features decoded */
typedef struct lk_unpacked {
    uint32_t *ids; /* [0..nstat) numbers, keys, n-grams; [nstat..nf) pivot words */
    const lk_wq *w;
    uint32_t nf, nstat;
    uint32_t doc; /* the document decoded, LK_NONE before any */
    size_t cap;
} lk_unpacked;
dm_status lk_unpack(const lk_coll *c, uint32_t doc, lk_unpacked *u);
void lk_unpacked_free(lk_unpacked *u);
/* The similarity of two documents: the sum of what each kind adds (into part, when not NULL). */
float lk_sim(const lk_coll *c, const lk_unpacked *x, const lk_unpacked *y, float part[LK_KIND_COUNT]);
/* The two parts of lk_sim without the detail: numbers, keys and n-grams; pivot words. */
float lk_sim_static(const lk_unpacked *x, const lk_unpacked *y);
float lk_sim_pivot(const lk_unpacked *x, const lk_unpacked *y);
/* How well the shapes agree (length, sentences, paragraphs): a factor in (0,1]. */
float lk_structure(const lk_coll *c, uint32_t a, uint32_t b);
/* The cosine of a pair relative to the documents' own lengths: 1 for identical evidence. */
float lk_dup_sim(const lk_coll *c, const lk_pair *p);
/* Turn sims into margin scores (relative to each document's neighbourhood per language). */
void lk_score_pairs(lk_coll *c);

/* link_cluster.c: one-to-one links per language pair, then stories */
dm_status lk_cluster(lk_coll *c, uint32_t *label);

/* link_explain.c */
dm_status lk_explain(lk_coll *c, uint32_t a, uint32_t b, const uint32_t *label, char **out);

#endif
