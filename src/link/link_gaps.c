/*
 * link_gaps.c -- how documents' evidence is packed: ascending ids written as 16-bit gaps (link.h
 * reads them back, inline), and weights as one-byte codes on a log scale. Feature
 * ids of a document are a few hundred out of a few million, so most gaps fit in 16 bits; those
 * that do not are written whole after an escape. Separate because documents' features and words
 * both use it.
 */
#include "link/link.h"

#include <math.h>
#include <pthread.h>

float lk_wtab[256];

static void wtab_fill(void)
{
    lk_wtab[0] = 0;
    for (int q = 1; q < 256; q++)
        lk_wtab[q] = exp2f((float)(q - 255) / LK_W_STEPS);
}

void lk_wtab_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, wtab_fill);
}

lk_wq lk_w_q(float w)
{
    if (!(w > 0))
        return 0;
    float q = 255.0f + log2f(w) * LK_W_STEPS;
    if (q < 0.5f)
        return 0; /* lighter than the lightest code: nothing */
    return q >= 254.5f ? 255 : (lk_wq)(q + 0.5f);
}

size_t lk_gaps_put(const uint32_t *ids, size_t n, uint16_t *out)
{
    size_t u = 0;
    uint32_t prev = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t gap = ids[k] - prev;
        if (gap < LK_GAP_ESC) {
            if (out)
                out[u] = (uint16_t)gap;
            u++;
        } else {
            if (out) {
                out[u] = LK_GAP_ESC;
                out[u + 1] = (uint16_t)(ids[k] >> 16);
                out[u + 2] = (uint16_t)ids[k];
            }
            u += 3;
        }
        prev = ids[k];
    }
    return u;
}
