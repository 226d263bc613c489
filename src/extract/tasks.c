/* tasks.c - the plan's tasks (sj_task, doc.h) from its paragraphs, agency
 * parentheticals and deadlines, once those are found and in text order. */
#include "extract_int.h"

#include <stdlib.h>

static void add_task(sj_doc *d, int pi, size_t a, size_t b, int agency)
{
    SJ_GROW(d->tasks, d->ntasks, d->captasks);
    d->tasks[d->ntasks++] = (sj_task){{a, b}, pi, agency, -1};
}

/* goal[s]: section s or one around it is headed by a [goal_heading]
 * (一、总体要求 … (二)主要目标); sections come before those inside them */
static int *goal_sections(const sj_xctx *cx)
{
    const sj_doc *d = cx->d;
    int *goal = xcalloc((size_t)d->nsections + 1, sizeof *goal);
    for (int s = 0; s < d->nsections; s++) {
        const sj_section *sc = &d->sections[s];
        int up = sc->parent;
        goal[s] = (up >= 0 && up < s && goal[up]) ||
                  sj_first_rule(cx->rs, "goal_heading", cx->m, d->norm.text + sc->title.start,
                                sc->title.end - sc->title.start) != NULL;
    }
    return goal;
}

void sj_x_tasks(const sj_xctx *cx)
{
    sj_doc *d = cx->d;
    int *goal = goal_sections(cx);
    for (int pi = 0; pi < d->nparas; pi++)
        d->paras[pi].goal = d->paras[pi].section >= 0 && goal[d->paras[pi].section];
    free(goal);
    int k = 0; /* agencies come in paragraph order */
    for (int pi = 0; pi < d->nparas; pi++) {
        while (k < d->nagencies && d->agencies[k].para < pi)
            k++;
        if (!d->paras[pi].body || d->paras[pi].table_row >= 0)
            continue;
        size_t at = d->paras[pi].span.start, end = d->paras[pi].span.end;
        for (; k < d->nagencies && d->agencies[k].para == pi; k++) {
            add_task(d, pi, at, d->agencies[k].span.end, k);
            at = d->agencies[k].span.end;
        }
        if (end > at && end - at >= 30)
            add_task(d, pi, at, end, -1);
    }
    /* tasks and deadlines are both in text order: one merge */
    int j = 0;
    for (int i = 0; i < d->ntasks; i++) {
        sj_task *t = &d->tasks[i];
        while (j < d->ndeadlines && d->deadlines[j].span.start < t->span.start)
            j++;
        if (j < d->ndeadlines && d->deadlines[j].span.start < t->span.end)
            t->deadline = j;
    }
}
