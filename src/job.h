/* job.h - the stages chained once, for one plan: load → extract, and
 * check (or lint) → render. The command line and the scan both call these;
 * nothing else chains the stages. */
#ifndef SJ_JOB_H
#define SJ_JOB_H

#include <stdio.h>

#include "align.h"
#include "baseline.h"
#include "check.h"
#include "doc.h"
#include "findings.h"
#include "pipeline.h"
#include "render.h"
#include "rules.h"

/* Reads the plan at path into d and extracts its targets, deadlines and
 * agencies. Returns 0, or -1 with err set (d must still be freed). */
int sj_plan_load(const char *path, const sj_load_opts *o, const sj_ruleset *rs,
                 sj_matcher *m, sj_doc *d, sj_err *err);

/* Checks c against its parent p (NULL: lints c alone), with p's profiles
 * pp (NULL: made for this check), and renders the findings in lang with
 * r: the whole report (section < 0) or as the scan's section number
 * `section`. counts (may be NULL) gets the findings per sj_severity. */
void sj_check_render(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                     sj_lang lang, const sj_renderer *r, int section, FILE *out,
                     int counts[3]);

/* sj_check_render with a policy (baseline.h; NULL: none) applied to the
 * findings before they are counted and rendered. */
void sj_check_render_policy(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                            const sj_policy *pol, sj_lang lang, const sj_renderer *r,
                            int section, FILE *out, int counts[3]);

#endif
