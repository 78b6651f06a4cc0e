/*
 * test_link.c -- the linker on real text: the five example articles (two translation pairs and
 * one article on the same topic) must make exactly three stories; documents sharing no evidence
 * stay alone; numbers written in Persian digits match the same numbers in ASCII digits; a
 * collection of some hundred versions of them clusters the same on 1, 2 or 3 threads, and a
 * linker fed in parts finds the three stories.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "dragoman.h"

#include <stdlib.h>
#include <string.h>

static void test_examples(dm_ctx *ctx)
{
    static const char *const names[5] = {"000_53f2f7017102b22e", "001_e90ef68c3666fdb9",
                                         "002_1dff3df0f293edce", "003_7524bfdbcb54633c",
                                         "004_5e79b54d010dd1a8"};
    dm_doc docs[5];
    char *texts[5];
    memset(docs, 0, sizeof docs);
    for (int i = 0; i < 5; i++) {
        char path[128];
        snprintf(path, sizeof path, "examples/iran-iraq/%s.txt", names[i]);
        size_t len = 0;
        texts[i] = check_read_file(path, &len);
        CHECK(texts[i] != NULL);
        docs[i].id = names[i];
        docs[i].text = texts[i] ? texts[i] : "";
        docs[i].text_len = texts[i] ? len : 0;
    }
    size_t label[5];
    CHECK(dm_cluster(ctx, docs, 5, label) == DM_OK);
    /* hi 000 + en 001 one story, fa 003 + en 004 another, ar 002 a third */
    CHECK(label[0] == label[1]);
    CHECK(label[3] == label[4]);
    CHECK(label[0] != label[3]);
    CHECK(label[2] != label[0]);
    CHECK(label[2] != label[3]);

    /* the explanation names the evidence: the Hindi and English versions share Rashid */
    dm_linker *lk = NULL;
    char *why = NULL;
    CHECK(dm_linker_new(ctx, docs, 5, &lk) == DM_OK);
    CHECK(lk && dm_linker_explain(lk, 0, 1, &why) == DM_OK);
    CHECK(why && strstr(why, "same story"));
    free(why);
    why = NULL;
    CHECK(lk && dm_linker_explain(lk, 2, 3, &why) == DM_OK);
    CHECK(why && strstr(why, "different stories"));
    free(why);
    CHECK(lk && dm_linker_explain(lk, 0, 7, &why) == DM_EINVAL);
    dm_linker_free(lk);
    for (int i = 0; i < 5; i++)
        free(texts[i]);
}

/* Labels of docs[0..n) with the linker on `threads` threads. */
static dm_status labels_on(dm_ctx *ctx, const dm_doc *docs, size_t n, const char *threads, size_t *label)
{
    setenv("DM_LINK_THREADS", threads, 1);
    dm_status st = dm_cluster(ctx, docs, n, label);
    unsetenv("DM_LINK_THREADS");
    return st;
}

/* The work is cut in chunks that threads take in any order: the stories must not depend on it.
 * 60 versions of each example article (digits renamed per version, so that versions differ)
 * make enough documents for every step to have several chunks. */
static void test_threads(dm_ctx *ctx)
{
    static const char *const names[5] = {"000_53f2f7017102b22e", "001_e90ef68c3666fdb9",
                                         "002_1dff3df0f293edce", "003_7524bfdbcb54633c",
                                         "004_5e79b54d010dd1a8"};
    enum { VERSIONS = 60, N = 5 * VERSIONS };
    dm_doc *docs = calloc(N, sizeof *docs);
    char (*ids)[32] = calloc(N, sizeof *ids);
    char **texts = calloc(N, sizeof *texts);
    size_t *one = calloc(N, sizeof *one), *two = calloc(N, sizeof *two), *three = calloc(N, sizeof *three);
    CHECK(docs && ids && texts && one && two && three);
    if (!docs || !ids || !texts || !one || !two || !three)
        goto out;
    for (int a = 0; a < 5; a++) {
        char path[128];
        snprintf(path, sizeof path, "examples/iran-iraq/%s.txt", names[a]);
        size_t len = 0;
        char *base = check_read_file(path, &len);
        CHECK(base != NULL);
        for (int v = 0; base && v < VERSIONS; v++) {
            size_t i = (size_t)v * 5 + (size_t)a;
            texts[i] = malloc(len + 1);
            if (!texts[i])
                continue;
            for (size_t k = 0; k <= len; k++) { /* digit d -> (3d + v) mod 10: a permutation */
                char ch = base[k];
                texts[i][k] = ch >= '0' && ch <= '9' ? (char)('0' + (3 * (ch - '0') + v) % 10) : ch;
            }
            snprintf(ids[i], sizeof ids[i], "v%d-%s", v, names[a]);
            docs[i].id = ids[i];
            docs[i].text = texts[i];
            docs[i].text_len = len;
        }
        free(base);
    }
    CHECK(labels_on(ctx, docs, N, "1", one) == DM_OK);
    CHECK(labels_on(ctx, docs, N, "2", two) == DM_OK);
    CHECK(labels_on(ctx, docs, N, "3", three) == DM_OK);
    size_t differ = 0, joined = 0;
    for (size_t i = 0; i < N; i++) {
        differ += one[i] != two[i] || one[i] != three[i];
        joined += one[i] != one[0]; /* not all one label */
    }
    CHECK(differ == 0);
    CHECK(joined > 0);
    /* stories were found, not N singletons */
    size_t distinct = 0;
    for (size_t i = 0; i < N; i++) {
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = one[j] == one[i];
        distinct += !seen;
    }
    CHECK(distinct < N / 2);

    /* the same linker fed in three parts (the texts of a part may go once it is added) still
     * finds the three stories of the five articles */
    dm_linker *lk = NULL;
    size_t label[5];
    CHECK(dm_linker_begin(ctx, &lk) == DM_OK);
    CHECK(lk && dm_linker_add(lk, docs, 2) == DM_OK);
    CHECK(lk && dm_linker_add(lk, docs + 2, 0) == DM_OK);
    CHECK(lk && dm_linker_add(lk, docs + 2, 3) == DM_OK);
    CHECK(lk && dm_linker_count(lk) == 5);
    CHECK(lk && dm_linker_labels(lk, label) == DM_EINVAL); /* not run yet */
    CHECK(lk && dm_linker_run(lk) == DM_OK);
    CHECK(lk && dm_linker_add(lk, docs, 1) == DM_EINVAL); /* after the run: refused */
    CHECK(lk && dm_linker_labels(lk, label) == DM_OK);
    CHECK(label[0] == label[1] && label[3] == label[4] && label[0] != label[3] && label[2] != label[0] &&
          label[2] != label[3]);
    dm_linker_free(lk);
out:
    for (size_t i = 0; texts && i < N; i++)
        free(texts[i]);
    free(texts);
    free(ids);
    free(docs);
    free(one);
    free(two);
    free(three);
}

static void set_doc(dm_doc *d, const char *id, const char *text)
{
    memset(d, 0, sizeof *d);
    d->id = id;
    d->text = text;
    d->text_len = strlen(text);
}

static void test_no_evidence(dm_ctx *ctx)
{
    dm_doc docs[4];
    set_doc(&docs[0], "en", "The weather was pleasant and the children played outside all afternoon.");
    set_doc(&docs[1], "de", "Der Zug hatte heute wieder Verspätung wegen der Bauarbeiten am Bahnhof.");
    set_doc(&docs[2], "ja", "猫は窓のそばで静かに眠っていた。");
    set_doc(&docs[3], "ru", "Бабушка испекла пирог с яблоками для всей семьи.");
    size_t label[4];
    CHECK(dm_cluster(ctx, docs, 4, label) == DM_OK);
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++)
            CHECK(label[i] != label[j]);
}

static void test_digits(dm_ctx *ctx)
{
    /* two stories, each told in Persian (Persian digits) and English (ASCII digits): only the
     * numbers tie each pair together */
    dm_doc docs[4];
    set_doc(&docs[0], "fa1",
            "بر اساس گزارش وزارت کشور، در سال ۲۰۱۹ تعداد ۴۵۶۷۸ نفر در انتخابات شهر شرکت کردند و "
            "۳۱۲ صندوق رای در سراسر شهر گشوده شد.");
    set_doc(&docs[1], "en2",
            "The harbour authority said 2931 containers were unloaded in March, and 877 ships "
            "waited outside the port for more than 64 hours.");
    set_doc(&docs[2], "fa2",
            "اداره بندر اعلام کرد که در ماه مارس ۲۹۳۱ کانتینر تخلیه شد و ۸۷۷ کشتی بیش از ۶۴ ساعت "
            "بیرون بندر منتظر ماندند.");
    set_doc(&docs[3], "en1",
            "According to the interior ministry, 45678 people took part in the city election in "
            "2019 and 312 ballot boxes were opened across the city.");
    size_t label[4];
    CHECK(dm_cluster(ctx, docs, 4, label) == DM_OK);
    CHECK(label[0] == label[3]);
    CHECK(label[1] == label[2]);
    CHECK(label[0] != label[1]);
    dm_linker *lk = NULL;
    char *why = NULL;
    CHECK(dm_linker_new(ctx, docs, 4, &lk) == DM_OK);
    CHECK(lk && dm_linker_explain(lk, 0, 3, &why) == DM_OK);
    CHECK(why && strstr(why, "45678"));
    free(why);
    dm_linker_free(lk);
}

static void test_empty(dm_ctx *ctx)
{
    dm_doc docs[2];
    set_doc(&docs[0], "a", "");
    set_doc(&docs[1], "b", "   \n\n  ");
    size_t label[2];
    CHECK(dm_cluster(ctx, docs, 2, label) == DM_OK);
    CHECK(label[0] != label[1]);
    CHECK(dm_cluster(ctx, docs, 0, label) == DM_OK);
}

int main(void)
{
    dm_ctx *ctx = NULL;
    if (dm_ctx_new(&ctx, NULL) != DM_OK)
        return 1;
    /* Persian and Arabic are told apart by the language model; scripts alone cannot do it */
    dm_lang_guess g[1];
    size_t ng = 0;
    if (dm_langid(ctx, "The cat sleeps on the table.", 28, g, 1, &ng) != DM_OK) {
        fprintf(stderr, "link: skipped, no language model (%s)\n", dm_ctx_errmsg(ctx));
        dm_ctx_free(ctx);
        return 77;
    }
    test_examples(ctx);
    test_no_evidence(ctx);
    test_digits(ctx);
    test_empty(ctx);
    test_threads(ctx);
    dm_ctx_free(ctx);
    return check_done("link");
}
