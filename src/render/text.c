/* text.c - the plain text format: one line per target, deadline and
 * agency (--extract), one line per finding (check, lint) with the
 * parent's text on a note line after it; a scan is the plans' lines in
 * path order. */
#include <string.h>

#include "render.h"


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
            fprintf(f, "%g%s", t->value, t->unit);
        if (t->target_year)
            fprintf(f, " by %d", t->target_year);
        fputc('\n', f);
    }
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        sj_pos p = sj_norm_pos(&d->norm, dl->span.start);
        sj_name_put(f, d->path);
        fprintf(f, ":%d:%d: deadline: %.*s (%s", p.line, p.column,
                (int)(dl->span.end - dl->span.start), d->norm.text + dl->span.start,
                dl->kind);
        if (dl->year) fprintf(f, " %d", dl->year);
        if (dl->month) fprintf(f, "-%02d", dl->month);
        fputs(")\n", f);
    }
    for (int i = 0; i < d->nagencies; i++) {
        const sj_agency *a = &d->agencies[i];
        sj_pos p = sj_norm_pos(&d->norm, a->span.start);
        sj_name_put(f, d->path);
        fprintf(f, ":%d:%d: agency: %.*s\n", p.line, p.column,
                (int)(a->span.end - a->span.start), d->norm.text + a->span.start);
    }
}

void sj_report_findings_text(FILE *f, const sj_doc *c, const sj_doc *p,
                             const sj_findings *fs)
{
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        sj_pos cp = {1, 1}, pp;
        if (x->child_item >= 0)
            cp = sj_norm_pos(&c->norm, x->child_span.start);
        sj_name_put(f, c->path);
        fprintf(f, ":%d:%d: %s: %s [%s]\n", cp.line, cp.column,
                sj_severity_label(x->level, fs->lang), x->message, x->id);
        if (x->parent_item >= 0) {
            pp = sj_norm_pos(&p->norm, x->parent_span.start);
            sj_name_put(f, p->path);
            fprintf(f, ":%d:%d: %s%.*s\n", pp.line, pp.column,
                    sj_msg_text(SJ_MSG_R_PARENT_TEXT, fs->lang), (int)(x->parent_span.end - x->parent_span.start),
                    p->norm.text + x->parent_span.start);
        }
    }
}

static void text_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                         int index)
{
    (void)index;
    sj_report_findings_text(f, c, p, fs);
}

const sj_renderer sj_render_text = {
    .name = "text", .fmt = SJ_FMT_TEXT,
    .extract_doc = text_doc,
    .findings = sj_report_findings_text,
    .scan_section = text_section, .scan_sep = "",
};
