/* sarif.c - the SARIF 2.1.0 format: one run, the rules (every finding
 * id with its help text), one result per finding with the parent's place
 * as a related location; a scan puts every plan's results in the one run
 * and the files that failed among the tool's notifications. */
#include <string.h>

#include "render.h"


void sj_sarif_begin(FILE *f)
{
    fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
          "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"sijian-check\",\"informationUri\":"
          "\"https://example.invalid/sijian-check\",\"rules\":[", f);
    for (int i = 0; i < SJ_F_COUNT; i++) {
        const sj_finding_info *k = sj_finding_info_of((sj_finding_kind)i);
        fprintf(f, "%s{\"id\":\"%s\",\"shortDescription\":{\"text\":", i ? "," : "", k->id);
        sj_json_str(f, k->help, strlen(k->help));
        fputs("},\"help\":{\"text\":", f);
        sj_json_str(f, k->help, strlen(k->help));
        fputs("}}", f);
    }
    fputs("]}},\"results\":[", f);
}

static void sarif_loc(FILE *f, const sj_doc *d, sj_span s, int has)
{
    sj_pos q = {1, 1};
    if (has)
        q = sj_norm_pos(&d->norm, s.start);
    fputs("{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", f);
    sj_json_str(f, d->path, strlen(d->path));
    fprintf(f, "},\"region\":{\"startLine\":%d,\"startColumn\":%d", q.line, q.column);
    /* a container (docx, pdf, ...): the line is one of the text read from
     * it; the anchor says where that is in the file */
    const char *a = has ? sj_doc_anchor(d, q.line) : NULL;
    if (a) {
        fputs(",\"properties\":{\"anchor\":", f);
        sj_json_str(f, a, strlen(a));
        fputc('}', f);
    }
    fputs("}}", f);
}

void sj_sarif_results(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                      int *first)
{
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        int ri = sj_finding_kind_of(x->id);
        if (ri < 0)
            ri = 0;
        fprintf(f, "%s{\"ruleId\":\"%s\",\"ruleIndex\":%d,\"level\":\"%s\",\"message\":{\"text\":",
                *first ? "" : ",", x->id, ri,
                x->level == SJ_ERROR ? "error" : x->level == SJ_WARNING ? "warning" : "note");
        *first = 0;
        const char *a = x->child_item >= 0
                            ? sj_doc_anchor(c, sj_norm_pos(&c->norm, x->child_span.start).line)
                            : NULL;
        if (a) { /* the message names the place a person can find */
            sj_buf m = {0};
            sj_buf_addf(&m, "%s (%s)", x->message, a);
            sj_json_str(f, m.data, m.len);
            sj_buf_free(&m);
        } else {
            sj_json_str(f, x->message, strlen(x->message));
        }
        fputs("},\"locations\":[", f);
        sarif_loc(f, c, x->child_span, x->child_item >= 0);
        fputs("}]", f);
        if (x->parent_item >= 0 && p != c) {
            fputs(",\"relatedLocations\":[", f);
            sarif_loc(f, p, x->parent_span, 1);
            fputs(",\"id\":1,\"message\":{\"text\":\"parent\"}}]", f);
        }
        fputc('}', f);
    }
}

/* errors: files that could not be read, as tool notifications; then the
 * files a scan did not check (rows with skipped set), as notes */
static void sarif_end_rows(FILE *f, const char *const *errors, int nerrors,
                           const sj_scan_row *rows, int nrows)
{
    fprintf(f, "],\"invocations\":[{\"executionSuccessful\":%s,"
               "\"toolExecutionNotifications\":[", nerrors ? "false" : "true");
    for (int i = 0; i < nerrors; i++) {
        fprintf(f, "%s{\"level\":\"error\",\"message\":{\"text\":", i ? "," : "");
        sj_json_str(f, errors[i], strlen(errors[i]));
        fputs("}}", f);
    }
    int n = nerrors;
    for (int i = 0; i < nrows; i++) {
        if (!rows[i].skipped)
            continue;
        sj_buf m = {0};
        sj_buf_addf(&m, "%s: skipped: %s", rows[i].path, rows[i].skipped);
        fprintf(f, "%s{\"level\":\"note\",\"message\":{\"text\":", n++ ? "," : "");
        sj_json_str(f, m.data, m.len);
        fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", f);
        sj_json_str(f, rows[i].path, strlen(rows[i].path));
        fputs("}}}]}", f);
        sj_buf_free(&m);
    }
    fputs("]}]}]}\n", f);
}

void sj_sarif_end(FILE *f, const char *const *errors, int nerrors)
{
    sarif_end_rows(f, errors, nerrors, NULL, 0);
}

void sj_report_findings_sarif(FILE *f, const sj_doc *c, const sj_doc *p,
                              const sj_findings *fs)
{
    int first = 1;
    sj_sarif_begin(f);
    sj_sarif_results(f, c, p, fs, &first);
    sj_sarif_end(f, NULL, 0);
}

static void sarif_scan_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                               int index)
{
    (void)index;
    int first = 1;
    sj_sarif_results(f, c, p, fs, &first);
}

static void sarif_scan_end(FILE *f, const sj_scan_summary *s, FILE *spool)
{
    (void)spool;
    sarif_end_rows(f, s->errors, s->nerrors, s->rows, s->n);
}

const sj_renderer sj_render_sarif = {
    .name = "sarif", .fmt = SJ_FMT_SARIF,
    .findings = sj_report_findings_sarif,
    .scan_begin = sj_sarif_begin, .scan_section = sarif_scan_section, .scan_sep = ",",
    .scan_end = sarif_scan_end,
};
