/*
 * link_store.c -- a linker over a store, run again as documents arrive (dragoman.h, "link"
 * banner). It reads back what an earlier run kept (word types with their transliterations, each
 * linked document's analysis, the learned lexicon), so that only new documents are analysed
 * (link_incr.c says what is relinked), and writes back what this run added.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most learned translations kept in a store (the likeliest): enough for every word a learning
 * budget can teach, and a bound on the table whatever the collection. */
enum { LEXICON_MAX = 200000 };
/* Restored documents are finished in blocks of this many. */
enum { RESTORE_BLOCK = 1024 };

/* What the stored analyses were made by (meta 'link_analysis'): the blob's layout and the
 * analysis of words. Bump it when tokens, transliteration or name keys change in a way the
 * sampled check below could miss: a store made by another analysis is then relinked whole. */
static const char ANALYSIS[] = "3"; /* 2: years of local calendars read as Gregorian ones (link_numbers.c); 3: Chinese names keyed as transcriptions (translit.c) */
/* Every this many stored word types (and the first few), the word is transliterated again and
 * compared with what the store says: a changed transliteration (a new ICU, new rules) would
 * otherwise mix two analyses in one collection. */
enum { CHECK_EVERY = 1024, CHECK_FIRST = 32 };

typedef struct loading {
    dm_linker *lk;
    size_t pending; /* restored documents not yet finished */
    int stale;      /* a sampled word is no longer analysed as stored */
} loading_t;

static dm_status load_word(void *ud, long long id, const char *word, const char *latin, const char *key)
{
    loading_t *l = ud;
    lk_coll *c = &l->lk->c;
    if (id < 0 || (unsigned long long)id != c->words.n)
        return dm_fail(c->ctx, DM_EINVAL, "the stored word types are not numbered 0.. (word %lld)", id);
    if (id < CHECK_FIRST || id % CHECK_EVERY == 0) {
        lk_word_prep now;
        dm_status st = lk_word_prepare(c->ctx, word, strlen(word), &now);
        if (st != DM_OK)
            return st;
        /* a key shorter than a name key's minimum is not kept: compare the kept ones */
        int same_key = !strcmp(now.key, key) || (strlen(now.key) < 2 && !*key);
        if (strcmp(now.latin, latin) || !same_key) {
            l->stale = 1;
            return DM_ENOTFOUND; /* stop reading: the store's analyses are not this program's */
        }
    }
    return lk_restore_word(c, (uint32_t)id, word, latin, key);
}

static dm_status load_doc(void *ud, const char *id, const void *blob, size_t len)
{
    loading_t *l = ud;
    lk_coll *c = &l->lk->c;
    dm_status st = lk_docs_grow(c, l->pending + 1);
    if (st != DM_OK)
        return st;
    c->n += l->pending; /* lk_restore_doc fills document c->n */
    st = lk_restore_doc(c, id, blob, len);
    c->n -= l->pending;
    if (st == DM_OK && ++l->pending == RESTORE_BLOCK) {
        st = lk_docs_restored(c, l->pending);
        l->pending = 0;
    }
    return st;
}

static dm_status lex_str(dm_linker *lk, const char *s, uint32_t *off)
{
    return lk_strs_add(&lk->lex, s, strlen(s), off);
}

static dm_status load_lexicon(void *ud, const char *lang_a, const char *lang_b, const char *word_a,
                              const char *word_b, double prob)
{
    dm_linker *lk = ud;
    if (lk->nlex == lk->lex_cap) {
        size_t cap = lk->lex_cap ? lk->lex_cap * 2 : 1024;
        uint32_t *p = realloc(lk->lex_rows, cap * 5 * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        lk->lex_rows = p;
        lk->lex_cap = cap;
    }
    uint32_t *r = lk->lex_rows + 5 * lk->nlex;
    float f = (float)prob;
    memcpy(&r[4], &f, sizeof f);
    dm_status st = lex_str(lk, lang_a, &r[0]);
    if (st == DM_OK)
        st = lex_str(lk, lang_b, &r[1]);
    if (st == DM_OK)
        st = lex_str(lk, word_a, &r[2]);
    if (st == DM_OK)
        st = lex_str(lk, word_b, &r[3]);
    if (st == DM_OK)
        lk->nlex++;
    return st;
}

dm_status dm_linker_begin_store(dm_ctx *ctx, dm_store *st, int whole, dm_linker **out, size_t *n_loaded)
{
    *n_loaded = 0;
    dm_status s = dm_linker_begin(ctx, out);
    if (s != DM_OK)
        return s;
    dm_linker *lk = *out;
    lk->over_store = 1;
    lk->whole = whole;
    lk->c.keep_analysis = 1;
    if (whole)
        return DM_OK;
    loading_t l = {.lk = lk};
    char *made_by = NULL;
    s = dm_store_get_meta(st, "link_analysis", &made_by);
    int same = s == DM_OK && !strcmp(made_by, ANALYSIS);
    free(made_by);
    if (s == DM_ENOTFOUND || (s == DM_OK && !same)) {
        lk->whole = 1; /* nothing kept, or kept by another analysis: the caller links whole */
        return DM_OK;
    }
    if (s == DM_OK)
        s = dm_store_link_words(st, load_word, &l);
    if (s == DM_ENOTFOUND && l.stale) { /* start again, empty */
        if (getenv("DM_LINK_TIMING"))
            fprintf(stderr, "link: the stored words were transliterated differently: nothing read\n");
        dm_linker_free(lk);
        return dm_linker_begin_store(ctx, st, 1, out, n_loaded);
    }
    if (s == DM_OK)
        s = dm_store_link_docs(st, load_doc, &l);
    if (s == DM_OK && l.pending)
        s = lk_docs_restored(&lk->c, l.pending);
    if (s == DM_OK)
        s = dm_store_lexicon(st, NULL, NULL, load_lexicon, lk);
    if (s != DM_OK) {
        dm_linker_free(lk);
        *out = NULL;
        return s == DM_ENOMEM ? dm_fail(ctx, s, "no memory to read the linker's state") : s;
    }
    lk->n_loaded = lk->c.n;
    lk->words_loaded = lk->c.words.n;
    *n_loaded = lk->c.n;
    lk_tick(&lk->c, "restore");
    if (getenv("DM_LINK_TIMING"))
        fprintf(stderr, "link: %zu documents and %zu word types read from the store\n", lk->c.n, lk->c.words.n);
    return DM_OK;
}

const char *dm_linker_doc_id(const dm_linker *lk, size_t i) { return i < lk->c.n ? lk_doc_id(&lk->c, (uint32_t)i) : NULL; }

static uint32_t word_of(const lk_coll *c, const char *s)
{
    const uint32_t *v = lk_map_get(&c->words.map, lk_hash(s, strlen(s), 0));
    return v ? *v : LK_NONE;
}

/* The stored lexicon as (language, word) -> pivot word, for the pivot language this run chose
 * (rows of another pivot, or of words no document holds, are dropped). */
static dm_status resolve_lexicon(lk_coll *c, lk_map *trans, void *ud)
{
    dm_linker *lk = ud;
    if (c->pivot_lang < 0)
        return DM_OK;
    const char *pivot = c->langs[c->pivot_lang].code;
    c->nkept = 0;
    dm_status st = DM_OK;
    for (size_t r = 0; r < lk->nlex && st == DM_OK; r++) {
        const uint32_t *row = lk->lex_rows + 5 * r;
        if (strcmp(lk->lex.p + row[1], pivot))
            continue;
        uint32_t lang = lk_lang_find(c, lk->lex.p + row[0]);
        uint32_t w = word_of(c, lk->lex.p + row[2]), v = word_of(c, lk->lex.p + row[3]);
        if (lang == LK_NONE || (int)lang == c->pivot_lang || w == LK_NONE || v == LK_NONE)
            continue;
        float dice;
        memcpy(&dice, &row[4], sizeof dice);
        uint32_t *slot;
        int added;
        st = lk_map_put(trans, ((uint64_t)lang << 32 | w) + 1, v, &slot, &added);
        if (st == DM_OK && added)
            st = lk_learned_push(c, (lk_learned){lang, w, v, dice});
    }
    if (getenv("DM_LINK_TIMING"))
        fprintf(stderr, "link: %zu learned translations read from the store, %zu used\n", lk->nlex, trans->n);
    return st;
}

typedef struct story_doc {
    long long story;
    uint32_t doc;
} story_doc;

static int cmp_story_doc(const void *a, const void *b)
{
    const story_doc *x = a, *y = b;
    if (x->story != y->story)
        return x->story < y->story ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* The first document of each old story, as the story's label (LK_NONE: a new document). */
static dm_status old_labels(const dm_linker *lk, const long long *old_story, uint32_t *label)
{
    size_t n = lk->c.n, m = 0;
    story_doc *o = malloc((n + 1) * sizeof *o);
    if (!o)
        return DM_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        label[i] = LK_NONE;
        if (old_story[i] >= 0)
            o[m++] = (story_doc){old_story[i], (uint32_t)i};
    }
    if (m > 1)
        qsort(o, m, sizeof *o, cmp_story_doc);
    for (size_t t = 0; t < m; t++)
        label[o[t].doc] = t && o[t].story == o[t - 1].story ? label[o[t - 1].doc] : o[t].doc;
    free(o);
    return DM_OK;
}

dm_status dm_linker_update(dm_linker *lk, const long long *old_story)
{
    lk_coll *c = &lk->c;
    if (lk->label)
        return dm_fail(c->ctx, DM_EINVAL, "the linker has run already");
    size_t n = c->n;
    uint32_t *old = malloc((n + 1) * sizeof *old);
    lk->label = malloc((n + 1) * sizeof *lk->label);
    lk->relinked = malloc(n + 1);
    dm_status st = old && lk->label && lk->relinked ? old_labels(lk, old_story, old) : DM_ENOMEM;
    if (st == DM_ENOMEM)
        st = dm_fail(c->ctx, st, "no memory for the stories");
    if (st == DM_OK)
        st = lk_update(c, old, resolve_lexicon, lk, lk->label, lk->relinked);
    free(old);
    if (st != DM_OK) {
        free(lk->label);
        lk->label = NULL;
    }
    return st;
}

int dm_linker_relinked(const dm_linker *lk, size_t i) { return !lk->relinked || (i < lk->c.n && lk->relinked[i]); }

static int cmp_dice(const void *a, const void *b)
{
    float x = ((const lk_learned *)a)->dice, y = ((const lk_learned *)b)->dice;
    return x > y ? -1 : x < y;
}

dm_status dm_linker_save(dm_linker *lk, dm_store *st)
{
    lk_coll *c = &lk->c;
    if (!lk->over_store || !lk->label)
        return dm_fail(c->ctx, DM_EINVAL, "only a linker begun over a store, after its run, is saved");
    dm_status s = lk->whole ? dm_store_clear_link_state(st) : dm_store_clear_lexicon(st);
    if (s == DM_OK && lk->whole)
        s = dm_store_set_meta(st, "link_analysis", ANALYSIS);
    for (size_t w = lk->whole ? 0 : lk->words_loaded; w < c->words.n && s == DM_OK; w++) {
        uint32_t key = c->words.w[w].key;
        s = dm_store_put_link_word(st, (long long)w, lk_word_text(c, (uint32_t)w), lk_word_latin(c, (uint32_t)w),
                                   key == LK_NONE ? "" : lk_feat_text(&c->feats, key));
    }
    for (size_t i = lk->whole ? 0 : lk->n_loaded; i < c->n && s == DM_OK; i++)
        if (i < c->saved_cap && c->saved[i].p)
            s = dm_store_put_link_doc(st, lk_doc_id(c, (uint32_t)i), c->saved[i].p, c->saved[i].n);
    if (c->nkept > LEXICON_MAX)
        qsort(c->kept, c->nkept, sizeof *c->kept, cmp_dice);
    size_t nlex = c->nkept < LEXICON_MAX ? c->nkept : LEXICON_MAX;
    for (size_t k = 0; k < nlex && s == DM_OK && c->pivot_lang >= 0; k++) {
        const lk_learned *e = &c->kept[k];
        s = dm_store_put_lexicon(st, c->langs[e->lang].code, c->langs[c->pivot_lang].code, lk_word_text(c, e->word),
                                 lk_word_text(c, e->pivot), e->dice);
    }
    return s;
}
