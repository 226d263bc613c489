/* config.c - the configuration file, the list of checks and --explain.
 *
 * .sijian-check (looked for in the current folder, then each folder
 * above; --config FILE names one) is in the rule files' syntax:
 *
 *   [options]
 *   fail-on = warning          error | warning | never
 *   min-level = warning        info | warning | error
 *   baseline = .sijian-baseline
 *   lang = zh                  en | zh
 *   format = sarif
 *   rules = path/to/rules
 *   include = *.txt            (--scan; one glob a line, the key repeated)
 *   exclude = old-*.txt
 *   [check scale-dependent]
 *   enabled = false
 *   [check agency-missing]
 *   level = error
 *
 * Relative paths in it are relative to the file's folder. The command
 * line is read after it, so its options win. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "kvfile.h"

static int level_of(const char *s)
{
    return !strcmp(s, "info") ? SJ_INFO : !strcmp(s, "warning") ? SJ_WARNING
           : !strcmp(s, "error") ? SJ_ERROR : -1;
}

static int bool_of(const char *s)
{
    return !strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on") ? 1
           : !strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "off") ? 0 : -1;
}

/* .sijian-check here or in a folder above; NULL if none */
static char *find_config(void)
{
    char dir[PATH_MAX];
    if (!getcwd(dir, sizeof dir))
        return NULL;
    for (;;) {
        sj_buf b = {0};
        sj_buf_addf(&b, "%s/.sijian-check", strcmp(dir, "/") ? dir : "");
        if (access(b.data, R_OK) == 0)
            return sj_buf_take(&b);
        sj_buf_free(&b);
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            return NULL;
        *slash = '\0';
    }
}

/* path relative to the configuration file's folder; kept for the run */
static const char *relative_to(const char *cfg, const char *path, char **keep)
{
    if (path[0] == '/' || !strchr(cfg, '/'))
        return *keep = xstrdup(path);
    sj_buf b = {0};
    sj_buf_add(&b, cfg, (size_t)(strrchr(cfg, '/') - cfg + 1));
    sj_buf_adds(&b, path);
    return *keep = sj_buf_take(&b);
}

int sj_cli_config(sj_cli *o, const char *path)
{
    char *found = NULL;
    if (!path) {
        if (!(path = found = find_config()))
            return 0;
    }
    sj_kvfile kv;
    sj_err err;
    if (sj_kv_load(path, &kv, &err)) {
        fprintf(stderr, "sijian-check: %s\n", err.msg);
        sj_kv_free(&kv);
        free(found);
        return -1;
    }
    int rc = 0;
    for (int s = 0; s < kv.nsections && !rc; s++) {
        const struct sj_kv_section *sec = &kv.sections[s];
        if (!strcmp(sec->kind, "options") || !strcmp(sec->kind, "check"))
            continue;
        fprintf(stderr, "sijian-check: %s:%d: unknown section [%s] (options, check ID)\n", path,
                sec->line, sec->kind);
        rc = -1;
    }
    for (int i = 0; i < kv.n && !rc; i++) {
        const sj_kv *e = &kv.items[i];
        const char *k = e->key, *v = e->value;
        const char *why = NULL;
        if (!strcmp(e->kind, "check")) {
            int id = sj_finding_kind_of(e->name);
            if (id < 0)
                why = "no finding has this id (see --list-checks)";
            else if (!strcmp(k, "enabled")) {
                int b = bool_of(v);
                if (b < 0)
                    why = "enabled takes true or false";
                else
                    o->policy.off[id] = (signed char)!b;
            } else if (!strcmp(k, "level")) {
                int l = level_of(v);
                if (l < 0)
                    why = "level takes info, warning or error";
                else
                    o->policy.level[id] = (signed char)l;
            } else
                why = "a [check ID] takes enabled and level";
        } else if (!strcmp(e->kind, "options")) {
            if (!strcmp(k, "fail-on")) {
                if (strcmp(v, "error") && strcmp(v, "warning") && strcmp(v, "never"))
                    why = "fail-on takes error, warning or never";
                else
                    o->fail_on = o->nkept < 48 ? (o->kept[o->nkept++] = xstrdup(v)) : "error";
            } else if (!strcmp(k, "min-level")) {
                int l = level_of(v);
                if (l < 0)
                    why = "min-level takes info, warning or error";
                else
                    o->policy.min_level = l;
            } else if (!strcmp(k, "lang")) {
                if (strcmp(v, "en") && strcmp(v, "zh"))
                    why = "lang takes en or zh";
                else
                    o->lang = !strcmp(v, "zh") ? SJ_LANG_ZH : SJ_LANG_EN;
            } else if (!strcmp(k, "baseline") || !strcmp(k, "rules") || !strcmp(k, "format")) {
                if (o->nkept >= 48)
                    why = "too many paths";
                else if (!strcmp(k, "format"))
                    o->format_name = o->kept[o->nkept++] = xstrdup(v);
                else if (!strcmp(k, "baseline"))
                    o->baseline_path = relative_to(path, v, &o->kept[o->nkept++]);
                else
                    o->rules_dir = relative_to(path, v, &o->kept[o->nkept++]);
            } else if (!strcmp(k, "include") || !strcmp(k, "exclude")) {
                int inc = !strcmp(k, "include");
                int *n = inc ? &o->policy.ninclude : &o->policy.nexclude;
                if (*n >= SJ_POLICY_GLOBS || o->nkept >= 48)
                    why = "too many globs (16 of each)";
                else
                    (inc ? o->policy.include : o->policy.exclude)[(*n)++] =
                        o->kept[o->nkept++] = xstrdup(v);
            } else
                why = "unknown option (fail-on, min-level, lang, baseline, rules, format, include, "
                      "exclude)";
        } else
            why = "a key outside [options] or [check ID]";
        if (why) {
            fprintf(stderr, "sijian-check: %s:%d: %s: %s\n", path, e->line, k, why);
            rc = -1;
        }
    }
    sj_kv_free(&kv);
    free(found);
    return rc;
}

int sj_cli_explain(const char *id)
{
    int k = sj_finding_kind_of(id);
    if (k < 0) {
        fprintf(stderr, "sijian-check: no finding has the id '%s' (see --list-checks)\n", id);
        return SJ_EXIT_ERROR;
    }
    const sj_finding_info *in = sj_finding_info_of((sj_finding_kind)k);
    const sj_finding_explain_info *ex = sj_finding_explain((sj_finding_kind)k);
    printf("%s (%s, %s)\n\n%s\n", in->id, sj_severity_name(in->level),
           sj_finding_label((sj_finding_kind)k, SJ_LANG_ZH), in->help);
    if (ex->why)
        printf("\nWhy it matters: %s\n", ex->why);
    if (ex->example)
        printf("\nExample: %s\n", ex->example);
    if (ex->resolve)
        printf("\nTo resolve: %s\n", ex->resolve);
    printf("\nTo accept it: run with --update-baseline FILE, then give each [accept %s]\n"
           "entry a reason; or turn the check off or change its level in .sijian-check:\n"
           "  [check %s]\n  enabled = false\n", in->id, in->id);
    return SJ_EXIT_CLEAN;
}

int sj_cli_list_checks(const sj_cli *o)
{
    printf("%-24s %-8s %-4s %s\n", "id", "level", "on", "meaning");
    for (int k = 0; k < SJ_F_COUNT; k++) {
        const sj_finding_info *in = sj_finding_info_of((sj_finding_kind)k);
        int l = o->policy.level[k] >= 0 ? o->policy.level[k] : (int)in->level;
        printf("%-24s %-8s %-4s %s\n", in->id, sj_severity_name((sj_severity)l),
               o->policy.off[k] ? "off" : "on", in->help);
    }
    return SJ_EXIT_CLEAN;
}

void sj_cli_today(char out[11])
{
    const char *t = getenv("SIJIAN_TODAY");
    if (t && strlen(t) == 10) {
        memcpy(out, t, 11);
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}
