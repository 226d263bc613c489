/* extract_int.h - what the extractors of src/extract/ share; not part of
 * the library's face. Every extractor gets one context (no globals): the
 * document being read, the rules and the caller's matcher. */
#ifndef SJ_EXTRACT_INT_H
#define SJ_EXTRACT_INT_H

#include <stddef.h>

#include "extract.h"
#include "memo.h"

typedef struct {
    sj_doc *d;           /* the document; its norm.text is what is read */
    const sj_ruleset *rs;
    sj_matcher *m;
} sj_xctx;

/* How far a deadline's task reaches on either side of its date, and how
 * far back a 《 is looked for, in bytes (about 200 Chinese characters):
 * sentences and titles of plans are shorter. Without the bound a
 * paragraph of thousands of dated items run together (hostile input)
 * made every task as long as the paragraph, and the check cubic. */
#define REACH 600

/* extract.c: shared helpers */
/* The key of the first rule of kind matching s[0, len), or NULL; the
 * lookup is remembered (memo.h), so the match data is undefined after. */
const char *sj_x_classify(const sj_ruleset *rs, sj_matcher *m, const char *kind,
                          const char *key, const char *s, size_t len);
int sj_x_in_title_quote(const char *text, sj_span p, size_t off);

/* The separators of one kind of list ([list_separator] rules whose lists
 * key names it: names, issuers, deferred, values, indicators, each,
 * coordinated), each a
 * literal word. */
#define SJ_X_MAX_SEPS 8
typedef struct {
    const char *word[SJ_X_MAX_SEPS];
    size_t len[SJ_X_MAX_SEPS];
    int n;
} sj_x_seps;
void sj_x_seps_of(const sj_ruleset *rs, const char *list, sj_x_seps *out);
/* the length of the separator at s (avail bytes readable), 0 if none */
size_t sj_x_sep_at(const sj_x_seps *seps, const char *s, size_t avail);

/* agencies.c */
void sj_x_agencies(const sj_xctx *cx, int pi);
void sj_x_table_agencies(const sj_xctx *cx, int pi);
int sj_x_agency_for(const sj_doc *d, int pi, size_t off);

/* deadlines.c */
void sj_x_deadlines(const sj_xctx *cx, int pi);
int sj_x_plan_start_year(const sj_doc *d);

/* targets.c */
void sj_x_prose_targets(const sj_xctx *cx, int pi);
sj_target *sj_x_new_target(sj_doc *d, int pi);
/* sets target t's unit as written (NULL: none), taking the malloc'd unit;
 * sj_x_finish_target reads it */
void sj_x_set_unit(sj_doc *d, sj_target *t, char *unit);
char *sj_x_clean_indicator(const char *s, size_t len, const sj_ruleset *rs,
                           sj_matcher *m);
void sj_x_finish_target(sj_doc *d, sj_target *t, const sj_ruleset *rs,
                        sj_matcher *m);
/* the comparator of target t from the cmp / cmp2 groups of rule r, matched
 * on base, else r's comparator key */
void sj_x_set_cmp(sj_target *t, const sj_rule *r, sj_matcher *m,
                  const sj_ruleset *rs, const char *base);

/* each target's figure: binding (a uniform mandate, or a plan that does
 * not allocate) or overall (see doc.h); after every target is read */
void sj_x_figures(const sj_xctx *cx);

/* tables.c */
void sj_x_table_targets(const sj_xctx *cx);

/* goals.c: marks the goal paragraphs (sj_para.goal) */
void sj_x_goals(const sj_xctx *cx);

#endif
