/* libFuzzer driver: the rule loader on arbitrary rule-file text. */
#include <stdint.h>
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sj_ruleset rs = {0};
    sj_err err;
    sj_rules_load_text("fuzz.rules", (const char *)data, size, &rs, &err);
    sj_rules_free(&rs);
    return 0;
}
