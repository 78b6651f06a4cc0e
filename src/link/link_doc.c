/*
 * link_doc.c -- the documents' analysis: each one's language, sentences, paragraphs and length
 * (the structure), its word types with their counts, and its numbers: its evidence is rebuilt
 * from them whenever it is needed (link_evidence.c), as the word types hold theirs. Sentences are
 * cut on the original text (the case of a letter after a full stop matters to the sentence
 * breaker); tokens come from each sentence's matching form.
 *
 * Documents go in blocks. What needs only a document's text (sentences, matching form, tokens)
 * and only a new word's letters (transliteration) runs on several threads, each with a context
 * of its own; what builds the shared tables (word types, feature ids, the language votes, the
 * lexicon cache) runs in document order. The result is the same for any number of threads.
 */
#include "link/link.h"
#include "util/vec.h"
#include "core/ctx.h"
#include "text/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A number of the document being entered (its evidence, until it is weighed). */
static dm_status add_number(lk_doc *d, uint32_t id, uint32_t *cap)
{
    if (d->nnums == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 8;
        uint32_t *p = realloc(d->nums, nc * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        d->nums = p;
        *cap = nc;
    }
    d->nums[d->nnums++] = id;
    return DM_OK;
}

static int has_digit(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* Letters and digits counted as code points: the length that translation roughly keeps. */
static uint32_t count_chars(const char *s, size_t len)
{
    uint32_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch & 0xC0) == 0x80 || ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r')
            continue;
        n++;
    }
    return n;
}

static uint32_t count_paragraphs(const char *s, size_t len)
{
    uint32_t n = 0;
    int in_text = 0, newlines = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (ch == '\n') {
            newlines++;
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\r')
            continue;
        if (!in_text || newlines >= 1)
            n++;
        in_text = 1;
        newlines = 0;
    }
    return n;
}

/* --- stage 1 (threads): a document's tokens as records ------------------------------------ */

/* Records: 'S' (a sentence starts), or 'W' / 'N' (a word / a number's digits) followed by the
 * length (4 bytes) and the bytes. */
typedef struct prep {
    char *rec;
    size_t n, cap;
    uint32_t nchar, npara, nsent;
} prep_t;

static dm_status rec_put(prep_t *p, char kind, const char *s, size_t len)
{
    if (len > UINT32_MAX)
        return DM_ELIMIT;
    size_t need = 1 + (kind == 'S' ? 0 : 4 + len);
    if (p->n + need > p->cap) {
        size_t cap = p->cap ? p->cap : 1024;
        while (p->n + need > cap)
            cap *= 2;
        char *r = realloc(p->rec, cap);
        if (!r)
            return DM_ENOMEM;
        p->rec = r;
        p->cap = cap;
    }
    p->rec[p->n++] = kind;
    if (kind != 'S') {
        uint32_t l = (uint32_t)len;
        memcpy(p->rec + p->n, &l, 4);
        memcpy(p->rec + p->n + 4, s, len);
        p->n += 4 + len;
    }
    return DM_OK;
}

static dm_status prep_sentence(dm_ctx *ctx, prep_t *p, const char *s, size_t len)
{
    char *mf = NULL;
    size_t mlen = 0;
    dm_token *t = NULL;
    size_t nt = 0;
    dm_status st = dm_match_form(ctx, s, len, &mf, &mlen);
    if (st == DM_OK)
        st = dm_tokenize(ctx, mf, mlen, &t, &nt);
    for (size_t i = 0; st == DM_OK && i < nt;) {
        const char *ws = mf + t[i].start;
        size_t wl = t[i].len;
        if (t[i].kind == DM_TOK_PUNCT) {
            i++;
            continue;
        }
        if (t[i].kind == DM_TOK_NUMBER || has_digit(ws, wl)) {
            char dig[48];
            size_t used = 1;
            size_t n = lk_number_digits(ctx, mf, t, nt, i, dig, sizeof dig, &used);
            if (n)
                st = rec_put(p, 'N', dig, n);
            i += used;
            continue;
        }
        st = rec_put(p, 'W', ws, wl);
        i++;
    }
    free(t);
    free(mf);
    return st;
}

static dm_status prep_doc(dm_ctx *ctx, const dm_doc *doc, prep_t *p)
{
    const char *text = doc->text ? doc->text : "";
    size_t len = doc->text ? doc->text_len : 0;
    p->n = 0;
    p->nchar = count_chars(text, len);
    p->npara = count_paragraphs(text, len);
    dm_span *sp = NULL;
    size_t ns = 0;
    dm_status st = dm_segment(ctx, text, len, &sp, &ns);
    if (st != DM_OK)
        return st;
    if (ns >= UINT32_MAX) {
        free(sp);
        return DM_ELIMIT;
    }
    p->nsent = (uint32_t)ns;
    for (size_t k = 0; k < ns && st == DM_OK; k++) {
        st = rec_put(p, 'S', NULL, 0);
        if (st == DM_OK)
            st = prep_sentence(ctx, p, text + sp[k].start, sp[k].len);
    }
    free(sp);
    return st;
}

/* --- the block pipeline ---------------------------------------------------------------------- */

enum { BLOCK = 1024, MAX_WORKERS = 16 };

typedef struct block {
    lk_coll *c;
    dm_ctx *ctx[MAX_WORKERS]; /* worker 0: the collection's own */
    const dm_doc *docs;       /* the documents being added */
    size_t b0;                /* first document of the block, in docs */
    size_t base;              /* index in the collection of docs[0] */
    prep_t prep[BLOCK];
    uint32_t *tokens; /* the word types of the document being entered, in text order */
    size_t ntokens, tokens_cap;
    uint32_t *wcount; /* per word type: its count in that document */
    size_t wcount_cap;
    lk_fw *distinct; /* its distinct word types and their counts */
    size_t distinct_cap;
    uint32_t *ids;
    uint32_t *fresh; /* word types new in this block */
    size_t nfresh, fresh_cap;
    lk_word_prep *wp; /* their analysis */
    size_t wp_cap;
    size_t failed_doc; /* the document whose analysis failed */
    int failed_ctx;    /* the context that says why */
} block_t;

static dm_status prep_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    block_t *bl = arg;
    (void)chunk;
    for (size_t i = b; i < e; i++) {
        dm_status st = prep_doc(bl->ctx[worker], &bl->docs[bl->b0 + i], &bl->prep[i]);
        if (st != DM_OK) {
            bl->failed_doc = bl->b0 + i;
            bl->failed_ctx = worker;
            return st;
        }
    }
    return DM_OK;
}

static dm_status word_chunk(void *arg, int worker, size_t chunk, size_t b, size_t e)
{
    block_t *bl = arg;
    (void)chunk;
    for (size_t k = b; k < e; k++) {
        uint32_t w = bl->fresh[k];
        const char *s = lk_word_text(bl->c, w);
        dm_status st = lk_word_prepare(bl->ctx[worker], s, strlen(s), &bl->wp[k]);
        if (st != DM_OK) {
            bl->failed_ctx = worker; /* the context that says why */
            return st;
        }
    }
    return DM_OK;
}

static dm_status push_token(block_t *bl, uint32_t w)
{
    if (bl->ntokens == bl->tokens_cap) {
        size_t cap = bl->tokens_cap ? bl->tokens_cap * 2 : 4096;
        uint32_t *p = realloc(bl->tokens, cap * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        bl->tokens = p;
        bl->tokens_cap = cap;
    }
    bl->tokens[bl->ntokens++] = w;
    return DM_OK;
}

/* The document's word types kept as what every later use needs: each distinct one once, with
 * how often it occurs (the order of the text matters to nothing after this), as gaps. */
static dm_status keep_words(block_t *bl, lk_doc *d)
{
    lk_coll *c = bl->c;
    if (dm_grow_zeroed(&bl->wcount, &bl->wcount_cap, c->words.n, sizeof *bl->wcount))
        return DM_ENOMEM;
    if (bl->ntokens > bl->distinct_cap) {
        lk_fw *p = realloc(bl->distinct, bl->ntokens * sizeof *p);
        uint32_t *q = realloc(bl->ids, bl->ntokens * sizeof *q);
        if (p)
            bl->distinct = p;
        if (q)
            bl->ids = q;
        if (!p || !q)
            return DM_ENOMEM;
        bl->distinct_cap = bl->ntokens;
    }
    size_t n = 0;
    for (size_t k = 0; k < bl->ntokens; k++)
        if (bl->wcount[bl->tokens[k]]++ == 0)
            bl->distinct[n++].id = bl->tokens[k];
    for (size_t k = 0; k < n; k++) {
        uint32_t cnt = bl->wcount[bl->distinct[k].id];
        bl->wcount[bl->distinct[k].id] = 0;
        bl->distinct[k].w = (float)(cnt < 255 ? cnt : 255);
    }
    lk_sort_fw_id(bl->distinct, n);
    for (size_t k = 0; k < n; k++)
        bl->ids[k] = bl->distinct[k].id;
    size_t units = lk_gaps_put(bl->ids, n, NULL);
    if (units >= UINT32_MAX / 2)
        return DM_ELIMIT;
    free(d->words);
    d->words = n ? malloc(units * sizeof *d->words + n) : NULL;
    if (n && !d->words)
        return DM_ENOMEM;
    if (n) { /* a document without words has no array (and no offset may be taken of NULL) */
        lk_gaps_put(bl->ids, n, d->words);
        uint8_t *count = (uint8_t *)(d->words + units);
        for (size_t k = 0; k < n; k++)
            count[k] = (uint8_t)bl->distinct[k].w;
    }
    d->nwords = (uint32_t)n;
    d->wg = (uint32_t)units;
    return DM_OK;
}

/* Stage 2 (in order): words to types, numbers to features, sentence boundaries. */
static dm_status enter_doc(block_t *bl, size_t i)
{
    lk_coll *c = bl->c;
    const prep_t *p = &bl->prep[i];
    lk_doc *d = &c->d[bl->base + bl->b0 + i];
    d->nchar = p->nchar;
    d->npara = p->npara;
    d->nsent = p->nsent;
    const char *doc_id = bl->docs[bl->b0 + i].id;
    dm_status st = lk_strs_add(&c->ids, doc_id ? doc_id : "", doc_id ? strlen(doc_id) : 0, &d->id);
    uint32_t fcap = 0;
    bl->ntokens = 0;
    for (size_t at = 0; at < p->n && st == DM_OK;) {
        char kind = p->rec[at++];
        if (kind == 'S')
            continue; /* sentences are counted; their bounds are not needed */
        uint32_t len;
        memcpy(&len, p->rec + at, 4);
        const char *s = p->rec + at + 4;
        at += 4 + (size_t)len;
        uint32_t id;
        if (kind == 'N') {
            st = lk_feat_id(&c->feats, LK_NUM, s, len, &id);
            if (st == DM_OK)
                st = add_number(d, id, &fcap);
            continue;
        }
        int added;
        st = lk_word_intern(c, s, len, &id, &added);
        if (st == DM_OK)
            st = push_token(bl, id);
        if (st == DM_OK && added) {
            if (bl->nfresh == bl->fresh_cap) {
                size_t cap = bl->fresh_cap ? bl->fresh_cap * 2 : 4096;
                uint32_t *f = realloc(bl->fresh, cap * sizeof *f);
                if (!f)
                    return DM_ENOMEM;
                bl->fresh = f;
                bl->fresh_cap = cap;
            }
            bl->fresh[bl->nfresh++] = id;
        }
    }
    /* the document keeps what it holds for good: no room to spare */
    if (st == DM_OK && d->nnums < fcap) {
        uint32_t *f = realloc(d->nums, (d->nnums ? d->nnums : 1) * sizeof *f);
        if (f)
            d->nums = f;
    }
    return st == DM_OK ? keep_words(bl, d) : st;
}

static dm_status analyse_block(block_t *bl, size_t nb, int threads)
{
    lk_coll *c = bl->c;
    dm_status st = lk_parallel(threads, nb, 8, prep_chunk, bl);
    bl->nfresh = 0;
    for (size_t i = 0; i < nb && st == DM_OK; i++) {
        st = enter_doc(bl, i);
        if (st != DM_OK)
            bl->failed_doc = bl->b0 + i;
    }
    if (st == DM_OK && bl->nfresh > bl->wp_cap) {
        lk_word_prep *w = realloc(bl->wp, bl->nfresh * sizeof *w);
        if (!w)
            return DM_ENOMEM;
        bl->wp = w;
        bl->wp_cap = bl->nfresh;
    }
    if (st == DM_OK)
        st = lk_parallel(threads, bl->nfresh, 256, word_chunk, bl);
    for (size_t k = 0; k < bl->nfresh && st == DM_OK; k++)
        st = lk_word_finish(c, bl->fresh[k], &bl->wp[k]);
    /* stage 3 (in order): language (the votes learn from earlier documents), lexicon lookups */
    for (size_t i = 0; i < nb && st == DM_OK; i++) {
        lk_doc *d = &c->d[bl->base + bl->b0 + i];
        st = lk_lang_of(c, d, &bl->docs[bl->b0 + i], &d->lang);
        if (st == DM_OK && c->keep_analysis) /* what a store keeps: words, numbers, language */
            st = lk_save_doc(c, (uint32_t)(bl->base + bl->b0 + i));
        if (st == DM_OK)
            st = lk_lexicon_fill(c, d);
        if (st != DM_OK)
            bl->failed_doc = bl->b0 + i;
    }
    if (st == DM_OK)
        c->n = bl->base + bl->b0 + nb;
    return st;
}

dm_status lk_docs_grow(lk_coll *c, size_t n)
{
    if (n > UINT32_MAX - 1 - c->n)
        return dm_fail(c->ctx, DM_ELIMIT, "too many documents to link (%zu)", c->n + n);
    if (c->n + n > c->cap) {
        size_t cap = c->cap ? c->cap : 1024;
        while (cap < c->n + n)
            cap *= 2;
        lk_doc *p = realloc(c->d, cap * sizeof *p);
        if (!p)
            return dm_fail(c->ctx, DM_ENOMEM, "no memory for %zu documents", c->n + n);
        memset(p + c->cap, 0, (cap - c->cap) * sizeof *p);
        c->d = p;
        c->cap = cap;
    }
    return DM_OK;
}

dm_status lk_docs_restored(lk_coll *c, size_t n)
{
    dm_status st = DM_OK;
    for (size_t i = c->n; i < c->n + n && st == DM_OK; i++)
        st = lk_lexicon_fill(c, &c->d[i]);
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "cannot restore the stored documents");
    c->n += n;
    return DM_OK;
}

dm_status lk_docs_analyse(lk_coll *c, const dm_doc *docs, size_t n)
{
    dm_status gs = lk_docs_grow(c, n);
    if (gs != DM_OK)
        return gs;
    block_t *bl = calloc(1, sizeof *bl);
    if (!bl)
        return dm_fail(c->ctx, DM_ENOMEM, "no memory to analyse documents");
    bl->c = c;
    bl->docs = docs;
    bl->base = c->n;
    int threads = c->threads < MAX_WORKERS ? c->threads : MAX_WORKERS;
    bl->ctx[0] = c->ctx;
    dm_options opt = c->ctx->opt;
    for (int t = 1; t < threads; t++)
        if (dm_ctx_new(&bl->ctx[t], &opt) != DM_OK) {
            threads = t; /* fewer threads, same result */
            break;
        }
    bl->failed_doc = SIZE_MAX;
    dm_status st = DM_OK;
    for (size_t b0 = 0; b0 < n && st == DM_OK; b0 += BLOCK) {
        bl->b0 = b0;
        size_t nb = n - b0 < BLOCK ? n - b0 : BLOCK;
        st = analyse_block(bl, nb, threads);
    }
    char why[256] = "";
    if (st != DM_OK) /* the context that failed says why (a worker's, or the collection's) */
        snprintf(why, sizeof why, "%s", dm_ctx_errmsg(bl->ctx[bl->failed_ctx]));
    for (int t = 1; t < MAX_WORKERS; t++)
        if (bl->ctx[t])
            dm_ctx_free(bl->ctx[t]);
    for (size_t i = 0; i < BLOCK; i++)
        free(bl->prep[i].rec);
    free(bl->fresh);
    free(bl->wp);
    free(bl->tokens);
    free(bl->wcount);
    free(bl->distinct);
    free(bl->ids);
    size_t failed = bl->failed_doc;
    free(bl);
    if (st == DM_ENOMEM)
        return dm_fail(c->ctx, st, "cannot analyse the documents");
    if (st != DM_OK)
        return dm_fail(c->ctx, st, "cannot analyse document %s: %s",
                       failed < n && docs[failed].id ? docs[failed].id : "?", why);
    return DM_OK;
}
