/* agency_role.c - agencies across levels compared by their place-free
 * roles (see agency_role.h). */
#include "agency_role.h"

#include <string.h>

int sj_agency_of_task(const sj_doc *d, const sj_task_unit *u)
{
    if (!u->has_agency)
        return -1;
    /* tasks end at their parenthetical; agencies are in text order */
    int lo = 0, hi = d->nagencies;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (d->agencies[mid].span.end < u->span.end)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int k = lo; k < d->nagencies && d->agencies[k].span.end == u->span.end; k++)
        if (!d->agencies[k].inherited)
            return k;
    /* not sorted by end (a table's agencies among the prose's): look */
    for (int k = 0; k < d->nagencies; k++)
        if (d->agencies[k].span.end == u->span.end && !d->agencies[k].inherited)
            return k;
    return -1;
}

const sj_names *sj_agency_leads(const sj_agency *a)
{
    if (a->who->lead.n)
        return &a->who->lead;
    if (a->who->implement.n)
        return &a->who->implement;
    return NULL;
}

static int names_has(const sj_names *n, const char *role)
{
    for (int i = 0; *role && i < n->n; i++)
        if (n->canon[i] && !strcmp(n->canon[i], role))
            return 1;
    return 0;
}

/* whether names n hold an office with no role (各县市区政府: any office
 * of the lower plan answers it) */
static int names_any(const sj_names *n)
{
    for (int i = 0; i < n->n; i++)
        if (n->canon[i] && !*n->canon[i])
            return 1;
    return 0;
}

int sj_agency_same_lead(const sj_doc *c, int ca, const sj_doc *p, int pa)
{
    if (ca < 0 || pa < 0)
        return -1;
    const sj_names *cl = sj_agency_leads(&c->agencies[ca]);
    const sj_names *pl = sj_agency_leads(&p->agencies[pa]);
    if (!cl || !pl || names_any(pl))
        return -1;
    for (int i = 0; i < pl->n; i++)
        if (pl->canon[i] && names_has(cl, pl->canon[i]))
            return 1;
    return 0;
}

/* whether any office of child agency ca (lead, coop or implement) has the
 * role of one of parent agency pa's leads */
static int shares_role(const sj_doc *c, int ca, const sj_doc *p, int pa)
{
    if (ca < 0 || pa < 0)
        return 0;
    const sj_names *pl = sj_agency_leads(&p->agencies[pa]);
    const sj_agency *a = &c->agencies[ca];
    for (int i = 0; pl && i < pl->n; i++)
        if (pl->canon[i] && (names_has(&a->who->lead, pl->canon[i]) ||
                             names_has(&a->who->coop, pl->canon[i]) ||
                             names_has(&a->who->implement, pl->canon[i])))
            return 1;
    return 0;
}

int sj_agency_role_prefer(const sj_doc *p, const sj_task_unit *pu, const sj_doc *c,
                          const sj_task_unit *cu, const sj_scored_task *near, int nnear,
                          int best, double *score)
{
    if (best < 0 || !p)
        return best;
    /* a best task without a parenthetical stays (agency-missing is about
     * it); so does one that already shares a role */
    int pa = sj_agency_of_task(p, pu);
    if (pa < 0 || !cu[best].has_agency ||
        shares_role(c, sj_agency_of_task(c, &cu[best]), p, pa))
        return best;
    int pick = best;
    double ps = *score;
    for (int e = 0; e < nnear; e++) {
        int j = near[e].task;
        double s = near[e].score;
        if (j == best || !cu[j].has_agency || s <= 0 || s < *score - SJ_AGENCY_ROLE_MARGIN)
            continue;
        if (shares_role(c, sj_agency_of_task(c, &cu[j]), p, pa) && (pick == best || s > ps))
            pick = j, ps = s;
    }
    *score = ps;
    return pick;
}
