/*
 * link_explain.c -- why two documents are (or are not) one story, in words a person can check:
 * their languages, the evidence of each kind they share (the most telling items first), how
 * their shapes compare, where the pair stands among each one's alternatives, and the verdict.
 */
#include "link/link.h"
#include "core/ctx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf {
    char *p;
    size_t n, cap;
    int failed;
} buf_t;

static void bprintf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bprintf(buf_t *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? b->cap - b->n : 0, fmt, ap);
        va_end(ap);
        if (k < 0) {
            b->failed = 1;
            return;
        }
        if (b->p && b->n + (size_t)k < b->cap) {
            b->n += (size_t)k;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->n + (size_t)k + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
}

typedef struct shared {
    uint32_t id;
    float v;
} shared_t;

static int cmp_shared(const void *a, const void *b)
{
    const shared_t *x = a, *y = b;
    if (x->v != y->v)
        return x->v > y->v ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

enum { SHOW_PER_KIND = 12 };

static void shared_evidence(const lk_coll *c, const lk_unpacked *x, const lk_unpacked *y, buf_t *o)
{
    shared_t *sh = malloc((x->nf < y->nf ? x->nf : y->nf) * sizeof *sh + 1);
    if (!sh) {
        o->failed = 1;
        return;
    }
    size_t ns = 0;
    for (int sec = 0; sec < 2; sec++) { /* static kinds, then pivot words: each part is sorted */
        uint32_t i = sec ? x->nstat : 0, j = sec ? y->nstat : 0;
        uint32_t ni = sec ? x->nf : x->nstat, nj = sec ? y->nf : y->nstat;
        while (i < ni && j < nj) {
            if (x->ids[i] < y->ids[j])
                i++;
            else if (x->ids[i] > y->ids[j])
                j++;
            else {
                sh[ns++] = (shared_t){x->ids[i], lk_w(x->w[i]) * lk_w(y->w[j])};
                i++;
                j++;
            }
        }
    }
    if (ns > 1) /* an empty array may be NULL */
        qsort(sh, ns, sizeof *sh, cmp_shared);
    float part[LK_KIND_COUNT];
    lk_sim(c, x, y, part);
    for (int k = 0; k < LK_KIND_COUNT; k++) {
        size_t count = 0;
        for (size_t t = 0; t < ns; t++)
            count += c->feats.kind[sh[t].id] == k;
        bprintf(o, "  %-7s %.3f from %zu shared", lk_kind_name(k), part[k], count);
        size_t shown = 0;
        for (size_t t = 0; t < ns && shown < SHOW_PER_KIND; t++) {
            if (c->feats.kind[sh[t].id] != k)
                continue;
            bprintf(o, "%s%s", shown ? ", " : ": ", lk_feat_text(&c->feats, sh[t].id));
            shown++;
        }
        bprintf(o, "%s\n", count > shown ? ", ..." : "");
    }
    free(sh);
}

static const lk_pair *find_pair(const lk_coll *c, uint32_t a, uint32_t b)
{
    uint32_t x = a < b ? a : b, y = a < b ? b : a;
    size_t lo = 0, hi = c->npairs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const lk_pair *p = &c->pairs[mid];
        if (p->a < x || (p->a == x && p->b < y))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->npairs && c->pairs[lo].a == x && c->pairs[lo].b == y ? &c->pairs[lo] : NULL;
}

dm_status lk_explain(lk_coll *c, uint32_t a, uint32_t b, const uint32_t *label, char **out)
{
    buf_t o = {0};
    const lk_doc *x = &c->d[a], *y = &c->d[b];
    bprintf(&o, "%s: language %s, %u letters, %u sentences, %u paragraphs\n", lk_doc_id(c, a),
            c->langs[x->lang].code, x->nchar, x->nsent, x->npara);
    bprintf(&o, "%s: language %s, %u letters, %u sentences, %u paragraphs\n", lk_doc_id(c, b),
            c->langs[y->lang].code, y->nchar, y->nsent, y->npara);
    lk_unpacked ux = {0}, uy = {0};
    if (lk_unpack(c, a, &ux) != DM_OK || lk_unpack(c, b, &uy) != DM_OK)
        o.failed = 1;
    else {
        float sim = lk_sim(c, &ux, &uy, NULL);
        bprintf(&o, "shared evidence (similarity %.3f, the sum of what each kind below adds):\n", sim);
        shared_evidence(c, &ux, &uy, &o);
    }
    lk_unpacked_free(&ux);
    lk_unpacked_free(&uy);
    bprintf(&o, "shape agreement: %.2f (1 = lengths and sentence counts as expected)\n",
            lk_structure(c, a, b));
    const lk_pair *p = find_pair(c, a, b);
    if (p)
        bprintf(&o, "margin over alternatives: %.2f (linked from %.2f)\n", p->score, c->prm.min_score);
    else
        bprintf(&o, "not a candidate: neither is among the other's best matches\n");
    if (label)
        bprintf(&o, "verdict: %s\n", label[a] == label[b] ? "same story" : "different stories");
    if (o.failed) {
        free(o.p);
        return dm_fail(c->ctx, DM_ENOMEM, "no memory for an explanation");
    }
    *out = o.p;
    return DM_OK;
}
