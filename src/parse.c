#include "parse.h"

#include <stdlib.h>
#include <string.h>

static char *group_dup(sj_matcher *m, const sj_rule *r, const char *text,
                       const char *name)
{
    size_t s, e;
    if (!sj_match_group(m, r, name, &s, &e))
        return NULL;
    return xstrndup(text + s, e - s);
}

/* First rule of a kind matching the span, or NULL. */
static const sj_rule *first_match(const sj_ruleset *rs, const char *kind,
                                  sj_matcher *m, const sj_doc *d, sj_span s)
{
    return sj_first_match(rs, kind, m, d->norm.text + s.start, s.end - s.start);
}

static void split_paras(sj_doc *d)
{
    const char *t = d->norm.text;
    size_t i = 0;
    while (i < d->norm.len) {
        const char *nl = memchr(t + i, '\n', d->norm.len - i);
        size_t e = nl ? (size_t)(nl - t) : d->norm.len;
        if (e > i) {
            SJ_GROW(d->paras, d->nparas, d->capparas);
            sj_para *p = &d->paras[d->nparas++];
            p->span = (sj_span){i, e};
            p->section = -1;
            p->table_row = -1;
            p->body = 1;
        }
        i = e + 1;
    }
}

static int span_eq(const sj_doc *d, sj_span a, sj_span b)
{
    return a.end - a.start == b.end - b.start &&
           memcmp(d->norm.text + a.start, d->norm.text + b.start,
                  a.end - a.start) == 0;
}

/* Rows: paragraphs holding a tab. Consecutive rows (blank lines between
 * them do not matter: paragraphs are non-blank lines) form one table; a
 * row equal to the table's header (repeated after a page break) is
 * marked as a header. */
/* The first row of table tb is its header when no cell holds a
 * digit-only value: then its cells name the columns. */
static void first_row(sj_doc *d, sj_table *tb, sj_row *row, const sj_ruleset *rs,
                      sj_matcher *m)
{
    const char *t = d->norm.text;
    int numeric = 0;
    for (int k = 1; k < row->ncells && !numeric; k++) {
        /* (the rules run once per cell, not once per digit: a long cell of
         * digits made this quadratic) */
        sj_span cs = row->cells[k];
        int digit = 0;
        for (size_t b = cs.start; b < cs.end && !digit; b++)
            digit = t[b] >= '0' && t[b] <= '9';
        numeric = digit && !first_match(rs, "table_year", m, d, cs) &&
                  !first_match(rs, "column_year", m, d, cs) &&
                  !first_match(rs, "column_skip", m, d, cs);
    }
    if (!numeric) {
        row->header = 1;
        tb->header_row = d->nrows;
        for (int k = 0; k < row->ncells; k++) {
            const sj_rule *r = first_match(rs, "table_year", m, d, row->cells[k]);
            if (r) {
                tb->target_year = sj_match_int(m, r, t + row->cells[k].start, "year");
                tb->value_col = k;
            }
            if (first_match(rs, "unit_header", m, d, row->cells[k]))
                tb->unit_col = k;
            if ((r = first_match(rs, "column_year", m, d, row->cells[k])))
                tb->col_year[k] = sj_match_int(m, r, t + row->cells[k].start, "year");
            if (first_match(rs, "column_skip", m, d, row->cells[k]))
                tb->skip_col[k] = 1;
            if ((r = first_match(rs, "column_agency", m, d, row->cells[k])))
                tb->agency_col[k] = sj_rule_get(r, "role");
        }
    }
}

static void find_tables(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    const char *t = d->norm.text;
    for (int pi = 0; pi < d->nparas; pi++) {
        sj_span s = d->paras[pi].span;
        if (!memchr(t + s.start, '\t', s.end - s.start))
            continue;
        int prev_is_row = pi > 0 && d->paras[pi - 1].table_row >= 0;
        if (!prev_is_row) {
            SJ_GROW(d->tables, d->ntables, d->captables);
            sj_table *tb = &d->tables[d->ntables++];
            memset(tb, 0, sizeof *tb);
            tb->first_row = d->nrows;
            tb->header_row = -1;
            tb->value_col = -1;
            tb->unit_col = -1;
            /* a caption just before the table may carry the year */
            if (pi > 0) {
                const sj_rule *r = first_match(rs, "table_year", m, d,
                                               d->paras[pi - 1].span);
                if (r)
                    tb->target_year =
                        sj_match_int(m, r, t + d->paras[pi - 1].span.start, "year");
            }
        }
        sj_table *tb = &d->tables[d->ntables - 1];
        SJ_GROW(d->rows, d->nrows, d->caprows);
        sj_row *row = &d->rows[d->nrows];
        memset(row, 0, sizeof *row);
        row->para = pi;
        row->table = d->ntables - 1;
        size_t c = s.start;
        while (c <= s.end && row->ncells < SJ_MAX_CELLS) {
            const char *tab = memchr(t + c, '\t', s.end - c);
            size_t ce = tab ? (size_t)(tab - t) : s.end;
            row->cells[row->ncells++] = (sj_span){c, ce};
            if (!tab)
                break;
            c = ce + 1;
        }
        d->paras[pi].table_row = d->nrows;
        if (tb->nrows == 0) {
            first_row(d, tb, row, rs, m);
        } else if (tb->header_row >= 0 &&
                   span_eq(d, d->paras[pi].span,
                           d->paras[d->rows[tb->header_row].para].span)) {
            row->header = 1;
        }
        tb->nrows++;
        d->nrows++;
    }
    /* a 基准年 note after a table */
    for (int ti = 0; ti < d->ntables; ti++) {
        sj_table *tb = &d->tables[ti];
        int last = d->rows[tb->first_row + tb->nrows - 1].para;
        for (int pi = last + 1; pi < d->nparas && pi <= last + 2; pi++) {
            const sj_rule *r = first_match(rs, "base_year", m, d, d->paras[pi].span);
            if (r) {
                tb->base_year = sj_match_int(m, r, t + d->paras[pi].span.start, "year");
                break;
            }
        }
    }
}

static void find_sections(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    const char *t = d->norm.text;
    int stack[8];
    int depth = 0;
    for (int pi = 0; pi < d->nparas; pi++) {
        sj_para *p = &d->paras[pi];
        if (p->table_row >= 0) {
            p->section = depth ? stack[depth - 1] : -1;
            continue;
        }
        const sj_rule *r = first_match(rs, "heading", m, d, p->span);
        if (r) {
            int level = atoi(sj_rule_get(r, "level"));
            size_t ns = 0, ne = 0, s, e;
            sj_match_span(m, &s, &e);
            if (!sj_match_group(m, r, "number", &ns, &ne))
                ns = s, ne = e;
            while (depth > 0 && d->sections[stack[depth - 1]].level >= level)
                depth--;
            SJ_GROW(d->sections, d->nsections, d->capsections);
            sj_section *sec = &d->sections[d->nsections];
            sec->level = level;
            sec->number = (sj_span){p->span.start + ns, p->span.start + ne};
            size_t ts = p->span.start + e, te = p->span.end;
            const char *stop = NULL;
            for (size_t b = ts; b + 3 <= te; b++)
                if (!memcmp(t + b, "。", 3)) {
                    stop = t + b;
                    break;
                }
            if (stop)
                te = (size_t)(stop - t);
            sec->title = (sj_span){ts, te};
            sec->line_start = p->span.start;
            sec->parent = depth ? stack[depth - 1] : -1;
            if (depth < 8)
                stack[depth++] = d->nsections;
            d->nsections++;
        }
        p->section = depth ? stack[depth - 1] : -1;
    }
}

/* Sentences end at 。 ! ? ; outside parentheses; a parenthetical right
 * after the stop belongs to the sentence before it. */
static void find_sentences(sj_doc *d)
{
    const char *t = d->norm.text;
    for (int pi = 0; pi < d->nparas; pi++) {
        sj_span s = d->paras[pi].span;
        if (d->paras[pi].table_row >= 0) {
            SJ_GROW(d->sentences, d->nsentences, d->capsentences);
            d->sentences[d->nsentences++] = (sj_sentence){s};
            continue;
        }
        size_t start = s.start;
        int depth = 0;
        for (size_t b = s.start; b < s.end;) {
            int32_t cp;
            int n = sj_utf8_decode(t + b, s.end - b, &cp);
            b += (size_t)n;
            if (cp == '(' || cp == 0x3014 || cp == 0x3010)
                depth++;
            else if ((cp == ')' || cp == 0x3015 || cp == 0x3011) && depth > 0)
                depth--;
            else if (depth == 0 && (cp == 0x3002 || cp == '!' || cp == '?' || cp == ';')) {
                size_t e = b;
                /* swallow a following parenthetical */
                if (e < s.end && (t[e] == '(' || !memcmp(t + e, "\xE3\x80\x94", 3))) {
                    int dd = 0;
                    size_t k = e;
                    while (k < s.end) {
                        int32_t c2;
                        int n2 = sj_utf8_decode(t + k, s.end - k, &c2);
                        k += (size_t)n2;
                        if (c2 == '(' || c2 == 0x3014)
                            dd++;
                        else if ((c2 == ')' || c2 == 0x3015) && --dd == 0)
                            break;
                    }
                    if (dd == 0)
                        e = k;
                    b = e;
                }
                SJ_GROW(d->sentences, d->nsentences, d->capsentences);
                d->sentences[d->nsentences++] = (sj_sentence){{start, e}};
                start = e;
            }
        }
        if (start < s.end) {
            SJ_GROW(d->sentences, d->nsentences, d->capsentences);
            d->sentences[d->nsentences++] = (sj_sentence){{start, s.end}};
        }
    }
}

static int ends_terminal(const sj_doc *d, sj_span s)
{
    if (s.end == s.start)
        return 1;
    const char *t = d->norm.text;
    size_t b = s.end - 1;
    while (b > s.start && ((unsigned char)t[b] & 0xC0) == 0x80)
        b--;
    int32_t cp;
    sj_utf8_decode(t + b, s.end - b, &cp);
    return cp == 0x3002 || cp == ')' || cp == ':' || cp == ';' || cp == ',' ||
           cp == '!' || cp == '?';
}

/* s with every match of the [title_ignore] rules removed, into b */
static void strip_ignored(const char *s, size_t len, const sj_ruleset *rs, sj_matcher *m,
                          sj_buf *b)
{
    b->len = 0;
    sj_buf_add(b, s, len);
    SJ_FOR_KIND(rs, "title_ignore", r) {
        sj_buf o = {0};
        size_t off = 0, copied = 0;
        while (off < b->len && sj_match(m, r, b->data, b->len, off)) {
            size_t ms, me;
            sj_match_span(m, &ms, &me);
            if (me > ms) {
                sj_buf_add(&o, b->data + copied, ms - copied);
                copied = me;
                off = me;
            } else {
                off = ms + 1;
                while (off < b->len && ((unsigned char)b->data[off] & 0xC0) == 0x80)
                    off++;
            }
        }
        if (copied) {
            sj_buf_add(&o, b->data + copied, b->len - copied);
            sj_buf_free(b);
            *b = o;
        } else {
            sj_buf_free(&o);
        }
    }
}

/* the code of the division a title opens with (rules/places.tsv, the
 * last of a chain: 四川省宜宾市… -> 宜宾市), "" if none */
static void title_place(const sj_ruleset *rs, const char *title, char code[7])
{
    size_t used;
    int k = title ? sj_places_chain(&rs->places, title, strlen(title), &used) : -1;
    code[0] = '\0';
    if (k >= 0)
        memcpy(code, rs->places.items[k].code, 7);
}

char *sj_title_key(const char *title, const sj_ruleset *rs, sj_matcher *m)
{
    sj_buf b = {0};
    strip_ignored(title, strlen(title), rs, m, &b);
    /* unwrap nested notices; each round makes the text shorter */
    for (int round = 0; round < 8; round++) {
        int again = 0;
        SJ_FOR_KIND(rs, "cite_unwrap", r) {
            size_t gs, ge;
            if (b.len && sj_match(m, r, b.data, b.len, 0) &&
                sj_match_group(m, r, "title", &gs, &ge) && ge > gs && ge - gs < b.len) {
                char *inner = xstrndup(b.data + gs, ge - gs);
                strip_ignored(inner, ge - gs, rs, m, &b);
                free(inner);
                again = 1;
                break;
            }
        }
        if (!again)
            break;
    }
    return sj_buf_take(&b);
}

/* A cite looked up among the document's: its title */
typedef struct {
    const sj_doc *d;
    const char *title;
} cite_query;

static uint64_t cite_hash(const void *ctx, int i)
{
    const char *t = ((const sj_doc *)ctx)->cites[i].title;
    return sj_fnv1a(SJ_FNV_START, t, strlen(t));
}

static int same_cite(const void *ctx, int i)
{
    const cite_query *q = ctx;
    return !strcmp(q->d->cites[i].title, q->title);
}

/* Adds a cited title (and 文号) unless already cited; the titles are found
 * by hash (slots), so that a plan citing thousands of plans reads in
 * linear time. */
static void add_cite(sj_doc *d, sj_slots *slots, char *title, char *docno)
{
    sj_slots_reserve(slots, (size_t)d->ncites + 1, d->ncites, cite_hash, d);
    cite_query q = {d, title};
    int *slot = sj_slots_find(slots, sj_fnv1a(SJ_FNV_START, title, strlen(title)), same_cite, &q);
    if (*slot) {
        sj_cite *c = &d->cites[*slot - 1];
        if (!c->docno && docno) {
            c->docno = docno;
            docno = NULL;
        }
        free(title);
        free(docno);
        return;
    }
    SJ_GROW(d->cites, d->ncites, d->capcites);
    d->cites[d->ncites++] = (sj_cite){title, docno, NULL, ""};
    *slot = d->ncites;
}

/* Sets the title from a [title_from] rule (the covering notice's 关于印发
 * 《X》的通知, a news lead's 印发《X》, the notice text's 《X》已经…): the
 * first front paragraph (before paragraph limit) one matches, or a short
 * unfinished paragraph and the next line together (a notice title split
 * over two lines). The title is the rule's title group, after its place
 * group when it has one and the title does not start with it. Returns 1
 * when a rule gave the title. */
static int title_from(sj_doc *d, const sj_ruleset *rs, sj_matcher *m, int limit)
{
    const char *t = d->norm.text;
    if (!sj_rules_first(rs, "title_from"))
        return 0;
    char *best = NULL;
    sj_span best_span = {0, 0};
    for (int pi = 0; pi < limit && pi < d->nparas && pi < 40; pi++) {
        if (d->paras[pi].table_row >= 0)
            continue;
        sj_span s = d->paras[pi].span;
        int found = 0;
        for (int pair = 0; pair < 2 && !found; pair++) {
            if (pair) {
                /* the next line, right after this one */
                if (pi + 1 >= d->nparas || d->paras[pi + 1].span.start != s.end + 1 ||
                    ends_terminal(d, s) || sj_utf8_count(t + s.start, s.end - s.start) > 40)
                    break;
                s.end = d->paras[pi + 1].span.end;
            }
            SJ_FOR_KIND(rs, "title_from", r) {
                size_t gs, ge, ps, pe;
                if (!sj_match(m, r, t + s.start, s.end - s.start, 0) ||
                    !sj_match_group(m, r, "title", &gs, &ge) || ge <= gs)
                    continue;
                sj_buf b = {0};
                if (sj_match_group(m, r, "place", &ps, &pe) && pe > ps &&
                    (ge - gs < pe - ps || memcmp(t + s.start + gs, t + s.start + ps, pe - ps)))
                    sj_buf_add(&b, t + s.start + ps, pe - ps);
                for (size_t i = s.start + gs; i < s.start + ge; i++)
                    if (t[i] != '\n')
                        sj_buf_addc(&b, t[i]);
                char *cand = sj_buf_take(&b);
                /* the first name found, unless a later one is it in full
                 * (a headline's 某某方案, the lead's 某省某某方案) */
                if (!best || (strlen(cand) > strlen(best) && strstr(cand, best))) {
                    free(best);
                    best = cand;
                    best_span = (sj_span){s.start + gs, s.start + ge};
                } else {
                    free(cand);
                }
                found = 1;
                break;
            }
        }
    }
    if (!best)
        return 0;
    d->title = best;
    d->title_span = best_span;
    return 1;
}

/* Title, issue date and where the plan's body starts (the paragraphs
 * before it are a covering notice); returns the date's paragraph, -1. */
static int find_title(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    const char *t = d->norm.text;
    int first_l1 = d->nparas;
    for (int i = 0; i < d->nsections; i++)
        if (d->sections[i].level == 1) {
            for (int pi = 0; pi < d->nparas; pi++)
                if (d->paras[pi].span.start == d->sections[i].line_start) {
                    first_l1 = pi;
                    break;
                }
            break;
        }
    /* plan title: the last [plan_title] paragraph before the first
     * top-level heading that is not a covering notice */
    int title_pi = -1;
    for (int pi = 0; pi < first_l1 && pi < d->nparas; pi++) {
        sj_span s = d->paras[pi].span;
        if (d->paras[pi].table_row >= 0 || s.end - s.start > 240)
            continue;
        if (first_match(rs, "plan_title", m, d, s) &&
            !first_match(rs, "notice", m, d, s) && !first_match(rs, "title_reject", m, d, s))
            title_pi = pi;
    }
    int date_pi = -1;
    for (int pi = 0; pi < d->nparas && pi < (title_pi >= 0 ? title_pi : 40); pi++) {
        const sj_rule *r = first_match(rs, "date", m, d, d->paras[pi].span);
        if (r && date_pi < 0) {
            date_pi = pi;
            d->date = sj_span_dup(d, d->paras[pi].span);
        }
    }
    if (title_pi < 0 && title_from(d, rs, m, first_l1)) {
        d->body_start_para = 0;
    } else if (title_pi < 0) {
        /* no covering notice: the first paragraph is the title, unless it
         * is a heading, an addressee line or a sentence ([title_reject]) */
        for (int pi = 0; pi < d->nparas && pi < 5; pi++)
            if (d->paras[pi].table_row < 0) {
                sj_span s = d->paras[pi].span;
                if (!first_match(rs, "heading", m, d, s) &&
                    !first_match(rs, "title_reject", m, d, s))
                    title_pi = pi;
                break;
            }
        d->body_start_para = 0;
    } else {
        /* what comes before the title is a covering notice when a [notice],
         * [docno] or [date] rule says so; else (a news lead summing the
         * plan up: 近日,某市印发《X》,提出到2025年…) it is read too */
        int notice = 0;
        for (int pi = 0; pi < title_pi && !notice; pi++) {
            sj_span p = d->paras[pi].span;
            notice = first_match(rs, "notice", m, d, p) || first_match(rs, "docno", m, d, p) ||
                     first_match(rs, "date", m, d, p);
        }
        d->body_start_para = notice ? title_pi : 0;
    }
    if (title_pi >= 0) {
        sj_span s = d->paras[title_pi].span;
        if (title_pi > 0 && title_pi - 1 != date_pi) {
            sj_span p = d->paras[title_pi - 1].span;
            if (!ends_terminal(d, p) && sj_utf8_count(t + p.start, p.end - p.start) <= 30 &&
                !first_match(rs, "docno", m, d, p) && !first_match(rs, "date", m, d, p) &&
                !first_match(rs, "notice", m, d, p) && !first_match(rs, "title_reject", m, d, p) &&
                d->paras[title_pi - 1].table_row < 0) {
                s.start = p.start;
                if (d->body_start_para > 0)
                    d->body_start_para--;
            }
        }
        d->title_span = s;
        sj_buf b = {0};
        for (size_t i = s.start; i < s.end; i++)
            if (t[i] != '\n')
                sj_buf_addc(&b, t[i]);
        d->title = sj_buf_take(&b);
    }
    for (int pi = 0; pi < d->nparas; pi++)
        d->paras[pi].body = pi >= d->body_start_para;

    return date_pi;
}

/* issuer: short unpunctuated lines right before the issue date (in
 * paragraph date_pi) */
static void find_issuer(sj_doc *d, const sj_ruleset *rs, sj_matcher *m, int date_pi)
{
    const char *t = d->norm.text;
    if (date_pi <= 0)
        return;
    sj_buf b = {0};
    int first = date_pi;
    while (first > 0) {
        sj_span p = d->paras[first - 1].span;
        size_t chars = sj_utf8_count(t + p.start, p.end - p.start);
        if (chars > 30 || chars < 3 || ends_terminal(d, p) ||
            d->paras[first - 1].table_row >= 0 ||
            first_match(rs, "docno", m, d, p) || first_match(rs, "notice", m, d, p) ||
            memchr(t + p.start, ',', p.end - p.start))
            break;
        first--;
    }
    /* joined with the first [list_separator] of issuers */
    const char *sep = "";
    SJ_FOR_KIND(rs, "list_separator", r)
        if (strstr(sj_rule_get(r, "lists"), "issuers")) {
            sep = r->pattern;
            break;
        }
    for (int pi = first; pi < date_pi; pi++) {
        if (b.len)
            sj_buf_adds(&b, sep);
        sj_buf_add(&b, t + d->paras[pi].span.start,
                   d->paras[pi].span.end - d->paras[pi].span.start);
    }
    if (b.len)
        d->issuer = sj_buf_take(&b);
    else
        sj_buf_free(&b);
}

/* cited plans */
static void find_cites(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    const char *t = d->norm.text;
    sj_slots cited = {NULL, 0};
    for (int pi = 0; pi < d->nparas; pi++) {
        sj_span s = d->paras[pi].span;
        SJ_FOR_KIND(rs, "cite", r) {
            size_t off = 0;
            while (off < s.end - s.start &&
                   sj_match(m, r, t + s.start, s.end - s.start, off)) {
                size_t ms, me;
                sj_match_span(m, &ms, &me);
                char *title = group_dup(m, r, t + s.start, "title");
                char *docno = group_dup(m, r, t + s.start, "docno");
                /* the plan itself (its notice's 关于印发《X》的通知, a
                 * news lead's 印发《X》) is no citation */
                char *key = title ? sj_title_key(title, rs, m) : NULL;
                int self = key && d->title_key && !strcmp(key, d->title_key);
                /* ... nor is a short name of it right after a [cite_self]
                 * word (a headline's 某省印发《某某方案》 for 某省某某方案) */
                if (key && !self && d->title_key) {
                    size_t kl = strlen(key), tl = strlen(d->title_key);
                    if (kl && kl < tl && !strcmp(d->title_key + tl - kl, key)) {
                        size_t a = ms > 24 ? ms - 24 : 0;
                        while (a < ms && ((unsigned char)t[s.start + a] & 0xC0) == 0x80)
                            a++;
                        SJ_FOR_KIND(rs, "cite_self", cs)
                            if (sj_match(m, cs, t + s.start + a, ms - a, 0)) {
                                self = 1;
                                break;
                            }
                    }
                }
                free(key);
                if (title && !self)
                    add_cite(d, &cited, title, docno);
                else {
                    free(title);
                    free(docno);
                }
                off = me > ms ? me : ms + 1;
            }
        }
    }
    sj_slots_free(&cited);
}

/* the paragraphs before the first top-level heading (at most 40): where a
 * copy's front matter (notice, portal fields, news lead) is */
static int front_paras(const sj_doc *d)
{
    int n = d->nparas < 40 ? d->nparas : 40;
    for (int i = 0; i < d->nsections; i++)
        if (d->sections[i].level == 1) {
            for (int pi = 0; pi < n; pi++)
                if (d->paras[pi].span.start == d->sections[i].line_start)
                    return pi;
            break;
        }
    return n;
}

static void find_metadata(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    const char *t = d->norm.text;
    int date_pi = find_title(d, rs, m);
    int front = front_paras(d);
    /* 文号: a paragraph of its own (or a portal field) in the front matter */
    int docno_end = d->body_start_para + 1 > front ? d->body_start_para + 1 : front;
    for (int pi = 0; pi < d->nparas && pi < docno_end && !d->docno; pi++) {
        const sj_rule *r = first_match(rs, "docno", m, d, d->paras[pi].span);
        if (r)
            d->docno = group_dup(m, r, t + d->paras[pi].span.start, "docno");
    }
    find_issuer(d, rs, m, date_pi);
    /* no signature: the issuer a notice title, a news lead or a portal
     * field names ([issuer_from]) */
    for (int pi = 0; pi < front && !d->issuer; pi++) {
        if (d->paras[pi].table_row >= 0)
            continue;
        const sj_rule *r = first_match(rs, "issuer_from", m, d, d->paras[pi].span);
        if (r)
            d->issuer = group_dup(m, r, t + d->paras[pi].span.start, "issuer");
    }
    /* period: from the title, else from the first paragraphs */
    if (d->title) {
        SJ_FOR_KIND(rs, "period", r)
            if (sj_match(m, r, d->title, strlen(d->title), 0)) {
                d->period_from = sj_match_int(m, r, d->title, "from");
                d->period_to = sj_match_int(m, r, d->title, "to");
                break;
            }
    }
    /* where it is stated (实施期限为2025年至2027年), in the first paragraphs;
     * the period of a plan whose title gives none */
    d->period_span = d->title_span;
    for (int pi = 0; pi < d->nparas && pi < 80; pi++) {
        if (d->paras[pi].table_row >= 0)
            continue;
        const sj_rule *r = first_match(rs, "period_statement", m, d, d->paras[pi].span);
        if (!r)
            continue;
        const char *pt = t + d->paras[pi].span.start;
        int from = sj_match_int(m, r, pt, "from"), to = sj_match_int(m, r, pt, "to");
        size_t s, e;
        sj_match_span(m, &s, &e);
        if (!d->period_from && from && to >= from)
            d->period_from = from, d->period_to = to;
        if (from == d->period_from && to == d->period_to)
            d->period_span = (sj_span){d->paras[pi].span.start + s, d->paras[pi].span.start + e};
        break;
    }
    if (d->title) {
        d->title_key = sj_title_key(d->title, rs, m);
        title_place(rs, d->title, d->title_place);
    }
    find_cites(d, rs, m);
    for (int i = 0; i < d->ncites; i++) {
        d->cites[i].key = sj_title_key(d->cites[i].title, rs, m);
        title_place(rs, d->cites[i].title, d->cites[i].place);
    }
    /* level: [level] rules on the title, then the issuer, then the 文号 */
    const char *probe[3] = {d->title, d->issuer, d->docno};
    int k = 0;
    for (; k < 3 && d->level == SJ_LEVEL_UNKNOWN; k++) {
        if (!probe[k])
            continue;
        SJ_FOR_KIND(rs, "level", r)
            if (sj_match(m, r, probe[k], strlen(probe[k]), 0)) {
                const char *lv = sj_rule_get(r, "level");
                d->level = !strcmp(lv, "province") ? SJ_LEVEL_PROVINCE
                           : !strcmp(lv, "city")   ? SJ_LEVEL_CITY
                                                   : SJ_LEVEL_COUNTY;
                break;
            }
    }
    /* none of them: how the front paragraphs speak of their own area
     * (结合我省实际), the first [level_self] rule matching in the earliest
     * paragraph */
    for (int pi = 0; pi < d->nparas && pi < 40 && d->level == SJ_LEVEL_UNKNOWN; pi++) {
        const sj_rule *r = first_match(rs, "level_self", m, d, d->paras[pi].span);
        if (r) {
            const char *lv = sj_rule_get(r, "level");
            d->level = !strcmp(lv, "province") ? SJ_LEVEL_PROVINCE
                       : !strcmp(lv, "city")   ? SJ_LEVEL_CITY
                                               : SJ_LEVEL_COUNTY;
        }
    }
}

void sj_parse(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    split_paras(d);
    find_tables(d, rs, m);
    find_sections(d, rs, m);
    find_sentences(d);
    find_metadata(d, rs, m);
}
