/* scan.h - batch mode: every plan under a folder (*.txt, *.md; symbolic
 * links are reported, not followed), paired with its parent among the
 * scanned files by the plan it cites (title in 《》 or 文号) or by an
 * explicit pairs file, then cross-checked; plans without a parent are
 * linted. A file that cannot be read or decoded is reported and the scan
 * goes on.
 *
 * Two passes in worker threads: the first reads each plan for its title,
 * 文号 and citations and keeps only those; the second loads each plan
 * again with its parent, checks and renders it. Each thread holds the
 * plan it checks and up to four parents (least recently used out). Output is in sorted path order whatever
 * the number of threads: text, JSON (an array), JSON Lines, SARIF (one run
 * with every file), Markdown and HTML (a summary linking each plan's
 * section). */
#ifndef SJ_SCAN_H
#define SJ_SCAN_H

#include <stdio.h>

#include "check.h"
#include "parse.h"
#include "render.h"

typedef struct {
    const char *dir;
    const char *pairs_file; /* NULL: pair by citation */
    int jobs;               /* worker threads, >= 1 */
    int progress;           /* draw a progress bar on stderr */
    int fail_level;         /* sj_severity, or 99 for never */
    const sj_renderer *render; /* a format with scan_section */
    sj_load_opts load;
    sj_lang lang;
} sj_scan_opts;

/* Returns the exit code: 2 if a file failed, else 1 if a finding reached
 * fail_level, else 0. */
int sj_scan(const sj_scan_opts *o, const sj_ruleset *rs, FILE *out);

#endif
