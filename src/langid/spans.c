/*
 * spans.c -- the languages of a mixed document as spans: a Persian article quoting an English
 * sentence gives a Persian span, an English span and a Persian span again.
 *
 * The text is cut into pieces at sentence ends and where the script of the letters changes;
 * each piece is identified; a short piece that is unsure of itself takes the language of a
 * neighbour in the same script; then neighbouring pieces of one language are joined.
 */
#include "langid/langid.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#define SHORT_PIECE_LETTERS 24 /* below this a piece's own guess may be overruled */
#define UNSURE_SCORE 0.6

typedef struct piece {
    size_t start, end; /* bytes; trimmed of spaces */
    int script;
    uint32_t letters;
    uint32_t own_letters; /* letters outside links, counted while cutting */
    char code[8];
    double score;
} piece;

static int is_sentence_end(UChar32 c)
{
    return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == 0x061F /* ؟ */ ||
           c == 0x06D4 /* ۔ */ || c == 0x0964 /* । */ || c == 0x0965 || c == 0x3002 /* 。 */ ||
           c == 0xFF01 || c == 0xFF1F || c == 0x1362 /* ። */;
}

static int is_space(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

/* An URL or a bare www. address starts at text[at] (at a word start, after "(" or "[" too). */
static int url_at(const char *text, size_t at, size_t len)
{
    if (at > 0 && !is_space((unsigned char)text[at - 1]) && text[at - 1] != '(' && text[at - 1] != '[')
        return 0;
    static const char *const prefixes[] = {"http://", "https://", "www."};
    for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
        size_t n = strlen(prefixes[k]);
        if (len - at >= n && !strncmp(text + at, prefixes[k], n))
            return 1;
    }
    return 0;
}

static dm_status push(dm_ctx *ctx, piece **v, size_t *n, size_t *cap, size_t start, size_t end,
                      const char *text, uint32_t *own)
{
    uint32_t own_letters = *own;
    *own = 0;
    while (start < end && (text[start] == ' ' || text[start] == '\t' || text[start] == '\n' || text[start] == '\r'))
        start++;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' || text[end - 1] == '\r'))
        end--;
    if (end <= start)
        return DM_OK;
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        piece *nv = realloc(*v, nc * sizeof *nv);
        if (!nv)
            return dm_fail(ctx, DM_ENOMEM, "no memory for language spans");
        *v = nv;
        *cap = nc;
    }
    memset(&(*v)[*n], 0, sizeof **v);
    (*v)[*n].start = start;
    (*v)[*n].end = end;
    (*v)[*n].own_letters = own_letters;
    (*n)++;
    return DM_OK;
}

/* Cut at sentence ends followed by a space, and between two words of different scripts. */
static dm_status cut(dm_ctx *ctx, const lid_model *m, const char *text, size_t len, piece **out,
                     size_t *n_out)
{
    piece *v = NULL;
    size_t n = 0, cap = 0, start = 0;
    int cur_script = -1;         /* script of the current piece's letters so far */
    uint32_t own = 0;            /* letters of the current piece outside links */
    size_t last_word_end = 0;    /* end of the last letter seen */
    int32_t i = 0, ilen = len > INT32_MAX ? INT32_MAX : (int32_t)len;
    dm_status st = DM_OK;
    while (i < ilen) {
        int32_t at = i;
        if (url_at(text, (size_t)at, (size_t)ilen)) {
            /* a link says nothing about the language around it: skip it like punctuation */
            while (i < ilen && !is_space((unsigned char)text[i]))
                i++;
            continue;
        }
        UChar32 c;
        U8_NEXT(text, i, ilen, c);
        if (c < 0)
            continue;
        int sc = c < 0x10000 ? m->bmp_script[c] : dm_script_of((uint32_t)c);
        if (sc == DM_SCRIPT_HIRAGANA || sc == DM_SCRIPT_KATAKANA)
            sc = DM_SCRIPT_HAN; /* Japanese mixes them in one sentence */
        if (sc != DM_SCRIPT_OTHER) {
            if (cur_script >= 0 && sc != cur_script) {
                /* cut after the last letter of the old script, keeping punctuation with it */
                size_t cut_at = last_word_end;
                st = push(ctx, &v, &n, &cap, start, cut_at, text, &own);
                if (st != DM_OK)
                    break;
                start = cut_at;
            }
            cur_script = sc;
            last_word_end = (size_t)i;
            own++;
        } else if (is_sentence_end(c)) {
            /* an end followed by a space or the end of the text closes a piece */
            if (i >= ilen || is_space((unsigned char)text[i]) || c == '\n') {
                st = push(ctx, &v, &n, &cap, start, (size_t)i, text, &own);
                if (st != DM_OK)
                    break;
                start = (size_t)i;
                cur_script = -1;
            }
        }
        (void)at;
    }
    if (st == DM_OK)
        st = push(ctx, &v, &n, &cap, start, len, text, &own);
    if (st != DM_OK) {
        free(v);
        return st;
    }
    *out = v;
    *n_out = n;
    return DM_OK;
}

/* A piece answered with a macrolanguage takes the code of a neighbour that is one of its
 * members. */
static void take_member(const lid_model *m, piece *p, const piece *nb)
{
    const int group = lid_macro_of(p->code, strlen(p->code));
    if (group && lid_macro_member(m, nb->code, group))
        memcpy(p->code, nb->code, 8);
}

dm_status dm_langid_spans(dm_ctx *ctx, const char *text, size_t len, dm_lang_span **out,
                          size_t *n_out)
{
    if (!ctx || (!text && len) || !out || !n_out)
        return dm_fail(ctx, DM_EINVAL, "dm_langid_spans: missing argument");
    *out = NULL;
    *n_out = 0;
    if (len > ctx->opt.max_doc_bytes)
        return dm_fail(ctx, DM_ELIMIT, "text of %zu bytes is over the limit", len);
    lid_model *m;
    dm_status st = lid_model_get(ctx, &m);
    if (st != DM_OK)
        return st;
    piece *p = NULL;
    size_t n = 0;
    st = cut(ctx, m, text ? text : "", len, &p, &n);
    if (st != DM_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        dm_lang_guess g;
        size_t got;
        lid_text_info ti;
        if (p[i].own_letters == 0) { /* only a link, digits or signs: it follows its neighbours */
            snprintf(p[i].code, sizeof p[i].code, "und");
            p[i].score = 0;
            p[i].script = DM_SCRIPT_OTHER;
            p[i].letters = 0;
            continue;
        }
        lid_identify(ctx, m, text + p[i].start, p[i].end - p[i].start, &g, 1, &got, &ti);
        snprintf(p[i].code, sizeof p[i].code, "%s", got ? g.code : "und");
        p[i].score = got ? g.score : 0;
        p[i].script = ti.script;
        p[i].letters = ti.letters;
    }
    /* a short unsure piece follows a neighbour of its script (the previous one first) */
    for (size_t i = 0; i < n; i++) {
        int unsure = !strcmp(p[i].code, "und") ||
                     (p[i].letters < SHORT_PIECE_LETTERS && p[i].score < UNSURE_SCORE);
        if (!unsure)
            continue;
        piece *nb = NULL;
        if (i > 0 && i + 1 < n && p[i].letters < 8 && !strcmp(p[i - 1].code, p[i + 1].code) &&
            strcmp(p[i - 1].code, "und"))
            nb = &p[i - 1]; /* a name in Latin letters inside a Persian sentence stays Persian */
        else if (i > 0 && (p[i - 1].script == p[i].script || !strcmp(p[i].code, "und")) &&
            strcmp(p[i - 1].code, "und"))
            nb = &p[i - 1];
        else if (i + 1 < n && (p[i + 1].script == p[i].script || !strcmp(p[i].code, "und")) &&
                 strcmp(p[i + 1].code, "und") && p[i + 1].letters >= SHORT_PIECE_LETTERS)
            nb = &p[i + 1];
        if (nb)
            memcpy(p[i].code, nb->code, 8);
    }
    /* a run of pieces answered with a macrolanguage ("sh") next to one of its members ("hr")
     * is that member: the rest of the document tells which (the previous neighbour first, then
     * the next: "sh sh hr" is as Croatian as "hr sh sh") */
    for (size_t i = 1; i < n; i++)
        take_member(m, &p[i], &p[i - 1]);
    for (size_t i = n; i-- > 1;)
        take_member(m, &p[i - 1], &p[i]);
    /* join neighbours of one language; the score is the letter-weighted mean */
    dm_lang_span *sp = calloc(n ? n : 1, sizeof *sp);
    if (!sp) {
        free(p);
        return dm_fail(ctx, DM_ENOMEM, "no memory for language spans");
    }
    size_t k = 0;
    double wsum = 0, wscore = 0;
    for (size_t i = 0; i < n; i++) {
        if (k > 0 && !strcmp(sp[k - 1].code, p[i].code)) {
            sp[k - 1].len = p[i].end - sp[k - 1].start;
        } else {
            if (k > 0)
                sp[k - 1].score = wsum > 0 ? wscore / wsum : 0;
            sp[k].start = p[i].start;
            sp[k].len = p[i].end - p[i].start;
            memcpy(sp[k].code, p[i].code, 8);
            wsum = wscore = 0;
            k++;
        }
        wsum += p[i].letters + 1;
        wscore += (p[i].letters + 1) * p[i].score;
    }
    if (k > 0)
        sp[k - 1].score = wsum > 0 ? wscore / wsum : 0;
    free(p);
    *out = sp;
    *n_out = k;
    return DM_OK;
}
