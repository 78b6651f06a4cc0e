/*
 * test_held.c -- the language identifier's held layout, which only speeds it up and must not
 * change an answer: the loop that sums dense rows gives the same sums on every path (AVX2, SSE2,
 * plain C), and the shipped model's languages are held grouped by script with the file's order
 * kept where answers depend on it (candidates, the list of codes, code lookup).
 */
#include "langid/langid.h"
#include "text/text.h"
#include "check.h"
#include "dragoman.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Every path of lid_add_rows against a plain sum, on rows of random bytes (all of -128..127),
 * for stretches at the start, middle and end of the rows and up to 256 rows at once. */
static void test_rows(void)
{
    enum { ROWS = 256 };
    static int8_t data[ROWS][LID_ROW_MAX];
    const int8_t *row[ROWS];
    uint32_t seed = 12345;
    for (int r = 0; r < ROWS; r++) {
        for (int l = 0; l < LID_ROW_MAX; l++) {
            seed = seed * 1103515245u + 12345u;
            data[r][l] = (int8_t)(seed >> 16);
        }
        row[r] = data[r];
    }
    const uint32_t stretch[][2] = {{0, 224}, {0, 16}, {16, 48}, {144, 160}, {0, 256}, {208, 224}};
    const uint32_t counts[] = {1, 2, 7, 63, 256};
    for (size_t s = 0; s < sizeof stretch / sizeof stretch[0]; s++)
        for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
            for (int fast = 0; fast <= lid_rows_fast(); fast++) {
                _Alignas(16) int16_t sums[LID_ROW_MAX];
                int32_t want[LID_ROW_MAX];
                for (int l = 0; l < LID_ROW_MAX; l++)
                    sums[l] = want[l] = (int16_t)(l * 3 - 200); /* sums already started */
                for (uint32_t r = 0; r < counts[c]; r++)
                    for (uint32_t l = stretch[s][0]; l < stretch[s][1]; l++)
                        want[l] += row[r][l];
                lid_add_rows(sums, row, counts[c], stretch[s][0], stretch[s][1], fast);
                int same = 1;
                for (int l = 0; l < LID_ROW_MAX; l++)
                    same &= sums[l] == want[l];
                CHECK(same);
            }
        }
}

/* The codes of the model file in its own order, read from its language records. */
static int file_codes(const char *path, char codes[][8], uint32_t *n)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return -1;
    unsigned char head[32], rec[48];
    int ok = gzread(gz, head, sizeof head) == (int)sizeof head;
    *n = ok ? (uint32_t)head[12] | (uint32_t)head[13] << 8 : 0;
    for (uint32_t l = 0; ok && l < *n && l < LID_MAX_LANGS; l++) {
        ok = gzread(gz, rec, sizeof rec) == (int)sizeof rec;
        memcpy(codes[l], rec, 8);
        codes[l][7] = 0;
    }
    gzclose(gz);
    return ok ? 0 : -1;
}

static void test_model(void)
{
    const char *path = DM_SOURCE_DIR "/data/langid/langid.bin.gz";
    dm_ctx *ctx;
    CHECK(dm_ctx_new(&ctx, NULL) == DM_OK);
    lid_model *m = NULL;
    CHECK(lid_model_load(ctx, path, &m) == DM_OK);
    if (!m) {
        dm_ctx_free(ctx);
        return;
    }
    /* file_lang is a permutation and file_pos its inverse */
    int seen[LID_MAX_LANGS] = {0};
    for (uint32_t f = 0; f < m->n_langs; f++) {
        CHECK(m->file_lang[f] < m->n_langs);
        seen[m->file_lang[f]]++;
        CHECK(m->file_pos[m->file_lang[f]] == f);
    }
    for (uint32_t l = 0; l < m->n_langs; l++)
        CHECK(seen[l] == 1);
    /* each script's candidates lie in its stretch, in the file's order, and the stretch's other
     * languages are the ones knocked out */
    for (int s = 0; s < 32; s++) {
        if (m->script_langs[s] < 2)
            continue;
        uint8_t is_cand[LID_ROW_MAX] = {0};
        for (uint32_t c = 0; c < m->script_langs[s]; c++) {
            const uint32_t l = m->candidates[s][c];
            CHECK(l >= m->script_lo[s] && l < m->script_hi[s]);
            CHECK(m->langs[l].scripts & (1u << s));
            if (c > 0)
                CHECK(m->file_pos[l] > m->file_pos[m->candidates[s][c - 1]]);
            is_cand[l] = 1;
        }
        uint32_t others = 0;
        for (uint32_t l = m->script_lo[s]; l < m->script_hi[s]; l++)
            others += !is_cand[l];
        CHECK(others == m->script_nout[s]);
        for (uint32_t j = 0; j < m->script_nout[s]; j++)
            CHECK(!is_cand[m->script_out[s][j]]);
    }
    /* grouped: the Latin-script languages (most of the model) read less than a whole dense row,
     * the Cyrillic ones two blocks at most */
    const uint32_t latin = (uint32_t)m->script_hi[DM_SCRIPT_LATIN] - m->script_lo[DM_SCRIPT_LATIN];
    const uint32_t cyrillic = (uint32_t)m->script_hi[DM_SCRIPT_CYRILLIC] - m->script_lo[DM_SCRIPT_CYRILLIC];
    CHECK(latin > 0 && latin < lid_row_bytes(m->n_langs));
    CHECK(cyrillic > 0 && cyrillic <= 32);
    /* the codes come out in the file's order, and each code finds its own language */
    static char codes[LID_MAX_LANGS][8];
    uint32_t n = 0;
    CHECK(file_codes(path, codes, &n) == 0 && n == m->n_langs);
    const char *listed[LID_MAX_LANGS];
    CHECK(dm_langid_languages(ctx, listed, LID_MAX_LANGS) == n);
    for (uint32_t f = 0; f < n && f < m->n_langs; f++) {
        CHECK_STR(listed[f], codes[f]);
        const int l = lid_lang_index(m, codes[f], strlen(codes[f]));
        CHECK(l >= 0 && !strcmp(m->langs[l].code, codes[f]));
    }
    lid_model_free(m);
    dm_ctx_free(ctx);
}

int main(void)
{
    test_rows();
    test_model();
    return check_done("test_langid_held");
}
