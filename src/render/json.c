/* json.c - the JSON formats: --extract as an array of documents with
 * their metadata, sections, targets, deadlines and agencies; a check or
 * lint as one object (findings, alignment, summary); a scan as an array
 * of those (json) or one line each (jsonl), with the files that failed. */
#include <stdlib.h>
#include <string.h>

#include "render.h"

static void jstr(FILE *f, const char *s)
{
    if (!s)
        fputs("null", f);
    else
        sj_json_str(f, s, strlen(s));
}

/* the normalized text is UTF-8 (NFKC of decoded text): not checked again */
static void jspan(FILE *f, const sj_doc *d, sj_span s)
{
    sj_json_str_utf8(f, d->norm.text + s.start, s.end - s.start);
}

/* ,"anchor":"paragraph 12" for a line of a container's text; nothing for
 * plain text */
static void janchor(FILE *f, const sj_doc *d, int line)
{
    const char *a = sj_doc_anchor(d, line);
    if (a) {
        fputs(",\"anchor\":", f);
        sj_json_str(f, a, strlen(a));
    }
}

/* an int in decimal, as %d writes it (fprintf parses its format for
 * each of the several numbers of every item) */
static void jd(FILE *f, int v)
{
    char b[16];
    int n = (int)sizeof b;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        b[--n] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        b[--n] = '-';
    fwrite(b + n, 1, sizeof b - (size_t)n, f);
}

/* key then an int: ,"line":12 */
static void jkd(FILE *f, const char *key, int v)
{
    fputs(key, f);
    jd(f, v);
}

static void jint(FILE *f, int v)
{
    if (v)
        jd(f, v);
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

static void json_begin(FILE *f) { fputs("[\n", f); }

static void json_end(FILE *f) { fputs("\n]\n", f); }

/* the file, its encoding and the metadata object */
static void json_metadata(FILE *f, const sj_doc *d)
{
    fputs("{\"file\":", f);
    jstr(f, d->path);
    if (d->format) /* the container it was read from: docx, pdf, ... */
        fprintf(f, ",\"format\":\"%s\"", d->format);
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
    if (d->index_no) { /* 索引号 of a portal page (containers only) */
        fputs(",\"index_no\":", f);
        jstr(f, d->index_no);
    }
    fprintf(f, ",\"level\":\"%s\",\"cites\":[", sj_level_name(d->level));
    for (int i = 0; i < d->ncites; i++) {
        fputs(i ? ",{\"title\":" : "{\"title\":", f);
        jstr(f, d->cites[i].title);
        fputs(",\"docno\":", f);
        jstr(f, d->cites[i].docno);
        fputc('}', f);
    }
}

/* the sections, each a heading with its place */
static void json_sections(FILE *f, const sj_doc *d)
{
    for (int i = 0; i < d->nsections; i++) {
        const sj_section *s = &d->sections[i];
        sj_pos p = sj_norm_pos(&d->norm, s->line.start);
        fputs(i ? ",\n  " : "\n  ", f);
        jkd(f, "{\"line\":", p.line);
        jkd(f, ",\"column\":", p.column);
        jkd(f, ",\"level\":", s->level);
        jkd(f, ",\"parent\":", s->parent);
        fputs(",\"number\":", f);
        jspan(f, d, s->number);
        fputs(",\"title\":", f);
        jspan(f, d, s->title);
        janchor(f, d, p.line);
        fputc('}', f);
    }
}

/* the targets with their values, units, years and agencies */
static void json_targets(FILE *f, const sj_doc *d)
{
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        sj_pos p = sj_norm_pos(&d->norm, t->span.start);
        sj_pos pe = sj_norm_pos(&d->norm, t->span.end ? t->span.end - 1 : 0);
        fputs(i ? ",\n  " : "\n  ", f);
        jkd(f, "{\"line\":", p.line);
        jkd(f, ",\"column\":", p.column);
        jkd(f, ",\"end_line\":", pe.line);
        fputs(",\"text\":", f);
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
        fputs(",\"comparator\":\"", f);
        fputs(t->comparator, f);
        fputs("\",\"change\":\"", f);
        fputs(t->change, f);
        fputs("\",\"base_year\":", f);
        jint(f, t->base_year);
        fputs(",\"target_year\":", f);
        jint(f, t->target_year);
        fputs(t->deferred ? ",\"deferred\":true,\"agencies\":"
                          : ",\"deferred\":false,\"agencies\":", f);
        jagency_roles(f, d, t->agency);
        fputs(t->from_table ? ",\"source\":\"table\",\"rule\":"
                            : ",\"source\":\"prose\",\"rule\":", f);
        jstr(f, t->rule);
        janchor(f, d, p.line);
        fputc('}', f);
    }
}

/* the deadlines with their tasks */
static void json_deadlines(FILE *f, const sj_doc *d)
{
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        sj_pos p = sj_norm_pos(&d->norm, dl->span.start);
        fputs(i ? ",\n  " : "\n  ", f);
        jkd(f, "{\"line\":", p.line);
        jkd(f, ",\"column\":", p.column);
        fputs(",\"text\":", f);
        jspan(f, d, dl->span);
        fputs(",\"year\":", f);
        jint(f, dl->year);
        fputs(",\"month\":", f);
        jint(f, dl->month);
        fputs(",\"from_year\":", f);
        jint(f, dl->from_year);
        fputs(",\"kind\":\"", f);
        fputs(dl->kind, f);
        fputs("\",\"task\":", f);
        jspan(f, d, dl->task);
        fputs(",\"agencies\":", f);
        jagency_roles(f, d, dl->agency);
        janchor(f, d, p.line);
        fputc('}', f);
    }
}

/* the responsibility parentheticals and table cells */
static void json_agencies(FILE *f, const sj_doc *d)
{
    for (int i = 0; i < d->nagencies; i++) {
        const sj_agency *a = &d->agencies[i];
        sj_pos p = sj_norm_pos(&d->norm, a->span.start);
        fputs(i ? ",\n  " : "\n  ", f);
        jkd(f, "{\"line\":", p.line);
        jkd(f, ",\"column\":", p.column);
        fputs(",\"text\":", f);
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
        fputs(a->from_table ? ",\"source\":\"table\"" : ",\"source\":\"parenthetical\"", f);
        janchor(f, d, p.line);
        fputc('}', f);
    }
}

static void json_doc(FILE *f, const sj_doc *d, int first)
{
    if (!first)
        fputs(",\n", f);
    json_metadata(f, d);
    fputs("]},\n \"sections\":[", f);
    json_sections(f, d);
    fputs("],\n \"targets\":[", f);
    json_targets(f, d);
    fputs("],\n \"deadlines\":[", f);
    json_deadlines(f, d);
    fputs("],\n \"agencies\":[", f);
    json_agencies(f, d);
    fputs("]}", f);
}

static void loc(FILE *f, const sj_doc *d, int has, sj_span s)
{
    if (!has) {
        fputs("null", f);
        return;
    }
    sj_pos p = sj_norm_pos(&d->norm, s.start);
    fputs("{\"file\":", f);
    sj_json_str(f, d->path, strlen(d->path));
    fprintf(f, ",\"line\":%d,\"column\":%d,\"text\":", p.line, p.column);
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
        const char *ind = pt->indicator_name ? pt->indicator_name : pt->indicator;
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
