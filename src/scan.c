#include "scan.h"

#include <ftw.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "check.h"
#include "extract.h"
#include "similar.h"

/* What pairing needs to know about a plan, kept for every file; the
 * document itself is freed as soon as this is copied out. */
typedef struct {
    char *path;
    int ok;
    char *err; /* why the file could not be read; NULL while it can */
    size_t bytes;
    char *title, *docno;
    char **cite_title, **cite_docno;
    int ncites;
} card;

/* One plan's part of the report, rendered by a worker. */
typedef struct {
    int done;
    int parent;     /* index of the parent, -1 for a lint */
    int counts[3];  /* findings per sj_severity */
    char *out;      /* the rendered section */
    size_t outlen;
} result;

static struct {
    char **paths;
    int n, cap;
    char **notes; /* files skipped while walking */
    int nnotes, capnotes;
} WALK;

static int has_ext(const char *p)
{
    size_t l = strlen(p);
    return (l > 4 && !strcmp(p + l - 4, ".txt")) || (l > 3 && !strcmp(p + l - 3, ".md"));
}

static int walk_cb(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    sj_buf b = {0};
    if (type == FTW_F && has_ext(path)) {
        SJ_GROW(WALK.paths, WALK.n, WALK.cap);
        WALK.paths[WALK.n++] = xstrdup(path);
    } else if (type == FTW_DNR) {
        sj_buf_addf(&b, "%s: cannot read directory", path);
    } else if (type == FTW_SL || type == FTW_SLN) {
        if (has_ext(path))
            sj_buf_addf(&b, "%s: symbolic link, not followed", path);
    } else if (type == FTW_NS) {
        sj_buf_addf(&b, "%s: cannot stat", path);
    }
    if (b.len) {
        SJ_GROW(WALK.notes, WALK.nnotes, WALK.capnotes);
        WALK.notes[WALK.nnotes++] = sj_buf_take(&b);
    }
    sj_buf_free(&b);
    return 0;
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

static void card_free(card *c)
{
    free(c->path);
    free(c->err);
    free(c->title);
    free(c->docno);
    for (int k = 0; k < c->ncites; k++) {
        free(c->cite_title[k]);
        free(c->cite_docno[k]);
    }
    free(c->cite_title);
    free(c->cite_docno);
}

typedef struct {
    card *cards;
    result *res;
    int n;
    int next, done;       /* work queue and progress */
    int next_emit;        /* results are written in path order */
    size_t bytes_done;
    pthread_mutex_t mu;
    const sj_ruleset *rs;
    const sj_scan_opts *o;
    const char *phase;
    struct timespec start;
    FILE *sink;           /* where sections go (out, or a spool file) */
    int nemitted;         /* sections written so far */
} work;

static void progress(work *w)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double s = (double)(now.tv_sec - w->start.tv_sec) + (now.tv_nsec - w->start.tv_nsec) / 1e9;
    double mbs = s > 0 ? (double)w->bytes_done / 1048576.0 / s : 0;
    int width = 30, fill = w->n ? w->done * width / w->n : width;
    fprintf(stderr, "\r%-8s [%.*s%*s] %d/%d files %.1f MB/s", w->phase, fill,
            "##############################", width - fill, "", w->done, w->n, mbs);
    if (w->done == w->n)
        fputc('\n', stderr);
}

static int take(work *w)
{
    pthread_mutex_lock(&w->mu);
    int i = w->next++;
    pthread_mutex_unlock(&w->mu);
    return i < w->n ? i : -1;
}

static void finished(work *w, size_t bytes)
{
    w->done++;
    w->bytes_done += bytes;
    if (w->o->progress)
        progress(w);
}

/* ---- phase 1: read every plan once for its title, 文号 and citations */

static void *read_worker(void *arg)
{
    work *w = arg;
    sj_matcher m;
    sj_matcher_init(&m);
    for (int i; (i = take(w)) >= 0;) {
        card *c = &w->cards[i];
        sj_doc d;
        sj_err err;
        if (sj_doc_load(c->path, &w->o->load, w->rs, &m, &d, &err) == 0) {
            c->ok = 1;
            c->bytes = d.dec.len;
            c->title = dup_or_null(d.title);
            c->docno = dup_or_null(d.docno);
            c->ncites = d.ncites;
            c->cite_title = xcalloc((size_t)d.ncites + 1, sizeof *c->cite_title);
            c->cite_docno = xcalloc((size_t)d.ncites + 1, sizeof *c->cite_docno);
            for (int k = 0; k < d.ncites; k++) {
                c->cite_title[k] = dup_or_null(d.cites[k].title);
                c->cite_docno[k] = dup_or_null(d.cites[k].docno);
            }
        } else {
            c->err = xstrdup(err.msg);
        }
        sj_doc_free(&d);
        pthread_mutex_lock(&w->mu);
        finished(w, c->bytes);
        pthread_mutex_unlock(&w->mu);
    }
    sj_matcher_free(&m);
    return NULL;
}

/* ---- pairing */

static int find_by_path(const card *cards, int n, const char *p)
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
    const card *cards;
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
    const card *cards = arg;
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcmp(cards[x].docno, cards[y].docno);
    return c ? c : x - y;
}

static int cmp_title_idx(const void *a, const void *b, void *arg)
{
    const card *cards = arg;
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcmp(cards[x].title, cards[y].title);
    return c ? c : x - y;
}

static void index_plans(plan_index *ix, const card *cards, int n)
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

static void memo_cites(cite_memo *cm, plan_index *ix, const card *cards, int n)
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
     * 2.5 s with it, and 10 MB more). SIJIAN_PAIR_INDEX=always or never
     * overrides, so that tests can compare the two. */
    const char *force = getenv("SIJIAN_PAIR_INDEX");
    if (force && !strcmp(force, "always") ? 1
        : force && !strcmp(force, "never") ? 0
                                           : (double)ix->ngroup * cm->n > 4e6)
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
    const card *cards = ix->cards, *c = &cards[ci];
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

static void pair_plans(const card *cards, int n, int *parent)
{
    plan_index ix;
    index_plans(&ix, cards, n);
    cite_memo cm;
    memo_cites(&cm, &ix, cards, n);
    for (int i = 0; i < n; i++)
        parent[i] = cards[i].ok ? cited_parent(&ix, &cm, i) : -1;
    free(cm.title);
    free(cm.group);
    free_plan_index(&ix);
}

static int read_pairs_file(const char *file, const card *cards, int n, int *parent)
{
    FILE *pf = fopen(file, "r");
    if (!pf) {
        fprintf(stderr, "sijian-check: %s: cannot open pairs file\n", file);
        return 2;
    }
    int rc = 0, ln = 0;
    char line[4096];
    while (fgets(line, sizeof line, pf)) {
        ln++;
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab) {
            fprintf(stderr, "sijian-check: %s:%d: expected CHILD<TAB>PARENT\n", file, ln);
            rc = 2;
            continue;
        }
        *tab = 0;
        int c = find_by_path(cards, n, line), p = find_by_path(cards, n, tab + 1);
        if (c < 0 || p < 0) {
            fprintf(stderr, "sijian-check: %s:%d: %s is not among the scanned files\n", file,
                    ln, c < 0 ? line : tab + 1);
            rc = 2;
            continue;
        }
        parent[c] = p;
    }
    fclose(pf);
    return rc;
}

/* ---- phase 2: check (or lint) each plan and render its section */

static void render(work *w, int i, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                   result *r)
{
    FILE *ms = open_memstream(&r->out, &r->outlen);
    if (!ms)
        return;
    w->o->render->scan_section(ms, c, p, fs, i);
    fclose(ms);
}

/* Writes finished sections in path order; called with the lock held. */
static void emit_ready(work *w)
{
    const sj_renderer *rd = w->o->render;
    while (w->next_emit < w->n && w->res[w->next_emit].done) {
        int i = w->next_emit++;
        result *r = &w->res[i];
        const card *c = &w->cards[i];
        if (!c->ok) {
            if (rd->scan_error && rd->scan_error(w->sink, c->path, c->err, w->nemitted))
                w->nemitted++;
            continue;
        }
        if (r->out && r->outlen) {
            if (w->nemitted)
                fputs(rd->scan_sep, w->sink);
            fwrite(r->out, 1, r->outlen, w->sink);
            w->nemitted++;
        }
        free(r->out);
        r->out = NULL;
    }
}

/* Parents a worker keeps loaded: many plans share a few parents (the
 * city plan), so a handful of slots, least recently used out. */
#define PARENT_SLOTS 4

typedef struct {
    int idx[PARENT_SLOTS]; /* card index, -1 if empty */
    unsigned long used[PARENT_SLOTS];
    unsigned long clock;
    sj_doc doc[PARENT_SLOTS];
    sj_parent_profiles *prof[PARENT_SLOTS]; /* what checks need of it */
} parent_cache;

static void evict(parent_cache *pc, int k)
{
    if (pc->idx[k] >= 0) {
        sj_parent_profiles_free(pc->prof[k], &pc->doc[k]);
        sj_doc_free(&pc->doc[k]);
    }
    pc->prof[k] = NULL;
    pc->idx[k] = -1;
}

/* The slot of the extracted parent pi (with its profiles), loading it
 * into the least recently used slot if needed; -1 if it cannot be loaded. */
static int cached_parent(work *w, parent_cache *pc, sj_matcher *m, int pi)
{
    int k, victim = 0;
    for (k = 0; k < PARENT_SLOTS; k++) {
        if (pc->idx[k] == pi) {
            pc->used[k] = ++pc->clock;
            return k;
        }
        if (pc->used[k] < pc->used[victim])
            victim = k;
    }
    evict(pc, victim);
    sj_err err;
    if (sj_doc_load(w->cards[pi].path, &w->o->load, w->rs, m, &pc->doc[victim], &err)) {
        sj_doc_free(&pc->doc[victim]);
        return -1;
    }
    sj_extract(&pc->doc[victim], w->rs, m);
    pc->prof[victim] = sj_parent_profiles_make(&pc->doc[victim]);
    pc->idx[victim] = pi;
    pc->used[victim] = ++pc->clock;
    return victim;
}

static void *check_worker(void *arg)
{
    work *w = arg;
    sj_matcher m;
    sj_matcher_init(&m);
    parent_cache pc;
    memset(&pc, 0, sizeof pc);
    for (int k = 0; k < PARENT_SLOTS; k++)
        pc.idx[k] = -1;
    for (int i; (i = take(w)) >= 0;) {
        card *c = &w->cards[i];
        result *r = &w->res[i];
        sj_doc d;
        sj_err err;
        memset(&d, 0, sizeof d);
        if (c->ok && sj_doc_load(c->path, &w->o->load, w->rs, &m, &d, &err) != 0) {
            /* the file changed since phase 1 */
            c->ok = 0;
            free(c->err);
            c->err = xstrdup(err.msg);
        }
        if (c->ok) {
            sj_extract(&d, w->rs, &m);
            int slot = r->parent >= 0 ? cached_parent(w, &pc, &m, r->parent) : -1;
            sj_findings fs = {0};
            fs.lang = w->o->lang;
            const sj_doc *p = &d;
            if (slot >= 0) {
                p = &pc.doc[slot];
                sj_check_with(&d, p, pc.prof[slot], &fs);
            } else {
                r->parent = -1;
                sj_lint(&d, &fs);
            }
            for (int k = 0; k < fs.n; k++)
                r->counts[fs.items[k].level]++;
            render(w, i, &d, p, &fs, r);
            sj_findings_free(&fs);
        }
        sj_doc_free(&d);
        pthread_mutex_lock(&w->mu);
        r->done = 1;
        finished(w, c->bytes);
        emit_ready(w);
        pthread_mutex_unlock(&w->mu);
    }
    for (int k = 0; k < PARENT_SLOTS; k++)
        evict(&pc, k);
    sj_matcher_free(&m);
    return NULL;
}

static void run_phase(work *w, void *(*fn)(void *), const char *phase)
{
    w->next = 0;
    w->done = 0;
    w->bytes_done = 0;
    w->phase = phase;
    clock_gettime(CLOCK_MONOTONIC, &w->start);
    int jobs = w->o->jobs < 1 ? 1 : w->o->jobs > 64 ? 64 : w->o->jobs;
    pthread_t th[64];
    int started = 0;
    for (int t = 0; t < jobs; t++)
        if (pthread_create(&th[t], NULL, fn, w) == 0)
            started++;
    if (!started)
        fn(w);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
}

int sj_scan(const sj_scan_opts *o, const sj_ruleset *rs, FILE *out)
{
    memset(&WALK, 0, sizeof WALK);
    struct stat st;
    if (stat(o->dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "sijian-check: %s: not a directory\n", o->dir);
        return 2;
    }
    nftw(o->dir, walk_cb, 32, FTW_PHYS);
    qsort(WALK.paths, (size_t)WALK.n, sizeof *WALK.paths, cmp_path);
    int rc = 0;
    char **errors = NULL;
    int nerr = 0, caperr = 0;
    for (int i = 0; i < WALK.nnotes; i++) {
        fprintf(stderr, "sijian-check: %s\n", WALK.notes[i]);
        SJ_GROW(errors, nerr, caperr);
        errors[nerr++] = WALK.notes[i];
        rc = 2;
    }
    free(WALK.notes);

    work w;
    memset(&w, 0, sizeof w);
    w.n = WALK.n;
    w.cards = xcalloc((size_t)w.n + 1, sizeof *w.cards);
    w.res = xcalloc((size_t)w.n + 1, sizeof *w.res);
    for (int i = 0; i < w.n; i++)
        w.cards[i].path = WALK.paths[i];
    free(WALK.paths);
    w.rs = rs;
    w.o = o;
    pthread_mutex_init(&w.mu, NULL);
    run_phase(&w, read_worker, "reading");

    int *parent = xcalloc((size_t)w.n + 1, sizeof *parent);
    pair_plans(w.cards, w.n, parent);
    if (o->pairs_file && read_pairs_file(o->pairs_file, w.cards, w.n, parent))
        rc = 2;
    for (int i = 0; i < w.n; i++)
        w.res[i].parent = parent[i] == i ? -1 : parent[i];
    free(parent);

    /* Markdown and HTML put a summary before the sections, so the sections
     * wait in a spool file; the other formats stream. */
    const sj_renderer *rd = o->render;
    int spool = rd->scan_spool;
    w.sink = spool ? tmpfile() : out;
    if (!w.sink) {
        fputs("sijian-check: cannot create a temporary file\n", stderr);
        w.sink = out;
        spool = 0;
    }
    if (rd->scan_begin)
        rd->scan_begin(out);
    run_phase(&w, check_worker, "checking");
    pthread_mutex_destroy(&w.mu);

    int worst = -1;
    for (int i = 0; i < w.n; i++) {
        const card *c = &w.cards[i];
        if (!c->ok) {
            fprintf(stderr, "sijian-check: %s\n", c->err);
            SJ_GROW(errors, nerr, caperr);
            errors[nerr++] = xstrdup(c->err);
            rc = 2;
            continue;
        }
        for (int l = SJ_ERROR; l >= SJ_INFO; l--)
            if (w.res[i].counts[l] && l > worst)
                worst = l;
    }
    if (rd->scan_end) {
        sj_scan_row *rows = xcalloc((size_t)w.n + 1, sizeof *rows);
        for (int i = 0; i < w.n; i++) {
            const card *c = &w.cards[i];
            const result *r = &w.res[i];
            rows[i].path = c->path;
            rows[i].error = c->ok ? NULL : c->err;
            rows[i].parent = r->parent >= 0 ? w.cards[r->parent].path : NULL;
            memcpy(rows[i].counts, r->counts, sizeof rows[i].counts);
        }
        sj_scan_summary sum = {rows, w.n, (const char *const *)errors, nerr, o->lang};
        rd->scan_end(out, &sum, spool ? w.sink : NULL);
        free(rows);
    }
    if (spool)
        fclose(w.sink);
    for (int i = 0; i < nerr; i++)
        free(errors[i]);
    free(errors);
    for (int i = 0; i < w.n; i++) {
        free(w.res[i].out);
        card_free(&w.cards[i]);
    }
    free(w.cards);
    free(w.res);
    if (rc == 0 && worst >= o->fail_level)
        rc = 1;
    return rc;
}
