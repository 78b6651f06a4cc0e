/*
 * identify.c -- the language of a text: script first, then naive Bayes over the features.
 *
 * A script that only one candidate language is written in (Greek, Armenian, Georgian, Hangul,
 * Thai...) settles the answer without looking anything up. Otherwise each feature found in the
 * model adds log P(feature | language) to every candidate written in the text's script; features
 * no language knows carry no evidence and are skipped. Scores become confidences with a softmax
 * (tempered, because overlapping n-grams are far from independent) times a factor that grows with
 * the number of letters, so that one short word never looks certain.
 */
#include "langid/langid.h"

#include <math.h>
#include <string.h>

#define SOFTMAX_TEMPERATURE 4.0
#define LETTERS_FOR_HALF_CONFIDENCE 4.0

/* Weight of each feature order in the score (1..5-grams, word). A whole word is one feature
 * against a dozen overlapping n-grams; weighting it 3 was best on held-out training lines. */
static const float order_weight[LID_ORDERS] = {1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 3.0f};

typedef struct acc {
    const lid_model *m;
    int32_t gain[LID_ORDERS][LID_MAX_LANGS]; /* only orders LID_MIN_N.. are used */
    uint32_t found[LID_ORDERS];
} acc;

#define FIRST_ORDER (LID_MIN_N - 1)
/* Languages more than this many nats behind the best add nothing visible to the softmax sum. */
#define SOFTMAX_CUTOFF (40.0 * SOFTMAX_TEMPERATURE)

static void add_features(void *ud, const uint32_t *keys, const uint8_t *orders, size_t n)
{
    acc *a = ud;
    const lid_model *m = a->m;
    for (size_t i = 0; i < n; i++)
        __builtin_prefetch(&m->table[keys[i] >> m->shift]);
    const lid_posting *far[512];
    uint8_t far_order[512], far_count[512];
    size_t nfar = 0;
    for (size_t i = 0; i < n; i++) {
        const lid_slot *s = lid_lookup(m, keys[i]);
        if (!s)
            continue;
        int o = orders[i] - 1;
        a->found[o]++;
        uint32_t sc = s->start_count, count = sc & 0xFF;
        if (count == 1) {
            a->gain[o][(sc >> 8) & 0xFF] += (int8_t)(sc >> 16);
        } else if (nfar < sizeof far / sizeof far[0]) {
            far[nfar] = m->post + (sc >> 8);
            __builtin_prefetch(far[nfar]);
            far_count[nfar] = (uint8_t)count;
            far_order[nfar++] = (uint8_t)o;
        }
    }
    for (size_t i = 0; i < nfar; i++) {
        const lid_posting *p = far[i];
        int32_t *gain = a->gain[far_order[i]];
        for (uint32_t j = 0; j < far_count[i]; j++)
            gain[p[j].lang] += p[j].q;
    }
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

static double length_factor(uint32_t letters)
{
    return 1.0 - exp(-(double)letters / LETTERS_FOR_HALF_CONFIDENCE * 0.6931);
}

dm_status lid_identify(dm_ctx *ctx, lid_model *m, const char *text, size_t len,
                       dm_lang_guess *out, size_t k, size_t *n, lid_text_info *info)
{
    (void)ctx;
    acc a;
    a.m = m;
    for (int o = FIRST_ORDER; o < LID_ORDERS; o++)
        memset(a.gain[o], 0, sizeof(int32_t) * m->n_langs);
    memset(a.found, 0, sizeof a.found);
    lid_text_info ti;
    /* The script must be known before looking features up; a first pass that only counts
     * letters is cheap, but one pass that collects everything is cheaper: the gains of the
     * languages of other scripts are computed and ignored. */
    lid_features(m, text, len, add_features, &a, &ti);
    if (info)
        *info = ti;
    *n = 0;
    if (ti.letters == 0 || m->script_langs[ti.script] == 0) {
        set_und(out, k, n);
        return DM_OK;
    }
    if (k == 0)
        return DM_OK;
    if (m->script_langs[ti.script] == 1) {
        const lid_lang *g = &m->langs[m->script_only[ti.script]];
        memset(&out[0], 0, sizeof out[0]);
        strcpy(out[0].code, g->code);
        out[0].score = length_factor(ti.letters * 2);
        *n = 1;
        return DM_OK;
    }
    /* score = sum over found features of log P(f|l) = found[o] * unseen[o] + gains */
    double best = -INFINITY;
    double score[LID_MAX_LANGS];
    uint32_t bit = 1u << ti.script;
    for (uint32_t l = 0; l < m->n_langs; l++) {
        if (!m->allowed[l] || !(m->langs[l].scripts & bit)) {
            score[l] = -INFINITY;
            continue;
        }
        double s = m->langs[l].bias;
        for (int o = FIRST_ORDER; o < LID_ORDERS; o++)
            s += order_weight[o] * ((double)a.found[o] * m->langs[l].delta[o] +
                                    a.gain[o][l] / (double)m->qscale);
        score[l] = s;
        if (s > best)
            best = s;
    }
    uint32_t nfound = 0;
    for (int o = 0; o < LID_ORDERS; o++)
        nfound += a.found[o];
    if (nfound == 0) {
        /* letters of the right script, but not one feature known: guess by the script alone */
        for (uint32_t l = 0; l < m->n_langs; l++)
            if (score[l] > -INFINITY)
                score[l] = m->langs[l].bias;
        best = -INFINITY;
        for (uint32_t l = 0; l < m->n_langs; l++)
            if (score[l] > best)
                best = score[l];
    }
    double z = 0;
    for (uint32_t l = 0; l < m->n_langs; l++)
        if (score[l] > best - SOFTMAX_CUTOFF)
            z += exp((score[l] - best) / SOFTMAX_TEMPERATURE);
    double lf = length_factor(ti.letters) * (nfound ? 1.0 : 0.25);
    /* the k best by selection: k is small */
    for (size_t r = 0; r < k; r++) {
        int arg = -1;
        for (uint32_t l = 0; l < m->n_langs; l++)
            if (score[l] > -INFINITY && (arg < 0 || score[l] > score[arg]))
                arg = (int)l;
        if (arg < 0)
            break;
        memset(&out[r], 0, sizeof out[r]);
        strcpy(out[r].code, m->langs[arg].code);
        out[r].score = exp((score[arg] - best) / SOFTMAX_TEMPERATURE) / z * lf;
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

dm_status dm_langid_restrict(dm_ctx *ctx, const char *codes)
{
    if (!ctx)
        return DM_EINVAL;
    lid_model *m;
    dm_status st = lid_model_get(ctx, &m);
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

size_t dm_langid_languages(dm_ctx *ctx, const char **codes, size_t cap)
{
    lid_model *m;
    if (!ctx || lid_model_get(ctx, &m) != DM_OK)
        return 0;
    for (uint32_t l = 0; l < m->n_langs && l < cap; l++)
        codes[l] = m->langs[l].code;
    return m->n_langs;
}
