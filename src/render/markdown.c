/* markdown.c - the Markdown format: a check or lint as the targets side
 * by side and a table of findings; a scan as a summary table linking
 * each plan's section. */
#include <string.h>

#include "render.h"

#define W(fs, m) sj_msg_text((m), (fs)->lang)

/* the parent's targets and the child's aligned with them */
static void side_by_side(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs)
{
    fprintf(f, "| %s | %s | %s | %s |\n| --- | --- | --- | --- |\n", W(fs, SJ_MSG_R_VERDICT),
            W(fs, SJ_MSG_R_INDICATOR), W(fs, SJ_MSG_R_PARENT), W(fs, SJ_MSG_R_CHILD));
    for (int i = 0; i < fs->npairs; i++) {
        const sj_pair *pr = &fs->pairs[i];
        const sj_target *pt = &p->targets[pr->parent];
        int k = sj_render_pair_finding(fs, c, p, pr);
        fprintf(f, "| %s | ", k < 0 ? (pr->child >= 0 ? W(fs, SJ_MSG_R_OK) : W(fs, SJ_MSG_R_NO_CHILD))
                                    : sj_finding_label((sj_finding_kind)sj_finding_kind_of(
                                                           fs->items[k].id), fs->lang));
        const char *ind = sj_target_indicator_name(pt) ? sj_target_indicator_name(pt) : pt->indicator;
        sj_md_esc(f, ind, strlen(ind));
        sj_pos q = sj_norm_pos(&p->norm, pt->span.start);
        fprintf(f, " | %d:%d ", q.line, q.column);
        sj_md_esc(f, p->norm.text + pt->span.start, pt->span.end - pt->span.start);
        fputs(" | ", f);
        if (pr->child >= 0) {
            const sj_target *ct = &c->targets[pr->child];
            q = sj_norm_pos(&c->norm, ct->span.start);
            fprintf(f, "%d:%d ", q.line, q.column);
            sj_md_esc(f, c->norm.text + ct->span.start, ct->span.end - ct->span.start);
        }
        fputs(" |\n", f);
    }
    fputs("\n", f);
}

void sj_markdown_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                         const char *heading)
{
    fprintf(f, "%s ", heading);
    sj_md_esc(f, sj_render_title(c), strlen(sj_render_title(c)));
    if (p != c) {
        fprintf(f, " %s ", W(fs, SJ_MSG_R_AGAINST));
        sj_md_esc(f, sj_render_title(p), strlen(sj_render_title(p)));
    }
    fputs("\n\n", f);
    sj_md_code(f, c->path);
    if (p != c) {
        fputs(" / ", f);
        sj_md_code(f, p->path);
    }
    fputs("\n\n", f);
    if (fs->npairs)
        side_by_side(f, c, p, fs);
    fprintf(f, "| %s | %s | %s | %s | %s |\n| --- | --- | --- | --- | --- |\n",
            W(fs, SJ_MSG_R_LEVEL), W(fs, SJ_MSG_R_ID), W(fs, SJ_MSG_R_CHILD), W(fs, SJ_MSG_R_PARENT),
            W(fs, SJ_MSG_R_MESSAGE));
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        fprintf(f, "| %s | %s | ", sj_severity_label(x->level, fs->lang), x->id);
        if (x->child_item >= 0) {
            sj_pos q = sj_norm_pos(&c->norm, x->child_span.start);
            sj_md_esc(f, c->path, strlen(c->path));
            fprintf(f, ":%d:%d", q.line, q.column);
        }
        fputs(" | ", f);
        if (x->parent_item >= 0 && p != c) {
            sj_pos q = sj_norm_pos(&p->norm, x->parent_span.start);
            sj_md_esc(f, p->path, strlen(p->path));
            fprintf(f, ":%d:%d", q.line, q.column);
        }
        fputs(" | ", f);
        sj_md_esc(f, x->message, strlen(x->message));
        fputs(" |\n", f);
    }
    fputc('\n', f);
    fprintf(f, W(fs, SJ_MSG_R_COUNT), fs->n);
    fputs("\n\n", f);
}

void sj_report_findings_markdown(FILE *f, const sj_doc *c, const sj_doc *p,
                                 const sj_findings *fs)
{
    sj_markdown_section(f, c, p, fs, "# sijian-check:");
}

static void md_scan_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                            int index)
{
    fprintf(f, "<a id=\"f%d\"></a>\n\n", index + 1);
    sj_markdown_section(f, c, p, fs, "##");
}

static void md_summary(FILE *f, const sj_scan_summary *s)
{
    fputs("# sijian-check scan\n\n", f);
    fprintf(f, "| %s | %s | %s | %s | %s |\n", W(s, SJ_MSG_R_FILE), W(s, SJ_MSG_R_PARENT),
            W(s, SJ_MSG_R_ERRORS), W(s, SJ_MSG_R_WARNINGS), W(s, SJ_MSG_R_INFO));
    fputs("| --- | --- | --- | --- | --- |\n", f);
    for (int i = 0; i < s->n; i++) {
        const sj_scan_row *r = &s->rows[i];
        if (r->error) {
            fputs("| ", f);
            sj_md_code(f, r->path);
            fputs(" | ", f);
            sj_md_esc(f, r->error, strlen(r->error));
            fputs(" | | | |\n", f);
            continue;
        }
        if (r->skipped) { /* a file not checked, with the reason */
            fputs("| ", f);
            sj_md_code(f, r->path);
            fprintf(f, " | %s", W(s, SJ_MSG_R_SKIPPED));
            sj_md_esc(f, r->skipped, strlen(r->skipped));
            fputs(" | | | |\n", f);
            continue;
        }
        fputs("| [", f);
        sj_md_code(f, r->path);
        fprintf(f, "](#f%d) | ", i + 1);
        if (r->parent)
            sj_md_code(f, r->parent);
        else
            fputs("(lint)", f);
        fprintf(f, " | %d | %d | %d |\n", r->counts[SJ_ERROR], r->counts[SJ_WARNING],
                r->counts[SJ_INFO]);
    }
    fputs("\n", f);
}

static void md_scan_end(FILE *f, const sj_scan_summary *s, FILE *spool)
{
    md_summary(f, s);
    if (spool)
        sj_copy_spool(spool, f);
}

const sj_renderer sj_render_markdown = {
    .name = "markdown", .fmt = SJ_FMT_MARKDOWN,
    .findings = sj_report_findings_markdown,
    .scan_section = md_scan_section, .scan_sep = "", .scan_spool = 1,
    .scan_end = md_scan_end,
};
