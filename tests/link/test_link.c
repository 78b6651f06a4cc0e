/*
 * test_link.c -- the linker on real text: the five example articles (two translation pairs and
 * one article on the same topic) must make exactly three stories; documents sharing no evidence
 * stay alone; numbers written in Persian digits match the same numbers in ASCII digits.
 */
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
    dm_ctx_free(ctx);
    return check_done("link");
}
