/* places.h - China's administrative divisions (rules/places.tsv, made by
 * tools/make-places; see its header for the columns): read and validated
 * at load with file:line errors, then asked for a name's level.
 *
 * The table is knowledge, not code: which names are county-level (寿光市
 * is, in 潍坊市) lives in the data file. The ruleset owns its places.
 */
#ifndef SJ_PLACES_H
#define SJ_PLACES_H

#include <stddef.h>

#include "util.h"

typedef struct {
    char code[7];   /* GB/T 2260 */
    char *name;     /* 寿光市 */
    int level;      /* 1 province, 2 city (prefecture level), 3 county level */
    char *kind;     /* 市, 县, 区 ... */
    int parent;     /* index of the division above, -1 for a province */
    char *shortname; /* 寿光, NULL if none */
} sj_place;

typedef struct {
    sj_place *items;
    int n, cap;
    int *by_name;   /* indexes sorted by name (bytes), for the lookups */
} sj_places;

/* Reads a places file (text of len bytes; name in messages). Every line is
 * a comment (#), blank, or six tab-separated fields: a 6-digit code, a
 * name, a level (province, city, county), a kind, the parent's code (or
 * '-' for a province; it must be listed before, one level up or, for a
 * municipality's districts, a province) and a short name or '-'. Codes
 * are unique. Returns 0, or -1 with "name:line: message" in err. */
int sj_places_load_text(const char *name, const char *text, size_t len, sj_places *pl,
                        sj_err *err);
void sj_places_free(sj_places *pl);

/* The division whose full name starts s (len bytes) and is the longest
 * such, or -1 (寿光市人民政府… -> 寿光市). */
int sj_places_prefix(const sj_places *pl, const char *s, size_t len);
/* The division named exactly name (full name), or -1. */
int sj_places_find(const sj_places *pl, const char *name, size_t len);
/* The division that s (len bytes) opens with, following a chain of
 * divisions each inside the one before (山东省潍坊市寿光市 -> 寿光市): its
 * index or -1, and in *used the bytes the chain takes. A name listed
 * more than once (鼓楼区) is the one inside the division before it; alone,
 * the first listed (see sj_places_named for the others). */
int sj_places_chain(const sj_places *pl, const char *s, size_t len, size_t *used);
/* Every division with the name of division k (k itself among them), at
 * most max, in out; returns how many. */
int sj_places_named(const sj_places *pl, int k, int *out, int max);

#endif
