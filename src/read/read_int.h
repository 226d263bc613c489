/* read_int.h - what the format readers of src/read/ share: the line
 * collector (text + one anchor per line, bounded), bounded zip access, safe
 * XML parsing, and the loaded read.rules. Not for use outside src/read/.
 */
#ifndef SJ_READ_INT_H
#define SJ_READ_INT_H

#include <stdint.h>
#include <libxml/tree.h>
#include "read.h"

#define RD_MAX_LABELS 32
enum { RD_META_TITLE, RD_META_DOCNO, RD_META_DATE, RD_META_ISSUER, RD_META_INDEX, RD_META_N };

struct sj_read_rules {
    char *labels[RD_META_N][RD_MAX_LABELS]; /* metadata label words per field */
    int nlabels[RD_META_N];
    char *html_meta[RD_META_N][RD_MAX_LABELS]; /* <meta name=...> of portal pages */
    int nhtml_meta[RD_META_N];
    void *page_number;      /* pcre2_code*: a line that is only a page number */
    int32_t cn_digits[10];  /* 〇一…九 */
    int32_t cn_units[3];    /* 十百千 */
    int32_t tiangan[10];    /* ideographTraditional */
    int32_t dizhi[12];      /* ideographZodiac */
};

/* Output lines: each rd_line call adds lines (split at \n, trimmed, empty
 * ones dropped) carrying one anchor. Stops growing past max (over = 1). */
typedef struct {
    sj_buf text;
    char **anchors;
    int n, cap;
    size_t max;
    int over;
} rd_out;

void rd_line(rd_out *o, const char *s, size_t n, const char *anchor);
/* a table row: as rd_line, but leading tabs (empty first cells) are kept */
void rd_row(rd_out *o, const char *s, size_t n, const char *anchor);
/* moves text and anchors into r */
void rd_out_take(rd_out *o, sj_read_result *r);
void rd_out_free(rd_out *o);
/* a copy of s with spaces trimmed, NULL when empty or s NULL */
char *rd_trimdup(const char *s);

/* --- zip.c: bounded access to a zip held in memory ------------------- */
typedef struct rd_zip rd_zip;
rd_zip *rd_zip_open(const unsigned char *bytes, size_t len, sj_err *err);
int rd_zip_has(rd_zip *z, const char *name);
int rd_zip_count(rd_zip *z);
const char *rd_zip_name(rd_zip *z, int i);
/* Reads a part whole, NUL-terminated; the total of all parts read from one
 * zip is bounded (a zip bomb is an error). */
int rd_zip_read(rd_zip *z, const char *name, char **out, size_t *out_len, sj_err *err);
void rd_zip_close(rd_zip *z);

/* --- read.c: XML without entities, DTDs or network -------------------- */
xmlDoc *rd_xml_parse(const char *what, const char *xml, size_t len, sj_err *err);
/* an optional part of a zip (styles, metadata) parsed, or NULL when it is
 * absent, unreadable or not well-formed: the document reads without it */
xmlDoc *rd_zip_xml(rd_zip *z, const char *name);
/* the attribute local name `name` of node (any namespace), or NULL; free with xmlFree */
char *rd_attr(xmlNode *n, const char *name);
int rd_is(xmlNode *n, const char *local); /* element with this local name */
/* the next node of a document-order walk below root, descending into
 * children unless skip_children */
xmlNode *rd_next(xmlNode *n, xmlNode *root, int skip_children);

/* --- the readers: fill out (lines) and r (metadata) ------------------- */
int rd_docx(rd_zip *z, const sj_read_rules *rules, rd_out *o, sj_read_result *r, sj_err *err);
int rd_odt(rd_zip *z, const sj_read_rules *rules, rd_out *o, sj_read_result *r, sj_err *err);
/* a page-at-a-time reader's bounds: pages, and a monotonic deadline */
typedef struct {
    int max_pages;
    double deadline, max_seconds;
} rd_bounds;
double rd_now(void);
int rd_ofd(rd_zip *z, const rd_bounds *b, rd_out *o, sj_read_result *r, sj_err *err);
int rd_html(const unsigned char *bytes, size_t len, const sj_read_rules *rules, rd_out *o,
            sj_read_result *r, sj_err *err);
int rd_pdf(const unsigned char *bytes, size_t len, const sj_read_rules *rules, const rd_bounds *b,
           rd_out *o, sj_err *err);
/* charset.c: the page as UTF-8 (NUL-terminated, *out_len bytes), NULL if
 * iconv cannot convert at all */
char *rd_html_utf8(const unsigned char *bytes, size_t len, size_t *out_len);
/* read_rules.c: is the whole line a page number? */
int rd_is_page_number(const sj_read_rules *rules, const char *s, size_t n);
/* which metadata field a label cell names (-1 none); *rest gets the value
 * written after the label in the same cell ("索引号：123" -> "123") */
int rd_meta_label(const sj_read_rules *rules, const char *cell, const char **rest);

#endif
