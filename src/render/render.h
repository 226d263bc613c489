/* render.h - every report of the program, by format: what --extract
 * found in plans, the findings of a check or a lint, and a scan's report
 * of many plans. One row per format in one table (render.c); a format is
 * one file (text.c, json.c, csv.c, sarif.c, markdown.c, html.c) and one
 * row. A renderer only writes to the FILE it is given.
 *
 * A format leaves NULL what it does not render: csv has no findings,
 * sarif, markdown and html no extract. For a lint (no parent) pass p == c. */
#ifndef SJ_RENDER_H
#define SJ_RENDER_H

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "findings.h"

typedef enum { SJ_FMT_TEXT, SJ_FMT_JSON, SJ_FMT_CSV, SJ_FMT_SARIF, SJ_FMT_MARKDOWN, SJ_FMT_HTML } sj_format;

/* One plan of a scan, for the report's summary and footer. */
typedef struct {
    const char *path;
    const char *error;  /* why it could not be read; NULL if it was checked */
    const char *skipped; /* why it was not checked (not a plan); NULL if it was */
    const char *parent; /* its parent's path; NULL when linted */
    int counts[3];      /* findings per sj_severity */
    const char *title;  /* the plan's title, NULL if none found */
} sj_scan_row;

typedef struct {
    const sj_scan_row *rows; /* in path order */
    int n;
    const char *const *errors; /* every file that failed, notes of the walk first */
    int nerrors;
    sj_lang lang;
    int nnotes; /* how many of errors are notes of the walk (symlinks, folders) */
} sj_scan_summary;

typedef struct {
    const char *name; /* as --format says it */
    sj_format fmt;
    /* --extract: before the first document, each document, after the last */
    void (*extract_begin)(FILE *f);
    void (*extract_doc)(FILE *f, const sj_doc *d, int first);
    void (*extract_end)(FILE *f);
    /* the report of one check or lint */
    void (*findings)(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs);
    /* a scan: scan_begin before any section; each plan's section (index:
     * its place in path order) is rendered apart and written after
     * scan_sep unless it is the first written or empty; scan_error writes
     * a file that could not be read where its section would be, or
     * nothing (returns whether it wrote); scan_end gets the summary and,
     * for a format with scan_spool, the sections written so far, since it
     * puts a summary before them. scan_section NULL: no scan report. */
    void (*scan_begin)(FILE *f);
    void (*scan_section)(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                         int index);
    const char *scan_sep;
    int (*scan_error)(FILE *f, const char *path, const char *err, int nwritten);
    /* a file not checked (a format that holds no plan, a text that is not a
     * plan): as scan_error, with the reason; NULL: not in the report */
    int (*scan_skipped)(FILE *f, const char *path, const char *why, int nwritten);
    int scan_spool;
    void (*scan_end)(FILE *f, const sj_scan_summary *s, FILE *spool);
} sj_renderer;

/* The renderer of a --format name, NULL if there is none. */
const sj_renderer *sj_render_find(const char *name);
/* The renderer of a format (the first row that has it). */
const sj_renderer *sj_render_of(sj_format fmt);

/* Shared pieces of the formats (render.c). Names (file paths, messages
 * that name files) are bytes: where a format shows one it is valid UTF-8
 * (read as GB18030 when it is not UTF-8, else the other bytes as \xNN)
 * with control characters written \n, \t, \xNN. */
/* a JSON string, always valid UTF-8 (as for names) */
void sj_json_str(FILE *f, const char *s, size_t len);
/* sj_json_str of text known to be UTF-8 (a document's normalized text) */
void sj_json_str_utf8(FILE *f, const char *s, size_t len);
/* Output in runs (issue 16): the pieces of a report gathered in a buffer
 * (on the caller's stack) and written with one fwrite per SJ_JW_SIZE
 * bytes, not one stdio call per piece; the bytes are the same. Flush
 * before writing to f otherwise and at the end. */
#define SJ_JW_SIZE 32768
typedef struct {
    FILE *f;
    size_t n;
    char b[SJ_JW_SIZE];
} sj_jw;
/* an empty writer to f (the buffer is left as it is) */
static inline void sj_jw_init(sj_jw *w, FILE *f)
{
    w->f = f;
    w->n = 0;
}
void sj_jw_flush(sj_jw *w);
void sj_jw_put_long(sj_jw *w, const char *s, size_t n);
static inline void sj_jw_put(sj_jw *w, const char *s, size_t n)
{
    if (n <= SJ_JW_SIZE - w->n) {
        memcpy(w->b + w->n, s, n);
        w->n += n;
    } else {
        sj_jw_put_long(w, s, n);
    }
}
static inline void sj_jw_puts(sj_jw *w, const char *s) { sj_jw_put(w, s, strlen(s)); }
static inline void sj_jw_putc(sj_jw *w, char c)
{
    if (w->n == SJ_JW_SIZE)
        sj_jw_flush(w);
    w->b[w->n++] = c;
}
/* sj_json_str and sj_json_str_utf8 into w */
void sj_jw_str(sj_jw *w, const char *s, size_t len);
void sj_jw_str_utf8(sj_jw *w, const char *s, size_t len);
/* v as printf's "%.10g" writes it, into b (at least 32 bytes); returns
 * the length. Integers and numbers of up to three decimals are written
 * without printf (it parses its format and converts digit by digit). */
int sj_fmt_g10(char *b, double v);
/* a name as shown (text) */
void sj_name_put(FILE *f, const char *name);
/* s (a title, name or message) shown as a name, < > & " escaped for HTML */
void sj_html_str(FILE *f, const char *s);
void sj_html_esc(FILE *f, const char *s, size_t n);
/* Markdown table cells and text: | and newlines would break the row, HTML
 * would stay live after pandoc (< > & escaped), controls are \xNN */
void sj_md_esc(FILE *f, const char *s, size_t n);
/* a name as a Markdown code span (fenced by more backticks than it holds,
 * | escaped for tables) */
void sj_md_code(FILE *f, const char *s);
/* a CSV cell: quoted, "" doubled, newlines as spaces, controls \xNN, and a
 * cell starting = + - @ prefixed with ' (no spreadsheet formulas) */
void sj_csv_str(FILE *f, const char *s, size_t len);
/* copies what was written to `from` (a spool file) to `to` */
void sj_copy_spool(FILE *from, FILE *to);
const char *sj_render_title(const sj_doc *d);
/* Where span s's last character stands (its start when s is empty): a
 * text a copy broke across lines ends on a later line than it starts. */
sj_pos sj_span_last_pos(const sj_doc *d, sj_span s);
/* The most severe finding about pair pr's parent target (and its child
 * target), or -1. */
int sj_render_pair_finding(const sj_findings *fs, const sj_doc *c, const sj_doc *p,
                           const sj_pair *pr);

/* The formats' entry points (also reached through the table). */
void sj_report_findings_text(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs);
void sj_report_findings_json(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs);
void sj_report_findings_sarif(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs);
void sj_report_findings_markdown(FILE *f, const sj_doc *c, const sj_doc *p,
                                 const sj_findings *fs);
void sj_report_findings_html(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs);

/* Pieces of the reports, for a scan that puts many plans in one report. */
void sj_sarif_begin(FILE *f);
void sj_sarif_results(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                      int *first);
void sj_sarif_end(FILE *f, const char *const *errors, int nerrors);
void sj_markdown_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                         const char *heading);
void sj_html_begin(FILE *f, const char *title, sj_lang lang);
void sj_html_section(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs,
                     const char *anchor);
void sj_html_end(FILE *f);

/* The rows of the table, each defined in its format's file. */
extern const sj_renderer sj_render_text, sj_render_json, sj_render_jsonl, sj_render_csv,
    sj_render_sarif, sj_render_markdown, sj_render_html;

#endif
