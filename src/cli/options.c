/* options.c - the command line's options: the usage text and the
 * parse of argv into an sj_cli (main.c runs what they ask for). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#ifndef SJ_VERSION
#define SJ_VERSION "0.1.0"
#endif

void sj_cli_usage(FILE *f)
{
    fputs("usage: sijian-check CHILD --parent PARENT  cross-check a plan against its parent\n"
          "       sijian-check --lint FILE             checks inside one plan\n"
          "       sijian-check --scan DIR              every plan under DIR (.txt .md .docx .odt\n"
          "                                            .html .pdf .ofd; other files are listed)\n"
          "       sijian-check --extract FILE...       targets, deadlines, agencies as data\n"
          "       sijian-check --text FILE             the text the tool reads, line by line\n"
          "                                            with where each line is in FILE\n"
          "options:\n"
          "  --format FMT             text|json|sarif|markdown|html (check), text|json|csv\n"
          "                           (--extract); default text\n"
          "  -o FILE                  write the report to FILE\n"
          "  --rules DIR              rule files (default: installed rules, then the\n"
          "                           source tree's rules/, then ./rules)\n"
          "  --encoding ENC           force the input encoding (default: detect)\n"
          "  --max-size MB            refuse larger files (default 64)\n"
          "  --parent FILE            the parent plan of CHILD\n"
          "  --allocation FILE        allocations issued apart from the parent (CSV:\n"
          "                           area,indicator,value,unit,target year)\n"
          "  -j N                     worker threads for --scan (default: cores)\n"
          "  --pairs FILE             child<TAB>parent lines for --scan; without --scan,\n"
          "                           check those pairs (JSON Lines, as --scan writes)\n"
          "  --index FILE...          one JSON line of metadata per plan (for --pair)\n"
          "  --files-from LIST        --index: the plans named in LIST (- for stdin)\n"
          "  --pair INDEX             child<TAB>parent lines from --index's lines\n"
          "  --include GLOB           --scan: only files whose name (or path under DIR,\n"
          "                           if GLOB has a /) matches; repeatable\n"
          "  --exclude GLOB           --scan: leave out the files that match; repeatable\n"
          "  --format jsonl           --scan: one JSON line per file\n"
          "  --fail-on error|warning|never  exit 1 on findings at this level (default error)\n"
          "  --lang en|zh             report language (default en: English framing,\n"
          "                           indicators as the plans write them)\n"
          "  -q, --no-progress        no progress bar\n"
          "  --rule-costs             after the report, the time each rule took, slowest\n"
          "                           first, on stderr (not with --scan)\n"
          "  --baseline FILE          accepted findings: not reported, not failing\n"
          "  --update-baseline        write the current findings into the --baseline FILE\n"
          "  --min-level LEVEL        show findings at info|warning|error and above\n"
          "  --config FILE            configuration (default: .sijian-check here or above)\n"
          "  --explain ID             what a finding means and how to resolve or accept it\n"
          "  --list-checks            every finding id, its level, on or off\n"
          "  --color WHEN             never|always|auto (default auto: a terminal, no NO_COLOR)\n"
          "  --no-bom                 CSV without the UTF-8 byte order mark\n"
          "  -                        read the plan from standard input; -- ends the options\n"
          "  --prefilter-report       which rules the Vectorscan prefilter takes, and\n"
          "                           why any cannot be; then exit\n"
          "  --version, --help\n"
          "exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error\n"
          "(with --fail-on never: 0 even when an input file cannot be read)\n", f);
}

int sj_cli_fail(const char *msg)
{
    fprintf(stderr, "sijian-check: %s\n", msg);
    return SJ_EXIT_ERROR;
}

/* ---- the options, one row each ---------------------------------------- */

/* An option's action when it takes a value that needs checking: stores it
 * in o, or returns the exit code of a usage error (-1: go on). */
typedef int (*opt_fn)(sj_cli *o, const char *name, const char *val);

typedef enum {
    OPT_FLAG,  /* sets an int field to 1 */
    OPT_VALUE, /* stores the next argument in a const char * field */
    OPT_CHECK, /* hands the next argument to fn */
} opt_kind;

typedef struct {
    const char *name, *alias;
    opt_kind kind;
    size_t field; /* offsetof(sj_cli, ...), OPT_FLAG and OPT_VALUE */
    opt_fn fn;    /* OPT_CHECK */
} opt;

static int set_jobs(sj_cli *o, const char *name, const char *v)
{
    (void)name;
    o->jobs = atoi(v);
    return o->jobs < 1 || o->jobs > 64 ? sj_cli_fail("-j takes 1 to 64") : -1;
}

static int set_lang(sj_cli *o, const char *name, const char *v)
{
    (void)name;
    if (strcmp(v, "en") && strcmp(v, "zh"))
        return sj_cli_fail("--lang takes en or zh");
    o->lang = !strcmp(v, "zh") ? SJ_LANG_ZH : SJ_LANG_EN;
    return -1;
}

static int set_max_size(sj_cli *o, const char *name, const char *v)
{
    (void)name;
    long mb = atol(v);
    if (mb <= 0 || mb > 4000)
        return sj_cli_fail("--max-size takes 1 to 4000 (MB)");
    o->load.max_bytes = (size_t)mb << 20;
    return -1;
}

static int add_glob(sj_cli *o, const char *name, const char *v)
{
    int inc = !strcmp(name, "--include");
    if ((inc ? o->ninclude : o->nexclude) >= 16)
        return sj_cli_fail("at most 16 --include and 16 --exclude");
    if (inc)
        o->include[o->ninclude++] = v;
    else
        o->exclude[o->nexclude++] = v;
    return -1;
}

static int set_min_level(sj_cli *o, const char *name, const char *v)
{
    (void)name;
    o->policy.min_level = !strcmp(v, "info")      ? SJ_INFO
                          : !strcmp(v, "warning") ? SJ_WARNING
                          : !strcmp(v, "error")   ? SJ_ERROR
                                                  : -1;
    return o->policy.min_level < 0 ? sj_cli_fail("--min-level takes info, warning or error") : -1;
}

static int ignore(sj_cli *o, const char *name, const char *v)
{
    (void)o, (void)name, (void)v; /* --config: read before the others (main) */
    return -1;
}

#define FLAG(n, a, f) {n, a, OPT_FLAG, offsetof(sj_cli, f), NULL}
#define VALUE(n, f) {n, NULL, OPT_VALUE, offsetof(sj_cli, f), NULL}
#define CHECK(n, fn) {n, NULL, OPT_CHECK, 0, fn}
static const opt OPTS[] = {
    FLAG("--lint", NULL, lint),
    FLAG("--extract", NULL, extract),
    FLAG("--index", NULL, index),
    FLAG("--no-progress", "-q", quiet),
    FLAG("--rule-costs", NULL, costs),
    FLAG("--update-baseline", NULL, update_baseline),
    FLAG("--list-checks", NULL, list_checks),
    FLAG("--no-bom", NULL, no_bom),
    FLAG("--prefilter-report", NULL, prefilter_report),
    VALUE("--scan", scan_dir),
    VALUE("--pairs", pairs),
    VALUE("--files-from", files_from),
    VALUE("--pair", pair_file),
    VALUE("--parent", parent),
    VALUE("--allocation", allocation),
    VALUE("--fail-on", fail_on),
    VALUE("--rules", rules_dir),
    VALUE("--format", format_name),
    VALUE("-o", out_path),
    VALUE("--encoding", load.force_encoding),
    VALUE("--text", text_file),
    VALUE("--baseline", baseline_path),
    VALUE("--explain", explain),
    VALUE("--color", color_name),
    CHECK("-j", set_jobs),
    CHECK("--lang", set_lang),
    CHECK("--max-size", set_max_size),
    CHECK("--include", add_glob),
    CHECK("--exclude", add_glob),
    CHECK("--min-level", set_min_level),
    CHECK("--config", ignore),
};
#undef FLAG
#undef VALUE
#undef CHECK

/* Parses argv into o; returns -1 to go on, else the exit code. */
int sj_cli_parse(int argc, char **argv, sj_cli *o)
{
    /* positional arguments are collected in place at the front of argv */
    o->files = (const char **)argv;
    int options = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options || !strcmp(a, "-") || a[0] != '-' || !a[1]) {
            o->files[o->nfiles++] = a;
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            sj_cli_usage(stdout);
            return SJ_EXIT_CLEAN;
        }
        if (!strcmp(a, "--version")) {
            printf("sijian-check %s\n", SJ_VERSION);
            return SJ_EXIT_CLEAN;
        }
        if (!strcmp(a, "--")) {
            options = 0;
            continue;
        }
        if (!strncmp(a, "--color=", 8)) {
            o->color_name = a + 8;
            continue;
        }
        const opt *op = NULL;
        for (size_t k = 0; k < sizeof OPTS / sizeof *OPTS && !op; k++)
            if (!strcmp(a, OPTS[k].name) || (OPTS[k].alias && !strcmp(a, OPTS[k].alias)))
                op = &OPTS[k];
        if (!op) {
            fprintf(stderr, "sijian-check: unknown option %s (see --help)\n", a);
            return SJ_EXIT_ERROR;
        }
        if (op->kind == OPT_FLAG) {
            *(int *)((char *)o + op->field) = 1;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "sijian-check: %s needs a value\n", a);
            return SJ_EXIT_ERROR;
        }
        const char *v = argv[++i];
        if (op->kind == OPT_VALUE) {
            *(const char **)((char *)o + op->field) = v;
        } else {
            int rc = op->fn(o, op->name, v);
            if (rc >= 0)
                return rc;
        }
    }
    return -1;
}
