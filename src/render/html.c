/* html.c - the self-contained HTML format (no network; a few lines of
 * inline script): a check or lint as its totals, every finding in the
 * side-by-side view (the parent's targets with the child's beside them,
 * then the deadlines and agencies), filters by level, and a table of
 * findings with their messages; rows coloured by level; `lang` is the
 * report's. A scan as the totals, a summary table (file, title, parent,
 * counts) linking each plan's section. With --lang zh the quotes are the
 * plans' original text (full-width punctuation as written). */
#include <stdlib.h>
#include <string.h>

#include "render.h"

#define W(fs, m) sj_msg_text((m), (fs)->lang)

/* the text of span s: the normalized text, or in zh the original */
static void quote_text(FILE *f, const sj_doc *d, sj_span s, sj_lang lang)
{
    if (lang == SJ_LANG_ZH && d->norm.src) {
        size_t a = sj_norm_src(&d->norm, s.start), b = sj_norm_src(&d->norm, s.end);
        if (a < b && b <= d->norm.src_len) {
            sj_html_esc(f, d->norm.src + a, b - a);
            return;
        }
    }
    sj_html_esc(f, d->norm.text + s.start, s.end - s.start);
}

/* line:column and the quoted sentence of one side of a finding */
static void html_quote(FILE *f, const sj_doc *d, int has, sj_span s, sj_lang lang)
{
    if (!has)
        return;
    sj_pos q = sj_norm_pos(&d->norm, s.start);
    fprintf(f, "<small>%d:%d</small> <q>", q.line, q.column);
    quote_text(f, d, s, lang);
    fputs("</q>", f);
}

static const char *level_class(const sj_findings *fs, int k)
{
    return k < 0 ? "ok" : sj_severity_name(fs->items[k].level);
}

/* the verdict of finding k: its id (en) or Chinese label (zh) */
static const char *verdict(const sj_findings *fs, int k)
{
    return sj_finding_label((sj_finding_kind)sj_finding_kind_of(fs->items[k].id), fs->lang);
}

void sj_html_begin(FILE *f, const char *title, sj_lang lang)
{
    fprintf(f, "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\"><title>",
            lang == SJ_LANG_ZH ? "zh" : "en");
    sj_html_str(f, title);
    fputs("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}"
          "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
          ".error{background:#fdd}.warning{background:#ffd}.info{background:#eef}.ok{background:#dfd}"
          "q{color:#333}small{color:#666}td:first-child{white-space:nowrap}.totals span{display:inline-block;padding:4px 10px;"
          "margin-right:6px;border-radius:4px;font-weight:bold}#filters{margin:1em 0}"
          "#filters label{margin-right:1em}.hide-error tr.error,.hide-warning tr.warning,"
          ".hide-info tr.info,.hide-ok tr.ok{display:none}</style></head><body>",
          f);
}

/* the totals of the report and the level filters (inline script) */
static void totals(FILE *f, const int counts[3], sj_lang lang)
{
    fprintf(f, "<p class=\"totals\"><span class=\"error\">%d %s</span><span class=\"warning\">"
               "%d %s</span><span class=\"info\">%d %s</span></p>",
            counts[SJ_ERROR], sj_msg_text(SJ_MSG_R_ERRORS, lang), counts[SJ_WARNING],
            sj_msg_text(SJ_MSG_R_WARNINGS, lang), counts[SJ_INFO],
            sj_msg_text(SJ_MSG_R_INFO, lang));
    fprintf(f, "<div id=\"filters\">%s: ", sj_msg_text(SJ_MSG_R_SHOW, lang));
    const char *cls[4] = {"error", "warning", "info", "ok"};
    const char *lab[4] = {sj_severity_label(SJ_ERROR, lang), sj_severity_label(SJ_WARNING, lang),
                          sj_severity_label(SJ_INFO, lang), sj_msg_text(SJ_MSG_R_OK, lang)};
    for (int i = 0; i < 4; i++)
        fprintf(f, "<label class=\"%s\"><input type=\"checkbox\" checked data-level=\"%s\"> %s"
                   "</label>", cls[i], cls[i], lab[i]);
    fputs("</div><script>document.querySelectorAll('#filters input').forEach(function(c){"
          "c.addEventListener('change',function(){document.body.classList.toggle("
          "'hide-'+c.dataset.level,!c.checked);});});</script>", f);
}

/* every finding beside the two plans' texts: the parent's targets with
 * the child's aligned with them, then the findings about deadlines,
 * agencies and the rest (no parent target of their own) */
static void side_by_side(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs)
{
    fprintf(f, "<h3>%s</h3><table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>",
            W(fs, SJ_MSG_R_SIDE_BY_SIDE), W(fs, SJ_MSG_R_VERDICT), W(fs, SJ_MSG_R_INDICATOR),
            W(fs, SJ_MSG_R_PARENT), W(fs, SJ_MSG_R_CHILD));
    char *shown = fs->n ? xcalloc((size_t)fs->n, 1) : NULL;
    for (int i = 0; i < fs->npairs; i++) {
        const sj_pair *pr = &fs->pairs[i];
        const sj_target *pt = &p->targets[pr->parent];
        int k = sj_render_pair_finding(fs, c, p, pr);
        if (k >= 0 && shown)
            shown[k] = 1;
        const char *cls = k < 0 && pr->child < 0 ? "info" : level_class(fs, k);
        fprintf(f, "<tr class=\"%s\"><td>%s</td><td>", cls,
                k >= 0 ? verdict(fs, k) : pr->child >= 0 ? W(fs, SJ_MSG_R_OK)
                                                         : W(fs, SJ_MSG_R_NO_CHILD));
        sj_html_str(f, sj_target_indicator_name(pt) ? sj_target_indicator_name(pt) : pt->indicator);
        fputs("</td><td>", f);
        html_quote(f, p, 1, pt->span, fs->lang);
        fputs("</td><td>", f);
        if (pr->child >= 0)
            html_quote(f, c, 1, c->targets[pr->child].span, fs->lang);
        fputs("</td></tr>", f);
    }
    int header = 0;
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        if (shown && shown[i])
            continue;
        if (!header++)
            fprintf(f, "<tr><th colspan=\"4\">%s</th></tr>", W(fs, SJ_MSG_R_DEADLINES_AGENCIES));
        fprintf(f, "<tr class=\"%s\"><td>%s</td><td>", sj_severity_name(x->level),
                verdict(fs, i));
        sj_html_str(f, x->indicator);
        fputs("</td><td>", f);
        html_quote(f, p, x->parent_item >= 0 && p != c, x->parent_span, fs->lang);
        fputs("</td><td>", f);
        html_quote(f, c, x->child_item >= 0, x->child_span, fs->lang);
        fputs("</td></tr>", f);
    }
    free(shown);
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
    if (fs->npairs || fs->n)
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
        html_quote(f, p, x->parent_item >= 0 && p != c, x->parent_span, fs->lang);
        fputs("</td><td>", f);
        html_quote(f, c, x->child_item >= 0, x->child_span, fs->lang);
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
    sj_html_begin(f, "sijian-check", fs->lang);
    fputs("<h1>sijian-check</h1>", f);
    int counts[3] = {0};
    for (int i = 0; i < fs->n; i++)
        counts[fs->items[i].level]++;
    totals(f, counts, fs->lang);
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
    int counts[3] = {0};
    for (int i = 0; i < s->n; i++)
        for (int l = 0; l < 3; l++)
            counts[l] += s->rows[i].error ? 0 : s->rows[i].counts[l];
    fputs("<h1>sijian-check scan</h1>", f);
    totals(f, counts, s->lang);
    fputs("<table><tr>", f);
    fprintf(f, "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>",
            W(s, SJ_MSG_R_FILE), W(s, SJ_MSG_R_TITLE), W(s, SJ_MSG_R_PARENT),
            W(s, SJ_MSG_R_ERRORS), W(s, SJ_MSG_R_WARNINGS), W(s, SJ_MSG_R_INFO));
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
            fputs("</td><td colspan=\"5\">", f);
            sj_html_str(f, r->error);
            fputs("</td></tr>", f);
            continue;
        }
        fprintf(f, "<a href=\"#f%d\">", i + 1);
        sj_html_str(f, r->path);
        fputs("</a></td><td>", f);
        sj_html_str(f, r->title ? r->title : "");
        fputs("</td><td>", f);
        sj_html_str(f, r->parent ? r->parent : "(lint)");
        fprintf(f, "</td><td>%d</td><td>%d</td><td>%d</td></tr>", r->counts[SJ_ERROR],
                r->counts[SJ_WARNING], r->counts[SJ_INFO]);
    }
    fputs("</table>", f);
}

static void html_scan_end(FILE *f, const sj_scan_summary *s, FILE *spool)
{
    sj_html_begin(f, "sijian-check scan", s->lang);
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
