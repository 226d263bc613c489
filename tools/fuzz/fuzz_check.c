/* libFuzzer driver: the whole check of two documents (the input split at
 * the first NUL byte into child and parent). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "extract.h"
#include "parse.h"
#include "fuzz_common.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup();
    const uint8_t *z = memchr(data, 0, size);
    if (!z)
        return 0;
    sj_doc c, p;
    sj_err err;
    int okc = sj_doc_load_bytes("c.txt", data, (size_t)(z - data), NULL, &RS, &M, &c, &err) == 0;
    int okp = sj_doc_load_bytes("p.txt", z + 1, size - (size_t)(z - data) - 1, NULL, &RS, &M, &p, &err) == 0;
    if (okc && okp) {
        sj_extract(&c, &RS, &M);
        sj_extract(&p, &RS, &M);
        sj_findings fs = {0};
        fs.lang = size & 1 ? SJ_LANG_ZH : SJ_LANG_EN;
        sj_check(&c, &p, &fs);
        sj_lint(&c, &fs);
        FILE *f = fopen("/dev/null", "w");
        if (f) {
            sj_report_findings_text(f, &c, &p, &fs);
            sj_report_findings_json(f, &c, &p, &fs);
            sj_report_findings_sarif(f, &c, &p, &fs);
            sj_report_findings_html(f, &c, &p, &fs);
            sj_report_findings_markdown(f, &c, &p, &fs);
            fclose(f);
        }
        sj_findings_free(&fs);
    }
    sj_doc_free(&c);
    sj_doc_free(&p);
    return 0;
}
