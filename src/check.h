/* check.h - aligns a child plan's targets and dated tasks with its
 * parent's and reports mismatches with stable ids.
 *
 * Alignment: by indicator id from rules/indicators.rules when both sides
 * have one, else by character-bigram similarity of the indicator names
 * (a confidence in 0..1). Checks: missing-target, deferred-unquantified,
 * weaker-target, later-deadline, base-year-mismatch, unit-mismatch,
 * absolute-exceeds-parent, scale-dependent, agency-missing,
 * period-mismatch, parent-not-cited; check-incomplete when a part of the
 * check stops at a work limit (a plan far larger than real ones).
 */
#ifndef SJ_CHECK_H
#define SJ_CHECK_H

#include <stdio.h>

#include "align.h"
#include "doc.h"

typedef enum { SJ_INFO, SJ_WARNING, SJ_ERROR } sj_severity;

typedef struct {
    const char *id;
    sj_severity level;
    char *message;
    char *indicator;
    int child_item;  /* span into child text, -1 if none */
    sj_span child_span;
    int parent_item;
    sj_span parent_span;
    double child_value, parent_value;
    int has_values;
    double confidence;
} sj_finding;

typedef enum { SJ_LANG_EN, SJ_LANG_ZH } sj_lang;

/* A parent target and the child target aligned with it (child -1: none),
 * for the side-by-side view of the reports. */
typedef struct {
    int parent, child;
    double confidence;
} sj_pair;

typedef struct {
    sj_lang lang;        /* set by the caller before sj_check / sj_lint */
    sj_finding *items;
    int n, cap;
    sj_pair *pairs;      /* one per parent target, filled by sj_check */
    int npairs;
    sj_slots seen;       /* the findings by id and child place; internal */
} sj_findings;

void sj_check(const sj_doc *child, const sj_doc *parent, sj_findings *out);

/* sj_check with the parent's profiles made beforehand (align.h): the
 * same findings, for a parent that many children are checked against. */
void sj_check_with(const sj_doc *child, const sj_doc *parent, const sj_parent_profiles *pp,
                   sj_findings *out);
/* One-document checks: unassigned-task, table-prose-mismatch. */
void sj_lint(const sj_doc *d, sj_findings *out);
void sj_findings_free(sj_findings *f);
const char *sj_severity_name(sj_severity s);
/* The severity as the report's language says it (error / 错误). */
const char *sj_severity_label(sj_severity s, sj_lang lang);

#endif
