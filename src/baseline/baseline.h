/* baseline.h - accepted deviations and the repository's policy on
 * findings, applied between the check and the report.
 *
 * A baseline file (rule-file syntax, kvfile.h) holds one `[accept ID]`
 * section per accepted finding: indicator, child, parent (the quoted
 * texts), file, reason, who, when, expires (YYYY-MM-DD, optional). A
 * finding matches an entry by its fingerprint: id + indicator + the
 * quoted texts of both sides (white space runs kept as one space, at most
 * 240 bytes each; the fingerprint ignores the spaces), never its position, so an entry survives line shifts and
 * rewordings elsewhere in the plan. A matched finding is dropped unless
 * the entry has expired (then a baseline-expired info is added); entries
 * that match nothing are stale (baseline-stale info in a check, a list
 * for the caller after a scan).
 *
 * A policy adds the checks turned off, a level per check and the lowest
 * level shown. sj_policy_apply is safe to call from many threads at once
 * on one policy (the baseline's marks are under its lock).
 */
#ifndef SJ_BASELINE_H
#define SJ_BASELINE_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#include "doc.h"
#include "findings.h"
#include "util.h"

#define SJ_BASELINE_TEXT_MAX 240

typedef struct {
    char *id, *indicator, *child, *parent; /* the fingerprint's parts */
    char *file, *reason, *who, *when, *expires; /* "" when absent */
    int line;       /* of its [accept] header; 0 for one not from the file */
    uint64_t fp;
    int expired;    /* expires < today */
    int used;       /* matched a finding */
} sj_accepted;

typedef struct {
    char *path;          /* the file it was read from (for messages) */
    char today[11];      /* YYYY-MM-DD, set by the caller */
    sj_accepted *items;  /* read from the file */
    int n, cap;
    int *order;          /* items by fingerprint, for lookup */
    int record;          /* keep every finding met, for sj_baseline_write */
    sj_accepted *met;
    int nmet, capmet;
    pthread_mutex_t mu;
} sj_baseline;

/* Reads the baseline at path (a missing file is an empty baseline when
 * missing_ok). today: YYYY-MM-DD. Returns 0, or -1 with err "path:line:
 * why"; b must be freed either way. */
int sj_baseline_load(const char *path, const char *today, int missing_ok, sj_baseline *b,
                     sj_err *err);
void sj_baseline_free(sj_baseline *b);
/* Writes every finding met (b->record) as the new baseline, keeping the
 * reason, who, when and expires of the entries they matched; sorted by
 * file, id, indicator, texts; one entry per fingerprint. */
void sj_baseline_write(const sj_baseline *b, FILE *f);
/* The fingerprint's text of s (n bytes): each run of white space one
 * space (none at the ends), cut at SJ_BASELINE_TEXT_MAX bytes on a
 * character boundary; appended to out. */
void sj_baseline_norm(const char *s, size_t n, sj_buf *out);

#define SJ_POLICY_GLOBS 16

/* The fingerprint of finding f of child c against parent p (p == c for
 * a lint), as the baseline matches it (SARIF's partialFingerprints). */
uint64_t sj_finding_fingerprint(const sj_finding *f, const sj_doc *c, const sj_doc *p);

typedef struct sj_policy_s {
    sj_baseline *baseline;          /* NULL: none */
    signed char off[SJ_F_COUNT];    /* 1: the check is turned off */
    signed char level[SJ_F_COUNT];  /* sj_severity, -1: the registry's */
    int min_level;                  /* findings below it are not shown */
    int stale_in_report;            /* a check: stale entries as findings */
    int color;                      /* text: ANSI colours (sets sj_findings.color) */
    /* a scan's files (fnmatch globs on the path below the scanned folder;
     * * also matches /): only those matching an include, if any is given,
     * and none of the excludes. Strings not owned. */
    const char *include[SJ_POLICY_GLOBS], *exclude[SJ_POLICY_GLOBS];
    int ninclude, nexclude;
} sj_policy;

void sj_policy_init(sj_policy *pol);
/* Applies pol to the findings of child c against parent p (p == c for a
 * lint): drops what is off, baselined or below min_level, relevels. */
void sj_policy_apply(const sj_policy *pol, const sj_doc *c, const sj_doc *p, sj_findings *fs);

/* Keeps the paths (found under dir) that pol's include and exclude globs
 * let through, in order; frees the others; *n is updated. */
void sj_policy_filter_paths(const sj_policy *pol, const char *dir, char **paths, int *n);

#endif
