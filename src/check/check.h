/* check.h - checks a child plan against its parent (sj_check), on the
 * pairs that alignment (align.h) makes, and one plan alone (sj_lint), and
 * reports mismatches as findings with stable ids. The ids, their levels
 * and messages are in one registry: findings.h. A part of the check that
 * stops at a work limit (a plan far larger than real ones) says so
 * (check-incomplete).
 */
#ifndef SJ_CHECK_H
#define SJ_CHECK_H

#include <stdio.h>

#include "align.h"
#include "doc.h"
#include "findings.h"

void sj_check(const sj_doc *child, const sj_doc *parent, sj_findings *out);

/* sj_check with the parent's profiles made beforehand (align.h): the
 * same findings, for a parent that many children are checked against. */
void sj_check_with(const sj_doc *child, const sj_doc *parent, const sj_parent_profiles *pp,
                   sj_findings *out);
/* One-document checks: unassigned-task, table-prose-mismatch. */
void sj_lint(const sj_doc *d, sj_findings *out);
#endif
