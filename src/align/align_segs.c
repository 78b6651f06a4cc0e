/*
 * align_segs.c -- the parallel segments an IBM Model 1 trainer reads: pairs of word-id sequences
 * kept end to end in one array (no allocation per pair), each side cut at a maximum length.
 * Shared by the aligner's trainer (align_ibm1.c) and the miner's (mine_ttable.c).
 */
#include "align/align_internal.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

dm_status al_segs_add(al_segs *s, const uint32_t *src, size_t ns, const uint32_t *tgt, size_t nt,
                      size_t max_side)
{
    ns = ns > max_side ? max_side : ns;
    nt = nt > max_side ? max_side : nt;
    if (dm_grow(&s->words, &s->capwords, s->nwords + ns + nt, sizeof *s->words) ||
        dm_grow(&s->seg, &s->capseg, 3 * (s->nseg + 1), sizeof *s->seg))
        return DM_ENOMEM;
    uint32_t *s3 = s->seg + 3 * s->nseg++;
    s3[0] = (uint32_t)s->nwords;
    s3[1] = (uint32_t)ns;
    s3[2] = (uint32_t)nt;
    memcpy(s->words + s->nwords, src, ns * sizeof *src);
    memcpy(s->words + s->nwords + ns, tgt, nt * sizeof *tgt);
    s->nwords += ns + nt;
    return DM_OK;
}

void al_segs_free(al_segs *s)
{
    free(s->words);
    free(s->seg);
    memset(s, 0, sizeof *s);
}
