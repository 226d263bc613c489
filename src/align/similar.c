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

int sj_bigrams_shared(const sj_bigrams *a, const sj_bigrams *b)
{
    int i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->g[i] == b->g[j])
            common++, i++, j++;
        else if (a->g[i] < b->g[j])
            i++;
        else
            j++;
    }
    return common;
}

double sj_dice(const sj_bigrams *a, const sj_bigrams *b)
{
    if (a->n == 0 || b->n == 0)
        return 0;
    return 2.0 * sj_bigrams_shared(a, b) / (double)(a->n + b->n);
}

double sj_similarity(const char *a, const char *b)
{
    sj_bigrams x = sj_bigrams_make(a, strlen(a)), y = sj_bigrams_make(b, strlen(b));
    double d = sj_dice(&x, &y);
    sj_bigrams_free(&x);
    sj_bigrams_free(&y);
    return d;
}

double sj_containment(const char *a, const char *b)
{
    sj_bigrams x = sj_bigrams_make(a, strlen(a)), y = sj_bigrams_make(b, strlen(b));
    int n = x.n < y.n ? x.n : y.n;
    double r = n >= 2 ? (double)sj_bigrams_shared(&x, &y) / n : 0;
    sj_bigrams_free(&x);
    sj_bigrams_free(&y);
    return r;
}

/* code points fit in 21 bits, so a bigram in 42; 22 bits are left for
 * the item's number within its part */
#define PART_BITS 22
#define PART_ITEMS ((int)1 << PART_BITS)

void sj_bigram_index_init(sj_bigram_index *ix, size_t bigrams)
{
    memset(ix, 0, sizeof *ix);
    ix->parts = xcalloc(1, sizeof *ix->parts);
    ix->nparts = 1;
    ix->part_items = PART_ITEMS;
    if (bigrams) {
        ix->parts[0].cap = bigrams;
        ix->parts[0].key = xmalloc(bigrams * sizeof *ix->parts[0].key);
    }
}

int sj_bigram_index_add(sj_bigram_index *ix, const char *s, size_t len)
{
    int item = ix->nitems;
    if (item && item % ix->part_items == 0) {
        ix->parts = xrealloc(ix->parts, ((size_t)ix->nparts + 1) * sizeof *ix->parts);
        memset(&ix->parts[ix->nparts++], 0, sizeof *ix->parts);
    }
    struct sj_bigram_part *pt = &ix->parts[ix->nparts - 1];
    SJ_GROW(ix->sizes, ix->nitems, ix->capitems);
    ix->nitems++;
    uint64_t low = (uint64_t)(item % ix->part_items);
    int size = 0;
    int32_t prev = -1;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += (size_t)sj_utf8_decode(s + i, len - i, &cp);
        if (prev >= 0) {
            SJ_GROW(pt->key, pt->n, pt->cap);
            pt->key[pt->n++] = (((uint64_t)(uint32_t)prev << 21 | (uint32_t)cp) << PART_BITS) | low;
            size++;
        }
        prev = cp;
    }
    ix->sizes[item] = size;
    return item;
}

void sj_bigram_index_seal(sj_bigram_index *ix)
{
    for (int k = 0; k < ix->nparts; k++)
        sort_u64(ix->parts[k].key, ix->parts[k].n);
}

/* The first index, from at on, of the sorted v[0, n) whose value is at
 * least k: galloping from at, since the searches of a sorted query only
 * move forward (each costs the log of how far it moves, not of n). */
static size_t gallop(const uint64_t *v, size_t n, size_t at, uint64_t k)
{
    if (at >= n || v[at] >= k)
        return at;
    size_t lo = at, step = 1; /* v[lo] < k */
    while (lo + step < n && v[lo + step] < k) {
        lo += step;
        step *= 2;
    }
    size_t hi = lo + step < n ? lo + step : n; /* v[hi] >= k, or hi == n */
    return lo + 1 + sj_lower_bound_u64(v + lo + 1, hi - lo - 1, k);
}

size_t sj_bigram_index_scores(const sj_bigram_index *ix, const sj_bigrams *q, double *scores)
{
    size_t work = (size_t)ix->nitems;
    for (int i = 0; i < ix->nitems; i++)
        scores[i] = 0;
    if (q->n == 0)
        return work;
    for (int part = 0; part < ix->nparts; part++) {
        const uint64_t *key = ix->parts[part].key;
        size_t n = ix->parts[part].n, p = 0;
        double *sc = scores + (size_t)part * (size_t)ix->part_items;
        for (int k = 0; k < q->n;) {
            int e = k;
            while (e < q->n && q->g[e] == q->g[k])
                e++;
            int qc = e - k;
            /* the keys of this bigram, whatever their item: [from, to);
             * q is sorted, so they lie after the previous bigram's */
            uint64_t from = q->g[k] << PART_BITS, to = (q->g[k] + 1) << PART_BITS;
            /* one key per occurrence: a run of equal keys is one item's count */
            for (p = gallop(key, n, p, from); p < n && key[p] < to;) {
                uint64_t kp = key[p];
                int c = 1;
                while (++p < n && key[p] == kp)
                    c++;
                work += (size_t)c;
                sc[kp & (PART_ITEMS - 1)] += c < qc ? c : qc;
            }
            k = e;
        }
    }
    for (int i = 0; i < ix->nitems; i++)
        if (scores[i] > 0)
            scores[i] = 2.0 * scores[i] / (double)(q->n + ix->sizes[i]);
    return work;
}

void sj_bigram_index_free(sj_bigram_index *ix)
{
    for (int k = 0; k < ix->nparts; k++)
        free(ix->parts[k].key);
    free(ix->parts);
    free(ix->sizes);
    memset(ix, 0, sizeof *ix);
}
