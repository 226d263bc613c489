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

/* A unit read by the grammar of rules/units.rules: an optional multiplier
 * or two ([unit_multiplier]: 万, 千 as in 万千瓦) times a base unit
 * ([unit_base]: its dimension and its factor to the dimension's canonical
 * unit), optionally over a denominator after / or 每 read the same way
 * (千克标准煤/千瓦时, 微克每立方米). The whole of unit must be read.
 * Returns 1 and sets *factor (to the canonical unit of the dimension),
 * dim (written into dim, at most dimsz bytes: "mass", "mass/volume") and
 * *intensive (a base marked so, or any per-unit amount); 0 if unread. */
int sj_unit_parse(const sj_ruleset *rs, const char *unit, double *factor, char *dim,
                  size_t dimsz, int *intensive);

#endif
