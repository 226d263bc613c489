/* main.c - command line: parses options, finds the rules, runs the
 * pipeline for each file and hands the result to a renderer. */
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "extract.h"
#include "parse.h"
#include "render.h"
#include "rules.h"
#include "scan.h"

#ifndef SJ_VERSION
#define SJ_VERSION "0.1.0"
#endif
#ifndef SJ_RULES_INSTALL_DIR
#define SJ_RULES_INSTALL_DIR "/usr/local/share/sijian-check/rules"
#endif
#ifndef SJ_RULES_SOURCE_DIR
#define SJ_RULES_SOURCE_DIR "rules"
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

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *find_rules(const char *given)
{
    if (given)
        return given;
    const char *env = getenv("SIJIAN_RULES");
    if (env && is_dir(env))
        return env;
    if (is_dir(SJ_RULES_INSTALL_DIR))
        return SJ_RULES_INSTALL_DIR;
    if (is_dir(SJ_RULES_SOURCE_DIR))
        return SJ_RULES_SOURCE_DIR;
    return "rules";
}

/* Loads the rules; on failure prints the message and leaves rs empty. */
static int load_rules(const char *given, sj_ruleset *rs)
{
    sj_err err;
    if (sj_rules_load_dir(find_rules(given), rs, &err)) {
        fprintf(stderr, "sijian-check: %s\n", err.msg);
        sj_rules_free(rs);
        return -1;
    }
    return 0;
}

static void print_note(void *ctx, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "sijian-check: %s\n", msg);
}

static void draw_progress(void *ctx, const sj_scan_progress *p)
{
    (void)ctx;
    double mbs = p->seconds > 0 ? (double)p->bytes_done / 1048576.0 / p->seconds : 0;
    int width = 30, fill = p->n ? p->done * width / p->n : width;
    fprintf(stderr, "\r%-8s [%.*s%*s] %d/%d files %.1f MB/s", p->phase, fill,
            "##############################", width - fill, "", p->done, p->n, mbs);
    if (p->done == p->n)
        fputc('\n', stderr);
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* documents are allocated and freed one after another: keep the heap
     * instead of returning every large buffer to the kernel */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
    const char *rules_dir = NULL, *out_path = NULL, *format = "text";
    sj_load_opts lo = {0};
    int extract = 0, lint = 0;
    const char *parent = NULL, *fail_on = "error", *scan_dir = NULL, *pairs = NULL;
    int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN), quiet = 0, costs = 0;
    sj_lang lang = SJ_LANG_EN;
    /* positional arguments are collected in place at the front of argv */
    const char **files = (const char **)argv;
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
#define NEXT()                                                                \
    (i + 1 < argc ? argv[++i]                                                 \
                  : (fprintf(stderr, "sijian-check: %s needs a value\n", a),  \
                     exit(2), (char *)NULL))
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("sijian-check %s\n", SJ_VERSION);
            return 0;
        } else if (!strcmp(a, "--lint"))
            lint = 1;
        else if (!strcmp(a, "--extract"))
            extract = 1;
        else if (!strcmp(a, "--scan"))
            scan_dir = NEXT();
        else if (!strcmp(a, "--pairs"))
            pairs = NEXT();
        else if (!strcmp(a, "-j")) {
            jobs = atoi(NEXT());
            if (jobs < 1 || jobs > 64) {
                fputs("sijian-check: -j takes 1 to 64\n", stderr);
                return 2;
            }
        } else if (!strcmp(a, "--parent"))
            parent = NEXT();
        else if (!strcmp(a, "--fail-on"))
            fail_on = NEXT();
        else if (!strcmp(a, "--rules"))
            rules_dir = NEXT();
        else if (!strcmp(a, "--format"))
            format = NEXT();
        else if (!strcmp(a, "--lang")) {
            const char *l = NEXT();
            if (strcmp(l, "en") && strcmp(l, "zh")) {
                fputs("sijian-check: --lang takes en or zh\n", stderr);
                return 2;
            }
            lang = !strcmp(l, "zh") ? SJ_LANG_ZH : SJ_LANG_EN;
        }
        else if (!strcmp(a, "-o"))
            out_path = NEXT();
        else if (!strcmp(a, "--encoding"))
            lo.force_encoding = NEXT();
        else if (!strcmp(a, "--max-size")) {
            long mb = atol(NEXT());
            if (mb <= 0 || mb > 4000) {
                fputs("sijian-check: --max-size takes 1 to 4000 (MB)\n", stderr);
                return 2;
            }
            lo.max_bytes = (size_t)mb << 20;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--no-progress"))
            quiet = 1;
        else if (!strcmp(a, "--rule-costs"))
            costs = 1;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "sijian-check: unknown option %s (see --help)\n", a);
            return 2;
        } else
            files[nfiles++] = a;
    }
    const sj_renderer *rd = sj_render_find(format);
    if (!rd) {
        fprintf(stderr, "sijian-check: unknown format '%s' (text, json, csv, sarif, markdown, html)\n", format);
        return 2;
    }
    int fail_level = !strcmp(fail_on, "error") ? SJ_ERROR
                     : !strcmp(fail_on, "warning") ? SJ_WARNING
                     : !strcmp(fail_on, "never") ? 99 : -1;
    if (fail_level < 0) {
        fprintf(stderr, "sijian-check: --fail-on takes error, warning or never\n");
        return 2;
    }
    if (scan_dir) {
        if (costs) {
            fputs("sijian-check: --rule-costs times one thread: use it with --extract, "
                  "--lint or --parent\n", stderr);
            return 2;
        }
        if (extract || lint || parent || nfiles || !rd->scan_section) {
            fputs("sijian-check: --scan DIR takes no other files; formats text, json, jsonl, "
                  "sarif, markdown, html\n", stderr);
            return 2;
        }
        sj_ruleset rs = {0};
        if (load_rules(rules_dir, &rs))
            return 2;
        FILE *out = out_path ? fopen(out_path, "w") : stdout;
        if (!out) {
            fprintf(stderr, "sijian-check: %s: cannot write\n", out_path);
            sj_rules_free(&rs);
            return 2;
        }
        sj_scan_opts so = {scan_dir, pairs, jobs, rd, lo, lang, print_note,
                           !quiet && isatty(2) ? draw_progress : NULL, NULL};
        sj_scan_result res;
        sj_scan(&so, &rs, out, &res);
        int rc = res.not_a_directory || res.errors ? 2 : res.worst >= fail_level ? 1 : 0;
        if (res.not_a_directory)
            fprintf(stderr, "sijian-check: %s: not a directory\n", scan_dir);
        if (out != stdout)
            fclose(out);
        sj_rules_free(&rs);
        return rc;
    }
    if ((parent || lint) && !extract) {
        if ((parent && nfiles != 1) || (lint && (parent || nfiles != 1)) || !rd->findings) {
            fputs("sijian-check: give one CHILD with --parent, or --lint FILE (not csv)\n", stderr);
            return 2;
        }
        sj_ruleset rs = {0};
        sj_err err;
        if (load_rules(rules_dir, &rs))
            return 2;
        sj_matcher m;
        sj_matcher_init(&m);
        if (costs)
            sj_matcher_count_costs(&m, &rs);
        sj_doc c, p;
        int rc = 0;
        if (sj_doc_load(files[0], &lo, &rs, &m, &c, &err) ) {
            fprintf(stderr, "sijian-check: %s\n", err.msg);
            rc = 2;
        }
        if (rc == 0 && lint) {
            memset(&p, 0, sizeof p);
        } else if (rc == 0 && sj_doc_load(parent, &lo, &rs, &m, &p, &err)) {
            fprintf(stderr, "sijian-check: %s\n", err.msg);
            sj_doc_free(&p);
            rc = 2;
        }
        if (rc == 0) {
            sj_extract(&c, &rs, &m);
            sj_findings fs = {0};
            fs.lang = lang;
            const sj_doc *pp = &c;
            if (lint) {
                sj_lint(&c, &fs);
            } else {
                sj_extract(&p, &rs, &m);
                sj_check(&c, &p, &fs);
                pp = &p;
            }
            FILE *out = out_path ? fopen(out_path, "w") : stdout;
            if (!out) {
                fprintf(stderr, "sijian-check: %s: cannot write\n", out_path);
                rc = 2;
            } else {
                rd->findings(out, &c, pp, &fs);
                if (out != stdout)
                    fclose(out);
                for (int i = 0; i < fs.n; i++)
                    if ((int)fs.items[i].level >= fail_level)
                        rc = 1;
            }
            sj_findings_free(&fs);
            if (!lint)
                sj_doc_free(&p);
        }
        sj_doc_free(&c);
        sj_rule_costs_print(stderr, &m);
        sj_matcher_free(&m);
        sj_rules_free(&rs);
        return rc;
    }
    if (extract && !rd->extract_doc) {
        fputs("sijian-check: --extract writes text, json or csv\n", stderr);
        return 2;
    }
    if (!extract || nfiles == 0) {
        usage(stderr);
        return 2;
    }
    sj_ruleset rs = {0};
    sj_err err;
    if (load_rules(rules_dir, &rs))
        return 2;
    FILE *out = stdout;
    if (out_path && !(out = fopen(out_path, "w"))) {
        fprintf(stderr, "sijian-check: %s: cannot write\n", out_path);
        sj_rules_free(&rs);
        return 2;
    }
    sj_matcher m;
    sj_matcher_init(&m);
    if (costs)
        sj_matcher_count_costs(&m, &rs);
    int rc = 0, first = 1;
    if (rd->extract_begin)
        rd->extract_begin(out);
    for (int i = 0; i < nfiles; i++) {
        sj_doc d;
        if (sj_doc_load(files[i], &lo, &rs, &m, &d, &err)) {
            fprintf(stderr, "sijian-check: %s\n", err.msg);
            sj_doc_free(&d);
            rc = 2;
            continue;
        }
        sj_extract(&d, &rs, &m);
        rd->extract_doc(out, &d, first);
        first = 0;
        sj_doc_free(&d);
    }
    if (rd->extract_end)
        rd->extract_end(out);
    if (m.limit_hits)
        fprintf(stderr, "sijian-check: warning: %d rule matches stopped at the "
                        "match limit\n", m.limit_hits);
    sj_rule_costs_print(stderr, &m);
    sj_matcher_free(&m);
    if (out != stdout)
        fclose(out);
    sj_rules_free(&rs);
    return rc;
}
