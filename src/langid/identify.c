/*
 * identify.c -- the language of a text: script first, then naive Bayes over the features.
 *
 * A script that only one candidate language is written in (Greek, Armenian, Georgian, Hangul,
 * Thai...) settles the answer without looking anything up. Otherwise each feature found in the
 * model adds log P(feature | language) to every candidate written in the text's script; features
 * no language knows carry no evidence and are skipped. Short text (a word or two) looks up the
 * character 2..5-grams: a single word has few long n-grams, and the short ones tell its letters
 * and endings; longer text looks up 4-grams and words only (the others add lookups, not
 * accuracy: without 5-grams sentences lose 0.0007 and run 30% faster). The walk marks where
 * each word starts and hands over the word itself before its n-grams, so that in short text the
 * n-grams of a word the model knows can be given less weight (KNOWN_WORD_NGRAM_WEIGHT), and in
 * longer text a word that looks like a name (NAME_WEIGHT): they are summed apart, in part 1 of
 * the accumulators. Scores become confidences with a softmax
 * (tempered, because overlapping n-grams are far from independent) times a factor that grows with
 * the number of letters, so that one short word never looks certain.
 */
#include "langid/langid.h"
#include "text/text.h"

#include <math.h>
#include <string.h>
#if defined(LID_SSE2)
#include <emmintrin.h>
#endif

#define SOFTMAX_TEMPERATURE 4.0
/* In short text (a word or two) the prior (training text and users, build_langid.py) counts this
 * much more: the evidence is thin, and a small language whose UI strings or UDHR repeat a word
 * should not take it from a big language that plainly has it. Held-out prose lines: 1 0.8534,
 * 1.5 0.8545, 2 0.8551, 3 0.8559; but all held-out lines of the small languages 0.9011, 0.8991,
 * 0.8964, 0.8914: 1.5 is the compromise. */
#define SHORT_PRIOR_SCALE 1.5f
#define LETTERS_FOR_HALF_CONFIDENCE 4.0

/* Weight of each feature order in the score (1..5-grams, word). A whole word is one feature
 * against a dozen overlapping n-grams; weighting it 5 was best on held-out training lines
 * (3 and 8 a little worse; n-gram weights other than 1 worse). */
static const int32_t order_weight[LID_ORDERS] = {1, 1, 1, 1, 1, 5};

/* In short text, the n-grams of a word the model knows (its word feature was found) count this
 * much: the word's own frequency is then the better evidence, and its ~30 overlapping n-grams
 * (not independent at all) otherwise outvote it; a word the model does not know keeps its
 * n-grams' full weight, they are all there is. Held-out prose lines (macro) 1: 0.8545, 0.625:
 * 0.8564, 0.5: 0.8566, 0.375: 0.8568, 0.25: 0.8566, 0: 0.8549; all held-out lines 0.8916 at 1 and
 * 0.5, 0.8912 at 0.25; lingua 0.8245 -> 0.8256 at 0.5 (single words +0.0016, pairs +0.0016). */
#define KNOWN_WORD_NGRAM_WEIGHT 0.5f
/* ...and when the text is that one word, this much (seventh round): nothing else is there to
 * outvote its n-grams, and a word the model knows is judged by its own frequency. Held-out prose
 * lines, single words (macro of all kinds): 0.5 0.7399 (0.8628), 0.25 0.7425 (0.8636), 0.125
 * 0.7420 (0.8633), 0 0.7425 (0.8635); with 1,000 lines a kind 0.7576, 0.7635, 0.7667, 0.7696;
 * all held-out lines 0.7753 (0.8928), 0.7756 (0.8928), 0.7759 (0.8930), 0.7740 (0.8923). Word
 * pairs keep 0.5 (0.375 and 0.625 were worse on the prose lines' pairs, 0.8692 and 0.8702 against
 * 0.8702, and 0.625 on all held-out pairs, 0.8984 against 0.8990). */
#define KNOWN_WORD_NGRAM_WEIGHT_ALONE 0.125f

/* In longer text, a word that starts with a capital and does not start a sentence (a name, or a
 * German noun) counts this much: news in any language is full of names, which are foreign to it
 * more often than not ("Mchezaji wa Manchester United Football Club, Wayne Rooney, alifunga bao"
 * was English). Not when such words are more than three quarters of the text (a headline in
 * title case, a German line of nouns). Eighth round: lingua sentences 0.9566 -> 0.9576 (Irish,
 * Latin, Yoruba, Basque, Shona lines with English names; a half without the three-quarter rule
 * 0.9577, 0.25 and 0.125 with it 0.9577 and 0.9578); the held-out lines (UI strings, help pages,
 * Tatoeba: few names) did not move at any weight, so the round half. */
#define NAME_WEIGHT 0.5f

/* Evidence is summed in two parts: that of whole words and of the n-grams of words the model
 * does not know ([0]), and that of the n-grams of known words in short text ([1]), which is
 * weighed by KNOWN_WORD_NGRAM_WEIGHT at the end; in long text part 1 holds the words that look
 * like names, weighed by NAME_WEIGHT. */
typedef struct acc {
    _Alignas(16) int16_t rows[2][LID_ROW_MAX]; /* sum of the dense rows found, not yet in gain */
    const lid_model *m;
    _Alignas(16) int32_t gain[2][LID_ROW_MAX]; /* sum of order_weight x q over the postings found */
    uint32_t found[LID_ORDERS];
    uint32_t n_rows[2];           /* dense rows summed in rows[] */
    int short_text;               /* at most LID_SHORT_BYTES: part 1 is known words, not names */
    int known;                    /* the current word goes to part 1: known (short text), a name */
    int used1;                    /* part 1 holds something (it is cleared when first used) */
    uint32_t words;               /* words of the text (the walk marks them) */
    uint32_t names;               /* long text: words that look like names (part 1) */
    const lid_text_info *ti;      /* the text's script, once the walk has seen all of it (the
                                   * last batch); script -1 before */
} acc;

/* rows[] holds 16-bit sums: at most this many rows of bytes (|q| <= 127) fit without overflow */
#define ROWS_BEFORE_FLUSH 256

static void flush_rows(acc *a, int part)
{
    for (uint32_t l = 0; l < a->m->n_langs; l++)
        a->gain[part][l] += a->rows[part][l];
    memset(a->rows[part], 0, sizeof a->rows[part]);
    a->n_rows[part] = 0;
}

static void add_rows(acc *a, int part, const int8_t *const *row, uint32_t n, uint32_t from,
                     uint32_t to)
{
    if (a->n_rows[part] + n > ROWS_BEFORE_FLUSH)
        flush_rows(a, part);
    a->n_rows[part] += n;
    lid_add_rows(a->rows[part], row, n, from, to, a->m->rows_fast);
}

/* Part 1 is cleared when first needed. */
static void clear_part1(acc *a)
{
    memset(a->gain[1], 0, sizeof(int32_t) * lid_row_bytes(a->m->n_langs));
    memset(a->rows[1], 0, lid_row_bytes(a->m->n_langs) * sizeof a->rows[1][0]);
    a->n_rows[1] = 0;
    a->used1 = 1;
}

/* Languages more than this many nats behind the best add nothing visible to the softmax sum. */
#define SOFTMAX_CUTOFF (12.0 * SOFTMAX_TEMPERATURE) /* e^-12: a hundred such add < 0.1% */

static void add_features(void *ud, const uint32_t *keys, const uint8_t *orders, size_t n)
{
    acc *a = ud;
    const lid_model *m = a->m;
    /* the stretch of the dense rows that the candidates read: all of it while the script is not
     * known yet; nothing at all when the script has one candidate or none (no score needed) */
    uint32_t from = 0, to = lid_row_bytes(m->n_langs);
    if (a->ti->script >= 0) {
        if (m->script_langs[a->ti->script] <= 1)
            return;
        from = m->script_lo[a->ti->script];
        to = m->script_hi[a->ti->script];
    }
    const lid_posting *far[512];
    uint8_t far_order[512], far_count[512], far_part[512];
    size_t nfar = 0;
    /* the dense rows found since the part last changed (they all go to part a->known) */
    const int8_t *dense[ROWS_BEFORE_FLUSH];
    uint32_t ndense = 0;
    for (size_t i = 0; i < n; i++) {
        if (orders[i] == 0) { /* a word starts; in long text, key 1: a name-like word */
            a->words++;
            const int next = a->short_text ? 0 : (int)(keys[i] & 1);
            if (a->known != next && ndense) {
                add_rows(a, a->known, dense, ndense, from, to);
                ndense = 0;
            }
            if (next && !a->used1)
                clear_part1(a);
            a->known = next;
            a->names += (uint32_t)next;
            continue;
        }
        const lid_slot *s = lid_lookup(orders[i] <= LID_LOW_MAX_N ? &m->low : &m->high, keys[i]);
        if (!s)
            continue;
        int o = orders[i] - 1;
        a->found[o]++;
        if (o == LID_ORDER_WORD - 1 && a->short_text) { /* a known word: n-grams to part 1 */
            if (ndense) {
                add_rows(a, a->known, dense, ndense, from, to);
                ndense = 0;
            }
            a->known = 1;
            if (!a->used1)
                clear_part1(a);
        }
        const int part = o == LID_ORDER_WORD - 1 && a->short_text ? 0 : a->known;
        uint32_t sc = s->start_count, count = sc & 0xFF;
        if (count == 1) {
            a->gain[part][(sc >> 8) & 0xFF] += order_weight[o] * (int8_t)(sc >> 16);
        } else if (count == LID_DENSE) { /* a common n-gram: every language's value */
            const int8_t *row = (const int8_t *)(const void *)(m->post + (sc >> 8));
            for (uint32_t b = from; b < to; b += 64)
                lid_prefetch(row + b);
            lid_prefetch(row + to - 1);
            for (int32_t w = 0; w < order_weight[o]; w++) { /* n-grams weigh 1: once */
                if (ndense == ROWS_BEFORE_FLUSH) {
                    add_rows(a, part, dense, ndense, from, to);
                    ndense = 0;
                }
                dense[ndense++] = row;
            }
        } else if (nfar < sizeof far / sizeof far[0]) {
            far[nfar] = m->post + (sc >> 8);
            lid_prefetch(far[nfar]);
            far_count[nfar] = (uint8_t)count;
            far_part[nfar] = (uint8_t)part;
            far_order[nfar++] = (uint8_t)o;
        }
    }
    if (ndense)
        add_rows(a, a->known, dense, ndense, from, to);
    for (size_t i = 0; i < nfar; i++) {
        int32_t *gain = a->gain[far_part[i]];
        const lid_posting *p = far[i];
        const int32_t w = order_weight[far_order[i]];
        if (w == 1) { /* the n-grams: no multiplication in the longest loop, unrolled */
            uint32_t j = 0, cnt = far_count[i];
            for (; j + 4 <= cnt; j += 4) {
                gain[p[j].lang] += p[j].q;
                gain[p[j + 1].lang] += p[j + 1].q;
                gain[p[j + 2].lang] += p[j + 2].q;
                gain[p[j + 3].lang] += p[j + 3].q;
            }
            for (; j < cnt; j++)
                gain[p[j].lang] += p[j].q;
        } else
            for (uint32_t j = 0; j < far_count[i]; j++)
                gain[p[j].lang] += w * p[j].q;
    }
}

/* e^x for x <= 0, to about 1e-4 relative: enough for a confidence, and the softmax sum over a
 * hundred candidates of every short line no longer costs more than its lookups. */
static double fast_exp(double x)
{
    if (x < -700.0)
        return 0.0;
    /* e^x = 2^(x log2 e) = 2^i * 2^f, f in [0, 1) by a cubic fit */
    double t = x * 1.4426950408889634;
    double fi = (double)(int64_t)t; /* floor without a libm call: t is in [-1010, 0] */
    if (fi > t)
        fi -= 1.0;
    double f = t - fi;
    double p = 1.0 + f * (0.6958665 + f * (0.2262560 + f * 0.0779218));
    union {
        uint64_t u;
        double d;
    } two_i; /* 2^fi built from its exponent bits: fi >= -1010, a normal number */
    two_i.u = (uint64_t)((int64_t)fi + 1023) << 52;
    return p * two_i.d;
}

#if defined(LID_SSE2)
/* gain + rows of part p for the eight languages from l, as two vectors of 32-bit sums */
static inline void sums8(const acc *a, int p, uint32_t l, __m128i *lo, __m128i *hi)
{
    __m128i rows = _mm_load_si128((const __m128i *)(const void *)(a->rows[p] + l));
    *lo = _mm_srai_epi32(_mm_unpacklo_epi16(rows, rows), 16); /* sign-extended */
    *hi = _mm_srai_epi32(_mm_unpackhi_epi16(rows, rows), 16);
    *lo = _mm_add_epi32(*lo, _mm_load_si128((const __m128i *)(const void *)(a->gain[p] + l)));
    *hi = _mm_add_epi32(*hi, _mm_load_si128((const __m128i *)(const void *)(a->gain[p] + l + 4)));
}
#endif

/* score[l] = bias[l] * prior + (gain[0][l] + rows[0][l]) * scale for the languages in
 * [from, to), plus (gain[1][l] + rows[1][l]) * scale1 when the text is short (the n-grams of
 * known words), eight at a time where SSE2 is there (the same float operations as one at a
 * time, so the same values): cheaper than picking the candidates' gains out one by one. */
static void all_scores(const lid_model *m, const acc *a, float prior, float scale, float scale1,
                       float *score, uint32_t from, uint32_t to)
{
#if defined(LID_SSE2)
    const __m128 vprior = _mm_set1_ps(prior);
    const __m128 vscale = _mm_set1_ps(scale);
    const __m128 vscale1 = _mm_set1_ps(scale1);
    for (uint32_t l = from; l < to; l += 8) {
        __m128i lo, hi;
        sums8(a, 0, l, &lo, &hi);
        __m128 slo = _mm_add_ps(_mm_mul_ps(_mm_load_ps(m->bias + l), vprior),
                                _mm_mul_ps(_mm_cvtepi32_ps(lo), vscale));
        __m128 shi = _mm_add_ps(_mm_mul_ps(_mm_load_ps(m->bias + l + 4), vprior),
                                _mm_mul_ps(_mm_cvtepi32_ps(hi), vscale));
        if (a->used1) {
            sums8(a, 1, l, &lo, &hi);
            slo = _mm_add_ps(slo, _mm_mul_ps(_mm_cvtepi32_ps(lo), vscale1));
            shi = _mm_add_ps(shi, _mm_mul_ps(_mm_cvtepi32_ps(hi), vscale1));
        }
        _mm_storeu_ps(score + l, slo);
        _mm_storeu_ps(score + l + 4, shi);
    }
#else
    for (uint32_t l = from; l < to; l++) {
        score[l] = m->bias[l] * prior + (float)(a->gain[0][l] + a->rows[0][l]) * scale;
        if (a->used1)
            score[l] = score[l] + (float)(a->gain[1][l] + a->rows[1][l]) * scale1;
    }
#endif
}

/* The largest of score[from..to) (whole blocks of 16). */
static float range_max(const float *score, uint32_t from, uint32_t to)
{
#if defined(LID_SSE2)
    /* four running maxima: one would wait for the last maxps each step */
    __m128 m0 = _mm_set1_ps(-INFINITY), m1 = m0, m2 = m0, m3 = m0;
    for (uint32_t l = from; l < to; l += 16) {
        m0 = _mm_max_ps(m0, _mm_loadu_ps(score + l));
        m1 = _mm_max_ps(m1, _mm_loadu_ps(score + l + 4));
        m2 = _mm_max_ps(m2, _mm_loadu_ps(score + l + 8));
        m3 = _mm_max_ps(m3, _mm_loadu_ps(score + l + 12));
    }
    __m128 mx = _mm_max_ps(_mm_max_ps(m0, m1), _mm_max_ps(m2, m3));
    mx = _mm_max_ps(mx, _mm_shuffle_ps(mx, mx, _MM_SHUFFLE(1, 0, 3, 2)));
    mx = _mm_max_ps(mx, _mm_shuffle_ps(mx, mx, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtss_f32(mx);
#else
    float mx = -INFINITY;
    for (uint32_t l = from; l < to; l++)
        if (score[l] > mx)
            mx = score[l];
    return mx;
#endif
}

/* Set bit file_pos[l] of near for each l in [from, to) whose score is above the cutoff. */
static void mark_above(const lid_model *m, const float *score, uint32_t from, uint32_t to,
                       float cutoff, uint64_t *near)
{
#if defined(LID_SSE2)
    const __m128 cut = _mm_set1_ps(cutoff);
    for (uint32_t l = from; l < to; l += 16) { /* sixteen a step: few are above */
        int above = _mm_movemask_ps(_mm_cmpgt_ps(_mm_loadu_ps(score + l), cut)) |
                    _mm_movemask_ps(_mm_cmpgt_ps(_mm_loadu_ps(score + l + 4), cut)) << 4 |
                    _mm_movemask_ps(_mm_cmpgt_ps(_mm_loadu_ps(score + l + 8), cut)) << 8 |
                    _mm_movemask_ps(_mm_cmpgt_ps(_mm_loadu_ps(score + l + 12), cut)) << 12;
        for (; above; above &= above - 1) {
            const uint32_t f = m->file_pos[l + (uint32_t)lid_ctz64((uint64_t)above)];
            near[f / 64] |= (uint64_t)1 << (f % 64);
        }
    }
#else
    for (uint32_t l = from; l < to; l++)
        if (score[l] > cutoff)
            near[m->file_pos[l] / 64] |= (uint64_t)1 << (m->file_pos[l] % 64);
#endif
}

static void set_und(dm_lang_guess *out, size_t k, size_t *n)
{
    if (k == 0) {
        *n = 0;
        return;
    }
    memset(&out[0], 0, sizeof out[0]);
    strcpy(out[0].code, "und");
    out[0].score = 0.0;
    *n = 1;
}

/* How sure a text of this many letters of this script can make us. A Chinese character is a
 * syllable and mostly a word, a kana or a Hangul block a syllable: each says as much as two or
 * three Latin letters (一 or 中国 alone is Chinese as surely as "the" is English), and counting
 * them as one letter each made two-character Chinese lines 0.1 sure and right 95% of the time. */
static double length_factor(uint32_t letters, int script)
{
    double per = script == DM_SCRIPT_HAN ? 3.0
                 : script == DM_SCRIPT_HANGUL || script == DM_SCRIPT_HIRAGANA || script == DM_SCRIPT_KATAKANA
                     ? 2.0
                     : 1.0;
    return 1.0 - exp(-(double)letters * per / LETTERS_FOR_HALF_CONFIDENCE * 0.6931);
}

dm_status lid_identify(dm_ctx *ctx, lid_model *m, const char *text, size_t len,
                       dm_lang_guess *out, size_t k, size_t *n, lid_text_info *info)
{
    (void)ctx;
    acc a;
    a.m = m;
    /* short as its NFC form is: a precomposed nukta letter is 3 bytes, the NFC ones 6 */
    a.short_text = len <= LID_SHORT_BYTES && lid_nfc_bytes(text, len) <= LID_SHORT_BYTES;
    const int min_n = a.short_text ? LID_SHORT_MIN_N : LID_MIN_N;
    const int max_n = a.short_text ? LID_MAX_N : LID_LONG_MAX_N;
    const int first = min_n - 1;
    a.words = 0;
    a.names = 0;
    a.known = 0;
    a.used1 = 0;
    memset(a.gain[0], 0, sizeof(int32_t) * lid_row_bytes(m->n_langs));
    memset(a.rows[0], 0, lid_row_bytes(m->n_langs) * sizeof a.rows[0][0]);
    a.n_rows[0] = 0;
    memset(a.found, 0, sizeof a.found);
    lid_text_info ti = {-1, 0};
    a.ti = &ti;
    /* The script must be known before looking features up; a first pass that only counts
     * letters is cheap, but one pass that collects everything is cheaper: the gains of the
     * languages of other scripts are computed and ignored. */
    lid_features(m, text, len, min_n, max_n, add_features, &a, &ti);
    if (info)
        *info = ti;
    *n = 0;
    const uint8_t *cand = m->candidates[ti.script];
    const uint32_t nc = m->script_langs[ti.script];
    if (ti.letters == 0 || nc == 0) {
        set_und(out, k, n);
        return DM_OK;
    }
    if (k == 0)
        return DM_OK;
    if (nc == 1) {
        const lid_lang *g = &m->langs[m->script_only[ti.script]];
        memset(&out[0], 0, sizeof out[0]);
        strcpy(out[0].code, g->code);
        out[0].score = length_factor(ti.letters * 2, ti.script);
        *n = 1;
        return DM_OK;
    }
    /* score = bias + sum over found features of their gains (see build_langid.py); the answer
     * is among the candidates: the allowed languages of the text's script */
    uint32_t nfound = 0;
    for (int o = first; o < LID_ORDERS; o++)
        nfound += a.found[o];
    /* Letters of a script the model has no language for (Tifinagh, Cherokee, Syriac...) are
     * "other", as are those of the two it has (Ol Chiki: Santali, Meitei Mayek: Manipuri): with
     * not one feature known, such a text is in none of them, and the prior would only guess. */
    if (ti.script == DM_SCRIPT_OTHER && nfound == 0) {
        set_und(out, k, n);
        return DM_OK;
    }
    /* not one feature known (letters of the right script only): the bias decides */
    const float gain_scale = nfound ? 1.0f / m->qscale : 0.0f;
    if (m->any_delta && nfound) /* not in the shipped model: per-order constants of a language */
        for (uint32_t l = 0; l < m->n_langs; l++)
            for (int o = first; o < LID_ORDERS && m->langs[l].has_delta; o++)
                a.gain[0][l] += (int32_t)lrintf(order_weight[o] * (float)a.found[o] *
                                             m->langs[l].delta[o] * m->qscale);
    /* the dense rows' sums are still in a.rows: added here instead of being moved into a.gain */
    const uint32_t lo = m->script_lo[ti.script], hi = m->script_hi[ti.script];
    float score[LID_ROW_MAX];
    const float prior_scale = a.short_text ? SHORT_PRIOR_SCALE : 1.0f;
    /* part 1's weight: known words in short text, names in longer text (unless most of it) */
    float known_weight = a.words == 1 ? KNOWN_WORD_NGRAM_WEIGHT_ALONE : KNOWN_WORD_NGRAM_WEIGHT;
    if (!a.short_text)
        known_weight = a.names * 4 > a.words * 3 ? 1.0f : NAME_WEIGHT;
    all_scores(m, &a, prior_scale, gain_scale, gain_scale * known_weight, score, lo, hi);
    for (uint32_t j = 0; j < m->script_nout[ti.script]; j++) /* not candidates: never chosen */
        score[m->script_out[ti.script][j]] = -INFINITY;
    const float best = range_max(score, lo, hi);
    /* the softmax sums the candidates within the cutoff of the best in the file's order, and the
     * answer is the first of them that scores best: that order is a bit set, filled here */
    const float cutoff = best - (float)SOFTMAX_CUTOFF;
    uint64_t near[LID_ROW_MAX / 64] = {0};
    mark_above(m, score, lo, hi, cutoff, near);
    double z = 0;
    int best_l = -1;
    for (uint32_t w = 0; w < LID_ROW_MAX / 64; w++)
        for (uint64_t bits = near[w]; bits; bits &= bits - 1) {
            const uint32_t l = m->file_lang[w * 64 + (uint32_t)lid_ctz64(bits)];
            if (best_l < 0 && score[l] == best)
                best_l = (int)l;
            z += fast_exp((score[l] - best) * (1.0 / SOFTMAX_TEMPERATURE));
        }
    double lf = length_factor(ti.letters, ti.script) * (nfound ? 1.0 : 0.25);
    size_t r0 = 0;
    const int group = m->macro_on && best_l >= 0 ? m->langs[best_l].macro : 0;
    if (group) { /* the best member's share of its group (macro.c) */
        double mass = 0;
        for (uint32_t c = 0; c < nc; c++)
            if (m->langs[cand[c]].macro == group && score[cand[c]] > cutoff)
                mass += fast_exp((score[cand[c]] - best) * (1.0 / SOFTMAX_TEMPERATURE));
        if (1.0 / mass < LID_MACRO_SHARE) {
            memset(&out[0], 0, sizeof out[0]);
            strcpy(out[0].code, lid_macro_code(group));
            out[0].score = mass / z * lf;
            r0 = 1, *n = 1; /* then the languages, members included, as always */
        }
    }
    /* the k best by selection: k is small */
    for (size_t r = r0; r < k; r++) {
        int arg = r == 0 ? best_l : -1; /* the best is known already */
        for (uint32_t c = 0; c < nc && r > 0; c++) /* ties: the first in the file's order */
            if (score[cand[c]] > -INFINITY && (arg < 0 || score[cand[c]] > score[arg]))
                arg = cand[c];
        if (arg < 0)
            break;
        memset(&out[r], 0, sizeof out[r]);
        strcpy(out[r].code, m->langs[arg].code);
        out[r].score = fast_exp((score[arg] - best) * (1.0 / SOFTMAX_TEMPERATURE)) / z * lf;
        score[arg] = -INFINITY;
        (*n)++;
    }
    return DM_OK;
}

dm_status dm_langid(dm_ctx *ctx, const char *text, size_t len, dm_lang_guess *out, size_t k,
                    size_t *n)
{
    if (!ctx || (!text && len) || (!out && k) || !n)
        return dm_fail(ctx, DM_EINVAL, "dm_langid: missing argument");
    *n = 0;
    lid_model *m;
    dm_status st = lid_model_get(ctx, &m);
    if (st != DM_OK)
        return st;
    return lid_identify(ctx, m, text ? text : "", len, out, k, n, NULL);
}

/* The context's model for the settings below (loaded on first use). */
static dm_status settings_model(dm_ctx *ctx, lid_model **m)
{
    return ctx ? lid_model_get(ctx, m) : DM_EINVAL;
}

dm_status dm_langid_restrict(dm_ctx *ctx, const char *codes)
{
    lid_model *m;
    dm_status st = settings_model(ctx, &m);
    if (st != DM_OK)
        return st;
    if (!codes || !*codes) {
        memset(m->allowed, 1, sizeof m->allowed);
        lid_update_candidates(m);
        return DM_OK;
    }
    uint8_t allowed[LID_MAX_LANGS] = {0};
    const char *p = codes;
    while (*p) {
        while (*p == ',' || *p == ' ' || *p == '+')
            p++;
        const char *e = p;
        while (*e && *e != ',' && *e != ' ' && *e != '+')
            e++;
        if (e > p) {
            int l = lid_lang_index(m, p, (size_t)(e - p));
            int group = l < 0 ? lid_macro_of(p, (size_t)(e - p)) : 0;
            for (uint32_t i = 0; group && i < m->n_langs; i++)
                if (m->langs[i].macro == group)
                    allowed[i] = 1, l = (int)i;
            if (l < 0)
                return dm_fail(ctx, DM_EINVAL, "unknown language code '%.*s'", (int)(e - p), p);
            allowed[l] = 1;
        }
        p = e;
    }
    memcpy(m->allowed, allowed, sizeof allowed);
    lid_update_candidates(m);
    return DM_OK;
}

dm_status dm_langid_macrolanguages(dm_ctx *ctx, int on)
{
    lid_model *m;
    dm_status st = settings_model(ctx, &m);
    if (st == DM_OK)
        m->macro_on = on != 0;
    return st;
}

size_t dm_langid_languages(dm_ctx *ctx, const char **codes, size_t cap)
{
    lid_model *m;
    if (!ctx || lid_model_get(ctx, &m) != DM_OK)
        return 0;
    for (uint32_t f = 0; f < m->n_langs && f < cap; f++) /* in the file's order */
        codes[f] = m->langs[m->file_lang[f]].code;
    return m->n_langs;
}
