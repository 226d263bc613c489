/* shared helpers for the unit tests */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"
#include "pipeline.h"
#include "extract.h"
#include "rules.h"

static sj_ruleset RS;
static sj_matcher M;

static inline int load_rules(void **state)
{
    (void)state;
    sj_err err;
    if (sj_rules_load_dir(SJ_SOURCE_DIR "/rules", &RS, &err))
        return -1;
    sj_matcher_init(&M);
    return 0;
}

static inline int free_rules(void **state)
{
    (void)state;
    sj_matcher_free(&M);
    sj_rules_free(&RS);
    return 0;
}

static inline int load_str(const char *text, sj_doc *d)
{
    sj_err err;
    return sj_doc_load_bytes("mem.txt", (const unsigned char *)text, strlen(text),
                             NULL, &RS, &M, d, &err);
}
#endif
