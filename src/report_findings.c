/* report_findings.c - SARIF 2.1.0, Markdown and self-contained HTML
 * renderings of cross-check findings, for one pair or for a whole scan.
 * Each format is built from the same pieces: a document header, one
 * section per checked plan, a footer. */
#include <string.h>

#include "check.h"
#include "report.h"

static const struct {
    const char *id, *help;
} RULES[] = {
    {"missing-target", "A quantified parent target the child plan never addresses."},
    {"deferred-unquantified", "The child only defers to the level above (完成上级下达的目标) where the parent has a number."},
    {"weaker-target", "A share or reduction rate below the parent's, or a ceiling above the parent's."},
    {"later-deadline", "The same task is due later in the child than in the parent."},
    {"base-year-mismatch", "The same indicator is measured against a different base year."},
    {"unit-mismatch", "Units that cannot be converted into each other."},
    {"absolute-exceeds-parent", "An absolute amount in the child larger than the parent's whole."},
    {"scale-dependent", "Absolute amounts that cannot be compared across levels."},
    {"agency-missing", "The parent names a responsible agency for a task; the child's task has none."},
    {"period-mismatch", "The plans cover different periods."},
    {"parent-not-cited", "The child cites a plan and the given parent is not it."},
    {"check-incomplete", "A part of the check stopped at a work limit (a plan with far more targets or dated tasks than real plans have); its findings may be incomplete."},
    {"unassigned-task", "A dated or quantified task with no responsible agency (--lint)."},
    {"table-prose-mismatch", "The target table and the prose disagree on the same indicator (--lint)."},
};
#define NRULES (int)(sizeof RULES / sizeof RULES[0])

#define L(fs, en, zh) ((fs)->lang == SJ_LANG_ZH ? zh : en)

static void html_esc(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '<') fputs("&lt;", f);
        else if (c == '>') fputs("&gt;", f);
        else if (c == '&') fputs("&amp;", f);
        else if (c == '"') fputs("&quot;", f);
        else fputc(c, f);
    }
}

void sj_html_str(FILE *f, const char *s) { html_esc(f, s, strlen(s)); }

/* Markdown table cells: | and newlines would break the row */
static void md_esc(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '|') fputs("\\|", f);
        else if (s[i] == '\n' || s[i] == '\t') fputc(' ', f);
        else fputc(s[i], f);
    }
}

static const char *title_of(const sj_doc *d) { return d->title ? d->title : d->path; }

/* line:column and the quoted sentence of one side of a finding */
static void html_quote(FILE *f, const sj_doc *d, int has, sj_span s)
{
    if (!has)
        return;
    sj_pos q = sj_norm_pos(&d->norm, s.start);
    fprintf(f, "%d:%d <q>", q.line, q.column);
    html_esc(f, d->norm.text + s.start, s.end - s.start);
    fputs("</q>", f);
}

/* The most severe finding about parent target pi (and its child target),
 * or -1. */
static int pair_finding(const sj_findings *fs, const sj_doc *c, const sj_doc *p,
                        const sj_pair *pr)
{
    const sj_target *pt = &p->targets[pr->parent];
    int best = -1;
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        if (x->parent_item < 0 || x->parent_span.start != pt->span.start ||
            x->parent_span.end != pt->span.end)
            continue;
        if (pr->child >= 0 && x->child_item >= 0 &&
            x->child_span.start != c->targets[pr->child].span.start)
            continue;
        if (best < 0 || x->level > fs->items[best].level)
            best = i;
    }
    return best;
}

static const char *level_class(const sj_findings *fs, int k)
{
    return k < 0 ? "ok" : sj_severity_name(fs->items[k].level);
}

/* ------------------------------------------------------------- SARIF */

void sj_sarif_begin(FILE *f)
{
    fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
          "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"sijian-check\",\"informationUri\":"
          "\"https://example.invalid/sijian-check\",\"rules\":[", f);
    for (int i = 0; i < NRULES; i++) {
        fprintf(f, "%s{\"id\":\"%s\",\"shortDescription\":{\"text\":", i ? "," : "", RULES[i].id);
        sj_json_str(f, RULES[i].help, strlen(RULES[i].help));
        fputs("},\"help\":{\"text\":", f);
        sj_json_str(f, RULES[i].help, strlen(RULES[i].help));
        fputs("}}", f);
    }
    fputs("]}},\"results\":[", f);
}

static void sarif_loc(FILE *f, const sj_doc *d, sj_span s, int has)
{
    sj_pos q = {1, 1};
    if (has)
        q = sj_norm_pos(&d->norm, s.start);
    fputs("{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", f);
    sj_json_str(f, d->path, strlen(d->path));
    fprintf(f, "},\"region\":{\"startLine\":%d,\"startColumn\":%d}}", q.line, q.column);
}

void sj_sarif_results(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                      int *first)
{
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        int ri = 0;
        for (int k = 0; k < NRULES; k++)
            if (!strcmp(RULES[k].id, x->id))
                ri = k;
        fprintf(f, "%s{\"ruleId\":\"%s\",\"ruleIndex\":%d,\"level\":\"%s\",\"message\":{\"text\":",
                *first ? "" : ",", x->id, ri,
                x->level == SJ_ERROR ? "error" : x->level == SJ_WARNING ? "warning" : "note");
        *first = 0;
        sj_json_str(f, x->message, strlen(x->message));
        fputs("},\"locations\":[", f);
        sarif_loc(f, c, x->child_span, x->child_item >= 0);
        fputs("}]", f);
        if (x->parent_item >= 0 && p != c) {
            fputs(",\"relatedLocations\":[", f);
            sarif_loc(f, p, x->parent_span, 1);
            fputs(",\"id\":1,\"message\":{\"text\":\"parent\"}}]", f);
        }
        fputc('}', f);
    }
}

/* errors: files that could not be read, as tool notifications */
void sj_sarif_end(FILE *f, const char *const *errors, int nerrors)
{
    fprintf(f, "],\"invocations\":[{\"executionSuccessful\":%s,"
               "\"toolExecutionNotifications\":[", nerrors ? "false" : "true");
    for (int i = 0; i < nerrors; i++) {
        fprintf(f, "%s{\"level\":\"error\",\"message\":{\"text\":", i ? "," : "");
        sj_json_str(f, errors[i], strlen(errors[i]));
        fputs("}}", f);
    }
    fputs("]}]}]}\n", f);
}

void sj_report_findings_sarif(FILE *f, const sj_doc *c, const sj_doc *p,
                              const sj_findings *fs)
{
    int first = 1;
    sj_sarif_begin(f);
    sj_sarif_results(f, c, p, fs, &first);
    sj_sarif_end(f, NULL, 0);
}

/* ---------------------------------------------------------- Markdown */

void sj_markdown_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                         const char *heading)
{
    fprintf(f, "%s ", heading);
    md_esc(f, title_of(c), strlen(title_of(c)));
    if (p != c) {
        fputs(L(fs, " against ", " 对照 "), f);
        md_esc(f, title_of(p), strlen(title_of(p)));
    }
    fprintf(f, "\n\n`%s`", c->path);
    if (p != c)
        fprintf(f, " / `%s`", p->path);
    fputs("\n\n", f);
    if (fs->npairs) {
        fputs(L(fs, "| verdict | indicator | parent | child |\n| --- | --- | --- | --- |\n",
                "| 结论 | 指标 | 上级方案 | 本方案 |\n| --- | --- | --- | --- |\n"), f);
        for (int i = 0; i < fs->npairs; i++) {
            const sj_pair *pr = &fs->pairs[i];
            const sj_target *pt = &p->targets[pr->parent];
            int k = pair_finding(fs, c, p, pr);
            fprintf(f, "| %s | ", k < 0 ? (pr->child >= 0 ? L(fs, "ok", "一致") : "-")
                                        : fs->items[k].id);
            const char *ind = pt->indicator_name ? pt->indicator_name : pt->indicator;
            md_esc(f, ind, strlen(ind));
            sj_pos q = sj_norm_pos(&p->norm, pt->span.start);
            fprintf(f, " | %d:%d ", q.line, q.column);
            md_esc(f, p->norm.text + pt->span.start, pt->span.end - pt->span.start);
            fputs(" | ", f);
            if (pr->child >= 0) {
                const sj_target *ct = &c->targets[pr->child];
                q = sj_norm_pos(&c->norm, ct->span.start);
                fprintf(f, "%d:%d ", q.line, q.column);
                md_esc(f, c->norm.text + ct->span.start, ct->span.end - ct->span.start);
            }
            fputs(" |\n", f);
        }
        fputs("\n", f);
    }
    fputs(L(fs, "| level | id | child | parent | message |\n| --- | --- | --- | --- | --- |\n",
            "| 级别 | 编号 | 本方案 | 上级方案 | 说明 |\n| --- | --- | --- | --- | --- |\n"), f);
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        fprintf(f, "| %s | %s | ", sj_severity_label(x->level, fs->lang), x->id);
        if (x->child_item >= 0) {
            sj_pos q = sj_norm_pos(&c->norm, x->child_span.start);
            fprintf(f, "%s:%d:%d", c->path, q.line, q.column);
        }
        fputs(" | ", f);
        if (x->parent_item >= 0 && p != c) {
            sj_pos q = sj_norm_pos(&p->norm, x->parent_span.start);
            fprintf(f, "%s:%d:%d", p->path, q.line, q.column);
        }
        fputs(" | ", f);
        md_esc(f, x->message, strlen(x->message));
        fputs(" |\n", f);
    }
    fprintf(f, L(fs, "\n%d findings.\n\n", "\n共 %d 项。\n\n"), fs->n);
}

void sj_report_findings_markdown(FILE *f, const sj_doc *c, const sj_doc *p,
                                 const sj_findings *fs)
{
    sj_markdown_section(f, c, p, fs, "# sijian-check:");
}

/* -------------------------------------------------------------- HTML */

void sj_html_begin(FILE *f, const char *title)
{
    fputs("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>", f);
    sj_html_str(f, title);
    fputs("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}"
          "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
          ".error{background:#fdd}.warning{background:#ffd}.info{background:#eef}.ok{background:#dfd}"
          "q{color:#333}small{color:#666}</style></head><body>",
          f);
}

void sj_html_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                     const char *anchor)
{
    fputs("<section", f);
    if (anchor) {
        fputs(" id=\"", f);
        sj_html_str(f, anchor);
        fputc('"', f);
    }
    fputs("><h2>", f);
    sj_html_str(f, title_of(c));
    fputs("</h2><p><code>", f);
    sj_html_str(f, c->path);
    fputs("</code>", f);
    if (p != c) {
        fputs(L(fs, " checked against ", " 对照 "), f);
        sj_html_str(f, title_of(p));
        fputs(" <code>", f);
        sj_html_str(f, p->path);
        fputs("</code>", f);
    }
    fputs("</p>", f);
    if (fs->npairs) {
        fputs(L(fs, "<h3>Targets side by side</h3><table><tr><th>verdict</th><th>indicator</th>"
                    "<th>parent</th><th>child</th></tr>",
                "<h3>目标对照</h3><table><tr><th>结论</th><th>指标</th><th>上级方案</th>"
                "<th>本方案</th></tr>"), f);
        for (int i = 0; i < fs->npairs; i++) {
            const sj_pair *pr = &fs->pairs[i];
            const sj_target *pt = &p->targets[pr->parent];
            int k = pair_finding(fs, c, p, pr);
            const char *cls = k < 0 && pr->child < 0 ? "" : level_class(fs, k);
            fprintf(f, "<tr class=\"%s\"><td>%s</td><td>", cls,
                    k < 0 ? (pr->child >= 0 ? L(fs, "ok", "一致") : "-") : fs->items[k].id);
            sj_html_str(f, pt->indicator_name ? pt->indicator_name : pt->indicator);
            fputs("</td><td>", f);
            html_quote(f, p, 1, pt->span);
            fputs("</td><td>", f);
            if (pr->child >= 0)
                html_quote(f, c, 1, c->targets[pr->child].span);
            fputs("</td></tr>", f);
        }
        fputs("</table>", f);
    }
    fputs(L(fs, "<h3>Findings</h3><table><tr><th>level</th><th>indicator</th><th>parent</th>"
                "<th>child</th><th>finding</th></tr>",
            "<h3>问题</h3><table><tr><th>级别</th><th>指标</th><th>上级方案</th><th>本方案</th>"
            "<th>说明</th></tr>"), f);
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        fprintf(f, "<tr class=\"%s\"><td>%s<br><small>%s</small></td><td>",
                sj_severity_name(x->level), sj_severity_label(x->level, fs->lang), x->id);
        sj_html_str(f, x->indicator);
        fputs("</td><td>", f);
        html_quote(f, p, x->parent_item >= 0 && p != c, x->parent_span);
        fputs("</td><td>", f);
        html_quote(f, c, x->child_item >= 0, x->child_span);
        fputs("</td><td>", f);
        sj_html_str(f, x->message);
        fputs("</td></tr>", f);
    }
    fprintf(f, L(fs, "</table><p>%d findings.</p></section>", "</table><p>共 %d 项。</p></section>"),
            fs->n);
}

void sj_html_end(FILE *f) { fputs("</body></html>\n", f); }

void sj_report_findings_html(FILE *f, const sj_doc *c, const sj_doc *p,
                             const sj_findings *fs)
{
    sj_html_begin(f, "sijian-check");
    fputs("<h1>sijian-check</h1>", f);
    sj_html_section(f, c, p, fs, NULL);
    sj_html_end(f);
}
