/*
 * link_sort.c -- the orderings the linking stage needs, specialised. qsort calls a comparison
 * function for every step and was a sixth of the linker's time (features of every document
 * sorted after each learning pass, weights ranked to find cuts, probes ranked): here the keys
 * are compared inline, and a cut is found by selection instead of a full sort.
 */
#include "link/link.h"

#include <stddef.h>
#include <string.h>

static void swap_fw(lk_fw *a, lk_fw *b)
{
    lk_fw t = *a;
    *a = *b;
    *b = t;
}

/* Feature ids ascending (introspective quicksort on the key, insertion sort for short runs). */
void lk_sort_fw_id(lk_fw *a, size_t n)
{
    while (n > 16) {
        /* median of three as the pivot */
        size_t m = n / 2;
        if (a[m].id < a[0].id)
            swap_fw(&a[m], &a[0]);
        if (a[n - 1].id < a[0].id)
            swap_fw(&a[n - 1], &a[0]);
        if (a[n - 1].id < a[m].id)
            swap_fw(&a[n - 1], &a[m]);
        uint32_t piv = a[m].id;
        size_t i = 0, j = n - 1;
        for (;;) {
            while (a[i].id < piv)
                i++;
            while (a[j].id > piv)
                j--;
            if (i >= j)
                break;
            swap_fw(&a[i], &a[j]);
            i++;
            j--;
        }
        /* recurse on the smaller side, loop on the larger: stack depth stays logarithmic */
        size_t left = j + 1;
        if (left < n - left) {
            lk_sort_fw_id(a, left);
            a += left;
            n -= left;
        } else {
            lk_sort_fw_id(a + left, n - left);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++) {
        lk_fw x = a[i];
        size_t j = i;
        while (j > 0 && a[j - 1].id > x.id) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

/* Heavier weight first, ties by id ascending (a total order: the result does not depend on the
 * order of the input). */
static int before_w(const lk_fw *x, const lk_fw *y) { return x->w > y->w || (x->w == y->w && x->id < y->id); }

void lk_sort_fw_weight(lk_fw *a, size_t n)
{
    while (n > 16) {
        size_t m = n / 2;
        if (before_w(&a[m], &a[0]))
            swap_fw(&a[m], &a[0]);
        if (before_w(&a[n - 1], &a[0]))
            swap_fw(&a[n - 1], &a[0]);
        if (before_w(&a[n - 1], &a[m]))
            swap_fw(&a[n - 1], &a[m]);
        lk_fw piv = a[m];
        size_t i = 0, j = n - 1;
        for (;;) {
            while (before_w(&a[i], &piv))
                i++;
            while (before_w(&piv, &a[j]))
                j--;
            if (i >= j)
                break;
            swap_fw(&a[i], &a[j]);
            i++;
            j--;
        }
        size_t left = j + 1;
        if (left < n - left) {
            lk_sort_fw_weight(a, left);
            a += left;
            n -= left;
        } else {
            lk_sort_fw_weight(a + left, n - left);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++) {
        lk_fw x = a[i];
        size_t j = i;
        while (j > 0 && before_w(&x, &a[j - 1])) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

/* The k-th largest of v[0..n) (k counted from 1, 1 <= k <= n), found by selection (Hoare
 * partitions); v is reordered. */
float lk_kth_largest(float *v, size_t n, size_t k)
{
    ptrdiff_t lo = 0, hi = (ptrdiff_t)n - 1, want = (ptrdiff_t)k - 1;
    while (lo < hi) {
        float piv = v[lo + (hi - lo) / 2];
        ptrdiff_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] > piv)
                i++;
            while (v[j] < piv)
                j--;
            if (i <= j) {
                float t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                j--;
            }
        }
        /* now v[lo..j] >= piv, v[i..hi] <= piv, and v(j..i) == piv */
        if (want <= j)
            hi = j;
        else if (want >= i)
            lo = i;
        else
            return v[want];
    }
    return v[want];
}
