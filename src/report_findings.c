/* report_findings.c - SARIF 2.1.0, Markdown and self-contained HTML
 * renderings of cross-check findings. */
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
};
#define NRULES (int)(sizeof RULES / sizeof RULES[0])

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

void sj_report_findings_sarif(FILE *f, const sj_doc *c, const sj_doc *p,
                              const sj_findings *fs)
{
    (void)p;
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
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        int ri = 0;
        for (int k = 0; k < NRULES; k++)
            if (!strcmp(RULES[k].id, x->id))
                ri = k;
        sj_pos cp = {1, 1};
        if (x->child_item >= 0)
            cp = sj_norm_pos(&c->norm, x->child_span.start);
        fprintf(f, "%s{\"ruleId\":\"%s\",\"ruleIndex\":%d,\"level\":\"%s\",\"message\":{\"text\":",
                i ? "," : "", x->id, ri,
                x->level == SJ_ERROR ? "error" : x->level == SJ_WARNING ? "warning" : "note");
        sj_json_str(f, x->message, strlen(x->message));
        fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", f);
        sj_json_str(f, c->path, strlen(c->path));
        fprintf(f, "},\"region\":{\"startLine\":%d,\"startColumn\":%d}}}]", cp.line, cp.column);
        if (x->parent_item >= 0) {
            sj_pos pp = sj_norm_pos(&p->norm, x->parent_span.start);
            fputs(",\"relatedLocations\":[{\"id\":1,\"physicalLocation\":{\"artifactLocation\":{\"uri\":", f);
            sj_json_str(f, p->path, strlen(p->path));
            fprintf(f, "},\"region\":{\"startLine\":%d,\"startColumn\":%d}},\"message\":{\"text\":\"parent\"}}]",
                    pp.line, pp.column);
        }
        fputc('}', f);
    }
    fputs("]}]}\n", f);
}

void sj_report_findings_markdown(FILE *f, const sj_doc *c, const sj_doc *p,
                                 const sj_findings *fs)
{
    fprintf(f, "# sijian-check: %s against %s\n\n", c->title ? c->title : c->path,
            p->title ? p->title : p->path);
    fputs("| level | id | child | parent | message |\n| --- | --- | --- | --- | --- |\n", f);
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        fprintf(f, "| %s | %s | ", sj_severity_name(x->level), x->id);
        if (x->child_item >= 0) {
            sj_pos q = sj_norm_pos(&c->norm, x->child_span.start);
            fprintf(f, "%s:%d:%d", c->path, q.line, q.column);
        }
        fputs(" | ", f);
        if (x->parent_item >= 0) {
            sj_pos q = sj_norm_pos(&p->norm, x->parent_span.start);
            fprintf(f, "%s:%d:%d", p->path, q.line, q.column);
        }
        fprintf(f, " | %s |\n", x->message);
    }
    fprintf(f, "\n%d findings.\n", fs->n);
}

void sj_report_findings_html(FILE *f, const sj_doc *c, const sj_doc *p,
                             const sj_findings *fs)
{
    fputs("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>sijian-check</title>"
          "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
          "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
          ".error{background:#fdd}.warning{background:#ffd}.info{background:#eef}"
          "q{color:#333}</style></head><body><h1>", f);
    html_esc(f, c->title ? c->title : c->path, strlen(c->title ? c->title : c->path));
    fputs("</h1><p>checked against ", f);
    html_esc(f, p->title ? p->title : p->path, strlen(p->title ? p->title : p->path));
    fputs("</p><table><tr><th>verdict</th><th>indicator</th><th>parent</th><th>child</th><th>finding</th></tr>", f);
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        fprintf(f, "<tr class=\"%s\"><td>%s<br><small>%s</small></td><td>",
                sj_severity_name(x->level), sj_severity_name(x->level), x->id);
        html_esc(f, x->indicator, strlen(x->indicator));
        fputs("</td><td>", f);
        html_quote(f, p, x->parent_item >= 0, x->parent_span);
        fputs("</td><td>", f);
        html_quote(f, c, x->child_item >= 0, x->child_span);
        fputs("</td><td>", f);
        html_esc(f, x->message, strlen(x->message));
        fputs("</td></tr>", f);
    }
    fprintf(f, "</table><p>%d findings.</p></body></html>\n", fs->n);
}
