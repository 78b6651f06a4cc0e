/*
 * align_ibm1.c -- word translations learned from the text being aligned (IBM Model 1, EM).
 *
 * When no lexicon covers a language pair, the input itself is the only parallel text there is: a
 * first alignment (numbers, names, lengths) gives segments, and Model 1 over them learns which
 * words translate which. Rare words are left out (a word seen once aligns to anything), and only
 * confident translations are kept, as extra concepts of the src word.
 *
 * The co-occurring (src, tgt) pairs are sorted once into a table; each segment keeps the table
 * positions of its pairs, so an EM iteration is a linear pass with no hashing.
 */
#include "align/align_internal.h"

#include <stdlib.h>
#include <string.h>

#define NULL_WORD UINT32_MAX

struct al_ibm_trainer {
    al_segs s;
};

struct al_ibm {
    size_t nsrc;       /* src forms 0..nsrc-1 may have translations */
    uint32_t *off;     /* nsrc + 1 offsets into tr */
    uint32_t *tr;
};

al_ibm_trainer *al_ibm_trainer_new(void) { return calloc(1, sizeof(al_ibm_trainer)); }

void al_ibm_trainer_free(al_ibm_trainer *t)
{
    if (!t)
        return;
    al_segs_free(&t->s);
    free(t);
}

void al_ibm_free(al_ibm *m)
{
    if (!m)
        return;
    free(m->off);
    free(m->tr);
    free(m);
}

dm_status al_ibm_add(al_ibm_trainer *t, const uint32_t *src, size_t ns, const uint32_t *tgt,
                     size_t nt)
{
    if (!ns || !nt)
        return DM_OK;
    return al_segs_add(&t->s, src, ns, tgt, nt, 60);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sort n keys ascending: least significant digit first, 16 bits a pass, a pass skipped when every
 * key has the same digit (vocabulary ids are small: most high digits are). qsort when no scratch
 * memory can be had. Sorting the co-occurrence table was a fifth of a batch's time with qsort. */
static void sort_keys(uint64_t *a, size_t n)
{
    uint64_t *tmp = n > 1 ? malloc(n * sizeof *tmp) : NULL;
    size_t *cnt = tmp ? malloc(65536 * sizeof *cnt) : NULL;
    if (!cnt) {
        free(tmp);
        if (n > 1)
            qsort(a, n, sizeof *a, cmp_u64);
        return;
    }
    uint64_t *from = a, *to = tmp;
    for (int shift = 0; shift < 64; shift += 16) {
        memset(cnt, 0, 65536 * sizeof *cnt);
        for (size_t k = 0; k < n; k++)
            cnt[(from[k] >> shift) & 0xFFFF]++;
        if (cnt[(from[0] >> shift) & 0xFFFF] == n)
            continue; /* one digit for all: already in order */
        size_t sum = 0;
        for (size_t d = 0; d < 65536; d++) {
            size_t c = cnt[d];
            cnt[d] = sum;
            sum += c;
        }
        for (size_t k = 0; k < n; k++)
            to[cnt[(from[k] >> shift) & 0xFFFF]++] = from[k];
        uint64_t *x = from;
        from = to;
        to = x;
    }
    if (from != a)
        memcpy(a, from, n * sizeof *a);
    free(cnt);
    free(tmp);
}

/* The distinct sorted keys, found by hashing (open addressing over their positions): one probe or
 * two per co-occurrence instead of a binary search's twenty. */
typedef struct key_index {
    const uint64_t *keys;
    uint32_t *slot; /* position in keys + 1, 0 empty */
    size_t mask;
    int bits;
} key_index;

static size_t key_hash(const key_index *ix, uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> (64 - ix->bits)) & ix->mask;
}

static int key_index_build(key_index *ix, const uint64_t *keys, size_t nk)
{
    ix->keys = keys;
    ix->bits = 4;
    while (((size_t)1 << ix->bits) < 2 * nk + 16)
        ix->bits++;
    ix->mask = ((size_t)1 << ix->bits) - 1;
    ix->slot = calloc(ix->mask + 1, sizeof *ix->slot);
    if (!ix->slot)
        return 0;
    for (size_t k = 0; k < nk; k++) {
        size_t h = key_hash(ix, keys[k]);
        while (ix->slot[h])
            h = (h + 1) & ix->mask;
        ix->slot[h] = (uint32_t)(k + 1);
    }
    return 1;
}

static size_t find_key(const key_index *ix, uint64_t key)
{
    size_t h = key_hash(ix, key);
    while (ix->slot[h] && ix->keys[ix->slot[h] - 1] != key)
        h = (h + 1) & ix->mask;
    return ix->slot[h] - 1; /* every key looked up is in the table */
}

dm_status al_ibm_train(al_ibm_trainer *t, int iterations, double min_prob, al_ibm **out)
{
    *out = NULL;
    dm_status st = DM_ENOMEM;
    size_t npairs = 0;
    uint32_t max_src = 0;
    for (size_t g = 0; g < t->s.nseg; g++) {
        const uint32_t *s3 = t->s.seg + 3 * g;
        npairs += (size_t)(s3[1] + 1) * s3[2];
        for (uint32_t q = 0; q < s3[1]; q++)
            if (t->s.words[s3[0] + q] > max_src)
                max_src = t->s.words[s3[0] + q];
    }
    uint64_t *keys = malloc((npairs ? npairs : 1) * sizeof *keys);
    uint32_t *pos = NULL; /* allocated after the sort, whose scratch is as large */
    uint32_t *occ = calloc((size_t)max_src + 2, sizeof *occ);
    float *prob = NULL, *cnt = NULL;
    al_ibm *m = NULL;
    key_index ix = {0};
    if (!keys || !occ)
        goto done;
    size_t p = 0;
    for (size_t g = 0; g < t->s.nseg; g++) {
        const uint32_t *s3 = t->s.seg + 3 * g;
        const uint32_t *sw = t->s.words + s3[0], *tw = sw + s3[1];
        for (uint32_t q = 0; q < s3[1]; q++) {
            int dup = 0;
            for (uint32_t r = 0; r < q && !dup; r++)
                dup = sw[r] == sw[q];
            if (!dup)
                occ[sw[q]]++;
        }
        for (uint32_t u = 0; u < s3[2]; u++) {
            for (uint32_t q = 0; q < s3[1]; q++)
                keys[p++] = (uint64_t)sw[q] << 32 | tw[u];
            keys[p++] = (uint64_t)NULL_WORD << 32 | tw[u];
        }
    }
    sort_keys(keys, npairs);
    size_t nk = 0;
    for (size_t k = 0; k < npairs; k++)
        if (!nk || keys[k] != keys[nk - 1])
            keys[nk++] = keys[k];
    uint64_t *fit = realloc(keys, (nk ? nk : 1) * sizeof *keys); /* the distinct ones */
    if (fit)
        keys = fit;
    pos = malloc((npairs ? npairs : 1) * sizeof *pos);
    if (!pos || !key_index_build(&ix, keys, nk))
        goto done;
    p = 0;
    for (size_t g = 0; g < t->s.nseg; g++) {
        const uint32_t *s3 = t->s.seg + 3 * g;
        const uint32_t *sw = t->s.words + s3[0], *tw = sw + s3[1];
        for (uint32_t u = 0; u < s3[2]; u++) {
            for (uint32_t q = 0; q < s3[1]; q++)
                pos[p++] = (uint32_t)find_key(&ix, (uint64_t)sw[q] << 32 | tw[u]);
            pos[p++] = (uint32_t)find_key(&ix, (uint64_t)NULL_WORD << 32 | tw[u]);
        }
    }
    prob = malloc((nk ? nk : 1) * sizeof *prob);
    cnt = malloc((nk ? nk : 1) * sizeof *cnt);
    if (!prob || !cnt)
        goto done;
    for (size_t k = 0; k < nk; k++)
        prob[k] = 1.0f;
    for (int it = 0; it < iterations; it++) {
        memset(cnt, 0, nk * sizeof *cnt);
        p = 0;
        for (size_t g = 0; g < t->s.nseg; g++) {
            const uint32_t *s3 = t->s.seg + 3 * g;
            for (uint32_t u = 0; u < s3[2]; u++) {
                double z = 0;
                for (uint32_t q = 0; q <= s3[1]; q++)
                    z += prob[pos[p + q]];
                if (z > 0)
                    for (uint32_t q = 0; q <= s3[1]; q++)
                        cnt[pos[p + q]] += (float)(prob[pos[p + q]] / z);
                p += s3[1] + 1;
            }
        }
        /* normalise over the tgt words of each src word: keys are sorted by src first */
        for (size_t k = 0; k < nk;) {
            size_t e = k;
            double sum = 0;
            while (e < nk && keys[e] >> 32 == keys[k] >> 32)
                sum += cnt[e++];
            for (size_t q = k; q < e; q++)
                prob[q] = sum > 0 ? (float)(cnt[q] / sum) : 0.0f;
            k = e;
        }
    }
    m = calloc(1, sizeof *m);
    if (!m)
        goto done;
    m->nsrc = (size_t)max_src + 1;
    m->off = calloc(m->nsrc + 1, sizeof *m->off);
    size_t nkeep = 0;
    for (size_t k = 0; k < nk; k++) {
        uint32_t s = (uint32_t)(keys[k] >> 32);
        if (s != NULL_WORD && occ[s] >= 2 && prob[k] >= min_prob)
            nkeep++;
    }
    m->tr = malloc((nkeep ? nkeep : 1) * sizeof *m->tr);
    if (!m->off || !m->tr)
        goto done;
    size_t w = 0;
    for (size_t k = 0; k < nk; k++) {
        uint32_t s = (uint32_t)(keys[k] >> 32);
        if (s != NULL_WORD && occ[s] >= 2 && prob[k] >= min_prob) {
            m->tr[w++] = (uint32_t)keys[k];
            m->off[s + 1]++;
        }
    }
    for (size_t s = 0; s < m->nsrc; s++)
        m->off[s + 1] += m->off[s];
    *out = m;
    m = NULL;
    st = DM_OK;
done:
    free(ix.slot);
    free(keys);
    free(pos);
    free(occ);
    free(prob);
    free(cnt);
    al_ibm_free(m);
    return st;
}

const uint32_t *al_ibm_lookup(const al_ibm *m, uint32_t src_form, size_t *n)
{
    if (!m || src_form >= m->nsrc) {
        *n = 0;
        return NULL;
    }
    *n = m->off[src_form + 1] - m->off[src_form];
    return *n ? m->tr + m->off[src_form] : NULL;
}

dm_status al_ibm_union(const al_ibm *fwd, const al_ibm *rev, al_ibm **out)
{
    *out = NULL;
    size_t n = 0;
    for (size_t s = 0; s < fwd->nsrc; s++)
        n += fwd->off[s + 1] - fwd->off[s];
    for (size_t u = 0; u < rev->nsrc; u++)
        n += rev->off[u + 1] - rev->off[u];
    uint64_t *pairs = malloc((n ? n : 1) * sizeof *pairs);
    if (!pairs)
        return DM_ENOMEM;
    size_t k = 0;
    uint32_t max_src = 0;
    for (size_t s = 0; s < fwd->nsrc; s++)
        for (uint32_t q = fwd->off[s]; q < fwd->off[s + 1]; q++) {
            pairs[k++] = (uint64_t)s << 32 | fwd->tr[q];
            max_src = (uint32_t)s > max_src ? (uint32_t)s : max_src;
        }
    for (size_t u = 0; u < rev->nsrc; u++)
        for (uint32_t q = rev->off[u]; q < rev->off[u + 1]; q++) {
            pairs[k++] = (uint64_t)rev->tr[q] << 32 | u;
            max_src = rev->tr[q] > max_src ? rev->tr[q] : max_src;
        }
    if (n > 1) /* an empty array may be NULL */
        qsort(pairs, n, sizeof *pairs, cmp_u64);
    al_ibm *m = calloc(1, sizeof *m);
    if (!m) {
        free(pairs);
        return DM_ENOMEM;
    }
    m->nsrc = (size_t)max_src + 1;
    m->off = calloc(m->nsrc + 1, sizeof *m->off);
    m->tr = malloc((n ? n : 1) * sizeof *m->tr);
    if (!m->off || !m->tr) {
        free(pairs);
        al_ibm_free(m);
        return DM_ENOMEM;
    }
    size_t w = 0;
    for (size_t q = 0; q < n; q++) {
        if (q && pairs[q] == pairs[q - 1])
            continue;
        m->tr[w++] = (uint32_t)pairs[q];
        m->off[(pairs[q] >> 32) + 1]++;
    }
    for (size_t x = 0; x < m->nsrc; x++)
        m->off[x + 1] += m->off[x];
    free(pairs);
    *out = m;
    return DM_OK;
}
