/* job.c - the stages chained once: load → extract, and check (or lint)
 * → render (see job.h). */
#include "job.h"

#include <string.h>

int sj_plan_load(const char *path, const sj_load_opts *o, const sj_ruleset *rs,
                 sj_matcher *m, sj_doc *d, sj_err *err)
{
    return sj_pipeline_load(path, o, rs, m, d, err);
}

void sj_check_render(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                     sj_lang lang, const sj_renderer *r, int section, FILE *out,
                     int counts[3])
{
    sj_check_render_policy(c, p, pp, NULL, lang, r, section, out, counts);
}

void sj_check_render_policy(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                            const sj_policy *pol, sj_lang lang, const sj_renderer *r,
                            int section, FILE *out, int counts[3])
{
    sj_findings fs = {0};
    fs.lang = lang;
    fs.color = pol ? pol->color : 0;
    if (!p) {
        p = c;
        sj_lint(c, &fs);
    } else if (pp) {
        sj_check_with(c, p, pp, &fs);
    } else {
        sj_check(c, p, &fs);
    }
    sj_policy_apply(pol, c, p, &fs);
    if (counts)
        for (int k = 0; k < fs.n; k++)
            counts[fs.items[k].level]++;
    if (section < 0)
        r->findings(out, c, p, &fs);
    else
        r->scan_section(out, c, p, &fs, section);
    sj_findings_free(&fs);
}
