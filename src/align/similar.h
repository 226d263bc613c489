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
/* The bigrams a and b share, counted with multiplicity (each occurrence
 * in one matched with at most one in the other). */
int sj_bigrams_shared(const sj_bigrams *a, const sj_bigrams *b);
/* Dice of two NUL-terminated strings. */
double sj_similarity(const char *a, const char *b);
/* The share of the shorter string's bigrams the other holds too (0 when
 * the shorter has fewer than 2): 低噪声橡胶沥青路面废旧轮胎胶粉利用量 holds 6
 * of 利用废旧轮胎胶粉's 7. */
double sj_containment(const char *a, const char *b);

/* The index keeps one sorted 64-bit key per bigram occurrence: the
 * 42-bit bigram above the item's 22-bit number within a part of 2^22
 * items (a plan with more tasks than that gets more parts). That is 8
 * bytes per character of the indexed texts, and nothing else but the
 * items' sizes: a long plan's profiles are its largest memory in a
 * check. */
typedef struct {
    struct sj_bigram_part {
        uint64_t *key; /* sorted once sealed */
        size_t n, cap;
    } *parts;
    int nparts;
    int part_items; /* items per part: 2^22 (fewer only in tests) */
    int nitems, capitems;
    int *sizes;  /* bigrams per item */
} sj_bigram_index;

/* An empty index with room for about `bigrams` occurrences (0: unknown;
 * the number of characters of the texts to add is a bound). */
void sj_bigram_index_init(sj_bigram_index *ix, size_t bigrams);
/* Adds the text s[0, len) as the next item; returns its number (0, 1, ...).
 * The index keeps no pointer to s. */
int sj_bigram_index_add(sj_bigram_index *ix, const char *s, size_t len);
/* Sorts the keys; call once, after the last add and before scoring. */
void sj_bigram_index_seal(sj_bigram_index *ix);
/* scores[i] = sj_dice(q, bigrams of item i) for every item (scores has
 * nitems); visits only the keys of q's bigrams. Returns the work done,
 * for callers that bound it: the keys visited plus the items zeroed. */
size_t sj_bigram_index_scores(const sj_bigram_index *ix, const sj_bigrams *q, double *scores);
void sj_bigram_index_free(sj_bigram_index *ix);

#endif
