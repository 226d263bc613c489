/* markdown.c - the Markdown format: a check or lint as the targets side
 * by side and a table of findings; a scan as a summary table linking
 * each plan's section. */
#include <string.h>

#include "render.h"

#define L(fs, en, zh) ((fs)->lang == SJ_LANG_ZH ? zh : en)

void sj_markdown_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                         const char *heading)
{
    fprintf(f, "%s ", heading);
    sj_md_esc(f, sj_render_title(c), strlen(sj_render_title(c)));
    if (p != c) {
        fputs(L(fs, " against ", " 对照 "), f);
        sj_md_esc(f, sj_render_title(p), strlen(sj_render_title(p)));
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
            int k = sj_render_pair_finding(fs, c, p, pr);
            fprintf(f, "| %s | ", k < 0 ? (pr->child >= 0 ? L(fs, "ok", "一致") : "-")
                                        : fs->items[k].id);
            const char *ind = pt->indicator_name ? pt->indicator_name : pt->indicator;
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
        sj_md_esc(f, x->message, strlen(x->message));
        fputs(" |\n", f);
    }
    fprintf(f, L(fs, "\n%d findings.\n\n", "\n共 %d 项。\n\n"), fs->n);
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
    fputs(s->lang == SJ_LANG_ZH ? "| 文件 | 上级方案 | 错误 | 警告 | 提示 |\n"
                                : "| file | parent | errors | warnings | info |\n", f);
    fputs("| --- | --- | --- | --- | --- |\n", f);
    for (int i = 0; i < s->n; i++) {
        const sj_scan_row *r = &s->rows[i];
        if (r->error) {
            fprintf(f, "| `%s` | %s | | | |\n", r->path, r->error);
            continue;
        }
        fprintf(f, "| [`%s`](#f%d) | %s%s%s | %d | %d | %d |\n", r->path, i + 1,
                r->parent ? "`" : "", r->parent ? r->parent : "(lint)",
                r->parent ? "`" : "", r->counts[SJ_ERROR], r->counts[SJ_WARNING],
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
