/* commands.c - the commands of the command line (a scan, a check or lint,
 * an extract), each from checked options to an exit code; the only place
 * besides main.c that prints to the user. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "prefilter.h"

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

/* The rule folder: --rules, $SIJIAN_RULES, then beside the binary
 * (BIN/../share/sijian-check/rules when installed, so that an installed
 * tree can be moved; BIN/../rules for a build folder in the source tree),
 * the configured install folder, ./rules. Every place looked at is added
 * to tried; NULL if none is a folder. */
static const char *find_rules(const char *given, sj_buf *tried, char *exe_rules, size_t cap)
{
    if (given)
        return given;
    const char *env = getenv("SIJIAN_RULES");
    if (env) {
        if (is_dir(env))
            return env;
        sj_buf_addf(tried, "\n  %s ($SIJIAN_RULES)", env);
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        const char *rel[] = {"/../share/sijian-check/rules", "/../rules"};
        for (int i = 0; i < 2; i++) {
            snprintf(exe_rules, cap, "%s%s", exe, rel[i]);
            if (is_dir(exe_rules))
                return exe_rules;
            sj_buf_addf(tried, "\n  %s (beside the program)", exe_rules);
        }
    }
    if (is_dir(SJ_RULES_INSTALL_DIR))
        return SJ_RULES_INSTALL_DIR;
    sj_buf_addf(tried, "\n  %s (the configured install folder)", SJ_RULES_INSTALL_DIR);
    if (is_dir("rules"))
        return "rules";
    sj_buf_addf(tried, "\n  ./rules");
    return NULL;
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
    sj_buf tried = {0};
    char exe_rules[4200];
    const char *dir = find_rules(given, &tried, exe_rules, sizeof exe_rules);
    if (!dir) {
        fprintf(stderr, "sijian-check: no rules found (give --rules DIR or set SIJIAN_RULES); "
                        "looked in:%s\n", tried.data);
        sj_buf_free(&tried);
        return -1;
    }
    sj_buf_free(&tried);
    if (sj_rules_load_dir(dir, rs, &err)) {
        say(err.msg);
        sj_rules_free(rs);
        return -1;
    }
    return 0;
}

/* The baseline of --baseline into pol (none: pol->baseline stays NULL).
 * A missing file is an empty baseline when it is to be written. */
static int open_baseline(const sj_cli *o, sj_baseline *b, sj_policy *pol)
{
    *pol = o->policy;
    pol->color = o->color;
    if (!o->baseline_path)
        return 0;
    char today[11];
    sj_cli_today(today);
    sj_err err;
    if (sj_baseline_load(o->baseline_path, today, o->update_baseline, b, &err)) {
        fprintf(stderr, "sijian-check: %s\n", err.msg);
        sj_baseline_free(b);
        return -1;
    }
    b->record = o->update_baseline;
    pol->baseline = b;
    return 0;
}

/* The rules, then the baseline and policy; on failure nothing is left to
 * free (the message is printed). */
static int load_rules_and_baseline(const sj_cli *o, sj_ruleset *rs, sj_baseline *bl,
                                   sj_policy *pol)
{
    if (load_rules(o->rules_dir, rs))
        return -1;
    if (open_baseline(o, bl, pol)) {
        sj_rules_free(rs);
        return -1;
    }
    return 0;
}

/* Writes the new baseline (--update-baseline) and frees b. */
static int close_baseline(const sj_cli *o, sj_baseline *b, const sj_policy *pol)
{
    int rc = 0;
    if (pol->baseline && o->update_baseline) {
        FILE *f = fopen(o->baseline_path, "w");
        if (!f) {
            fprintf(stderr, "sijian-check: %s: cannot write\n", o->baseline_path);
            rc = -1;
        } else {
            sj_baseline_write(b, f);
            if (fclose(f)) {
                fprintf(stderr, "sijian-check: %s: cannot write\n", o->baseline_path);
                rc = -1;
            }
        }
    }
    if (pol->baseline)
        sj_baseline_free(b);
    return rc;
}

/* The exit code of an input that could not be read: 2, or 0 with
 * --fail-on never (a CI step that must go on to upload its report). */
static int input_error(const sj_cli *o)
{
    return o->fail_level == SJ_FAIL_NEVER ? SJ_EXIT_CLEAN : SJ_EXIT_ERROR;
}

/* Loads a plan; "-" is standard input, copied to a temporary file first
 * (the loader reads files), named "-" in the reports. */
static int load_plan(const char *path, const sj_cli *o, const sj_ruleset *rs, sj_matcher *m,
                     sj_doc *d, sj_err *err)
{
    if (strcmp(path, "-"))
        return sj_plan_load(path, &o->load, rs, m, d, err);
    char tmp[] = "/tmp/sijian-stdin-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) {
        memset(d, 0, sizeof *d);
        return sj_fail(err, "-: cannot make a temporary file for standard input");
    }
    FILE *t = fdopen(fd, "w");
    char buf[65536];
    size_t n, total = 0, max = o->load.max_bytes ? o->load.max_bytes : (size_t)64 << 20;
    int too_big = 0;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
        total += n;
        if (total > max) {
            too_big = 1;
            break;
        }
        fwrite(buf, 1, n, t);
    }
    fclose(t);
    int rc;
    if (too_big) {
        memset(d, 0, sizeof *d);
        rc = sj_fail(err, "-: standard input too large (the limit is %zu bytes, see --max-size)",
                     max);
    } else {
        rc = sj_plan_load(tmp, &o->load, rs, m, d, err);
        if (rc) {
            /* the message names the temporary file: name standard input */
            char *at = strstr(err->msg, tmp);
            if (at) {
                size_t skip = strlen(tmp) - 1;
                *at = '-';
                memmove(at + 1, at + 1 + skip, strlen(at + 1 + skip) + 1);
            }
        }
        free(d->path);
        d->path = xstrdup("-");
    }
    unlink(tmp);
    return rc;
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
    sj_baseline bl;
    sj_policy pol;
    if (load_rules_and_baseline(o, &rs, &bl, &pol))
        return SJ_EXIT_ERROR;
    FILE *out = open_out(o->out_path);
    if (!out) {
        sj_rules_free(&rs);
        close_baseline(o, &bl, &pol);
        return SJ_EXIT_ERROR;
    }
    /* SIJIAN_PAIR_INDEX=always or never: for tests comparing the two */
    const char *pi = getenv("SIJIAN_PAIR_INDEX");
    sj_scan_opts so = {o->scan_dir, o->pairs, o->jobs, o->render, o->load, o->lang,
                       pi && !strcmp(pi, "always") ? 1 : pi && !strcmp(pi, "never") ? -1 : 0,
                       sj_cli_note, !o->quiet && isatty(2) ? sj_cli_progress : NULL, NULL,
                       o->include, o->exclude, o->ninclude, o->nexclude, &pol};
    sj_scan_result res;
    sj_scan(&so, &rs, out, &res);
    if (res.not_a_directory)
        fprintf(stderr, "sijian-check: %s: not a directory\n", o->scan_dir);
    else /* the closing summary: what was checked, skipped, unreadable */
        fprintf(stderr, "sijian-check: scan of %s: %d plan%s checked, %d file%s skipped, "
                        "%d unreadable\n", o->scan_dir, res.checked, res.checked == 1 ? "" : "s",
                res.skipped, res.skipped == 1 ? "" : "s", res.unreadable);
    warn_limit(res.limit_hits);
    int werr = close_out(out, o->out_path) || res.write_error;
    sj_rules_free(&rs);
    /* a scan's stale baseline entries are known only at its end */
    for (int i = 0; pol.baseline && !o->update_baseline && i < bl.n; i++)
        if (!bl.items[i].used && pol.min_level <= SJ_INFO && !pol.off[SJ_F_BASELINE_STALE])
            fprintf(stderr, "%s:%d: info: the baseline entry (%s %s) matches no finding any "
                            "more [baseline-stale]\n",
                    bl.path, bl.items[i].line, bl.items[i].id, bl.items[i].indicator);
    int brc = close_baseline(o, &bl, &pol);
    if (res.not_a_directory || brc || werr)
        return SJ_EXIT_ERROR;
    return res.errors ? input_error(o)
           : res.worst >= o->fail_level ? SJ_EXIT_FINDINGS
                                        : SJ_EXIT_CLEAN;
}

int sj_cli_check(const sj_cli *o)
{
    if ((o->parent && o->nfiles != 1) || (o->lint && (o->parent || o->nfiles != 1)) ||
        !o->render->findings) {
        fputs("sijian-check: give one CHILD with --parent, or --lint FILE (not csv)\n", stderr);
        return SJ_EXIT_ERROR;
    }
    if (o->parent && !strcmp(o->parent, "-") && !strcmp(o->files[0], "-")) {
        fputs("sijian-check: only one of CHILD and --parent can be - (standard input)\n", stderr);
        return SJ_EXIT_ERROR;
    }
    if (o->allocation && !o->parent) {
        fputs("sijian-check: --allocation needs --parent\n", stderr);
        return SJ_EXIT_ERROR;
    }
    sj_ruleset rs = {0};
    sj_baseline bl;
    sj_policy pol;
    if (load_rules_and_baseline(o, &rs, &bl, &pol))
        return SJ_EXIT_ERROR;
    pol.stale_in_report = !o->update_baseline;
    sj_matcher m;
    sj_matcher_init(&m);
    if (o->costs)
        sj_matcher_count_costs(&m, &rs);
    sj_doc c, p;
    sj_err err;
    int rc = SJ_EXIT_CLEAN, has_parent = 0, unreadable = 0;
    if (load_plan(o->files[0], o, &rs, &m, &c, &err)) {
        say(err.msg);
        rc = SJ_EXIT_ERROR, unreadable = 1;
    } else if (!o->lint && load_plan(o->parent, o, &rs, &m, &p, &err)) {
        say(err.msg);
        sj_doc_free(&p);
        rc = SJ_EXIT_ERROR, unreadable = 1;
    } else {
        has_parent = !o->lint;
    }
    if (has_parent && o->allocation) {
        unsigned char *text = NULL;
        size_t len = 0;
        int bad = sj_read_file(o->allocation, 16u << 20, &text, &len, &err) ||
                  sj_extract_allocations(&p, o->allocation, (const char *)text, len, &rs, &m,
                                         &err);
        free(text);
        if (bad) {
            fprintf(stderr, "sijian-check: %s\n", err.msg);
            rc = SJ_EXIT_ERROR;
        }
    }
    FILE *out = rc == SJ_EXIT_CLEAN ? open_out(o->out_path) : NULL;
    if (rc == SJ_EXIT_CLEAN && !out)
        rc = SJ_EXIT_ERROR;
    if (out) {
        int counts[3] = {0};
        sj_check_render_policy(&c, has_parent ? &p : NULL, NULL, &pol, o->lang, o->render, -1,
                               out, counts);
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
    if (unreadable && pol.baseline)
        pol.baseline = NULL, sj_baseline_free(&bl); /* nothing to write */
    if (close_baseline(o, &bl, &pol))
        return SJ_EXIT_ERROR;
    return unreadable ? input_error(o) : rc;
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
    if (r->fmt == SJ_FMT_CSV && !o->no_bom)
        fputs("\xEF\xBB\xBF", out); /* so that spreadsheets read UTF-8 */
    if (r->extract_begin)
        r->extract_begin(out);
    for (int i = 0; i < o->nfiles; i++) {
        sj_doc d;
        if (load_plan(o->files[i], o, &rs, &m, &d, &err)) {
            say(err.msg);
            sj_doc_free(&d);
            rc = input_error(o);
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

int sj_cli_load_rules(const char *given, sj_ruleset *rs) { return load_rules(given, rs); }
FILE *sj_cli_open_out(const char *path) { return open_out(path); }
int sj_cli_close_out(FILE *out, const char *path) { return close_out(out, path); }

/* --text FILE: the text the checks read (the reader's text of a container,
 * or the decoded text of a plain file), each line after its anchor and a
 * tab: "paragraph 12", "table 2, row 3", "page 3, line 7", or "line N". */
int sj_cli_text(const sj_cli *o)
{
    if (o->extract || o->lint || o->parent || o->scan_dir || o->nfiles) {
        fputs("sijian-check: --text FILE takes no other command or file\n", stderr);
        return SJ_EXIT_ERROR;
    }
    sj_ruleset rs = {0};
    if (load_rules(o->rules_dir, &rs))
        return SJ_EXIT_ERROR;
    sj_matcher m;
    sj_matcher_init(&m);
    sj_doc d;
    sj_err err;
    int rc = SJ_EXIT_CLEAN;
    FILE *out = NULL;
    if (sj_doc_load(o->text_file, &o->load, &rs, &m, &d, &err)) {
        fprintf(stderr, "sijian-check: %s\n", err.msg);
        rc = SJ_EXIT_ERROR;
    } else if (!(out = open_out(o->out_path))) {
        rc = SJ_EXIT_ERROR;
    } else {
        const char *s = d.dec.text, *end = d.dec.text + d.dec.len;
        for (int line = 1; s < end; line++) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
            const char *a = sj_doc_anchor(&d, line);
            if (a)
                fprintf(out, "%s\t%.*s\n", a, (int)n, s);
            else
                fprintf(out, "line %d\t%.*s\n", line, (int)n, s);
            s += n + 1;
        }
        if (close_out(out, o->out_path))
            rc = SJ_EXIT_ERROR;
    }
    sj_doc_free(&d);
    sj_matcher_free(&m);
    sj_rules_free(&rs);
    return rc;
}

int sj_cli_prefilter_report(const sj_cli *o)
{
    sj_ruleset rs = {0};
    if (load_rules(o->rules_dir, &rs))
        return SJ_EXIT_ERROR;
    sj_prefilter_report(stdout, &rs);
    sj_rules_free(&rs);
    return SJ_EXIT_CLEAN;
}
