/* fuzz_common.h - what the document fuzz drivers share: the rules (from
 * $SJ_RULES_DIR, default ./rules; a fuzz run should use a copy that does
 * not change under it) and one matcher, loaded once. */
#ifndef SJ_FUZZ_COMMON_H
#define SJ_FUZZ_COMMON_H

#include <stdlib.h>

#include "rules.h"

static sj_ruleset RS;
static sj_matcher M;

static void fuzz_setup(void)
{
    static int done;
    if (done)
        return;
    sj_err err;
    const char *dir = getenv("SJ_RULES_DIR");
    if (sj_rules_load_dir(dir ? dir : "rules", &RS, &err))
        abort(); /* not a finding: the rules themselves are broken */
    sj_matcher_init(&M);
    done = 1;
}

#endif
