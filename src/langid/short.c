/*
 * short.c -- the evidence of short text (a word or two), summed word by word.
 *
 * Long text sums the log-probabilities of all its features at once (identify.c). In short text
 * each word's features are summed apart and the word's evidence is then reshaped before it joins
 * the text's: its n-grams (some thirty, overlapping, far from independent) count less when the
 * model knows the word itself, and the lead one word can give a language is limited, so that a
 * small language whose training text repeats one word ("Gobierno": the UDHR of Cashibo-Cacataibo)
 * cannot win by that word's n-grams alone. It is separate from identify.c because it keeps a
 * word's sums of its own and closes them at each word mark of the feature walk.
 */
#include "langid/langid.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Tuning knobs read from the environment (experiments only). */
static float knob(const char *name, float dflt)
{
    const char *v = getenv(name);
    return v && *v ? (float)atof(v) : dflt;
}

typedef struct knobset {
    float kw, alpha, nref, ctop, clow, ww;
} knobset;
static int K_init;
static knobset KS[2]; /* short text, long text (LIDX_WORDS_LONG) */

static void knobs(void)
{
    if (K_init)
        return;
    KS[0].kw = knob("LIDX_KW", 0.5f);
    KS[0].alpha = knob("LIDX_ALPHA", 0.0f);
    KS[0].nref = knob("LIDX_NREF", 10.0f);
    KS[0].ctop = knob("LIDX_CTOP", 0.0f);
    KS[0].clow = knob("LIDX_CLOW", 0.0f);
    KS[0].ww = knob("LIDX_WW", 5.0f);
    KS[1].kw = knob("LIDX_LKW", 1.0f);
    KS[1].alpha = knob("LIDX_LALPHA", 0.0f);
    KS[1].nref = knob("LIDX_LNREF", 10.0f);
    KS[1].ctop = knob("LIDX_LCTOP", 0.0f);
    KS[1].clow = knob("LIDX_LCLOW", 0.0f);
    KS[1].ww = knob("LIDX_LWW", 5.0f);
    K_init = 1;
}

int lid_words_long(void)
{
    static int v = -1;
    if (v < 0)
        v = (int)knob("LIDX_WORDS_LONG", 0.0f);
    return v;
}

void lid_short_init(lid_short *s, const lid_model *m, const lid_text_info *ti, int long_text)
{
    knobs();
    s->k = long_text;
    s->m = m;
    s->ti = ti;
    const uint32_t bytes = lid_row_bytes(m->n_langs);
    memset(s->total, 0, sizeof(float) * bytes);
    memset(s->gain, 0, sizeof(int32_t) * bytes);
    memset(s->wgain, 0, sizeof(int32_t) * bytes);
    memset(s->rows, 0, sizeof(int16_t) * bytes);
    memset(s->found, 0, sizeof s->found);
    s->n_rows = 0;
    s->ndense = 0;
    s->nfar = 0;
    s->word_ngrams = 0;
    s->known = 0;
    s->open = 0;
}

/* The stretch of the dense rows that the candidates read (all of it while the script is not
 * known: a short text is one batch, so the script is known by then). */
static void stretch(const lid_short *s, uint32_t *from, uint32_t *to)
{
    *from = 0;
    *to = lid_row_bytes(s->m->n_langs);
    if (s->ti->script >= 0) {
        *from = s->m->script_lo[s->ti->script];
        *to = s->m->script_hi[s->ti->script];
    }
}

static void flush_rows(lid_short *s, uint32_t from, uint32_t to)
{
    for (uint32_t l = from; l < to; l++)
        s->gain[l] += s->rows[l];
    memset(s->rows + from, 0, sizeof(int16_t) * (to - from));
    s->n_rows = 0;
}

/* The pending dense rows and posting lists of the open word into its sums. */
static void apply_pending(lid_short *s, uint32_t from, uint32_t to)
{
    if (s->ndense) {
        if (s->n_rows + s->ndense > LID_SHORT_ROWS)
            flush_rows(s, from, to);
        s->n_rows += s->ndense;
        lid_add_rows(s->rows, s->dense, s->ndense, from, to, s->m->rows_fast);
        s->ndense = 0;
    }
    for (uint32_t i = 0; i < s->nfar; i++) {
        const lid_posting *p = s->far[i];
        const uint32_t cnt = s->far_count[i];
        int32_t *gain = s->far_word[i] ? s->wgain : s->gain;
        for (uint32_t j = 0; j < cnt; j++)
            gain[p[j].lang] += p[j].q;
    }
    s->nfar = 0;
}

/* The open word's evidence, reshaped, into the text's total; the word's sums cleared. */
static void close_word(lid_short *s)
{
    if (!s->open)
        return;
    s->open = 0;
    const lid_model *m = s->m;
    uint32_t from, to;
    stretch(s, &from, &to);
    apply_pending(s, from, to);
    const knobset K = KS[s->k];
    float g = s->known ? K.kw : 1.0f;
    if (K.alpha > 0 && s->word_ngrams > K.nref)
        g *= powf(K.nref / (float)s->word_ngrams, K.alpha);
    float v[LID_ROW_MAX];
    for (uint32_t l = from; l < to; l++)
        v[l] = K.ww * (float)s->wgain[l] + g * (float)(s->gain[l] + s->rows[l]);
    if ((K.ctop > 0 || K.clow > 0) && s->ti->script >= 0) {
        const int sc = s->ti->script;
        for (uint32_t j = 0; j < m->script_nout[sc]; j++)
            v[m->script_out[sc][j]] = -INFINITY;
        float b1 = -INFINITY, b2 = -INFINITY;
        for (uint32_t l = from; l < to; l++) {
            if (v[l] > b1) {
                b2 = b1;
                b1 = v[l];
            } else if (v[l] > b2)
                b2 = v[l];
        }
        const float top = K.ctop > 0 && b2 > -INFINITY ? b2 + K.ctop * m->qscale : INFINITY;
        const float low = K.clow > 0 ? b1 - K.clow * m->qscale : -INFINITY;
        for (uint32_t l = from; l < to; l++) {
            if (v[l] > top)
                v[l] = top;
            else if (v[l] < low && v[l] > -INFINITY)
                v[l] = low;
        }
    }
    for (uint32_t l = from; l < to; l++)
        s->total[l] += v[l];
    memset(s->gain + from, 0, sizeof(int32_t) * (to - from));
    memset(s->wgain + from, 0, sizeof(int32_t) * (to - from));
    memset(s->rows + from, 0, sizeof(int16_t) * (to - from));
    s->n_rows = 0;
    s->known = 0;
    s->word_ngrams = 0;
}

void lid_short_add(void *ud, const uint32_t *keys, const uint8_t *orders, size_t n)
{
    lid_short *s = ud;
    const lid_model *m = s->m;
    if (s->ti->script >= 0 && m->script_langs[s->ti->script] <= 1)
        return; /* the script settles it */
    uint32_t from, to;
    stretch(s, &from, &to);
    for (size_t i = 0; i < n; i++) {
        if (orders[i] == 0) { /* a word starts */
            close_word(s);
            s->open = 1;
            continue;
        }
        const lid_slot *sl = lid_lookup(orders[i] <= LID_LOW_MAX_N ? &m->low : &m->high, keys[i]);
        if (!sl)
            continue;
        const int o = orders[i] - 1;
        const int word = o == LID_ORDER_WORD - 1;
        s->found[o]++;
        if (word)
            s->known = 1;
        else
            s->word_ngrams++;
        const uint32_t sc = sl->start_count, count = sc & 0xFF;
        if (count == 1) {
            (word ? s->wgain : s->gain)[(sc >> 8) & 0xFF] += (int8_t)(sc >> 16);
        } else if (count == LID_DENSE) {
            const int8_t *row = (const int8_t *)(const void *)(m->post + (sc >> 8));
            if (word) { /* not in the shipped model: words keep at most 40 postings */
                for (uint32_t l = from; l < to; l++)
                    s->wgain[l] += row[l];
                continue;
            }
            for (uint32_t b = from; b < to; b += 64)
                lid_prefetch(row + b);
            lid_prefetch(row + to - 1);
            if (s->ndense == LID_SHORT_ROWS)
                apply_pending(s, from, to);
            s->dense[s->ndense++] = row;
        } else {
            if (s->nfar == LID_SHORT_FAR)
                apply_pending(s, from, to);
            s->far[s->nfar] = m->post + (sc >> 8);
            lid_prefetch(s->far[s->nfar]);
            s->far_count[s->nfar] = (uint8_t)count;
            s->far_word[s->nfar++] = (uint8_t)word;
        }
    }
}

void lid_short_finish(lid_short *s)
{
    close_word(s);
}
