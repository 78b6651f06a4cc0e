/*
 * mine_clitics.c -- the parts of words written with an apostrophe, as extra concepts for the
 * miner: "they're" is "they" and "are", "didn't" is "did" and "not", "l'air" is "air".
 *
 * The tokenizer keeps such words whole, so an English "they're" matches nothing that the
 * lexicon or a learned translation gives for "they" or "are"; everyday sentences (the kind mined
 * from phrase books and subtitles) are full of them. The English contractions are spelt out; for
 * other languages the parts of two letters or more count as they are.
 */
#include "align/mine_internal.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct expansion {
    const char *tail, *word;
} expansion;

/* English clitics after the apostrophe and the words they stand for */
static const expansion tails[] = {
    {"re", "are"}, {"m", "am"}, {"ll", "will"}, {"ve", "have"}, {"d", "would"}, {"s", "is"},
    {"t", "not"},
};

static dm_status intern_part(al_env *env, const char *s, size_t n, uint32_t *out)
{
    *out = AL_NONE;
    if (n < 2)
        return DM_OK;
    return al_vocab_intern(env->voc, s, n, out);
}

dm_status mn_apostrophe_parts(al_env *env, al_doc *d)
{
    uint32_t *extra = malloc((d->ntok ? d->ntok : 1) * 2 * sizeof *extra);
    if (!extra)
        return DM_ENOMEM;
    dm_status st = DM_OK;
    for (size_t k = 0; k < d->ntok && st == DM_OK; k++) {
        extra[2 * k] = extra[2 * k + 1] = AL_NONE;
        if (d->tok[k].kind != DM_TOK_WORD)
            continue;
        size_t wl;
        const char *w = al_vocab_str(env->voc, d->tok[k].form, &wl);
        const char *ap = memchr(w, '\'', wl);
        size_t alen = 1;
        if (!ap) { /* U+2019, when the matching form kept it */
            for (size_t q = 0; q + 2 < wl && !ap; q++)
                if (!memcmp(w + q, "\xe2\x80\x99", 3))
                    ap = w + q;
            alen = 3;
        }
        if (!ap)
            continue;
        size_t hl = (size_t)(ap - w);
        const char *tail = ap + alen;
        size_t tl = wl - hl - alen;
        const char *tail_word = tail;
        size_t tail_len = tl;
        for (size_t q = 0; q < sizeof tails / sizeof *tails; q++)
            if (tl == strlen(tails[q].tail) && !memcmp(tail, tails[q].tail, tl)) {
                tail_word = tails[q].word;
                tail_len = strlen(tail_word);
                /* "didn't": the n belongs to "not"; "can't", "won't" */
                if (q == sizeof tails / sizeof *tails - 1 && hl > 0 && w[hl - 1] == 'n') {
                    hl--;
                    if (hl == 2 && !memcmp(w, "ca", 2))
                        hl = 3; /* can */
                    else if (hl == 2 && !memcmp(w, "wo", 2)) {
                        st = intern_part(env, "will", 4, &extra[2 * k]);
                        hl = 0;
                    }
                }
                break;
            }
        if (st == DM_OK && hl)
            st = intern_part(env, w, hl, &extra[2 * k]);
        if (st == DM_OK)
            st = intern_part(env, tail_word, tail_len, &extra[2 * k + 1]);
    }
    if (st == DM_OK)
        st = mn_add_concepts(d, extra, 2);
    free(extra);
    return st;
}
