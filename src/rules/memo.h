/* memo.h - the answers of pure rule lookups, remembered within one
 * document.
 *
 * A plan names the same indicators and offices again and again (市生态环境局
 * in every parenthetical, an indicator at 2025 and again at 2030, and the
 * indicator looked up again when figures are classified), and each lookup
 * runs a kind's rules over the same short string. Between sj_memo_begin and
 * sj_memo_end (sj_extract brackets one document with them) the answer for
 * a (tag, string) is computed once.
 *
 * The promise: a lookup through the memo returns what the plain lookup
 * returns (the answers depend only on the rules and the string, and the
 * rules cannot change between begin and end). Outside begin/end, or with
 * another ruleset than the one begun with, nothing is remembered. The
 * answers are kept from one begin/end to the next while the ruleset begun
 * with has the same fingerprint (rules.h: the same rules, loaded from the
 * same texts; plans of one run share most of their indicators and
 * offices); rule answers are kept as indexes into the ruleset, so a
 * ruleset freed and loaded again answers with its own rules. The memory
 * is bounded: past SJ_MEMO_MAX entries it starts again empty.
 * The memo lives in the matcher (one per worker), which owns it. */
#ifndef SJ_MEMO_H
#define SJ_MEMO_H

#include <stddef.h>

#include "rules.h"

#define SJ_MEMO_MAX 4096 /* entries before the memo starts again */

/* Starts remembering lookups made with rs; sj_memo_end forgets them. */
void sj_memo_begin(sj_matcher *m, const sj_ruleset *rs);
void sj_memo_end(sj_matcher *m);
/* Frees the memo's memory (sj_matcher_free calls it). */
void sj_memo_free(sj_matcher *m);

/* sj_first_match, remembered. Unlike sj_first_match it leaves the match
 * data undefined: for callers that want the rule only. */
const sj_rule *sj_first_rule(const sj_ruleset *rs, const char *kind, sj_matcher *m,
                             const char *s, size_t len);

/* A remembered string answer of lookup tag for s[0, len): returns 1 and
 * sets *val (NULL when NULL was remembered; valid until the next call of
 * the memo: copy it) when known, else 0. sj_memo_put remembers val (copied) when the memo is
 * active for rs. */
int sj_memo_get(sj_matcher *m, const sj_ruleset *rs, const char *tag, const char *s,
                size_t len, const char **val);
void sj_memo_put(sj_matcher *m, const sj_ruleset *rs, const char *tag, const char *s,
                 size_t len, const char *val);

#endif
