/*
 * test_align_order.c -- word order as alignment evidence (align_order.c), on real news
 * sentences in Latin, Cyrillic and Arabic script: the order learned from a link whose matched
 * words follow the diagonal favours the diagonal; a translation scores better than an unrelated
 * sentence of the same story that shares its names in another order; and a block that adds an
 * unrelated sentence to a translation pushes the translation's words off the block's diagonal.
 */
#include "align/align_internal.h"
#include "check.h"
#include "dragoman.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct side {
    al_env env;
    al_doc src, tgt;
    al_marks ms, mt;
    al_posmap pos;
    al_band band;
    al_pairs pm;
} side;

/* Two documents of n and m sentences, their concepts, idf weights and the order matches of
 * every pair of sentences. */
static void setup(dm_ctx *ctx, side *x, const char *const *s, size_t n, const char *sl,
                  const char *const *t, size_t m, const char *tl)
{
    memset(x, 0, sizeof *x);
    CHECK(al_env_init(&x->env, ctx) == DM_OK);
    x->env.use_lexicon = 0; /* names, numbers and cognates are enough here */
    size_t ls[8], lt[8];
    for (size_t k = 0; k < n; k++)
        ls[k] = strlen(s[k]);
    for (size_t k = 0; k < m; k++)
        lt[k] = strlen(t[k]);
    CHECK(al_doc_build(&x->env, &x->src, s, ls, n) == DM_OK);
    CHECK(al_doc_build(&x->env, &x->tgt, t, lt, m) == DM_OK);
    snprintf(x->src.lang, sizeof x->src.lang, "%s", sl);
    snprintf(x->tgt.lang, sizeof x->tgt.lang, "%s", tl);
    CHECK(al_doc_concepts(&x->env, &x->src, 0) == DM_OK);
    CHECK(al_doc_concepts(&x->env, &x->tgt, 0) == DM_OK);
    size_t nv = al_vocab_size(x->env.voc);
    uint32_t *df = calloc(nv, sizeof *df), *local = calloc(nv, sizeof *local);
    CHECK(df && local);
    if (df && local) {
        al_doc_count_df(&x->src, df);
        al_doc_weights(&x->src, df, (double)n, local);
        memset(df, 0, nv * sizeof *df);
        al_doc_count_df(&x->tgt, df);
        al_doc_weights(&x->tgt, df, (double)m, local);
    }
    free(df);
    free(local);
    CHECK(al_marks_reserve(&x->ms, nv) == DM_OK);
    CHECK(al_marks_reserve(&x->mt, nv) == DM_OK);
    CHECK(al_posmap_reserve(&x->pos, nv) == DM_OK);
    CHECK(al_band_full(&x->band, n, m) == DM_OK);
    CHECK(al_pairs_compute(&x->pm, &x->band, &x->src, &x->tgt, &x->ms, &x->mt) == DM_OK);
    CHECK(al_pairs_order(&x->pm, &x->pos, &x->src, &x->tgt) == DM_OK);
}

static void teardown(side *x)
{
    al_pairs_free(&x->pm);
    al_band_free(&x->band);
    al_posmap_free(&x->pos);
    al_marks_free(&x->ms);
    al_marks_free(&x->mt);
    al_doc_free(&x->src);
    al_doc_free(&x->tgt);
    al_env_free(&x->env);
}

/* Ratios that favour the diagonal: as learned from a strongly ordered language pair. */
static void diagonal_ratios(double lr[AL_ORDER_BINS], double loglr[AL_ORDER_BINS])
{
    double obs[AL_ORDER_BINS], any[AL_ORDER_BINS];
    for (int b = 0; b < AL_ORDER_BINS; b++) {
        double d = (b + 0.5) * 2.0 / AL_ORDER_BINS - 1.0; /* the bin's distance */
        any[b] = 1.0 - (d < 0 ? -d : d);                    /* two uniform positions */
        obs[b] = (d < 0.2 && d > -0.2) ? 10.0 * any[b] : 0.5 * any[b];
    }
    al_order_ratios(obs, any, 50, lr);
    for (int b = 0; b < AL_ORDER_BINS; b++)
        loglr[b] = log(lr[b]);
}

static void test_learned_order(dm_ctx *ctx)
{
    /* a German translation keeps the names and numbers of the English in their order: what it
     * teaches puts more weight near the diagonal than anywhere */
    const char *en[] = {"On Tuesday Angela Merkel met Emmanuel Macron in Paris, and 2019 budget "
                        "talks with Boris Johnson in London followed in March."};
    const char *de[] = {"Am Dienstag traf Angela Merkel Emmanuel Macron in Paris, und die "
                        "Haushaltsgespräche 2019 mit Boris Johnson in London folgten im März."};
    side x;
    setup(ctx, &x, en, 1, "en", de, 1, "de");
    double obs[AL_ORDER_BINS] = {0}, any[AL_ORDER_BINS] = {0}, lr[AL_ORDER_BINS];
    al_order_count(&x.pos, &x.src, 0, &x.tgt, 0, obs, any);
    al_order_ratios(obs, any, 5, lr);
    int mid = AL_ORDER_BINS / 2;
    CHECK(lr[mid] > 1.5 && lr[mid - 1] > 1.0);
    /* far from the diagonal (a quarter of the way or more): less than anywhere (where a
     * distance can occur at all) */
    int far = 0;
    for (int b = 0; b < AL_ORDER_BINS; b++)
        if ((b < mid - AL_ORDER_BINS / 8 - 1 || b > mid + AL_ORDER_BINS / 8) && any[b] > 0) {
            CHECK(lr[b] < 1.0);
            far++;
        }
    CHECK(far >= AL_ORDER_BINS / 2);
    /* with no observations the ratios stay at "any order" */
    double none[AL_ORDER_BINS] = {0};
    al_order_ratios(none, any, 50, lr);
    for (int b = 0; b < AL_ORDER_BINS; b++)
        CHECK(lr[b] > 0.999 && lr[b] < 1.001);
    teardown(&x);
}

static void test_translation_against_topic(dm_ctx *ctx)
{
    double lr[AL_ORDER_BINS], loglr[AL_ORDER_BINS];
    diagonal_ratios(lr, loglr);
    /* English against Russian: sentence 0 of the Russian translates the English; sentence 1 is
     * another sentence of the same story that names the same people and places in another
     * order */
    const char *en[] = {"Vladimir Putin spoke with Donald Trump by phone from Moscow about Syria, "
                        "Ukraine and the talks in Geneva."};
    const char *ru[] = {"Владимир Путин говорил с Дональдом Трампом по телефону из Москвы о Сирии, "
                        "Украине и переговорах в Женеве.",
                        "В Женеве и на Украине ждут решений, а в Сирии Трамп и Путин пока молчат, "
                        "сообщают из Москвы."};
    side x;
    setup(ctx, &x, en, 1, "en", ru, 2, "ru");
    double good = al_order_block(&x.pm, &x.src, &x.tgt, 0, 1, 0, 1, lr, loglr);
    double topic = al_order_block(&x.pm, &x.src, &x.tgt, 0, 1, 1, 1, lr, loglr);
    CHECK(good > 1.0);
    CHECK(topic < 0.0);
    teardown(&x);

    /* Arabic: the same with a translation and a sentence of the same story */
    const char *en2[] = {"Mohamed Salah scored twice for Liverpool against Chelsea in London on "
                         "Sunday."};
    const char *ar[] = {"سجل محمد صلاح هدفين لليفربول ضد تشيلسي في لندن يوم الأحد.",
                        "في لندن قال مدرب تشيلسي إن ليفربول لم يكن أفضل وإن صلاح محظوظ."};
    setup(ctx, &x, en2, 1, "en", ar, 2, "ar");
    good = al_order_block(&x.pm, &x.src, &x.tgt, 0, 1, 0, 1, lr, loglr);
    topic = al_order_block(&x.pm, &x.src, &x.tgt, 0, 1, 1, 1, lr, loglr);
    CHECK(good > topic);
    teardown(&x);
}

static void test_merge_off_diagonal(dm_ctx *ctx)
{
    double lr[AL_ORDER_BINS], loglr[AL_ORDER_BINS];
    diagonal_ratios(lr, loglr);
    /* the German translates the first English sentence only: a 2-1 block that adds the second
     * squeezes the first one's words into the first half of the block, off the diagonal */
    const char *en[] = {"Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the 2019 "
                        "budget of the European Union.",
                        "Later that week Macron flew to Berlin, where Merkel and the European "
                        "Union leaders again discussed the budget."};
    const char *de[] = {"Angela Merkel traf Emmanuel Macron am Dienstag in Paris, um den Haushalt "
                        "2019 der Europäischen Union zu besprechen."};
    side x;
    setup(ctx, &x, en, 2, "en", de, 1, "de");
    double one = al_order_block(&x.pm, &x.src, &x.tgt, 0, 1, 0, 1, lr, loglr);
    double merged = al_order_block(&x.pm, &x.src, &x.tgt, 0, 2, 0, 1, lr, loglr);
    CHECK(one > merged);
    CHECK(one > 1.0);
    /* without an order model (ord_off NULL) there is no evidence */
    al_pairs empty = x.pm;
    empty.ord_off = NULL;
    CHECK(al_order_block(&empty, &x.src, &x.tgt, 0, 1, 0, 1, lr, loglr) == 0.0);
    teardown(&x);
}

int main(void)
{
    dm_ctx *ctx;
    if (dm_ctx_new(&ctx, NULL) != DM_OK)
        return 1;
    test_learned_order(ctx);
    test_translation_against_topic(ctx);
    test_merge_off_diagonal(ctx);
    dm_ctx_free(ctx);
    return check_failures ? 1 : 0;
}
