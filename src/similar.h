/* similar.h - text similarity for alignment: the Dice coefficient over
 * character bigrams (pairs of code points, counted with multiplicity),
 * and an inverted index that scores one text against many at once.
 *
 * sj_bigram_index_scores gives exactly sj_dice for every item; it only
 * visits the items that share a bigram with the query, so aligning the
 * hundred tasks of a child plan with the hundred of its parent costs the
 * shared bigrams, not a hundred times a hundred comparisons.
 */
#ifndef SJ_SIMILAR_H
#define SJ_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t *g; /* sorted; owned */
    int n;
} sj_bigrams;

sj_bigrams sj_bigrams_make(const char *s, size_t len);
void sj_bigrams_free(sj_bigrams *b);
double sj_dice(const sj_bigrams *a, const sj_bigrams *b);
/* Dice of two NUL-terminated strings. */
double sj_similarity(const char *a, const char *b);

typedef struct {
    struct posting {
        uint64_t g;
        int item, count;
    } *post;     /* sorted by bigram, then item */
    size_t npost;
    int nitems;
    int *sizes;  /* bigrams per item */
} sj_bigram_index;

/* items are only read; the index keeps no pointer to them */
void sj_bigram_index_build(sj_bigram_index *ix, const sj_bigrams *items, int n);
/* scores[i] = sj_dice(q, items[i]) for every item (scores has nitems). */
void sj_bigram_index_scores(const sj_bigram_index *ix, const sj_bigrams *q, double *scores);
void sj_bigram_index_free(sj_bigram_index *ix);

#endif
