/* csv.c - the CSV format: one row per target, deadline and agency that
 * --extract found, under one header line; each row ends with the plan's
 * title and level and, for a deadline, the task it governs. The command
 * line puts a UTF-8 byte order mark before it (unless --no-bom) so that
 * spreadsheets read it as UTF-8. No check report. */
#include <string.h>

#include "render.h"

static void csv_begin(FILE *f)
{
    fputs("file,category,line,column,text,indicator,indicator_id,value,unit,"
          "comparator,change,base_year,target_year,deferred,kind,year,month,"
          "lead,coop,title,level,task\n", f);
}

static void csv_str(FILE *f, const char *s, size_t len) { sj_csv_str(f, s, len); }

static void csv_names(FILE *f, const sj_names *n)
{
    sj_buf b = {0};
    for (int i = 0; i < n->n; i++) {
        if (i)
            sj_buf_adds(&b, "、");
        sj_buf_adds(&b, n->names[i]);
    }
    csv_str(f, b.data ? b.data : "", b.len);
    sj_buf_free(&b);
}

/* the plan's title and level, the task (NULL: none), end of row */
static void row_end(FILE *f, const sj_doc *d, const sj_span *task)
{
    fputc(',', f);
    if (d->title)
        csv_str(f, d->title, strlen(d->title));
    fprintf(f, ",%s,", sj_level_name(d->level));
    if (task && task->end > task->start && task->end <= d->norm.len)
        csv_str(f, d->norm.text + task->start, task->end - task->start);
    fputc('\n', f);
}

static void csv_doc(FILE *f, const sj_doc *d, int first)
{
    (void)first;
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        sj_pos p = sj_norm_pos(&d->norm, t->span.start);
        csv_str(f, d->path, strlen(d->path));
        fprintf(f, ",target,%d,%d,", p.line, p.column);
        csv_str(f, d->norm.text + t->span.start, t->span.end - t->span.start);
        fputc(',', f);
        csv_str(f, t->indicator, strlen(t->indicator));
        fprintf(f, ",%s,", sj_target_indicator_id(t) ? sj_target_indicator_id(t) : "");
        if (!t->deferred)
            fprintf(f, "%g", t->value);
        fprintf(f, ",");
        csv_str(f, sj_target_unit(t), strlen(sj_target_unit(t)));
        fprintf(f, ",%s,%s,", t->comparator, t->change);
        if (t->base_year) fprintf(f, "%d", t->base_year);
        fputc(',', f);
        if (t->target_year) fprintf(f, "%d", t->target_year);
        fprintf(f, ",%s,,,,", t->deferred ? "true" : "false");
        if (t->agency >= 0) {
            csv_names(f, &d->agencies[t->agency].who->lead);
            fputc(',', f);
            csv_names(f, &d->agencies[t->agency].who->coop);
        } else
            fputc(',', f);
        row_end(f, d, NULL);
    }
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        sj_pos p = sj_norm_pos(&d->norm, dl->span.start);
        csv_str(f, d->path, strlen(d->path));
        fprintf(f, ",deadline,%d,%d,", p.line, p.column);
        csv_str(f, d->norm.text + dl->span.start, dl->span.end - dl->span.start);
        fprintf(f, ",,,,,,,,,,%s,", sj_deadline_kind(d, dl));
        if (dl->year) fprintf(f, "%d", dl->year);
        fputc(',', f);
        if (dl->month) fprintf(f, "%d", dl->month);
        fputs(",,", f);
        row_end(f, d, &dl->task);
    }
    for (int i = 0; i < d->nagencies; i++) {
        const sj_agency *a = &d->agencies[i];
        sj_pos p = sj_norm_pos(&d->norm, a->span.start);
        csv_str(f, d->path, strlen(d->path));
        fprintf(f, ",agency,%d,%d,", p.line, p.column);
        csv_str(f, d->norm.text + a->span.start, a->span.end - a->span.start);
        fputs(",,,,,,,,,,,,,", f);
        csv_names(f, &a->who->lead);
        fputc(',', f);
        csv_names(f, &a->who->coop);
        row_end(f, d, NULL);
    }
}

const sj_renderer sj_render_csv = {
    .name = "csv", .fmt = SJ_FMT_CSV,
    .extract_begin = csv_begin, .extract_doc = csv_doc,
};
