/* text.c - the plain text format: one line per target, deadline and
 * agency (--extract), one line per finding (check, lint) with the
 * parent's text on a note line after it; a scan is the plans' lines in
 * path order. */
#include <string.h>

#include "render.h"

/* " (paragraph 12)": where line `line` of a container's text is in the
 * original file; nothing for plain text */
static void anchor(FILE *f, const sj_doc *d, int line)
{
    const char *a = sj_doc_anchor(d, line);
    if (a)
        fprintf(f, " (%s)", a);
}

static void text_doc(FILE *f, const sj_doc *d, int first)
{
    (void)first;
    sj_name_put(f, d->path);
    fprintf(f, ": %s, level %s, %s", d->title ? d->title : "(no title)",
            sj_level_name(d->level), d->dec.encoding);
    if (d->period_from)
        fprintf(f, ", period %d-%d", d->period_from, d->period_to);
    fprintf(f, "\n");
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        sj_pos p = sj_norm_pos(&d->norm, t->span.start);
        sj_name_put(f, d->path);
        fprintf(f, ":%d:%d: target: %s %s ", p.line, p.column,
                t->indicator, t->comparator);
        if (t->deferred)
            fprintf(f, "(deferred to the level above)");
        else
            fprintf(f, "%g%s", t->value, sj_target_unit(t));
        if (t->target_year)
            fprintf(f, " by %d", t->target_year);
        anchor(f, d, p.line);
        fputc('\n', f);
    }
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        sj_pos p = sj_norm_pos(&d->norm, dl->span.start);
        sj_name_put(f, d->path);
        fprintf(f, ":%d:%d: deadline: %.*s (%s", p.line, p.column,
                (int)(dl->span.end - dl->span.start), d->norm.text + dl->span.start,
                sj_deadline_kind(d, dl));
        if (dl->year) fprintf(f, " %d", dl->year);
        if (dl->month) fprintf(f, "-%02d", dl->month);
        fputc(')', f);
        anchor(f, d, p.line);
        fputc('\n', f);
    }
    for (int i = 0; i < d->nagencies; i++) {
        const sj_agency *a = &d->agencies[i];
        sj_pos p = sj_norm_pos(&d->norm, a->span.start);
        sj_name_put(f, d->path);
        fprintf(f, ":%d:%d: agency: %.*s", p.line, p.column,
                (int)(a->span.end - a->span.start), d->norm.text + a->span.start);
        anchor(f, d, p.line);
        fputc('\n', f);
    }
}

/* ANSI colours of the levels on a terminal (sj_findings.color) */
static const char *const COLOUR[3] = {"\033[1;36m", "\033[1;33m", "\033[1;31m"};
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static void findings_lines(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs)
{
    int col = fs->color;
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        sj_pos cp = {1, 1}, pp;
        if (x->child_item >= 0)
            cp = sj_norm_pos(&c->norm, x->child_span.start);
        if (col)
            fputs(BOLD, f);
        sj_name_put(f, c->path);
        fprintf(f, ":%d:%d:%s %s%s:%s %s %s[%s]%s", cp.line, cp.column, col ? RESET : "",
                col ? COLOUR[x->level] : "", sj_severity_label(x->level, fs->lang),
                col ? RESET : "", x->message, col ? DIM : "", x->id, col ? RESET : "");
        if (x->child_item >= 0)
            anchor(f, c, cp.line);
        fputc('\n', f);
        if (x->parent_item >= 0) {
            pp = sj_norm_pos(&p->norm, x->parent_span.start);
            sj_name_put(f, p->path);
            fprintf(f, ":%d:%d: %s%.*s", pp.line, pp.column,
                    sj_msg_text(SJ_MSG_R_PARENT_TEXT, fs->lang), (int)(x->parent_span.end - x->parent_span.start),
                    p->norm.text + x->parent_span.start);
            anchor(f, p, pp.line);
            fputc('\n', f);
            if (x->parent_also.end) {
                pp = sj_norm_pos(&p->norm, x->parent_also.start);
                sj_name_put(f, p->path);
                fprintf(f, ":%d:%d: %s%.*s", pp.line, pp.column,
                        sj_msg_text(SJ_MSG_R_PARENT_TEXT, fs->lang),
                        (int)(x->parent_also.end - x->parent_also.start),
                        p->norm.text + x->parent_also.start);
                anchor(f, p, pp.line);
                fputc('\n', f);
            }
        }
    }
}

static void summary_line(FILE *f, const int counts[3], int files, sj_lang lang)
{
    fprintf(f, sj_msg_text(SJ_MSG_R_SUMMARY, lang), counts[SJ_ERROR], counts[SJ_WARNING],
            counts[SJ_INFO], files);
    fputc('\n', f);
}

/* the findings, then the summary line */
void sj_report_findings_text(FILE *f, const sj_doc *c, const sj_doc *p,
                             const sj_findings *fs)
{
    findings_lines(f, c, p, fs);
    int counts[3] = {0};
    for (int i = 0; i < fs->n; i++)
        counts[fs->items[i].level]++;
    summary_line(f, counts, 1, fs->lang);
}

static void text_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                         int index)
{
    (void)index;
    findings_lines(f, c, p, fs);
}

/* a scan: the summary line of every plan checked */
static void text_scan_end(FILE *f, const sj_scan_summary *s, FILE *spool)
{
    (void)spool;
    int counts[3] = {0}, files = 0;
    for (int i = 0; i < s->n; i++) {
        if (s->rows[i].error)
            continue;
        files++;
        for (int l = 0; l < 3; l++)
            counts[l] += s->rows[i].counts[l];
    }
    summary_line(f, counts, files, s->lang);
}

const sj_renderer sj_render_text = {
    .name = "text", .fmt = SJ_FMT_TEXT,
    .extract_doc = text_doc,
    .findings = sj_report_findings_text,
    .scan_section = text_section, .scan_sep = "", .scan_end = text_scan_end,
};
