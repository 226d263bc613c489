/* lint.c - the checks inside one plan: a target or dated task without a
 * responsible agency (unassigned-task), and a target table that
 * disagrees with the prose on the same indicator (table-prose-mismatch). */
#include "check.h"

#include <math.h>
#include <string.h>

void sj_lint(const sj_doc *d, sj_findings *fs)
{
    int inherited = d->inherit_from >= 0;
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        if (!t->from_table && t->agency < 0 && !inherited)
            sj_findings_add(fs, SJ_MSG_UNASSIGNED_TARGET, t->indicator, t->span, 1, t->span, 0, 1,
                t->indicator);
    }
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        if (dl->agency < 0 && !inherited && d->nagencies > 0)
            sj_findings_add(fs, SJ_MSG_UNASSIGNED_DEADLINE, "", dl->task, 1, dl->task, 0, 1);
    }
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *a = &d->targets[i];
        if (!a->from_table || a->deferred)
            continue;
        for (int j = 0; j < d->ntargets; j++) {
            const sj_target *b = &d->targets[j];
            if (b->from_table || b->deferred || strcmp(a->unit, b->unit) ||
                strcmp(a->change, b->change))
                continue;
            if (sj_same_indicator(a, b) && fabs(a->value - b->value) > 1e-9 &&
                (!a->target_year || !b->target_year || a->target_year == b->target_year))
                sj_findings_add(fs, SJ_MSG_TABLE_PROSE_MISMATCH, a->indicator, b->span, 1,
                    a->span, 1, 1, b->value, b->unit, a->indicator, a->value, a->unit);
        }
    }
}
