/* libFuzzer driver: decode + normalize + parse + extract of one document. */
#include <stdint.h>
#include <stdlib.h>
#include "pipeline.h"
#include "fuzz_common.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup();
    sj_doc d;
    sj_err err;
    sj_pipeline_load_bytes("fuzz.txt", data, size, NULL, &RS, &M, &d, &err);
    sj_doc_free(&d);
    return 0;
}
