#include "report.h"

#include <string.h>

void sj_json_str(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    size_t run = 0; /* start of the bytes not yet written */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        fwrite(s + run, 1, i - run, f);
        run = i + 1;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else
            fprintf(f, "\\u%04x", c);
    }
    fwrite(s + run, 1, len - run, f);
    fputc('"', f);
}

static void jstr(FILE *f, const char *s)
{
    if (!s)
        fputs("null", f);
    else
        sj_json_str(f, s, strlen(s));
}

static void jspan(FILE *f, const sj_doc *d, sj_span s)
{
    sj_json_str(f, d->norm.text + s.start, s.end - s.start);
}

static void jint(FILE *f, int v)
{
    if (v)
        fprintf(f, "%d", v);
    else
        fputs("null", f);
}

static void jnames(FILE *f, const sj_names *n, int canon)
{
    fputc('[', f);
    for (int i = 0; i < n->n; i++) {
        if (i)
            fputc(',', f);
        jstr(f, canon ? n->canon[i] : n->names[i]);
    }
    fputc(']', f);
}

static void jagency_roles(FILE *f, const sj_doc *d, int ai)
{
    if (ai < 0) {
        fputs("{\"lead\":[],\"coop\":[]}", f);
        return;
    }
    const sj_agency *a = &d->agencies[ai];
    fputs("{\"lead\":", f);
    jnames(f, &a->lead, 0);
    fputs(",\"coop\":", f);
    jnames(f, &a->coop, 0);
    fputs("}", f);
}

void sj_report_extract_begin(FILE *f, sj_format fmt)
{
    if (fmt == SJ_FMT_JSON)
        fputs("[\n", f);
    else if (fmt == SJ_FMT_CSV)
        fputs("file,category,line,column,text,indicator,indicator_id,value,unit,"
              "comparator,change,base_year,target_year,deferred,kind,year,month,"
              "lead,coop\n", f);
}

void sj_report_extract_end(FILE *f, sj_format fmt)
{
    if (fmt == SJ_FMT_JSON)
        fputs("\n]\n", f);
}

static void csv_str(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            fputc('"', f);
        fputc(s[i] == '\n' ? ' ' : s[i], f);
    }
    fputc('"', f);
}

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

static void extract_csv(FILE *f, const sj_doc *d)
{
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        sj_pos p = sj_norm_pos(&d->norm, t->span.start);
        csv_str(f, d->path, strlen(d->path));
        fprintf(f, ",target,%d,%d,", p.line, p.column);
        csv_str(f, d->norm.text + t->span.start, t->span.end - t->span.start);
        fputc(',', f);
        csv_str(f, t->indicator, strlen(t->indicator));
        fprintf(f, ",%s,", t->indicator_id ? t->indicator_id : "");
        if (!t->deferred)
            fprintf(f, "%g", t->value);
        fprintf(f, ",");
        csv_str(f, t->unit, strlen(t->unit));
        fprintf(f, ",%s,%s,", t->comparator, t->change);
        if (t->base_year) fprintf(f, "%d", t->base_year);
        fputc(',', f);
        if (t->target_year) fprintf(f, "%d", t->target_year);
        fprintf(f, ",%s,,,,", t->deferred ? "true" : "false");
        if (t->agency >= 0) {
            csv_names(f, &d->agencies[t->agency].lead);
            fputc(',', f);
            csv_names(f, &d->agencies[t->agency].coop);
        } else
            fputc(',', f);
        fputc('\n', f);
    }
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        sj_pos p = sj_norm_pos(&d->norm, dl->span.start);
        csv_str(f, d->path, strlen(d->path));
        fprintf(f, ",deadline,%d,%d,", p.line, p.column);
        csv_str(f, d->norm.text + dl->span.start, dl->span.end - dl->span.start);
        fprintf(f, ",,,,,,,,,,%s,", dl->kind);
        if (dl->year) fprintf(f, "%d", dl->year);
        fputc(',', f);
        if (dl->month) fprintf(f, "%d", dl->month);
        fputs(",,\n", f);
    }
    for (int i = 0; i < d->nagencies; i++) {
        const sj_agency *a = &d->agencies[i];
        sj_pos p = sj_norm_pos(&d->norm, a->span.start);
        csv_str(f, d->path, strlen(d->path));
        fprintf(f, ",agency,%d,%d,", p.line, p.column);
        csv_str(f, d->norm.text + a->span.start, a->span.end - a->span.start);
        fputs(",,,,,,,,,,,,,", f);
        csv_names(f, &a->lead);
        fputc(',', f);
        csv_names(f, &a->coop);
        fputc('\n', f);
    }
}

static void extract_text(FILE *f, const sj_doc *d)
{
    fprintf(f, "%s: %s, level %s, %s", d->path, d->title ? d->title : "(no title)",
            sj_level_name(d->level), d->dec.encoding);
    if (d->period_from)
        fprintf(f, ", period %d-%d", d->period_from, d->period_to);
    fprintf(f, "\n");
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        sj_pos p = sj_norm_pos(&d->norm, t->span.start);
        fprintf(f, "%s:%d:%d: target: %s %s ", d->path, p.line, p.column,
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
        fprintf(f, "%s:%d:%d: deadline: %.*s (%s", d->path, p.line, p.column,
                (int)(dl->span.end - dl->span.start), d->norm.text + dl->span.start,
                dl->kind);
        if (dl->year) fprintf(f, " %d", dl->year);
        if (dl->month) fprintf(f, "-%02d", dl->month);
        fputs(")\n", f);
    }
    for (int i = 0; i < d->nagencies; i++) {
        const sj_agency *a = &d->agencies[i];
        sj_pos p = sj_norm_pos(&d->norm, a->span.start);
        fprintf(f, "%s:%d:%d: agency: %.*s\n", d->path, p.line, p.column,
                (int)(a->span.end - a->span.start), d->norm.text + a->span.start);
    }
}

void sj_report_extract_doc(FILE *f, sj_format fmt, const sj_doc *d, int first)
{
    if (fmt == SJ_FMT_CSV) {
        extract_csv(f, d);
        return;
    }
    if (fmt == SJ_FMT_TEXT) {
        extract_text(f, d);
        return;
    }
    if (!first)
        fputs(",\n", f);
    fputs("{\"file\":", f);
    jstr(f, d->path);
    fprintf(f, ",\"encoding\":\"%s\",\"metadata\":{\"title\":", d->dec.encoding);
    jstr(f, d->title);
    fputs(",\"docno\":", f);
    jstr(f, d->docno);
    fputs(",\"issuer\":", f);
    jstr(f, d->issuer);
    fputs(",\"date\":", f);
    jstr(f, d->date);
    fputs(",\"period\":", f);
    if (d->period_from)
        fprintf(f, "{\"from\":%d,\"to\":%d}", d->period_from, d->period_to);
    else
        fputs("null", f);
    fprintf(f, ",\"level\":\"%s\",\"cites\":[", sj_level_name(d->level));
    for (int i = 0; i < d->ncites; i++) {
        fputs(i ? ",{\"title\":" : "{\"title\":", f);
        jstr(f, d->cites[i].title);
        fputs(",\"docno\":", f);
        jstr(f, d->cites[i].docno);
        fputc('}', f);
    }
    fputs("]},\n \"sections\":[", f);
    for (int i = 0; i < d->nsections; i++) {
        const sj_section *s = &d->sections[i];
        sj_pos p = sj_norm_pos(&d->norm, s->line.start);
        fprintf(f, "%s\n  {\"line\":%d,\"column\":%d,\"level\":%d,\"parent\":%d,\"number\":",
                i ? "," : "", p.line, p.column, s->level, s->parent);
        jspan(f, d, s->number);
        fputs(",\"title\":", f);
        jspan(f, d, s->title);
        fputc('}', f);
    }
    fputs("],\n \"targets\":[", f);
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        sj_pos p = sj_norm_pos(&d->norm, t->span.start);
        sj_pos pe = sj_norm_pos(&d->norm, t->span.end ? t->span.end - 1 : 0);
        fprintf(f, "%s\n  {\"line\":%d,\"column\":%d,\"end_line\":%d,\"text\":",
                i ? "," : "", p.line, p.column, pe.line);
        jspan(f, d, t->span);
        fputs(",\"indicator\":", f);
        jstr(f, t->indicator);
        fputs(",\"indicator_id\":", f);
        jstr(f, t->indicator_id);
        fputs(",\"value\":", f);
        if (t->deferred)
            fputs("null", f);
        else
            fprintf(f, "%.10g", t->value);
        fputs(",\"unit\":", f);
        jstr(f, t->unit);
        fprintf(f, ",\"comparator\":\"%s\",\"change\":\"%s\",\"base_year\":",
                t->comparator, t->change);
        jint(f, t->base_year);
        fputs(",\"target_year\":", f);
        jint(f, t->target_year);
        fprintf(f, ",\"deferred\":%s,\"agencies\":", t->deferred ? "true" : "false");
        jagency_roles(f, d, t->agency);
        fprintf(f, ",\"source\":\"%s\",\"rule\":", t->from_table ? "table" : "prose");
        jstr(f, t->rule);
        fputc('}', f);
    }
    fputs("],\n \"deadlines\":[", f);
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        sj_pos p = sj_norm_pos(&d->norm, dl->span.start);
        fprintf(f, "%s\n  {\"line\":%d,\"column\":%d,\"text\":", i ? "," : "",
                p.line, p.column);
        jspan(f, d, dl->span);
        fputs(",\"year\":", f);
        jint(f, dl->year);
        fputs(",\"month\":", f);
        jint(f, dl->month);
        fputs(",\"from_year\":", f);
        jint(f, dl->from_year);
        fprintf(f, ",\"kind\":\"%s\",\"task\":", dl->kind);
        jspan(f, d, dl->task);
        fputs(",\"agencies\":", f);
        jagency_roles(f, d, dl->agency);
        fputc('}', f);
    }
    fputs("],\n \"agencies\":[", f);
    for (int i = 0; i < d->nagencies; i++) {
        const sj_agency *a = &d->agencies[i];
        sj_pos p = sj_norm_pos(&d->norm, a->span.start);
        fprintf(f, "%s\n  {\"line\":%d,\"column\":%d,\"text\":", i ? "," : "",
                p.line, p.column);
        jspan(f, d, a->span);
        fputs(",\"lead\":", f);
        jnames(f, &a->lead, 0);
        fputs(",\"coop\":", f);
        jnames(f, &a->coop, 0);
        fputs(",\"implement\":", f);
        jnames(f, &a->implement, 0);
        fputs(",\"lead_canonical\":", f);
        jnames(f, &a->lead, 1);
        fputs(",\"coop_canonical\":", f);
        jnames(f, &a->coop, 1);
        fprintf(f, ",\"source\":\"%s\"}", a->from_table ? "table" : "parenthetical");
    }
    fputs("]}", f);
}
