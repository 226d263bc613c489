/* libFuzzer driver: normalize + parse + extract + lint of text that
 * already keeps decode's promises (valid UTF-8, no NUL, no C0 controls but
 * TAB, LF, FF), so the fuzzer spends its time past the decoder. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "check.h"
#include "extract.h"
#include "normalize.h"
#include "parse.h"
#include "render.h"
#include "fuzz_common.h"


static int keeps_decode_promise(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0 || cp == 0xFEFF || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f'))
            return 0;
        i += (size_t)k;
    }
    return n > 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup();
    if (!keeps_decode_promise(data, size))
        return 0;
    sj_doc d;
    memset(&d, 0, sizeof d);
    d.path = strdup("fuzz.txt");
    d.inherit_from = -1;
    d.dec.text = malloc(size + 1);
    memcpy(d.dec.text, data, size);
    d.dec.text[size] = '\0';
    d.dec.len = size;
    sj_normalize(d.dec.text, d.dec.len, &RS, &M, &d.norm);
    sj_parse(&d, &RS, &M);
    sj_extract(&d, &RS, &M);
    sj_findings fs = {0};
    sj_lint(&d, &fs);
    FILE *f = fopen("/dev/null", "w");
    if (f) {
        sj_report_findings_text(f, &d, &d, &fs);
        sj_report_findings_markdown(f, &d, &d, &fs);
        fclose(f);
    }
    sj_findings_free(&fs);
    sj_doc_free(&d);
    return 0;
}
