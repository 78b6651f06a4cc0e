/*
 * mine_trunc.c -- truncated word forms for the miner: the first 3 letters of a word of 4 or
 * more, a crude stem in every language at once.
 *
 * Translations learned from one input are sparse: a Russian or Turkish noun comes in many forms,
 * each seen once or twice, and Model 1 learns nothing from a form seen once. Truncated forms
 * pool the inflections ("книгу", "книги", "книга" share "кни"), so a second model over them
 * learns what the first cannot.
 */
#include "align/mine_internal.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define TRUNC_KEEP 3  /* letters kept */
#define TRUNC_MIN 4   /* words shorter than this stay whole */

/* The truncated id of a form: "\x05" + its first letters (or "\x06" + its last letters), or
 * the form itself. */
dm_status mn_trunc_form(al_env *env, uint32_t form, int from_end, uint32_t *out)
{
    size_t wl;
    const char *w = al_vocab_str(env->voc, form, &wl);
    /* a Chinese or Japanese word of two characters or more pools on one character */
    unsigned char c0 = (unsigned char)w[0];
    int han = wl >= 3 && c0 >= 0xE3 && c0 <= 0xE9;
    size_t keep = han ? 1 : TRUNC_KEEP, min = han ? 2 : TRUNC_MIN;
    size_t ncp = 0, cut = 0;
    for (size_t k = 0; k < wl; k++)
        if (((unsigned char)w[k] & 0xC0) != 0x80) {
            if (ncp == keep)
                cut = k;
            ncp++;
        }
    if (ncp < min || w[0] == '#' || (unsigned char)w[0] < 0x20) {
        *out = form;
        return DM_OK;
    }
    if (from_end) { /* the start of the last TRUNC_KEEP letters */
        size_t seen = 0;
        cut = wl;
        while (cut > 0 && seen < keep)
            if (((unsigned char)w[--cut] & 0xC0) != 0x80)
                seen++;
    }
    char buf[32];
    size_t bl = from_end ? wl - cut : cut;
    if (bl + 1 > sizeof buf) {
        *out = form;
        return DM_OK;
    }
    buf[0] = from_end ? '\x06' : '\x05';
    memcpy(buf + 1, from_end ? w + cut : w, bl);
    return al_vocab_intern(env->voc, buf, bl + 1, out);
}

int mn_trunc_as_prefix(const al_env *env, uint32_t form, uint32_t *out)
{
    size_t wl, ncp = 0;
    const char *w = al_vocab_str(env->voc, form, &wl);
    for (size_t k = 0; k < wl; k++)
        ncp += ((unsigned char)w[k] & 0xC0) != 0x80;
    char buf[32];
    if (ncp != TRUNC_KEEP || wl + 1 > sizeof buf || (unsigned char)w[0] < 0x20)
        return 0;
    buf[0] = '\x05';
    memcpy(buf + 1, w, wl);
    return al_vocab_find(env->voc, buf, wl + 1, out);
}

dm_status mn_add_concepts(al_doc *d, const uint32_t *extra, size_t per_tok)
{
    size_t n = 0;
    for (size_t k = 0; k < d->ntok * per_tok; k++)
        n += extra[k] != AL_NONE;
    if (!n)
        return DM_OK;
    uint32_t *conc = malloc((d->nconc + n) * sizeof *conc);
    if (!conc)
        return DM_ENOMEM;
    size_t w = 0;
    for (size_t k = 0; k < d->ntok; k++) {
        al_tok *t = &d->tok[k];
        memcpy(conc + w, d->conc + t->c0, t->nc * sizeof *conc);
        t->c0 = (uint32_t)w;
        w += t->nc;
        for (size_t q = 0; q < per_tok; q++) {
            uint32_t c = extra[k * per_tok + q];
            int dup = c == AL_NONE || t->nc == UINT16_MAX;
            for (uint16_t r = 0; r < t->nc && !dup; r++)
                dup = conc[t->c0 + r] == c;
            if (!dup) {
                conc[w++] = c;
                t->nc++;
            }
        }
    }
    free(d->conc);
    d->conc = conc;
    d->nconc = w;
    d->capconc = d->nconc + n; /* what was allocated */
    return DM_OK;
}

dm_status mn_truncate(al_env *env, al_doc *d, int from_end, int as_concept, uint32_t **trunc)
{
    uint32_t *tr = malloc((d->ntok ? d->ntok : 1) * sizeof *tr);
    if (!tr)
        return DM_ENOMEM;
    dm_status st = DM_OK;
    for (size_t k = 0; k < d->ntok && st == DM_OK; k++) {
        tr[k] = AL_NONE;
        if (d->tok[k].kind == DM_TOK_WORD)
            st = mn_trunc_form(env, d->tok[k].form, from_end, &tr[k]);
    }
    if (st == DM_OK && as_concept)
        st = mn_add_concepts(d, tr, 1); /* a concept already there is not added twice */
    if (st != DM_OK) {
        free(tr);
        return st;
    }
    *trunc = tr;
    return DM_OK;
}
