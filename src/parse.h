/* parse.h - structure of a normalized plan.
 *
 * Fills in an sj_doc whose norm is set: paragraphs (one per normalized
 * line), tables (tab-separated rows, with a repeated header after a page
 * break folded back into one table), the section tree from [heading]
 * rules, sentences, and metadata from [docno], [date], [period], [cite],
 * [plan_title], [notice], [level], [base_year] and [table_year] rules:
 * title, 文号, issuer, issue date, plan period, level and cited plans.
 * It does not extract targets, deadlines or agencies (see extract.h).
 */
#ifndef SJ_PARSE_H
#define SJ_PARSE_H

#include "doc.h"
#include "rules.h"

void sj_parse(sj_doc *d, const sj_ruleset *rs, sj_matcher *m);

/* A plan's title as compared with a citation (owned, never NULL): the
 * characters [title_ignore] rules match (brackets, quotes, punctuation,
 * spaces) removed, then the [cite_unwrap] rules' title group taken while
 * one matches (关于印发〈X〉的通知 -> X). Script is already simplified by
 * normalize. sj_parse sets d->title_key and each cite's key with it. */
char *sj_title_key(const char *title, const sj_ruleset *rs, sj_matcher *m);

#endif
