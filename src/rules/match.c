/* match.c - running rules: the matcher (match data, JIT stack), searches
 * with their limits, groups, and the optional per-rule cost accounting
 * (--rule-costs). See rules.h. */
#include "rules.h"
#include "memo.h"
#include "prefilter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- matching ---------------------------------------------------------- */

void sj_matcher_init(sj_matcher *m)
{
    memset(m, 0, sizeof *m);
    m->limit = PCRE2_UNSET;
    m->md = pcre2_match_data_create(64, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    /* bounds: a rule that backtracks catastrophically gives up quickly */
    pcre2_set_match_limit(m->mctx, 200000);
    pcre2_set_depth_limit(m->mctx, 5000);
    pcre2_set_heap_limit(m->mctx, 20000); /* KiB */
    m->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (m->jit)
        pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
    if (!m->md || !m->mctx) {
        fputs("sijian-check: out of memory\n", stderr);
        exit(2);
    }
}

void sj_matcher_free(sj_matcher *m)
{
    if (m->md)
        pcre2_match_data_free(m->md);
    if (m->mctx)
        pcre2_match_context_free(m->mctx);
    if (m->jit)
        pcre2_jit_stack_free(m->jit);
    free(m->cost);
    sj_prefilter_scratch_free(m);
    sj_memo_free(m);
    if (m->norm_free)
        m->norm_free(m->norm);
    memset(m, 0, sizeof *m);
}

void sj_matcher_count_costs(sj_matcher *m, const sj_ruleset *rs)
{
    free(m->cost);
    m->cost = xcalloc(2 * rs->n + 1, sizeof *m->cost);
    m->costed = rs->rules;
    m->ncosted = rs->n;
}

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* the cost entry of r (trigger: its trigger's), NULL when not counted */
static sj_cost *cost_of(const sj_matcher *m, const sj_rule *r, int trigger)
{
    if (!m->cost || r < m->costed || r >= m->costed + m->ncosted)
        return NULL;
    return &m->cost[2 * (size_t)(r - m->costed) + (size_t)trigger];
}

static int by_cost(const void *a, const void *b, void *ctx)
{
    const sj_matcher *m = ctx;
    double x = m->cost[*(const size_t *)a].ns, y = m->cost[*(const size_t *)b].ns;
    return x < y ? 1 : x > y ? -1 : 0;
}

void sj_rule_costs_print(FILE *f, const sj_matcher *m)
{
    if (!m->cost)
        return;
    size_t n = 2 * m->ncosted, k = 0;
    size_t *order = xmalloc((n + 1) * sizeof *order);
    double total = 0;
    for (size_t i = 0; i < n; i++)
        if (m->cost[i].calls) {
            order[k++] = i;
            total += m->cost[i].ns;
        }
    qsort_r(order, k, sizeof *order, by_cost, (void *)m);
    fprintf(f, "rule costs: %.1f ms in %zu rules and triggers (two clock reads per search "
               "included)\n%9s %9s %8s  rule\n", total / 1e6, k, "ms", "searches", "matches");
    for (size_t i = 0; i < k; i++) {
        const sj_cost *c = &m->cost[order[i]];
        const sj_rule *r = &m->costed[order[i] / 2];
        fprintf(f, "%9.2f %9lu %8lu  [%s %s] %s:%d%s\n", c->ns / 1e6, c->calls, c->hits,
                r->kind, r->name ? r->name : "", r->file, r->line,
                order[i] % 2 ? " (trigger)" : "");
    }
    free(order);
}

static int is_limit(int rc)
{
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
           rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

/* one search of code from start; the JIT fast path skips pcre2_match's
 * checks of its arguments */
static int search(sj_matcher *m, const pcre2_code *code, int jit, const char *subj,
                  size_t len, size_t start, size_t limit)
{
    pcre2_set_offset_limit(m->mctx, limit);
    return jit ? pcre2_jit_match(code, (PCRE2_SPTR)subj, len, start, 0, m->md, m->mctx)
               : pcre2_match(code, (PCRE2_SPTR)subj, len, start, PCRE2_NO_UTF_CHECK, m->md,
                             m->mctx);
}

/* A pattern W R, where W is a choice of words of at most L bytes (or
 * optional), matches at p only where R matches at some q in [p, p + L].
 * So the leftmost match is found by searching R, which starts more
 * selectively (the words 到, 至 start with bytes that half of all Chinese
 * characters start with; R with a digit), and trying the full pattern only
 * at the starts from q - L to q, in order: the same match the plain search
 * finds, since that one also tries every start in order. */
static int search_by_rest(sj_matcher *m, const sj_rule *r, const char *subj, size_t len,
                          size_t start)
{
    size_t outer = m->limit, tried = start;
    size_t lead = r->lead_max;
    for (size_t q = start; q <= len;) {
        size_t rl = outer == PCRE2_UNSET ? PCRE2_UNSET : outer + lead;
        int rc = search(m, r->rest, r->rest_jit, subj, len, q, rl);
        if (rc <= 0) {
            if (!is_limit(rc))
                return 0;
            /* the rest gave up: search the whole of what is left */
            rc = search(m, r->re, r->jit, subj, len, tried, outer);
            return rc > 0 ? 1 : (is_limit(rc) ? (m->limit_hits++, 0) : 0);
        }
        size_t qs = pcre2_get_ovector_pointer(m->md)[0];
        size_t s = qs > tried + lead ? qs - lead : tried;
        while (s < qs && ((unsigned char)subj[s] & 0xC0) == 0x80)
            s++;
        size_t lim = outer != PCRE2_UNSET && outer < qs ? outer : qs;
        if (s <= lim) {
            rc = search(m, r->re, r->jit, subj, len, s, lim);
            if (rc > 0)
                return 1;
            if (is_limit(rc)) {
                m->limit_hits++;
                return 0;
            }
        }
        /* every start up to qs is tried: go on after it */
        q = qs + 1;
        while (q < len && ((unsigned char)subj[q] & 0xC0) == 0x80)
            q++;
        tried = q;
        if (outer != PCRE2_UNSET && tried > outer)
            return 0;
    }
    return 0;
}

static int match_rule(sj_matcher *m, const sj_rule *r, const char *subj, size_t len,
                      size_t start);

int sj_match(sj_matcher *m, const sj_rule *r, const char *subj, size_t len,
             size_t start)
{
    sj_cost *c = cost_of(m, r, 0);
    if (!c)
        return match_rule(m, r, subj, len, start);
    double t = now_ns();
    int rc = match_rule(m, r, subj, len, start);
    c->ns += now_ns() - t;
    c->calls++;
    c->hits += rc > 0;
    return rc;
}

static int match_rule(sj_matcher *m, const sj_rule *r, const char *subj, size_t len,
                      size_t start)
{
    if (!r->re || start > len)
        return 0;
    int rc;
    if (r->rest) {
        rc = search_by_rest(m, r, subj, len, start);
        pcre2_set_offset_limit(m->mctx, m->limit);
        return rc;
    }
    rc = r->jit ? pcre2_jit_match(r->re, (PCRE2_SPTR)subj, len, start, 0, m->md, m->mctx)
                : pcre2_match(r->re, (PCRE2_SPTR)subj, len, start, PCRE2_NO_UTF_CHECK,
                              m->md, m->mctx);
    if (rc > 0)
        return 1;
    if (is_limit(rc))
        m->limit_hits++;
    return 0;
}

int sj_match_within(sj_matcher *m, const sj_rule *r, const char *subj, size_t len,
                    size_t start, size_t limit)
{
    m->limit = limit;
    pcre2_set_offset_limit(m->mctx, limit);
    int rc = sj_match(m, r, subj, len, start);
    m->limit = PCRE2_UNSET;
    pcre2_set_offset_limit(m->mctx, PCRE2_UNSET);
    return rc;
}

int sj_rule_may_match(sj_matcher *m, const sj_rule *r, const char *subj, size_t len,
                      size_t start)
{
    if (!r->trigger)
        return 1;
    if (start > len)
        return 0;
    sj_cost *c = cost_of(m, r, 1);
    double t = c ? now_ns() : 0;
    int rc = r->trigger_jit
                 ? pcre2_jit_match(r->trigger, (PCRE2_SPTR)subj, len, start, 0, m->md, m->mctx)
                 : pcre2_match(r->trigger, (PCRE2_SPTR)subj, len, start, PCRE2_NO_UTF_CHECK,
                               m->md, m->mctx);
    if (c) {
        c->ns += now_ns() - t;
        c->calls++;
        c->hits += rc > 0;
    }
    /* a trigger that gives up at a limit proves nothing */
    return rc > 0 || rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
           rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

void sj_match_span(const sj_matcher *m, size_t *s, size_t *e)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    *s = ov[0];
    *e = ov[1];
}

int sj_match_group(const sj_matcher *m, const sj_rule *r, const char *name,
                   size_t *s, size_t *e)
{
    /* with duplicate names, the first set group of that name wins */
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(r->re, (PCRE2_SPTR)name, &first,
                                              &last);
    if (size <= 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    uint32_t pairs = pcre2_get_ovector_count(m->md);
    for (PCRE2_SPTR ent = first; ent <= last; ent += size) {
        uint32_t n = (uint32_t)((ent[0] << 8) | ent[1]);
        if (n < pairs && ov[2 * n] != PCRE2_UNSET) {
            *s = ov[2 * n];
            *e = ov[2 * n + 1];
            return 1;
        }
    }
    return 0;
}

int sj_match_int(const sj_matcher *m, const sj_rule *r, const char *subj,
                 const char *name)
{
    size_t s, e;
    if (!sj_match_group(m, r, name, &s, &e))
        return 0;
    int v = 0;
    for (size_t i = s; i < e && i < s + 9 && subj[i] >= '0' && subj[i] <= '9'; i++)
        v = v * 10 + (subj[i] - '0');
    return v;
}

const sj_rule *sj_first_match(const sj_ruleset *rs, const char *kind,
                              sj_matcher *m, const char *s, size_t len)
{
    /* one Vectorscan scan, when the kind has a database, leaves only the
     * rules that can match anywhere in s (prefilter.h) */
    sj_cand c;
    sj_prefilter_scan(m, rs, kind, s, len, &c);
    SJ_FOR_KIND(rs, kind, r)
        if (sj_cand_has(&c, r) && sj_match(m, r, s, len, 0))
            return r;
    return NULL;
}
