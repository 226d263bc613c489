/* places.c - the administrative divisions of rules/places.tsv (see
 * places.h). */
#include "places.h"

#include <stdlib.h>
#include <string.h>

static const char *const LEVELS[] = {"province", "city", "county", NULL};

void sj_places_free(sj_places *pl)
{
    for (int i = 0; i < pl->n; i++) {
        free(pl->items[i].name);
        free(pl->items[i].kind);
        free(pl->items[i].shortname);
    }
    free(pl->items);
    free(pl->by_name);
    memset(pl, 0, sizeof *pl);
}

/* The codes read so far, hashed (a scan from the end per line was
 * quadratic: 5.6 million strcmp calls at every start-up). A code's slot
 * holds the last division listed with it, as that scan found. */
typedef struct {
    const sj_places *pl;
    const char *code; /* the code looked up */
} code_key;

static uint64_t code_hash(const char *code) { return sj_fnv1a(SJ_FNV_START, code, 6); }

static uint64_t code_hash_item(const void *ctx, int item)
{
    return code_hash(((const code_key *)ctx)->pl->items[item].code);
}

static int code_same(const void *ctx, int item)
{
    const code_key *k = ctx;
    return !memcmp(k->pl->items[item].code, k->code, 6);
}

static int *code_slot(const sj_places *pl, const sj_slots *codes, const char *code)
{
    code_key k = {pl, code};
    return sj_slots_find(codes, code_hash(code), code_same, &k);
}

static int code_index(const sj_places *pl, const sj_slots *codes, const char *code)
{
    return *code_slot(pl, codes, code) - 1;
}

/* the names sorted, for sj_places_find / _prefix (a static comparator
 * needs the places: indexes are sorted by insertion into a sorted array) */
static int name_cmp(const sj_places *pl, int a, const char *name, size_t len)
{
    const char *x = pl->items[a].name;
    size_t xl = strlen(x);
    int c = memcmp(x, name, xl < len ? xl : len);
    return c ? c : (xl > len) - (xl < len);
}

static int lower_bound(const sj_places *pl, const char *name, size_t len)
{
    int lo = 0, hi = pl->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (name_cmp(pl, pl->by_name[mid], name, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int sj_places_find(const sj_places *pl, const char *name, size_t len)
{
    if (!pl->n)
        return -1;
    int k = lower_bound(pl, name, len);
    return k < pl->n && !name_cmp(pl, pl->by_name[k], name, len) ? pl->by_name[k] : -1;
}

int sj_places_prefix(const sj_places *pl, const char *s, size_t len)
{
    /* names are 2 to 20 characters: try each length, longest first */
    int best = -1;
    size_t at = 0;
    for (int chars = 0; chars < 20 && at < len; chars++) {
        do
            at++;
        while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80);
        int k = sj_places_find(pl, s, at);
        if (k >= 0)
            best = k;
    }
    return best;
}

static int utf8_ok(const char *s, size_t n) { return sj_utf8_invalid_at(s, n) == n; }

static char *field_dup(const char *s, size_t n)
{
    char *r = xmalloc(n + 1);
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

/* the divisions of the text, in order (codes: room for every line) */
static int load_lines(const char *name, const char *text, size_t len, sj_places *pl,
                      sj_slots *codes, sj_err *err)
{
    size_t at = 0;
    int line = 0;
    while (at < len) {
        line++;
        const char *s = text + at;
        const char *nl = memchr(s, '\n', len - at);
        size_t ll = nl ? (size_t)(nl - s) : len - at;
        at += ll + 1;
        if (ll && s[ll - 1] == '\r')
            ll--;
        if (!ll || s[0] == '#')
            continue;
        const char *f[6];
        size_t fl[6];
        int nf = 0;
        size_t p = 0;
        while (nf < 6) {
            const char *tab = memchr(s + p, '\t', ll - p);
            size_t e = tab ? (size_t)(tab - s) : ll;
            f[nf] = s + p;
            fl[nf++] = e - p;
            if (!tab)
                break;
            p = e + 1;
        }
        if (nf != 6 || memchr(s + p, '\t', ll - p))
            return sj_fail(err, "%s:%d: a division has six tab-separated fields "
                                "(code, name, level, kind, parent, short)", name, line);
        if (!utf8_ok(s, ll))
            return sj_fail(err, "%s:%d: invalid UTF-8", name, line);
        int digits = fl[0] == 6;
        for (size_t i = 0; i < fl[0] && digits; i++)
            digits = f[0][i] >= '0' && f[0][i] <= '9';
        if (!digits)
            return sj_fail(err, "%s:%d: the code must be 6 digits", name, line);
        if (fl[1] < 2 || fl[3] < 1)
            return sj_fail(err, "%s:%d: a division needs a name and a kind", name, line);
        int level = 0;
        for (int i = 0; LEVELS[i]; i++)
            if (fl[2] == strlen(LEVELS[i]) && !memcmp(f[2], LEVELS[i], fl[2]))
                level = i + 1;
        if (!level)
            return sj_fail(err, "%s:%d: level must be province, city or county", name, line);
        char code[7], pcode[7];
        memcpy(code, f[0], 6);
        code[6] = '\0';
        /* a code is listed once, except that a prefecture-level city with
         * no counties (东莞市, 中山市, 儋州市: 不设区的地级市) is listed
         * again as its own county-level area, under itself */
        int again = code_index(pl, codes, code);
        if (again >= 0 && !(level == 3 && pl->items[again].level == 2 && fl[4] == 6 &&
                            !memcmp(f[4], code, 6) &&
                            fl[1] == strlen(pl->items[again].name) &&
                            !memcmp(f[1], pl->items[again].name, fl[1])))
            return sj_fail(err, "%s:%d: code %s is listed twice", name, line, code);
        int parent = -1;
        if (level == 1) {
            if (fl[4] != 1 || f[4][0] != '-')
                return sj_fail(err, "%s:%d: a province has no parent ('-')", name, line);
        } else {
            if (fl[4] != 6)
                return sj_fail(err, "%s:%d: the parent must be a 6-digit code", name, line);
            memcpy(pcode, f[4], 6);
            pcode[6] = '\0';
            parent = code_index(pl, codes, pcode);
            if (parent < 0)
                return sj_fail(err, "%s:%d: parent %s is not listed before", name, line, pcode);
            if (pl->items[parent].level >= level)
                return sj_fail(err, "%s:%d: parent %s is not above the division", name, line,
                               pcode);
        }
        SJ_GROW(pl->items, pl->n, pl->cap);
        *code_slot(pl, codes, code) = pl->n + 1; /* the last listed with it */
        sj_place *pc = &pl->items[pl->n++];
        memcpy(pc->code, code, 7);
        pc->name = field_dup(f[1], fl[1]);
        pc->level = level;
        pc->kind = field_dup(f[3], fl[3]);
        pc->parent = parent;
        pc->shortname = fl[5] == 1 && f[5][0] == '-' ? NULL : field_dup(f[5], fl[5]);
    }
    return 0;
}

int sj_places_load_text(const char *name, const char *text, size_t len, sj_places *pl,
                        sj_err *err)
{
    /* room for every line at once: a rebuild would hash a code listed
     * twice into two slots */
    size_t lines = 1;
    for (const char *q = text; (q = memchr(q, '\n', (size_t)(text + len - q))); q++)
        lines++;
    sj_slots codes = {0};
    code_key none = {pl, NULL};
    sj_slots_reserve(&codes, lines, 0, code_hash_item, &none);
    int rc = load_lines(name, text, len, pl, &codes, err);
    sj_slots_free(&codes);
    if (rc)
        return rc;
    /* the name index: insertion sort is quadratic; sort pairs instead */
    free(pl->by_name);
    pl->by_name = xmalloc(((size_t)pl->n + 1) * sizeof *pl->by_name);
    for (int i = 0; i < pl->n; i++)
        pl->by_name[i] = i;
    /* merge sort by name, bottom-up (no comparator context in qsort) */
    int *tmp = xmalloc(((size_t)pl->n + 1) * sizeof *tmp);
    for (int w = 1; w < pl->n; w *= 2) {
        for (int lo = 0; lo < pl->n; lo += 2 * w) {
            int mid = lo + w < pl->n ? lo + w : pl->n;
            int hi = lo + 2 * w < pl->n ? lo + 2 * w : pl->n;
            int a = lo, b = mid, k = lo;
            while (a < mid || b < hi) {
                const char *an = a < mid ? pl->items[pl->by_name[a]].name : NULL;
                if (b >= hi || (a < mid && strcmp(an, pl->items[pl->by_name[b]].name) <= 0))
                    tmp[k++] = pl->by_name[a++];
                else
                    tmp[k++] = pl->by_name[b++];
            }
        }
        memcpy(pl->by_name, tmp, (size_t)pl->n * sizeof *tmp);
    }
    free(tmp);
    return 0;
}

/* ---- a place named at the start of a text (a title, an issuer, an
 * office name), for the scan's pairing by place and the agencies' roles */

int sj_places_chain(const sj_places *pl, const char *s, size_t len, size_t *used)
{
    *used = 0;
    if (!s || !pl->n)
        return -1;
    size_t at = 0;
    int k = -1;
    for (int guard = 0; guard < 4 && at < len; guard++) {
        int next = sj_places_prefix(pl, s + at, len - at);
        if (next < 0)
            break;
        /* a name listed more than once (鼓楼区): the one inside k, else
         * (alone) the first listed */
        const char *nm = pl->items[next].name;
        size_t nl = strlen(nm);
        int lo = lower_bound(pl, nm, nl), pick = -1;
        for (int j = lo; j < pl->n && !name_cmp(pl, pl->by_name[j], nm, nl); j++) {
            int c = pl->by_name[j];
            int up = pl->items[c].parent, up2 = up >= 0 ? pl->items[up].parent : -1;
            if (k < 0 ? pick < 0 || c < pick : (up == k || up2 == k)) {
                pick = c;
                if (k >= 0)
                    break;
            }
        }
        if (pick < 0)
            break;
        k = pick;
        at += nl;
    }
    *used = at;
    return k;
}

int sj_places_named(const sj_places *pl, int k, int *out, int max)
{
    if (k < 0 || k >= pl->n)
        return 0;
    const char *nm = pl->items[k].name;
    size_t nl = strlen(nm);
    int n = 0;
    for (int j = lower_bound(pl, nm, nl); j < pl->n && !name_cmp(pl, pl->by_name[j], nm, nl);
         j++)
        if (n < max)
            out[n++] = pl->by_name[j];
    return n;
}
