/* rules.h - the rule engine: loads rule files, compiles their PCRE2
 * patterns once (UTF mode, JIT where available), and matches them with
 * limits so that no rule can hang on any input.
 *
 * Rule file format (see rules/README.md for the full description):
 *
 *     # a comment line
 *     [KIND NAME]
 *     pattern = PCRE2 regex, may use {{MACRO}} from [define MACRO] rules
 *       a line starting with white space continues the previous value
 *     key = value
 *
 * Each KIND has a fixed set of allowed keys and allowed named capture
 * groups (the schema in rules/load.c); anything else is an error reported as
 * "FILE:LINE: message". Rules keep file order; files load in name order.
 */
#ifndef SJ_RULES_H
#define SJ_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdio.h>

#include <string.h>

#include "places.h"
#include "util.h"

#define SJ_RULE_MAX_KEYS 12

typedef struct {
    char *kind;
    char *name;
    char *file; /* as given, for messages */
    int line;   /* of the [KIND NAME] header */
    int pattern_line; /* of the pattern key (for errors about the pattern) */
    char *pattern; /* after macro expansion; NULL if none */
    pcre2_code *re;
    pcre2_code *trigger; /* what must match for re to: see sj_rule_may_match */
    int jit, trigger_jit; /* JIT-compiled: matched with pcre2_jit_match */
    /* a pattern that opens with a choice of words, (?:到|至)? or (?:到|至),
     * is searched by its rest (see sj_match): the rest compiled on its
     * own, and the longest of the words in bytes */
    pcre2_code *rest;
    int rest_jit;
    size_t lead_max;
    int nkeys;
    char *keys[SJ_RULE_MAX_KEYS];
    char *vals[SJ_RULE_MAX_KEYS];
    int pf_bit; /* its bit in its kind's prefilter scan, -1: always a candidate */
    int pf_kind; /* on the first rule of a kind: its prefilter database, -1: none */
} sj_rule;

#define SJ_MAX_KINDS 96
#define SJ_KIND_SLOTS 256 /* hash slots of the kind index, > 2 * SJ_MAX_KINDS */

typedef struct {
    sj_rule *rules;
    size_t n, cap;
    /* kind index, rebuilt after each file: the first rule of each kind and,
     * per rule, the next rule of the same kind (-1 at the end) */
    struct {
        const char *kind;
        int first;
    } kinds[SJ_MAX_KINDS];
    int nkinds;
    int *next_of_kind;
    /* kind name hash (sj_kind_hash) -> kinds[] index + 1, open addressing;
     * 0 is an empty slot */
    unsigned char kind_slot[SJ_KIND_SLOTS];
    /* the container readers' rules (read/read.rules of the same folder,
     * see read.h), loaded with the rest by sj_rules_load_dir; NULL when
     * the rules came from text: then every input is read as plain text */
    struct sj_read_rules *read;
    /* the administrative divisions of places.tsv, when the rules
     * directory has one (sj_rules_load_dir); empty otherwise */
    sj_places places;
    struct sj_pfset *pf; /* the Vectorscan databases (prefilter.h), or NULL */
    /* FNV-1a over the name and text of everything loaded into it (rule
     * files, places.tsv), in order; 0 before any load. Two rulesets with
     * the same fingerprint hold the same rules in the same order: the memo
     * (memo.h) keeps its answers from one plan to the next by it. */
    uint64_t fingerprint;
    /* (kind, name) hash -> rules[] index + 1, open addressing, for the
     * duplicate check and macro look-up: loading is linear in the rules */
    int *name_slot;
    size_t name_cap; /* a power of two, or 0 */
} sj_ruleset;

/* Loads every *.rules file in dir (sorted by name), then dir/read/read.rules
 * (the readers' rules: both or an error). Loads add to rs: start from a
 * zeroed one (sj_ruleset rs = {0}). */
int sj_rules_load_dir(const char *dir, sj_ruleset *rs, sj_err *err);
/* Loads rules from text; name is used in messages. */
int sj_rules_load_text(const char *name, const char *text, size_t len,
                       sj_ruleset *rs, sj_err *err);
/* Checks cross-file requirements (e.g. required kinds present). */
int sj_rules_validate(const sj_ruleset *rs, sj_err *err);
void sj_rules_free(sj_ruleset *rs);

const char *sj_rule_get(const sj_rule *r, const char *key);
/* The [numeral] rule for the one character at s (n bytes), or NULL. */
const sj_rule *sj_numeral_rule(const sj_ruleset *rs, const char *s, size_t n);
/* The value of the number written in words at s (len bytes), each
 * character a [numeral] rule: digits, places that multiply the digit
 * before them (一 is implied: 十二 = 12, 一千零五十 = 1050), digits in a run
 * (二〇二五 = 2025) and a point (point = yes: 零点八 = 0.8). 0 when a
 * character is none. */
int sj_numeral_value(const sj_ruleset *rs, const char *s, size_t len, double *v);

/* What the searches of one rule (or of its trigger) cost: --rule-costs */
typedef struct {
    unsigned long calls, hits;
    double ns;
} sj_cost;

/* Per-thread matching state: match data, match context with limits, JIT
 * stack. */
typedef struct {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    int limit_hits; /* matches abandoned at the limit */
    size_t limit;   /* the offset limit of sj_match_within, PCRE2_UNSET outside it */
    /* NULL, or two per rule of the ruleset costed (the rule, its trigger),
     * see sj_matcher_count_costs */
    sj_cost *cost;
    const sj_rule *costed;
    size_t ncosted;
    void *hs_scratch; /* Vectorscan scratch of the prefilter (prefilter.h) */
    const void *hs_scratch_for; /* the databases it was made for */
    struct sj_memo *memo; /* remembered lookups of one document (memo.h) */
    /* normalize's per-thread state (the OpenCC converters it opened,
     * normalize_int.h), NULL until first needed; freed with norm_free */
    void *norm;
    void (*norm_free)(void *);
} sj_matcher;

void sj_matcher_init(sj_matcher *m);
void sj_matcher_free(sj_matcher *m);
/* From now on, times every sj_match and sj_rule_may_match of m on a rule of
 * rs (two clock reads per search: for finding slow rules, not for speed). */
void sj_matcher_count_costs(sj_matcher *m, const sj_ruleset *rs);
/* The costed rules, slowest first, one line each: milliseconds, searches,
 * matches, kind, name, file:line; a trigger as "(trigger)". */
void sj_rule_costs_print(FILE *f, const sj_matcher *m);

/* Matches r against subject from offset start. Returns 1 on a match (use
 * sj_match_span / sj_match_group), 0 on none or on hitting a limit. */
/* A quick test before sj_match: false when the rule cannot match in
 * subj[start, len). A target pattern that opens with the lazy indicator
 * (?<indicator>{{IND}}) can only match where the rest of it matches, and
 * the rest starts with its verb, which PCRE2 finds fast; other rules
 * always pass. Speed only: results are the same. */
int sj_rule_may_match(sj_matcher *m, const sj_rule *r, const char *subj, size_t len,
                      size_t start);
int sj_match(sj_matcher *m, const sj_rule *r, const char *subj, size_t len,
             size_t start);
/* sj_match for a match that starts at or before offset limit: the search
 * stops there, while the match itself, and its lookarounds, may still read
 * up to len. For deadline rules only (compiled to allow it); others fail. */
int sj_match_within(sj_matcher *m, const sj_rule *r, const char *subj, size_t len,
                    size_t start, size_t limit);
void sj_match_span(const sj_matcher *m, size_t *s, size_t *e);
/* Named group of the last match; returns 0 if unset. */
int sj_match_group(const sj_matcher *m, const sj_rule *r, const char *name,
                   size_t *s, size_t *e);

/* Integer value of a named group of the last match (leading digits), 0 if
 * the group is unset or empty. */
int sj_match_int(const sj_matcher *m, const sj_rule *r, const char *subj,
                 const char *name);

/* The first rule of a kind (file order) matching s[0..len), or NULL. */
const sj_rule *sj_first_match(const sj_ruleset *rs, const char *kind,
                              sj_matcher *m, const char *s, size_t len);

static inline unsigned sj_kind_hash(const char *kind)
{
    return (unsigned)sj_fnv1a(SJ_FNV_START, kind, strlen(kind));
}

/* Iteration over the rules of one kind, in file order. The lookup is one
 * hash and one strcmp: it runs for every clause of every document. */
static inline const sj_rule *sj_rules_first(const sj_ruleset *rs, const char *kind)
{
    for (unsigned i = sj_kind_hash(kind) % SJ_KIND_SLOTS;; i = (i + 1) % SJ_KIND_SLOTS) {
        int k = rs->kind_slot[i] - 1;
        if (k < 0)
            return NULL;
        if (strcmp(rs->kinds[k].kind, kind) == 0)
            return &rs->rules[rs->kinds[k].first];
    }
}

static inline const sj_rule *sj_rules_next(const sj_ruleset *rs, const sj_rule *r)
{
    int nx = rs->next_of_kind[r - rs->rules];
    return nx < 0 ? NULL : &rs->rules[nx];
}

#define SJ_FOR_KIND(rs, kindname, var)                                     \
    for (const sj_rule *var = sj_rules_first((rs), (kindname)); var;       \
         var = sj_rules_next((rs), var))

#endif
