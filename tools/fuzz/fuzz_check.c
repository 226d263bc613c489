/* libFuzzer driver: the whole check of two documents (the input split at
 * the first NUL byte into child and parent), and the lint of the child,
 * each rendered in every format as the program renders it: a check's
 * findings against child and parent, a lint's against the child alone
 * (both places of a lint finding are in the child). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sijian.h"
#include "extract.h"
#include "parse.h"
#include "fuzz_common.h"


/* every format of the table that renders findings, whole and as a scan
 * section */
static void render_all(FILE *f, const sj_doc *c, const sj_doc *p, const sj_findings *fs)
{
    static const char *const names[] = {"text", "json", "jsonl", "csv", "sarif", "markdown", "html"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const sj_renderer *r = sj_render_find(names[i]);
        if (r && r->findings) {
            r->findings(f, c, p, fs);
            r->scan_section(f, c, p, fs, (int)i);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup();
    const uint8_t *z = memchr(data, 0, size);
    if (!z)
        return 0;
    sj_doc c, p;
    sj_err err;
    int okc = sj_pipeline_load_bytes("c.txt", data, (size_t)(z - data), NULL, &RS, &M, &c, &err) == 0;
    int okp = sj_pipeline_load_bytes("p.txt", z + 1, size - (size_t)(z - data) - 1, NULL, &RS, &M, &p, &err) == 0;
    if (okc && okp) {
        sj_findings fs = {0}, ls = {0};
        fs.lang = ls.lang = size & 1 ? SJ_LANG_ZH : SJ_LANG_EN;
        sj_check(&c, &p, &fs);
        sj_lint(&c, &ls);
        FILE *f = fopen("/dev/null", "w");
        if (f) {
            render_all(f, &c, &p, &fs);
            render_all(f, &c, &c, &ls);
            fclose(f);
        }
        sj_findings_free(&fs);
        sj_findings_free(&ls);
    }
    sj_doc_free(&c);
    sj_doc_free(&p);
    return 0;
}
