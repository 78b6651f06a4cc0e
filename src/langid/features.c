/*
 * features.c -- the features the language identifier looks up: character n-grams (1..5) of each
 * word padded with a space on both sides, and the word itself, hashed with CRC-32.
 *
 * It must agree exactly with tools/langid/features.py, which counted the same features to build
 * the model. Letters are classified and lowered with ICU's per-code-point functions (no ICU
 * object, no UTF-16 copy), so a line costs one pass over its bytes.
 */
#include "langid/langid.h"
#include "text/text.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define WORD_CAP 1024 /* a longer run of letters (unspaced Chinese...) is cut into pieces */
#define BATCH 512     /* features handed to the scorer at once */

typedef struct batch {
    uint32_t keys[BATCH];
    uint8_t orders[BATCH];
    size_t n;
    lid_feature_fn fn;
    void *ud;
    uint32_t mark_key;            /* the key of the next mark: 1 for a name-like word */
    const lid_table *table[LID_ORDERS + 1]; /* the table each order is looked up in */
} batch;

/* The script of most letters; marks and symbols (script "other") only count when nothing else
 * is there, as in dm_dominant_script. Japanese is written in three scripts at once: Han with any
 * kana is Japanese (Hiragana), and its Han, Hiragana and Katakana count together. A Chinese
 * character is a syllable and mostly a word, a kana or a Hangul block a syllable: they weigh 4
 * and 3 letters (counted one each, "fanotify API は Linux 独自のものである。" was Latin, and English;
 * held-out prose lines with 1,000 lines a kind, macro: one each 0.8630, 2/2 0.8653, 3/2 0.8657,
 * 4/3 0.8662, 6/4 0.8665, any CJK letter wins 0.8670; those lines are catalogues and help pages,
 * which put Latin commands in CJK text but never CJK words in English text, so no higher). */
_Static_assert(DM_SCRIPT_COUNT <= 64, "the scripts seen are a 64-bit set");

static uint32_t script_weight(int sc)
{
    return sc == DM_SCRIPT_HAN ? 4
           : sc == DM_SCRIPT_HIRAGANA || sc == DM_SCRIPT_KATAKANA || sc == DM_SCRIPT_HANGUL ? 3
                                                                                           : 1;
}

static int dominant_script(const uint32_t *script_count, uint64_t seen)
{
    uint32_t weighed[DM_SCRIPT_COUNT];
    for (uint64_t bits = seen; bits; bits &= bits - 1) {
        const int sc = lid_ctz64(bits);
        weighed[sc] = script_count[sc] * script_weight(sc);
    }
    const uint32_t kana = script_count[DM_SCRIPT_HIRAGANA] + script_count[DM_SCRIPT_KATAKANA];
    if (kana > 0) { /* Japanese: one script of the three */
        weighed[DM_SCRIPT_HIRAGANA] = script_weight(DM_SCRIPT_HIRAGANA) * kana +
                                      script_weight(DM_SCRIPT_HAN) * script_count[DM_SCRIPT_HAN];
        seen |= (uint64_t)1 << DM_SCRIPT_HIRAGANA;
        seen &= ~((uint64_t)1 << DM_SCRIPT_HAN | (uint64_t)1 << DM_SCRIPT_KATAKANA);
    }
    int best = DM_SCRIPT_OTHER;
    uint32_t best_w = seen & 1 ? weighed[DM_SCRIPT_OTHER] : 0;
    for (uint64_t bits = seen & ~(uint64_t)1; bits; bits &= bits - 1) { /* the scripts seen */
        const int sc = lid_ctz64(bits);
        if (weighed[sc] > best_w || (best == DM_SCRIPT_OTHER && weighed[sc] > 0)) {
            best = sc;
            best_w = weighed[sc];
        }
    }
    return best;
}

/* A feature for the scorer. Its table slot is fetched now: the lookups are random accesses into
 * a table of many megabytes, and asking for the slot while the walk goes on hides most of the
 * wait behind the walk's own work (the scorer would otherwise wait for each miss in turn). */
static inline void emit(batch *b, uint32_t key, int order)
{
    const lid_table *t = b->table[order];
    lid_prefetch(&t->slots[key >> t->shift]);
    b->keys[b->n] = key;
    b->orders[b->n++] = (uint8_t)order;
    if (b->n == BATCH) {
        b->fn(b->ud, b->keys, b->orders, b->n);
        b->n = 0;
    }
}

static int is_letter(UChar32 c)
{
    if (c == 0x200C || c == 0x200D)
        return 1;
    switch (u_charType(c)) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER: case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
        return 1;
    default:
        return 0;
    }
}

/* Letters that NFC writes as two or three code points (Unicode's composition exclusions of the
 * Devanagari, Bengali, Gurmukhi, Oriya, Tibetan and Hebrew scripts: the nukta letters क़ ख़ ग़ ज़
 * ड़ ढ़ फ़ य़ as U+0958..U+095F, Hebrew presentation forms...). The training text is NFC
 * (collect_text.py), so it only has the split forms; a text that uses the precomposed letter
 * (96 of the 375 nukta letters of langid-lingua's Hindi lines, a quarter) is read as NFC would
 * write it, or its words and n-grams would be unknown. Sorted by code point, generated from
 * Python's unicodedata. */
typedef struct nfc_split_entry {
    uint16_t cp;
    uint16_t to[3]; /* 0-terminated when shorter */
} nfc_split_entry;

static const nfc_split_entry nfc_splits[] = {
    {0x0958, {0x0915, 0x093C, 0x0000}}, {0x0959, {0x0916, 0x093C, 0x0000}},
    {0x095A, {0x0917, 0x093C, 0x0000}}, {0x095B, {0x091C, 0x093C, 0x0000}},
    {0x095C, {0x0921, 0x093C, 0x0000}}, {0x095D, {0x0922, 0x093C, 0x0000}},
    {0x095E, {0x092B, 0x093C, 0x0000}}, {0x095F, {0x092F, 0x093C, 0x0000}},
    {0x09DC, {0x09A1, 0x09BC, 0x0000}}, {0x09DD, {0x09A2, 0x09BC, 0x0000}},
    {0x09DF, {0x09AF, 0x09BC, 0x0000}}, {0x0A33, {0x0A32, 0x0A3C, 0x0000}},
    {0x0A36, {0x0A38, 0x0A3C, 0x0000}}, {0x0A59, {0x0A16, 0x0A3C, 0x0000}},
    {0x0A5A, {0x0A17, 0x0A3C, 0x0000}}, {0x0A5B, {0x0A1C, 0x0A3C, 0x0000}},
    {0x0A5E, {0x0A2B, 0x0A3C, 0x0000}}, {0x0B5C, {0x0B21, 0x0B3C, 0x0000}},
    {0x0B5D, {0x0B22, 0x0B3C, 0x0000}}, {0x0F43, {0x0F42, 0x0FB7, 0x0000}},
    {0x0F4D, {0x0F4C, 0x0FB7, 0x0000}}, {0x0F52, {0x0F51, 0x0FB7, 0x0000}},
    {0x0F57, {0x0F56, 0x0FB7, 0x0000}}, {0x0F5C, {0x0F5B, 0x0FB7, 0x0000}},
    {0x0F69, {0x0F40, 0x0FB5, 0x0000}}, {0x0F73, {0x0F71, 0x0F72, 0x0000}},
    {0x0F75, {0x0F71, 0x0F74, 0x0000}}, {0x0F76, {0x0FB2, 0x0F80, 0x0000}},
    {0x0F78, {0x0FB3, 0x0F80, 0x0000}}, {0x0F81, {0x0F71, 0x0F80, 0x0000}},
    {0x0F93, {0x0F92, 0x0FB7, 0x0000}}, {0x0F9D, {0x0F9C, 0x0FB7, 0x0000}},
    {0x0FA2, {0x0FA1, 0x0FB7, 0x0000}}, {0x0FA7, {0x0FA6, 0x0FB7, 0x0000}},
    {0x0FAC, {0x0FAB, 0x0FB7, 0x0000}}, {0x0FB9, {0x0F90, 0x0FB5, 0x0000}},
    {0xFB1D, {0x05D9, 0x05B4, 0x0000}}, {0xFB1F, {0x05F2, 0x05B7, 0x0000}},
    {0xFB2A, {0x05E9, 0x05C1, 0x0000}}, {0xFB2B, {0x05E9, 0x05C2, 0x0000}},
    {0xFB2C, {0x05E9, 0x05BC, 0x05C1}}, {0xFB2D, {0x05E9, 0x05BC, 0x05C2}},
    {0xFB2E, {0x05D0, 0x05B7, 0x0000}}, {0xFB2F, {0x05D0, 0x05B8, 0x0000}},
    {0xFB30, {0x05D0, 0x05BC, 0x0000}}, {0xFB31, {0x05D1, 0x05BC, 0x0000}},
    {0xFB32, {0x05D2, 0x05BC, 0x0000}}, {0xFB33, {0x05D3, 0x05BC, 0x0000}},
    {0xFB34, {0x05D4, 0x05BC, 0x0000}}, {0xFB35, {0x05D5, 0x05BC, 0x0000}},
    {0xFB36, {0x05D6, 0x05BC, 0x0000}}, {0xFB38, {0x05D8, 0x05BC, 0x0000}},
    {0xFB39, {0x05D9, 0x05BC, 0x0000}}, {0xFB3A, {0x05DA, 0x05BC, 0x0000}},
    {0xFB3B, {0x05DB, 0x05BC, 0x0000}}, {0xFB3C, {0x05DC, 0x05BC, 0x0000}},
    {0xFB3E, {0x05DE, 0x05BC, 0x0000}}, {0xFB40, {0x05E0, 0x05BC, 0x0000}},
    {0xFB41, {0x05E1, 0x05BC, 0x0000}}, {0xFB43, {0x05E3, 0x05BC, 0x0000}},
    {0xFB44, {0x05E4, 0x05BC, 0x0000}}, {0xFB46, {0x05E6, 0x05BC, 0x0000}},
    {0xFB47, {0x05E7, 0x05BC, 0x0000}}, {0xFB48, {0x05E8, 0x05BC, 0x0000}},
    {0xFB49, {0x05E9, 0x05BC, 0x0000}}, {0xFB4A, {0x05EA, 0x05BC, 0x0000}},
    {0xFB4B, {0x05D5, 0x05B9, 0x0000}}, {0xFB4C, {0x05D1, 0x05BF, 0x0000}},
    {0xFB4D, {0x05DB, 0x05BF, 0x0000}}, {0xFB4E, {0x05E4, 0x05BF, 0x0000}},
};

/* Two stretches hold them all: U+0958..U+0FB9 (Indic, Tibetan), where a bit a code point from
 * U+0940 says which (the letters of Indic and Thai text are tested, and a binary search for
 * each cost 4% more instructions on lingua's sentences), and U+FB1D..U+FB4E (Hebrew). A letter
 * outside both (Latin, Cyrillic, Arabic, CJK, Hangul...) is not looked up. */
#define NFC_SPLIT_BASE 0x0940
static const uint64_t nfc_split_bits[26] = {
    0x00000000FF000000u, 0x0000000000000000u, 0x00000000B0000000u, 0x0048000000000000u,
    0x000000004E000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
    0x0000000030000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
    0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
    0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
    0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
    0x0168020010842008u, 0x0200108420080002u,
};
#define NFC_SPLIT_MAYBE(c)                                                                        \
    (((c) >= 0x0958 && (c) <= 0x0FB9 &&                                                           \
      (nfc_split_bits[((c) - NFC_SPLIT_BASE) >> 6] >> (((c) - NFC_SPLIT_BASE) & 63) & 1)) ||      \
     ((c) >= 0xFB1D && (c) <= 0xFB4E))

/* The code points NFC writes c as, or NULL when it is one (NFC_SPLIT_MAYBE is true for a few
 * of those: the Hebrew stretch has gaps). */
static const uint16_t *nfc_split(UChar32 c)
{
    size_t lo = 0, hi = sizeof nfc_splits / sizeof nfc_splits[0];
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (nfc_splits[mid].cp < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sizeof nfc_splits / sizeof nfc_splits[0] && nfc_splits[lo].cp == c
               ? nfc_splits[lo].to
               : NULL;
}

size_t lid_nfc_bytes(const char *text, size_t len)
{
    const uint8_t *s = (const uint8_t *)text;
    size_t bytes = len;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t k = (int32_t)(len - i > 8 ? 8 : len - i), at = 0;
        UChar32 c;
        U8_NEXT(s + i, at, k, c);
        i += (size_t)at;
        const uint16_t *to;
        if (c >= 0 && NFC_SPLIT_MAYBE(c) && (to = nfc_split(c))) /* 3 bytes a code point */
            bytes += 3 * (size_t)(to[2] ? 2 : 1) + 3 - (size_t)at;
    }
    return bytes;
}

static int utf8_put(uint32_t c, unsigned char *out)
{
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xC0 | c >> 6);
        out[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | c >> 12);
        out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | c >> 18);
    out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

static inline uint32_t crc_step(const lid_model *m, uint32_t crc, unsigned char byte)
{
    return m->crc_table[(crc ^ byte) & 0xFF] ^ (crc >> 8);
}

/* The n-grams starting at position i of a padded word whose characters are one byte each (most
 * words of Latin-script languages): positions are byte offsets, no table of offsets to follow. */
static inline void ngrams_at_bytes(const lid_model *m, const unsigned char *b, int i, int npad,
                                   int min_n, int max_n, batch *out)
{
    const int last = i + max_n < npad ? i + max_n : npad; /* the n-grams end before it */
    const int quiet = i + min_n - 1 < last ? i + min_n - 1 : last; /* shorter than min_n */
    uint32_t crc = 0xFFFFFFFFu;
    int e = i;
    for (; e < quiet; e++)
        crc = crc_step(m, crc, b[e]);
    for (; e < last; e++) {
        crc = crc_step(m, crc, b[e]);
        if (e > i || (i > 0 && i < npad - 1)) /* an edge space alone is no feature */
            emit(out, crc ^ 0xFFFFFFFFu, e - i + 1);
    }
}

/* The features of one word of n letters, given as the UTF-8 bytes of " word " and the byte
 * offset of each padded position (n + 2 positions, off[n + 2] = end): the word itself first,
 * then its n-grams. Each n-gram's CRC continues the CRC of the one a character shorter that
 * starts at the same place. */
static void word_features(const lid_model *m, const unsigned char *b, const uint16_t *off,
                          int n, int min_n, int max_n, batch *out)
{
    int npad = n + 2;
    out->keys[out->n] = out->mark_key; /* the scorer learns where a word starts... */
    out->orders[out->n++] = 0;
    if (out->n == BATCH) {
        out->fn(out->ud, out->keys, out->orders, out->n);
        out->n = 0;
    }
    if (n <= LID_MAX_WORD) { /* ...and whether the model knows it, before its n-grams */
        uint32_t crc = crc_step(m, 0xFFFFFFFFu, 0x01);
        for (int j = off[1]; j < off[n + 1]; j++)
            crc = crc_step(m, crc, b[j]);
        emit(out, crc ^ 0xFFFFFFFFu, LID_ORDER_WORD);
    }
    if (off[npad] == npad) { /* one byte a character */
        for (int i = 0; i < npad; i++)
            ngrams_at_bytes(m, b, i, npad, min_n, max_n, out);
    } else {
        for (int i = 0; i < npad; i++) {
            uint32_t crc = 0xFFFFFFFFu;
            const int last = i + max_n < npad ? i + max_n : npad;
            int j = off[i];
            for (int e = i + 1; e <= last; e++) { /* the n-gram of characters i..e-1 */
                const int end = off[e];
                do /* a character has one byte at least */
                    crc = crc_step(m, crc, b[j]);
                while (++j < end);
                const int len = e - i;
                if (len >= min_n && (len > 1 || (i > 0 && i < npad - 1)))
                    emit(out, crc ^ 0xFFFFFFFFu, len);
            }
        }
    }
}

/* Links and e-mail addresses ("uni@donga.com", "<https://www.gnu.org/software/>") are in no
 * language: their letters would make a Korean line Latin, a Japanese one Norwegian. A token (a
 * run of bytes between ASCII white space) with "://" in it, an '@' with a dot after it, or that
 * starts with "www." (after an opening bracket or quote), is skipped whole, unless the text has no
 * other letters (then the names in it are all there is). */
static int is_space_byte(int c) /* a byte, or a code point (-1: an invalid byte) */
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the text may hold a link: '@', "://" or "www." (memchr: a few instructions for
 * sixteen bytes, where a loop over the bytes cost 8% more instructions on sentences). */
static int maybe_links(const uint8_t *s, size_t len)
{
    if (memchr(s, '@', len))
        return 1;
    for (const uint8_t *p = s; (p = memchr(p, ':', len - (size_t)(p - s))) != NULL; p++)
        if ((size_t)(p - s) + 2 < len && p[1] == '/' && p[2] == '/')
            return 1;
    for (const uint8_t *p = s; (p = memchr(p, '.', len - (size_t)(p - s))) != NULL; p++)
        if (p - s >= 3 && (p[-1] | 0x20) == 'w' && (p[-2] | 0x20) == 'w' && (p[-3] | 0x20) == 'w')
            return 1;
    return 0;
}

/* The end of the token at i when it is a link, else i. An '@' makes an address only with a dot
 * after it (a domain): "amig@s" is a word. */
static size_t link_end(const uint8_t *s, size_t i, size_t len)
{
    size_t e = i;
    int link = 0, at = 0;
    while (e < len && !is_space_byte(s[e])) {
        if (s[e] == '@')
            at = 1;
        else if ((s[e] == '.' && at) ||
                 (s[e] == ':' && e + 2 < len && s[e + 1] == '/' && s[e + 2] == '/'))
            link = 1;
        e++;
    }
    size_t b = i;
    while (b < e && (s[b] == '<' || s[b] == '(' || s[b] == '[' || s[b] == '"'))
        b++; /* "<www.", "(www." */
    if (e - b >= 4 && (s[b] | 0x20) == 'w' && (s[b + 1] | 0x20) == 'w' &&
        (s[b + 2] | 0x20) == 'w' && s[b + 3] == '.')
        link = 1;
    return link ? e : i;
}

void lid_features(const lid_model *m, const char *text, size_t len, int min_n, int max_n,
                  lid_feature_fn fn, void *ud, lid_text_info *info)
{
    batch out;
    uint32_t script_count[DM_SCRIPT_COUNT] = {0};
    out.n = 0;
    out.fn = fn;
    out.ud = ud;
    for (int o = 0; o <= LID_ORDERS; o++)
        out.table[o] = o <= LID_LOW_MAX_N ? &m->low : &m->high;
    unsigned char bytes[WORD_CAP * 4 + 8];
    uint16_t off[WORD_CAP + 3];
    int n = 0;
    off[0] = 0;
    bytes[0] = ' ';
    off[1] = 1;
    const uint8_t *s = (const uint8_t *)text;
    size_t i = 0;
    uint32_t letters = 0;
    uint64_t seen = 0; /* bit sc: a letter of script sc */
    int skipping = maybe_links(s, len), skipped = 0;
    /* a word that starts with a capital and does not start a sentence is likely a name (in
     * German a noun): its mark says so (key 1) */
    int upper = 0, sentence_start = 1;
    uint16_t pend[2]; /* the letters still to come of a split one, the next last */
    int npend = 0;
    out.mark_key = 0;
    if (skipping && len > 0 && (i = link_end(s, 0, len)) > 0)
        skipped = 1; /* the text starts with a link */
    for (;;) { /* twice when the text is only links (see below) */
        while (i <= len) {
            UChar32 c = -1;
            int letter = 0;
            if (npend) { /* the rest of a letter NFC splits (nfc_split) */
                c = pend[--npend];
                letter = 1;
                if (n == 0)
                    upper = 0;
            } else if (i < len) {
                if (s[i] < 0x80) {
                    c = s[i++];
                    letter = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
                    if (letter) {
                        if (n == 0)
                            upper = c <= 'Z';
                        c |= 0x20;
                    } else if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') {
                        sentence_start = 1;
                    }
                } else {
                    int32_t k = (int32_t)(len - i > 8 ? 8 : len - i), at = 0;
                    U8_NEXT(s + i, at, k, c);
                    i += (size_t)at;
                    if (c == 0x640)
                        continue; /* tatweel stretches a word, it is not a letter */
                    if (c == 0x329)
                        c = 0x323;
                    if (c >= 0 && is_letter(c)) {
                        letter = 1;
                        if (n == 0)
                            upper = u_isupper(c) || u_istitle(c);
                        c = u_tolower(c);
                        const uint16_t *to;
                        if (NFC_SPLIT_MAYBE(c) && (to = nfc_split(c))) {
                            /* the first now, the others next, one letter each, as if the text
                             * had them: a word at WORD_CAP is cut where the NFC text's is */
                            c = to[0];
                            for (int j = to[2] ? 2 : 1; j > 0; j--)
                                pend[npend++] = to[j];
                        }
                    } else if (c == 0x2026 || c == 0x3002 || c == 0x61F || c == 0x6D4 ||
                               c == 0x964 || c == 0xFF01 || c == 0xFF1F) {
                        sentence_start = 1; /* … 。 ؟ ۔ । ！ ？ */
                    }
                }
            } else {
                i++; /* end of text: flush the last word */
            }
            if (letter) {
                int sc = c < 0x10000 ? m->bmp_script[c] : dm_script_of((uint32_t)c);
                script_count[sc]++;
                seen |= (uint64_t)1 << sc;
                letters++;
                n++;
                off[n + 1] = (uint16_t)(off[n] + utf8_put((uint32_t)c, bytes + off[n]));
                if (n < WORD_CAP)
                    continue;
            }
            if (n > 0) {
                bytes[off[n + 1]] = ' ';
                off[n + 2] = (uint16_t)(off[n + 1] + 1);
                out.mark_key = upper && !sentence_start;
                word_features(m, bytes, off, n, min_n, max_n, &out);
                n = 0;
                sentence_start = 0;
            }
            if (skipping && is_space_byte(c) && i < len) {
                const size_t e = link_end(s, i, len); /* a token starts at i */
                if (e > i) { /* a link: no letters, a separator */
                    i = e;
                    skipped = 1;
                }
            }
        }
        if (!skipped || letters > 0)
            break;
        skipping = skipped = 0; /* only links: their letters (names) are all there is */
        i = 0;
    }
    if (info) { /* before the last batch: its scorer can use the script */
        info->script = dominant_script(script_count, seen);
        info->letters = letters;
    }
    if (out.n)
        fn(ud, out.keys, out.orders, out.n);
}
