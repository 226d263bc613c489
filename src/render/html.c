/* html.c - the self-contained HTML format: a check or lint as the
 * targets side by side and a table of findings, rows coloured by level; a
 * scan as a summary table linking each plan's section. */
#include <string.h>

#include "render.h"

#define W(fs, m) sj_msg_text((m), (fs)->lang)

/* line:column and the quoted sentence of one side of a finding */
static void html_quote(FILE *f, const sj_doc *d, int has, sj_span s)
{
    if (!has)
        return;
    sj_pos q = sj_norm_pos(&d->norm, s.start);
    fprintf(f, "%d:%d <q>", q.line, q.column);
    sj_html_esc(f, d->norm.text + s.start, s.end - s.start);
    fputs("</q>", f);
}

/* The most severe finding about parent target pi (and its child target),
 * or -1. */
static const char *level_class(const sj_findings *fs, int k)
{
    return k < 0 ? "ok" : sj_severity_name(fs->items[k].level);
}

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

/* the parent's targets and the child's aligned with them */
static void side_by_side(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs)
{
    fprintf(f, "<h3>%s</h3><table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>",
            W(fs, SJ_MSG_R_SIDE_BY_SIDE), W(fs, SJ_MSG_R_VERDICT), W(fs, SJ_MSG_R_INDICATOR),
            W(fs, SJ_MSG_R_PARENT), W(fs, SJ_MSG_R_CHILD));
    for (int i = 0; i < fs->npairs; i++) {
        const sj_pair *pr = &fs->pairs[i];
        const sj_target *pt = &p->targets[pr->parent];
        int k = sj_render_pair_finding(fs, c, p, pr);
        const char *cls = k < 0 && pr->child < 0 ? "" : level_class(fs, k);
        fprintf(f, "<tr class=\"%s\"><td>%s</td><td>", cls,
                k < 0 ? (pr->child >= 0 ? W(fs, SJ_MSG_R_OK) : "-") : fs->items[k].id);
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
    sj_html_str(f, sj_render_title(c));
    fputs("</h2><p><code>", f);
    sj_html_str(f, c->path);
    fputs("</code>", f);
    if (p != c) {
        fprintf(f, " %s ", W(fs, SJ_MSG_R_CHECKED_AGAINST));
        sj_html_str(f, sj_render_title(p));
        fputs(" <code>", f);
        sj_html_str(f, p->path);
        fputs("</code>", f);
    }
    fputs("</p>", f);
    if (fs->npairs)
        side_by_side(f, c, p, fs);
    fprintf(f, "<h3>%s</h3><table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>",
            W(fs, SJ_MSG_R_FINDINGS), W(fs, SJ_MSG_R_LEVEL), W(fs, SJ_MSG_R_INDICATOR),
            W(fs, SJ_MSG_R_PARENT), W(fs, SJ_MSG_R_CHILD), W(fs, SJ_MSG_R_FINDING));
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
    fputs("</table><p>", f);
    fprintf(f, W(fs, SJ_MSG_R_COUNT), fs->n);
    fputs("</p></section>", f);
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

static void html_scan_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                              int index)
{
    char anchor[32];
    snprintf(anchor, sizeof anchor, "f%d", index + 1);
    sj_html_section(f, c, p, fs, anchor);
}

static void html_summary(FILE *f, const sj_scan_summary *s)
{
    fputs("<h1>sijian-check scan</h1><table><tr>", f);
    fprintf(f, "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>", W(s, SJ_MSG_R_FILE),
            W(s, SJ_MSG_R_PARENT), W(s, SJ_MSG_R_ERRORS), W(s, SJ_MSG_R_WARNINGS),
            W(s, SJ_MSG_R_INFO));
    fputs("</tr>", f);
    for (int i = 0; i < s->n; i++) {
        const sj_scan_row *r = &s->rows[i];
        if (r->skipped) { /* a file not checked, with the reason */
            fputs("<tr class=\"info\"><td>", f);
            sj_html_str(f, r->path);
            fputs("</td><td colspan=\"4\">", f);
            sj_html_str(f, W(s, SJ_MSG_R_SKIPPED));
            sj_html_str(f, r->skipped);
            fputs("</td></tr>", f);
            continue;
        }
        const char *cls = r->error ? "error" : r->counts[SJ_ERROR] ? "error"
                        : r->counts[SJ_WARNING] ? "warning" : "ok";
        fprintf(f, "<tr class=\"%s\"><td>", cls);
        if (r->error) {
            sj_html_str(f, r->path);
            fputs("</td><td colspan=\"4\">", f);
            sj_html_str(f, r->error);
            fputs("</td></tr>", f);
            continue;
        }
        fprintf(f, "<a href=\"#f%d\">", i + 1);
        sj_html_str(f, r->path);
        fputs("</a></td><td>", f);
        sj_html_str(f, r->parent ? r->parent : "(lint)");
        fprintf(f, "</td><td>%d</td><td>%d</td><td>%d</td></tr>", r->counts[SJ_ERROR],
                r->counts[SJ_WARNING], r->counts[SJ_INFO]);
    }
    fputs("</table>", f);
}

static void html_scan_end(FILE *f, const sj_scan_summary *s, FILE *spool)
{
    sj_html_begin(f, "sijian-check scan");
    html_summary(f, s);
    if (spool)
        sj_copy_spool(spool, f);
    sj_html_end(f);
}

const sj_renderer sj_render_html = {
    .name = "html", .fmt = SJ_FMT_HTML,
    .findings = sj_report_findings_html,
    .scan_section = html_scan_section, .scan_sep = "", .scan_spool = 1,
    .scan_end = html_scan_end,
};
