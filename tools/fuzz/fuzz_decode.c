/* libFuzzer driver: decode + normalize + parse + extract of one document. */
#include <stdint.h>
#include <stdlib.h>
#include "extract.h"
#include "parse.h"
#include "fuzz_common.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup();
    sj_doc d;
    sj_err err;
    if (sj_doc_load_bytes("fuzz.txt", data, size, NULL, &RS, &M, &d, &err) == 0)
        sj_extract(&d, &RS, &M);
    sj_doc_free(&d);
    return 0;
}
