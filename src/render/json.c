/* json.c - the JSON formats: --extract as an array of documents with
 * their metadata, sections, targets, deadlines and agencies; a check or
 * lint as one object (findings, alignment, summary); a scan as an array
 * of those (json) or one line each (jsonl), with the files that failed. */
#include <stdlib.h>
#include <string.h>

#include "render.h"

/* --extract writes through a writer (sj_jw, render.h): one fwrite per
 * 32 KB of output, not one stdio call per piece */

static void jstr(sj_jw *w, const char *s)
{
    if (!s)
        sj_jw_put(w, "null", 4);
    else
        sj_jw_str(w, s, strlen(s));
}

/* the normalized text is UTF-8 (NFKC of decoded text): not checked again */
static void jspan(sj_jw *w, const sj_doc *d, sj_span s)
{
    sj_jw_str_utf8(w, d->norm.text + s.start, s.end - s.start);
}

/* ,"anchor":"paragraph 12" for a line of a container's text; nothing for
 * plain text */
static void janchor_w(sj_jw *w, const sj_doc *d, int line)
{
    const char *a = sj_doc_anchor(d, line);
    if (a) {
        sj_jw_puts(w, ",\"anchor\":");
        sj_jw_str(w, a, strlen(a));
    }
}

static void janchor(FILE *f, const sj_doc *d, int line)
{
    const char *a = sj_doc_anchor(d, line);
    if (a) {
        fputs(",\"anchor\":", f);
        sj_json_str(f, a, strlen(a));
    }
}

/* an int in decimal, as %d writes it (printf parses its format for each
 * of the several numbers of every item) */
static void jd(sj_jw *w, int v)
{
    char b[16];
    int n = (int)sizeof b;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        b[--n] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        b[--n] = '-';
    sj_jw_put(w, b + n, sizeof b - (size_t)n);
}

/* key then an int: ,"line":12 */
static void jkd(sj_jw *w, const char *key, int v)
{
    sj_jw_puts(w, key);
    jd(w, v);
}

static void jint(sj_jw *w, int v)
{
    if (v)
        jd(w, v);
    else
        sj_jw_put(w, "null", 4);
}

static void jnames(sj_jw *w, const sj_names *n, int canon)
{
    sj_jw_putc(w, '[');
    for (int i = 0; i < n->n; i++) {
        if (i)
            sj_jw_putc(w, ',');
        jstr(w, canon ? n->canon[i] : n->names[i]);
    }
    sj_jw_putc(w, ']');
}

static void jagency_roles(sj_jw *w, const sj_doc *d, int ai)
{
    if (ai < 0) {
        sj_jw_puts(w, "{\"lead\":[],\"coop\":[]}");
        return;
    }
    const sj_agency *a = &d->agencies[ai];
    sj_jw_puts(w, "{\"lead\":");
    jnames(w, &a->who->lead, 0);
    sj_jw_puts(w, ",\"coop\":");
    jnames(w, &a->who->coop, 0);
    sj_jw_putc(w, '}');
}

static void json_begin(FILE *f) { fputs("[\n", f); }

static void json_end(FILE *f) { fputs("\n]\n", f); }

/* the file, its encoding and the metadata object */
static void json_metadata(sj_jw *w, const sj_doc *d)
{
    sj_jw_puts(w, "{\"file\":");
    jstr(w, d->path);
    if (d->format) { /* the container it was read from: docx, pdf, ... */
        sj_jw_puts(w, ",\"format\":\"");
        sj_jw_puts(w, d->format);
        sj_jw_putc(w, '"');
    }
    sj_jw_puts(w, ",\"encoding\":\"");
    sj_jw_puts(w, d->dec.encoding);
    sj_jw_puts(w, "\",\"metadata\":{\"title\":");
    jstr(w, d->title);
    sj_jw_puts(w, ",\"docno\":");
    jstr(w, d->docno);
    sj_jw_puts(w, ",\"issuer\":");
    jstr(w, d->issuer);
    sj_jw_puts(w, ",\"date\":");
    jstr(w, d->date);
    sj_jw_puts(w, ",\"period\":");
    if (d->period_from) {
        jkd(w, "{\"from\":", d->period_from);
        jkd(w, ",\"to\":", d->period_to);
        sj_jw_putc(w, '}');
    } else {
        sj_jw_put(w, "null", 4);
    }
    if (d->index_no) { /* 索引号 of a portal page (containers only) */
        sj_jw_puts(w, ",\"index_no\":");
        jstr(w, d->index_no);
    }
    sj_jw_puts(w, ",\"level\":\"");
    sj_jw_puts(w, sj_level_name(d->level));
    sj_jw_puts(w, "\",\"cites\":[");
    for (int i = 0; i < d->ncites; i++) {
        sj_jw_puts(w, i ? ",{\"title\":" : "{\"title\":");
        jstr(w, d->cites[i].title);
        sj_jw_puts(w, ",\"docno\":");
        jstr(w, d->cites[i].docno);
        sj_jw_putc(w, '}');
    }
}

/* the sections, each a heading with its place */
static void json_sections(sj_jw *w, const sj_doc *d)
{
    for (int i = 0; i < d->nsections; i++) {
        const sj_section *s = &d->sections[i];
        sj_pos p = sj_norm_pos(&d->norm, s->line_start);
        sj_jw_puts(w, i ? ",\n  " : "\n  ");
        jkd(w, "{\"line\":", p.line);
        jkd(w, ",\"column\":", p.column);
        jkd(w, ",\"level\":", s->level);
        jkd(w, ",\"parent\":", s->parent);
        sj_jw_puts(w, ",\"number\":");
        jspan(w, d, s->number);
        sj_jw_puts(w, ",\"title\":");
        jspan(w, d, s->title);
        janchor_w(w, d, p.line);
        sj_jw_putc(w, '}');
    }
}

/* the targets with their values, units, years and agencies */
static void json_targets(sj_jw *w, const sj_doc *d)
{
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        sj_pos p = sj_norm_pos(&d->norm, t->span.start);
        sj_pos pe = sj_span_last_pos(d, t->span);
        sj_jw_puts(w, i ? ",\n  " : "\n  ");
        jkd(w, "{\"line\":", p.line);
        jkd(w, ",\"column\":", p.column);
        jkd(w, ",\"end_line\":", pe.line);
        sj_jw_puts(w, ",\"text\":");
        jspan(w, d, t->span);
        sj_jw_puts(w, ",\"indicator\":");
        jstr(w, t->indicator);
        sj_jw_puts(w, ",\"indicator_id\":");
        jstr(w, sj_target_indicator_id(t));
        sj_jw_puts(w, ",\"value\":");
        if (t->deferred) {
            sj_jw_put(w, "null", 4);
        } else {
            char v[40];
            int n = sj_fmt_g10(v, t->value);
            sj_jw_put(w, v, n > 0 ? (size_t)n : 0);
        }
        sj_jw_puts(w, ",\"unit\":");
        jstr(w, sj_target_unit(t));
        sj_jw_puts(w, ",\"comparator\":\"");
        sj_jw_puts(w, t->comparator);
        sj_jw_puts(w, "\",\"change\":\"");
        sj_jw_puts(w, t->change);
        sj_jw_puts(w, "\",\"base_year\":");
        jint(w, t->base_year);
        sj_jw_puts(w, ",\"target_year\":");
        jint(w, t->target_year);
        sj_jw_puts(w, t->deferred ? ",\"deferred\":true,\"agencies\":"
                                  : ",\"deferred\":false,\"agencies\":");
        jagency_roles(w, d, t->agency);
        sj_jw_puts(w, t->from_table ? ",\"source\":\"table\",\"rule\":"
                                    : ",\"source\":\"prose\",\"rule\":");
        jstr(w, t->rule);
        janchor_w(w, d, p.line);
        sj_jw_putc(w, '}');
    }
}

/* the deadlines with their tasks */
static void json_deadlines(sj_jw *w, const sj_doc *d)
{
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        sj_pos p = sj_norm_pos(&d->norm, dl->span.start);
        sj_jw_puts(w, i ? ",\n  " : "\n  ");
        jkd(w, "{\"line\":", p.line);
        jkd(w, ",\"column\":", p.column);
        sj_jw_puts(w, ",\"text\":");
        jspan(w, d, dl->span);
        sj_jw_puts(w, ",\"year\":");
        jint(w, dl->year);
        sj_jw_puts(w, ",\"month\":");
        jint(w, dl->month);
        sj_jw_puts(w, ",\"from_year\":");
        jint(w, dl->from_year);
        sj_jw_puts(w, ",\"kind\":\"");
        sj_jw_puts(w, sj_deadline_kind(d, dl));
        sj_jw_puts(w, "\",\"task\":");
        jspan(w, d, dl->task);
        sj_jw_puts(w, ",\"agencies\":");
        jagency_roles(w, d, dl->agency);
        janchor_w(w, d, p.line);
        sj_jw_putc(w, '}');
    }
}

/* the responsibility parentheticals and table cells */
static void json_agencies(sj_jw *w, const sj_doc *d)
{
    for (int i = 0; i < d->nagencies; i++) {
        const sj_agency *a = &d->agencies[i];
        sj_pos p = sj_norm_pos(&d->norm, a->span.start);
        sj_jw_puts(w, i ? ",\n  " : "\n  ");
        jkd(w, "{\"line\":", p.line);
        jkd(w, ",\"column\":", p.column);
        sj_jw_puts(w, ",\"text\":");
        jspan(w, d, a->span);
        sj_jw_puts(w, ",\"lead\":");
        jnames(w, &a->who->lead, 0);
        sj_jw_puts(w, ",\"coop\":");
        jnames(w, &a->who->coop, 0);
        sj_jw_puts(w, ",\"implement\":");
        jnames(w, &a->who->implement, 0);
        sj_jw_puts(w, ",\"lead_canonical\":");
        jnames(w, &a->who->lead, 1);
        sj_jw_puts(w, ",\"coop_canonical\":");
        jnames(w, &a->who->coop, 1);
        sj_jw_puts(w, a->from_table ? ",\"source\":\"table\"" : ",\"source\":\"parenthetical\"");
        janchor_w(w, d, p.line);
        sj_jw_putc(w, '}');
    }
}

static void json_doc(FILE *f, const sj_doc *d, int first)
{
    sj_jw w;
    sj_jw_init(&w, f);
    if (!first)
        sj_jw_puts(&w, ",\n");
    json_metadata(&w, d);
    sj_jw_puts(&w, "]},\n \"sections\":[");
    json_sections(&w, d);
    sj_jw_puts(&w, "],\n \"targets\":[");
    json_targets(&w, d);
    sj_jw_puts(&w, "],\n \"deadlines\":[");
    json_deadlines(&w, d);
    sj_jw_puts(&w, "],\n \"agencies\":[");
    json_agencies(&w, d);
    sj_jw_puts(&w, "]}");
    sj_jw_flush(&w);
}

static void loc(FILE *f, const sj_doc *d, int has, sj_span s)
{
    if (!has) {
        fputs("null", f);
        return;
    }
    sj_pos p = sj_norm_pos(&d->norm, s.start);
    sj_pos e = sj_span_last_pos(d, s); /* (营造修复 | 红树林450亩) */
    fputs("{\"file\":", f);
    sj_json_str(f, d->path, strlen(d->path));
    fprintf(f, ",\"line\":%d,\"column\":%d,\"end_line\":%d,\"text\":", p.line, p.column,
            e.line);
    sj_json_str(f, d->norm.text + s.start, s.end - s.start);
    janchor(f, d, p.line);
    fputc('}', f);
}

static void meta(FILE *f, const sj_doc *d)
{
    fputs("{\"file\":", f);
    sj_json_str(f, d->path, strlen(d->path));
    fputs(",\"title\":", f);
    if (d->title) sj_json_str(f, d->title, strlen(d->title)); else fputs("null", f);
    fprintf(f, ",\"level\":\"%s\"}", sj_level_name(d->level));
}

void sj_report_findings_json(FILE *f, const sj_doc *c, const sj_doc *p,
                             const sj_findings *fs)
{
    int counts[3] = {0};
    fputs("{\"child\":", f);
    meta(f, c);
    fputs(",\"parent\":", f);
    if (p != c)
        meta(f, p);
    else
        fputs("null", f);
    fputs(",\"findings\":[", f);
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        counts[x->level]++;
        fprintf(f, "%s\n {\"id\":\"%s\",\"level\":\"%s\",\"message\":", i ? "," : "",
                x->id, sj_severity_name(x->level));
        sj_json_str(f, x->message, strlen(x->message));
        fputs(",\"indicator\":", f);
        sj_json_str(f, x->indicator, strlen(x->indicator));
        fputs(",\"child\":", f);
        loc(f, c, x->child_item >= 0, x->child_span);
        fputs(",\"parent\":", f);
        loc(f, p, x->parent_item >= 0, x->parent_span);
        if (x->parent_item >= 0 && x->parent_also.end) {
            fputs(",\"parent_also\":", f);
            loc(f, p, 1, x->parent_also);
        }
        if (x->has_values)
            fprintf(f, ",\"child_value\":%g,\"parent_value\":%g", x->child_value, x->parent_value);
        else
            fputs(",\"child_value\":null,\"parent_value\":null", f);
        fprintf(f, ",\"confidence\":%.2f}", x->confidence);
    }
    fputs("],\n\"alignment\":[", f);
    for (int i = 0; i < fs->npairs; i++) {
        const sj_pair *pr = &fs->pairs[i];
        const sj_target *pt = &p->targets[pr->parent];
        fprintf(f, "%s\n {\"indicator\":", i ? "," : "");
        const char *ind = sj_target_indicator_name(pt) ? sj_target_indicator_name(pt) : pt->indicator;
        sj_json_str(f, ind, strlen(ind));
        fputs(",\"parent\":", f);
        loc(f, p, 1, pt->span);
        fputs(",\"child\":", f);
        loc(f, c, pr->child >= 0, pr->child >= 0 ? c->targets[pr->child].span : pt->span);
        fprintf(f, ",\"confidence\":%.2f}", pr->confidence);
    }
    fprintf(f, "],\n\"summary\":{\"error\":%d,\"warning\":%d,\"info\":%d}}\n",
            counts[SJ_ERROR], counts[SJ_WARNING], counts[SJ_INFO]);
}

static void json_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                         int index)
{
    (void)index;
    sj_report_findings_json(f, c, p, fs);
}

/* one line per file: the report's own newlines are layout only */
static void jsonl_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                          int index)
{
    (void)index;
    char *buf = NULL;
    size_t len = 0;
    FILE *ms = open_memstream(&buf, &len);
    if (!ms)
        return;
    sj_report_findings_json(ms, c, p, fs);
    fclose(ms);
    /* the runs between newlines, written whole (not a byte at a time) */
    for (size_t q = 0; q < len;) {
        const char *nl = memchr(buf + q, '\n', len - q);
        size_t end = nl ? (size_t)(nl - buf) : len;
        fwrite(buf + q, 1, end - q, f);
        q = end + 1;
    }
    fputc('\n', f);
    free(buf);
}

static void error_object(FILE *f, const char *path, const char *err)
{
    fputs("{\"file\":", f);
    sj_json_str(f, path, strlen(path));
    fputs(",\"error\":", f);
    sj_json_str(f, err, strlen(err));
}

static int json_error(FILE *f, const char *path, const char *err, int nwritten)
{
    if (nwritten)
        fputs(",\n", f);
    error_object(f, path, err);
    fputs("}", f);
    return 1;
}

static int jsonl_error(FILE *f, const char *path, const char *err, int nwritten)
{
    (void)nwritten;
    error_object(f, path, err);
    fputs("}\n", f);
    return 1;
}

/* a file not checked: {"file":..., "skipped": why} */
static int json_skipped(FILE *f, const char *path, const char *why, int nwritten)
{
    if (nwritten)
        fputs(",\n", f);
    fputs("{\"file\":", f);
    sj_json_str(f, path, strlen(path));
    fputs(",\"skipped\":", f);
    sj_json_str(f, why, strlen(why));
    fputs("}", f);
    return 1;
}

static int jsonl_skipped(FILE *f, const char *path, const char *why, int nwritten)
{
    json_skipped(f, path, why, 0);
    (void)nwritten;
    fputc('\n', f);
    return 1;
}

/* the walk's notes (symlinks, unreadable folders), as SARIF has them */
static void notes(FILE *f, const sj_scan_summary *s, const char *sep, const char *end)
{
    for (int i = 0; i < s->nnotes && i < s->nerrors; i++) {
        /* after the plans' elements: a JSON array has one per plan */
        if (i || s->n)
            fputs(sep, f);
        fputs("{\"note\":", f);
        sj_json_str(f, s->errors[i], strlen(s->errors[i]));
        fputs(end, f);
    }
}

static void json_scan_end(FILE *f, const sj_scan_summary *s, FILE *spool)
{
    (void)spool;
    notes(f, s, ",\n", "}");
    json_end(f);
}

static void jsonl_scan_end(FILE *f, const sj_scan_summary *s, FILE *spool)
{
    (void)spool;
    notes(f, s, "", "}\n");
}

const sj_renderer sj_render_json = {
    .name = "json", .fmt = SJ_FMT_JSON,
    .extract_begin = json_begin, .extract_doc = json_doc, .extract_end = json_end,
    .findings = sj_report_findings_json,
    .scan_begin = json_begin, .scan_section = json_section, .scan_sep = ",\n",
    .scan_error = json_error, .scan_end = json_scan_end,
    .scan_skipped = json_skipped,
};

/* JSON Lines: as json, but a scan writes one line per plan */
const sj_renderer sj_render_jsonl = {
    .name = "jsonl", .fmt = SJ_FMT_JSON,
    .extract_begin = json_begin, .extract_doc = json_doc, .extract_end = json_end,
    .findings = sj_report_findings_json,
    .scan_section = jsonl_section, .scan_sep = "",
    .scan_error = jsonl_error, .scan_end = jsonl_scan_end,
    .scan_skipped = jsonl_skipped,
};
