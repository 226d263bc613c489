/* agency_role.h - agencies across levels: a parent task's offices and the
 * child's counterparts compared by their place-free roles (sj_names.canon,
 * made at extraction by sj_agency_role: 市生态环境局, 县生态环境分局 and
 * 寿光市生态环境局 are all 生态环境局). Used as evidence when a parent task
 * is aligned with a child task, and by the agency-differs check. */
#ifndef SJ_AGENCY_ROLE_H
#define SJ_AGENCY_ROLE_H

#include "align.h"
#include "doc.h"

/* Child tasks whose score is within this of the best are near-equal: the
 * one whose offices are the parent's counterparts is preferred. */
#define SJ_AGENCY_ROLE_MARGIN 0.1

/* The agency (index into d->agencies) whose parenthetical ends task u, or
 * -1 (a task without one). */
int sj_agency_of_task(const sj_doc *d, const sj_task_unit *u);

/* The offices that lead agency a: its lead names, else its implementers
 * (县X局负责落实), else NULL. */
const sj_names *sj_agency_leads(const sj_agency *a);

/* Whether the child's agency ca is led by the counterpart of one of the
 * parent agency pa's leads: 1 yes, 0 no, -1 when either names no lead or
 * the parent's lead stands for the areas below (各县市区政府: any office
 * answers it). */
int sj_agency_same_lead(const sj_doc *c, int ca, const sj_doc *p, int pa);

/* A child task and its score against one parent task. */
typedef struct {
    int task;
    double score;
} sj_scored_task;

/* Of the child tasks cu[] aligned with the parent task pu, the best (best,
 * *score its score) unless the best has a parenthetical none of whose
 * offices is a counterpart of the parent's leads and a near-equal one
 * (near[0..nnear), in task order: the tasks scoring within
 * SJ_AGENCY_ROLE_MARGIN of the best, above zero) has one: then that one,
 * and *score becomes its score. A best task with no parenthetical stays
 * the best (agency-missing is about it). */
int sj_agency_role_prefer(const sj_doc *p, const sj_task_unit *pu, const sj_doc *c,
                          const sj_task_unit *cu, const sj_scored_task *near, int nnear,
                          int best, double *score);

#endif
