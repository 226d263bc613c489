/* read.h - the container readers: turn a .docx/.docm/.wps(OOXML), .odt,
 * portal .html, .pdf or .ofd file into plain UTF-8 text lines, each with an
 * anchor a person can find in the original ("paragraph 12", "table 2, row 3",
 * "page 3, line 7", "line 40" of an HTML source), plus the metadata the
 * container states (title, 文号, date, issuer, 索引号).
 *
 * Promises: the format is decided from the CONTENT (zip parts, %PDF-, the
 * OLE2 signature, HTML markup); the extension only breaks ties. Every input
 * is hostile: bounded decompression (zip parts at most 16x the file, at
 * least 1 MB, never more than 256 MB), no XML entity expansion, no DTD, no
 * network, no recursion on document depth, a bound on PDF pages and on the
 * output. Errors are one line in sj_err; nothing is printed (except what
 * poppler itself writes to stderr for a damaged PDF) and nothing exits.
 * The result owns all its strings (sj_read_result_free). No globals.
 *
 * Threads: load the rules before starting threads (that also initializes
 * libxml2); then sj_read may run in many threads at once, one file each,
 * sharing the rules read-only.
 *
 * Use:
 *
 *     sj_read_rules *rr;
 *     if (sj_read_rules_load(RULES_DIR "/read/read.rules", &rr, &err)) fail(err.msg);
 *     sj_read_limits lim = {.rules = rr};          // other fields 0: defaults
 *     sj_read_result r;
 *     if (sj_read(path, bytes, len, &lim, &r, &err)) -> error: err.msg, one line
 *     else if (r.kind == SJ_IN_UNSUPPORTED)          -> skipped: r.reason
 *     else if (r.kind == SJ_IN_TEXT)                 -> decode bytes as before
 *     else -> r.text (UTF-8, r.nanchors LF-ended lines), r.anchors[i] for line
 *             i, metadata r.title ... r.index_no; decode r.text as UTF-8 text
 *     sj_read_result_free(&r);
 *     sj_read_rules_free(rr);
 */
#ifndef SJ_READ_H
#define SJ_READ_H

#include <stddef.h>
#include "util.h"

typedef enum {
    SJ_IN_TEXT,        /* plain text in any encoding: decode the bytes yourself */
    SJ_IN_HTML,
    SJ_IN_DOCX,        /* also .docm and OOXML saved as .wps */
    SJ_IN_ODT,
    SJ_IN_PDF,
    SJ_IN_OFD,
    SJ_IN_LEGACY_WORD, /* OLE2 .doc / .wps: an error naming the conversion */
    SJ_IN_UNSUPPORTED  /* not an error: out->reason says why it is skipped */
} sj_input_kind;

/* Phrase knowledge of the readers (metadata labels, page-number shapes,
 * numerals of Word's automatic numbering), loaded from rules/read/read.rules. */
typedef struct sj_read_rules sj_read_rules;

/* Loads a read.rules file; errors are "FILE:LINE: message". */
int sj_read_rules_load(const char *path, sj_read_rules **out, sj_err *err);
/* The same from memory; name is used in error messages. */
int sj_read_rules_load_text(const char *name, const char *text, size_t len,
                            sj_read_rules **out, sj_err *err);
void sj_read_rules_free(sj_read_rules *r);

typedef struct {
    size_t max_out_bytes;        /* 0: 64 MB of text at most */
    int max_pages;               /* 0: 2000 PDF/OFD pages at most */
    double max_seconds;          /* 0: 60 s; checked between PDF/OFD pages */
    const sj_read_rules *rules;  /* required for sj_read (not for sniff) */
} sj_read_limits;

typedef struct {
    sj_input_kind kind;
    char *text;          /* UTF-8, LF-terminated lines; NULL for SJ_IN_TEXT and
                            SJ_IN_UNSUPPORTED (decode the bytes as before) */
    size_t len;
    char **anchors;      /* nanchors == number of lines of text */
    int nanchors;
    char *title, *docno, *date, *issuer, *index_no; /* NULL when absent */
    char reason[128];    /* SJ_IN_UNSUPPORTED: "spreadsheet (xlsx)", ... */
} sj_read_result;

sj_input_kind sj_read_sniff(const char *name, const unsigned char *bytes, size_t len);
/* The same, with the reason an SJ_IN_UNSUPPORTED file is not read ("image
 * (png)", "spreadsheet (xls)", "binary file (.bin)") in reason[128]. */
sj_input_kind sj_read_sniff_why(const char *name, const unsigned char *bytes, size_t len,
                                char reason[128]);

/* Reads bytes (the file's content; name is its path or name, used for the
 * extension and in messages). 0 ok (also for SJ_IN_TEXT and
 * SJ_IN_UNSUPPORTED: look at out->kind), -1 error (err says why, one line;
 * out is left empty). lim must be non-NULL and lim->rules loaded. */
int sj_read(const char *name, const unsigned char *bytes, size_t len,
            const sj_read_limits *lim, sj_read_result *out, sj_err *err);
void sj_read_result_free(sj_read_result *r);
const char *sj_input_kind_name(sj_input_kind k);

#endif
