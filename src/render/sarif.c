/* sarif.c - the SARIF 2.1.0 format, for GitHub code scanning: one run,
 * the rules (every finding id with its help in text and Markdown and its
 * default level), one result per finding with the parent's place as a
 * related location and a partial fingerprint that does not depend on
 * lines (the baseline's: id, indicator, quoted texts), so alerts survive
 * line shifts; a scan puts every plan's results in the one run and the
 * files that failed among the tool's notifications.
 *
 * Paths under the current folder (run it from the repository's root) are
 * written relative to %SRCROOT%, which originalUriBaseIds gives as the
 * current folder; others as absolute file: URIs. URIs are
 * percent-encoded; columns count Unicode code points. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "render.h"

#ifndef SJ_VERSION
#define SJ_VERSION "0.1.0"
#endif
#ifndef SJ_INFORMATION_URI
#define SJ_INFORMATION_URI "https://github.com/sijian-check/sijian-check/blob/main/README.md"
#endif

/* s percent-encoded as a URI path (RFC 3986: unreserved and / kept) */
static void uri_path(sj_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            strchr("-._~/", c))
            sj_buf_addc(b, (char)c);
        else
            sj_buf_addf(b, "%%%02X", c);
    }
}

static void json_buf(FILE *f, sj_buf *b)
{
    sj_json_str(f, b->data ? b->data : "", b->len);
    sj_buf_free(b);
}

/* the artifactLocation of path */
static void artifact(FILE *f, const char *path)
{
    char cwd[PATH_MAX], abs[PATH_MAX];
    sj_buf b = {0};
    const char *rel = NULL;
    if (!getcwd(cwd, sizeof cwd))
        cwd[0] = '\0';
    size_t n = strlen(cwd);
    if (path[0] == '/') {
        if (n > 1 && !strncmp(path, cwd, n) && path[n] == '/')
            rel = path + n + 1;
    } else if (strncmp(path, "../", 3) && strcmp(path, "..")) {
        rel = path;
        while (!strncmp(rel, "./", 2))
            rel += 2;
    }
    if (rel) {
        uri_path(&b, rel);
        fputs("{\"uri\":", f);
        json_buf(f, &b);
        fputs(",\"uriBaseId\":\"%SRCROOT%\"}", f);
        return;
    }
    /* outside the current folder: an absolute file URI */
    if (path[0] != '/' && realpath(path, abs))
        path = abs;
    else if (path[0] != '/') {
        snprintf(abs, sizeof abs, "%s/%s", cwd, path);
        path = abs;
    }
    sj_buf_adds(&b, "file://");
    uri_path(&b, path);
    fputs("{\"uri\":", f);
    json_buf(f, &b);
    fputc('}', f);
}

static const char *sarif_level(sj_severity s)
{
    return s == SJ_ERROR ? "error" : s == SJ_WARNING ? "warning" : "note";
}

void sj_sarif_begin(FILE *f)
{
    fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
          "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"sijian-check\",\"version\":\"" SJ_VERSION
          "\",\"semanticVersion\":\"" SJ_VERSION "\",\"informationUri\":\"" SJ_INFORMATION_URI
          "\",\"rules\":[", f);
    for (int i = 0; i < SJ_F_COUNT; i++) {
        const sj_finding_info *k = sj_finding_info_of((sj_finding_kind)i);
        const sj_finding_explain_info *ex = sj_finding_explain((sj_finding_kind)i);
        fprintf(f, "%s{\"id\":\"%s\",\"name\":\"%s\",\"shortDescription\":{\"text\":", i ? "," : "",
                k->id, k->id);
        sj_json_str(f, k->help, strlen(k->help));
        fputs("},\"fullDescription\":{\"text\":", f);
        sj_json_str(f, ex->why ? ex->why : k->help, strlen(ex->why ? ex->why : k->help));
        sj_buf md = {0}, tx = {0};
        sj_buf_addf(&tx, "%s", k->help);
        sj_buf_addf(&md, "**%s** (%s)\n\n%s\n", k->id, sj_severity_name(k->level), k->help);
        if (ex->why) {
            sj_buf_addf(&tx, " Why it matters: %s", ex->why);
            sj_buf_addf(&md, "\n**Why it matters.** %s\n", ex->why);
        }
        if (ex->example) {
            sj_buf_addf(&tx, " Example: %s", ex->example);
            sj_buf_addf(&md, "\n**Example.** %s\n", ex->example);
        }
        if (ex->resolve) {
            sj_buf_addf(&tx, " To resolve: %s", ex->resolve);
            sj_buf_addf(&md, "\n**To resolve.** %s\n", ex->resolve);
        }
        sj_buf_addf(&md, "\nTo accept it, add it to the baseline (`sijian-check ... --baseline "
                         "FILE --update-baseline`, then give its `[accept %s]` entry a "
                         "reason); `sijian-check --explain %s` says the same.\n", k->id, k->id);
        fputs("},\"help\":{\"text\":", f);
        json_buf(f, &tx);
        fputs(",\"markdown\":", f);
        json_buf(f, &md);
        fprintf(f, "},\"defaultConfiguration\":{\"level\":\"%s\"}}", sarif_level(k->level));
    }
    fputs("]}},\"columnKind\":\"unicodeCodePoints\",\"originalUriBaseIds\":{\"%SRCROOT%\":"
          "{\"uri\":", f);
    char cwd[PATH_MAX];
    sj_buf b = {0};
    sj_buf_adds(&b, "file://");
    if (getcwd(cwd, sizeof cwd))
        uri_path(&b, cwd);
    if (b.data[b.len - 1] != '/')
        sj_buf_addc(&b, '/');
    json_buf(f, &b);
    fputs(",\"description\":{\"text\":\"the folder sijian-check ran in (the repository's "
          "root)\"}}},\"results\":[", f);
}

static void sarif_loc(FILE *f, const sj_doc *d, sj_span s, int has)
{
    sj_pos q = {1, 1}, e = {1, 1};
    if (has) {
        q = sj_norm_pos(&d->norm, s.start);
        e = sj_span_last_pos(d, s);
    }
    fputs("{\"physicalLocation\":{\"artifactLocation\":", f);
    artifact(f, d->path);
    fprintf(f, ",\"region\":{\"startLine\":%d,\"startColumn\":%d", q.line, q.column);
    if (e.line > q.line) /* a text broken across lines */
        fprintf(f, ",\"endLine\":%d", e.line);
    /* a container (docx, pdf, ...): the line is one of the text read from
     * it; the anchor says where that is in the file */
    const char *a = has ? sj_doc_anchor(d, q.line) : NULL;
    if (a) {
        fputs(",\"properties\":{\"anchor\":", f);
        sj_json_str(f, a, strlen(a));
        fputc('}', f);
    }
    fputs("}}", f);
}

void sj_sarif_results(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                      int *first)
{
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        int ri = sj_finding_kind_of(x->id);
        if (ri < 0)
            ri = 0;
        fprintf(f, "%s{\"ruleId\":\"%s\",\"ruleIndex\":%d,\"level\":\"%s\",\"message\":{\"text\":",
                *first ? "" : ",", x->id, ri, sarif_level(x->level));
        *first = 0;
        const char *a = x->child_item >= 0
                            ? sj_doc_anchor(c, sj_norm_pos(&c->norm, x->child_span.start).line)
                            : NULL;
        if (a) { /* the message names the place a person can find */
            sj_buf m = {0};
            sj_buf_addf(&m, "%s (%s)", x->message, a);
            sj_json_str(f, m.data, m.len);
            sj_buf_free(&m);
        } else {
            sj_json_str(f, x->message, strlen(x->message));
        }
        fputs("},\"locations\":[", f);
        sarif_loc(f, c, x->child_span, x->child_item >= 0);
        fputs("}]", f);
        if (x->parent_item >= 0 && p != c) {
            fputs(",\"relatedLocations\":[", f);
            sarif_loc(f, p, x->parent_span, 1);
            fputs(",\"id\":1,\"message\":{\"text\":\"parent\"}}", f);
            if (x->parent_also.end) {
                fputc(',', f);
                sarif_loc(f, p, x->parent_also, 1);
                fputs(",\"id\":2,\"message\":{\"text\":\"parent, said again\"}}", f);
            }
            fputc(']', f);
        }
        /* stable across line shifts: what the baseline matches on, and
         * the plan (a scan may hold the same finding in two plans) */
        uint64_t fp = sj_finding_fingerprint(x, c, p);
        fp = sj_fnv1a(fp, c->path, strlen(c->path));
        fprintf(f, ",\"partialFingerprints\":{\"sijianFingerprint/v1\":\"%016llx\"}}",
                (unsigned long long)fp);
    }
}

/* errors: files that could not be read, as tool notifications; then the
 * files a scan did not check (rows with skipped set), as notes */
static void sarif_end_rows(FILE *f, const char *const *errors, int nerrors,
                           const sj_scan_row *rows, int nrows)
{
    fprintf(f, "],\"invocations\":[{\"executionSuccessful\":%s,"
               "\"toolExecutionNotifications\":[", nerrors ? "false" : "true");
    for (int i = 0; i < nerrors; i++) {
        fprintf(f, "%s{\"level\":\"error\",\"message\":{\"text\":", i ? "," : "");
        sj_json_str(f, errors[i], strlen(errors[i]));
        fputs("}}", f);
    }
    int n = nerrors;
    for (int i = 0; i < nrows; i++) {
        if (!rows[i].skipped)
            continue;
        sj_buf m = {0};
        sj_buf_addf(&m, "%s: skipped: %s", rows[i].path, rows[i].skipped);
        fprintf(f, "%s{\"level\":\"note\",\"message\":{\"text\":", n++ ? "," : "");
        sj_json_str(f, m.data, m.len);
        fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", f);
        sj_json_str(f, rows[i].path, strlen(rows[i].path));
        fputs("}}}]}", f);
        sj_buf_free(&m);
    }
    fputs("]}]}]}\n", f);
}

void sj_sarif_end(FILE *f, const char *const *errors, int nerrors)
{
    sarif_end_rows(f, errors, nerrors, NULL, 0);
}

void sj_report_findings_sarif(FILE *f, const sj_doc *c, const sj_doc *p,
                              const sj_findings *fs)
{
    int first = 1;
    sj_sarif_begin(f);
    sj_sarif_results(f, c, p, fs, &first);
    sj_sarif_end(f, NULL, 0);
}

static void sarif_scan_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                               int index)
{
    (void)index;
    int first = 1;
    sj_sarif_results(f, c, p, fs, &first);
}

static void sarif_scan_end(FILE *f, const sj_scan_summary *s, FILE *spool)
{
    (void)spool;
    sarif_end_rows(f, s->errors, s->nerrors, s->rows, s->n);
}

const sj_renderer sj_render_sarif = {
    .name = "sarif", .fmt = SJ_FMT_SARIF,
    .findings = sj_report_findings_sarif,
    .scan_begin = sj_sarif_begin, .scan_section = sarif_scan_section, .scan_sep = ",",
    .scan_end = sarif_scan_end,
};
