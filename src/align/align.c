/* align.c - pairs a child plan's targets, dated tasks and assigned tasks
 * with its parent's, each with a confidence (see align.h). */
#include "align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "agency_role.h"
#include "similar.h"

int sj_target_is_share(const sj_target *t)
{
    return sj_target_unit_dim(t) && (!strcmp(sj_target_unit_dim(t), "share") || !strcmp(sj_target_unit_dim(t), "points"));
}

/* Chinese noun phrases put the head last: 热泵类供热面积 is a kind of
 * 供热面积. True when the shorter name (3 characters or more) ends the
 * longer one. */
static int same_head(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > lb) {
        const char *t = a; a = b; b = t;
        size_t n = la; la = lb; lb = n;
    }
    return sj_utf8_count(a, la) >= 3 && !memcmp(b + lb - la, a, la);
}

/* How well child target ct answers parent target pt (0..1): the same
 * vocabulary id, else name similarity, lowered when the units cannot be
 * converted or one is a change (下降3%) and the other a level (158吨). */
static double pair_score(const sj_target *pt, const sj_bigrams *pb, const sj_target *ct,
                         const sj_bigrams *cb, int milestones)
{
    double s;
    if (sj_target_indicator_id(pt) && sj_target_indicator_id(ct)) {
        s = strcmp(sj_target_indicator_id(pt), sj_target_indicator_id(ct)) ? 0 : 1.0;
    } else {
        s = sj_dice(pb, cb);
        if (s < 0.8 && same_head(sj_target_match_key(pt), sj_target_match_key(ct)))
            s = 0.8;
    }
    /* milestones (either plan gives this indicator for several years): a
     * 2020 figure never answers a 2030 one */
    if (milestones && pt->target_year && ct->target_year && pt->target_year != ct->target_year)
        s *= 0.55;
    if (ct->deferred || pt->deferred)
        return s;
    /* two shares named alike (绿色建筑占比 95% against 星级绿色建筑占比 30% and
     * 城镇新建建筑中绿色建筑占比 100%): the closer figure is more likely the
     * same indicator; at most a tenth off */
    if (s > 0 && s < 1 && sj_target_is_share(ct) && sj_target_is_share(pt) &&
        !strcmp(sj_target_unit(ct), sj_target_unit(pt))) {
        double hi = fabs(ct->value) > fabs(pt->value) ? fabs(ct->value) : fabs(pt->value);
        double off = hi > 0 ? fabs(ct->value - pt->value) / hi : 0;
        s *= 1 - 0.1 * (off < 1 ? off : 1);
    }
    if (strcmp(sj_target_unit(ct), sj_target_unit(pt)) &&
        !(sj_target_unit_dim(ct) && sj_target_unit_dim(pt) && !strcmp(sj_target_unit_dim(ct), sj_target_unit_dim(pt))))
        /* two amounts in different units (座, 个) count different things;
         * a share against an amount may be the same thing said another
         * way, and a missing unit may be anything */
        s *= sj_target_is_share(ct) || sj_target_is_share(pt) || !*sj_target_unit(ct) || !*sj_target_unit(pt) ? 0.9 : 0.7;
    /* a change against a level (下降3% | 158吨) counts less, but not an
     * amount added against the same amount stated as a level (a 新增装机
     * column, read as an increase, and 累计新增装机15万千瓦) */
    int added = (!strcmp(ct->change, "increase") && !strcmp(pt->change, "level")) ||
                (!strcmp(pt->change, "increase") && !strcmp(ct->change, "level"));
    if (!strcmp(ct->change, "level") != !strcmp(pt->change, "level") &&
        !(added && *sj_target_unit(pt) && !strcmp(sj_target_unit(ct), sj_target_unit(pt)) && !sj_target_is_share(pt)))
        s *= 0.7;
    return s;
}

/* A deferred child target names the task it leaves to the parent's
 * allocation loosely (完成市下达的有机肥替代化肥任务, for the parent's
 * 推广有机肥替代化肥。…有机肥施用面积达到120万亩): the share of its name's
 * bigrams (cb) that the parent target's paragraph holds (0 for a name of
 * fewer than three). */
static double deferred_context(const sj_doc *p, const sj_target *pt, const sj_bigrams *cb)
{
    if (pt->para < 0 || pt->para >= p->nparas || cb->n < 3)
        return 0;
    sj_span sp = p->paras[pt->para].span;
    sj_bigrams para = sj_bigrams_make(p->norm.text + sp.start, sp.end - sp.start);
    double share = (double)sj_bigrams_shared(cb, &para) / cb->n;
    sj_bigrams_free(&para);
    return share;
}

/* pair_score, and for a deferred child target the parent target's
 * paragraph too: one whose paragraph holds three quarters of the child's
 * name scores 0.66 to 0.9 (its name's own score breaking ties) */
static double pair_score_in(const sj_doc *p, const sj_target *pt, const sj_bigrams *pb,
                            const sj_target *ct, const sj_bigrams *cb, int milestones)
{
    double s = pair_score(pt, pb, ct, cb, milestones);
    if (ct->deferred && !pt->deferred && s < 0.6) {
        double ctx = deferred_context(p, pt, cb);
        if (ctx >= 0.75 && 0.55 + 0.15 * ctx + 0.2 * s > s)
            s = 0.55 + 0.15 * ctx + 0.2 * s;
    }
    return s;
}

/* Per target of d: 1 when d gives its indicator (the same id when both
 * have one, else the same match key) for another target year too: a
 * milestone of several. Two sorts, not all pairs: targets with an id
 * are grouped by id; all are grouped by match key, where a pair counts
 * when one of the two has no id. A group's least and greatest year say
 * whether it holds a year other than a member's own. */
typedef struct {
    const char *key;
    int i;
} keyed;

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int r = strcmp(x->key, y->key);
    return r ? r : x->i - y->i;
}

/* marks ms[] over the groups of equal keys of k[0..n) (sorted); with
 * no_id_only, a member is judged by the group's members without an id
 * unless it has none itself (then by all) */
static void mark_groups(const sj_doc *d, keyed *k, int n, int no_id_only, int *ms)
{
    for (int a = 0, b; a < n; a = b) {
        int lo = 0, hi = 0, nlo = 0, nhi = 0; /* years: all members; those without an id */
        for (b = a; b < n && !strcmp(k[b].key, k[a].key); b++) {
            const sj_target *t = &d->targets[k[b].i];
            int y = t->target_year;
            if (!lo || y < lo)
                lo = y;
            if (y > hi)
                hi = y;
            if (!sj_target_indicator_id(t)) {
                if (!nlo || y < nlo)
                    nlo = y;
                if (y > nhi)
                    nhi = y;
            }
        }
        for (int e = a; e < b; e++) {
            const sj_target *t = &d->targets[k[e].i];
            int y = t->target_year;
            int other = !no_id_only || !sj_target_indicator_id(t)
                            ? lo != y || hi != y
                            : nlo && (nlo != y || nhi != y);
            if (other)
                ms[k[e].i] = 1;
        }
    }
}

static int *milestones_of(const sj_doc *d)
{
    int *ms = xcalloc((size_t)d->ntargets + 1, sizeof *ms);
    keyed *k = xmalloc(((size_t)d->ntargets + 1) * sizeof *k);
    int n = 0;
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        if (t->target_year && !t->area && sj_target_indicator_id(t))
            k[n++] = (keyed){sj_target_indicator_id(t), i};
    }
    qsort(k, (size_t)n, sizeof *k, by_key);
    mark_groups(d, k, n, 0, ms);
    n = 0;
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        if (t->target_year && !t->area)
            k[n++] = (keyed){sj_target_match_key(t), i};
    }
    qsort(k, (size_t)n, sizeof *k, by_key);
    mark_groups(d, k, n, 1, ms);
    free(k);
    return ms;
}

typedef struct {
    int p, c;
    double s;
} candidate;

static int by_score(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->s != y->s)
        return x->s > y->s ? -1 : 1;
    return x->p != y->p ? x->p - y->p : x->c - y->c;
}

int sj_same_indicator(const sj_target *a, const sj_target *b)
{
    if (sj_target_indicator_id(a) && sj_target_indicator_id(b))
        return !strcmp(sj_target_indicator_id(a), sj_target_indicator_id(b));
    return sj_similarity(sj_target_match_key(a), sj_target_match_key(b)) >= 0.8;
}

struct sj_parent_profiles {
    sj_bigrams *targets;   /* of each target's name (match key) */
    sj_task_unit *units;   /* the parent's tasks */
    int nunits;
    sj_bigrams *units_g;   /* of each task with an agency, else empty */
    const sj_doc *doc;     /* the parent (its agencies' roles: agency_role.c) */
};

/* The child targets a parent target can score above 0 with (pair_score):
 * those of the same indicator id when both have one, else those sharing a
 * bigram of the name (Dice above 0; a name that ends the other, same_head,
 * shares its last bigram). Every other pair scores 0, which neither takes
 * a pair nor counts in a second look, so aligning these alone finds what
 * comparing every pair found, at the cost of the pairs that share
 * something rather than of parent x child targets. */
typedef struct {
    uint64_t g; /* a bigram of the child target's name */
    int j;      /* the child target */
} posting;

typedef struct {
    const char *id;
    int j;
} id_entry;

typedef struct {
    posting *post; /* each child's distinct bigrams, sorted by (g, j) */
    size_t npost;
    id_entry *ids; /* the children with an indicator id, sorted by (id, j) */
    int nids;
    int *seen;     /* per child: the listing (gen) that last took it */
    int gen;
    int *next;     /* per child: the next child of its class, -1 */
    int *size;     /* per child that heads a class: its children */
    int *list;     /* the candidates of one parent target */
} cand_index;

static int by_posting(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->g != y->g)
        return x->g < y->g ? -1 : 1;
    return x->j - y->j;
}

static int by_id_entry(const void *a, const void *b)
{
    const id_entry *x = a, *y = b;
    int r = strcmp(x->id, y->id);
    return r ? r : x->j - y->j;
}

/* Child targets alike in all that pair_score reads (indicator id, name,
 * target year, deferral, unit, its dimension, change, milestone) score
 * alike against any parent target: they form a class, headed by its
 * first; only heads are indexed and scored (a plan made of copies of
 * plans scores each copy's targets once). */
static uint64_t mix(uint64_t h, const char *s)
{
    if (!s)
        return (h ^ 0xff) * 1099511628211ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0xfe) * 1099511628211ull;
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static int alike(const sj_target *a, int ma, const sj_target *b, int mb)
{
    return ma == mb && a->target_year == b->target_year && a->deferred == b->deferred &&
           same_str(sj_target_indicator_id(a), sj_target_indicator_id(b)) && same_str(sj_target_match_key(a), sj_target_match_key(b)) &&
           same_str(sj_target_unit(a), sj_target_unit(b)) && same_str(sj_target_unit_dim(a), sj_target_unit_dim(b)) &&
           same_str(a->change, b->change);
}

static void cand_index_make(cand_index *ix, const sj_doc *c, const sj_bigrams *cb, const int *cm)
{
    memset(ix, 0, sizeof *ix);
    int nc = c->ntargets;
    ix->next = xmalloc(((size_t)nc + 1) * sizeof *ix->next);
    ix->size = xcalloc((size_t)nc + 1, sizeof *ix->size);
    int *tail = xmalloc(((size_t)nc + 1) * sizeof *tail); /* per head: its last child */
    size_t cap = 16;
    while (cap < 2 * (size_t)nc)
        cap *= 2;
    int *slot = xmalloc(cap * sizeof *slot);
    for (size_t k = 0; k < cap; k++)
        slot[k] = -1;
    size_t total = 0;
    for (int j = 0; j < nc; j++) {
        const sj_target *t = &c->targets[j];
        uint64_t h = 1469598103934665603ull;
        h = mix(mix(mix(mix(mix(h, sj_target_indicator_id(t)), sj_target_match_key(t)), sj_target_unit(t)), sj_target_unit_dim(t)),
                t->change);
        h = (h ^ (uint64_t)(t->target_year * 4 + t->deferred * 2 + cm[j])) * 1099511628211ull;
        size_t k = h & (cap - 1);
        while (slot[k] >= 0 && !alike(&c->targets[slot[k]], cm[slot[k]], t, cm[j]))
            k = (k + 1) & (cap - 1);
        ix->next[j] = -1;
        if (slot[k] < 0) {
            slot[k] = j;
            tail[j] = j;
            ix->size[j] = 1;
            total += (size_t)cb[j].n;
        } else {
            int head = slot[k];
            ix->next[tail[head]] = j;
            tail[head] = j;
            ix->size[head]++;
        }
    }
    free(slot);
    free(tail);
    ix->post = xmalloc((total + 1) * sizeof *ix->post);
    ix->ids = xmalloc(((size_t)nc + 1) * sizeof *ix->ids);
    for (int j = 0; j < nc; j++) {
        if (!ix->size[j])
            continue; /* not a class's head */
        for (int k = 0; k < cb[j].n; k++) /* cb[j] is sorted: skip repeats */
            if (k == 0 || cb[j].g[k] != cb[j].g[k - 1])
                ix->post[ix->npost++] = (posting){cb[j].g[k], j};
        if (sj_target_indicator_id(&c->targets[j]))
            ix->ids[ix->nids++] = (id_entry){sj_target_indicator_id(&c->targets[j]), j};
    }
    if (ix->npost > 1)
        qsort(ix->post, ix->npost, sizeof *ix->post, by_posting);
    if (ix->nids > 1)
        qsort(ix->ids, (size_t)ix->nids, sizeof *ix->ids, by_id_entry);
    ix->seen = xcalloc((size_t)nc + 1, sizeof *ix->seen);
    ix->list = xmalloc(((size_t)nc + 1) * sizeof *ix->list);
}

static void cand_index_free(cand_index *ix)
{
    free(ix->next);
    free(ix->size);
    free(ix->post);
    free(ix->ids);
    free(ix->seen);
    free(ix->list);
}

/* the postings of bigram g: [*from, return) */
static size_t postings_of(const cand_index *ix, uint64_t g, size_t *from)
{
    size_t lo = 0, hi = ix->npost;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->post[mid].g < g)
            lo = mid + 1;
        else
            hi = mid;
    }
    *from = lo;
    while (hi < ix->npost && ix->post[hi].g == g)
        hi++;
    return lo < hi ? hi : lo;
}

/* the children of indicator id: [*from, return) */
static int ids_of(const cand_index *ix, const char *id, int *from)
{
    int lo = 0, hi = ix->nids;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(ix->ids[mid].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *from = lo;
    int e = lo;
    while (e < ix->nids && !strcmp(ix->ids[e].id, id))
        e++;
    return e;
}

/* How many child targets listing the candidates of every parent target
 * reaches through the postings (a bound on the pairs aligned), without
 * listing them. */
static double cand_work(const cand_index *ix, const sj_doc *p, const sj_bigrams *pbs)
{
    double work = 0;
    for (int i = 0; i < p->ntargets; i++) {
        if (p->targets[i].area)
            continue;
        if (sj_target_indicator_id(&p->targets[i])) {
            int from, to = ids_of(ix, sj_target_indicator_id(&p->targets[i]), &from);
            for (int e = from; e < to; e++)
                work += ix->size[ix->ids[e].j];
        }
        for (int k = 0; k < pbs[i].n; k++)
            if (k == 0 || pbs[i].g[k] != pbs[i].g[k - 1]) {
                size_t from, to = postings_of(ix, pbs[i].g[k], &from);
                for (size_t e = from; e < to; e++)
                    work += ix->size[ix->post[e].j];
            }
    }
    return work;
}

/* The candidates of parent target pt into ix->list: the heads of their
 * classes, each once, in no particular order; returns how many. */
static int cand_of(cand_index *ix, const sj_doc *c, const sj_target *pt, const sj_bigrams *pb)
{
    int n = 0, gen = ++ix->gen;
    if (sj_target_indicator_id(pt)) {
        int from, to = ids_of(ix, sj_target_indicator_id(pt), &from);
        for (int e = from; e < to; e++)
            if (ix->seen[ix->ids[e].j] != gen) {
                ix->seen[ix->ids[e].j] = gen;
                ix->list[n++] = ix->ids[e].j;
            }
    }
    for (int k = 0; k < pb->n; k++) {
        if (k && pb->g[k] == pb->g[k - 1])
            continue;
        size_t from, to = postings_of(ix, pb->g[k], &from);
        for (size_t e = from; e < to; e++) {
            int j = ix->post[e].j;
            /* two ids compare as ids: a shared bigram adds nothing */
            if (ix->seen[j] == gen || (sj_target_indicator_id(pt) && sj_target_indicator_id(&c->targets[j])))
                continue;
            ix->seen[j] = gen;
            ix->list[n++] = j;
        }
    }
    return n;
}

/* A parent target left unmatched (i): it shares the child target of a
 * parent target that restates it, or is addressed by a close child
 * target that no other parent target took (see align_targets). */
static void second_look(const sj_doc *c, const sj_doc *p, const sj_bigrams *pbs,
                        const sj_bigrams *cb, const int *pm, const int *cm, const int *owner,
                        int i, int *match, double *conf, int *addressed, cand_index *ix)
{
    int best = -1, other_year = 0;
    double bs = 0, free_best = 0;
    const sj_target *pt = &p->targets[i];
    /* the other children score 0: they change neither best nor free_best */
    int n = cand_of(ix, c, pt, &pbs[i]);
    for (int k = 0; k < n; k++) {
        int j = ix->list[k]; /* the first of its class */
        double s = pair_score_in(p, pt, &pbs[i], &c->targets[j], &cb[j], pm[i] || cm[j]);
        /* the first child of the best score, as a scan in child order */
        if (s > bs || (s == bs && best >= 0 && j < best))
            bs = s, best = j;
        for (int m = j; m >= 0 && s > free_best; m = ix->next[m]) {
            int q = owner[m];
            if (q < 0 || sj_same_indicator(&p->targets[i], &p->targets[q]))
                free_best = s;
        }
        /* the child gives this indicator for another of the parent's
         * milestones (its 2025 figure; the parent's 2027 one is this) */
        for (int m = j; m >= 0 && s > 0 && !other_year; m = ix->next[m]) {
            int q = owner[m];
            other_year = q >= 0 && q != i && pt->target_year &&
                         p->targets[q].target_year != pt->target_year &&
                         sj_same_indicator(pt, &p->targets[q]);
        }
    }
    if (best >= 0 && bs >= 0.6 && owner[best] >= 0 &&
        sj_same_indicator(&p->targets[i], &p->targets[owner[best]])) {
        match[i] = best;
        conf[i] = bs;
    } else {
        conf[i] = free_best;
        addressed[i] = free_best >= 0.45 || other_year;
    }
}

/* Align parent targets to child targets (-1: more pairs can align than
 * SJ_ALIGN_MAX_CANDIDATES, nothing aligned). Pairs scoring 0.6 or more are
 * taken best first, each child target at most once; a parent target that
 * restates another parent target (a table row and its prose) shares that
 * one's child. match[i] is the child index or -1, conf[i] the score;
 * addressed[i] says whether an unmatched parent target still has a child
 * target close to it (0.45) that no other parent target took. */
static int align_targets(const sj_doc *c, const sj_doc *p, const sj_bigrams *pbs,
                         const sj_bigrams *cb, cand_index *ix, const int *pm, const int *cm,
                         int *match, double *conf, int *addressed)
{
    int np = p->ntargets, nc = c->ntargets;
    /* only the pairs that can align are kept: memory grows with them,
     * not with np * nc */
    candidate *cand = NULL;
    int ncand = 0, capcand = 0;
    for (int i = 0; i < np; i++) {
        const sj_target *pt = &p->targets[i];
        if (pt->area) /* an area's allocation: see sj_align_row_for */
            continue;
        int n = cand_of(ix, c, pt, &pbs[i]);
        for (int k = 0; k < n; k++) {
            int j = ix->list[k];
            double s = pair_score_in(p, pt, &pbs[i], &c->targets[j], &cb[j], pm[i] || cm[j]);
            for (int m = j; s >= 0.6 && m >= 0; m = ix->next[m]) {
                if (ncand >= SJ_ALIGN_MAX_CANDIDATES) { /* memory: 16 bytes each */
                    free(cand);
                    return -1;
                }
                SJ_GROW(cand, ncand, capcand);
                cand[ncand++] = (candidate){i, m, s};
            }
        }
    }
    if (ncand > 1)
        qsort(cand, (size_t)ncand, sizeof *cand, by_score);
    int *owner = xmalloc(((size_t)nc + 1) * sizeof *owner);
    for (int j = 0; j < nc; j++)
        owner[j] = -1;
    for (int i = 0; i < np; i++)
        match[i] = -1, conf[i] = 0, addressed[i] = 0;
    for (int k = 0; k < ncand; k++)
        if (match[cand[k].p] < 0 && owner[cand[k].c] < 0) {
            match[cand[k].p] = cand[k].c;
            conf[cand[k].p] = cand[k].s;
            owner[cand[k].c] = cand[k].p;
        }
    for (int i = 0; i < np; i++)
        if (match[i] < 0 && !p->targets[i].area)
            second_look(c, p, pbs, cb, pm, cm, owner, i, match, conf, addressed, ix);
    free(cand);
    free(owner);
    return 0;
}

/* A deadline's task without the date itself, in *buf (owned by the
 * caller, NULL if the task is used as it stands): two plans stating the
 * same task by different dates should look alike. */
static const char *task_text(const sj_doc *d, const sj_deadline *dl, char **buf, size_t *len)
{
    const char *t = d->norm.text;
    size_t a = dl->task.start, b = dl->task.end;
    size_t s = dl->span.start, e = dl->span.end;
    *buf = NULL;
    if (s < a || e > b || s > e) {
        *len = b - a;
        return t + a;
    }
    if (e < b && t[e] == ',')
        e++;
    *buf = xmalloc(b - a + 1);
    memcpy(*buf, t + a, s - a);
    memcpy(*buf + (s - a), t + e, b - e);
    *len = (s - a) + (b - e);
    return *buf;
}

static sj_bigrams task_bigrams(const sj_doc *d, const sj_deadline *dl)
{
    char *buf;
    size_t len;
    const char *s = task_text(d, dl, &buf, &len);
    sj_bigrams g = sj_bigrams_make(s, len);
    free(buf);
    return g;
}

/* The first clause of a task that goes on after it (每年3月底前,公布…名录,
 * 督促名录内单位…: 公布…名录), whose bigrams *g gets; 0 when the task is one
 * clause or that clause holds a figure. A lower plan often restates only
 * that much of the task. */
static int task_head(const sj_doc *d, const sj_deadline *dl, char **buf, const char **hs,
                     size_t *hl)
{
    size_t len;
    const char *s = task_text(d, dl, buf, &len);
    size_t a = 0;
    while (a < len && (s[a] == ',' || s[a] == ';' || s[a] == ' '))
        a++;
    size_t e = a;
    while (e < len && s[e] != ',' && s[e] != ';' && !(e + 3 <= len && !memcmp(s + e, "。", 3)))
        e++;
    size_t rest = e;
    while (rest < len && (s[rest] == ',' || s[rest] == ';' || s[rest] == ' '))
        rest++;
    /* more than a closing 。 follows, and the clause states no figure (a
     * target's milestone is the targets' business) */
    /* ... and it is the clause of its own date (not 每年3月底前完成… before
     * the clause of 每年10月底前) */
    size_t at = dl->span.start >= dl->task.start && dl->span.start <= dl->task.end
                    ? dl->span.start - dl->task.start
                    : 0;
    int head = e > a && rest + 3 < len && at <= e;
    for (size_t i = a; i < e && head; i++)
        head = !(s[i] >= '0' && s[i] <= '9');
    *hs = s + a;
    *hl = e - a;
    return head;
}

static int task_head_bigrams(const sj_doc *d, const sj_deadline *dl, sj_bigrams *g)
{
    char *buf;
    const char *hs;
    size_t hl;
    int head = task_head(d, dl, &buf, &hs, &hl);
    if (head)
        *g = sj_bigrams_make(hs, hl);
    free(buf);
    return head;
}

/* Candidate generation for the tasks: the items that can score `min` or
 * more with q (the checks act on no pair below that) all share one of q's
 * rarer bigrams. With o the bigrams an item shares with q (multiplicity
 * counted), its Dice 2o / (|q| + |x|) is at most 2o / (|q| + o), so it
 * needs o >= omin; an item sharing none of q's rarest |q| - omin + 1
 * occurrences shares at most omin - 1. Only the postings of those rare
 * bigrams are scanned; the candidates' counts of the frequent ones are
 * looked up (or the posting scanned when that is cheaper). */
typedef struct {
    uint64_t g;
    int qc;            /* occurrences in q */
    size_t df;         /* keys in the index */
    size_t from[4], to[4]; /* its keys in the first parts */
} qgram;

static int by_df(const void *a, const void *b)
{
    const qgram *x = a, *y = b;
    if (x->df != y->df)
        return x->df < y->df ? -1 : 1;
    return x->g < y->g ? -1 : x->g > y->g;
}

#define PART_SHIFT 22 /* similar.h: the item's number below the bigram */

static void key_range(const struct sj_bigram_part *pt, uint64_t g, size_t *from, size_t *to)
{
    *from = sj_lower_bound_u64(pt->key, pt->n, g << PART_SHIFT);
    *to = *from + sj_lower_bound_u64(pt->key + *from, pt->n - *from, (g + 1) << PART_SHIFT);
}

/* Walks the postings of bigram e: each item holding it gets its count
 * (capped at q's). With list, an item not yet scored joins the
 * candidates (list, *nlist, *cap); without, only candidates (items
 * already scored) are counted. */
static void add_postings(const sj_bigram_index *ix, const qgram *e, double *scores, int **list,
                         int *nlist, int *cap, size_t *work)
{
    for (int part = 0; part < ix->nparts; part++) {
        const uint64_t *key = ix->parts[part].key;
        for (size_t p = e->from[part]; p < e->to[part];) {
            uint64_t kp = key[p];
            int c = 1;
            while (++p < e->to[part] && key[p] == kp)
                c++;
            *work += (size_t)c;
            int j = part * ix->part_items + (int)(kp & (((uint64_t)1 << PART_SHIFT) - 1));
            if (scores[j] == 0) {
                if (!list)
                    continue;
                SJ_GROW(*list, *nlist, *cap);
                (*list)[(*nlist)++] = j;
            }
            scores[j] += c < e->qc ? c : e->qc;
        }
    }
}

/* Items scoring within margin of the best (and above zero), in item
 * order, when the caller asks for them: sj_agency_role_prefer's choice. */
typedef struct {
    double margin;
    int *item;
    double *s;
    int n, cap;
} near_list;

static void near_add(near_list *nl, int item, double s)
{
    if (nl->n == nl->cap) {
        nl->cap = nl->cap ? 2 * nl->cap : 16;
        nl->item = xrealloc(nl->item, (size_t)nl->cap * sizeof *nl->item);
        nl->s = xrealloc(nl->s, (size_t)nl->cap * sizeof *nl->s);
    }
    nl->item[nl->n] = item;
    nl->s[nl->n++] = s;
}

/* the best of items list[0..n) whose Dice scores are in scores[] (first
 * of equals), *bs its score; gathers the near ones into nl (if not
 * NULL); leaves scores[] of the list 0 */
static int best_of(const int *list, int n, double *scores, double *bs, near_list *nl)
{
    int best = -1;
    for (int e = 0; e < n; e++) {
        int j = list ? list[e] : e;
        if (scores[j] > *bs || (scores[j] == *bs && best >= 0 && j < best))
            *bs = scores[j], best = j;
    }
    if (nl)
        nl->n = 0;
    for (int e = 0; e < n; e++) {
        int j = list ? list[e] : e;
        if (nl && best >= 0 && scores[j] > 0 && scores[j] >= *bs - nl->margin)
            near_add(nl, j, scores[j]);
        scores[j] = 0;
    }
    return best;
}

/* The item of ix most like q (the first of equals) when it scores min or
 * more; otherwise the best of the candidates (or -1), *bs its score; nl
 * (may be NULL) the candidates near it. scores is scratch space of
 * ix->nitems, all 0 (and left so). */
static int most_like(const sj_bigram_index *ix, const sj_bigrams *q, double min, double *scores,
                     double *bs, size_t *work, near_list *nl)
{
    *bs = 0;
    if (nl)
        nl->n = 0;
    if (q->n == 0 || ix->nitems == 0)
        return -1;
    if (ix->nparts > 4 || min <= 0) { /* beyond what the plans give: all */
        *work += sj_bigram_index_scores(ix, q, scores);
        return best_of(NULL, ix->nitems, scores, bs, nl);
    }
    qgram *qg = xmalloc((size_t)q->n * sizeof *qg);
    int nq = 0;
    for (int k = 0; k < q->n; k++) {
        if (k && q->g[k] == q->g[k - 1]) {
            qg[nq - 1].qc++;
            continue;
        }
        qgram *e = &qg[nq++];
        e->g = q->g[k];
        e->qc = 1;
        e->df = 0;
        for (int part = 0; part < ix->nparts; part++) {
            key_range(&ix->parts[part], e->g, &e->from[part], &e->to[part]);
            e->df += e->to[part] - e->from[part];
        }
        *work += 1;
    }
    qsort(qg, (size_t)nq, sizeof *qg, by_df);
    int omin = 0;
    while (omin <= q->n && 2.0 * omin / (double)(q->n + omin) < min)
        omin++;
    int prefix = q->n - omin + 1, tokens = 0, np = 0;
    while (np < nq && tokens < prefix)
        tokens += qg[np++].qc;
    int *list = NULL, nlist = 0, cap = 0;
    for (int k = 0; k < np; k++)
        add_postings(ix, &qg[k], scores, &list, &nlist, &cap, work);
    for (int k = np; k < nq && nlist; k++) {
        if ((size_t)nlist * 24 < qg[k].df) {
            /* a frequent bigram: each candidate's count of it */
            for (int e = 0; e < nlist; e++) {
                int j = list[e], part = j / ix->part_items;
                const struct sj_bigram_part *pt = &ix->parts[part];
                uint64_t kk = qg[k].g << PART_SHIFT | (uint64_t)(j % ix->part_items);
                size_t a = qg[k].from[part], b = qg[k].to[part];
                size_t f = a + sj_lower_bound_u64(pt->key + a, b - a, kk);
                size_t t = f + sj_lower_bound_u64(pt->key + f, b - f, kk + 1);
                int c = (int)(t - f);
                scores[j] += c < qg[k].qc ? c : qg[k].qc;
            }
            *work += (size_t)nlist;
        } else {
            add_postings(ix, &qg[k], scores, NULL, &nlist, NULL, work);
        }
    }
    /* as sj_bigram_index_scores computes it, first of equals */
    for (int e = 0; e < nlist; e++) {
        int j = list[e];
        scores[j] = 2.0 * scores[j] / (double)(q->n + ix->sizes[j]);
    }
    int best = best_of(list, nlist, scores, bs, nl);
    free(list);
    free(qg);
    return best;
}

/* Identical child texts score alike against any query, and the first of
 * equals wins: the index holds each distinct text once, under its first
 * item (a plan made of copies of plans indexes each copy's text once,
 * and the work of a query does not grow with the copies). */
typedef const char *(*text_fn)(const void *ctx, int j, char **buf, size_t *len);

typedef struct {
    uint64_t *h; /* per slot: the text's hash, 0 if empty */
    int *item;   /* per slot: the first child item with that text */
    size_t mask;
} text_set;

static uint64_t text_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ? h : 1;
}

static void text_set_init(text_set *ts, int n)
{
    size_t cap = 16;
    while (cap < 2 * (size_t)n)
        cap *= 2;
    ts->h = xcalloc(cap, sizeof *ts->h);
    ts->item = xmalloc(cap * sizeof *ts->item);
    ts->mask = cap - 1;
}

static void text_set_free(text_set *ts)
{
    free(ts->h);
    free(ts->item);
}

/* the first item before j with the text s[0, len) (get gives an item's
 * text), or j, which is then the first */
static int text_set_first(text_set *ts, const char *s, size_t len, int j, text_fn get,
                          const void *ctx)
{
    uint64_t h = text_hash(s, len);
    size_t i = h & ts->mask;
    for (; ts->h[i]; i = (i + 1) & ts->mask) {
        if (ts->h[i] != h)
            continue;
        char *buf;
        size_t n;
        const char *t = get(ctx, ts->item[i], &buf, &n);
        int same = n == len && !memcmp(t, s, len);
        free(buf);
        if (same)
            return ts->item[i];
    }
    ts->h[i] = h;
    ts->item[i] = j;
    return j;
}

/* Equal queries find the same best item: a parent made of copies of
 * plans asks each distinct task once. Keyed by the query's bigrams
 * (copied: the queries are made and freed one at a time); the near
 * candidates are kept with the answer. */
typedef struct {
    uint64_t h;    /* the bigrams' hash, 0 if the slot is empty */
    sj_bigrams q;  /* a copy of the query */
    int k;         /* its best item, or -1 */
    double s;      /* its score */
    near_list near; /* its near candidates (margin unused) */
} memo_slot;

typedef struct {
    memo_slot *slot;
    size_t mask, used;
} query_memo;

static void query_memo_init(query_memo *m, int n)
{
    size_t cap = 16;
    while (cap < 2 * (size_t)n)
        cap *= 2;
    m->slot = xcalloc(cap, sizeof *m->slot);
    m->mask = cap - 1;
    m->used = 0;
}

static void query_memo_free(query_memo *m)
{
    for (size_t i = 0; i <= m->mask; i++) {
        free(m->slot[i].q.g);
        free(m->slot[i].near.item);
        free(m->slot[i].near.s);
    }
    free(m->slot);
}

static void near_copy(near_list *to, const near_list *from)
{
    to->n = to->cap = from->n;
    to->item = xmalloc(((size_t)from->n + 1) * sizeof *to->item);
    to->s = xmalloc(((size_t)from->n + 1) * sizeof *to->s);
    if (from->n) {
        memcpy(to->item, from->item, (size_t)from->n * sizeof *to->item);
        memcpy(to->s, from->s, (size_t)from->n * sizeof *to->s);
    }
}

/* most_like through the memo: a query asked before costs no work */
static int most_like_memo(query_memo *m, const sj_bigram_index *ix, const sj_bigrams *q,
                          double min, double *scores, double *bs, size_t *work, near_list *nl)
{
    if (q->n == 0) /* (no bigrams, perhaps no array: nothing to remember) */
        return most_like(ix, q, min, scores, bs, work, nl);
    size_t bytes = (size_t)q->n * sizeof *q->g;
    uint64_t h = text_hash((const char *)q->g, bytes);
    size_t i = h & m->mask;
    for (; m->slot[i].h; i = (i + 1) & m->mask) {
        memo_slot *e = &m->slot[i];
        if (e->h == h && e->q.n == q->n && !memcmp(e->q.g, q->g, bytes)) {
            *bs = e->s;
            if (nl) {
                nl->n = 0;
                for (int k = 0; k < e->near.n; k++)
                    near_add(nl, e->near.item[k], e->near.s[k]);
            }
            return e->k;
        }
    }
    int k = most_like(ix, q, min, scores, bs, work, nl);
    if (2 * ++m->used > m->mask) /* kept at most half full: no more */
        return k;
    memo_slot *e = &m->slot[i];
    e->h = h;
    e->q.n = q->n;
    e->q.g = xmalloc(bytes);
    memcpy(e->q.g, q->g, bytes);
    e->k = k;
    e->s = *bs;
    if (nl)
        near_copy(&e->near, nl);
    return k;
}

static const char *deadline_text_of(const void *ctx, int j, char **buf, size_t *len)
{
    const sj_doc *c = ctx;
    return task_text(c, &c->deadlines[j], buf, len);
}

typedef struct {
    const sj_doc *c;
    const sj_task_unit *u;
} units_ctx;

static const char *unit_text_of(const void *ctx, int j, char **buf, size_t *len)
{
    const units_ctx *x = ctx;
    *buf = NULL;
    *len = x->u[j].span.end - x->u[j].span.start;
    return x->c->norm.text + x->u[j].span.start;
}

/* whether the parent's deadline pd is one a child's may be later than:
 * a date to meet by, in the plan's period, or a yearly date (每年9月底前
 * against 每年10月底前: a yearly duty due later) */
static int comparable_deadline(const sj_doc *p, const sj_deadline *pd)
{
    if (!strcmp(sj_deadline_kind(p, pd), "recurring"))
        return pd->month != 0;
    return pd->year && !strcmp(sj_deadline_kind(p, pd), "by") && !(p->period_from && pd->year < p->period_from);
}

sj_task_unit *sj_align_tasks_of(const sj_doc *d, int *n)
{
    /* the document model's tasks (sj_doc_tasks cuts them), but for
     * the plan's goals (总体要求, 主要目标), which no agency is named for */
    int nt;
    sj_task *t = sj_doc_tasks(d, &nt);
    *n = 0;
    sj_task_unit *u = xmalloc(((size_t)nt + 1) * sizeof *u);
    for (int i = 0; i < nt; i++)
        if (!d->paras[t[i].para].goal)
            u[(*n)++] = (sj_task_unit){t[i].span, t[i].agency >= 0};
    free(t);
    return u;
}

sj_parent_profiles *sj_parent_profiles_make(const sj_doc *p)
{
    sj_parent_profiles *pp = xcalloc(1, sizeof *pp);
    pp->targets = xcalloc((size_t)p->ntargets + 1, sizeof *pp->targets);
    for (int i = 0; i < p->ntargets; i++)
        pp->targets[i] = sj_bigrams_make(sj_target_match_key(&p->targets[i]), strlen(sj_target_match_key(&p->targets[i])));
    pp->units = sj_align_tasks_of(p, &pp->nunits);
    pp->doc = p;
    pp->units_g = xcalloc((size_t)pp->nunits + 1, sizeof *pp->units_g);
    for (int i = 0; i < pp->nunits; i++)
        if (pp->units[i].has_agency)
            pp->units_g[i] = sj_bigrams_make(p->norm.text + pp->units[i].span.start,
                                             pp->units[i].span.end - pp->units[i].span.start);
    return pp;
}

void sj_parent_profiles_free(sj_parent_profiles *pp, const sj_doc *p)
{
    if (!pp)
        return;
    for (int i = 0; i < p->ntargets; i++)
        sj_bigrams_free(&pp->targets[i]);
    for (int i = 0; i < pp->nunits; i++)
        sj_bigrams_free(&pp->units_g[i]);
    free(pp->targets);
    free(pp->units);
    free(pp->units_g);
    free(pp);
}

void sj_align_targets(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                      sj_target_align *out)
{
    int np = p->ntargets, nc = c->ntargets;
    memset(out, 0, sizeof *out);
    out->n = np;
    sj_bigrams *cb = xcalloc((size_t)nc + 1, sizeof *cb);
    for (int j = 0; j < nc; j++)
        cb[j] = sj_bigrams_make(sj_target_match_key(&c->targets[j]), strlen(sj_target_match_key(&c->targets[j])));
    int *pm = milestones_of(p), *cm = milestones_of(c);
    cand_index ix;
    cand_index_make(&ix, c, cb, cm);
    if (cand_work(&ix, p, pp->targets) > SJ_ALIGN_MAX_TARGET_PAIRS) {
        out->too_many = 1;
    } else {
        out->match = xmalloc(((size_t)np + 1) * sizeof *out->match);
        out->addressed = xmalloc(((size_t)np + 1) * sizeof *out->addressed);
        out->conf = xmalloc(((size_t)np + 1) * sizeof *out->conf);
        if (align_targets(c, p, pp->targets, cb, &ix, pm, cm, out->match, out->conf,
                          out->addressed)) {
            sj_target_align_free(out);
            out->n = np;
            out->too_many = 1;
        }
    }
    cand_index_free(&ix);
    free(pm);
    free(cm);
    for (int j = 0; j < nc; j++)
        sj_bigrams_free(&cb[j]);
    free(cb);
}

void sj_target_align_free(sj_target_align *a)
{
    free(a->match);
    free(a->conf);
    free(a->addressed);
    memset(a, 0, sizeof *a);
}

static void task_align_init(sj_task_align *out, int n)
{
    memset(out, 0, sizeof *out);
    out->stopped_at = -1;
    out->n = n;
    out->m = xcalloc((size_t)n + 1, sizeof *out->m);
    for (int i = 0; i < n; i++)
        out->m[i] = (sj_task_match){-1, 0};
}

void sj_align_deadlines(const sj_doc *c, const sj_doc *p, sj_task_align *out)
{
    task_align_init(out, p->ndeadlines);
    for (int j = 0; j < c->ndeadlines; j++)
        out->chars += sj_utf8_count(c->norm.text + c->deadlines[j].task.start,
                                    c->deadlines[j].task.end - c->deadlines[j].task.start);
    if (out->chars > SJ_ALIGN_MAX_INDEX_CHARS) {
        out->too_big = 1;
        return;
    }
    sj_bigram_index ix;
    sj_bigram_index_init(&ix, out->chars);
    /* index item -> child: each task, and its first clause where it goes
     * on after it (a child that adds to the parent's task: 建立…机制，每年
     * 开展…不少于2次，… answers 建立…机制) */
    int *first = xmalloc((2 * (size_t)c->ndeadlines + 1) * sizeof *first);
    text_set ts;
    text_set_init(&ts, c->ndeadlines);
    for (int j = 0; j < c->ndeadlines; j++) {
        char *buf;
        size_t len;
        const char *s = task_text(c, &c->deadlines[j], &buf, &len);
        int own = text_set_first(&ts, s, len, j, deadline_text_of, c) == j;
        if (own)
            first[sj_bigram_index_add(&ix, s, len)] = j;
        free(buf);
        const char *hs;
        size_t hl;
        if (!own)
            continue;
        if (task_head(c, &c->deadlines[j], &buf, &hs, &hl))
            first[sj_bigram_index_add(&ix, hs, hl)] = j;
        free(buf);
    }
    text_set_free(&ts);
    sj_bigram_index_seal(&ix);
    double *scores = xcalloc(2 * (size_t)c->ndeadlines + 1, sizeof *scores);
    size_t work = 0;
    query_memo memo;
    query_memo_init(&memo, 2 * p->ndeadlines);
    for (int i = 0; i < p->ndeadlines; i++) {
        if (work > SJ_ALIGN_MAX_INDEX_VISITS) {
            out->stopped_at = i;
            break;
        }
        if (!comparable_deadline(p, &p->deadlines[i]))
            continue;
        /* made here, not kept with the parent: dated tasks overlap (two
         * dates in one sentence), so all of them at once can be far more
         * text than the plan */
        sj_bigrams pb = task_bigrams(p, &p->deadlines[i]);
        int k = most_like_memo(&memo, &ix, &pb, SJ_ALIGN_DEADLINE_MIN, scores, &out->m[i].score,
                               &work, NULL);
        out->m[i].child = k < 0 ? -1 : first[k];
        sj_bigrams_free(&pb);
        /* or by the task's first clause alone, when that is more alike */
        sj_bigrams hb;
        if (task_head_bigrams(p, &p->deadlines[i], &hb)) {
            double hs;
            k = most_like_memo(&memo, &ix, &hb, SJ_ALIGN_DEADLINE_MIN, scores, &hs, &work, NULL);
            if (k >= 0 && hs > out->m[i].score)
                out->m[i] = (sj_task_match){first[k], hs};
            sj_bigrams_free(&hb);
        }
    }
    query_memo_free(&memo);
    sj_bigram_index_free(&ix);
    free(scores);
    free(first);
}

static int by_task(const void *a, const void *b)
{
    const sj_scored_task *x = a, *y = b;
    return (x->task > y->task) - (x->task < y->task);
}

void sj_align_agencies(const sj_doc *c, const sj_parent_profiles *pp, sj_task_align *out)
{
    task_align_init(out, pp->nunits);
    out->parent_tasks = pp->units;
    int nc;
    sj_task_unit *cu = sj_align_tasks_of(c, &nc);
    out->child_tasks = cu;
    out->nchild = nc;
    /* the tasks' characters bound their bigrams: room for them at once */
    for (int j = 0; j < nc; j++)
        out->chars += sj_utf8_count(c->norm.text + cu[j].span.start,
                                    cu[j].span.end - cu[j].span.start);
    if (out->chars > SJ_ALIGN_MAX_INDEX_CHARS) {
        out->too_big = 1;
        return;
    }
    sj_bigram_index ix;
    sj_bigram_index_init(&ix, out->chars);
    int *first = xmalloc(((size_t)nc + 1) * sizeof *first); /* index item -> child */
    int *item_of = xmalloc(((size_t)nc + 1) * sizeof *item_of); /* child -> index item */
    int *next = xmalloc(((size_t)nc + 1) * sizeof *next); /* child -> next of its text */
    int *last = xmalloc(((size_t)nc + 1) * sizeof *last); /* index item -> its last child */
    text_set ts;
    text_set_init(&ts, nc);
    units_ctx ux = {c, cu};
    for (int j = 0; j < nc; j++) {
        const char *t = c->norm.text + cu[j].span.start;
        size_t len = cu[j].span.end - cu[j].span.start;
        int f = text_set_first(&ts, t, len, j, unit_text_of, &ux);
        next[j] = -1;
        if (f == j) {
            item_of[j] = sj_bigram_index_add(&ix, t, len);
            first[item_of[j]] = j;
        } else {
            item_of[j] = item_of[f];
            next[last[item_of[j]]] = j;
        }
        last[item_of[j]] = j;
    }
    text_set_free(&ts);
    sj_bigram_index_seal(&ix);
    double *scores = xcalloc((size_t)nc + 1, sizeof *scores);
    size_t work = 0;
    query_memo memo;
    query_memo_init(&memo, pp->nunits);
    near_list nl = {SJ_AGENCY_ROLE_MARGIN, NULL, NULL, 0, 0};
    sj_scored_task *near = NULL;
    int nnear = 0, near_cap = 0;
    for (int i = 0; i < pp->nunits; i++) {
        if (!pp->units[i].has_agency)
            continue;
        if (work > SJ_ALIGN_MAX_INDEX_VISITS) {
            out->stopped_at = i;
            break;
        }
        int k = most_like_memo(&memo, &ix, &pp->units_g[i], SJ_ALIGN_AGENCY_MIN, scores,
                               &out->m[i].score, &work, &nl);
        out->m[i].child = k < 0 ? -1 : first[k];
        if (out->m[i].child < 0)
            continue;
        /* agencies as evidence: of near-equal child tasks, the one led by
         * the parent's counterparts (agency_role.c). The scores are per
         * distinct text: each text's tasks, at most 256 in all (a plan
         * of copies of plans has many tasks of one text, alike in roles) */
        nnear = 0;
        for (int e = 0; e < nl.n && nnear < 256; e++)
            for (int j = first[nl.item[e]]; j >= 0 && nnear < 256; j = next[j]) {
                SJ_GROW(near, nnear, near_cap);
                near[nnear++] = (sj_scored_task){j, nl.s[e]};
            }
        qsort(near, (size_t)nnear, sizeof *near, by_task);
        out->m[i].child = sj_agency_role_prefer(pp->doc, &pp->units[i], c, cu, near, nnear,
                                                out->m[i].child, &out->m[i].score);
    }
    free(near);
    free(nl.item);
    free(nl.s);
    query_memo_free(&memo);
    sj_bigram_index_free(&ix);
    free(scores);
    free(item_of);
    free(next);
    free(last);
    free(first);
}

void sj_task_align_free(sj_task_align *a)
{
    free(a->m);
    free(a->child_tasks);
    memset(a, 0, sizeof *a);
}

void sj_area_rows_of(const sj_doc *p, const char *area, sj_area_rows *out)
{
    memset(out, 0, sizeof *out);
    int n = 0;
    for (int i = 0; area && i < p->ntargets; i++)
        n += p->targets[i].area && !strcmp(p->targets[i].area, area);
    out->row = xmalloc(((size_t)n + 1) * sizeof *out->row);
    out->name = xmalloc(((size_t)n + 1) * sizeof *out->name);
    for (int i = 0; n && i < p->ntargets; i++) {
        const sj_target *r = &p->targets[i];
        if (!r->area || strcmp(r->area, area))
            continue;
        out->row[out->n] = i;
        out->name[out->n++] = sj_bigrams_make(sj_target_match_key(r), strlen(sj_target_match_key(r)));
    }
}

void sj_area_rows_free(sj_area_rows *r)
{
    for (int k = 0; k < r->n; k++)
        sj_bigrams_free(&r->name[k]);
    free(r->row);
    free(r->name);
    memset(r, 0, sizeof *r);
}

int sj_align_row_for(const sj_doc *p, const sj_area_rows *rows, const sj_target *ct,
                     double *score)
{
    int best = -1;
    double bs = 0;
    sj_bigrams cb = sj_bigrams_make(sj_target_match_key(ct), strlen(sj_target_match_key(ct)));
    for (int k = 0; k < rows->n; k++) {
        int i = rows->row[k];
        const sj_target *r = &p->targets[i];
        /* a row binds in its year: a 2026 figure is not judged by a 2025 row */
        if (r->target_year && ct->target_year && r->target_year != ct->target_year)
            continue;
        /* a row binds in its own unit: a share's row never judges an
         * amount (综合利用率 60% | 综合利用能力 25万吨/年) */
        if (*sj_target_unit(r) && *sj_target_unit(ct) && strcmp(sj_target_unit(r), sj_target_unit(ct)) &&
            !(sj_target_unit_dim(r) && sj_target_unit_dim(ct) && !strcmp(sj_target_unit_dim(r), sj_target_unit_dim(ct))))
            continue;
        const sj_bigrams *rb = &rows->name[k];
        double s = pair_score(r, rb, ct, &cb, 0);
        /* a short elliptical name (four or five characters) whose bigrams
         * but one the row's longer name holds (替代面积, after 推进有机肥替代
         * 化肥, and the column 有机肥替代化肥面积) */
        if (s < 0.6 && cb.n >= 3 && cb.n <= 4 && rb->n > cb.n &&
            sj_bigrams_shared(&cb, rb) >= cb.n - 1)
            s = 0.6;
        /* a short column name (规范化, of a table whose caption names the
         * thing: “千吨万人”饮用水水源地规范化建设任务) the child's name holds
         * whole, in the row's own unit */
        else if (s < 0.6 && rb->n >= 2 && rb->n < cb.n && sj_bigrams_shared(rb, &cb) >= rb->n &&
                 !strcmp(sj_target_unit(r), sj_target_unit(ct)))
            s = 0.6;
        if (s >= 0.6 && s > bs)
            bs = s, best = i;
    }
    sj_bigrams_free(&cb);
    if (score)
        *score = bs;
    return best;
}

/* How s names area: 2 by its full name (白石县), 1 by its name without
 * the level word (白石), 0 not at all; *at is where. */
static int names_area(const char *s, const char *area, size_t *at)
{
    if (!s || !*area)
        return 0;
    const char *q = strstr(s, area);
    if (q) {
        *at = (size_t)(q - s);
        return 2;
    }
    size_t n = strlen(area);
    const char *last = area + n;
    do
        last--;
    while (last > area && ((unsigned char)*last & 0xC0) == 0x80);
    size_t sl = (size_t)(last - area);
    if (sj_utf8_count(area, sl) < 2)
        return 0;
    char shortname[128];
    if (sl >= sizeof shortname)
        return 0;
    memcpy(shortname, area, sl);
    shortname[sl] = '\0';
    q = strstr(s, shortname);
    if (!q)
        return 0;
    *at = (size_t)(q - s);
    return 1;
}

/* The parent's area the child's title (or issuer) names: by its full name
 * before a short one (仁怀市赤水河流域…方案 is 仁怀市's, not 赤水市's by
 * 赤水 in 赤水河), then the first named, then the longest name. */
const char *sj_align_child_area(const sj_doc *c, const sj_doc *p)
{
    const char *found = NULL;
    int best = 0;
    size_t best_at = 0;
    for (int i = 0; i < p->ntargets; i++) {
        const char *a = p->targets[i].area;
        if (!a)
            continue;
        size_t at = 0, at2 = 0;
        int k = names_area(c->title, a, &at);
        if (!k) {
            k = names_area(c->issuer, a, &at2);
            at = (size_t)-1 / 2 + at2; /* after any place in the title */
        }
        if (k && (k > best || (k == best && (at < best_at ||
                                             (at == best_at && strlen(a) > strlen(found)))))) {
            found = a;
            best = k;
            best_at = at;
        }
    }
    return found;
}
