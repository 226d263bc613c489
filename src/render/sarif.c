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
    sj_uri_str(f, d->path);
    fprintf(f, "},\"region\":{\"startLine\":%d,\"startColumn\":%d}}", q.line, q.column);
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
        sj_json_str(f, x->message, strlen(x->message));
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

/* errors: files that could not be read, as tool notifications */
void sj_sarif_end(FILE *f, const char *const *errors, int nerrors)
{
    fprintf(f, "],\"invocations\":[{\"executionSuccessful\":%s,"
               "\"toolExecutionNotifications\":[", nerrors ? "false" : "true");
    for (int i = 0; i < nerrors; i++) {
        fprintf(f, "%s{\"level\":\"error\",\"message\":{\"text\":", i ? "," : "");
        sj_json_str(f, errors[i], strlen(errors[i]));
        fputs("}}", f);
    }
    fputs("]}]}]}\n", f);
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
    sj_sarif_end(f, s->errors, s->nerrors);
}

const sj_renderer sj_render_sarif = {
    .name = "sarif", .fmt = SJ_FMT_SARIF,
    .findings = sj_report_findings_sarif,
    .scan_begin = sj_sarif_begin, .scan_section = sarif_scan_section, .scan_sep = ",",
    .scan_end = sarif_scan_end,
};
