/* goals.c - marks the paragraphs of the plan's overall goals (sj_para.goal,
 * doc.h): those in a section headed by a [goal_heading] (一、总体要求 …
 * (二)主要目标) or inside one. They state goals, not tasks: no agency is
 * owed for them. Tasks themselves are cut on demand (sj_doc_tasks). */
#include "extract_int.h"

#include <stdlib.h>

void sj_x_goals(const sj_xctx *cx)
{
    sj_doc *d = cx->d;
    /* goal[s]: section s or one around it is headed by a [goal_heading];
     * sections come before those inside them */
    int *goal = xcalloc((size_t)d->nsections + 1, sizeof *goal);
    for (int s = 0; s < d->nsections; s++) {
        const sj_section *sc = &d->sections[s];
        int up = sc->parent;
        goal[s] = (up >= 0 && up < s && goal[up]) ||
                  sj_first_rule(cx->rs, "goal_heading", cx->m, d->norm.text + sc->title.start,
                                sc->title.end - sc->title.start) != NULL;
    }
    for (int pi = 0; pi < d->nparas; pi++)
        d->paras[pi].goal = d->paras[pi].section >= 0 && goal[d->paras[pi].section];
    free(goal);
}
