/* findings.h - what a check or lint found, and the one registry of
 * finding ids: each id's level and short help (the SARIF rules list reads
 * them), and the message catalogue: every message of a finding in English
 * and Chinese, as printf templates with the same conversions in the same
 * order. A finding keeps its message's key and arguments; its text in the
 * report's language is made from the catalogue when it is added, and can
 * be made again in the other language (sj_finding_format).
 */
#ifndef SJ_FINDINGS_H
#define SJ_FINDINGS_H

#include <stddef.h>

#include "doc.h"
#include "util.h"

typedef enum { SJ_INFO, SJ_WARNING, SJ_ERROR } sj_severity;
typedef enum { SJ_LANG_EN, SJ_LANG_ZH } sj_lang;

/* The finding ids, in the order the SARIF rules list gives them. */
typedef enum {
    SJ_F_MISSING_TARGET,
    SJ_F_DEFERRED_UNQUANTIFIED,
    SJ_F_WEAKER_TARGET,
    SJ_F_LATER_DEADLINE,
    SJ_F_BASE_YEAR_MISMATCH,
    SJ_F_UNIT_MISMATCH,
    SJ_F_ABSOLUTE_EXCEEDS_PARENT,
    SJ_F_SCALE_DEPENDENT,
    SJ_F_AGENCY_MISSING,
    SJ_F_PERIOD_MISMATCH,
    SJ_F_PARENT_NOT_CITED,
    SJ_F_CHECK_INCOMPLETE,
    SJ_F_UNASSIGNED_TASK,
    SJ_F_TABLE_PROSE_MISMATCH,
    SJ_F_WEAKER_THAN_OVERALL,
    SJ_F_BASELINE_STALE,
    SJ_F_BASELINE_EXPIRED,
    SJ_F_AGENCY_DIFFERS,
    SJ_F_COUNT
} sj_finding_kind;

typedef struct {
    const char *id;   /* stable, as reports write it */
    sj_severity level;
    const char *help; /* one sentence, English */
} sj_finding_info;

/* The registry row of kind k; NULL out of range. */
const sj_finding_info *sj_finding_info_of(sj_finding_kind k);
/* The kind of an id, -1 if no finding has it. */
int sj_finding_kind_of(const char *id);

/* The message catalogue: one key per message. SJ_MSG_WORD_* are words a
 * message takes as an argument, SJ_MSG_R_* the words of the reports. */
typedef enum {
    SJ_MSG_MISSING_TARGET,
    SJ_MSG_MISSING_TARGET_TAKEN_UP,
    SJ_MSG_MISSING_TARGET_CITY_OWN,
    SJ_MSG_DEFERRED_UNQUANTIFIED,
    SJ_MSG_TARGET_LATER,
    SJ_MSG_BASE_YEAR_MISMATCH,
    SJ_MSG_UNIT_MISMATCH,
    SJ_MSG_ABSOLUTE_EXCEEDS_PARENT,
    SJ_MSG_SCALE_DEPENDENT,
    SJ_MSG_WEAKER_TARGET,
    SJ_MSG_UNIT_MISMATCH_WEAKER,
    SJ_MSG_TASK_LATER,
    SJ_MSG_AGENCY_MISSING,
    SJ_MSG_PERIOD_MISMATCH,
    SJ_MSG_PARENT_NOT_CITED,
    SJ_MSG_INCOMPLETE_TARGETS,
    SJ_MSG_INCOMPLETE_DEADLINES,
    SJ_MSG_INCOMPLETE_DEADLINES_STOPPED,
    SJ_MSG_INCOMPLETE_AGENCIES,
    SJ_MSG_INCOMPLETE_AGENCIES_STOPPED,
    SJ_MSG_UNASSIGNED_TARGET,
    SJ_MSG_UNASSIGNED_DEADLINE,
    SJ_MSG_TABLE_PROSE_MISMATCH,
    SJ_MSG_WEAKER_THAN_OVERALL,
    SJ_MSG_WEAKER_THAN_ROW,
    SJ_MSG_SCALE_DEPENDENT_KIND,
    SJ_MSG_BASELINE_STALE,
    SJ_MSG_BASELINE_EXPIRED,
    SJ_MSG_AGENCY_DIFFERS,
    SJ_MSG_WORD_NO_UNIT,
    SJ_MSG_WORD_UNTITLED,
    SJ_MSG_WORD_NOT_PLAN_LATIN,
    SJ_MSG_WORD_NOT_PLAN_EMPTY,
    /* the words of the reports around the findings (render/) */
    SJ_MSG_R_VERDICT,
    SJ_MSG_R_INDICATOR,
    SJ_MSG_R_PARENT,
    SJ_MSG_R_CHILD,
    SJ_MSG_R_LEVEL,
    SJ_MSG_R_ID,
    SJ_MSG_R_MESSAGE,
    SJ_MSG_R_FINDING,
    SJ_MSG_R_SIDE_BY_SIDE,
    SJ_MSG_R_FINDINGS,
    SJ_MSG_R_OK,
    SJ_MSG_R_AGAINST,
    SJ_MSG_R_CHECKED_AGAINST,
    SJ_MSG_R_COUNT,
    SJ_MSG_R_PARENT_TEXT,
    SJ_MSG_R_FILE,
    SJ_MSG_R_ERRORS,
    SJ_MSG_R_WARNINGS,
    SJ_MSG_R_INFO,
    SJ_MSG_R_SKIPPED,
    SJ_MSG_R_SUMMARY,
    SJ_MSG_R_TOTALS,
    SJ_MSG_R_SHOW,
    SJ_MSG_R_ALL,
    SJ_MSG_R_TITLE,
    SJ_MSG_R_NO_CHILD,
    SJ_MSG_R_DEADLINES_AGENCIES,
    SJ_MSG_COUNT
} sj_msg;

/* The kind a message reports (-1 for the words). */
int sj_msg_kind(sj_msg m);
/* The template of m in lang; NULL out of range. */
const char *sj_msg_text(sj_msg m, sj_lang lang);

/* One argument of a message, as its template's conversion takes it. */
typedef struct {
    char type; /* 'd' int, 'u' unsigned, 'z' size_t, 'f' double, 's' string */
    union {
        long long i;
        double f;
        char *s; /* owned */
    } v;
} sj_msg_arg;

#define SJ_MSG_MAX_ARGS 6

typedef struct {
    const char *id;  /* the registry's id */
    sj_severity level;
    char *message;   /* in the findings' language (at most 1023 bytes) */
    char *indicator;
    int child_item;  /* span into child text, -1 if none */
    sj_span child_span;
    int parent_item;
    sj_span parent_span;
    sj_span parent_also; /* the same parent figure said again in another
                            place (its table row, its task); end 0: none */
    double child_value, parent_value;
    int has_values;
    double confidence;
    sj_msg msg;      /* the message and its arguments */
    int nargs;
    sj_msg_arg args[SJ_MSG_MAX_ARGS];
} sj_finding;

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
    int color;           /* text report: ANSI colours (a terminal) */
} sj_findings;

/* Adds the finding of message m (its kind gives id and level) with the
 * arguments its template takes, unless one of that id is already at the
 * child place cs (has_c). ind: the indicator, NULL for none. */
void sj_findings_add(sj_findings *fs, sj_msg m, const char *ind, sj_span cs, int has_c,
                     sj_span ps, int has_p, double conf, ...);
/* The finding's message made again in lang, into out (appended). */
void sj_finding_format(const sj_finding *f, sj_lang lang, sj_buf *out);
void sj_findings_free(sj_findings *f);
const char *sj_severity_name(sj_severity s);
/* The severity as the report's language says it (error / 错误). */
const char *sj_severity_label(sj_severity s, sj_lang lang);

/* What --explain prints about a finding id, in English: why it matters,
 * an example, how to resolve or accept it. NULL fields: nothing to say. */
typedef struct {
    const char *why, *example, *resolve;
} sj_finding_explain_info;
const sj_finding_explain_info *sj_finding_explain(sj_finding_kind k);
/* The id, one per finding kind, for a verdict cell in lang: the id in
 * English, a short Chinese label in zh. */
const char *sj_finding_label(sj_finding_kind k, sj_lang lang);

#endif
