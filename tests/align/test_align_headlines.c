/*
 * test_align_headlines.c -- headlines that only one version has, before a sentence that drops a
 * clause: the example articles Hindi 000 and English 001. The English begins with three headline
 * lines (the office, the meeting, the cooperation), then the sentence that the Hindi's first
 * sentence translates without its first clause ("Today, in a meeting with Mr Abdul Latif Rashid
 * ... and his accompanying delegation"). With a lexicon that knows the words of that Hindi
 * sentence, the Hindi is a 1-1 translation of the English sentence, and the headlines, whose
 * words all come back in it, are on the English side only. The length of a block is bounded (a
 * translation may drop a clause), and a block already at its bound took in the three headlines at
 * no further cost of length (one block of 1 Hindi against 4 English lines); the bound grows with
 * each further sentence (len_cap_more).
 *
 * The shipped Hindi lexicon lacks these words (तरक़्क़ी progress, अहम important, गणराज्य republic,
 * समझौता agreement... see docs/LEXICON.md), so the test writes one: the shipped file plus them.
 */
#define _GNU_SOURCE
#include "check.h"
#include "dragoman.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

typedef check_sents sents;

static size_t find(const sents *s, const char *needle)
{
    for (size_t k = 0; k < s->n; k++)
        if (memmem(s->t[k], s->l[k], needle, strlen(needle)))
            return k;
    return SIZE_MAX;
}

/* The block holding tgt sentence j (its index), or SIZE_MAX. */
static size_t block_of_tgt(const dm_align_block *b, size_t nb, size_t j)
{
    for (size_t k = 0; k < nb; k++)
        if (j >= b[k].tgt_start && j < b[k].tgt_start + b[k].tgt_n)
            return k;
    return SIZE_MAX;
}

/* The Hindi words of the article's first sentence with the translations a full dictionary has. */
static const char extra[] = "तरक़्क़ी\tprogress\t0.9\n"
                            "सरबुलंदी\televation\t0.9\n"
                            "गणराज्य\trepublic\t0.9\n"
                            "बहुत\tvery\t0.9\n"
                            "अहम\timportant\t0.9\n"
                            "आपसी\tbilateral\t0.6\n"
                            "आपसी\tmutual\t0.6\n"
                            "बढ़ावा\texpansion\t0.6\n"
                            "बढ़ावा\tpromotion\t0.6\n"
                            "तय\treached\t0.5\n"
                            "समझौता\tagreement\t0.9\n"
                            "अमल\timplementation\t0.9\n"
                            "फ़ायदा\tinterest\t0.6\n"
                            "फ़ायदा\tbenefit\t0.6\n"
                            "मुलाक़ात\tmeeting\t0.9\n"
                            "इन्क़ेलाब\trevolution\t0.9\n"
                            "कामयाबी\tsuccess\t0.9\n";

/* dir/lexicon/hi.tsv.gz: the shipped Hindi lexicon and the lines above; dir/langid: the shipped
 * models. Returns 0 on success. */
static int make_data(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/lexicon", dir);
    if (mkdir(path, 0700) != 0)
        return -1;
    snprintf(path, sizeof path, "%s/langid", dir);
    if (symlink(DM_SOURCE_DIR "/data/langid", path) != 0)
        return -1;
    gzFile in = gzopen(DM_SOURCE_DIR "/data/lexicon/hi.tsv.gz", "rb");
    snprintf(path, sizeof path, "%s/lexicon/hi.tsv.gz", dir);
    gzFile out = gzopen(path, "wb");
    int ok = in && out;
    char buf[1 << 14];
    int n;
    while (ok && (n = gzread(in, buf, sizeof buf)) > 0)
        ok = gzwrite(out, buf, (unsigned)n) == n;
    ok = ok && gzwrite(out, extra, (unsigned)strlen(extra)) == (int)strlen(extra);
    if (in)
        gzclose(in);
    if (out)
        ok = gzclose(out) == Z_OK && ok;
    return ok ? 0 : -1;
}

static void remove_data(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/lexicon/hi.tsv.gz", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/lexicon", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/langid", dir);
    remove(path);
    rmdir(dir);
}

int main(void)
{
    char dir[] = "/tmp/dm-align-headlines-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    CHECK(make_data(dir) == 0);
    dm_options opt = {.data_dir = dir};
    dm_ctx *ctx = NULL;
    CHECK(dm_ctx_new(&ctx, &opt) == DM_OK);
    sents hi, en;
    check_load_sents(ctx, "examples/iran-iraq/000_53f2f7017102b22e.txt", &hi);
    check_load_sents(ctx, "examples/iran-iraq/001_e90ef68c3666fdb9.txt", &en);
    size_t today = find(&en, "Today, in a meeting with Mr Abdul Latif Rashid");
    CHECK(hi.n > 0 && today == 3); /* three headline lines before it */
    dm_align_opts ao = {.src_lang = "hi", .tgt_lang = "en"};
    dm_align_block *b = NULL;
    size_t nb = 0;
    CHECK(dm_align(ctx, &ao, hi.t, hi.l, hi.n, en.t, en.l, en.n, &b, &nb) == DM_OK);
    if (getenv("DM_TEST_SHOW"))
        for (size_t k = 0; k < nb; k++)
            fprintf(stderr, "[%zu+%zu %zu+%zu] ", b[k].src_start, b[k].src_n, b[k].tgt_start, b[k].tgt_n);
    if (b && today == 3) {
        size_t k = block_of_tgt(b, nb, 3);
        /* the Hindi's first sentence and the English "Today, ..." sentence, one to one */
        CHECK(k != SIZE_MAX && b[k].src_start == 0 && b[k].src_n == 1 && b[k].tgt_n == 1);
        for (size_t j = 0; j < 3; j++) { /* the headlines: on the English side only */
            size_t h = block_of_tgt(b, nb, j);
            CHECK(h != SIZE_MAX && b[h].src_n == 0);
        }
    }
    free(b);
    check_sents_free(&hi);
    check_sents_free(&en);
    dm_ctx_free(ctx);
    remove_data(dir);
    return check_done("test_align_headlines");
}
