#include "number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

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
    /* in words ([numeral] rules) */
    return sj_numeral_value(rs, s, len, v);
}

/* the longest literal rule of kind at s (avail bytes), or NULL */
static const sj_rule *literal_at(const sj_ruleset *rs, const char *kind, const char *s,
                                 size_t avail)
{
    const sj_rule *best = NULL;
    size_t bl = 0;
    if (!avail)
        return NULL;
    SJ_FOR_KIND(rs, kind, r) {
        if (!r->pattern || r->pattern[0] != s[0])
            continue;
        size_t l = strlen(r->pattern);
        if (l > bl && l <= avail && !memcmp(s, r->pattern, l))
            best = r, bl = l;
    }
    return best;
}

/* one part: [multiplier [multiplier]] base, at s; returns bytes read (0:
 * none), the base rule in *base and the factor in *f */
static size_t unit_part(const sj_ruleset *rs, const char *s, size_t len, const sj_rule **base,
                        double *f)
{
    size_t at = 0;
    double mult = 1;
    for (int k = 0; k <= 2; k++) {
        const sj_rule *b = literal_at(rs, "unit_base", s + at, len - at);
        if (b) {
            const char *bf = sj_rule_get(b, "factor");
            *base = b;
            *f = mult * (bf ? atof(bf) : 1);
            return at + strlen(b->pattern);
        }
        const sj_rule *m = literal_at(rs, "unit_multiplier", s + at, len - at);
        if (!m || k == 2)
            return 0;
        mult *= atof(sj_rule_get(m, "factor"));
        at += strlen(m->pattern);
    }
    return 0;
}

int sj_unit_parse(const sj_ruleset *rs, const char *unit, double *factor, char *dim,
                  size_t dimsz, int *intensive)
{
    size_t len = strlen(unit);
    const sj_rule *nb = NULL, *db = NULL;
    double nf = 1, df = 1;
    size_t at = unit_part(rs, unit, len, &nb, &nf);
    if (!at)
        return 0;
    if (at < len) {
        size_t sep = unit[at] == '/' ? 1 : !strncmp(unit + at, "每", 3) ? 3 : 0;
        if (!sep)
            return 0;
        at += sep;
        size_t dl = unit_part(rs, unit + at, len - at, &db, &df);
        if (!dl || at + dl != len)
            return 0;
    }
    const char *in = sj_rule_get(nb, "intensive");
    /* an amount per unit of time (万吨/年) is a flow, as absolute as the
     * amount; over anything else (千克标准煤/千瓦时) it is an intensity */
    const char *per_time = db ? sj_rule_get(db, "time") : NULL;
    *intensive = (db != NULL && !(per_time && !strcmp(per_time, "yes"))) ||
                 (in && !strcmp(in, "yes"));
    *factor = nf / df;
    int n = db ? snprintf(dim, dimsz, "%s/%s", sj_rule_get(nb, "dim"), sj_rule_get(db, "dim"))
               : snprintf(dim, dimsz, "%s", sj_rule_get(nb, "dim"));
    return n > 0 && (size_t)n < dimsz;
}
