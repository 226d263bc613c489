/* libFuzzer driver: decode + normalize + parse + extract of one document. */
#include <stdint.h>
#include <stdlib.h>
#include "extract.h"
#include "parse.h"

static sj_ruleset RS;
static sj_matcher M;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init) {
        sj_err err;
        const char *dir = getenv("SJ_RULES_DIR");
        if (sj_rules_load_dir(dir ? dir : "rules", &RS, &err))
            abort();
        sj_matcher_init(&M);
        init = 1;
    }
    sj_doc d;
    sj_err err;
    if (sj_doc_load_bytes("fuzz.txt", data, size, NULL, &RS, &M, &d, &err) == 0)
        sj_extract(&d, &RS, &M);
    sj_doc_free(&d);
    return 0;
}
