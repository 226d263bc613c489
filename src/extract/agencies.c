/* agencies.c - responsibility parentheticals ((牵头单位: …; 配合单位: …))
 * and the agency cells of task-list tables, read with [agency_clause],
 * [agency_alias] and [column_agency] rules into sj_agency entries, in
 * (paragraph, position) order. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void names_add(sj_names *n, const char *s, size_t len, const sj_ruleset *rs,
                      sj_matcher *m)
{
    while (len && (*s == ' '))
        s++, len--;
    if (len == 0)
        return;
    n->names = xrealloc(n->names, (size_t)(n->n + 1) * sizeof(char *));
    n->canon = xrealloc(n->canon, (size_t)(n->n + 1) * sizeof(char *));
    n->names[n->n] = xstrndup(s, len);
    /* its place-free role (agency_role.c), once per name and plan */
    const char *role;
    if (sj_memo_get(m, rs, "agency_role", s, len, &role)) {
        n->canon[n->n] = role ? xstrdup(role) : NULL;
    } else {
        n->canon[n->n] = sj_agency_role(rs, m, s, len);
        sj_memo_put(m, rs, "agency_role", s, len, n->canon[n->n]);
    }
    n->n++;
}

static void split_names(sj_names *n, const char *s, size_t len,
                        const sj_ruleset *rs, sj_matcher *m)
{
    sj_x_seps seps;
    sj_x_seps_of(rs, "names", &seps);
    size_t a = 0;
    for (size_t b = 0; b <= len; b++) {
        size_t sl = b < len ? sj_x_sep_at(&seps, s + b, len - b) : 0;
        if (b == len || sl) {
            names_add(n, s + a, b - a, rs, m);
            if (b < len)
                b += sl - 1;
            a = b + 1;
        }
    }
}

/* Parses the content of a parenthetical; returns 1 if it named offices. */
static int parse_agency(sj_doc *d, sj_agency_names *ag, size_t s, size_t e,
                        const sj_ruleset *rs, sj_matcher *m)
{
    int found = 0;
    size_t a = s;
    int depth = 0;
    for (size_t b = s; b <= e; b++) {
        int stop = b == e;
        if (!stop) {
            char c = d->norm.text[b];
            if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (depth == 0 && (c == ',' || c == ';' || !memcmp(d->norm.text + b, "。", 3)))
                stop = 1;
        }
        if (!stop)
            continue;
        const char *cs = d->norm.text + a;
        size_t cl = b - a;
        int done = 0;
        SJ_FOR_KIND(rs, "inherit", r)
            if (!done && sj_match(m, r, cs, cl, 0)) {
                size_t ns, ne;
                if (sj_match_group(m, r, "names", &ns, &ne)) {
                    d->inherit_from = d->nagencies; /* the one being read */
                }
                done = 1;
            }
        SJ_FOR_KIND(rs, "agency_clause", r)
            if (!done && sj_match(m, r, cs, cl, 0)) {
                size_t ns, ne;
                if (sj_match_group(m, r, "names", &ns, &ne)) {
                    const char *role = sj_rule_get(r, "role");
                    sj_names *n = !strcmp(role, "coop")        ? &ag->coop
                                  : !strcmp(role, "implement") ? &ag->implement
                                                               : &ag->lead;
                    split_names(n, cs + ns, ne - ns, rs, m);
                    found = 1;
                }
                done = 1;
            }
        a = b + (b < e && d->norm.text[b] != ',' && d->norm.text[b] != ';' ? 3 : 1);
        if (a > e)
            a = e;
    }
    return found;
}

/* The brackets a responsibility parenthetical is written in: （…） (after
 * NFKC (…)), 〔…〕 and 【…】. Returns the length of the opener at t (0 if
 * none) and its closer in *close. */
static size_t opener_at(const char *t, const char **close)
{
    static const char *const pairs[][2] = {{"(", ")"}, {"〔", "〕"}, {"【", "】"}};
    if (t[0] != '(' && (unsigned char)t[0] != 0xE3) /* 〔 and 【 start E3 80 */
        return 0;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t n = strlen(pairs[i][0]);
        if (!memcmp(t, pairs[i][0], n)) {
            *close = pairs[i][1];
            return n;
        }
    }
    return 0;
}

/* The 牵头单位 / 配合单位 cells of a task-list row ([column_agency]
 * headers) as one agency, marked from_table. */
void sj_x_table_agencies(const sj_xctx *cx, int pi)
{
    sj_doc *d = cx->d;
    const sj_ruleset *rs = cx->rs;
    sj_matcher *m = cx->m;
    const sj_row *row = &d->rows[d->paras[pi].table_row];
    const sj_table *tb = &d->tables[row->table];
    if (row->header)
        return;
    sj_agency ag;
    sj_agency_names who;
    memset(&ag, 0, sizeof ag);
    memset(&who, 0, sizeof who);
    ag.para = pi;
    ag.from_table = 1;
    int found = 0;
    for (int k = 0; k < row->ncells; k++) {
        const char *role = tb->agency_col[k];
        sj_span c = row->cells[k];
        if (!role || c.end <= c.start)
            continue;
        sj_names *n = !strcmp(role, "coop") ? &who.coop : &who.lead;
        split_names(n, d->norm.text + c.start, c.end - c.start, rs, m);
        if (!found)
            ag.span = c;
        ag.span.end = c.end;
        found = 1;
    }
    if (!found)
        return;
    sj_doc_keep_agency(d, &ag, &who);
    SJ_GROW(d->agencies, d->nagencies, d->capagencies);
    d->agencies[d->nagencies++] = ag;
}

/* How deeply brackets may nest inside a responsibility parenthetical.
 * Each character lies inside at most this many + 1 parentheticals that are
 * parsed, so a flood of nested brackets costs linear time too. */
#define MAX_INNER_NESTING 3

/* The closer of every opener of span p, brackets of any kind nesting: one
 * pass with a stack, so a flood of unmatched brackets costs linear time.
 * opens[k] (ascending) is the opener at which the k-th entry starts and
 * closes[k] the offset of its matching closer, 0 if it has none or if
 * brackets nest more than MAX_INNER_NESTING deep inside it. Returns the
 * number of openers; the arrays are the caller's to free. */
static size_t match_brackets(const char *text, sj_span p, size_t **opens, size_t **closes)
{
    size_t n = 0, cap = 0, *op = NULL, *cl = NULL;
    int *height = NULL; /* of each opener: how deeply brackets nest inside */
    size_t *stack = NULL, depth = 0, scap = 0;
    for (size_t k = p.start; k < p.end;) {
        const char *c2;
        size_t on = opener_at(text + k, &c2);
        if (on) {
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                op = xrealloc(op, cap * sizeof *op);
                cl = xrealloc(cl, cap * sizeof *cl);
                height = xrealloc(height, cap * sizeof *height);
            }
            op[n] = k;
            cl[n] = 0;
            height[n] = 0;
            if (depth == scap) {
                scap = scap ? scap * 2 : 16;
                stack = xrealloc(stack, scap * sizeof *stack);
            }
            stack[depth++] = n++;
            k += on;
            continue;
        }
        if ((text[k] == ')' || !memcmp(text + k, "〕", 3) || !memcmp(text + k, "】", 3)) &&
            depth) {
            size_t j = stack[--depth];
            if (height[j] <= MAX_INNER_NESTING)
                cl[j] = k;
            if (depth && height[stack[depth - 1]] < height[j] + 1)
                height[stack[depth - 1]] = height[j] + 1;
        }
        k += (unsigned char)text[k] >= 0xE0 ? 3 : 1;
    }
    free(stack);
    free(height);
    *opens = op;
    *closes = cl;
    return n;
}

void sj_x_agencies(const sj_xctx *cx, int pi)
{
    sj_doc *d = cx->d;
    const sj_ruleset *rs = cx->rs;
    sj_matcher *m = cx->m;
    sj_span p = d->paras[pi].span;
    size_t *opens, *closes;
    size_t nopen = match_brackets(d->norm.text, p, &opens, &closes);
    for (size_t j = 0, skip_to = 0; j < nopen; j++) {
        size_t b = opens[j], close = closes[j];
        if (b < skip_to)
            continue;
        const char *closer = ")";
        size_t on = opener_at(d->norm.text + b, &closer);
        if (!close || memcmp(d->norm.text + close, closer, strlen(closer)))
            continue;
        size_t inner = b + on;
        size_t after = close + strlen(closer);
        SJ_GROW(d->agencies, d->nagencies, d->capagencies);
        sj_agency *ag = &d->agencies[d->nagencies];
        memset(ag, 0, sizeof *ag);
        ag->span = (sj_span){b, after};
        ag->para = pi;
        int inh = d->inherit_from;
        sj_agency_names who;
        memset(&who, 0, sizeof who);
        if (parse_agency(d, &who, inner, close, rs, m)) {
            sj_doc_keep_agency(d, ag, &who);
            d->nagencies++;
            skip_to = after;
        } else {
            d->inherit_from = inh;
            sj_names_free(&who.lead);
            sj_names_free(&who.coop);
            sj_names_free(&who.implement);
        }
    }
    free(opens);
    free(closes);
}

/* The first parenthetical of paragraph pi at or after off, or -1.
 * Agencies are found paragraph by paragraph, left to right, so they are
 * sorted by (paragraph, position). */
int sj_x_agency_for(const sj_doc *d, int pi, size_t off)
{
    int lo = 0, hi = d->nagencies;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        const sj_agency *a = &d->agencies[mid];
        if (a->para < pi || (a->para == pi && a->span.start < off))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->nagencies && d->agencies[lo].para == pi ? lo : -1;
}
