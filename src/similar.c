#include "similar.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* qsort's comparator calls dominated the profile of a scan; profiles
 * are short arrays of integers, sorted here directly */
static void sort_u64(uint64_t *v, size_t n)
{
    while (n > 24) {
        uint64_t a = v[0], b = v[n / 2], c = v[n - 1];
        uint64_t pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        size_t i = 0, j = n - 1;
        for (;;) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i >= j)
                break;
            uint64_t t = v[i];
            v[i] = v[j];
            v[j] = t;
            i++;
            j--;
        }
        /* recurse into the smaller side, loop on the larger */
        size_t left = j + 1;
        if (left < n - left) {
            sort_u64(v, left);
            v += left;
            n -= left;
        } else {
            sort_u64(v + left, n - left);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t k = i;
        while (k > 0 && v[k - 1] > x) {
            v[k] = v[k - 1];
            k--;
        }
        v[k] = x;
    }
}

sj_bigrams sj_bigrams_make(const char *s, size_t l)
{
    sj_bigrams b = {NULL, 0};
    size_t chars = sj_utf8_count(s, l); /* a third of the bytes in Chinese */
    if (chars < 2)
        return b;
    b.g = xmalloc((chars - 1) * sizeof *b.g);
    int32_t prev = -1;
    for (size_t i = 0; i < l;) {
        int32_t cp;
        int n = sj_utf8_decode(s + i, l - i, &cp);
        i += (size_t)n;
        /* code points fit in 21 bits: a bigram in 42 (see the index) */
        /* (the bound only matters for invalid UTF-8, which the pipeline
         * never passes: a stray continuation byte is no character) */
        if (prev >= 0 && (size_t)b.n < chars - 1)
            b.g[b.n++] = ((uint64_t)(uint32_t)prev << 21) | (uint32_t)cp;
        prev = cp;
    }
    sort_u64(b.g, (size_t)b.n);
    return b;
}

void sj_bigrams_free(sj_bigrams *b)
{
    free(b->g);
    b->g = NULL;
    b->n = 0;
}

double sj_dice(const sj_bigrams *a, const sj_bigrams *b)
{
    if (a->n == 0 || b->n == 0)
        return 0;
    int i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->g[i] == b->g[j])
            common++, i++, j++;
        else if (a->g[i] < b->g[j])
            i++;
        else
            j++;
    }
    return 2.0 * common / (double)(a->n + b->n);
}

double sj_similarity(const char *a, const char *b)
{
    sj_bigrams x = sj_bigrams_make(a, strlen(a)), y = sj_bigrams_make(b, strlen(b));
    double d = sj_dice(&x, &y);
    sj_bigrams_free(&x);
    sj_bigrams_free(&y);
    return d;
}

static int cmp_post(const void *a, const void *b)
{
    const struct posting *x = a, *y = b;
    if (x->g != y->g)
        return x->g < y->g ? -1 : 1;
    return x->item - y->item;
}

void sj_bigram_index_build(sj_bigram_index *ix, const sj_bigrams *items, int n)
{
    memset(ix, 0, sizeof *ix);
    ix->nitems = n;
    ix->sizes = xcalloc((size_t)n + 1, sizeof *ix->sizes);
    size_t total = 0;
    for (int i = 0; i < n; i++)
        total += (size_t)items[i].n;
    ix->post = xmalloc((total + 1) * sizeof *ix->post);
    for (int i = 0; i < n; i++) {
        ix->sizes[i] = items[i].n;
        /* items[i].g is sorted: one posting per distinct bigram */
        for (int k = 0; k < items[i].n;) {
            int e = k;
            while (e < items[i].n && items[i].g[e] == items[i].g[k])
                e++;
            ix->post[ix->npost++] = (struct posting){items[i].g[k], i, e - k};
            k = e;
        }
    }
    if (ix->npost >= (size_t)1 << 22) {
        qsort(ix->post, ix->npost, sizeof *ix->post, cmp_post);
        return;
    }
    /* Postings were added in item order, so sorting by bigram, ties by
     * position, gives bigram-then-item order: sort keys that pack the
     * 42-bit bigram above the 22-bit position, then move the postings into
     * that order in place, one cycle of the permutation at a time (a done
     * slot's key becomes ~0, which no bigram of valid code points gives). */
    const uint64_t low = ((uint64_t)1 << 22) - 1, done = ~(uint64_t)0;
    uint64_t *key = xmalloc((ix->npost + 1) * sizeof *key);
    for (size_t i = 0; i < ix->npost; i++)
        key[i] = ix->post[i].g << 22 | i;
    sort_u64(key, ix->npost);
    for (size_t i = 0; i < ix->npost; i++) {
        if (key[i] == done)
            continue;
        struct posting first = ix->post[i];
        for (size_t j = i;;) {
            size_t from = key[j] & low;
            key[j] = done;
            if (from == i) {
                ix->post[j] = first;
                break;
            }
            ix->post[j] = ix->post[from];
            j = from;
        }
    }
    free(key);
}

void sj_bigram_index_scores(const sj_bigram_index *ix, const sj_bigrams *q, double *scores)
{
    for (int i = 0; i < ix->nitems; i++)
        scores[i] = 0;
    if (q->n == 0)
        return;
    for (int k = 0; k < q->n;) {
        int e = k;
        while (e < q->n && q->g[e] == q->g[k])
            e++;
        int qc = e - k;
        /* first posting of this bigram */
        size_t lo = 0, hi = ix->npost;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (ix->post[mid].g < q->g[k])
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t p = lo; p < ix->npost && ix->post[p].g == q->g[k]; p++)
            scores[ix->post[p].item] += ix->post[p].count < qc ? ix->post[p].count : qc;
        k = e;
    }
    for (int i = 0; i < ix->nitems; i++)
        if (scores[i] > 0)
            scores[i] = 2.0 * scores[i] / (double)(q->n + ix->sizes[i]);
}

void sj_bigram_index_free(sj_bigram_index *ix)
{
    free(ix->post);
    free(ix->sizes);
    memset(ix, 0, sizeof *ix);
}
