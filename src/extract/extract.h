/* extract.h - targets, deadlines and responsibility parentheticals.
 *
 * Driven by rules: [deadline], [agency_clause], [inherit], [agency_alias],
 * [target], [table_cell], [scope], [strip], [comparator], [change],
 * [indicator], [unit]. Only paragraphs of the plan body are read (not the
 * covering notice). Each target and deadline gets the agency parenthetical
 * that follows it in its paragraph, else the inherited implementers.
 * Tasks (sj_task) are cut from the prose paragraphs at the agency
 * parentheticals, in text order, each with its first deadline.
 */
#ifndef SJ_EXTRACT_H
#define SJ_EXTRACT_H

#include "doc.h"
#include "rules.h"

void sj_extract(sj_doc *d, const sj_ruleset *rs, sj_matcher *m);

#endif
