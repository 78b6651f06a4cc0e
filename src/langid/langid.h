/*
 * langid.h -- inside the language identifier: the loaded model, the features of a text and the
 * scoring that dm_langid() and dm_langid_spans() share.
 *
 * The model (data/langid/langid.bin.gz, built by tools/langid/build_langid.py) is naive Bayes
 * over hashed character n-grams (2..5 in short text, 4 in longer text) and whole words, one byte
 * per (feature, language): see model.c for the file format. It is loaded once per context into DM_SLOT_LANGID.
 */
#ifndef DM_LANGID_H
#define DM_LANGID_H

#include "core/ctx.h"

#include <stdint.h>

/* The vector loops (dense rows, scores): SSE2 where the compiler targets it, AVX2 chosen at run
 * time on x86-64 with GCC or clang. -DDM_NO_SIMD builds the plain C loops only, which give the
 * same answers (bench/langid/same_answers.sh compares builds). */
#if defined(__SSE2__) && !defined(DM_NO_SIMD)
#define LID_SSE2 1
#endif
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__) && !defined(DM_NO_SIMD)
#define LID_AVX2 1
#endif

#define LID_ORDERS 6     /* n-gram orders 1..5 and the word feature */
#define LID_ORDER_WORD 6
#define LID_MIN_N 4      /* longer text looks up 4-grams and words only: shorter n-grams and */
#define LID_LONG_MAX_N 4 /* 5-grams cost lookups and add next to nothing there */
#define LID_SHORT_MIN_N 2 /* in short text (a word or two) 2- and 3-grams help (1-grams hardly) */
#define LID_LOW_MAX_N 3  /* orders 1..3 are the model's low-order table */
#define LID_SHORT_BYTES 48 /* a text of at most this many bytes is short */
#define LID_MAX_N 5
#define LID_MAX_WORD 24  /* longest word (letters) that gives a word feature */
#define LID_MAX_LANGS 255
#define LID_ROW_MAX 256  /* lid_row_bytes(LID_MAX_LANGS) */

typedef struct lid_lang {
    char code[8];                 /* what dm_langid prints: ISO 639-1, else 639-3 */
    char alt[8];                  /* the ISO 639-3 code (the same when code is 639-3) */
    uint32_t scripts;             /* bit s set: written in dm_script s */
    float delta[LID_ORDERS];      /* added for each feature of that order found in the model */
    float bias;                   /* prior, in nats */
    int has_delta;                /* any delta not zero (the shipped model has none) */
    uint8_t macro;                /* its macrolanguage group (macro.c), 0 for none */
} lid_lang;

/* A slot of the open-addressing table of feature keys: where its postings start and how many
 * there are (count 0: empty slot). Most features have one posting: it is kept in the slot itself
 * (lang in bits 8..15, q in bits 16..23), saving a memory access. */
typedef struct lid_slot {
    uint32_t key;
    uint32_t start_count;         /* start << 8 | count, or q << 16 | lang << 8 | 1 */
} lid_slot;

#define LID_DENSE 255 /* the count of a feature stored as a dense row (model.c) */

/* Bytes of a dense row: a signed byte for every language, padded to a multiple of 16 so that
 * the scorer adds rows 16 languages at a time. */
static inline uint32_t lid_row_bytes(uint32_t n_langs)
{
    return (n_langs + 15) / 16 * 16;
}

/* A posting: the language and its score for the feature, in 1/qscale nats. */
typedef struct lid_posting {
    uint8_t lang;
    int8_t q;
} lid_posting;

/* An open-addressing table of feature keys, n_slots a power of two, linear probing. */
typedef struct lid_table {
    lid_slot *slots;
    uint32_t mask;                /* n_slots - 1 */
    uint32_t shift;               /* a key's home slot is key >> shift: its top bits, so that the
                                   * sorted keys of the file fill the table front to back */
} lid_table;

/* The languages are held grouped by script (those of one script next to each other; the
 * file's order within a group), not in the file's order: a text of one script then reads one
 * stretch of each dense row instead of all of it. langs, bias, postings and dense rows are in
 * that order; file_lang maps the file's order to it, and the candidates keep the file's order, so
 * that ties and sums come out as they would in the file's order. */
typedef struct lid_model {
    unsigned char *blob;          /* the decompressed file, while loading */
    void *post_mem;               /* the postings' memory (post) */
    uint32_t n_langs, n_keys, n_post;
    float qscale;                 /* quantization steps per nat */
    lid_lang *langs;
    _Alignas(16) float bias[LID_ROW_MAX]; /* langs[l].bias, packed (every line reads them all)
                                   * and zero up to lid_row_bytes(n_langs) for the vector loop */
    int any_delta;                /* some language has a delta not zero */
    const lid_posting *post;
    lid_table high;               /* n-grams of orders LID_MIN_N.. and words: looked up always */
    lid_table low;                /* n-grams of orders 1..3, looked up in short text only: a
                                   * small table of its own stays in the cache */
    int rows_fast;                /* lid_rows_fast() */
    uint32_t crc_table[256];
    uint8_t bmp_script[65536];    /* dm_script_of for the Basic Multilingual Plane, cached */
    uint8_t allowed[LID_MAX_LANGS]; /* candidate set (dm_langid_restrict) */
    int macro_on;                 /* dm_langid_macrolanguages: may answer "sh", "no" */
    uint8_t file_lang[LID_MAX_LANGS]; /* the index of the file's l-th language (see below) */
    uint16_t script_langs[32];    /* allowed languages written in each script */
    uint8_t script_only[32];      /* the one allowed language of a script, when only one */
    uint8_t candidates[32][LID_MAX_LANGS]; /* the allowed languages of each script, in the
                                   * file's order (ties go to the first) */
    uint16_t script_lo[32], script_hi[32]; /* the candidates of a script lie in [lo, hi), whole
                                   * blocks of 16: the part of a dense row a text reads */
    uint8_t script_nout[32];      /* how many languages in [lo, hi) are not candidates... */
    uint8_t script_out[32][LID_ROW_MAX]; /* ...and which (padding beyond n_langs included) */
    uint8_t file_pos[LID_ROW_MAX]; /* the inverse of file_lang (padding: past the languages) */
} lid_model;

/* The context's model, loaded on first use. */
dm_status lid_model_get(dm_ctx *ctx, lid_model **out);

/* Load a model file (gzip or raw) into a new model; used by lid_model_get and the tests. */
dm_status lid_model_load(dm_ctx *ctx, const char *path, lid_model **out);
void lid_model_free(void *model);

/* The number of trailing zero bits of x, x not zero. */
static inline int lid_ctz64(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(x);
#else
    int n = 0;
    while (!(x & 1))
        x >>= 1, n++;
    return n;
#endif
}

/* Ask for the cache line at p without waiting for it (a hint; nothing where the compiler has no
 * such builtin). */
#if defined(__GNUC__) || defined(__clang__)
#define lid_prefetch(p) __builtin_prefetch(p)
#else
#define lid_prefetch(p) ((void)(p))
#endif

/* The slot of a feature key, NULL when the table does not hold it. */
static inline const lid_slot *lid_lookup(const lid_table *t, uint32_t key)
{
    for (uint32_t i = key >> t->shift;; i = (i + 1) & t->mask) {
        const lid_slot *s = &t->slots[i];
        if ((s->start_count & 0xFF) == 0 || s->key > key)
            return NULL;
        if (s->key == key)
            return s;
    }
}

/* Index of a language by ISO 639-1 or 639-3 code; -1 when the model has none. */
int lid_lang_index(const lid_model *m, const char *code, size_t len);

/* --- macrolanguages (macro.c) --------------------------------------------------------------- */

/* A text is given its macrolanguage's code when the best member has less than this share of the
 * summed confidence of the members: nine to one is what it takes to name one of them. */
#define LID_MACRO_SHARE 0.9

/* Mark each language with its macrolanguage group (langs[].macro); macro_on starts off. */
void lid_macro_init(lid_model *m);

/* The code of group g (1-based), NULL for none. */
const char *lid_macro_code(int group);

/* The group whose code (ISO 639-1 or 639-3: "sh" or "hbs") is code[0..len), 0 for none. */
int lid_macro_of(const char *code, size_t len);

/* Whether code is a language of the model in that group. */
int lid_macro_member(const lid_model *m, const char *code, int group);

/* Recompute the per-script candidate tables after allowed[] changed. */
void lid_update_candidates(lid_model *m);

/* Dominant script of the letters and how many letters; counted the way the scorer sees them. */
typedef struct lid_text_info {
    int script;        /* dm_script, Han with kana counts as Hiragana (Japanese) */
    uint32_t letters;  /* letters in the text */
} lid_text_info;

/* Scores of a text: the best k languages (code, confidence), like dm_langid. */
dm_status lid_identify(dm_ctx *ctx, lid_model *m, const char *text, size_t len,
                       dm_lang_guess *out, size_t k, size_t *n, lid_text_info *info);

/* --- dense rows (rows.c) -------------------------------------------------------------------- */

/* Whether this processor runs the faster loop of lid_add_rows (AVX2); asked once, at load. */
int lid_rows_fast(void);

/* sums[l] += row[r][l] for the n rows and l in [from, to), whole blocks of 16; fast: what
 * lid_rows_fast said. The caller keeps the 16-bit sums from overflowing. */
void lid_add_rows(int16_t *sums, const int8_t *const *row, uint32_t n, uint32_t from, uint32_t to,
                  int fast);

/* --- features (features.c): the same as tools/langid/features.py ---------------------------- */

/* Called with batches of features of a text: keys and orders (1..5 n-gram, 6 word). Their table
 * slots have been prefetched as they were found (the lookups are memory-bound). */
typedef void (*lid_feature_fn)(void *ud, const uint32_t *keys, const uint8_t *orders, size_t n);

/* The bytes of text once the letters lid_features splits are split (nfc_split: a precomposed
 * nukta letter has 3 bytes, its NFC form 6), so that the text's length says what its NFC form's
 * does (short text is read otherwise). */
size_t lid_nfc_bytes(const char *text, size_t len);

/* Walk the features of UTF-8 text: n-grams of orders min_n..max_n and words; fills info
 * (script counts) before it hands over the last batch. Each word's features come after a mark
 * of order 0, so that the scorer can weigh words one by one; its key is 1 when
 * the word looks like a name (a capital, not at the start of a sentence), else 0.
 * Never fails: invalid bytes are word separators. */
void lid_features(const lid_model *m, const char *text, size_t len, int min_n, int max_n,
                  lid_feature_fn fn, void *ud, lid_text_info *info);

#endif
