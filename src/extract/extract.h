/* extract.h - targets, deadlines and responsibility parentheticals.
 *
 * Driven by rules: [deadline], [agency_clause], [inherit], [agency_alias],
 * [target], [table_cell], [scope], [strip], [comparator], [change],
 * [indicator], [unit]. Only paragraphs of the plan body are read (not the
 * covering notice). Each target and deadline gets the agency parenthetical
 * that follows it in its paragraph, else the inherited implementers.
 * The paragraphs of the plan's overall goals are marked (sj_para.goal);
 * tasks are cut from the result on demand (sj_doc_tasks, doc.h).
 */
#ifndef SJ_EXTRACT_H
#define SJ_EXTRACT_H

#include "doc.h"
#include "rules.h"

void sj_extract(sj_doc *d, const sj_ruleset *rs, sj_matcher *m);

/* Allocations issued apart from the plan (a 目标责任书), as CSV text of len
 * bytes: one allocation a line, "area,indicator,value,unit,target year"
 * (unit and year may be empty; a first line whose value is not a number
 * is a header; # starts a comment). Each becomes a target of d (the
 * parent plan, already extracted) with that area, as an allocation
 * table's row would; d then counts as a plan that allocates. Returns 0, or
 * -1 with "name:line: message" in err (d unchanged). */
int sj_extract_allocations(sj_doc *d, const char *name, const char *csv, size_t len,
                           const sj_ruleset *rs, sj_matcher *m, sj_err *err);

/* An office's place-free role (agency_role.c): its [agency_alias]
 * canonical name if one matches (县生态环境分局 -> 生态环境局), else the name
 * without the place it opens with (places.tsv: 寿光市公安局 -> 公安局) and a
 * [place_prefix] level word (市公安局 -> 公安局), rewritten by the
 * [agency_role] rules (公安局寿光分局 -> 公安局); "" for a name that stands
 * for the areas below (各县市区政府: any = yes). The caller frees it. */
char *sj_agency_role(const sj_ruleset *rs, sj_matcher *m, const char *name, size_t len);

#endif
