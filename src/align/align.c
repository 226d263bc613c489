/* align.c - pairs a child plan's targets, dated tasks and assigned tasks
 * with its parent's, each with a confidence (see align.h). */
#include "align.h"

#include <stdlib.h>
#include <string.h>

#include "agency_role.h"
#include "similar.h"

int sj_target_is_share(const sj_target *t)
{
    return t->unit_dim && (!strcmp(t->unit_dim, "share") || !strcmp(t->unit_dim, "points"));
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
    if (pt->indicator_id && ct->indicator_id) {
        s = strcmp(pt->indicator_id, ct->indicator_id) ? 0 : 1.0;
    } else {
        s = sj_dice(pb, cb);
        if (s < 0.8 && same_head(pt->match_key, ct->match_key))
            s = 0.8;
    }
    /* milestones (either plan gives this indicator for several years): a
     * 2020 figure never answers a 2030 one */
    if (milestones && pt->target_year && ct->target_year && pt->target_year != ct->target_year)
        s *= 0.55;
    if (ct->deferred || pt->deferred)
        return s;
    if (strcmp(ct->unit, pt->unit) &&
        !(ct->unit_dim && pt->unit_dim && !strcmp(ct->unit_dim, pt->unit_dim)))
        /* two amounts in different units (座, 个) count different things;
         * a share against an amount may be the same thing said another
         * way, and a missing unit may be anything */
        s *= sj_target_is_share(ct) || sj_target_is_share(pt) || !*ct->unit || !*pt->unit ? 0.9 : 0.7;
    if (!strcmp(ct->change, "level") != !strcmp(pt->change, "level"))
        s *= 0.7;
    return s;
}

/* Per target of d: 1 when d gives its indicator (the same id, else the
 * same match key) for another target year too: a milestone of several. */
static int *milestones_of(const sj_doc *d)
{
    int *ms = xcalloc((size_t)d->ntargets + 1, sizeof *ms);
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *a = &d->targets[i];
        if (!a->target_year || a->area)
            continue;
        for (int j = i + 1; j < d->ntargets; j++) {
            const sj_target *b = &d->targets[j];
            if (!b->target_year || b->area || b->target_year == a->target_year)
                continue;
            int same = a->indicator_id && b->indicator_id
                           ? !strcmp(a->indicator_id, b->indicator_id)
                           : !strcmp(a->match_key, b->match_key);
            if (same)
                ms[i] = ms[j] = 1;
        }
    }
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
    if (a->indicator_id && b->indicator_id)
        return !strcmp(a->indicator_id, b->indicator_id);
    return sj_similarity(a->match_key, b->match_key) >= 0.8;
}

struct sj_parent_profiles {
    sj_bigrams *targets;   /* of each target's name (match key) */
    sj_task_unit *units;   /* the parent's tasks */
    int nunits;
    sj_bigrams *units_g;   /* of each task with an agency, else empty */
    const sj_doc *doc;     /* the parent (its agencies' roles: agency_role.c) */
};

/* A parent target left unmatched (i): it shares the child target of a
 * parent target that restates it, or is addressed by a close child
 * target that no other parent target took (see align_targets). */
static void second_look(const sj_doc *c, const sj_doc *p, const sj_bigrams *pbs,
                        const sj_bigrams *cb, const int *pm, const int *cm, const int *owner,
                        int i, int *match, double *conf, int *addressed)
{
    int best = -1;
    double bs = 0, free_best = 0;
    const sj_target *pt = &p->targets[i];
    for (int j = 0; j < c->ntargets; j++) {
        double s = pair_score(pt, &pbs[i], &c->targets[j], &cb[j], pm[i] || cm[j]);
        if (s > bs)
            bs = s, best = j;
        int q = owner[j];
        if (s > free_best && (q < 0 || sj_same_indicator(&p->targets[i], &p->targets[q])))
            free_best = s;
    }
    if (best >= 0 && bs >= 0.6 && owner[best] >= 0 &&
        sj_same_indicator(&p->targets[i], &p->targets[owner[best]])) {
        match[i] = best;
        conf[i] = bs;
    } else {
        conf[i] = free_best;
        addressed[i] = free_best >= 0.45;
    }
}

/* Align parent targets to child targets. Pairs scoring 0.6 or more are
 * taken best first, each child target at most once; a parent target that
 * restates another parent target (a table row and its prose) shares that
 * one's child. match[i] is the child index or -1, conf[i] the score;
 * addressed[i] says whether an unmatched parent target still has a child
 * target close to it (0.45) that no other parent target took. */
static void align_targets(const sj_doc *c, const sj_doc *p, const sj_bigrams *pbs, int *match,
                          double *conf, int *addressed)
{
    int np = p->ntargets, nc = c->ntargets;
    int *pm = milestones_of(p), *cm = milestones_of(c);
    sj_bigrams *cb = xcalloc((size_t)nc + 1, sizeof *cb);
    for (int j = 0; j < nc; j++)
        cb[j] = sj_bigrams_make(c->targets[j].match_key, strlen(c->targets[j].match_key));
    /* only the pairs that can align are kept: memory grows with them,
     * not with np * nc */
    candidate *cand = NULL;
    int ncand = 0, capcand = 0;
    for (int i = 0; i < np; i++) {
        const sj_target *pt = &p->targets[i];
        if (pt->area) /* an area's allocation: see sj_align_row_for */
            continue;
        for (int j = 0; j < nc; j++) {
            double s = pair_score(pt, &pbs[i], &c->targets[j], &cb[j], pm[i] || cm[j]);
            if (s >= 0.6) {
                SJ_GROW(cand, ncand, capcand);
                cand[ncand++] = (candidate){i, j, s};
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
            second_look(c, p, pbs, cb, pm, cm, owner, i, match, conf, addressed);
    for (int j = 0; j < nc; j++)
        sj_bigrams_free(&cb[j]);
    free(cb);
    free(cand);
    free(owner);
    free(pm);
    free(cm);
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

/* The item of ix most like q (the first of equals), or -1; *bs its score.
 * scores is scratch space of ix->nitems. */
static int most_like(const sj_bigram_index *ix, const sj_bigrams *q, double *scores, double *bs,
                     size_t *work)
{
    int best = -1;
    *bs = 0;
    *work += sj_bigram_index_scores(ix, q, scores);
    for (int j = 0; j < ix->nitems; j++)
        if (scores[j] > *bs)
            *bs = scores[j], best = j;
    return best;
}

/* whether the parent's deadline pd is one a child's may be later than:
 * a date to meet by, in the plan's period, or a yearly date (每年9月底前
 * against 每年10月底前: a yearly duty due later) */
static int comparable_deadline(const sj_doc *p, const sj_deadline *pd)
{
    if (!strcmp(pd->kind, "recurring"))
        return pd->month != 0;
    return pd->year && !strcmp(pd->kind, "by") && !(p->period_from && pd->year < p->period_from);
}

sj_task_unit *sj_align_tasks_of(const sj_doc *d, int *n)
{
    sj_task_unit *u = NULL;
    int cap = 0;
    *n = 0;
    int k = 0; /* agencies come in paragraph order */
    for (int pi = 0; pi < d->nparas; pi++) {
        while (k < d->nagencies && d->agencies[k].para < pi)
            k++;
        if (!d->paras[pi].body || d->paras[pi].table_row >= 0)
            continue;
        size_t at = d->paras[pi].span.start, end = d->paras[pi].span.end;
        for (; k < d->nagencies && d->agencies[k].para == pi; k++) {
            SJ_GROW(u, *n, cap);
            u[(*n)++] = (sj_task_unit){{at, d->agencies[k].span.end}, 1};
            at = d->agencies[k].span.end;
        }
        if (end > at && end - at >= 30) {
            SJ_GROW(u, *n, cap);
            u[(*n)++] = (sj_task_unit){{at, end}, 0};
        }
    }
    return u;
}

sj_parent_profiles *sj_parent_profiles_make(const sj_doc *p)
{
    sj_parent_profiles *pp = xcalloc(1, sizeof *pp);
    pp->targets = xcalloc((size_t)p->ntargets + 1, sizeof *pp->targets);
    for (int i = 0; i < p->ntargets; i++)
        pp->targets[i] = sj_bigrams_make(p->targets[i].match_key, strlen(p->targets[i].match_key));
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
    int np = p->ntargets;
    memset(out, 0, sizeof *out);
    out->n = np;
    if ((double)np * (double)c->ntargets > SJ_ALIGN_MAX_TARGET_PAIRS) {
        out->too_many = 1;
        return;
    }
    out->match = xmalloc(((size_t)np + 1) * sizeof *out->match);
    out->addressed = xmalloc(((size_t)np + 1) * sizeof *out->addressed);
    out->conf = xmalloc(((size_t)np + 1) * sizeof *out->conf);
    align_targets(c, p, pp->targets, out->match, out->conf, out->addressed);
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
    for (int j = 0; j < c->ndeadlines; j++) {
        char *buf;
        size_t len;
        const char *s = task_text(c, &c->deadlines[j], &buf, &len);
        sj_bigram_index_add(&ix, s, len);
        free(buf);
    }
    sj_bigram_index_seal(&ix);
    double *scores = xcalloc((size_t)c->ndeadlines + 1, sizeof *scores);
    size_t work = 0;
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
        out->m[i].child = most_like(&ix, &pb, scores, &out->m[i].score, &work);
        sj_bigrams_free(&pb);
    }
    sj_bigram_index_free(&ix);
    free(scores);
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
    for (int j = 0; j < nc; j++)
        sj_bigram_index_add(&ix, c->norm.text + cu[j].span.start, cu[j].span.end - cu[j].span.start);
    sj_bigram_index_seal(&ix);
    double *scores = xcalloc((size_t)nc + 1, sizeof *scores);
    size_t work = 0;
    for (int i = 0; i < pp->nunits; i++) {
        if (!pp->units[i].has_agency)
            continue;
        if (work > SJ_ALIGN_MAX_INDEX_VISITS) {
            out->stopped_at = i;
            break;
        }
        out->m[i].child = most_like(&ix, &pp->units_g[i], scores, &out->m[i].score, &work);
        /* agencies as evidence: of near-equal child tasks, the one led by
         * the parent's counterparts (agency_role.c) */
        out->m[i].child = sj_agency_role_prefer(pp->doc, &pp->units[i], c, cu, nc, scores,
                                                out->m[i].child, &out->m[i].score);
    }
    sj_bigram_index_free(&ix);
    free(scores);
}

void sj_task_align_free(sj_task_align *a)
{
    free(a->m);
    free(a->child_tasks);
    memset(a, 0, sizeof *a);
}

int sj_align_row_for(const sj_doc *p, const sj_target *ct, const char *area)
{
    int best = -1;
    double bs = 0;
    sj_bigrams cb = sj_bigrams_make(ct->match_key, strlen(ct->match_key));
    for (int i = 0; i < p->ntargets; i++) {
        const sj_target *r = &p->targets[i];
        if (!r->area || strcmp(r->area, area))
            continue;
        /* a row binds in its own unit: a share's row never judges an
         * amount (综合利用率 60% | 综合利用能力 25万吨/年) */
        if (*r->unit && *ct->unit && strcmp(r->unit, ct->unit) &&
            !(r->unit_dim && ct->unit_dim && !strcmp(r->unit_dim, ct->unit_dim)))
            continue;
        sj_bigrams rb = sj_bigrams_make(r->match_key, strlen(r->match_key));
        double s = pair_score(r, &rb, ct, &cb, 0);
        sj_bigrams_free(&rb);
        if (s >= 0.6 && s > bs)
            bs = s, best = i;
    }
    sj_bigrams_free(&cb);
    return best;
}

/* whether area (白石县) or its name without the level word (白石) is in s */
static int names_area(const char *s, const char *area)
{
    if (!s || !*area)
        return 0;
    if (strstr(s, area))
        return 1;
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
    return strstr(s, shortname) != NULL;
}

const char *sj_align_child_area(const sj_doc *c, const sj_doc *p)
{
    const char *found = NULL;
    for (int i = 0; i < p->ntargets; i++) {
        const char *a = p->targets[i].area;
        if (!a || (found && strlen(found) >= strlen(a)))
            continue;
        if (names_area(c->title, a) || names_area(c->issuer, a))
            found = a;
    }
    return found;
}
