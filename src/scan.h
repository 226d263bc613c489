/* scan.h - batch mode: every plan under a folder, read once each (in
 * worker threads), paired with its parent among the scanned files by the
 * plan it cites (title in 《》 or 文号) or by an explicit pairs file, then
 * cross-checked; plans without a parent are linted. A file that cannot be
 * read or decoded is reported and the scan goes on. Output order is the
 * sorted path order whatever the number of threads. */
#ifndef SJ_SCAN_H
#define SJ_SCAN_H

#include <stdio.h>

#include "parse.h"
#include "report.h"

typedef struct {
    const char *dir;
    const char *pairs_file; /* NULL: pair by citation */
    int jobs;               /* worker threads, >= 1 */
    int progress;           /* draw a progress bar on stderr */
    int fail_level;         /* sj_severity, or 99 for never */
    sj_format fmt;          /* text, json or jsonl (SJ_FMT_CSV slot unused) */
    int jsonl;
    sj_load_opts load;
} sj_scan_opts;

/* Returns the exit code: 2 if a file failed, else 1 if a finding reached
 * fail_level, else 0. */
int sj_scan(const sj_scan_opts *o, const sj_ruleset *rs, FILE *out);

#endif
