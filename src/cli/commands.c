/* commands.c - the commands of the command line (a scan, a check or lint,
 * an extract), each from checked options to an exit code; the only place
 * besides main.c that prints to the user. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef SJ_RULES_INSTALL_DIR
#define SJ_RULES_INSTALL_DIR "/usr/local/share/sijian-check/rules"
#endif
#ifndef SJ_RULES_SOURCE_DIR
#define SJ_RULES_SOURCE_DIR "rules"
#endif

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

/* A message on stderr; a file name in it is shown with its control
 * characters escaped, so it cannot forge lines. */
static void say(const char *msg)
{
    fputs("sijian-check: ", stderr);
    sj_name_put(stderr, msg);
    fputc('\n', stderr);
}

/* What a plan's loading tolerated: stray VT / SUB read as spaces. */
static void warn_doc(const sj_doc *d)
{
    if (d->dec.controls) {
        fputs("sijian-check: warning: ", stderr);
        sj_name_put(stderr, d->path);
        fprintf(stderr, ": %d stray control characters (VT, SUB) read as spaces\n",
                d->dec.controls);
    }
}

static void warn_limit(int hits)
{
    if (hits)
        fprintf(stderr, "sijian-check: warning: %d rule matches stopped at the "
                        "match limit\n", hits);
}

/* Loads the rules; on failure prints the message and leaves rs empty. */
static int load_rules(const char *given, sj_ruleset *rs)
{
    sj_err err;
    if (sj_rules_load_dir(find_rules(given), rs, &err)) {
        say(err.msg);
        sj_rules_free(rs);
        return -1;
    }
    return 0;
}

static FILE *open_out(const char *path)
{
    FILE *out = path ? fopen(path, "w") : stdout;
    if (!out)
        fprintf(stderr, "sijian-check: %s: cannot write\n", path);
    return out;
}

/* Flushes and closes the report. Any write error (a full disk, -o
 * /dev/full) is reported naming the output; returns -1 then. */
static int close_out(FILE *out, const char *path)
{
    int bad = fflush(out) != 0 || ferror(out);
    int e = errno;
    if (out != stdout && fclose(out) != 0 && !bad)
        bad = 1, e = errno;
    if (bad) {
        fputs("sijian-check: ", stderr);
        sj_name_put(stderr, path ? path : "standard output");
        fprintf(stderr, ": write error: %s\n", strerror(e ? e : EIO));
    }
    return bad ? -1 : 0;
}

int sj_cli_scan(const sj_cli *o)
{
    if (o->costs) {
        fputs("sijian-check: --rule-costs times one thread: use it with --extract, "
              "--lint or --parent\n", stderr);
        return SJ_EXIT_ERROR;
    }
    if (o->extract || o->lint || o->parent || o->nfiles || !o->render->scan_section) {
        fputs("sijian-check: --scan DIR takes no other files; formats text, json, jsonl, "
              "sarif, markdown, html\n", stderr);
        return SJ_EXIT_ERROR;
    }
    sj_ruleset rs = {0};
    if (load_rules(o->rules_dir, &rs))
        return SJ_EXIT_ERROR;
    FILE *out = open_out(o->out_path);
    if (!out) {
        sj_rules_free(&rs);
        return SJ_EXIT_ERROR;
    }
    /* SIJIAN_PAIR_INDEX=always or never: for tests comparing the two */
    const char *pi = getenv("SIJIAN_PAIR_INDEX");
    sj_scan_opts so = {o->scan_dir, o->pairs, o->jobs, o->render, o->load, o->lang,
                       pi && !strcmp(pi, "always") ? 1 : pi && !strcmp(pi, "never") ? -1 : 0,
                       sj_cli_note, !o->quiet && isatty(2) ? sj_cli_progress : NULL, NULL};
    sj_scan_result res;
    sj_scan(&so, &rs, out, &res);
    if (res.not_a_directory)
        fprintf(stderr, "sijian-check: %s: not a directory\n", o->scan_dir);
    warn_limit(res.limit_hits);
    int werr = close_out(out, o->out_path) || res.write_error;
    sj_rules_free(&rs);
    return res.not_a_directory || res.errors || werr ? SJ_EXIT_ERROR
           : res.worst >= o->fail_level      ? SJ_EXIT_FINDINGS
                                             : SJ_EXIT_CLEAN;
}

int sj_cli_check(const sj_cli *o)
{
    if ((o->parent && o->nfiles != 1) || (o->lint && (o->parent || o->nfiles != 1)) ||
        !o->render->findings) {
        fputs("sijian-check: give one CHILD with --parent, or --lint FILE (not csv)\n", stderr);
        return SJ_EXIT_ERROR;
    }
    sj_ruleset rs = {0};
    if (load_rules(o->rules_dir, &rs))
        return SJ_EXIT_ERROR;
    sj_matcher m;
    sj_matcher_init(&m);
    if (o->costs)
        sj_matcher_count_costs(&m, &rs);
    sj_doc c, p;
    sj_err err;
    int rc = SJ_EXIT_CLEAN, has_parent = 0;
    if (sj_plan_load(o->files[0], &o->load, &rs, &m, &c, &err)) {
        say(err.msg);
        rc = SJ_EXIT_ERROR;
    } else if (!o->lint && sj_plan_load(o->parent, &o->load, &rs, &m, &p, &err)) {
        say(err.msg);
        sj_doc_free(&p);
        rc = SJ_EXIT_ERROR;
    } else {
        has_parent = !o->lint;
    }
    FILE *out = rc == SJ_EXIT_CLEAN ? open_out(o->out_path) : NULL;
    if (rc == SJ_EXIT_CLEAN && !out)
        rc = SJ_EXIT_ERROR;
    if (out) {
        int counts[3] = {0};
        sj_check_render(&c, has_parent ? &p : NULL, NULL, o->lang, o->render, -1, out, counts);
        for (int l = SJ_INFO; l <= SJ_ERROR; l++)
            if (counts[l] && l >= o->fail_level)
                rc = SJ_EXIT_FINDINGS;
        if (close_out(out, o->out_path))
            rc = SJ_EXIT_ERROR;
    }
    if (rc != SJ_EXIT_ERROR || out) {
        warn_doc(&c);
        if (has_parent)
            warn_doc(&p);
    }
    warn_limit(m.limit_hits);
    if (has_parent)
        sj_doc_free(&p);
    sj_doc_free(&c);
    sj_rule_costs_print(stderr, &m);
    sj_matcher_free(&m);
    sj_rules_free(&rs);
    return rc;
}

int sj_cli_extract(const sj_cli *o)
{
    sj_ruleset rs = {0};
    sj_err err;
    if (load_rules(o->rules_dir, &rs))
        return SJ_EXIT_ERROR;
    FILE *out = open_out(o->out_path);
    if (!out) {
        sj_rules_free(&rs);
        return SJ_EXIT_ERROR;
    }
    sj_matcher m;
    sj_matcher_init(&m);
    if (o->costs)
        sj_matcher_count_costs(&m, &rs);
    const sj_renderer *r = o->render;
    int rc = SJ_EXIT_CLEAN, first = 1;
    if (r->extract_begin)
        r->extract_begin(out);
    for (int i = 0; i < o->nfiles; i++) {
        sj_doc d;
        if (sj_plan_load(o->files[i], &o->load, &rs, &m, &d, &err)) {
            say(err.msg);
            sj_doc_free(&d);
            rc = SJ_EXIT_ERROR;
            continue;
        }
        warn_doc(&d);
        r->extract_doc(out, &d, first);
        first = 0;
        sj_doc_free(&d);
    }
    if (r->extract_end)
        r->extract_end(out);
    warn_limit(m.limit_hits);
    sj_rule_costs_print(stderr, &m);
    sj_matcher_free(&m);
    if (close_out(out, o->out_path))
        rc = SJ_EXIT_ERROR;
    sj_rules_free(&rs);
    return rc;
}
