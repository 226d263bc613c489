#include "number.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The [numeral] rule for the character at s (n bytes), or NULL. */
static const sj_rule *numeral(const sj_ruleset *rs, const char *s, size_t n)
{
    SJ_FOR_KIND(rs, "numeral", r)
        if (strlen(r->pattern) == n && !memcmp(r->pattern, s, n))
            return r;
    return NULL;
}

int sj_parse_number(const sj_ruleset *rs, const char *s, size_t len, double *v)
{
    if (len == 0 || len > 40)
        return 0;
    if ((s[0] >= '0' && s[0] <= '9') || s[0] == '.') {
        char buf[48];
        size_t k = 0;
        for (size_t i = 0; i < len; i++) {
            if (s[i] == ',')
                continue;
            if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
                return 0;
            buf[k++] = s[i];
        }
        buf[k] = '\0';
        char *end;
        *v = strtod(buf, &end);
        return *end == '\0' && k > 0;
    }
    /* numerals ([numeral] rules): digits, and places that multiply the
     * digit before them (一 is implied: 十二) */
    double total = 0, digit = -1;
    size_t i = 0;
    int any = 0;
    while (i < len) {
        int32_t cp;
        int n = sj_utf8_decode(s + i, len - i, &cp);
        const sj_rule *r = numeral(rs, s + i, (size_t)n);
        i += (size_t)n;
        if (!r)
            return 0;
        const char *place = sj_rule_get(r, "place");
        int val = atoi(sj_rule_get(r, "value"));
        if (!(place && !strcmp(place, "yes"))) {
            digit = val;
        } else {
            total += (digit < 0 ? 1 : digit) * val;
            digit = -1;
        }
        any = 1;
    }
    if (!any)
        return 0;
    if (digit >= 0)
        total += digit;
    *v = total;
    return 1;
}
