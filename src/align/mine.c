/*
 * mine.c -- parallel sentence mining (dm_mine): for each src sentence, its translation among
 * all tgt sentences.
 *
 * The same evidence as alignment (forms, name keys across scripts, numbers, stems, lexicon
 * pivots), with no order to lean on, and translations learned from the input with their
 * probabilities (mine_ttable.c):
 *   candidates: an inverted index from concepts to tgt sentences; each src sentence adds the
 *     weights of its tokens (and of their learned translations) over the postings, and only the
 *     best few candidates are scored exactly;
 *   similarity: the share of the token weight of both sentences that finds a counterpart on the
 *     other side (a shared concept counts 1, a learned translation its probability), less a
 *     length mismatch;
 *   margin: CSLS, 2 sim(x,y) - r(x) - r(y), r the mean similarity of each side's nearest
 *     neighbours, so that hub sentences that resemble everything do not win everywhere;
 *   assignment: a tgt sentence translates one src sentence, so src sentences that want the same
 *     one are settled jointly (mine_assign.c) unless the caller asks for independent answers;
 *   learning: the surest pairs of a round train Model 1 in both directions; the next round
 *     scores with the translations learned, and so on;
 *   both ways (opt->mine_both_ways, `--both-ways`): up to BIDIR_MAX lines a side, the whole is
 *     done again with the sides swapped, and the final assignment takes the mean of the two
 *     margins of each pair.
 */
#include "align/mine_internal.h"
#include "align/align_lexicon.h"
#include "text/text.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CAND 160  /* candidates scored exactly per src sentence */
#define N_NEIGH 4     /* nearest neighbours in the CSLS margin */
#define MAX_TOK 64    /* tokens of a sentence that take part in the similarity */
#define ROUNDS 10     /* one without learned translations, then with */
#define N_ORDER 8     /* bins of the distance of a link's tokens in relative position */
#define MAX_TRAIN 200000 /* training pairs kept per round (memory stays bounded) */
#define MAX_REL 6     /* lexicons of near languages */
#define BIDIR_MAX 20000 /* lines a side up to which the miner also mines the other way */
/* Share of its pivots a language's own lexicon finds in the surest pairs' translations (0.39 -
 * 0.62 measured on mine-tatoeba and UDHR paragraphs): what a near lexicon is held against when
 * the language has no lexicon of its own. */
#define OWN_HITS 0.5

/* The translation tables: learned from the input (Model 1) between forms, between truncated
 * forms, from the ends of src words to truncated tgt forms; and from the lexicon, a src form to
 * the truncated forms of its English pivots (so "mort" -> "death" meets "dead"). */
enum { MT_FORM, MT_PREFIX, MT_SUFFIX, MT_PIVOT, MT_COUNT };

typedef struct miner {
    al_env env;
    al_doc src, tgt;
    size_t n, m;
    double ratio;    /* tgt chars per src char */
    uint8_t *src_end, *tgt_end; /* how each sentence ends (mn_end_class) */
    double punct_w;  /* cost of two different ends */
    double len_w;    /* weight of the length mismatch */
    /* word translations with a score, by the view of the src token they are looked up with */
    mn_ttable tab[MT_COUNT];
    uint32_t *key[MT_COUNT]; /* per src token: its key in tab[m] (NULL: its form) */
    uint32_t *tgt_tr;        /* per tgt token: its truncated form */
    /* inverted index of tgt concepts */
    uint32_t *post_off, *post;
    size_t ncap;
    size_t stride;   /* candidates per src sentence */
    uint32_t *cj;    /* candidates */
    float *csim, *cmarg;
    uint32_t *ncand;
    /* per concept: which tokens of the current tgt sentence have it (when stamp == cur) */
    uint32_t *stamp;
    uint64_t *tmask;
    uint32_t cur;
    /* developer overrides (DM_MINE_TUNE) */
    double none_value;
    int rounds;
    double pexp;       /* learned probability p counts p^pexp */
    int min_occ, min_cooc;
    double min_score;
    int em_iters;
    double trunc_w;
    double pivot_w;
    double sib_w;      /* pivots of a lexicon word sharing the stem (mine_siblings.c) */
    int max_per;
    int clitics;
    int soft;
    double key_w;      /* a match of name keys only (two words may share a consonant skeleton) */
    uint8_t *is_key;   /* per concept: a name key */
    float order_w[N_ORDER]; /* a link's weight by its distance in relative position */
    int order_on;
    int affix_stems;   /* Arabic, Hebrew, Persian stems for words the lexicon lacks (mine_affixes.c) */
    double train_order; /* Model 1 trains with the order prior to this power (Model 2) */
    double order_mix;  /* how far the order weights go from 1 */
    double order_g;
    double extra_w;    /* pivots of a near language's lexicon count at most this (mine_related.c) */
    mn_ttable rel_tab[MAX_REL]; /* their pivots for the words the own lexicon lacks */
    float rel_w[MAX_REL];       /* what each counts: as often right as the own lexicon's, extra_w */
    int nrel;
    mn_ttable own_tab;          /* the own lexicon's pivots, to measure that against */
    double related_share;
    double rel_init;   /* near lexicons' weight in the first round, with no own lexicon */
    char near[8][8];   /* languages near the src language */
    size_t nnear;
} miner;

static void miner_free(miner *x)
{
    al_doc_free(&x->src);
    al_doc_free(&x->tgt);
    for (int t = 0; t < MT_COUNT; t++) {
        mn_ttable_free(&x->tab[t]);
        free(x->key[t]);
    }
    free(x->tgt_tr);
    free(x->src_end);
    free(x->tgt_end);
    free(x->post_off);
    free(x->post);
    free(x->cj);
    free(x->csim);
    free(x->cmarg);
    free(x->ncand);
    free(x->stamp);
    free(x->tmask);
    free(x->is_key);
    for (int e = 0; e < x->nrel; e++)
        mn_ttable_free(&x->rel_tab[e]);
    mn_ttable_free(&x->own_tab);
    al_env_free(&x->env);
}

static dm_status build_index(miner *x)
{
    size_t cap = al_vocab_size(x->env.voc) + 1;
    x->ncap = cap;
    x->post_off = calloc(cap + 1, sizeof *x->post_off);
    uint32_t *last = malloc(cap * sizeof *last);
    uint32_t *fill = NULL;
    dm_status st = DM_ENOMEM;
    if (!x->post_off || !last)
        goto done;
    /* count each concept once per sentence, then fill */
    for (int pass = 0; pass < 2; pass++) {
        memset(last, 0xff, cap * sizeof *last);
        if (pass) {
            for (size_t c = 0; c < cap; c++)
                x->post_off[c + 1] += x->post_off[c];
            x->post = malloc((x->post_off[cap] ? x->post_off[cap] : 1) * sizeof *x->post);
            fill = malloc(cap * sizeof *fill);
            if (!x->post || !fill)
                goto done;
            memcpy(fill, x->post_off, cap * sizeof *fill);
        }
        for (size_t j = 0; j < x->m; j++) {
            const al_sent *s = &x->tgt.sent[j];
            for (uint32_t k = 0; k < s->ntok; k++) {
                const al_tok *t = &x->tgt.tok[s->tok0 + k];
                for (uint16_t q = 0; q < t->nc; q++) {
                    uint32_t c = x->tgt.conc[t->c0 + q];
                    if (last[c] == (uint32_t)j)
                        continue;
                    last[c] = (uint32_t)j;
                    if (pass)
                        x->post[fill[c]++] = (uint32_t)j;
                    else
                        x->post_off[c + 1]++;
                }
            }
        }
    }
    st = DM_OK;
done:
    free(last);
    free(fill);
    return st;
}

/* Mark the concepts of tgt sentence j with the tokens that carry them. */
static void set_target(miner *x, size_t j)
{
    if (++x->cur == 0) {
        memset(x->stamp, 0, x->ncap * sizeof *x->stamp);
        x->cur = 1;
    }
    const al_sent *s = &x->tgt.sent[j];
    uint32_t nt = s->ntok < MAX_TOK ? s->ntok : MAX_TOK;
    for (uint32_t k = 0; k < nt; k++) {
        const al_tok *t = &x->tgt.tok[s->tok0 + k];
        for (uint16_t q = 0; q < t->nc; q++) {
            uint32_t c = x->tgt.conc[t->c0 + q];
            if (x->stamp[c] != x->cur) {
                x->stamp[c] = x->cur;
                x->tmask[c] = 0;
            }
            x->tmask[c] |= 1ull << k;
        }
    }
}

static inline void raise_bits(float *tb, uint64_t mask, float v)
{
    while (mask) {
        int b = __builtin_ctzll(mask);
        mask &= mask - 1;
        if (tb[b] < v)
            tb[b] = v;
    }
}

/* Translations of src token `tok` in table t. */
static size_t translations(const miner *x, int t, size_t tok, const uint32_t **te, const float **tp)
{
    uint32_t k = x->key[t] ? x->key[t][tok] : x->src.tok[tok].form;
    return k == AL_NONE ? 0 : mn_ttable_get(&x->tab[t], k, te, tp);
}

typedef struct scored {
    double v;
    uint32_t i;
} scored;

/* Which bin of relative-position distance a link falls in (mn_order_bin). */
static int order_bin(uint32_t k, uint32_t ns, uint32_t l, uint32_t nt)
{
    return mn_order_bin(k, ns, l, nt, N_ORDER);
}

/* How well src token k of sentence i and tgt token l of the sentence set by set_target
 * translate each other: v[k][l] (a shared concept 1, a name key alone key_w, a table entry its
 * score). *ns, *nt: the tokens taken part. */
static void link_values(const miner *x, size_t i, size_t j, float (*v)[MAX_TOK], uint32_t *ns_out,
                        uint32_t *nt_out)
{
    const al_sent *s = &x->src.sent[i], *t = &x->tgt.sent[j];
    uint32_t ns = s->ntok < MAX_TOK ? s->ntok : MAX_TOK;
    uint32_t nt = t->ntok < MAX_TOK ? t->ntok : MAX_TOK;
    for (uint32_t k = 0; k < ns; k++) {
        const al_tok *a = &x->src.tok[s->tok0 + k];
        float *row = v[k];
        memset(row, 0, nt * sizeof *row);
        uint64_t mask = 0, kmask = 0;
        for (uint16_t q = 0; q < a->nc; q++) {
            uint32_t c = x->src.conc[a->c0 + q];
            if (c < x->ncap && x->stamp[c] == x->cur) {
                if (x->is_key[c])
                    kmask |= x->tmask[c];
                else
                    mask |= x->tmask[c];
            }
        }
        raise_bits(row, mask, 1);
        raise_bits(row, kmask & ~mask, (float)x->key_w);
        for (int m = 0; m < MT_COUNT; m++) {
            const uint32_t *te;
            const float *tp;
            size_t ne = translations(x, m, s->tok0 + k, &te, &tp);
            for (size_t q = 0; q < ne; q++)
                if (te[q] < x->ncap && x->stamp[te[q]] == x->cur)
                    raise_bits(row, x->tmask[te[q]], tp[q]);
        }
        for (int e = 0; e < x->nrel; e++) {
            const uint32_t *te;
            const float *tp;
            size_t ne = x->rel_w[e] > 0 ? mn_ttable_get(&x->rel_tab[e], a->form, &te, &tp) : 0;
            for (size_t q = 0; q < ne; q++)
                if (te[q] < x->ncap && x->stamp[te[q]] == x->cur)
                    raise_bits(row, x->tmask[te[q]], x->rel_w[e] * tp[q]);
        }
    }
    *ns_out = ns;
    *nt_out = nt;
}

/* Similarity of src i with the tgt sentence set by set_target (j): the weight of the tokens of
 * both sentences that find a counterpart, each its best link, a link weighed by how likely its
 * distance in relative position is (order_w, learned from the surest pairs: word order is
 * evidence even across languages, and says how much by the pair of languages). */
static float similarity(const miner *x, size_t i, size_t j)
{
    const al_sent *s = &x->src.sent[i], *t = &x->tgt.sent[j];
    float v[MAX_TOK][MAX_TOK];
    float tb[MAX_TOK] = {0};
    double cov_s = 0, ws = 0, wt = 0, cov_t = 0;
    uint32_t ns, nt;
    link_values(x, i, j, v, &ns, &nt);
    for (uint32_t k = 0; k < ns; k++) {
        float best = 0;
        for (uint32_t l = 0; l < nt; l++) {
            float e = v[k][l];
            if (e > 0 && x->order_on)
                e *= x->order_w[order_bin(k, ns, l, nt)];
            if (e > best)
                best = e;
            if (e > tb[l])
                tb[l] = e;
        }
        const al_tok *a = &x->src.tok[s->tok0 + k];
        cov_s += a->w * best;
        ws += a->w;
    }
    for (uint32_t l = 0; l < nt; l++) {
        float w = x->tgt.tok[t->tok0 + l].w;
        cov_t += w * tb[l];
        wt += w;
    }
    double sim = (cov_s + cov_t) / (ws + wt + 1.0);
    double ls = s->nchar + 1.0, lt = t->nchar + 1.0;
    sim -= x->len_w * fabs(log(lt / (x->ratio * ls)));
    if (x->src_end[i] != x->tgt_end[j])
        sim -= x->punct_w;
    return (float)sim;
}

/* The order weights from the surest pairs: how much likelier a strong link (the best of its src
 * token, 0.5 or more) falls at each distance than a link to any tgt token would, scaled so the
 * likeliest distance weighs 1 and mixed with 1 by order_mix. */
static void learn_order(miner *x, const scored *sc, size_t ns_pairs, const size_t *best)
{
    double obs[N_ORDER] = {0}, any[N_ORDER] = {0}, no = 0, na = 0;
    float v[MAX_TOK][MAX_TOK];
    for (size_t q = 0; q < ns_pairs; q++) {
        size_t i = sc[q].i, j = best[i];
        uint32_t ns, nt;
        set_target(x, j);
        link_values(x, i, j, v, &ns, &nt);
        for (uint32_t k = 0; k < ns; k++) {
            float bv = 0.5f;
            int bl = -1;
            for (uint32_t l = 0; l < nt; l++)
                if (v[k][l] > bv) {
                    bv = v[k][l];
                    bl = (int)l;
                }
            if (bl < 0)
                continue;
            obs[order_bin(k, ns, (uint32_t)bl, nt)] += 1;
            no += 1;
            for (uint32_t l = 0; l < nt; l++)
                any[order_bin(k, ns, l, nt)] += 1.0 / nt;
            na += 1;
        }
    }
    if (no < 100 || x->order_mix <= 0)
        return;
    double ratio[N_ORDER], top = 0, tv = 0;
    for (int b = 0; b < N_ORDER; b++)
        tv += 0.5 * fabs(obs[b] / no - any[b] / na);
    /* the prior is as strong as the order is telling: near-free order (Turkish, Urdu against
     * English) moves the links little from what any order gives, and then weighs nothing */
    double mix = x->order_mix * tv;
    if (mix > 1)
        mix = 1;
    for (int b = 0; b < N_ORDER; b++) {
        ratio[b] = (obs[b] / no + 0.01) / (any[b] / na + 0.01);
        if (ratio[b] > top)
            top = ratio[b];
    }
    for (int b = 0; b < N_ORDER; b++)
        x->order_w[b] = (float)(1.0 - mix * (1.0 - pow(ratio[b] / top, x->order_g)));
    x->order_on = 1;
    if (getenv("DM_MINE_ORDER")) {
        for (int b = 0; b < N_ORDER; b++)
            fprintf(stderr, " %.2f/%.2f", obs[b] / no, any[b] / na);
        fprintf(stderr, " tv %.3f\n", tv);
    }
}

typedef struct cand {
    uint32_t j;
    float sim;
} cand;

static int cmp_cand_desc(const void *a, const void *b)
{
    float x = ((const cand *)a)->sim, y = ((const cand *)b)->sim;
    if (x != y)
        return x > y ? -1 : 1;
    uint32_t p = ((const cand *)a)->j, q = ((const cand *)b)->j;
    return p < q ? -1 : p > q;
}

/* Add weight w to the tgt sentences with concept c (token tid counts once per sentence: its
 * first concept found there); returns the new count of touched sentences. */
static size_t accumulate(const miner *x, float *acc, uint32_t *touched, size_t nt,
                         uint32_t *last_tok, uint32_t c, float w, uint32_t tid, size_t max_df)
{
    if (c >= x->ncap || !(w > 0)) /* a sentence is touched once: its sum grows from 0 */
        return nt;
    size_t df = x->post_off[c + 1] - x->post_off[c];
    if (df == 0 || df > max_df)
        return nt;
    for (uint32_t p = x->post_off[c]; p < x->post_off[c + 1]; p++) {
        uint32_t j = x->post[p];
        if (last_tok[j] == tid)
            continue;
        last_tok[j] = tid;
        if (acc[j] == 0)
            touched[nt++] = j;
        acc[j] += w;
    }
    return nt;
}

/* Candidates of every src sentence from the index, then scored exactly. */
static dm_status find_candidates(miner *x)
{
    size_t m1 = x->m ? x->m : 1;
    float *acc = calloc(m1, sizeof *acc);
    uint32_t *touched = malloc(m1 * sizeof *touched);
    uint32_t *last_tok = malloc(m1 * sizeof *last_tok);
    cand *tmp = malloc(m1 * sizeof *tmp);
    if (!acc || !touched || !last_tok || !tmp) {
        free(acc);
        free(touched);
        free(last_tok);
        free(tmp);
        return DM_ENOMEM;
    }
    memset(last_tok, 0xff, m1 * sizeof *last_tok);
    /* a concept in too many sentences finds nothing: it costs the most and separates least;
     * a fixed bound keeps the work per sentence bounded however large the input */
    size_t max_df = 2000;
    for (size_t i = 0; i < x->n; i++) {
        size_t nt = 0;
        const al_sent *s = &x->src.sent[i];
        for (uint32_t k = 0; k < s->ntok; k++) {
            const al_tok *t = &x->src.tok[s->tok0 + k];
            uint32_t tid = s->tok0 + k;
            for (uint16_t q = 0; q < t->nc; q++) {
                uint32_t c = x->src.conc[t->c0 + q];
                float w = c < x->ncap && x->is_key[c] ? (float)(t->w * x->key_w) : t->w;
                nt = accumulate(x, acc, touched, nt, last_tok, c, w, tid, max_df);
            }
            for (int m = 0; m < MT_COUNT; m++) {
                const uint32_t *te;
                const float *tp;
                size_t ne = translations(x, m, tid, &te, &tp);
                for (size_t q = 0; q < ne; q++)
                    nt = accumulate(x, acc, touched, nt, last_tok, te[q], t->w * tp[q], tid, max_df);
            }
            for (int e = 0; e < x->nrel; e++) {
                const uint32_t *te;
                const float *tp;
                size_t ne = x->rel_w[e] > 0 ? mn_ttable_get(&x->rel_tab[e], t->form, &te, &tp) : 0;
                for (size_t q = 0; q < ne; q++)
                    nt = accumulate(x, acc, touched, nt, last_tok, te[q], t->w * x->rel_w[e] * tp[q],
                                    tid, max_df);
            }
        }
        for (size_t q = 0; q < nt; q++) {
            tmp[q].j = touched[q];
            tmp[q].sim = acc[touched[q]] / (x->tgt.sent[touched[q]].wsum + s->wsum + 1.0f);
            acc[touched[q]] = 0;
        }
        size_t keep = nt < x->stride ? nt : x->stride;
        if (nt > keep)
            qsort(tmp, nt, sizeof *tmp, cmp_cand_desc);
        for (size_t q = 0; q < keep; q++) {
            set_target(x, tmp[q].j);
            tmp[q].sim = similarity(x, i, tmp[q].j);
        }
        if (keep > 1)
            qsort(tmp, keep, sizeof *tmp, cmp_cand_desc);
        for (size_t q = 0; q < keep; q++) {
            x->cj[i * x->stride + q] = tmp[q].j;
            x->csim[i * x->stride + q] = tmp[q].sim;
        }
        x->ncand[i] = (uint32_t)keep;
    }
    free(acc);
    free(touched);
    free(last_tok);
    free(tmp);
    return DM_OK;
}

/* CSLS margins of every candidate; best[] and score[] by margin, independently. */
static dm_status margins(miner *x, size_t *best, double *score)
{
    float *top = calloc((x->m ? x->m : 1) * N_NEIGH, sizeof *top);
    if (!top)
        return DM_ENOMEM;
    /* each tgt sentence's nearest src neighbours, from the candidate lists */
    for (size_t i = 0; i < x->n; i++)
        for (uint32_t q = 0; q < x->ncand[i]; q++) {
            float *t = top + (size_t)x->cj[i * x->stride + q] * N_NEIGH;
            float v = x->csim[i * x->stride + q];
            for (int r = 0; r < N_NEIGH; r++)
                if (v > t[r]) {
                    float tmp = t[r];
                    t[r] = v;
                    v = tmp;
                }
        }
    for (size_t i = 0; i < x->n; i++) {
        const uint32_t *cj = x->cj + i * x->stride;
        const float *cs = x->csim + i * x->stride;
        float *cm = x->cmarg + i * x->stride;
        best[i] = SIZE_MAX;
        score[i] = 0;
        float rs = 0;
        for (uint32_t q = 0; q < N_NEIGH && q < x->ncand[i]; q++)
            rs += cs[q];
        rs /= N_NEIGH;
        double bv = -INFINITY;
        for (uint32_t q = 0; q < x->ncand[i]; q++) {
            const float *t = top + (size_t)cj[q] * N_NEIGH;
            float rt = 0;
            for (int r = 0; r < N_NEIGH; r++)
                rt += t[r];
            rt /= N_NEIGH;
            cm[q] = 2.0f * cs[q] - rs - rt;
            if (cm[q] > bv) {
                bv = cm[q];
                best[i] = cj[q];
            }
        }
        score[i] = x->ncand[i] ? bv : 0;
    }
    free(top);
    return DM_OK;
}

/* Developer aid: DM_MINE_DUMP=path writes every candidate (i, j, sim, margin). */
static void dump_candidates(const miner *x)
{
    const char *path = getenv("DM_MINE_DUMP");
    FILE *f = path ? fopen(path, "w") : NULL;
    if (!f)
        return;
    for (size_t i = 0; i < x->n; i++)
        for (uint32_t q = 0; q < x->ncand[i]; q++)
            fprintf(f, "%zu\t%u\t%.4f\t%.4f\n", i, x->cj[i * x->stride + q],
                    x->csim[i * x->stride + q], x->cmarg[i * x->stride + q]);
    fclose(f);
}

/* Developer aid: DM_MINE_EXPLAIN=i,j prints the concepts of the two sentences and their score. */
static void explain(miner *x)
{
    const char *e = getenv("DM_MINE_EXPLAIN");
    size_t i, j;
    if (!e || sscanf(e, "%zu,%zu", &i, &j) != 2 || i >= x->n || j >= x->m)
        return;
    fprintf(stderr, "languages: %s -> %s; ratio %.3f\n", x->src.lang, x->tgt.lang, x->ratio);
    for (int side = 0; side < 2; side++) {
        const al_doc *d = side ? &x->tgt : &x->src;
        const al_sent *s = &d->sent[side ? j : i];
        for (uint32_t k = 0; k < s->ntok; k++) {
            const al_tok *t = &d->tok[s->tok0 + k];
            fprintf(stderr, "%s w=%.2f:", side ? "T" : "S", t->w);
            for (uint16_t q = 0; q < t->nc; q++) {
                size_t l;
                const char *str = al_vocab_str(x->env.voc, d->conc[t->c0 + q], &l);
                fprintf(stderr, " [%.*s]", (int)l, str);
            }
            for (int m = 0; m < MT_COUNT && !side; m++) {
                const uint32_t *te;
                const float *tp;
                size_t ne = translations(x, m, s->tok0 + k, &te, &tp);
                for (size_t q = 0; q < ne; q++) {
                    size_t l;
                    const char *str = al_vocab_str(x->env.voc, te[q], &l);
                    fprintf(stderr, " {%d:%.*s %.2f}", m, (int)l, str, tp[q]);
                }
            }
            fprintf(stderr, "\n");
        }
    }
    set_target(x, j);
    fprintf(stderr, "sim %.4f\n", similarity(x, i, j));
}

/* One to one: the assignment where it matched, the independent best elsewhere. */
static dm_status assign(miner *x, size_t *best, double *score)
{
    size_t *match = malloc((x->n ? x->n : 1) * sizeof *match);
    if (!match)
        return DM_ENOMEM;
    dm_status st = mn_assign(x->n, x->m, x->cj, x->cmarg, x->ncand, x->stride, x->none_value, match);
    for (size_t i = 0; i < x->n && st == DM_OK; i++) {
        if (match[i] == SIZE_MAX)
            continue;
        for (uint32_t q = 0; q < x->ncand[i]; q++)
            if (x->cj[i * x->stride + q] == match[i]) {
                best[i] = match[i];
                score[i] = x->cmarg[i * x->stride + q];
                break;
            }
    }
    free(match);
    return st;
}

static int cmp_scored_desc(const void *a, const void *b)
{
    double x = ((const scored *)a)->v, y = ((const scored *)b)->v;
    return x > y ? -1 : x < y;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Words of a sentence for training: its word tokens' forms, or their truncated forms. */
static size_t sentence_words(const al_doc *d, size_t i, const uint32_t *trunc, uint32_t *out)
{
    const al_sent *s = &d->sent[i];
    size_t n = 0;
    for (uint32_t k = 0; k < s->ntok && n < MAX_TOK; k++)
        if (d->tok[s->tok0 + k].kind == DM_TOK_WORD)
            out[n++] = trunc ? trunc[s->tok0 + k] : d->tok[s->tok0 + k].form;
    return n;
}

/* How often a lexicon's pivots for a src word are found in the tgt sentence of the surest pairs:
 * *hit of *tot words (weighted) that table t has. */
static void lexicon_hits(miner *x, const mn_ttable *t, const scored *sc, size_t ns,
                         const size_t *best, double *hit, double *tot)
{
    *hit = *tot = 0;
    for (size_t q = 0; q < ns; q++) {
        size_t i = sc[q].i;
        const al_sent *s = &x->src.sent[i];
        set_target(x, best[i]);
        for (uint32_t k = 0; k < s->ntok && k < MAX_TOK; k++) {
            const uint32_t *te;
            const float *tp;
            size_t ne = mn_ttable_get(t, x->src.tok[s->tok0 + k].form, &te, &tp);
            if (!ne)
                continue;
            int found = 0;
            for (size_t r = 0; r < ne && !found; r++)
                found = te[r] < x->ncap && x->stamp[te[r]] == x->cur;
            *tot += 1;
            *hit += found;
        }
    }
}

/* Each near language's lexicon counts as its pivots are right, against the own lexicon's:
 * extra_w when as often found in the surest pairs' translations, less when less often. */
static void weigh_related(miner *x, const scored *sc, size_t ns, const size_t *best)
{
    double oh = OWN_HITS * 100, ot = 100; /* no lexicon of its own: what own lexicons do */
    if (x->own_tab.off)
        lexicon_hits(x, &x->own_tab, sc, ns, best, &oh, &ot);
    for (int e = 0; e < x->nrel; e++) {
        double h, t;
        lexicon_hits(x, &x->rel_tab[e], sc, ns, best, &h, &t);
        double r = t >= 20 && ot >= 20 && oh > 0 ? (h / t) / (oh / ot) : 0;
        x->rel_w[e] = (float)(x->extra_w * (r > 1 ? 1 : r));
        if (getenv("DM_MINE_RELATED"))
            fprintf(stderr, "related %d: %.0f/%.0f against own %.0f/%.0f: %.3f\n", e, h, t, oh, ot,
                    x->rel_w[e]);
    }
}

/* The surest pairs (a tgt sentence chosen once, margin above min_score) train Model 1 both ways
 * for each learned table; the length ratio is re-estimated on them. */
static dm_status learn(miner *x, const size_t *best, const double *score)
{
    scored *sc = malloc((x->n ? x->n : 1) * sizeof *sc);
    uint32_t *taken = calloc(x->m ? x->m : 1, sizeof *taken);
    double *lr = malloc((x->n ? x->n : 1) * sizeof *lr);
    mn_trainer *tr[MT_PIVOT] = {mn_trainer_new(), mn_trainer_new(), mn_trainer_new()};
    /* the tgt view each learned table maps to */
    const uint32_t *tgt_key[MT_PIVOT] = {NULL, x->tgt_tr, x->tgt_tr};
    dm_status st = DM_ENOMEM;
    if (!sc || !taken || !lr || !tr[0] || !tr[1] || !tr[2])
        goto done;
    for (size_t i = 0; i < x->n; i++)
        if (best[i] != SIZE_MAX)
            taken[best[i]]++;
    size_t ns = 0;
    for (size_t i = 0; i < x->n; i++)
        if (best[i] != SIZE_MAX && taken[best[i]] == 1 && score[i] > x->min_score)
            sc[ns++] = (scored){score[i], (uint32_t)i};
    if (ns > 1)
        qsort(sc, ns, sizeof *sc, cmp_scored_desc);
    if (ns > MAX_TRAIN)
        ns = MAX_TRAIN;
    st = DM_OK;
    uint32_t fs[MAX_TOK], ft[MAX_TOK];
    double mid = ns ? sc[ns / 2].v : 0; /* pairs above the median margin count fully */
    for (size_t q = 0; q < ns && st == DM_OK; q++) {
        size_t i = sc[q].i, j = best[i];
        double wq = 1.0;
        if (x->soft && mid > x->min_score && sc[q].v < mid)
            wq = pow((sc[q].v - x->min_score) / (mid - x->min_score), x->soft);
        if (wq < 0.1)
            wq = 0.1;
        for (int m = 0; m < MT_PIVOT && st == DM_OK; m++) {
            size_t a = sentence_words(&x->src, i, x->key[m], fs);
            size_t b = sentence_words(&x->tgt, j, tgt_key[m], ft);
            st = mn_trainer_add_weighted(tr[m], fs, a, ft, b, (float)wq);
        }
        lr[q] = log((x->tgt.sent[j].nchar + 1.0) / (x->src.sent[i].nchar + 1.0));
    }
    if (st == DM_OK && x->nrel)
        weigh_related(x, sc, ns, best);
    /* the order of the surest pairs, by the tables of the round before */
    if (st == DM_OK)
        learn_order(x, sc, ns, best);
    float tw[N_ORDER];
    for (int b = 0; b < N_ORDER; b++)
        tw[b] = (float)pow(x->order_w[b], x->train_order);
    for (int m = 0; m < MT_PIVOT && x->order_on && x->train_order > 0; m++)
        mn_trainer_set_order(tr[m], tw, N_ORDER);
    for (int m = 0; m < MT_PIVOT && st == DM_OK; m++) {
        mn_ttable *t = &x->tab[m];
        mn_ttable_free(t);
        st = mn_trainer_run(tr[m], al_vocab_size(x->env.voc), x->em_iters, (unsigned)x->min_occ,
                            (unsigned)x->min_cooc, 0.05, (size_t)x->max_per, t);
        /* p^0.25: a translation Model 1 is unsure of still says much more than none; the
         * truncated views are coarser and count less */
        double scale = m == MT_FORM ? 1.0 : x->trunc_w;
        for (size_t q = 0; st == DM_OK && q < t->off[t->nsrc]; q++)
            t->p[q] = (float)(scale * pow(t->p[q], x->pexp));
    }
    if (st == DM_OK && ns >= 20) {
        /* the median log ratio of the surest pairs */
        qsort(lr, ns, sizeof *lr, cmp_double);
        x->ratio = exp(lr[ns / 2]);
    }
done:
    free(sc);
    free(taken);
    free(lr);
    for (int m = 0; m < MT_PIVOT; m++)
        mn_trainer_free(tr[m]);
    return st;
}

/* The lexicon's pivots of each src form, truncated: a pivot's inflections and derivations on
 * the English side ("death" for "dead", "eye" for "eyes") count pivot_w. */
static dm_status pivot_table(miner *x)
{
    const al_lexicon *lx = x->env.use_lexicon ? al_lexicon_for(&x->env, x->src.lang) : NULL;
    if (!lx || x->pivot_w <= 0)
        return DM_OK;
    mn_entries ent = {0};
    uint8_t *done = calloc(al_vocab_size(x->env.voc) + 1, 1);
    mn_siblings *sib = NULL;
    dm_status st = done ? DM_OK : DM_ENOMEM;
    if (st == DM_OK && x->sib_w > 0)
        st = mn_siblings_new(lx, &sib);
    for (size_t k = 0; k < x->src.ntok && st == DM_OK; k++) {
        uint32_t f = x->src.tok[k].form;
        if (x->src.tok[k].kind != DM_TOK_WORD || done[f])
            continue;
        done[f] = 1;
        uint32_t piv[8];
        size_t np = al_lexicon_pivots(&x->env, lx, f, piv, 8);
        float w = (float)x->pivot_w;
        if (!np && sib) { /* another form of the same stem, less sure */
            np = mn_sibling_pivots(&x->env, sib, f, piv, 8);
            w = (float)x->sib_w;
        }
        if (!np && x->affix_stems) {
            /* an Arabic, Hebrew or Persian word with a pronoun, an ending or a person prefix:
             * its stem */
            char stem[16][MN_STEM_BYTES];
            size_t wl;
            const char *wf = al_vocab_str(x->env.voc, f, &wl);
            size_t nst = mn_affix_stems(x->src.lang, wf, wl, stem, 16);
            for (size_t q = 0; q < nst && !np && st == DM_OK; q++) {
                uint32_t sid;
                st = al_vocab_intern(x->env.voc, stem[q], strlen(stem[q]), &sid);
                if (st == DM_OK)
                    np = al_lexicon_pivots(&x->env, lx, sid, piv, 8);
            }
            w = (float)x->sib_w;
        }
        for (size_t q = 0; q < np && st == DM_OK; q++) {
            uint32_t tr;
            st = mn_trunc_form(&x->env, piv[q], 0, &tr);
            if (st != DM_OK || (tr == piv[q] && !mn_trunc_as_prefix(&x->env, piv[q], &tr)))
                continue;
            st = mn_entries_push(&ent, (mn_entry){f, tr, w});
        }
    }
    if (st == DM_OK)
        st = mn_ttable_build(&x->tab[MT_PIVOT], al_vocab_size(x->env.voc), ent.e, ent.n, 8);
    free(ent.e);
    free(done);
    mn_siblings_free(sib);
    return st;
}

/* The lexicons of near languages, for the words the own lexicon lacks (mine_related.c); they
 * count from the second round on, as often as they prove right. */
static dm_status related_tables(miner *x)
{
    const al_lexicon *own = x->env.use_lexicon ? al_lexicon_for(&x->env, x->src.lang) : NULL;
    const al_lexicon *rel[MAX_REL];
    if (!x->env.use_lexicon)
        return DM_OK;
    size_t n = mn_related_lexicons(&x->env, &x->src, x->tgt.lang, own, x->near, x->nnear,
                                   x->related_share, rel, MAX_REL);
    dm_status st = n && own ? mn_pivot_table(&x->env, &x->src, own, &x->own_tab) : DM_OK;
    for (size_t e = 0; e < n && st == DM_OK; e++) {
        st = mn_pivot_table(&x->env, &x->src, rel[e], &x->rel_tab[e]);
        /* with a lexicon of its own the first round does without; with none, they are all
         * there is to begin from */
        x->rel_w[e] = own ? 0 : (float)(x->extra_w * x->rel_init);
        x->nrel = (int)e + 1;
    }
    return st;
}

/* Sentences nothing links: the tgt sentence of the nearest expected length. */
static void by_length(const miner *x, size_t i, size_t *best)
{
    double want = x->ratio * x->src.sent[i].nchar, bd = INFINITY;
    for (size_t j = 0; j < x->m; j++) {
        double d = fabs(x->tgt.sent[j].nchar - want);
        if (d < bd) {
            bd = d;
            *best = j;
        }
    }
}

/* The knobs DM_MINE_TUNE may set, by name: each an int or a double field of the miner. */
#define KNOB(name, f, is_int) {name, offsetof(miner, f), is_int}
static const struct {
    const char *name;
    size_t off;
    int is_int;
} knobs[] = {
    KNOB("none", none_value, 0), KNOB("len", len_w, 0), KNOB("rounds", rounds, 1),
    KNOB("soft", soft, 1), KNOB("trainord", train_order, 0), KNOB("affixstems", affix_stems, 1),
    KNOB("ordg", order_g, 0), KNOB("order", order_mix, 0), KNOB("keyw", key_w, 0),
    KNOB("clitics", clitics, 1), KNOB("maxper", max_per, 1), KNOB("sibw", sib_w, 0),
    KNOB("punct", punct_w, 0), KNOB("pivw", pivot_w, 0), KNOB("pexp", pexp, 0),
    KNOB("em", em_iters, 1), KNOB("minscore", min_score, 0), KNOB("truncw", trunc_w, 0),
    KNOB("cooc", min_cooc, 1), KNOB("relinit", rel_init, 0), KNOB("related", related_share, 0),
    KNOB("extraw", extra_w, 0), KNOB("occ", min_occ, 1),
};
#undef KNOB

static void tune_from_env(miner *x)
{
    const char *s = getenv("DM_MINE_TUNE");
    while (s && *s) {
        char name[32];
        double v;
        int used = 0;
        if (sscanf(s, "%31[^=]=%lf%n", name, &v, &used) != 2)
            break;
        for (size_t k = 0; k < sizeof knobs / sizeof knobs[0]; k++) {
            if (strcmp(name, knobs[k].name))
                continue;
            if (knobs[k].is_int)
                *(int *)((char *)x + knobs[k].off) = (int)v;
            else
                *(double *)((char *)x + knobs[k].off) = v;
        }
        s += used;
        if (*s == ',')
            s++;
    }
}

/* The candidates of the last round and their margins, kept past a pass. */
typedef struct mn_cands {
    uint32_t *cj, *ncand;
    float *cmarg;
    size_t stride;
    double none_value; /* what leaving a line unmatched is worth in the assignment */
} mn_cands;

static void cands_free(mn_cands *c)
{
    free(c->cj);
    free(c->ncand);
    free(c->cmarg);
    memset(c, 0, sizeof *c);
}

/* One direction: every round of learning, candidates, margins and assignment; the answers in
 * best/score, the last candidates in *keep (when not NULL). */
static dm_status mine_pass(dm_ctx *ctx, const dm_align_opts *opt, const char *const *src,
                           const size_t *src_len, size_t n_src, const char *const *tgt,
                           const size_t *tgt_len, size_t n_tgt, size_t *best, double *score,
                           int aids, mn_cands *keep)
{
    dm_align_opts o = {0};
    if (opt)
        o = *opt;
    miner x;
    memset(&x, 0, sizeof x);
    x.n = n_src;
    x.m = n_tgt;
    x.len_w = 0.1;
    x.none_value = -1;
    x.pexp = 0.25;
    x.rounds = ROUNDS;
    x.min_occ = 2;
    x.min_cooc = 2;
    x.min_score = -0.1;
    x.em_iters = 5;
    x.trunc_w = 0.8;
    x.pivot_w = 0.5;
    x.sib_w = 0.6;
    x.punct_w = 0.1;
    x.max_per = 8;
    x.clitics = 3;
    x.key_w = 0.6;
    x.order_mix = 1.5;
    x.order_g = 0.5;
    x.train_order = 1;
    x.affix_stems = 1;
    x.extra_w = 1;
    x.related_share = 0.3;
    x.rel_init = 0.5;
    x.soft = 1; /* bit 1: src side, bit 2: tgt side */
    tune_from_env(&x);
    uint32_t *local = NULL, *df = NULL;
    dm_status st = al_env_init(&x.env, ctx);
    if (st != DM_OK)
        return st;
    x.env.use_lexicon = !o.no_lexicon;
    st = al_doc_build(&x.env, &x.src, src, src_len, n_src);
    if (st == DM_OK)
        st = al_doc_build(&x.env, &x.tgt, tgt, tgt_len, n_tgt);
    if (st != DM_OK)
        goto done;
    if (o.src_lang)
        snprintf(x.src.lang, sizeof x.src.lang, "%s", o.src_lang);
    else
        al_guess_lang(&x.env, &x.src, src, src_len, n_src);
    if (o.tgt_lang)
        snprintf(x.tgt.lang, sizeof x.tgt.lang, "%s", o.tgt_lang);
    else
        al_guess_lang(&x.env, &x.tgt, tgt, tgt_len, n_tgt);
    if (x.env.use_lexicon)
        x.nnear = al_near_langs(&x.env, src, src_len, n_src, x.near, 8);
    x.ratio = (x.src.nchar_total > 0 && x.tgt.nchar_total > 0) ? x.tgt.nchar_total / x.src.nchar_total : 1;
    st = al_doc_concepts(&x.env, &x.src, 0);
    if (st == DM_OK)
        st = al_doc_concepts(&x.env, &x.tgt, 0);
    if (st == DM_OK && (x.clitics & 1))
        st = mn_apostrophe_parts(&x.env, &x.src);
    if (st == DM_OK && (x.clitics & 2))
        st = mn_apostrophe_parts(&x.env, &x.tgt);
    if (st == DM_OK)
        st = mn_truncate(&x.env, &x.src, 0, 0, &x.key[MT_PREFIX]);
    if (st == DM_OK)
        st = mn_truncate(&x.env, &x.src, 1, 0, &x.key[MT_SUFFIX]);
    if (st == DM_OK)
        st = mn_truncate(&x.env, &x.tgt, 0, 1, &x.tgt_tr);
    if (st == DM_OK)
        st = pivot_table(&x);
    if (st == DM_OK && x.related_share > 0 && x.extra_w > 0 && !o.no_learning)
        st = related_tables(&x);
    if (st != DM_OK)
        goto done;
    size_t nv = al_vocab_size(x.env.voc);
    local = calloc(nv + 1, sizeof *local);
    df = calloc(nv + 1, sizeof *df);
    /* fewer candidates per sentence on large inputs: memory stays a few hundred bytes a line */
    x.stride = n_src > 200000 ? 32 : n_src > 20000 ? 64 : MAX_CAND;
    size_t nc = (n_src ? n_src : 1) * x.stride;
    x.cj = malloc(nc * sizeof *x.cj);
    x.csim = malloc(nc * sizeof *x.csim);
    x.cmarg = malloc(nc * sizeof *x.cmarg);
    x.ncand = calloc(n_src ? n_src : 1, sizeof *x.ncand);
    x.src_end = malloc(n_src ? n_src : 1);
    x.tgt_end = malloc(n_tgt ? n_tgt : 1);
    if (!local || !df || !x.cj || !x.csim || !x.cmarg || !x.ncand || !x.src_end || !x.tgt_end) {
        st = DM_ENOMEM;
        goto fail;
    }
    for (size_t i = 0; i < n_src; i++)
        x.src_end[i] = (uint8_t)mn_end_class(src[i], src_len[i]);
    for (size_t j = 0; j < n_tgt; j++)
        x.tgt_end[j] = (uint8_t)mn_end_class(tgt[j], tgt_len[j]);
    al_doc_count_df(&x.src, df);
    al_doc_weights(&x.src, df, (double)n_src, local);
    memset(df, 0, (nv + 1) * sizeof *df);
    al_doc_count_df(&x.tgt, df);
    al_doc_weights(&x.tgt, df, (double)n_tgt, local);
    st = build_index(&x);
    if (st != DM_OK)
        goto fail;
    x.stamp = calloc(x.ncap, sizeof *x.stamp);
    x.tmask = malloc(x.ncap * sizeof *x.tmask);
    x.is_key = malloc(x.ncap);
    if (!x.stamp || !x.tmask || !x.is_key) {
        st = DM_ENOMEM;
        goto fail;
    }
    for (size_t c = 0; c < x.ncap; c++) {
        size_t l;
        const char *str = c < al_vocab_size(x.env.voc) ? al_vocab_str(x.env.voc, (uint32_t)c, &l) : NULL;
        x.is_key[c] = str && l && str[0] == '\x01';
    }
    int rounds = o.no_learning ? 1 : x.rounds;
    int one_to_one = !o.mine_independent;
    for (int r = 0; r < rounds && st == DM_OK; r++) {
        if (r)
            st = learn(&x, best, score);
        if (st == DM_OK)
            st = find_candidates(&x);
        if (st == DM_OK)
            st = margins(&x, best, score);
        if (st == DM_OK && r == rounds - 1 && aids) {
            dump_candidates(&x);
            explain(&x);
        }
        if (st == DM_OK && one_to_one)
            st = assign(&x, best, score);
    }
fail:
    if (st != DM_OK) {
        st = dm_fail(ctx, st, "mining");
        goto done;
    }
    for (size_t i = 0; i < n_src; i++)
        if (best[i] == SIZE_MAX && n_tgt)
            by_length(&x, i, &best[i]);
    if (keep) { /* the candidates leave with the caller */
        keep->cj = x.cj;
        keep->ncand = x.ncand;
        keep->cmarg = x.cmarg;
        keep->stride = x.stride;
        keep->none_value = x.none_value;
        x.cj = x.ncand = NULL;
        x.cmarg = NULL;
    }
done:
    free(local);
    free(df);
    miner_free(&x);
    return st;
}

/* The margin of src line i among the candidates of tgt line j in the backward pass, in *out;
 * 0 when i is not among them. */
static int backward_margin(const mn_cands *b, size_t j, size_t i, float *out)
{
    const uint32_t *cj = b->cj + j * b->stride;
    for (uint32_t q = 0; q < b->ncand[j]; q++)
        if (cj[q] == i) {
            *out = b->cmarg[j * b->stride + q];
            return 1;
        }
    return 0;
}

dm_status dm_mine(dm_ctx *ctx, const dm_align_opts *opt, const char *const *src,
                  const size_t *src_len, size_t n_src, const char *const *tgt,
                  const size_t *tgt_len, size_t n_tgt, size_t *best, double *score)
{
    dm_align_opts o = {0};
    if (opt)
        o = *opt;
    /* on request only: the second pass triples the time (bench/mine 2,000 lines: 4.7 -> 15.5 s
     * CPU) for a fraction of a point */
    int both = o.mine_both_ways && !o.mine_independent && !o.no_learning && n_src && n_tgt &&
               n_src <= BIDIR_MAX && n_tgt <= BIDIR_MAX;
    mn_cands f = {0}, b = {0};
    dm_status st = mine_pass(ctx, &o, src, src_len, n_src, tgt, tgt_len, n_tgt, best, score, 1,
                             both ? &f : NULL);
    if (st != DM_OK || !both)
        return st;
    /* the other way: each tgt line mined among the src lines */
    dm_align_opts ob = o;
    ob.src_lang = o.tgt_lang;
    ob.tgt_lang = o.src_lang;
    size_t *bbest = malloc(n_tgt * sizeof *bbest), *match = malloc(n_src * sizeof *match);
    double *bscore = malloc(n_tgt * sizeof *bscore);
    float *v = malloc(n_src * f.stride * sizeof *v);
    if (!bbest || !bscore || !match || !v)
        st = dm_fail(ctx, DM_ENOMEM, "mining");
    if (st == DM_OK)
        st = mine_pass(ctx, &ob, tgt, tgt_len, n_tgt, src, src_len, n_src, bbest, bscore, 0, &b);
    if (st == DM_OK) {
        /* a pair is worth the mean of its margins both ways: the two directions learn their
         * own tables, candidates and neighbourhoods, and err on different lines */
        for (size_t i = 0; i < n_src; i++)
            for (uint32_t q = 0; q < f.ncand[i]; q++) {
                float mf = f.cmarg[i * f.stride + q], mb;
                if (!backward_margin(&b, f.cj[i * f.stride + q], i, &mb))
                    mb = mf; /* the other way never looked at it: its own margin stands */
                v[i * f.stride + q] = 0.5f * (mf + mb);
            }
        st = mn_assign(n_src, n_tgt, f.cj, v, f.ncand, f.stride, f.none_value, match);
        if (st != DM_OK)
            st = dm_fail(ctx, st, "mining");
    }
    for (size_t i = 0; i < n_src && st == DM_OK; i++) {
        size_t bj = SIZE_MAX;
        float bv = -INFINITY;
        for (uint32_t q = 0; q < f.ncand[i]; q++) {
            size_t j = f.cj[i * f.stride + q];
            float val = v[i * f.stride + q];
            if (match[i] != SIZE_MAX ? j == match[i] : val > bv) {
                bj = j;
                bv = val;
                if (match[i] != SIZE_MAX)
                    break;
            }
        }
        if (bj != SIZE_MAX) {
            best[i] = bj;
            score[i] = bv;
        }
    }
    free(bbest);
    free(bscore);
    free(match);
    free(v);
    cands_free(&f);
    cands_free(&b);
    return st;
}
