/* main.c - command line: parses the options and runs the one command
 * they ask for (commands.c). */
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef SJ_VERSION
#define SJ_VERSION "0.1.0"
#endif

static void usage(FILE *f)
{
    fputs("usage: sijian-check CHILD --parent PARENT  cross-check a plan against its parent\n"
          "       sijian-check --lint FILE             checks inside one plan\n"
          "       sijian-check --scan DIR              every plan under DIR (*.txt, *.md)\n"
          "       sijian-check --extract FILE...       targets, deadlines, agencies as data\n"
          "options:\n"
          "  --format FMT             text|json|sarif|markdown|html (check), text|json|csv\n"
          "                           (--extract); default text\n"
          "  -o FILE                  write the report to FILE\n"
          "  --rules DIR              rule files (default: installed rules, then the\n"
          "                           source tree's rules/, then ./rules)\n"
          "  --encoding ENC           force the input encoding (default: detect)\n"
          "  --max-size MB            refuse larger files (default 64)\n"
          "  --parent FILE            the parent plan of CHILD\n"
          "  -j N                     worker threads for --scan (default: cores)\n"
          "  --pairs FILE             child<TAB>parent lines for --scan\n"
          "  --format jsonl           --scan: one JSON line per file\n"
          "  --fail-on error|warning|never  exit 1 on findings at this level (default error)\n"
          "  --lang en|zh             report language (default en: English framing,\n"
          "                           indicators as the plans write them)\n"
          "  -q, --no-progress        no progress bar\n"
          "  --rule-costs             after the report, the time each rule took, slowest\n"
          "                           first, on stderr (not with --scan)\n"
          "  --version, --help\n"

          "exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error\n", f);
}

static int fail(const char *msg)
{
    fprintf(stderr, "sijian-check: %s\n", msg);
    return SJ_EXIT_ERROR;
}

/* Parses argv into o; returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, sj_cli *o, const char **format, const char **fail_on)
{
    /* positional arguments are collected in place at the front of argv */
    o->files = (const char **)argv;
    int only_files = 0; /* after "--" */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files) {
            o->files[o->nfiles++] = a;
            continue;
        }
#define IS(s) (!strcmp(a, s))
#define NEXT()                                                                \
    (i + 1 < argc ? argv[++i]                                                 \
                  : (fprintf(stderr, "sijian-check: %s needs a value\n", a),  \
                     exit(SJ_EXIT_ERROR), (char *)NULL))
        if (IS("--help") || IS("-h")) {
            usage(stdout);
            return SJ_EXIT_CLEAN;
        } else if (IS("--version")) {
            printf("sijian-check %s\n", SJ_VERSION);
            return SJ_EXIT_CLEAN;
        } else if (IS("--lint"))
            o->lint = 1;
        else if (IS("--extract"))
            o->extract = 1;
        else if (IS("--scan"))
            o->scan_dir = NEXT();
        else if (IS("--pairs"))
            o->pairs = NEXT();
        else if (IS("-j")) {
            o->jobs = atoi(NEXT());
            if (o->jobs < 1 || o->jobs > 64)
                return fail("-j takes 1 to 64");
        } else if (IS("--parent"))
            o->parent = NEXT();
        else if (IS("--fail-on"))
            *fail_on = NEXT();
        else if (IS("--rules"))
            o->rules_dir = NEXT();
        else if (IS("--format"))
            *format = NEXT();
        else if (IS("--lang")) {
            const char *l = NEXT();
            if (strcmp(l, "en") && strcmp(l, "zh"))
                return fail("--lang takes en or zh");
            o->lang = !strcmp(l, "zh") ? SJ_LANG_ZH : SJ_LANG_EN;
        } else if (IS("-o"))
            o->out_path = NEXT();
        else if (IS("--encoding"))
            o->load.force_encoding = NEXT();
        else if (IS("--max-size")) {
            long mb = atol(NEXT());
            if (mb <= 0 || mb > 4000)
                return fail("--max-size takes 1 to 4000 (MB)");
            o->load.max_bytes = (size_t)mb << 20;
        } else if (IS("-q") || IS("--no-progress"))
            o->quiet = 1;
        else if (IS("--rule-costs"))
            o->costs = 1;
        else if (IS("--"))
            only_files = 1;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "sijian-check: unknown option %s (see --help)\n", a);
            return SJ_EXIT_ERROR;
        } else
            o->files[o->nfiles++] = a;
    }
    return -1;
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* documents are allocated and freed one after another: keep the heap
     * instead of returning every large buffer to the kernel */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
    sj_cli o = {0};
    o.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    o.lang = SJ_LANG_EN;
    const char *format = "text", *fail_on = "error";
    int rc = parse(argc, argv, &o, &format, &fail_on);
    if (rc >= 0)
        return rc;
    if (!(o.render = sj_render_find(format))) {
        fprintf(stderr, "sijian-check: unknown format '%s' (text, json, csv, sarif, markdown, html)\n", format);
        return SJ_EXIT_ERROR;
    }
    o.fail_level = !strcmp(fail_on, "error")     ? SJ_ERROR
                   : !strcmp(fail_on, "warning") ? SJ_WARNING
                   : !strcmp(fail_on, "never")   ? SJ_FAIL_NEVER
                                                 : -1;
    if (o.fail_level < 0)
        return fail("--fail-on takes error, warning or never");
    if (o.scan_dir)
        return sj_cli_scan(&o);
    if ((o.parent || o.lint) && !o.extract)
        return sj_cli_check(&o);
    if (o.extract && !o.render->extract_doc)
        return fail("--extract writes text, json or csv");
    if (!o.extract || o.nfiles == 0) {
        usage(stderr);
        return SJ_EXIT_ERROR;
    }
    return sj_cli_extract(&o);
}
