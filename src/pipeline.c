/* pipeline.c - decode → normalize → parse (→ extract); see pipeline.h. */
#include "pipeline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "extract.h"
#include "normalize.h"
#include "parse.h"

/* decode → normalize → parse of bytes already in memory. */
static int load_bytes(const char *name, const unsigned char *bytes, size_t len,
                      const sj_load_opts *o, const sj_ruleset *rs,
                      sj_matcher *m, sj_doc *d, sj_err *err)
{
    memset(d, 0, sizeof *d);
    d->path = xstrdup(name);
    d->inherit_from = -1;
    sj_decode_opts dopt = {o ? o->force_encoding : NULL,
                           o ? o->max_line_bytes : 0};
    if (sj_decode(name, bytes, len, &dopt, &d->dec, err))
        return -1;
    if (d->dec.len >= UINT32_MAX / 2)
        return sj_fail(err, "%s: file too large", name);
    sj_normalize(d->dec.text, d->dec.len, rs, m, &d->norm);
    sj_parse(d, rs, m);
    return 0;
}

static int load_file(const char *path, const sj_load_opts *o,
                     const sj_ruleset *rs, sj_matcher *m, sj_doc *d,
                     sj_err *err)
{
    unsigned char *bytes;
    size_t len;
    memset(d, 0, sizeof *d);
    size_t max = o && o->max_bytes ? o->max_bytes : (size_t)64 << 20;
    if (sj_read_file(path, max, &bytes, &len, err))
        return -1;
    int rc = load_bytes(path, bytes, len, o, rs, m, d, err);
    free(bytes);
    return rc;
}

int sj_pipeline_load_bytes(const char *name, const unsigned char *bytes,
                           size_t len, const sj_load_opts *o,
                           const sj_ruleset *rs, sj_matcher *m, sj_doc *d,
                           sj_err *err)
{
    if (load_bytes(name, bytes, len, o, rs, m, d, err))
        return -1;
    sj_extract(d, rs, m);
    return 0;
}

int sj_pipeline_load(const char *path, const sj_load_opts *o,
                     const sj_ruleset *rs, sj_matcher *m, sj_doc *d,
                     sj_err *err)
{
    if (load_file(path, o, rs, m, d, err))
        return -1;
    sj_extract(d, rs, m);
    return 0;
}

int sj_doc_load_bytes(const char *name, const unsigned char *bytes, size_t len,
                      const sj_load_opts *o, const sj_ruleset *rs,
                      sj_matcher *m, sj_doc *d, sj_err *err)
{
    return load_bytes(name, bytes, len, o, rs, m, d, err);
}

int sj_doc_load(const char *path, const sj_load_opts *o, const sj_ruleset *rs,
                sj_matcher *m, sj_doc *d, sj_err *err)
{
    return load_file(path, o, rs, m, d, err);
}
