/* align.h - which part of a parent plan each part of a child plan
 * answers: targets with targets, dated tasks with dated tasks, and tasks
 * that name a responsible agency with the child's tasks, each pair with a
 * confidence in 0..1. Alignment only pairs; what a pair means is for the
 * checks (check.c) to say.
 *
 * Targets align by indicator id from rules/indicators.rules when both
 * sides have one, else by character-bigram similarity of the indicator
 * names (similar.h); a parent target is scored only against the child
 * targets sharing its id or a bigram of its name (an inverted index; all
 * others score 0), and child targets alike in all that is scored form one
 * class scored once. Tasks align by the bigrams of their text through an
 * inverted index, each distinct child text indexed once, and a query
 * visits only the items that can reach the check's minimum score, so the
 * cost is the shared bigrams, not the product of the two plans' tasks.
 * Every alignment stops at a work limit (far above real plans) and says
 * where, so that the check can say it is incomplete.
 */
#ifndef SJ_ALIGN_H
#define SJ_ALIGN_H

#include <stddef.h>

#include "doc.h"
#include "similar.h"

/* Work limits of one check. Far above any real plan (a provincial plan
 * has a few hundred targets and dated tasks), they keep a hostile or
 * machine-made one from running for hours. */
#define SJ_ALIGN_MAX_TARGET_PAIRS 1e8        /* target pairs sharing an indicator id
                                                or a name bigram */
#define SJ_ALIGN_MAX_CANDIDATES 20000000     /* of those, pairs scoring 0.6 or more
                                                (16 bytes each) */
#define SJ_ALIGN_MAX_INDEX_VISITS 400000000u /* bigram keys visited aligning tasks */
#define SJ_ALIGN_MAX_INDEX_CHARS 8000000u    /* characters indexed (8 bytes each) */

/* A task: a body paragraph cut after each responsibility parenthetical,
 * so a task is the text a parenthetical covers (has_agency) or the text
 * after the last one (none, and only if 30 bytes or more). */
typedef struct {
    sj_span span;
    int has_agency;
} sj_task_unit;

/* The tasks of d, rebuilt from its paragraphs and agency spans (the one
 * place that does; the document model's task entities will replace it).
 * Returns an array the caller frees; *n its length. */
sj_task_unit *sj_align_tasks_of(const sj_doc *d, int *n);

/* What alignment needs of the parent alone (the bigram profiles of its
 * targets' names and of its tasks with an agency), made once for a parent
 * that many children are checked against (a scan). */
typedef struct sj_parent_profiles sj_parent_profiles;
sj_parent_profiles *sj_parent_profiles_make(const sj_doc *parent);
void sj_parent_profiles_free(sj_parent_profiles *pp, const sj_doc *parent);

/* Parent targets to child targets. Pairs scoring 0.6 or more are taken
 * best first, each child target at most once; a parent target that
 * restates another parent target (a table row and its prose) shares that
 * one's child. match[i] is the child index or -1, conf[i] the score;
 * addressed[i] says whether an unmatched parent target still has a child
 * target close to it (0.45) that no other parent target took. */
typedef struct {
    int too_many; /* parent x child targets over the limit: nothing aligned */
    int n;        /* the parent's targets */
    int *match;
    double *conf;
    int *addressed;
} sj_target_align;

void sj_align_targets(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                      sj_target_align *out);
void sj_target_align_free(sj_target_align *a);

/* Parent items (dated tasks, or tasks with an agency) to the child's most
 * like one. The checks act on a pair only from these scores on, and
 * alignment looks only at the child items that can reach them: m[i] is
 * the child item most like parent item i whenever it scores at least the
 * minimum; below it, child and score are of the best item that shares one
 * of the rarer bigrams (or -1), not necessarily the best of all. */
#define SJ_ALIGN_DEADLINE_MIN 0.45
#define SJ_ALIGN_AGENCY_MIN 0.3

typedef struct {
    int child;    /* the child item most like it (first of equals), -1 */
    double score;
} sj_task_match;

typedef struct {
    size_t chars;       /* characters of the child's items */
    int too_big;        /* chars over SJ_ALIGN_MAX_INDEX_CHARS: nothing aligned */
    int stopped_at;     /* the parent item where the work limit stopped, -1 */
    int n;              /* the parent's items: dated tasks, or pp's tasks */
    sj_task_match *m;   /* per parent item; child -1 for those not aligned */
    sj_task_unit *child_tasks; /* sj_align_agencies: the child's tasks */
    int nchild;
    const sj_task_unit *parent_tasks; /* sj_align_agencies: the parent's (pp's) */
} sj_task_align;

/* Dated tasks: each parent deadline a child's may be later than (a date
 * to meet by in the plan's period, or a yearly date) with the child's
 * dated task most like it, the dates themselves left out of the text. */
void sj_align_deadlines(const sj_doc *c, const sj_doc *p, sj_task_align *out);
/* Each parent task with an agency with the child's task most like it. */
void sj_align_agencies(const sj_doc *c, const sj_parent_profiles *pp, sj_task_align *out);
void sj_task_align_free(sj_task_align *a);

/* Allocations (a parent table's rows named by area, sj_target.area):
 * the area of the parent's rows that child c is, by its title or issuer
 * (白石县 or 白石), NULL if none; and the row target of that area child
 * target ct answers (score 0.6, as targets align), -1 if none, with its
 * score in *score (may be NULL). Rows never take part in
 * sj_align_targets. */
const char *sj_align_child_area(const sj_doc *c, const sj_doc *p);
/* The parent's rows of one area, with their names' bigrams, made once
 * for all the child's targets (owned; sj_area_rows_free). */
typedef struct {
    int *row;         /* target indexes in p, text order */
    sj_bigrams *name; /* per row: bigrams of its match key */
    int n;
} sj_area_rows;
void sj_area_rows_of(const sj_doc *p, const char *area, sj_area_rows *out);
void sj_area_rows_free(sj_area_rows *r);
int sj_align_row_for(const sj_doc *p, const sj_area_rows *rows, const sj_target *ct,
                     double *score);

/* Whether two targets name the same indicator: the same id, else names
 * alike (Dice 0.8). */
int sj_same_indicator(const sj_target *a, const sj_target *b);
/* A share or percentage-point target (its unit's dimension). */
int sj_target_is_share(const sj_target *t);

#endif
