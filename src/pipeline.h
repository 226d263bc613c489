/* pipeline.h - the one place that runs the front half of the pipeline:
 * read → decode → normalize → parse → extract, for a file or for bytes.
 *
 * Reading: a .docx/.docm/.wps, .odt, portal .html, .pdf or .ofd (told by
 * its content, see read.h) is turned into UTF-8 text lines by the reader
 * when the ruleset has the readers' rules (rs->read); the doc then keeps
 * each line's anchor (doc.h) and the container's metadata fills what the
 * text does not state. Plain text is decoded as it always was.
 *
 * Promises: on success (0) the sj_doc holds the decoded and normalized
 * text, the structure from parse and the targets, deadlines, agencies and
 * tasks from extract. On failure (-1) err names the file and the problem;
 * SJ_LOAD_SKIPPED (1) for a file in a format that holds no plan (an image,
 * a spreadsheet, an archive): err says "FILE: not a plan format: WHY".
 * Either way the caller owns the sj_doc and frees it with sj_doc_free().
 * The ruleset must outlive the doc (see doc.h: some strings are borrowed).
 * Nothing is printed.
 */
#ifndef SJ_PIPELINE_H
#define SJ_PIPELINE_H

#include <stddef.h>

#include "doc.h"
#include "rules.h"

#define SJ_LOAD_SKIPPED 1

typedef struct {
    const char *force_encoding;
    size_t max_bytes;
    size_t max_line_bytes;
    /* 1: sj_pipeline_load frees the decoded text once normalized (a
     * 50 MB plan then holds one copy of its text, not two): d->dec.text
     * and d->norm.src are NULL, d->dec.len stays; line:column stay exact
     * (text.h); what quotes the original text (HTML in Chinese) falls
     * back to the normalized text. sj_doc_load always keeps it. */
    int drop_source;
} sj_load_opts;

int sj_pipeline_load(const char *path, const sj_load_opts *o,
                     const sj_ruleset *rs, sj_matcher *m, sj_doc *d,
                     sj_err *err);
/* Same from bytes in memory (tests, fuzzing, container readers). */
int sj_pipeline_load_bytes(const char *name, const unsigned char *bytes,
                           size_t len, const sj_load_opts *o,
                           const sj_ruleset *rs, sj_matcher *m, sj_doc *d,
                           sj_err *err);

/* The same pipeline stopped after parse (no extract): metadata, sections
 * and tables only, for the scan's first pass (titles, 文号, citations) and
 * for tests that run sj_extract themselves. */
int sj_doc_load(const char *path, const sj_load_opts *o, const sj_ruleset *rs,
                sj_matcher *m, sj_doc *d, sj_err *err);
int sj_doc_load_bytes(const char *name, const unsigned char *bytes, size_t len,
                      const sj_load_opts *o, const sj_ruleset *rs,
                      sj_matcher *m, sj_doc *d, sj_err *err);

#endif
