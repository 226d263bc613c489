/* report.h - renders extracted documents (--extract) as JSON, CSV or text. */
#ifndef SJ_REPORT_H
#define SJ_REPORT_H

#include <stdio.h>

#include "doc.h"

typedef enum { SJ_FMT_TEXT, SJ_FMT_JSON, SJ_FMT_CSV, SJ_FMT_SARIF, SJ_FMT_MARKDOWN, SJ_FMT_HTML } sj_format;

void sj_json_str(FILE *f, const char *s, size_t len);
void sj_report_extract_begin(FILE *f, sj_format fmt);
void sj_report_extract_doc(FILE *f, sj_format fmt, const sj_doc *d, int first);
void sj_report_extract_end(FILE *f, sj_format fmt);

#endif
