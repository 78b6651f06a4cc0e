/*
 * rows.c -- summing the dense rows of the language identifier: a signed byte for every language
 * in each row, added into 16-bit sums. Short text spends a fifth of its instructions here (a word
 * pair finds some sixty common n-grams stored as dense rows), so it has a file of its own with
 * one loop per instruction set: AVX2 where the processor has it (asked at run time, so that the
 * one build runs everywhere), SSE2 on any x86-64, plain C elsewhere. All give the same sums.
 */
#include "langid/langid.h"

#if defined(LID_SSE2)
#include <emmintrin.h>
#endif
#if defined(LID_AVX2)
#include <immintrin.h>
#endif

#if defined(LID_AVX2)
/* Sixteen languages a step: the bytes are widened to 16 bits by one instruction (vpmovsxbw),
 * two blocks at a time so that each row pointer is loaded once per 32 languages. */
__attribute__((target("avx2"))) static void add_rows_avx2(int16_t *sums, const int8_t *const *row,
                                                         uint32_t n, uint32_t from, uint32_t to)
{
    uint32_t i = from;
    for (; i + 32 <= to; i += 32) {
        __m256i s0 = _mm256_loadu_si256((const __m256i *)(const void *)(sums + i));
        __m256i s1 = _mm256_loadu_si256((const __m256i *)(const void *)(sums + i + 16));
        for (uint32_t r = 0; r < n; r++) {
            const int8_t *p = row[r] + i;
            s0 = _mm256_add_epi16(s0, _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(const void *)p)));
            s1 = _mm256_add_epi16(s1, _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(const void *)(p + 16))));
        }
        _mm256_storeu_si256((__m256i *)(void *)(sums + i), s0);
        _mm256_storeu_si256((__m256i *)(void *)(sums + i + 16), s1);
    }
    if (i < to) { /* one block of 16 left */
        __m256i s0 = _mm256_loadu_si256((const __m256i *)(const void *)(sums + i));
        for (uint32_t r = 0; r < n; r++)
            s0 = _mm256_add_epi16(s0, _mm256_cvtepi8_epi16(
                                          _mm_loadu_si128((const __m128i *)(const void *)(row[r] + i))));
        _mm256_storeu_si256((__m256i *)(void *)(sums + i), s0);
    }
}
#endif

int lid_rows_fast(void)
{
#if defined(LID_AVX2)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 1 : 0;
#else
    return 0;
#endif
}

void lid_add_rows(int16_t *sums, const int8_t *const *row, uint32_t n, uint32_t from, uint32_t to,
                  int fast)
{
#if defined(LID_AVX2)
    if (fast) {
        add_rows_avx2(sums, row, n, from, to);
        return;
    }
#else
    (void)fast;
#endif
#if defined(LID_SSE2)
    /* one block of the sums stays in two registers while every row's block is added to it */
    const __m128i zero = _mm_setzero_si128();
    __m128i *sum = (__m128i *)(void *)(sums + from);
    for (uint32_t i = from; i < to; i += 16, sum += 2) {
        __m128i lo = _mm_loadu_si128(sum), hi = _mm_loadu_si128(sum + 1);
        for (uint32_t r = 0; r < n; r++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(row[r] + i));
            __m128i sign = _mm_cmpgt_epi8(zero, v);
            lo = _mm_add_epi16(lo, _mm_unpacklo_epi8(v, sign));
            hi = _mm_add_epi16(hi, _mm_unpackhi_epi8(v, sign));
        }
        _mm_storeu_si128(sum, lo);
        _mm_storeu_si128(sum + 1, hi);
    }
#else
    for (uint32_t r = 0; r < n; r++)
        for (uint32_t i = from; i < to; i++)
            sums[i] = (int16_t)(sums[i] + row[r][i]);
#endif
}
