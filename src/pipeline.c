/* pipeline.c - read → decode → normalize → parse (→ extract); see pipeline.h. */
#include "pipeline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "extract.h"
#include "normalize.h"
#include "parse.h"
#include "read.h"

/* The metadata the container states, where the text itself gave none. */
static void fill_metadata(sj_doc *d, sj_read_result *r)
{
    char **from[] = {&r->title, &r->docno, &r->issuer, &r->date, &r->index_no};
    char **to[] = {&d->title, &d->docno, &d->issuer, &d->date, &d->index_no};
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++)
        if (!*to[i] && *from[i]) {
            *to[i] = *from[i];
            *from[i] = NULL;
        }
}

/* read → decode → normalize → parse of bytes already in memory. The
 * reader (src/read) turns a container into UTF-8 text lines with anchors;
 * plain text passes through to decode as it always did. Returns 0, -1 on
 * error, SJ_LOAD_SKIPPED for a format that holds no plan text.
 *
 * Memory: each stage's input is freed as soon as the next stage has what
 * it needs. own (may be NULL) is bytes when the caller gives them away
 * (malloc'd; freed here, or taken by decode as the decoded text); the
 * reader's text is given to decode the same way; the decoded text is
 * freed after normalize unless keep_source (line:column come from the
 * map alone, text.h). */
static int load_bytes(const char *name, unsigned char *own, const unsigned char *bytes,
                      size_t len, const sj_load_opts *o, int keep_source,
                      const sj_ruleset *rs, sj_matcher *m, sj_doc *d, sj_err *err)
{
    memset(d, 0, sizeof *d);
    d->path = xstrdup(name);
    d->inherit_from = -1;
    sj_read_result r;
    memset(&r, 0, sizeof r);
    if (rs->read && bytes && len) {
        sj_read_limits lim = {.rules = rs->read};
        if (sj_read(name, bytes, len, &lim, &r, err)) {
            free(own);
            return -1;
        }
        /* a binary file is left to decode, whose message says where the
         * first NUL byte is (and which reads UTF-16 without a BOM) */
        if (r.kind == SJ_IN_UNSUPPORTED && strncmp(r.reason, "binary file", 11) != 0) {
            sj_fail(err, "%s: not a plan format: %s", name, r.reason);
            sj_read_result_free(&r);
            free(own);
            return SJ_LOAD_SKIPPED;
        }
    }
    sj_decode_opts dopt = {o ? o->force_encoding : NULL,
                           o ? o->max_line_bytes : 0};
    if (r.text) {
        /* the reader's text is UTF-8 whatever --encoding says; the
         * container is read */
        free(own);
        own = (unsigned char *)r.text;
        r.text = NULL;
        dopt.force_encoding = "UTF-8";
        bytes = own;
        len = r.len;
        d->format = sj_input_kind_name(r.kind);
        d->anchors = r.anchors;
        d->nanchors = r.nanchors;
        r.anchors = NULL;
        r.nanchors = 0;
    }
    int rc = 0;
    if (own ? sj_decode_owned(name, &own, len, &dopt, &d->dec, err)
            : sj_decode(name, bytes, len, &dopt, &d->dec, err))
        rc = -1;
    else if (d->dec.len >= UINT32_MAX / 2)
        rc = sj_fail(err, "%s: file too large", name);
    free(own); /* decoded (or taken by decode) */
    if (rc == 0) {
        if (keep_source)
            sj_normalize(d->dec.text, d->dec.len, rs, m, &d->norm);
        else
            sj_normalize_consuming(d->dec.text, d->dec.len, rs, m, &d->norm);
        if (!keep_source) {
            /* dec.len stays: the decoded text's length */
            free(d->dec.text);
            d->dec.text = NULL;
            d->norm.src = NULL;
        }
        sj_parse(d, rs, m);
        fill_metadata(d, &r);
    }
    sj_read_result_free(&r);
    return rc;
}

static int load_file(const char *path, const sj_load_opts *o, int keep_source,
                     const sj_ruleset *rs, sj_matcher *m, sj_doc *d, sj_err *err)
{
    unsigned char *bytes;
    size_t len;
    memset(d, 0, sizeof *d);
    size_t max = o && o->max_bytes ? o->max_bytes : (size_t)64 << 20;
    if (sj_read_file(path, max, &bytes, &len, err))
        return -1;
    return load_bytes(path, bytes, bytes, len, o, keep_source, rs, m, d, err);
}

/* the decoded text stays unless the options let it go */
static int keep(const sj_load_opts *o) { return !o || !o->drop_source; }

int sj_pipeline_load_bytes(const char *name, const unsigned char *bytes,
                           size_t len, const sj_load_opts *o,
                           const sj_ruleset *rs, sj_matcher *m, sj_doc *d,
                           sj_err *err)
{
    int rc = load_bytes(name, NULL, bytes, len, o, keep(o), rs, m, d, err);
    if (rc)
        return rc;
    sj_extract(d, rs, m);
    sj_doc_keep_end(d);
    return 0;
}

int sj_pipeline_load(const char *path, const sj_load_opts *o,
                     const sj_ruleset *rs, sj_matcher *m, sj_doc *d,
                     sj_err *err)
{
    int rc = load_file(path, o, keep(o), rs, m, d, err);
    if (rc)
        return rc;
    sj_extract(d, rs, m);
    sj_doc_keep_end(d);
    return 0;
}

int sj_doc_load_bytes(const char *name, const unsigned char *bytes, size_t len,
                      const sj_load_opts *o, const sj_ruleset *rs,
                      sj_matcher *m, sj_doc *d, sj_err *err)
{
    return load_bytes(name, NULL, bytes, len, o, 1, rs, m, d, err);
}

int sj_doc_load(const char *path, const sj_load_opts *o, const sj_ruleset *rs,
                sj_matcher *m, sj_doc *d, sj_err *err)
{
    return load_file(path, o, 1, rs, m, d, err);
}
