/*
 * link_doc.c -- one document's analysis: its language, sentences, paragraphs and length (the
 * structure), its words in text order (for the lexicons), and the language-neutral evidence of
 * its numbers and words. Sentences are cut on the original text (the case of a letter after a
 * full stop matters to the sentence breaker); tokens come from each sentence's matching form.
 */
#include "link/link.h"
#include "core/ctx.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

dm_status lk_doc_add(lk_doc *d, uint32_t id, float count, uint32_t *cap)
{
    if (d->nf == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 256;
        lk_fw *p = realloc(d->f, nc * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        d->f = p;
        *cap = nc;
    }
    d->f[d->nf].id = id;
    d->f[d->nf].w = count;
    d->nf++;
    return DM_OK;
}

/* Set on a pivot word's id while sorting, so that pivot words sort after the static kinds
 * (lk_feat_id keeps ids below it). */
#define PIVOT_TAG 0x80000000u

void lk_doc_compact(const lk_coll *c, lk_doc *d, uint32_t from)
{
    if (d->nf == from) {
        d->nstat = from;
        return;
    }
    for (uint32_t i = from; i < d->nf; i++)
        if (c->feats.kind[d->f[i].id] == LK_PIVOT)
            d->f[i].id |= PIVOT_TAG;
    lk_sort_fw_id(d->f + from, d->nf - from);
    uint32_t k = from;
    d->nstat = from;
    for (uint32_t i = from; i < d->nf; i++) {
        if (k > from && d->f[k - 1].id == d->f[i].id)
            d->f[k - 1].w += d->f[i].w;
        else
            d->f[k++] = d->f[i];
    }
    d->nf = k;
    for (uint32_t i = from; i < d->nf; i++) {
        if (d->f[i].id & PIVOT_TAG)
            d->f[i].id &= ~PIVOT_TAG;
        else
            d->nstat = i + 1;
    }
    lk_fw *p = realloc(d->f, k * sizeof *p);
    if (p)
        d->f = p;
}

static dm_status push_word(lk_doc *d, uint32_t w, uint32_t *cap)
{
    if (d->nwords == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 128;
        uint32_t *p = realloc(d->words, nc * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        d->words = p;
        *cap = nc;
    }
    d->words[d->nwords++] = w;
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

/* Evidence and words of one sentence. */
static dm_status analyse_sentence(lk_coll *c, lk_doc *d, const char *s, size_t len, uint32_t *fcap,
                                  uint32_t *wcap)
{
    char *mf = NULL;
    size_t mlen = 0;
    dm_token *t = NULL;
    size_t nt = 0;
    dm_status st = dm_match_form(c->ctx, s, len, &mf, &mlen);
    if (st == DM_OK)
        st = dm_tokenize(c->ctx, mf, mlen, &t, &nt);
    for (size_t i = 0; st == DM_OK && i < nt;) {
        const char *ws = mf + t[i].start;
        size_t wl = t[i].len;
        if (t[i].kind == DM_TOK_PUNCT) {
            i++;
            continue;
        }
        if (t[i].kind == DM_TOK_NUMBER || has_digit(ws, wl)) {
            size_t used = 1;
            st = lk_numbers_add(c, d, mf, t, nt, i, fcap, &used);
            i += used;
            continue;
        }
        uint32_t w;
        st = lk_word_get(c, ws, wl, &w);
        if (st != DM_OK)
            break;
        st = push_word(d, w, wcap);
        const lk_word *wd = &c->words.w[w];
        if (st == DM_OK && wd->key != LK_NONE)
            st = lk_doc_add(d, wd->key, 1.0f, fcap);
        for (uint16_t g = 0; st == DM_OK && g < wd->ngram; g++)
            st = lk_doc_add(d, c->words.grams[wd->gram0 + g], 1.0f, fcap);
        i++;
    }
    free(t);
    free(mf);
    return st;
}

dm_status lk_doc_analyse(lk_coll *c, size_t i)
{
    const dm_doc *doc = &c->docs[i];
    lk_doc *d = &c->d[i];
    const char *text = doc->text ? doc->text : "";
    size_t len = doc->text ? doc->text_len : 0;
    dm_status st;
    d->nchar = count_chars(text, len);
    d->npara = count_paragraphs(text, len);
    dm_span *sp = NULL;
    size_t ns = 0;
    st = dm_segment(c->ctx, text, len, &sp, &ns);
    if (st != DM_OK)
        return st;
    d->nsent = (uint32_t)ns;
    d->sent = malloc((ns + 1) * sizeof *d->sent);
    if (!d->sent) {
        free(sp);
        return DM_ENOMEM;
    }
    uint32_t fcap = 0, wcap = 0;
    for (size_t k = 0; k < ns && st == DM_OK; k++) {
        d->sent[k] = d->nwords;
        st = analyse_sentence(c, d, text + sp[k].start, sp[k].len, &fcap, &wcap);
    }
    d->sent[ns] = d->nwords;
    free(sp);
    if (st == DM_OK)
        st = lk_lang_of(c, d, text, len, &d->lang);
    if (st == DM_OK)
        st = lk_lexicon_add(c, d);
    if (st != DM_OK)
        return st;
    lk_doc_compact(c, d, 0);
    lk_count_df(c, d, ~0);
    return DM_OK;
}
