/*
 * link_gaps.c -- ascending ids written as 16-bit gaps (link.h reads them back, inline). Feature
 * ids of a document are a few hundred out of a few million, so most gaps fit in 16 bits; those
 * that do not are written whole after an escape. Separate because documents' features and words
 * both use it.
 */
#include "link/link.h"

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
