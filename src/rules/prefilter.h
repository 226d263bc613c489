/* prefilter.h - one Vectorscan (Hyperscan) pass before PCRE2.
 *
 * For each kind of rule that the extractors search over running text
 * (clause by clause or paragraph by paragraph: see SCANNED in prefilter.c),
 * the loader compiles the patterns of that kind once more into one
 * Vectorscan database, in a form derived from the rule itself: named
 * groups become plain groups, \K and \G are dropped, and a pattern
 * Vectorscan cannot take as it is (lookarounds, lazy bounded repeats of
 * wide classes, ...) is compiled in prefilter mode (HS_FLAG_PREFILTER),
 * which matches a superset. One scan of a subject then tells which rules
 * of the kind may match in it; PCRE2 runs only for those, for the match
 * and its groups.
 *
 * The promise: if a rule's PCRE2 pattern matches anywhere in the subject
 * subj[0, len) (searched from any start offset), the rule is a candidate
 * of sj_prefilter_scan(subj, len). A rule that cannot be prefiltered (it
 * may match the empty string, Vectorscan rejects it in both modes, or it
 * is past SJ_PF_MAX_RULES of its kind) is always a candidate, and runs as
 * without the prefilter; sj_prefilter_report lists them with the reason.
 * Results are therefore the same with and without the prefilter.
 *
 * Built by sj_rules_load_dir (or sj_rules_prefilter after loading rule
 * texts); nothing is built when the program is compiled without
 * SJ_PREFILTER or the environment sets SIJIAN_NO_PREFILTER. */
#ifndef SJ_PREFILTER_H
#define SJ_PREFILTER_H

#include <stdint.h>
#include <stdio.h>

#include "rules.h"

#define SJ_PF_MAX_RULES 256 /* rules per kind that get a bit */

/* The candidates of one scan: bit i for the rule with pf_bit i. */
typedef struct {
    uint64_t bits[SJ_PF_MAX_RULES / 64];
    int all; /* no database for this kind (or the scan failed): every rule */
} sj_cand;

/* Builds the databases for rs (replacing any). Returns 0, or -1 with err
 * set when Vectorscan fails as a whole (rules it rejects one by one are
 * not an error: they stay unprefiltered). */
int sj_rules_prefilter(sj_ruleset *rs, sj_err *err);
void sj_prefilter_free(sj_ruleset *rs);

/* Scans subj[0, len) (valid UTF-8) with kind's database, into *c. */
void sj_prefilter_scan(sj_matcher *m, const sj_ruleset *rs, const char *kind,
                       const char *subj, size_t len, sj_cand *c);

/* May rule r match, given the scan c of its kind? */
static inline int sj_cand_has(const sj_cand *c, const sj_rule *r)
{
    return c->all || r->pf_bit < 0 ||
           (c->bits[r->pf_bit / 64] >> (r->pf_bit % 64) & 1);
}

/* One line per prefiltered kind (rules exact / in prefilter mode / left
 * out) and one per rule left out, with why: --prefilter-report. */
void sj_prefilter_report(FILE *f, const sj_ruleset *rs);

/* The derived form of a PCRE2 pattern (named groups plain, \K \G gone):
 * a new string. Exposed for the unit test. */
char *sj_prefilter_form(const char *pattern);

/* Frees the matcher's scan scratch (sj_matcher_free calls it). */
void sj_prefilter_scratch_free(sj_matcher *m);

#endif
