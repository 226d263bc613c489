/* pair.c - which scanned plan is each plan's parent: the plan it cites
 * by 文号, else by title (a title that contains or is contained in the
 * cited one), looked up through sorted indexes and, for many titles and
 * citations, a bigram index; for a plan that cites none, the plan of the
 * division above its place of the same programme; or as a pairs file
 * says. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "similar.h"

__attribute__((format(printf, 3, 4)))
static void note(void (*on_note)(void *ctx, const char *msg), void *ctx, const char *fmt, ...)
{
    if (!on_note)
        return;
    char msg[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    on_note(ctx, msg);
}

static int find_by_path(const sj_scan_card *cards, int n, const char *p)
{
    for (int i = 0; i < n; i++) {
        const char *q = cards[i].path;
        size_t lq = strlen(q), lp = strlen(p);
        if (!strcmp(q, p) || (lq > lp && !strcmp(q + lq - lp, p) && q[lq - lp - 1] == '/'))
            return i;
    }
    return -1;
}

/* Plans sorted by 文号 and by title (ties in path order), so that a
 * citation is looked up by binary search, and each distinct title is
 * compared with it once. */
typedef struct {
    const sj_scan_card *cards;
    int *by_docno, ndocno;
    int *by_title, ntitle;
    int *group, ngroup; /* start in by_title of each run of one title */
    /* For title_group, built by index_bigrams only when there are many
     * titles and citations (indexed): every distinct bigram of each title
     * as a sorted key bigram << 22 | group (so at most 2^22 groups). */
    uint64_t *has;
    size_t nhas;
    sj_slots titles; /* the groups by their title's FNV-1a hash */
    int empty_group; /* the group of the empty title, -1 */
    int indexed;
} plan_index;

static int cmp_docno_idx(const void *a, const void *b, void *arg)
{
    const sj_scan_card *cards = arg;
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcmp(cards[x].docno, cards[y].docno);
    return c ? c : x - y;
}

static int cmp_title_idx(const void *a, const void *b, void *arg)
{
    const sj_scan_card *cards = arg;
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcmp(cards[x].title, cards[y].title);
    return c ? c : x - y;
}

static void index_plans(plan_index *ix, const sj_scan_card *cards, int n)
{
    memset(ix, 0, sizeof *ix);
    ix->cards = cards;
    ix->by_docno = xcalloc((size_t)n + 1, sizeof *ix->by_docno);
    ix->by_title = xcalloc((size_t)n + 1, sizeof *ix->by_title);
    ix->group = xcalloc((size_t)n + 1, sizeof *ix->group);
    for (int i = 0; i < n; i++) {
        if (!cards[i].ok)
            continue;
        if (cards[i].docno)
            ix->by_docno[ix->ndocno++] = i;
        if (cards[i].title)
            ix->by_title[ix->ntitle++] = i;
    }
    qsort_r(ix->by_docno, (size_t)ix->ndocno, sizeof (int), cmp_docno_idx, (void *)cards);
    qsort_r(ix->by_title, (size_t)ix->ntitle, sizeof (int), cmp_title_idx, (void *)cards);
    for (int k = 0; k < ix->ntitle; k++)
        if (k == 0 || strcmp(cards[ix->by_title[k]].title, cards[ix->by_title[k - 1]].title))
            ix->group[ix->ngroup++] = k;
    ix->empty_group = -1;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static const char *group_title(const plan_index *ix, int g)
{
    return ix->cards[ix->by_title[ix->group[g]]].title;
}

static uint64_t group_hash(const void *ctx, int g)
{
    const char *t = group_title(ctx, g);
    return sj_fnv1a(SJ_FNV_START, t, strlen(t));
}

/* the bigram index and the hash table of the titles, see plan_index */
static void index_bigrams(plan_index *ix)
{
    ix->empty_group = -1;
    if (ix->ngroup >= 1 << 22)
        return;
    size_t cap = 0; /* bigrams: fewer than characters */
    for (int g = 0; g < ix->ngroup; g++)
        cap += sj_utf8_count(group_title(ix, g), strlen(group_title(ix, g)));
    ix->has = xmalloc((cap + 1) * sizeof *ix->has);
    sj_slots_reserve(&ix->titles, (size_t)ix->ngroup, ix->ngroup, group_hash, ix);
    for (int g = 0; g < ix->ngroup; g++) {
        const char *t = group_title(ix, g);
        size_t tl = strlen(t);
        if (!tl)
            ix->empty_group = g;
        sj_bigrams b = sj_bigrams_make(t, tl);
        for (int k = 0; k < b.n; k++)
            if (k == 0 || b.g[k] != b.g[k - 1])
                ix->has[ix->nhas++] = b.g[k] << 22 | (uint64_t)g;
        sj_bigrams_free(&b);
    }
    qsort(ix->has, ix->nhas, sizeof *ix->has, cmp_u64);
    ix->indexed = 1;
}

/* A title looked up among the groups': s[0, n) */
typedef struct {
    const plan_index *ix;
    const char *s;
    size_t n;
} title_query;

static int same_title(const void *ctx, int g)
{
    const title_query *q = ctx;
    const char *t = group_title(q->ix, g);
    return strlen(t) == q->n && !memcmp(t, q->s, q->n);
}

/* the group whose title is s[0, n) (hash h), -1 */
static int title_lookup(const plan_index *ix, uint64_t h, const char *s, size_t n)
{
    title_query q = {ix, s, n};
    return *sj_slots_find(&ix->titles, h, same_title, &q) - 1;
}

static void free_plan_index(plan_index *ix)
{
    free(ix->by_docno);
    free(ix->by_title);
    free(ix->group);
    free(ix->has);
    sj_slots_free(&ix->titles);
}

/* The first group of titles, from g on, in which the title contains or is
 * contained in the cited title ct; ix->ngroup if none. Only candidates are
 * compared: a title that contains ct holds ct's rarest bigram, and one that
 * ct contains is one of ct's substrings, looked up by hash. */
static int title_group(const plan_index *ix, const char *ct, int g)
{
    sj_bigrams q = sj_bigrams_make(ct, strlen(ct));
    if (!ix->indexed || q.n == 0) {
        sj_bigrams_free(&q);
        for (; g < ix->ngroup; g++) {
            const char *t = group_title(ix, g);
            if (strstr(ct, t) || strstr(t, ct))
                break;
        }
        return g;
    }
    const uint64_t low = ((uint64_t)1 << 22) - 1;
    int best = ix->empty_group >= g ? ix->empty_group : ix->ngroup;
    /* titles containing ct: among those holding its rarest bigram */
    size_t rs = 0, rn = (size_t)-1;
    for (int k = 0; k < q.n; k++) {
        size_t a = sj_lower_bound_u64(ix->has, ix->nhas, q.g[k] << 22);
        size_t b = sj_lower_bound_u64(ix->has, ix->nhas, (q.g[k] + 1) << 22);
        if (b - a < rn)
            rs = a, rn = b - a;
    }
    for (size_t i = rs; i < rs + rn; i++) {
        int c = (int)(ix->has[i] & low);
        if (c >= g && c < best && strstr(group_title(ix, c), ct))
            best = c;
    }
    sj_bigrams_free(&q);
    /* titles contained in ct: each substring of it, from every character */
    size_t cl = strlen(ct);
    for (size_t i = 0; i < cl; i++) {
        if (((unsigned char)ct[i] & 0xC0) == 0x80)
            continue;
        uint64_t h = SJ_FNV_START;
        for (size_t j = i; j < cl;) {
            size_t e = j + 1;
            while (e < cl && ((unsigned char)ct[e] & 0xC0) == 0x80)
                e++;
            h = sj_fnv1a(h, ct + j, e - j);
            j = e;
            int c = title_lookup(ix, h, ct + i, j - i);
            if (c >= g && c < best)
                best = c;
        }
    }
    return best;
}

/* Distinct cited titles, sorted, each with its first title group: counties
 * cite the same few city plans, so each is compared with every title once,
 * not once per citing plan. */
typedef struct {
    const char **title;
    int *group;
    int n;
} cite_memo;

static void memo_cites(cite_memo *cm, plan_index *ix, const sj_scan_card *cards, int n,
                       int index_mode)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += cards[i].ok ? cards[i].ncites : 0;
    cm->title = xcalloc((size_t)total + 1, sizeof *cm->title);
    cm->group = xcalloc((size_t)total + 1, sizeof *cm->group);
    cm->n = 0;
    for (int i = 0; i < n; i++)
        for (int k = 0; cards[i].ok && k < cards[i].ncites; k++)
            if (cards[i].cite_title[k])
                cm->title[cm->n++] = cards[i].cite_title[k];
    qsort(cm->title, (size_t)cm->n, sizeof *cm->title, sj_cmp_str);
    int u = 0;
    for (int i = 0; i < cm->n; i++)
        if (u == 0 || strcmp(cm->title[i], cm->title[u - 1]))
            cm->title[u++] = cm->title[i];
    cm->n = u;
    /* the bigram index costs memory: only for many titles times many
     * citations (a scan of 40,000 plans each citing another: 14 s without,
     * 2.5 s with it, and 10 MB more). index_mode 1 (always) or -1
     * (never) overrides, so that tests can compare the two. */
    if (index_mode > 0 ? 1 : index_mode < 0 ? 0 : (double)ix->ngroup * cm->n > 4e6)
        index_bigrams(ix);
    for (int i = 0; i < cm->n; i++)
        cm->group[i] = title_group(ix, cm->title[i], 0);
}

static int memo_group(const cite_memo *cm, const char *ct)
{
    const char **hit = bsearch(&ct, cm->title, (size_t)cm->n, sizeof *cm->title, sj_cmp_str);
    return hit ? cm->group[hit - cm->title] : -1;
}

/* The first plan (in path order, not ci itself) with that 文号, else the
 * first whose title contains or is contained in a cited title (title
 * groups in sorted order); -1. */
static int cited_parent(const plan_index *ix, const cite_memo *cm, int ci)
{
    const sj_scan_card *cards = ix->cards, *c = &cards[ci];
    for (int k = 0; k < c->ncites; k++) {
        const char *dn = c->cite_docno[k];
        if (dn) {
            int lo = 0, hi = ix->ndocno;
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (strcmp(cards[ix->by_docno[mid]].docno, dn) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (; lo < ix->ndocno && !strcmp(cards[ix->by_docno[lo]].docno, dn); lo++)
                if (ix->by_docno[lo] != ci)
                    return ix->by_docno[lo];
        }
    }
    for (int k = 0; k < c->ncites; k++) {
        const char *ct = c->cite_title[k];
        if (!ct)
            continue;
        int g = memo_group(cm, ct);
        if (g < 0)
            g = title_group(ix, ct, 0);
        /* a group holding only ci itself: on to the next that matches */
        for (; g < ix->ngroup; g = title_group(ix, ct, g + 1)) {
            int start = ix->group[g], end = g + 1 < ix->ngroup ? ix->group[g + 1] : ix->ntitle;
            for (int q = start; q < end; q++)
                if (ix->by_title[q] != ci)
                    return ix->by_title[q];
        }
    }
    return -1;
}

void sj_pair_by_citation(const sj_scan_card *cards, int n, int index_mode, int *parent)
{
    plan_index ix;
    index_plans(&ix, cards, n);
    cite_memo cm;
    memo_cites(&cm, &ix, cards, n, index_mode);
    for (int i = 0; i < n; i++)
        parent[i] = cards[i].ok ? cited_parent(&ix, &cm, i) : -1;
    free(cm.title);
    free(cm.group);
    free_plan_index(&ix);
}

/* ---- pairing by place */

/* the periods overlap, or one is not stated */
static int periods_overlap(const sj_scan_card *a, const sj_scan_card *b)
{
    if (!a->period_from || !b->period_from)
        return 1;
    int at = a->period_to ? a->period_to : a->period_from;
    int bt = b->period_to ? b->period_to : b->period_from;
    return a->period_from <= bt && b->period_from <= at;
}

/* the title after the place names that open it (山东省潍坊市寿光市空气… ->
 * 空气…), so that titles of two levels compare by what they are about */
static const char *title_rest(const sj_scan_card *c)
{
    if (!c->title)
        return "";
    const char *q = c->place ? strstr(c->title, c->place) : NULL;
    return q ? q + strlen(c->place) : c->title;
}

static int cmp_code_idx(const void *a, const void *b, void *arg)
{
    const sj_scan_card *cards = arg;
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcmp(cards[x].place_code, cards[y].place_code);
    return c ? c : x - y;
}

void sj_pair_by_place(const sj_scan_card *cards, int n, int *parent, int *how)
{
    /* the plans that can be parents, by their place's code */
    int *by_code = xcalloc((size_t)n + 1, sizeof *by_code), nb = 0;
    for (int i = 0; i < n; i++) {
        how[i] = 0;
        if (cards[i].ok && cards[i].place_code && cards[i].programme)
            by_code[nb++] = i;
    }
    qsort_r(by_code, (size_t)nb, sizeof *by_code, cmp_code_idx, (void *)cards);
    for (int i = 0; i < n; i++) {
        const sj_scan_card *c = &cards[i];
        if (!c->ok || parent[i] >= 0 || c->ncites || !c->programme || !c->nplace_up)
            continue;
        int best = -1, nc = 0;
        double bs = -1;
        for (int u = 0; u < c->nplace_up; u++) {
            const char *code = c->place_up[u];
            int lo = 0, hi = nb;
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (strcmp(cards[by_code[mid]].place_code, code) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (; lo < nb && !strcmp(cards[by_code[lo]].place_code, code); lo++) {
                int j = by_code[lo];
                const sj_scan_card *p = &cards[j];
                if (j == i || strcmp(p->programme, c->programme) || !periods_overlap(c, p))
                    continue;
                nc++;
                double sc = sj_similarity(title_rest(c), title_rest(p));
                if (sc > bs || (sc == bs && j < best))
                    bs = sc, best = j;
            }
        }
        if (best >= 0) {
            parent[i] = best;
            how[i] = nc;
        }
    }
    free(by_code);
}

char *sj_pair_place_note(const sj_scan_card *c, const sj_scan_card *p, int how)
{
    sj_buf b = {0};
    sj_buf_addf(&b, "%s: paired by place with %s (%s is in %s; programme %s; it cites no plan)",
                c->path, p->path, c->place, p->place, c->programme);
    if (how > 1)
        sj_buf_addf(&b, "; the most like by title of %d plans of %s", how, p->place);
    return sj_buf_take(&b);
}

int sj_pair_from_file(const char *file, const sj_scan_card *cards, int n, int *parent,
                      void (*on_note)(void *ctx, const char *msg), void *ctx)
{
    FILE *pf = fopen(file, "r");
    if (!pf) {
        note(on_note, ctx, "%s: cannot open pairs file", file);
        return 1;
    }
    int bad = 0, ln = 0;
    char line[4096];
    while (fgets(line, sizeof line, pf)) {
        ln++;
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab) {
            note(on_note, ctx, "%s:%d: expected CHILD<TAB>PARENT", file, ln);
            bad++;
            continue;
        }
        *tab = 0;
        int c = find_by_path(cards, n, line), p = find_by_path(cards, n, tab + 1);
        if (c < 0 || p < 0) {
            note(on_note, ctx, "%s:%d: %s is not among the scanned files", file, ln,
                 c < 0 ? line : tab + 1);
            bad++;
            continue;
        }
        parent[c] = p;
    }
    fclose(pf);
    return bad;
}
