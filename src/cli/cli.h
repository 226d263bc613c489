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
    const char *allocation; /* --allocation CSV, with --parent */
    int fail_level; /* sj_severity, or SJ_FAIL_NEVER */
    sj_lang lang;
    const char **files;
    int nfiles;
    int index;                          /* --index */
    const char *files_from, *pair_file; /* --files-from LIST, --pair INDEX */
    const char *text_file;      /* --text FILE */
    const char *include[16], *exclude[16]; /* --include / --exclude GLOB */
    int ninclude, nexclude;
    /* issue 15: baseline, policy, configuration, terminal */
    const char *baseline_path, *config_path;
    int update_baseline;
    sj_policy policy;
    int color;  /* 1: ANSI colour in text output */
    int no_bom; /* csv without the UTF-8 byte order mark */
    const char *format_name, *fail_on;
    char *kept[48]; /* strings of the configuration file */
    int nkept;
    int prefilter_report; /* --prefilter-report */
    const char *explain;    /* --explain ID */
    const char *color_name; /* --color WHEN */
    int list_checks;        /* --list-checks */
} sj_cli;

/* config.c: the configuration file (.sijian-check in the current folder
 * or above, or --config FILE) read into o before the command line is.
 * Returns 0 (also when there is none), or -1 after printing path:line. */
int sj_cli_config(sj_cli *o, const char *path);
/* --explain ID, --list-checks: print from the findings registry */
int sj_cli_explain(const char *id);
int sj_cli_list_checks(const sj_cli *o);
/* today's date (or $SIJIAN_TODAY, for tests) as YYYY-MM-DD */
void sj_cli_today(char out[11]);

/* options.c: the usage text; argv into o (format, fail-on, --explain ID,
 * --list-checks and --color come back apart); -1 to go on, else the exit
 * code (--help, --version, a bad option). sj_cli_fail prints msg, gives 2. */
void sj_cli_usage(FILE *f);
int sj_cli_parse(int argc, char **argv, sj_cli *o);
int sj_cli_fail(const char *msg);

/* Runs the command; returns the exit code. */
int sj_cli_scan(const sj_cli *o);
int sj_cli_check(const sj_cli *o);
int sj_cli_extract(const sj_cli *o);
int sj_cli_text(const sj_cli *o);

/* steps.c: the scan's steps (--index, --pair, --pairs without --scan) */
int sj_cli_index(const sj_cli *o);
int sj_cli_pair(const sj_cli *o);
int sj_cli_check_pairs(const sj_cli *o);
/* commands.c's rule loading and output, for steps.c */
int sj_cli_load_rules(const char *given, sj_ruleset *rs);
FILE *sj_cli_open_out(const char *path);
/* flushes and closes out (not stdout); a write error is named, -1 */
int sj_cli_close_out(FILE *out, const char *path);
/* --prefilter-report: how the rules were prefiltered, on stdout */
int sj_cli_prefilter_report(const sj_cli *o);

/* progress.c: the scan's callbacks (ctx unused) */
void sj_cli_note(void *ctx, const char *msg);
void sj_cli_progress(void *ctx, const sj_scan_progress *p);

#endif
