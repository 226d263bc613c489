/* number.h - reads a number as plans write it: 12, 1.76, 12,000, and
 * numerals up to the thousands (三, 十二, 两千) whose characters and values
 * come from the [numeral] rules (百分之五 is not supported). */
#ifndef SJ_NUMBER_H
#define SJ_NUMBER_H

#include <stddef.h>

#include "rules.h"

/* Parses s[0..len); returns 1 and sets *v when the whole span is a
 * number. */
int sj_parse_number(const sj_ruleset *rs, const char *s, size_t len, double *v);

#endif
