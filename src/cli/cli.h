/* cli.h - the command line: main.c turns the options into an sj_cli,
 * commands.c runs the one command they ask for and picks the exit code,
 * progress.c draws a scan's progress and prints its notes on stderr.
 * Only this folder prints messages or chooses exit codes. */
#ifndef SJ_CLI_H
#define SJ_CLI_H

#include "sijian.h"

/* exit codes */
enum { SJ_EXIT_CLEAN = 0, SJ_EXIT_FINDINGS = 1, SJ_EXIT_ERROR = 2 };
#define SJ_FAIL_NEVER 99 /* a fail level no finding reaches */

typedef struct {
    const char *rules_dir, *out_path;
    const sj_renderer *render;
    sj_load_opts load;
    int extract, lint, costs, quiet, jobs;
    const char *parent, *scan_dir, *pairs;
    int fail_level; /* sj_severity, or SJ_FAIL_NEVER */
    sj_lang lang;
    const char **files;
    int nfiles;
    int prefilter_report; /* --prefilter-report */
} sj_cli;

/* Runs the command; returns the exit code. */
int sj_cli_scan(const sj_cli *o);
int sj_cli_check(const sj_cli *o);
int sj_cli_extract(const sj_cli *o);
/* --prefilter-report: how the rules were prefiltered, on stdout */
int sj_cli_prefilter_report(const sj_cli *o);

/* progress.c: the scan's callbacks (ctx unused) */
void sj_cli_note(void *ctx, const char *msg);
void sj_cli_progress(void *ctx, const sj_scan_progress *p);

#endif
