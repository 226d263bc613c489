/* agency_role.c - an office's place-free role: the name a parent's
 * 市生态环境局 and a county's 县生态环境分局 or 寿光市生态环境局 share, so
 * that agencies can be compared across levels (src/align/agency_role.c).
 * Knowledge is in rules/: [agency_alias] (the canonical names of offices
 * renamed in the 2018-2019 reform, and their short forms), places.tsv (the
 * place an office's name opens with), [place_prefix] (the level word 市,
 * 县, 区) and [agency_role] (equivalences such as 分局 / 局). */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

char *sj_agency_role(const sj_ruleset *rs, sj_matcher *m, const char *s, size_t len)
{
    const sj_rule *al = sj_first_match(rs, "agency_alias", m, s, len);
    if (al)
        return xstrdup(sj_rule_get(al, "canonical"));
    /* the place it opens with (潍坊市, 山东省潍坊市寿光市), when something
     * is left */
    size_t used;
    if (sj_places_chain(&rs->places, s, len, &used) >= 0 && used < len)
        s += used, len -= used;
    /* the level word (市, 县, 区), when something is left */
    if (sj_first_match(rs, "place_prefix", m, s, len)) {
        size_t ps, pe;
        sj_match_span(m, &ps, &pe);
        if (ps == 0 && pe < len)
            s += pe, len -= pe;
    }
    char *role = xstrndup(s, len);
    SJ_FOR_KIND(rs, "agency_role", r) {
        size_t rl = strlen(role), ds, de;
        if (!sj_match(m, r, role, rl, 0))
            continue;
        if (!sj_match_group(m, r, "drop", &ds, &de))
            sj_match_span(m, &ds, &de);
        const char *any = sj_rule_get(r, "any");
        if (any && !strcmp(any, "yes")) {
            role[0] = '\0'; /* no role: any office answers it */
            break;
        }
        const char *rep = sj_rule_get(r, "replace");
        if (!rep)
            rep = "";
        if (de - ds == rl && !*rep)
            continue; /* nothing would be left */
        sj_buf b = {0};
        sj_buf_add(&b, role, ds);
        sj_buf_adds(&b, rep);
        sj_buf_add(&b, role + de, rl - de);
        free(role);
        role = sj_buf_take(&b);
    }
    return role;
}
