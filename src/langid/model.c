/*
 * model.c -- loading the language-identification model: one gzip read of a compact binary file,
 * checked field by field, plus the lookup tables built from it (key index, script cache).
 *
 * File format (little-endian), as written by tools/langid/build_langid.py:
 *   "DMLANGID", u32 version (4), u32 n_langs, u32 n_keys, u32 n_postings, f32 qscale, u32 n_low
 *   n_langs x { char code[8], char alt[8], u32 script mask, f32 delta[6], f32 bias }
 *   keys: n_keys LEB128 varints, each the difference to the previous key: first the sorted keys
 *   of words and long n-grams, then (counting from 0 again) the n_low sorted keys of n-grams of
 *   orders 1..3, which go into a table of their own
 *   u8 count[n_keys], n_postings x { u8 lang, i8 q }
 * A count of 255 (LID_DENSE) marks a dense row: the feature's postings area holds one i8 q for
 * every language in language order, padded with zeros to a multiple of 16 bytes (lid_row_bytes).
 * Common n-grams, which differ from their median in most languages of their script, are stored
 * so; the others keep their short lists.
 * The score of language l for a text is bias + sum over orders of found[order] * delta[order]
 * + the sum of q / qscale over the postings of l of the features found (see build_langid.py).
 * The keys go into an open-addressing table at load time: one probe per feature, mostly.
 */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE is a Linux extension, not POSIX */
#include "langid/langid.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <zlib.h>

#define HEADER_BYTES 32
#define LANG_BYTES 48
#define MAX_MODEL_BYTES ((size_t)256 << 20)

void lid_model_free(void *model)
{
    lid_model *m = model;
    if (!m)
        return;
    free(m->blob);
    free(m->post_mem);
    free(m->langs);
    free(m->high.slots);
    free(m->low.slots);
    free(m);
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static float rdf(const unsigned char *p)
{
    uint32_t u = rd32(p);
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* The whole file, decompressed when it is gzip (gzread passes plain files through). */
static dm_status read_file(dm_ctx *ctx, const char *path, unsigned char **out, size_t *len)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return dm_fail(ctx, DM_ENOTFOUND, "language model %s cannot be opened", path);
    gzbuffer(gz, 1 << 17);
    size_t cap = (size_t)8 << 20, n = 0;
    unsigned char *buf = malloc(cap);
    if (!buf) {
        gzclose(gz);
        return dm_fail(ctx, DM_ENOMEM, "no memory for the language model");
    }
    for (;;) {
        if (n == cap) {
            if (cap >= MAX_MODEL_BYTES) {
                free(buf);
                gzclose(gz);
                return dm_fail(ctx, DM_EMODEL, "language model %s is too large", path);
            }
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                gzclose(gz);
                return dm_fail(ctx, DM_ENOMEM, "no memory for the language model");
            }
            buf = nb;
            cap *= 2;
        }
        int got = gzread(gz, buf + n, (unsigned)(cap - n > (1u << 30) ? (1u << 30) : cap - n));
        if (got < 0) {
            free(buf);
            gzclose(gz);
            return dm_fail(ctx, DM_EMODEL, "language model %s is corrupt", path);
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    gzclose(gz);
    *out = buf;
    *len = n;
    return DM_OK;
}

/* Zeroed memory for a table that every line probes at random places: aligned to 2 MB and
 * advised to be backed by huge pages where the system allows it, so that a lookup costs a cache
 * miss but rarely also a TLB miss (a 16 MB table spans 4,096 small pages, 8 huge ones). */
#define HUGE_PAGE ((size_t)2 << 20)
static void *alloc_probed(size_t bytes)
{
    void *p = NULL;
    if (bytes < HUGE_PAGE)
        return calloc(1, bytes);
    size_t rounded = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
    if (posix_memalign(&p, HUGE_PAGE, rounded) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, rounded, MADV_HUGEPAGE); /* advice only: small pages work too */
#endif
    memset(p, 0, rounded);
    return p;
}

/* An empty table for n keys: load factor at most 1/2, few probes for absent keys. */
static dm_status alloc_table(lid_table *t, uint32_t n)
{
    uint32_t n_slots = 1024;
    while (n_slots < 2 * n)
        n_slots *= 2;
    t->mask = n_slots - 1;
    t->shift = 32;
    for (uint32_t v = n_slots; v > 1; v >>= 1)
        t->shift--;
    t->slots = alloc_probed((size_t)n_slots * sizeof *t->slots);
    return t->slots ? DM_OK : DM_ENOMEM;
}

/* file_lang: the languages grouped by their first script (the file's order within a group), a
 * language of two scripts last in the group of its first, next to the group of the second
 * (Latin and Cyrillic, say). Reads the script masks of the file's language records at p. */
static void group_by_script(lid_model *m, const unsigned char *p)
{
    uint32_t next = 0;
    for (int group = 0; group <= 2 * 32; group++)
        for (uint32_t f = 0; f < m->n_langs; f++) {
            const uint32_t scripts = rd32(p + (size_t)f * LANG_BYTES + 16);
            int first;
            for (first = 0; first < 32 && !(scripts & (1u << first)); first++)
                ;
            const int g = first == 32 ? 2 * 32 : 2 * first + ((scripts & (scripts - 1)) != 0);
            if (g == group)
                m->file_lang[f] = (uint8_t)next++;
        }
    for (uint32_t l = 0; l < LID_ROW_MAX; l++) /* the padding languages come after the file's */
        m->file_pos[l] = (uint8_t)l;
    for (uint32_t f = 0; f < m->n_langs; f++)
        m->file_pos[m->file_lang[f]] = (uint8_t)f;
}

static void build_tables(lid_model *m)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        m->crc_table[i] = c;
    }
    for (uint32_t cp = 0; cp < 65536; cp++)
        m->bmp_script[cp] = (uint8_t)dm_script_of(cp);
    memset(m->allowed, 1, sizeof m->allowed);
    lid_update_candidates(m);
    lid_macro_init(m);
    m->rows_fast = lid_rows_fast();
}

void lid_update_candidates(lid_model *m)
{
    memset(m->script_langs, 0, sizeof m->script_langs);
    memset(m->script_only, 0, sizeof m->script_only);
    uint32_t lo[32], hi[32];
    for (int s = 0; s < 32; s++)
        lo[s] = LID_ROW_MAX, hi[s] = 0;
    for (uint32_t f = 0; f < m->n_langs; f++) {
        const uint32_t l = m->file_lang[f];
        if (!m->allowed[l])
            continue;
        for (int s = 0; s < 32; s++)
            if (m->langs[l].scripts & (1u << s)) {
                m->candidates[s][m->script_langs[s]++] = (uint8_t)l;
                m->script_only[s] = (uint8_t)l;
                if (l < lo[s])
                    lo[s] = l;
                if (l + 1 > hi[s])
                    hi[s] = l + 1;
            }
    }
    for (int s = 0; s < 32; s++) { /* one candidate needs no score: no stretch */
        m->script_lo[s] = (uint16_t)(m->script_langs[s] > 1 ? lo[s] / 16 * 16 : 0);
        m->script_hi[s] = (uint16_t)(m->script_langs[s] > 1 ? (hi[s] + 15) / 16 * 16 : 0);
        uint32_t nout = 0;
        for (uint32_t l = m->script_lo[s]; l < m->script_hi[s]; l++)
            if (l >= m->n_langs || !m->allowed[l] || !(m->langs[l].scripts & (1u << s)))
                m->script_out[s][nout++] = (uint8_t)l;
        m->script_nout[s] = (uint8_t)nout;
    }
}

dm_status lid_model_load(dm_ctx *ctx, const char *path, lid_model **out)
{
    *out = NULL;
    unsigned char *blob = NULL;
    size_t len = 0;
    dm_status st = read_file(ctx, path, &blob, &len);
    if (st != DM_OK)
        return st;
    lid_model *m = calloc(1, sizeof *m);
    if (!m) {
        free(blob);
        return dm_fail(ctx, DM_ENOMEM, "no memory for the language model");
    }
    m->blob = blob;
    if (len < HEADER_BYTES || memcmp(blob, "DMLANGID", 8) || rd32(blob + 8) != 4)
        goto corrupt;
    m->n_langs = rd32(blob + 12);
    m->n_keys = rd32(blob + 16);
    m->n_post = rd32(blob + 20);
    m->qscale = rdf(blob + 24);
    const uint32_t n_low = rd32(blob + 28);
    if (m->n_langs == 0 || m->n_langs > LID_MAX_LANGS || !(m->qscale > 0))
        goto corrupt;
    /* sizes in 64 bits: the counts come from the file and must not overflow the check */
    if (m->n_post >= (1u << 24) || m->n_keys > (1u << 28) || n_low > m->n_keys ||
        len < HEADER_BYTES + (uint64_t)m->n_langs * LANG_BYTES)
        goto corrupt;
    m->langs = calloc(m->n_langs, sizeof *m->langs);
    if (!m->langs) {
        lid_model_free(m);
        return dm_fail(ctx, DM_ENOMEM, "no memory for the language model");
    }
    const unsigned char *p = blob + HEADER_BYTES;
    group_by_script(m, p);
    for (uint32_t f = 0; f < m->n_langs; f++, p += LANG_BYTES) {
        const uint32_t l = m->file_lang[f];
        lid_lang *g = &m->langs[l];
        memcpy(g->code, p, 8);
        memcpy(g->alt, p + 8, 8);
        g->code[7] = g->alt[7] = 0;
        if (!g->code[0])
            goto corrupt;
        g->scripts = rd32(p + 16);
        for (int o = 0; o < LID_ORDERS; o++) {
            g->delta[o] = rdf(p + 20 + 4 * o);
            if (g->delta[o] != 0.0f)
                g->has_delta = 1;
        }
        g->bias = rdf(p + 44);
        m->bias[l] = g->bias;
        m->any_delta |= g->has_delta;
    }
    /* the varint keys end where the counts begin: find that end first, checking the sizes */
    const unsigned char *end = blob + len, *keys = p;
    for (uint32_t i = 0; i < m->n_keys; i++) {
        int bytes = 0;
        while (p < end && (*p & 0x80) && bytes < 4)
            p++, bytes++;
        if (p >= end || (*p & 0x80)) /* a key is at most five bytes, the last one final */
            goto corrupt;
        p++;
    }
    const unsigned char *counts = p;
    if ((uint64_t)(end - counts) != (uint64_t)m->n_keys + 2ull * m->n_post)
        goto corrupt;
    /* The postings are read at random like the tables: they get memory of their own, on huge
     * pages where the system gives them (the file's buffer is not aligned for that). The lists
     * of two or more postings come first (a single posting lives in its slot); the dense rows
     * follow end to end from a 64-byte boundary: rows of 224 bytes (220 languages) all started
     * at a multiple of 32 bytes, rows of 240 (the eighth round's model) every other one. Padding
     * each to 64 bytes measured no faster (single words 0.998 against 1.012 of CLD2's lines per
     * second, six alternating runs), so they stay packed. */
    const lid_posting *file_post = (const lid_posting *)(const void *)(counts + m->n_keys);
    const uint32_t row_units = lid_row_bytes(m->n_langs) / sizeof(lid_posting);
    uint64_t n_dense = 0, list_units = 0;
    for (uint32_t i = 0; i < m->n_keys; i++)
        if (counts[i] == LID_DENSE)
            n_dense++;
        else if (counts[i] > 1)
            list_units += counts[i];
    const uint64_t dense_base = (list_units + 31) / 32 * 32; /* in postings: 64 bytes */
    const uint64_t held_units = dense_base + n_dense * row_units;
    if (held_units >= (1u << 24)) /* a slot holds a start of 24 bits */
        goto corrupt;
    lid_posting *held_post = alloc_probed(2 * (size_t)held_units + 64);
    if (!held_post) {
        lid_model_free(m);
        return dm_fail(ctx, DM_ENOMEM, "no memory for the language model");
    }
    m->post_mem = held_post;
    m->post = held_post;
    if (alloc_table(&m->high, m->n_keys - n_low) != DM_OK ||
        alloc_table(&m->low, n_low) != DM_OK) {
        lid_model_free(m);
        return dm_fail(ctx, DM_ENOMEM, "no memory for the language model");
    }
    uint64_t start = 0, list_at = 0, dense_at = dense_base;
    uint32_t prev = 0;
    for (uint32_t i = 0; i < m->n_keys; i++) {
        uint64_t diff = 0;
        for (int shift = 0;; shift += 7) {
            unsigned char b = *keys++;
            diff |= (uint64_t)(b & 0x7F) << shift;
            if (!(b & 0x80))
                break;
        }
        const int first_low = i == m->n_keys - n_low; /* the low section counts from 0 again */
        if (first_low)
            prev = 0;
        uint64_t key64 = (uint64_t)prev + diff;
        uint32_t key = (uint32_t)key64, count = counts[i];
        const uint32_t units = count == LID_DENSE ? row_units : count;
        if ((i && !first_low && diff == 0) || key64 > UINT32_MAX || count == 0 ||
            start + units > m->n_post)
            goto corrupt;
        /* the postings, in the held order of the languages */
        const lid_posting *from = file_post + start;
        uint64_t at = 0;
        if (count != LID_DENSE) {
            for (uint32_t j = 0; j < count; j++)
                if (from[j].lang >= m->n_langs)
                    goto corrupt;
            if (count > 1) {
                at = list_at;
                list_at += count;
                for (uint32_t j = 0; j < count; j++) {
                    held_post[at + j].lang = m->file_lang[from[j].lang];
                    held_post[at + j].q = from[j].q;
                }
            }
        } else {
            at = dense_at;
            dense_at += row_units;
            const int8_t *row = (const int8_t *)(const void *)from;
            int8_t *held_row = (int8_t *)(void *)(held_post + at);
            for (uint32_t f = 0; f < m->n_langs; f++) /* the padding stays zero */
                held_row[m->file_lang[f]] = row[f];
        }
        prev = key;
        lid_table *t = i >= m->n_keys - n_low ? &m->low : &m->high;
        uint32_t s = key >> t->shift;
        while (t->slots[s].start_count)
            s = (s + 1) & t->mask;
        t->slots[s].key = key;
        if (count == 1) {
            t->slots[s].start_count = (uint32_t)(uint8_t)from->q << 16 |
                                      (uint32_t)m->file_lang[from->lang] << 8 | 1;
        } else {
            t->slots[s].start_count = (uint32_t)at << 8 | count;
        }
        start += units;
    }
    if (start != m->n_post)
        goto corrupt;
    free(m->blob); /* everything needed has been copied out of the file */
    m->blob = NULL;
    build_tables(m);
    *out = m;
    return DM_OK;
corrupt:
    lid_model_free(m);
    return dm_fail(ctx, DM_EMODEL, "language model %s is corrupt", path);
}

dm_status lid_model_get(dm_ctx *ctx, lid_model **out)
{
    dm_model_slot *slot = &ctx->slots[DM_SLOT_LANGID];
    if (slot->model) {
        *out = slot->model;
        return DM_OK;
    }
    char path[1200];
    dm_status st = dm_data_path(ctx, "langid/langid.bin.gz", path, sizeof path);
    if (st != DM_OK)
        return st;
    lid_model *m;
    st = lid_model_load(ctx, path, &m);
    if (st != DM_OK)
        return st;
    slot->model = m;
    slot->free_fn = lid_model_free;
    *out = m;
    return DM_OK;
}

int lid_lang_index(const lid_model *m, const char *code, size_t len)
{
    if (len == 0 || len >= 8)
        return -1;
    for (uint32_t f = 0; f < m->n_langs; f++) { /* in the file's order: the first match wins */
        const lid_lang *g = &m->langs[m->file_lang[f]];
        if ((strlen(g->code) == len && !strncmp(g->code, code, len)) ||
            (strlen(g->alt) == len && !strncmp(g->alt, code, len)))
            return (int)m->file_lang[f];
    }
    return -1;
}
