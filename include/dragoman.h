/*
 * dragoman.h -- the one public header of libdragoman.
 *
 * dragoman reads news articles in many languages and says which tell the same story, how their
 * sentences line up and what each version adds or leaves out. Everything the command-line program
 * does goes through this header: the program is the library's first client, nothing more.
 *
 * Conventions (as in Lua and SQLite):
 *  - one opaque handle, dm_ctx, created once and passed first; no global state, so two contexts
 *    may live in one process and the library can be driven from Python through ctypes;
 *  - every call that can fail returns a dm_status; dm_ctx_errmsg() gives the detail of the last
 *    failure on that context, dm_status_str() the generic meaning of a code;
 *  - strings are UTF-8; lengths are in bytes; what the library allocates for the caller has a
 *    matching dm_*_free().
 */
#ifndef DRAGOMAN_H
#define DRAGOMAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================== status and context */

typedef enum dm_status {
    DM_OK = 0,
    DM_ENOMEM,    /* out of memory */
    DM_EIO,       /* a file or stream could not be read or written */
    DM_EINVAL,    /* a bad argument from the caller */
    DM_EFORMAT,   /* input that is not what it claims to be (broken JSON, truncated gzip...) */
    DM_ELIMIT,    /* input over a configured limit (document size, line length) */
    DM_EUNICODE,  /* ICU refused the text */
    DM_ESTORE,    /* the SQLite store failed or is not a dragoman store */
    DM_ENOTFOUND, /* no such document, file or model */
    DM_EMODEL,    /* a data file (model, lexicon) is missing or corrupt */
    DM_EPARTIAL   /* the work was done, but some records were rejected (see the diagnostics) */
} dm_status;

const char *dm_status_str(dm_status st);

typedef struct dm_ctx dm_ctx;

/* Severity of a diagnostic about one input record. */
typedef enum dm_diag_level { DM_DIAG_REPAIRED = 1, DM_DIAG_REJECTED = 2 } dm_diag_level;

/* Called once for every rejected or repaired record: `place` says where (file:line, file@offset),
 * `id` is the record's id when known (may be NULL), `reason` is one readable sentence. */
typedef void (*dm_diag_fn)(void *ud, dm_diag_level level, const char *place, const char *id,
                           const char *reason);

typedef struct dm_options {
    size_t max_doc_bytes;  /* largest document accepted; 0 = default (16 MiB); at most 1 GiB */
    const char *data_dir;  /* shipped models and lexicons; NULL = $DRAGOMAN_DATA or built-in */
} dm_options;

dm_status dm_ctx_new(dm_ctx **out, const dm_options *opt /* may be NULL */);
void dm_ctx_free(dm_ctx *ctx);
const char *dm_ctx_errmsg(const dm_ctx *ctx);
void dm_ctx_set_diag(dm_ctx *ctx, dm_diag_fn fn, void *ud);
const char *dm_version(void);

/* ======================================================================== documents and readers */

typedef struct dm_doc {
    const char *id;     /* unique within a collection */
    const char *text;   /* UTF-8, NFC, valid (invalid bytes were replaced by U+FFFD) */
    size_t text_len;
    const char *lang;   /* declared language (NULL when none) */
    const char *title;  /* NULL when none */
    const char *url;    /* NULL when none */
    const char *date;   /* NULL when none */
    const char *source; /* where it came from: a path, a path:line, a WARC URI */
    size_t n_replaced;  /* invalid byte sequences replaced by U+FFFD */
} dm_doc;

/* Receives each good document; the strings live until the callback returns. Return DM_OK to go
 * on; anything else stops the reading and is returned by the reader. */
typedef dm_status (*dm_doc_fn)(void *ud, const dm_doc *doc);

/* Read a file or a folder (recursively: .txt .html .htm .jsonl .warc .warc.gz), or "-" for
 * standard input (format sniffed). Bad records go to the diagnostic callback; the reader returns
 * DM_EPARTIAL when any record was rejected, DM_OK when all were good. */
dm_status dm_read_path(dm_ctx *ctx, const char *path, dm_doc_fn fn, void *ud);

/* ======================================================================== text */

/* A sentence: a byte span of the text it was cut from. */
typedef struct dm_span {
    size_t start, len;
} dm_span;

/* Cut UTF-8 text into sentences (ICU's break iterator plus danda, Arabic/Urdu marks, headlines,
 * paragraph breaks). *out is malloc'ed; free it with free(). Spans are trimmed and never empty. */
dm_status dm_segment(dm_ctx *ctx, const char *text, size_t len, dm_span **out, size_t *n);

/* The matching form of a text: NFKC case folding, Arabic-script letters unified, harakat and
 * tatweel dropped, digits of every system turned to ASCII. *out is malloc'ed, NUL-terminated. */
dm_status dm_match_form(dm_ctx *ctx, const char *text, size_t len, char **out, size_t *out_len);

/* How a name is matched across scripts: its matching form brought to Latin ASCII (ICU's
 * Any-Latin, with dragoman's rules for the letters and scripts Any-Latin leaves alone: Urdu,
 * Pashto, Sindhi, Kurdish letters; Sinhala, Khmer, Lao, Tibetan) and its key, the consonant
 * skeleton that Rashid, रशीद and رشيد share. Names longer than 60 letters are cut. Both outputs
 * are NUL-terminated (cut to their capacity). */
dm_status dm_name_form(dm_ctx *ctx, const char *name, size_t len, char *latin, size_t latin_cap,
                       char *key, size_t key_cap);

/* ======================================================================== language identification */

typedef struct dm_lang_guess {
    char code[8];  /* ISO 639-1 where one exists, else 639-3; "und" when nothing can be said */
    double score;  /* confidence in [0,1] */
} dm_lang_guess;

/* The k best languages of a text, best first; *n receives how many were written (<= k).
 * Empty text, digits or punctuation only give one guess "und" with score 0. A script only one
 * language is written in (Greek, Armenian, Thai, Hangul...) settles the answer; otherwise naive
 * Bayes over character n-grams and words decides. The score is a confidence: short or ambiguous
 * input gets a low one. The model (data/langid/langid.bin.gz) is loaded on the first call. */
dm_status dm_langid(dm_ctx *ctx, const char *text, size_t len, dm_lang_guess *out, size_t k,
                    size_t *n);

/* Restrict the candidates of dm_langid and dm_langid_spans on this context to a list of codes
 * (ISO 639-1 or 639-3, separated by commas or spaces), e.g. "fa,ar,ur"; a macrolanguage's code
 * ("sh" or "hbs", "no" or "nor") stands for its members; NULL or "" lifts the restriction.
 * DM_EINVAL names a code the model does not know. */
dm_status dm_langid_restrict(dm_ctx *ctx, const char *codes);

/* Whether dm_langid and dm_langid_spans on this context may answer a macrolanguage (off until
 * asked; `dragoman langid` asks unless given --individual). When the best language belongs to a
 * macrolanguage that has a code of its own, Serbo-Croatian "sh" (bs, hr, sr) or Norwegian "no"
 * (nb, nn), and has less than nine tenths of the members' summed confidence, the first guess is
 * the macrolanguage, scored with that sum; the languages follow, members included. In
 * dm_langid_spans, such pieces next to a piece of one of the members take its code. Stages that
 * need one language (a lexicon is per language) leave it off. */
dm_status dm_langid_macrolanguages(dm_ctx *ctx, int on);

/* The codes the model knows: writes up to cap pointers (valid while ctx lives), returns how
 * many there are (0 when the model cannot be loaded). */
size_t dm_langid_languages(dm_ctx *ctx, const char **codes, size_t cap);

/* A stretch of a document in one language. */
typedef struct dm_lang_span {
    size_t start, len; /* bytes of the text given */
    char code[8];      /* as in dm_lang_guess */
    double score;      /* confidence in [0,1] */
} dm_lang_span;

/* The languages of a document that may mix several (a Persian article quoting an English
 * sentence gives three spans: fa, en, fa). Spans are in text order, do not overlap and are
 * trimmed of spaces. *out is malloc'ed; free it with free(). */
dm_status dm_langid_spans(dm_ctx *ctx, const char *text, size_t len, dm_lang_span **out,
                          size_t *n);
/* ======================================================================== align */

/* A block of an alignment: src sentences src_start .. src_start+src_n-1 translate tgt sentences
 * tgt_start .. tgt_start+tgt_n-1. One side may be empty (a sentence with no counterpart). Blocks
 * come in order, are monotone and cover every sentence of both sides exactly once. */
typedef struct dm_align_block {
    size_t src_start, src_n;
    size_t tgt_start, tgt_n;
    double score; /* confidence in [0,1] that the block is right */
} dm_align_block;

typedef struct dm_align_opts {
    const char *src_lang, *tgt_lang; /* ISO codes when known; NULL = guess when possible */
    int no_lexicon;                  /* do not use the shipped lexicons */
    int no_learning;                 /* do not learn word translations from the input itself */
    int one_to_one;                  /* dm_mine: no longer read (one to one is the default there;
                                      * see mine_independent) */
    int mine_independent;            /* dm_mine: each src sentence takes its own best target; by
                                      * default the answers are one to one where they can be */
    int mine_both_ways;              /* dm_mine: also mine tgt against src and take the mean of
                                      * each pair's two margins (about 3 times the time, for a
                                      * little accuracy: mine-tatoeba 0.855 -> 0.857) */
} dm_align_opts;

/* A batch of document pairs aligned together: word translations learned from the whole batch
 * help every pair. Add pairs, run once, then read each pair's blocks. */
typedef struct dm_aligner dm_aligner;

dm_status dm_aligner_new(dm_ctx *ctx, const dm_align_opts *opt /* may be NULL */,
                         dm_aligner **out);
/* Add a pair given as arrays of sentences (UTF-8, lengths in bytes); the texts are not kept.
 * src_lang/tgt_lang: ISO codes of this pair when known, else NULL (the options', or a guess). */
dm_status dm_aligner_add(dm_aligner *al, const char *const *src, const size_t *src_len,
                         size_t n_src, const char *const *tgt, const size_t *tgt_len,
                         size_t n_tgt, const char *src_lang, const char *tgt_lang);
dm_status dm_aligner_run(dm_aligner *al);
size_t dm_aligner_count(const dm_aligner *al);
/* Blocks of pair k (in the order added), valid until dm_aligner_free. */
dm_status dm_aligner_blocks(const dm_aligner *al, size_t k, const dm_align_block **blocks,
                            size_t *n);
void dm_aligner_free(dm_aligner *al);

/* Does a line carry nothing to translate (at most one letter, no digit, no bracket, and not ending
 * in a comma, colon or semicolon, which ask for the rest of a sentence: OCR debris, stray marks)?
 * Such a line has no counterpart; the batch output reports it on its own even when the alignment
 * put it inside a block. */
int dm_align_is_debris(const char *s, size_t n);

/* One pair: a batch of one. *out is malloc'ed; free it with free(). */
dm_status dm_align(dm_ctx *ctx, const dm_align_opts *opt, const char *const *src,
                   const size_t *src_len, size_t n_src, const char *const *tgt,
                   const size_t *tgt_len, size_t n_tgt, dm_align_block **out, size_t *n);

/* Parallel sentence mining: for each src sentence, the tgt sentence that most likely translates
 * it, among all tgt sentences (any order). Scores are margins (CSLS: a pair's similarity against
 * each side's nearest neighbours), so they compare across sentences; candidates come from an
 * inverted index of words, names, numbers and lexicon pivots, not from all pairs. Answers are
 * one to one where they can be (the assignment of largest total margin), unless
 * opt->mine_independent. best[k] = SIZE_MAX only when there is no tgt sentence; best and score
 * have n_src entries. */
dm_status dm_mine(dm_ctx *ctx, const dm_align_opts *opt, const char *const *src,
                  const size_t *src_len, size_t n_src, const char *const *tgt,
                  const size_t *tgt_len, size_t n_tgt, size_t *best, double *score);

/* Divergences between two versions of a story, found from their alignment. */
typedef enum dm_diff_kind {
    DM_DIFF_SRC_ONLY = 1, /* src sentences with no counterpart */
    DM_DIFF_TGT_ONLY,     /* tgt sentences with no counterpart */
    DM_DIFF_LENGTH,       /* a block whose lengths disagree beyond what the pair's ratio explains */
    DM_DIFF_NUMBER,       /* a number written on one side only (side says which) */
    DM_DIFF_NAME          /* a name (capitalised word) on one side that the other never mentions */
} dm_diff_kind;

typedef struct dm_diff_item {
    dm_diff_kind kind;
    int side;           /* 0 = present in src only, 1 = present in tgt only */
    size_t block;       /* index of the block in the alignment */
    char what[64];      /* the number or name as written (NUMBER, NAME), else "" */
    double score;       /* LENGTH: the Gale-Church deviation; others: the block's confidence */
} dm_diff_item;

typedef struct dm_diff_report {
    dm_diff_item *items;
    size_t n;
    size_t src_only, tgt_only, length, numbers, names; /* counts by kind (sentences for *_only) */
    double ratio; /* tgt characters per src character over the pair */
} dm_diff_report;

/* The divergences of a pair given its alignment (from dm_align or dm_aligner_blocks). */
dm_status dm_diff(dm_ctx *ctx, const char *const *src, const size_t *src_len, size_t n_src,
                  const char *const *tgt, const size_t *tgt_len, size_t n_tgt,
                  const dm_align_block *blocks, size_t n_blocks, dm_diff_report **out);
/* The same with the languages of the two sides when known (ISO codes, NULL = guess from the
 * text): they pick the lexicons through which translated names count as present. */
dm_status dm_diff_langs(dm_ctx *ctx, const char *src_lang, const char *tgt_lang,
                        const char *const *src, const size_t *src_len, size_t n_src,
                        const char *const *tgt, const size_t *tgt_len, size_t n_tgt,
                        const dm_align_block *blocks, size_t n_blocks, dm_diff_report **out);
void dm_diff_free(dm_diff_report *r);

/* ======================================================================== link */

/* Which documents are versions of one story (a translation, or the same event retold), in any
 * mix of languages, from language-neutral evidence: numbers in every digit system, names across
 * scripts, words through shipped lexicons and through a lexicon learned from the collection
 * itself, and the shape of the texts. No machine translation, no neural model. A story holds at
 * most one document per language (unless two are near-duplicates); a document without convincing
 * evidence stays alone. */
typedef struct dm_linker dm_linker;

/* Analyse and cluster a collection (dm_linker_begin, _add, _run in one call). */
dm_status dm_linker_new(dm_ctx *ctx, const dm_doc *docs, size_t n, dm_linker **out);
void dm_linker_free(dm_linker *lk);
/* A linker fed in parts, so that a large collection is never held in memory as text: documents
 * are analysed when added (the caller may free them as soon as dm_linker_add returns; only their
 * ids are kept), numbered 0.. in the order added; dm_linker_run then finds the stories (once). */
dm_status dm_linker_begin(dm_ctx *ctx, dm_linker **out);
dm_status dm_linker_add(dm_linker *lk, const dm_doc *docs, size_t n);
dm_status dm_linker_run(dm_linker *lk);
/* Documents added so far. */
size_t dm_linker_count(const dm_linker *lk);
/* Story label of every document (labels[i] for docs[i]); equal labels = one story. */
dm_status dm_linker_labels(const dm_linker *lk, size_t *labels);
/* Readable evidence joining or separating docs[a] and docs[b]; *out malloc'ed, free() it. */
dm_status dm_linker_explain(dm_linker *lk, size_t a, size_t b, char **out);

/* A linker over a store, run again as documents arrive (`dragoman link`): it keeps in the store
 * each linked document's analysis, the word types it met and the lexicon it learned, so that a
 * later run analyses only new documents and relinks only the stories they reach.
 * dm_linker_begin_store: whole = 0 reads back what the store keeps (*n_loaded documents, numbered
 * 0.. in store order, their text not needed); whole = 1 starts empty (a whole relink). Then add
 * the other documents (dm_linker_add), run dm_linker_run (whole) or dm_linker_update (old_story[i]:
 * the story number document i had, -1 for a new one), and dm_linker_save writes back what the
 * run added (whole: everything). */
typedef struct dm_store dm_store; /* (the store banner below) */
dm_status dm_linker_begin_store(dm_ctx *ctx, dm_store *st, int whole, dm_linker **out, size_t *n_loaded);
dm_status dm_linker_update(dm_linker *lk, const long long *old_story);
dm_status dm_linker_save(dm_linker *lk, dm_store *st);
/* The id of document i (NULL past the end). */
const char *dm_linker_doc_id(const dm_linker *lk, size_t i);
/* 1 when the last run computed document i's story (always after dm_linker_run); 0 when an update
 * kept it as it was. */
int dm_linker_relinked(const dm_linker *lk, size_t i);

/* One call: labels[i] receives the story of docs[i]. */
dm_status dm_cluster(dm_ctx *ctx, const dm_doc *docs, size_t n, size_t *labels);

/* ======================================================================== store */

/* One SQLite file holds documents, sentences, and what later stages find (links, stories,
 * alignments, learned lexicons). Writes are batched in transactions; a store killed midway
 * keeps every committed batch. A file that is not a dragoman store is refused. */
typedef struct dm_store dm_store;

/* The default store path: $DRAGOMAN_DB, else "dragoman.db" in the working folder. */
const char *dm_store_default_path(void);
dm_status dm_store_open(dm_ctx *ctx, const char *path, int read_only, dm_store **out);
/* Commits what is pending and closes. */
dm_status dm_store_close(dm_store *st);
dm_status dm_store_commit(dm_store *st);

/* What dm_store_add did with a document. */
typedef enum dm_add_result { DM_ADD_NEW = 1, DM_ADD_SAME = 2, DM_ADD_UPDATED = 3 } dm_add_result;

/* Store a document: its text, its sentences (segmented here) and the language of the document
 * and of every sentence (identified here; a declared language that disagrees is reported as a
 * diagnostic and kept in lang_declared). The same content twice adds nothing (DM_ADD_SAME). */
dm_status dm_store_add(dm_store *st, const dm_doc *doc, dm_add_result *result);

dm_status dm_store_count(dm_store *st, size_t *n_docs, size_t *n_sentences);

/* A stored document as read back: doc.lang is the identified language; doc.title is the
 * headline (the title, or the start of the first sentence when the document has none). */
typedef struct dm_stored_doc {
    dm_doc doc;
    const char *lang_declared; /* NULL when none */
    double lang_score;
    size_t n_sentences;
    long long story; /* -1 when not linked yet */
} dm_stored_doc;

typedef dm_status (*dm_stored_doc_fn)(void *ud, const dm_stored_doc *d);
/* Every stored document in insertion order (with_text = 0 leaves doc.text NULL, faster). */
dm_status dm_store_each(dm_store *st, int with_text, dm_stored_doc_fn fn, void *ud);
/* One document by id: DM_ENOTFOUND when there is none. */
dm_status dm_store_get(dm_store *st, const char *id, dm_stored_doc_fn fn, void *ud);

typedef dm_status (*dm_sentence_fn)(void *ud, size_t idx, const char *text, size_t len,
                                    const char *lang);
dm_status dm_store_sentences(dm_store *st, const char *id, dm_sentence_fn fn, void *ud);

/* The sentences of a stored document as arrays, the form dm_align and dm_diff take. */
typedef struct dm_sentences {
    const char **text; /* NUL-terminated texts */
    size_t *len;       /* their lengths in bytes */
    size_t n;
    char *block; /* where the texts live */
} dm_sentences;
dm_status dm_store_sentence_arrays(dm_store *st, const char *id, dm_sentences *out);
void dm_sentences_free(dm_sentences *s);
/* The documents whose id, headline or url holds `words` (as typed, case-insensitive for ASCII
 * letters), in insertion order: the from-th match on, at most limit of them. */
dm_status dm_store_search(dm_store *st, const char *words, size_t from, size_t limit, dm_stored_doc_fn fn,
                          void *ud);
/* The documents of story number story (as dm_store_each gives them, without text), in insertion
 * order: DM_ENOTFOUND when there is no such story. */
dm_status dm_store_story(dm_store *st, long long story, dm_stored_doc_fn fn, void *ud);
/* The stories of two versions or more, by number: the from-th on, at most limit of them. fn
 * receives each one's number and how many documents it holds. */
typedef dm_status (*dm_story_fn)(void *ud, long long story, size_t n_docs);
dm_status dm_store_stories(dm_store *st, size_t from, size_t limit, dm_story_fn fn, void *ud);
/* Replace all stories: the document ids[i] belongs to story number story[i] (>= 1); a story of
 * one document is kept as such. */
dm_status dm_store_set_stories(dm_store *st, const char *const *ids, const size_t *story,
                               size_t n);
/* Record why two documents were linked (or kept apart): score and readable evidence. */
dm_status dm_store_put_link(dm_store *st, const char *a, const char *b, double score,
                            const char *kind, const char *evidence);
/* The recorded link between a and b (in either order): DM_ENOTFOUND when none. *evidence is
 * malloc'ed. */
dm_status dm_store_get_link(dm_store *st, const char *a, const char *b, double *score,
                            char **kind, char **evidence);

/* What the linker keeps in the store so that a later `link` analyses only new documents
 * (store_linkstate.c): the word types it has met (each with its Latin transliteration and name
 * key, so no word is transliterated twice), each linked document's analysis as a blob only the
 * linker reads, and the word translations it learned (the `lexicon` table). */
typedef dm_status (*dm_link_word_fn)(void *ud, long long id, const char *word, const char *latin,
                                     const char *key);
/* Every stored word type, by id ascending. */
dm_status dm_store_link_words(dm_store *st, dm_link_word_fn fn, void *ud);
dm_status dm_store_put_link_word(dm_store *st, long long id, const char *word, const char *latin,
                                 const char *key);
typedef dm_status (*dm_link_doc_fn)(void *ud, const char *id, const void *blob, size_t len);
/* Every document with a stored analysis, in insertion order of the documents. */
dm_status dm_store_link_docs(dm_store *st, dm_link_doc_fn fn, void *ud);
dm_status dm_store_put_link_doc(dm_store *st, const char *id, const void *blob, size_t len);
/* Forget the word types, the documents' analyses and the learned lexicon (a whole relink). */
dm_status dm_store_clear_link_state(dm_store *st);
/* Learned word translations: word_a of language lang_a translates to word_b of lang_b. */
typedef dm_status (*dm_lexicon_fn)(void *ud, const char *lang_a, const char *lang_b, const char *word_a,
                                   const char *word_b, double prob);
/* The stored translations, by language pair, most probable first; lang_a / lang_b NULL = any. */
dm_status dm_store_lexicon(dm_store *st, const char *lang_a, const char *lang_b, dm_lexicon_fn fn, void *ud);
dm_status dm_store_put_lexicon(dm_store *st, const char *lang_a, const char *lang_b, const char *word_a,
                               const char *word_b, double prob);
dm_status dm_store_clear_lexicon(dm_store *st);
/* A value of the store's meta table (*value malloc'ed; DM_ENOTFOUND when the key has none). */
dm_status dm_store_get_meta(dm_store *st, const char *key, char **value);
dm_status dm_store_set_meta(dm_store *st, const char *key, const char *value);

/* ======================================================================== web viewer */
/* Two versions side by side as HTML: one row a block, each sentence in its own direction, the
 * blocks with no counterpart or of unequal length highlighted, the numbers and names of diff
 * (may be NULL) marked. whole_page: a self-contained page; else a fragment for a page of one's
 * own. *out is malloc'ed (free() it). Used by the viewer and by `align --format html`. */
typedef struct dm_pair_view {
    const char *src_name, *tgt_name;
    const char *const *src;
    const size_t *src_len;
    size_t n_src;
    const char *const *tgt;
    const size_t *tgt_len;
    size_t n_tgt;
    const dm_align_block *blocks;
    size_t n_blocks;
    const dm_diff_report *diff;
} dm_pair_view;
dm_status dm_pair_html(dm_ctx *ctx, const dm_pair_view *v, int whole_page, char **out, size_t *len);

/* Called once the viewer listens, with the port it took. */
typedef void (*dm_serve_ready_fn)(void *ud, unsigned port);

/* Serve the store at db_path over HTTP on 127.0.0.1:port (0 = any free port, told to ready)
 * until *stop becomes nonzero: the documents, each with its sentences and
 * their languages (right-to-left scripts shown right), the stories and their versions, any two
 * versions side by side (aligned on request, differences marked), and JSON under /api/ (docs,
 * stories, pair). Every request opens its own read-only connection, so ingest may run meanwhile. */
dm_status dm_serve(dm_ctx *ctx, const char *db_path, unsigned port, dm_serve_ready_fn ready,
                   void *ud, volatile int *stop);

#ifdef __cplusplus
}
#endif
#endif /* DRAGOMAN_H */
