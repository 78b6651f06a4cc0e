/*
 * diff.c -- what two versions of a story add or leave out, read off their alignment:
 *   sentences with no counterpart (blocks with an empty side);
 *   blocks whose lengths disagree beyond the pair's own length ratio (Gale-Church deviation
 *     over 3: a clause added or dropped inside a sentence);
 *   numbers written on one side only (compared by value, every digit system; a number counts
 *     as present when the other side has it anywhere, so an alignment slip is not a divergence);
 *   names on one side that the other never mentions: capitalised words inside a sentence,
 *     looked for in the other version by form and by name key across scripts. A sentence
 *     written in title case (an English headline: "Police Arrest Man After Stabbing") says
 *     nothing about which of its words are names: its capitalised words count only when the
 *     same version also capitalises them inside an ordinary sentence.
 */
#include "align/align_internal.h"
#include "align/align_lexicon.h"
#include "align/diff_names.h"
#include "text/text.h"
#include "util/strset.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dm_diff_free(dm_diff_report *r)
{
    if (!r)
        return;
    free(r->items);
    free(r);
}

static dm_status add_item(dm_diff_report *r, size_t *cap, dm_diff_kind kind, int side, size_t block,
                          const char *what, size_t wl, double score)
{
    if (r->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        dm_diff_item *p = realloc(r->items, nc * sizeof *p);
        if (!p)
            return DM_ENOMEM;
        r->items = p;
        *cap = nc;
    }
    dm_diff_item *it = &r->items[r->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->side = side;
    it->block = block;
    it->score = score;
    if (wl >= sizeof it->what)
        wl = sizeof it->what - 1;
    memcpy(it->what, what, wl);
    it->what[wl] = 0;
    return DM_OK;
}

/* Whether sentences first..first+n hold a letter. A page's debris ("700 /", "* * *", a lone
 * page number) has no counterpart and says nothing: it is not reported as a sentence one
 * version adds (and, as for every sentence without a counterpart, its numbers are not listed
 * one by one). */
static int any_letter(const char *const *t, const size_t *l, size_t first, size_t n)
{
    for (size_t i = first; i < first + n; i++)
        if (dm_has_letter(t[i], l[i]))
            return 1;
    return 0;
}

static size_t nonspace_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && !isspace((unsigned char)s[i]))
            c++;
    return c;
}

/* Every token of a side as "n:<value>" (numbers), "f:<form>" and "k:<name key>" (words). */
typedef struct side_set {
    dm_strset set;
} side_set;

static dm_status word_keys(dm_ctx *ctx, const char *w, size_t wl, char *form, size_t fcap, char *key,
                           size_t kcap)
{
    char *mf = NULL;
    size_t ml = 0;
    dm_status st = dm_match_form(ctx, w, wl, &mf, &ml);
    if (st != DM_OK)
        return st;
    snprintf(form, fcap, "f:%.*s", (int)ml, mf);
    char lat[256];
    key[0] = 0;
    if (dm_translit_latin(ctx, mf, ml, lat, sizeof lat) == DM_OK) {
        char k[128];
        dm_name_key(lat, k, sizeof k);
        if (strlen(k) >= 2)
            snprintf(key, kcap, "k:%s", k);
    }
    free(mf);
    return DM_OK;
}

/* Add "f:<pivot>" for the English pivots of a word (translated names: Revolution, July). */
static dm_status add_pivots(al_env *env, const al_lexicon *lx, const char *form, dm_strset *set)
{
    if (!lx)
        return DM_OK;
    uint32_t id, piv[8];
    if (al_vocab_intern(env->voc, form, strlen(form), &id) != DM_OK)
        return DM_ENOMEM;
    size_t np = al_lexicon_pivots(env, lx, id, piv, 8);
    for (size_t q = 0; q < np; q++) {
        size_t pl;
        const char *p = al_vocab_str(env->voc, piv[q], &pl);
        char buf[300];
        snprintf(buf, sizeof buf, "f:%.*s", (int)pl, p);
        if (dm_strset_add(set, buf) < 0)
            return DM_ENOMEM;
    }
    return DM_OK;
}

static int starts_lower(const char *w)
{
    unsigned char c = (unsigned char)w[0];
    return c < 0x80 && islower(c);
}

/* A sentence in title case: its words of 4 letters or more after the first are all
 * capitalised, but for one in ten (short words are left out: title case keeps "of", "in", "to"
 * small). German capitalises every noun, but not its verbs and adjectives: its ordinary
 * sentences do not pass. */
static int title_case(const char *text, const dm_token *tk, size_t nt)
{
    size_t words = 0, caps = 0, widx = 0;
    for (size_t k = 0; k < nt; k++) {
        if (tk[k].kind != DM_TOK_WORD)
            continue;
        if (widx++ == 0 || tk[k].len < 4)
            continue;
        words++;
        caps += dn_capitalised(text + tk[k].start, tk[k].len);
    }
    return words >= 3 && caps * 10 >= words * 9;
}

/* A day of a local calendar's month (۳۰ تیر, ሐምሌ 14: the month's name just after or before
 * the number) as the Gregorian days it may be (21 or 20 July). */
static size_t local_date_days(dm_ctx *ctx, const char *lang, const char *s, const dm_token *tk, size_t nt,
                              size_t k, double v, double *out, size_t cap)
{
    size_t n = 0;
    for (int d = 1; d >= -1 && !n; d -= 2) {
        size_t j = (size_t)((long)k + d);
        if ((d < 0 && k == 0) || j >= nt || tk[j].kind != DM_TOK_WORD)
            continue;
        size_t a = d > 0 ? tk[k].start + tk[k].len : tk[j].start + tk[j].len;
        size_t z = d > 0 ? tk[j].start : tk[k].start;
        if (z - a > 3)
            continue;
        char *m = NULL;
        size_t ml = 0;
        if (dm_match_form(ctx, s + tk[j].start, tk[j].len, &m, &ml) != DM_OK)
            return 0;
        /* the year, when a number of 4 digits follows within three tokens */
        double year = 0, y;
        for (size_t q = k + 1; q < nt && q <= k + 3 + (d > 0) && year == 0; q++)
            if (tk[q].kind == DM_TOK_NUMBER && tk[q].len >= 4 && dm_parse_number(s + tk[q].start, tk[q].len, &y) &&
                y >= 1000 && y < 10000)
                year = y;
        n = dm_calendar_days(ctx, lang, m, ml, v, year, out, cap);
        free(m);
    }
    return n;
}

/* A year of a local calendar (Persian 1399, Thai 2563) as the Gregorian years it may be: a
 * version that writes 2020 has it. */
static dm_status add_calendar_years(const char *lang, const char *s, size_t len, double v, dm_strset *set)
{
    double g[4];
    size_t ng = dm_calendar_years(lang[0] ? lang : NULL, lang[0] ? DM_SCRIPT_OTHER : dm_dominant_script(s, len), v,
                                  g, 4);
    for (size_t c = 0; c < ng; c++) {
        char buf[64];
        snprintf(buf, sizeof buf, "n:%.15g", g[c]);
        if (dm_strset_add(set, buf) < 0)
            return DM_ENOMEM;
    }
    return DM_OK;
}

static dm_status collect_side(dm_ctx *ctx, al_env *env, const al_lexicon *lx, const char *lang,
                              const char *const *t, const size_t *l, size_t n, dm_strset *set)
{
    for (size_t i = 0; i < n; i++) {
        dm_token *tk = NULL;
        size_t nt = 0;
        dm_status st = dm_tokenize(ctx, t[i], l[i], &tk, &nt);
        if (st != DM_OK)
            return st;
        int title = title_case(t[i], tk, nt);
        size_t widx = 0;
        for (size_t k = 0; k < nt && st == DM_OK; k++) {
            const char *w = t[i] + tk[k].start;
            size_t wl = tk[k].len;
            char buf[300], key[140];
            double v;
            if (tk[k].kind == DM_TOK_NUMBER && dm_parse_number(w, wl, &v)) {
                snprintf(buf, sizeof buf, "n:%.15g", v);
                if (dm_strset_add(set, buf) < 0)
                    st = DM_ENOMEM;
                double sc; /* "50 million", "5000万": the quantity too */
                if (st == DM_OK && dm_scale_after(ctx, lang[0] ? lang : NULL, t[i], tk, nt, k + 1, &sc)) {
                    snprintf(buf, sizeof buf, "n:%.15g", v * sc);
                    if (dm_strset_add(set, buf) < 0)
                        st = DM_ENOMEM;
                }
                if (st == DM_OK)
                    st = add_calendar_years(lang, t[i], l[i], v, set);
                double days[8];
                size_t nd = lang[0] ? local_date_days(ctx, lang, t[i], tk, nt, k, v, days, 8) : 0;
                for (size_t c = 0; c < nd && st == DM_OK; c++) {
                    snprintf(buf, sizeof buf, "n:%.15g", days[c]);
                    if (dm_strset_add(set, buf) < 0)
                        st = DM_ENOMEM;
                }
            } else if (tk[k].kind == DM_TOK_WORD && wl < 200) {
                int mid_cap = !title && widx > 0 && dn_capitalised(w, wl);
                widx++;
                st = word_keys(ctx, w, wl, buf, sizeof buf, key, sizeof key);
                if (st == DM_OK && dm_strset_add(set, buf) < 0)
                    st = DM_ENOMEM;
                /* "eight" present where the other version writes 8: a number too */
                if (st == DM_OK && dm_number_word(ctx, lang[0] ? lang : NULL, buf + 2, strlen(buf + 2), &v)) {
                    char nb[64];
                    snprintf(nb, sizeof nb, "n:%.15g", v);
                    if (dm_strset_add(set, nb) < 0)
                        st = DM_ENOMEM;
                }
                if (st == DM_OK && key[0] && dm_strset_add(set, key) < 0)
                    st = DM_ENOMEM;
                if (st == DM_OK)
                    st = add_pivots(env, lx, buf + 2, set);
                if (st == DM_OK && starts_lower(w)) { /* written in lower case: a common word */
                    buf[0] = 'l';
                    if (dm_strset_add(set, buf) < 0)
                        st = DM_ENOMEM;
                }
                if (st == DM_OK && mid_cap) { /* capitalised inside an ordinary sentence */
                    buf[0] = 'c';
                    if (dm_strset_add(set, buf) < 0)
                        st = DM_ENOMEM;
                }
            }
        }
        free(tk);
        if (st != DM_OK)
            return st;
    }
    return DM_OK;
}

/* Numbers of one side that the other never writes. */
static dm_status numbers_only(dm_ctx *ctx, dm_diff_report *r, size_t *cap, int side, const char *lang,
                              const char *const *t, const size_t *l, const dm_align_block *b,
                              size_t nb, const dm_strset *other, dm_strset *reported)
{
    for (size_t q = 0; q < nb; q++) {
        size_t start = side ? b[q].tgt_start : b[q].src_start, cnt = side ? b[q].tgt_n : b[q].src_n;
        size_t ocnt = side ? b[q].src_n : b[q].tgt_n;
        if (!ocnt)
            continue; /* a whole sentence missing is reported as such */
        for (size_t i = start; i < start + cnt; i++) {
            dm_token *tk = NULL;
            size_t nt = 0;
            dm_status st = dm_tokenize(ctx, t[i], l[i], &tk, &nt);
            if (st != DM_OK)
                return st;
            for (size_t k = 0; k < nt && st == DM_OK; k++) {
                const char *w = t[i] + tk[k].start;
                size_t wl = tk[k].len;
                char buf[64];
                double v;
                if (tk[k].kind == DM_TOK_NUMBER && dm_parse_number(w, wl, &v)) {
                    /* a quantity the other version writes in its own unit is there (50 million /
                     * 5000万): the number alone need not be */
                    double sc;
                    snprintf(buf, sizeof buf, "n:%.15g", v);
                    if (dm_strset_has(other, buf))
                        continue;
                    if (dm_scale_after(ctx, NULL, t[i], tk, nt, k + 1, &sc)) {
                        snprintf(buf, sizeof buf, "n:%.15g", v * sc);
                        if (dm_strset_has(other, buf))
                            continue;
                    }
                    /* a year of this version's calendar the other writes as its Gregorian one */
                    double g[4];
                    size_t ng = dm_calendar_years(lang[0] ? lang : NULL,
                                                  lang[0] ? DM_SCRIPT_OTHER : dm_dominant_script(t[i], l[i]),
                                                  v, g, 4);
                    int found = 0;
                    for (size_t c = 0; c < ng && !found; c++) {
                        snprintf(buf, sizeof buf, "n:%.15g", g[c]);
                        found = dm_strset_has(other, buf);
                    }
                    /* and a day of its calendar's month the other gives as the Gregorian day */
                    double days[8];
                    size_t nd = !found && lang[0] ? local_date_days(ctx, lang, t[i], tk, nt, k, v, days, 8) : 0;
                    for (size_t c = 0; c < nd && !found; c++) {
                        snprintf(buf, sizeof buf, "n:%.15g", days[c]);
                        found = dm_strset_has(other, buf);
                    }
                    if (found)
                        continue;
                    snprintf(buf, sizeof buf, "n:%.15g", v);
                    if (dm_strset_add(reported, buf) == 1) {
                        st = add_item(r, cap, DM_DIFF_NUMBER, side, q, w, wl, b[q].score);
                        r->numbers++;
                    }
                }
            }
            free(tk);
            if (st != DM_OK)
                return st;
        }
    }
    return DM_OK;
}

/* Where dn_names_only puts the names it finds. */
typedef struct name_sink {
    dm_diff_report *r;
    size_t *cap;
    const dm_align_block *b;
} name_sink;

static dm_status name_found(void *ud, int side, size_t block, const char *what, size_t len)
{
    name_sink *k = ud;
    k->r->names++;
    return add_item(k->r, k->cap, DM_DIFF_NAME, side, block, what, len, k->b[block].score);
}

dm_status dm_diff(dm_ctx *ctx, const char *const *src, const size_t *src_len, size_t n_src,
                  const char *const *tgt, const size_t *tgt_len, size_t n_tgt,
                  const dm_align_block *b, size_t nb, dm_diff_report **out)
{
    return dm_diff_langs(ctx, NULL, NULL, src, src_len, n_src, tgt, tgt_len, n_tgt, b, nb, out);
}

static void side_lang(al_env *env, al_doc *d, const char *lang, const char *const *t, const size_t *l,
                      size_t n)
{
    if (lang && *lang) {
        snprintf(d->lang, sizeof d->lang, "%s", lang);
        return;
    }
    al_guess_lang(env, d, t, l, n);
}

dm_status dm_diff_langs(dm_ctx *ctx, const char *src_lang, const char *tgt_lang,
                        const char *const *src, const size_t *src_len, size_t n_src,
                        const char *const *tgt, const size_t *tgt_len, size_t n_tgt,
                        const dm_align_block *b, size_t nb, dm_diff_report **out)
{
    *out = NULL;
    /* the blocks must be an alignment of these sentences */
    size_t ci = 0, cj = 0;
    for (size_t q = 0; q < nb; q++) {
        if (b[q].src_start != ci || b[q].tgt_start != cj)
            return dm_fail(ctx, DM_EINVAL, "blocks are not a monotone alignment of the sentences");
        ci += b[q].src_n;
        cj += b[q].tgt_n;
    }
    if (ci != n_src || cj != n_tgt)
        return dm_fail(ctx, DM_EINVAL, "blocks do not cover every sentence");
    dm_diff_report *r = calloc(1, sizeof *r);
    if (!r)
        return dm_fail(ctx, DM_ENOMEM, "diff");
    size_t cap = 0;
    double ls = 0, lt = 0;
    for (size_t i = 0; i < n_src; i++)
        ls += (double)nonspace_chars(src[i], src_len[i]);
    for (size_t j = 0; j < n_tgt; j++)
        lt += (double)nonspace_chars(tgt[j], tgt_len[j]);
    r->ratio = ls > 0 && lt > 0 ? lt / ls : 1.0;
    dm_status st = DM_OK;
    for (size_t q = 0; q < nb && st == DM_OK; q++) {
        if (!b[q].tgt_n) {
            if (any_letter(src, src_len, b[q].src_start, b[q].src_n)) {
                st = add_item(r, &cap, DM_DIFF_SRC_ONLY, 0, q, "", 0, b[q].score);
                r->src_only += b[q].src_n;
            }
        } else if (!b[q].src_n) {
            if (any_letter(tgt, tgt_len, b[q].tgt_start, b[q].tgt_n)) {
                st = add_item(r, &cap, DM_DIFF_TGT_ONLY, 1, q, "", 0, b[q].score);
                r->tgt_only += b[q].tgt_n;
            }
        } else {
            double a = 0, c = 0;
            for (size_t i = b[q].src_start; i < b[q].src_start + b[q].src_n; i++)
                a += (double)nonspace_chars(src[i], src_len[i]);
            for (size_t j = b[q].tgt_start; j < b[q].tgt_start + b[q].tgt_n; j++)
                c += (double)nonspace_chars(tgt[j], tgt_len[j]);
            /* Gale-Church deviation with a generous variance: only clear additions count */
            double d = (c - r->ratio * a) / sqrt(6.8 * (r->ratio * a + c) / 2 + 1);
            if (fabs(d) > 3.0) {
                st = add_item(r, &cap, DM_DIFF_LENGTH, d > 0, q, "", 0, d);
                r->length++;
            }
        }
    }
    dm_strset ssrc = {0}, stgt = {0}, rep = {0};
    /* lexicons (when the languages can be told) let translated names count as present */
    al_env env;
    al_doc ds = {0}, dt = {0};
    if (st == DM_OK)
        st = al_env_init(&env, ctx);
    else
        memset(&env, 0, sizeof env);
    if (st == DM_OK) {
        side_lang(&env, &ds, src_lang, src, src_len, n_src);
        side_lang(&env, &dt, tgt_lang, tgt, tgt_len, n_tgt);
    }
    const al_lexicon *lxs = st == DM_OK ? al_lexicon_for(&env, ds.lang) : NULL;
    const al_lexicon *lxt = st == DM_OK ? al_lexicon_for(&env, dt.lang) : NULL;
    if (st == DM_OK)
        st = collect_side(ctx, &env, lxs, ds.lang, src, src_len, n_src, &ssrc);
    if (st == DM_OK)
        st = collect_side(ctx, &env, lxt, dt.lang, tgt, tgt_len, n_tgt, &stgt);
    if (st == DM_OK)
        st = numbers_only(ctx, r, &cap, 0, ds.lang, src, src_len, b, nb, &stgt, &rep);
    if (st == DM_OK)
        st = numbers_only(ctx, r, &cap, 1, dt.lang, tgt, tgt_len, b, nb, &ssrc, &rep);
    dn_version vs = {src, src_len, n_src, lxs, ds.lang, &ssrc};
    dn_version vt = {tgt, tgt_len, n_tgt, lxt, dt.lang, &stgt};
    name_sink sink = {r, &cap, b};
    if (st == DM_OK)
        st = dn_names_only(ctx, &env, &vs, &vt, b, nb, name_found, &sink);
    if (env.voc)
        al_env_free(&env);
    dm_strset_free(&ssrc);
    dm_strset_free(&stgt);
    dm_strset_free(&rep);
    if (st != DM_OK) {
        dm_diff_free(r);
        return dm_fail(ctx, st, "diff");
    }
    *out = r;
    return DM_OK;
}
