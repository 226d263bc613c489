#include "extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

static __thread const char *TEXT; /* the document being read (per thread) */

/* ---------------------------------------------------------------- helpers */

/* The key of the first rule of a kind matching s, or NULL. */
static const char *classify(const sj_ruleset *rs, sj_matcher *m, const char *kind,
                            const char *key, const char *s, size_t len)
{
    const sj_rule *r = sj_first_match(rs, kind, m, s, len);
    return r ? sj_rule_get(r, key) : NULL;
}

/* How far a deadline's task reaches on either side of its date, and how
 * far back a 《 is looked for, in bytes (about 200 Chinese characters):
 * sentences and titles of plans are shorter. Without the bound a
 * paragraph of thousands of dated items run together (hostile input)
 * made every task as long as the paragraph, and the check cubic. */
#define REACH 600

/* inside 《》 at offset off of paragraph span? */
static int in_title_quote(sj_span p, size_t off)
{
    int depth = 0;
    for (size_t b = off - p.start > REACH ? off - REACH : p.start; b + 3 <= off; b++) {
        if (!memcmp(TEXT + b, "《", 3))
            depth++;
        else if (!memcmp(TEXT + b, "》", 3) && depth > 0)
            depth--;
    }
    return depth > 0;
}

/* ---------------------------------------------------------------- agencies */

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
    const char *c = classify(rs, m, "agency_alias", "canonical", s, len);
    if (c) {
        n->canon[n->n] = xstrdup(c);
    } else {
        /* without a known alias: the name minus its level prefix */
        size_t k = 0;
        if (len > 3 && (!memcmp(s, "市", 3) || !memcmp(s, "县", 3) ||
                        !memcmp(s, "区", 3) || !memcmp(s, "省", 3)))
            k = 3;
        n->canon[n->n] = xstrndup(s + k, len - k);
    }
    n->n++;
}

static void split_names(sj_names *n, const char *s, size_t len,
                        const sj_ruleset *rs, sj_matcher *m)
{
    size_t a = 0;
    for (size_t b = 0; b <= len; b++) {
        if (b == len || (b + 3 <= len && !memcmp(s + b, "、", 3))) {
            names_add(n, s + a, b - a, rs, m);
            if (b < len)
                b += 2;
            a = b + 1;
        }
    }
}

/* Parses the content of a parenthetical; returns 1 if it named offices. */
static int parse_agency(sj_doc *d, sj_agency *ag, size_t s, size_t e,
                        const sj_ruleset *rs, sj_matcher *m)
{
    int found = 0;
    size_t a = s;
    int depth = 0;
    for (size_t b = s; b <= e; b++) {
        int stop = b == e;
        if (!stop) {
            char c = TEXT[b];
            if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (depth == 0 && (c == ',' || c == ';' || !memcmp(TEXT + b, "。", 3)))
                stop = 1;
        }
        if (!stop)
            continue;
        const char *cs = TEXT + a;
        size_t cl = b - a;
        int done = 0;
        SJ_FOR_KIND(rs, "inherit", r)
            if (!done && sj_match(m, r, cs, cl, 0)) {
                size_t ns, ne;
                if (sj_match_group(m, r, "names", &ns, &ne)) {
                    d->inherit_from = (int)(ag - d->agencies);
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
        a = b + (b < e && TEXT[b] != ',' && TEXT[b] != ';' ? 3 : 1);
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
static void find_table_agencies(sj_doc *d, int pi, const sj_ruleset *rs, sj_matcher *m)
{
    const sj_row *row = &d->rows[d->paras[pi].table_row];
    const sj_table *tb = &d->tables[row->table];
    if (row->header)
        return;
    sj_agency ag;
    memset(&ag, 0, sizeof ag);
    ag.para = pi;
    ag.from_table = 1;
    int found = 0;
    for (int k = 0; k < row->ncells; k++) {
        const char *role = tb->agency_col[k];
        sj_span c = row->cells[k];
        if (!role || c.end <= c.start)
            continue;
        sj_names *n = !strcmp(role, "coop") ? &ag.coop : &ag.lead;
        split_names(n, TEXT + c.start, c.end - c.start, rs, m);
        if (!found)
            ag.span = c;
        ag.span.end = c.end;
        found = 1;
    }
    if (!found)
        return;
    SJ_GROW(d->agencies, d->nagencies, d->capagencies);
    d->agencies[d->nagencies++] = ag;
}

static void find_agencies(sj_doc *d, int pi, const sj_ruleset *rs, sj_matcher *m)
{
    sj_span p = d->paras[pi].span;
    for (size_t b = p.start; b < p.end; b++) {
        const char *closer;
        size_t on = opener_at(TEXT + b, &closer);
        if (!on)
            continue;
        /* the matching closer, brackets of any kind nesting */
        int depth = 0;
        size_t k = b, close = 0;
        while (k < p.end) {
            const char *c2;
            size_t n = opener_at(TEXT + k, &c2);
            if (n) {
                depth++;
                k += n;
                continue;
            }
            if ((TEXT[k] == ')' || !memcmp(TEXT + k, "〕", 3) || !memcmp(TEXT + k, "】", 3)) &&
                --depth == 0) {
                close = k;
                break;
            }
            k += (unsigned char)TEXT[k] >= 0xE0 ? 3 : 1;
        }
        if (!close || memcmp(TEXT + close, closer, strlen(closer)))
            continue;
        size_t inner = b + on;
        size_t after = close + strlen(closer);
        SJ_GROW(d->agencies, d->nagencies, d->capagencies);
        sj_agency *ag = &d->agencies[d->nagencies];
        memset(ag, 0, sizeof *ag);
        ag->span = (sj_span){b, after};
        ag->para = pi;
        int inh = d->inherit_from;
        if (parse_agency(d, ag, inner, close, rs, m)) {
            d->nagencies++;
            b = after - 1;
        } else {
            d->inherit_from = inh;
            sj_names_free(&ag->lead);
            sj_names_free(&ag->coop);
            sj_names_free(&ag->implement);
        }
    }
}

/* The first parenthetical of paragraph pi at or after off, or -1.
 * Agencies are found paragraph by paragraph, left to right, so they are
 * sorted by (paragraph, position). */
static int agency_for(const sj_doc *d, int pi, size_t off)
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

/* ---------------------------------------------------------------- deadlines */

/* The first year the plan covers: its period's start, or the year it was
 * issued if that is earlier; 0 if neither is known. */
static int plan_start_year(const sj_doc *d)
{
    int y = d->period_from;
    int issued = d->date ? atoi(d->date) : 0;
    if (issued >= 1990 && issued <= 2100 && (!y || issued < y))
        y = issued;
    return y;
}

/* s cut to [from, to), on character boundaries */
static sj_span clip_span(sj_span s, size_t from, size_t to)
{
    if (s.start < from) {
        s.start = from;
        while (s.start < s.end && ((unsigned char)TEXT[s.start] & 0xC0) == 0x80)
            s.start++;
    }
    if (s.end > to) {
        s.end = to > s.start ? to : s.start;
        while (s.end > s.start && ((unsigned char)TEXT[s.end] & 0xC0) == 0x80)
            s.end--;
    }
    return s;
}

/* whether a byte of [s, e) is marked in the bit set t */
static int any_marked(const unsigned char *t, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (t[i >> 3] & (1u << (i & 7)))
            return 1;
    return 0;
}

static void find_deadlines(sj_doc *d, int pi, const sj_ruleset *rs, sj_matcher *m)
{
    sj_span p = d->paras[pi].span;
    const char *base = TEXT + p.start;
    size_t len = p.end - p.start;
    int first = d->ndeadlines;
    /* Most sentences hold no date: deadline rules search only the
     * sentences where a [deadline_hint] matches (every deadline holds a
     * hint and none crosses a sentence stop), as windows of the paragraph
     * merged where they touch; a match found in one may run past its end.
     * Without hint rules, the whole paragraph. */
    sj_span win[64];
    int nwin = 0;
    if (!sj_rules_first(rs, "deadline_hint"))
        win[nwin++] = (sj_span){0, len};
    SJ_FOR_KIND(rs, "deadline_hint", h) {
        size_t off = 0;
        while (off < len && nwin < 64 && sj_match(m, h, base, len, off)) {
            size_t s, e;
            sj_match_span(m, &s, &e);
            int si = sj_sentence_at(d, p.start + s);
            sj_span w = si >= 0 ? d->sentences[si].span : (sj_span){p.start, p.end};
            /* from the stop before the sentence: a rule may begin there
             * ("(?:^|[,。;])\K2023年") */
            w.start = w.start > p.start ? w.start - p.start : 0;
            if (w.start > 0)
                do
                    w.start--;
                while (w.start > 0 && ((unsigned char)base[w.start] & 0xC0) == 0x80);
            w.end = w.end < p.end ? w.end - p.start : len;
            /* kept in order and merged: hint rules run one after another */
            int k = 0;
            while (k < nwin && win[k].end < w.start)
                k++;
            if (k < nwin && win[k].start <= w.end) {
                win[k].start = win[k].start < w.start ? win[k].start : w.start;
                win[k].end = win[k].end > w.end ? win[k].end : w.end;
                while (k + 1 < nwin && win[k + 1].start <= win[k].end) {
                    win[k].end = win[k].end > win[k + 1].end ? win[k].end : win[k + 1].end;
                    memmove(&win[k + 1], &win[k + 2], (size_t)(nwin - k - 2) * sizeof *win);
                    nwin--;
                }
            } else {
                memmove(&win[k + 1], &win[k], (size_t)(nwin - k) * sizeof *win);
                win[k] = w;
                nwin++;
            }
            off = w.end > e ? w.end : (e > s ? e : s + 1);
        }
    }
    if (nwin == 64) /* too many to keep apart: the whole paragraph */
        win[0] = (sj_span){0, len}, nwin = 1;
    /* the bytes of the paragraph that deadlines already hold: a later
     * match overlapping one is not taken */
    unsigned char *taken = nwin ? xcalloc(len / 8 + 1, 1) : NULL;
    SJ_FOR_KIND(rs, "deadline", r)
    for (size_t wi = 0, off = 0; wi < (size_t)nwin; wi++) {
        if (off < win[wi].start)
            off = win[wi].start;
        while (off < win[wi].end && sj_match_within(m, r, base, len, off, win[wi].end - 1)) {
            size_t s, e;
            sj_match_span(m, &s, &e);
            off = e > s ? e : s + 1;
            if (e == s || any_marked(taken, s, e) || in_title_quote(p, p.start + s))
                continue;
            for (size_t i = s; i < e; i++)
                taken[i >> 3] |= (unsigned char)(1u << (i & 7));
            SJ_GROW(d->deadlines, d->ndeadlines, d->capdeadlines);
            sj_deadline *dl = &d->deadlines[d->ndeadlines++];
            memset(dl, 0, sizeof *dl);
            dl->span = (sj_span){p.start + s, p.start + e};
            dl->para = pi;
            dl->kind = sj_rule_get(r, "kind");
            dl->year = sj_match_int(m, r, base, "year");
            dl->month = sj_match_int(m, r, base, "month");
            dl->from_year = sj_match_int(m, r, base, "from_year");
            const char *k;
            if (!dl->year && (k = sj_rule_get(r, "year")))
                dl->year = atoi(k);
            /* 年内, 今年: the year the plan was issued; 明年: the next */
            if (!dl->year && (k = sj_rule_get(r, "year_of")) && d->date && atoi(d->date) > 0)
                dl->year = atoi(d->date) + (strcmp(k, "next") == 0);
            if (!dl->month && (k = sj_rule_get(r, "month")))
                dl->month = atoi(k);
            if (!dl->from_year && (k = sj_rule_get(r, "from_year")))
                dl->from_year = atoi(k);
            int si = sj_sentence_at(d, dl->span.start);
            if (si >= 0)
                dl->task = clip_span(d->sentences[si].span,
                                     dl->span.start > REACH ? dl->span.start - REACH : 0,
                                     dl->span.end + REACH);
            /* the task is the ;-part of the sentence that holds the date */
            for (size_t b = dl->span.start; b > dl->task.start; b--)
                if (TEXT[b - 1] == ';') {
                    dl->task.start = b;
                    break;
                }
            for (size_t b = dl->span.end; b < dl->task.end; b++)
                if (TEXT[b] == ';') {
                    dl->task.end = b;
                    break;
                }
            /* and stops at its responsibility parenthetical */
            int ag = agency_for(d, pi, dl->span.end);
            if (ag >= 0 && d->agencies[ag].span.start < dl->task.end)
                dl->task.end = d->agencies[ag].span.start;
            dl->agency = agency_for(d, pi, dl->span.end);
        }
    }
    free(taken);
    /* A "by" date before the plan starts is a past fact (2017年年底前历史
     * 遗留的…; 2021年,全县已淘汰…), not a deadline. Dropped only now, so
     * its span still kept the later rules off the same text. */
    int start = plan_start_year(d);
    int n = first;
    for (int i = first; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        if (start && !strcmp(dl->kind, "by") && dl->year && dl->year < start)
            continue;
        d->deadlines[n++] = *dl;
    }
    d->ndeadlines = n;
}

/* ---------------------------------------------------------------- targets */

static char *clean_indicator(const char *s, size_t len, const sj_ruleset *rs,
                             sj_matcher *m)
{
    /* a [strip] match at the start (全市, 到2025年) or at the end (…建设)
     * is cut; an opener may take all (到2020年年底前: the indicator is
     * then the previous target's) */
    size_t a = 0, z = len;
    for (int guard = 0; guard < 6; guard++) {
        int hit = 0;
        SJ_FOR_KIND(rs, "strip", r)
            if (sj_match(m, r, s + a, z - a, 0)) {
                size_t ms, me;
                sj_match_span(m, &ms, &me);
                if (ms == 0 && me > 0) {
                    a += me;
                    hit = 1;
                } else if (ms > 0 && a + me == z) {
                    z = a + ms;
                    hit = 1;
                }
            }
        while (a < z && (s[a] == ',' || s[a] == ' '))
            a++, hit = 1;
        if (!hit)
            break;
    }
    return xstrndup(s + a, z - a);
}

static sj_target *new_target(sj_doc *d, int pi)
{
    SJ_GROW(d->targets, d->ntargets, d->captargets);
    sj_target *t = &d->targets[d->ntargets++];
    memset(t, 0, sizeof *t);
    t->para = pi;
    t->agency = -1;
    t->change = "level";
    strcpy(t->comparator, "=");
    return t;
}

/* The indicator as alignment compares it: every [synonym] match replaced
 * by its canonical word (货物运输量 -> 货运量), ASCII brackets dropped
 * (氮氧化物(NOx) -> 氮氧化物NOx). */
static char *match_key(const char *ind, const sj_ruleset *rs, sj_matcher *m)
{
    sj_buf b = {0};
    size_t n = strlen(ind);
    for (size_t i = 0; i < n; i++)
        if (ind[i] != '(' && ind[i] != ')')
            sj_buf_add(&b, ind + i, 1);
    char *cur = b.len ? sj_buf_take(&b) : xstrdup("");
    sj_buf_free(&b);
    SJ_FOR_KIND(rs, "synonym", r) {
        const char *canon = sj_rule_get(r, "canonical");
        size_t len = strlen(cur), off = 0;
        sj_buf out = {0};
        while (off <= len && sj_match(m, r, cur, len, off)) {
            size_t s, e;
            sj_match_span(m, &s, &e);
            if (e == s)
                break;
            sj_buf_add(&out, cur + off, s - off);
            sj_buf_add(&out, canon, strlen(canon));
            off = e;
        }
        if (out.len || off > 0) {
            sj_buf_add(&out, cur + off, len - off);
            free(cur);
            cur = out.len ? sj_buf_take(&out) : xstrdup("");
        }
        sj_buf_free(&out);
    }
    return cur;
}

/* The deadlines [*lo, *hi) of paragraph pi. Deadlines are found paragraph
 * by paragraph, in order, so until sj_extract sorts them by position they
 * are grouped and sorted by paragraph. */
static void para_deadlines(const sj_doc *d, int pi, int *lo, int *hi)
{
    int a = 0, b = d->ndeadlines;
    while (a < b) {
        int mid = (a + b) / 2;
        if (d->deadlines[mid].para < pi)
            a = mid + 1;
        else
            b = mid;
    }
    *lo = a;
    while (a < d->ndeadlines && d->deadlines[a].para == pi)
        a++;
    *hi = a;
}

static void finish_target(sj_doc *d, sj_target *t, const sj_ruleset *rs,
                          sj_matcher *m)
{
    if (!t->unit)
        t->unit = xstrdup("");
    t->unit_factor = 1;
    SJ_FOR_KIND(rs, "unit", r)
        if (sj_match(m, r, t->unit, strlen(t->unit), 0)) {
            const char *f = sj_rule_get(r, "factor");
            t->unit_factor = f ? atof(f) : 1;
            t->unit_canon = sj_rule_get(r, "canonical");
            t->unit_dim = sj_rule_get(r, "dim");
            const char *in = sj_rule_get(r, "intensive");
            t->unit_intensive = in && !strcmp(in, "yes");
            break;
        }
    SJ_FOR_KIND(rs, "indicator", r)
        if (t->indicator && sj_match(m, r, t->indicator, strlen(t->indicator), 0)) {
            t->indicator_id = sj_rule_get(r, "id");
            t->indicator_name = sj_rule_get(r, "name");
            t->direction = sj_rule_get(r, "direction");
            break;
        }
    if (t->indicator && sj_first_match(rs, "intensive_name", m, t->indicator, strlen(t->indicator)))
        t->unit_intensive = 1;
    if (!strcmp(t->change, "level") && t->indicator) {
        const char *c = classify(rs, m, "change", "change", t->indicator,
                                 strlen(t->indicator));
        if (c && t->from_table)
            t->change = c;
    }
    if (!t->target_year) {
        /* the nearest date before it in its paragraph (the deadlines are
         * not in text order within it yet) */
        size_t best = 0;
        int lo, hi;
        para_deadlines(d, t->para, &lo, &hi);
        for (int i = lo; i < hi; i++) {
            const sj_deadline *dl = &d->deadlines[i];
            if (dl->para == t->para && dl->span.start <= t->span.start &&
                dl->span.start >= best &&
                (!strcmp(dl->kind, "by") || !strcmp(dl->kind, "period"))) {
                t->target_year = dl->year;
                best = dl->span.start;
            }
        }
    }
    t->agency = agency_for(d, t->para, t->span.end);
    t->match_key = match_key(t->indicator ? t->indicator : "", rs, m);
}

static int value_taken(const sj_doc *d, int first, size_t s, size_t e)
{
    for (int i = first; i < d->ntargets; i++)
        if (d->targets[i].value_span.start < e && s < d->targets[i].value_span.end)
            return 1;
    return 0;
}

/* The nearest target of this paragraph (from index first) that ends at or
 * before off in the same sentence, or NULL. */
static const sj_target *target_before(const sj_doc *d, int first, size_t off)
{
    const sj_target *best = NULL;
    for (int i = first; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        if (t->from_table || t->span.end > off ||
            (best && best->span.end >= t->span.end))
            continue;
        best = t;
    }
    if (best && memmem(TEXT + best->span.end, off - best->span.end, "。", 3))
        best = NULL;
    return best;
}

/* An indicator left empty by an elliptical clause (2020年年底前，比2018年
 * 翻一番) is the one of the target before it in the same sentence; a bare
 * one- or two-character noun (多式联运货运量年均增长10%，运量达到1850万吨)
 * is read as a part of it. */
static void inherit_indicator(sj_doc *d, int first, sj_target *t)
{
    size_t n = t->indicator ? sj_utf8_count(t->indicator, strlen(t->indicator)) : 0;
    if (n > 2)
        return;
    const sj_target *prev = target_before(d, first, t->span.start);
    if (!prev || !prev->indicator || !prev->indicator[0])
        return;
    size_t pl = strlen(prev->indicator), ol = t->indicator ? strlen(t->indicator) : 0;
    /* 多式联运货运量 … 运量: the noun is already the previous name's end */
    if (ol && pl >= ol && !memcmp(prev->indicator + pl - ol, t->indicator, ol))
        ol = 0;
    char *ind = xmalloc(pl + ol + 1);
    memcpy(ind, prev->indicator, pl);
    if (ol)
        memcpy(ind + pl, t->indicator, ol);
    ind[pl + ol] = '\0';
    free(t->indicator);
    t->indicator = ind;
}

/* In "化肥、农药使用量" and "二氧化硫、氮氧化物、挥发性有机物排放量" the
 * head noun is written once, on the last item: a [list_head] rule finds it
 * at the end of the last item, and an earlier item that does not end with
 * it gets it. */
static void share_head(char **ind, const char *last, size_t last_len, const sj_ruleset *rs,
                       sj_matcher *m)
{
    const sj_rule *r = sj_first_match(rs, "list_head", m, last, last_len);
    if (!r)
        return;
    size_t hs, he;
    sj_match_span(m, &hs, &he);
    if (he != last_len || hs == 0)
        return;
    const char *head = last + hs;
    size_t hl = he - hs, al = strlen(*ind);
    if (al >= hl && !memcmp(*ind + al - hl, head, hl))
        return;
    char *joined = xmalloc(al + hl + 1);
    memcpy(joined, *ind, al);
    memcpy(joined + al, head, hl);
    joined[al + hl] = '\0';
    free(*ind);
    *ind = joined;
}

static void set_cmp(sj_target *t, const sj_rule *r, sj_matcher *m,
                    const sj_ruleset *rs, const char *base)
{
    const char *c = sj_rule_get(r, "comparator");
    size_t s, e;
    const char *names[2] = {"cmp", "cmp2"};
    for (int k = 0; k < 2; k++)
        if (sj_match_group(m, r, names[k], &s, &e) && e > s) {
            const char *w = classify(rs, m, "comparator", "comparator", base + s, e - s);
            /* a trailing 以上 does not override 达到; 左右 / 以内 do */
            if (w && (k == 0 || strcmp(w, ">=")))
                c = w;
        }
    if (c)
        snprintf(t->comparator, sizeof t->comparator, "%s", c);
}

static int memchr_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* One match of a [target] rule in a paragraph: offsets into it. */
typedef struct {
    const sj_rule *r;
    size_t s, e;                   /* the whole match */
    size_t is, ie, us, ue, os, oe; /* indicator, unit, object */
    size_t vs, ve, ls, le, xs, xe; /* value, values (a list), indicators */
    int has_ind, has_unit, has_obj, has_value, list, ilist;
    int base_year;
    const char *change;
    char comparator[3];
} prose_match;

static void read_match(sj_matcher *m, const sj_rule *r, const sj_ruleset *rs,
                       const char *base, prose_match *x)
{
    memset(x, 0, sizeof *x);
    x->r = r;
    sj_match_span(m, &x->s, &x->e);
    x->has_ind = sj_match_group(m, r, "indicator", &x->is, &x->ie);
    x->has_unit = sj_match_group(m, r, "unit", &x->us, &x->ue);
    x->has_obj = sj_match_group(m, r, "object", &x->os, &x->oe);
    x->has_value = sj_match_group(m, r, "value", &x->vs, &x->ve);
    x->list = sj_match_group(m, r, "values", &x->ls, &x->le);
    x->ilist = sj_match_group(m, r, "indicators", &x->xs, &x->xe);
    x->base_year = sj_match_int(m, r, base, "base_year");
    size_t cs, ce;
    if (sj_match_group(m, r, "change", &cs, &ce))
        x->change = classify(rs, m, "change", "change", base + cs, ce - cs);
    sj_target proto;
    memset(&proto, 0, sizeof proto);
    strcpy(proto.comparator, "=");
    set_cmp(&proto, r, m, rs, base);
    strcpy(x->comparator, proto.comparator);
}

/* A new target of paragraph pi with its match and value spans. */
static sj_target *value_target(sj_doc *d, int pi, const prose_match *x, size_t pstart,
                               size_t vs, size_t ve, double v)
{
    sj_target *t = new_target(d, pi);
    t->span = (sj_span){pstart + x->s, pstart + x->e};
    t->value_span = (sj_span){pstart + vs, pstart + ve};
    t->value = v;
    strcpy(t->comparator, x->comparator);
    if (x->change)
        t->change = x->change;
    t->base_year = x->base_year;
    t->rule = x->r->name;
    const char *rm = sj_rule_get(x->r, "report_missing");
    t->quiet_missing = rm && !strcmp(rm, "unmentioned");
    return t;
}

/* 完成市下达的化石能源消费总量、煤炭消费压减任务: one deferral per
 * indicator named (none named: one with an empty indicator). */
static void add_deferred(sj_doc *d, int pi, int first, const prose_match *x,
                         const sj_ruleset *rs, sj_matcher *m)
{
    sj_span p = d->paras[pi].span;
    const char *base = TEXT + p.start;
    if (value_taken(d, first, p.start + x->s, p.start + x->e))
        return;
    size_t a = x->has_ind ? x->is : 0, stop = x->has_ind ? x->ie : 0;
    int split = x->has_ind; /* one deferral per 、-item of a named list */
    if (!x->has_ind) {
        /* …推动老旧柴油车报废更新,完成市下达的目标任务: the thing deferred
         * is named by the clause before, in the same sentence */
        size_t e = x->s;
        if (e > 0 && (base[e - 1] == ',' || base[e - 1] == ';'))
            e--;
        size_t b = e;
        while (b > 0 && base[b - 1] != ',' && base[b - 1] != ';' && base[b - 1] != ':' &&
               !(b >= 3 && !memcmp(base + b - 3, "。", 3)))
            b--;
        if (e > b && e < x->s) {
            /* at most the last 20 characters */
            size_t keep = b;
            for (size_t q = e, n = 0; q > b && n < 20; n++) {
                do
                    q--;
                while (q > b && ((unsigned char)base[q] & 0xC0) == 0x80);
                keep = q;
            }
            /* not from the middle of a list item */
            for (size_t q = keep; q + 3 <= e; q++)
                if (!memcmp(base + q, "、", 3))
                    keep = q + 3;
            a = keep;
            stop = e;
        }
    }
    do {
        size_t b = a;
        while (b < stop && (!split || memcmp(base + b, "、", 3)))
            b++;
        sj_target *t = value_target(d, pi, x, p.start, x->s, x->e, 0);
        t->deferred = 1;
        t->change = "level";
        t->base_year = 0;
        t->indicator = clean_indicator(base + a, b - a, rs, m);
        finish_target(d, t, rs, m);
        a = b + 3;
    } while (a < stop);
}

/* Splits base[a, e) at the separators (each 3 bytes: 、 or 和) into at
 * most 8 parts. */
static int split_list(const char *base, size_t a, size_t e, int also_and, size_t parts[8][2])
{
    int n = 0;
    for (size_t b = a; b <= e && n < 8; b++)
        if (b == e || !memcmp(base + b, "、", 3) || (also_and && !memcmp(base + b, "和", 3))) {
            parts[n][0] = a;
            parts[n][1] = b;
            n++;
            a = b + 3;
            b += 2;
        }
    return n;
}

/* 分别比2020年下降3.1%、3.7%、3.7%以上: one target per value, each with
 * its own indicator when the sentence names as many. */
static void add_list(sj_doc *d, int pi, int first, const prose_match *x,
                     const sj_ruleset *rs, sj_matcher *m)
{
    sj_span p = d->paras[pi].span;
    const char *base = TEXT + p.start;
    size_t vals[8][2], inds[8][2];
    int nv = split_list(base, x->ls, x->le, 1, vals);
    int ni = x->ilist ? split_list(base, x->xs, x->xe, 0, inds) : 0;
    for (int k = 0; k < nv; k++) {
        size_t a = vals[k][0], b = vals[k][1], ne = a;
        while (ne < b && ((base[ne] >= '0' && base[ne] <= '9') || base[ne] == '.'))
            ne++;
        double v;
        if (!sj_parse_number(base + a, ne - a, &v) ||
            value_taken(d, first, p.start + a, p.start + ne))
            continue;
        sj_target *t = value_target(d, pi, x, p.start, a, ne, v);
        /* a value's own unit (3.1%), else the list's */
        size_t us = ne, ue = b;
        if (ue == us && x->has_unit)
            us = x->us, ue = x->ue;
        t->unit = xstrndup(base + us, ue - us);
        if (ni == nv) {
            t->indicator = clean_indicator(base + inds[k][0], inds[k][1] - inds[k][0], rs, m);
            if (k < ni - 1)
                share_head(&t->indicator, base + inds[ni - 1][0],
                           inds[ni - 1][1] - inds[ni - 1][0], rs, m);
        } else {
            t->indicator = clean_indicator(base + x->xs, x->xe - x->xs, rs, m);
        }
        finish_target(d, t, rs, m);
    }
}

/* 完成9台套固定垂直式及1台套移动式遥感监测设备的安装; 建成3个国家级和5个
 * 省级绿色工厂: items of a coordinated list share the head noun written
 * once after the last (the rule's object). Each item is read by the
 * [coord_part] rules into value, unit and its own modifier. */
static void add_coordinated(sj_doc *d, int pi, int first, const prose_match *x,
                            const sj_ruleset *rs, sj_matcher *m)
{
    sj_span p = d->paras[pi].span;
    const char *base = TEXT + p.start;
    size_t parts[8][2];
    int n = 0;
    size_t a = x->ls;
    for (size_t b = x->ls; b <= x->le && n < 8; b++) {
        int sep = b < x->le && (!memcmp(base + b, "、", 3) || !memcmp(base + b, "和", 3) ||
                                !memcmp(base + b, "及", 3)) &&
                  b + 3 < x->le && base[b + 3] >= '0' && base[b + 3] <= '9';
        if (b == x->le || sep) {
            parts[n][0] = a;
            parts[n][1] = b;
            n++;
            a = b + 3;
            b += 2;
        }
    }
    char *verb = x->has_ind ? clean_indicator(base + x->is, x->ie - x->is, rs, m) : xstrdup("");
    for (int k = 0; k < n; k++) {
        const char *ps = base + parts[k][0];
        size_t pl = parts[k][1] - parts[k][0];
        const sj_rule *r = sj_first_match(rs, "coord_part", m, ps, pl);
        size_t vs, ve, us, ue, os, oe;
        double v;
        if (!r || !sj_match_group(m, r, "value", &vs, &ve) ||
            !sj_parse_number(ps + vs, ve - vs, &v) ||
            value_taken(d, first, parts[k][0] + vs + p.start, parts[k][0] + ve + p.start))
            continue;
        int hu = sj_match_group(m, r, "unit", &us, &ue);
        int ho = sj_match_group(m, r, "object", &os, &oe);
        sj_target *t = value_target(d, pi, x, p.start, parts[k][0] + vs, parts[k][0] + ve, v);
        t->unit = hu ? xstrndup(ps + us, ue - us) : xstrdup("");
        sj_buf ind = {0};
        sj_buf_add(&ind, verb, strlen(verb));
        if (ho)
            sj_buf_add(&ind, ps + os, oe - os);
        if (x->has_obj)
            sj_buf_add(&ind, base + x->os, x->oe - x->os);
        t->indicator = sj_buf_take(&ind);
        finish_target(d, t, rs, m);
    }
    free(verb);
}

static void add_single(sj_doc *d, int pi, int first, const prose_match *x,
                       const sj_ruleset *rs, sj_matcher *m)
{
    sj_span p = d->paras[pi].span;
    const char *base = TEXT + p.start;
    double v;
    if (!sj_parse_number(base + x->vs, x->ve - x->vs, &v) ||
        value_taken(d, first, p.start + x->vs, p.start + x->ve))
        return;
    if (x->ilist && sj_rule_get(x->r, "each")) {
        /* A和B各1个: the value holds for each indicator named */
        size_t inds[8][2];
        int ni = split_list(base, x->xs, x->xe, 1, inds);
        for (int k = 0; k < ni; k++) {
            sj_target *t = value_target(d, pi, x, p.start, x->vs, x->ve, v);
            t->unit = x->has_unit ? xstrndup(base + x->us, x->ue - x->us) : xstrdup("");
            t->indicator = clean_indicator(base + inds[k][0], inds[k][1] - inds[k][0], rs, m);
            finish_target(d, t, rs, m);
        }
        return;
    }
    sj_target *t = value_target(d, pi, x, p.start, x->vs, x->ve, v);
    t->unit = x->has_unit ? xstrndup(base + x->us, x->ue - x->us) : xstrdup("");
    t->indicator = x->has_ind ? clean_indicator(base + x->is, x->ie - x->is, rs, m) : xstrdup("");
    if (x->has_obj && x->oe > x->os) {
        /* 新增50家以上绿色工厂: the thing counted follows the number */
        size_t il = strlen(t->indicator);
        t->indicator = xrealloc(t->indicator, il + (x->oe - x->os) + 1);
        memcpy(t->indicator + il, base + x->os, x->oe - x->os);
        t->indicator[il + (x->oe - x->os)] = '\0';
        t->object_len = x->oe - x->os;
    }
    inherit_indicator(d, first, t);
    finish_target(d, t, rs, m);
}

/* The end of the clause starting at cs (at , ; : or 。) and whether it is
 * worth the target rules: a digit outside this paragraph's dates (dates,
 * sorted, disjoint; *cur the first not before cs: clauses are read in
 * order) and its heading number (marker), or a [clause_hint]. */
static size_t clause_at(const sj_span *dates, int ndates, int *cur, size_t pstart,
                        const char *base, size_t len, size_t cs, sj_span marker,
                        const sj_ruleset *rs, sj_matcher *m, int *promising)
{
    size_t ce = cs;
    *promising = 0;
    while (ce < len && base[ce] != ',' && base[ce] != ';' && base[ce] != ':' &&
           base[ce] != '\t' && memcmp(base + ce, "。", 3) != 0) {
        unsigned char ch = (unsigned char)base[ce];
        if (ch >= '0' && ch <= '9' && !*promising &&
            !(marker.start <= pstart + ce && pstart + ce < marker.end)) {
            while (*cur < ndates && dates[*cur].end <= pstart + ce)
                (*cur)++;
            *promising = !(*cur < ndates && dates[*cur].start <= pstart + ce);
        }
        ce++;
    }
    if (!*promising && sj_first_match(rs, "clause_hint", m, base + cs, ce - cs))
        *promising = 1;
    return ce;
}

static int by_start(const void *a, const void *b)
{
    const sj_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Drops the targets (from index first) of sentences that report the past:
 * a [past_sentence] rule gives the year the sentence opens with, earlier
 * than the plan's first year (2017年全县PM2.5平均浓度为63微克/立方米…). */
static void drop_past_targets(sj_doc *d, int first, const sj_ruleset *rs, sj_matcher *m)
{
    int start = plan_start_year(d);
    if (!start)
        return;
    int n = first;
    for (int i = first; i < d->ntargets; i++) {
        sj_target *t = &d->targets[i];
        int past = 0, si = sj_sentence_at(d, t->span.start);
        if (si >= 0) {
            sj_span s = d->sentences[si].span;
            const sj_rule *r = sj_first_match(rs, "past_sentence", m, TEXT + s.start, s.end - s.start);
            int y = r ? sj_match_int(m, r, TEXT + s.start, "year") : 0;
            past = y && y < start;
        }
        if (past) {
            free(t->indicator);
            free(t->unit);
            free(t->match_key);
            continue;
        }
        d->targets[n++] = *t;
    }
    d->ntargets = n;
}

static void find_prose_targets(sj_doc *d, int pi, const sj_ruleset *rs, sj_matcher *m)
{
    sj_span p = d->paras[pi].span;
    const char *base = TEXT + p.start;
    size_t len = p.end - p.start;
    int first = d->ntargets;
    /* this paragraph's dates: their digits do not make a clause promising */
    int dl0, dl1;
    para_deadlines(d, pi, &dl0, &dl1);
    int ndates = dl1 - dl0, cur = 0;
    sj_span *dates = xmalloc(((size_t)ndates + 1) * sizeof *dates);
    for (int i = 0; i < ndates; i++)
        dates[i] = d->deadlines[dl0 + i].span;
    qsort(dates, (size_t)ndates, sizeof *dates, by_start);
    /* nor do those of the heading number the paragraph opens with (1. 2.) */
    sj_span marker = {0, 0};
    int sec = d->paras[pi].section;
    if (sec >= 0 && d->sections[sec].line.start == p.start)
        marker = d->sections[sec].number;
    /* scope numbers first: their spans block targets (scopes are numbers
     * written in digits) */
    sj_span scopes[64];
    int nscopes = 0;
    if (memchr_digit(base, len))
        SJ_FOR_KIND(rs, "scope", r) {
            size_t off = 0;
            while (off < len && nscopes < 64 && sj_match(m, r, base, len, off)) {
                size_t s, e;
                sj_match_span(m, &s, &e);
                scopes[nscopes++] = (sj_span){s, e};
                off = e > s ? e : s + 1;
            }
        }
    /* Target rules never cross , ; 。 : (their indicator classes exclude
     * them), so they run clause by clause (a table cell is a clause), on
     * promising clauses only. */
    for (size_t cs = 0; cs < len;) {
        int promising;
        size_t clause_end = clause_at(dates, ndates, &cur, p.start, base, len, cs, marker,
                                      rs, m, &promising);
        size_t next = clause_end < len ? clause_end + (base[clause_end] == ',' ||
                                                       base[clause_end] == ';' ||
                                                       base[clause_end] == ':' ||
                                                       base[clause_end] == '\t' ? 1 : 3)
                                       : len;
        if (!promising) {
            cs = next;
            continue;
        }
        SJ_FOR_KIND(rs, "target", r) {
            if (!sj_rule_may_match(m, r, base, clause_end, cs))
                continue;
            int deferred = -1, after = 0, coordinated = 0; /* read at the first match */
            size_t off = cs;
            while (off < clause_end && sj_match(m, r, base, clause_end, off)) {
                if (deferred < 0) {
                    deferred = sj_rule_get(r, "deferred") != NULL;
                    after = sj_rule_get(r, "after_target") != NULL;
                    coordinated = sj_rule_get(r, "coordinated") != NULL;
                }
                prose_match x;
                read_match(m, r, rs, base, &x);
                off = x.e > x.s ? x.e : x.s + 1;
                /* a bare "充电桩34000个" counts only as the continuation of
                 * a target earlier in the same sentence */
                if (after && !target_before(d, first, p.start + x.s))
                    continue;
                if (!deferred && !x.list && !x.has_value)
                    continue;
                int blocked = in_title_quote(p, p.start + x.s);
                for (int k = 0; k < nscopes && !blocked; k++)
                    blocked = !x.list && !deferred && scopes[k].start < x.ve &&
                              x.vs < scopes[k].end;
                if (blocked)
                    continue;
                if (deferred)
                    add_deferred(d, pi, first, &x, rs, m);
                else if (x.list && coordinated)
                    add_coordinated(d, pi, first, &x, rs, m);
                else if (x.list)
                    add_list(d, pi, first, &x, rs, m);
                else
                    add_single(d, pi, first, &x, rs, m);
            }
        }
        cs = next;
    }
    free(dates);
    drop_past_targets(d, first, rs, m);
}

/* A unit in brackets at the end of an indicator cell: 比重(%) */
static void split_unit(const char *s, size_t len, size_t *ind_len, char **unit)
{
    *ind_len = len;
    *unit = NULL;
    if (len < 3 || s[len - 1] != ')')
        return;
    for (size_t b = len - 1; b > 0; b--)
        if (s[b - 1] == '(') {
            *unit = xstrndup(s + b, len - 1 - b);
            *ind_len = b - 1;
            return;
        }
}

/* The target in cell vc of a table row, if a [table_cell] rule reads it,
 * with the indicator from cell ic and the given target year (0: none). */
static int table_target(sj_doc *d, const sj_row *row, const sj_table *tb, int vc, int ic,
                        int year, const sj_ruleset *rs, sj_matcher *m)
{
    sj_span cell = row->cells[vc];
    const char *cv = TEXT + cell.start;
    size_t cl = cell.end - cell.start;
    SJ_FOR_KIND(rs, "table_cell", r) {
        if (!sj_match(m, r, cv, cl, 0))
            continue;
        size_t vs = 0, ve = 0, us = 0, ue = 0;
        int deferred = sj_rule_get(r, "deferred") != NULL;
        int hv = sj_match_group(m, r, "value", &vs, &ve);
        int hu = sj_match_group(m, r, "unit", &us, &ue);
        double v = 0;
        if (!deferred && (!hv || !sj_parse_number(cv + vs, ve - vs, &v)))
            continue;
        sj_target *t = new_target(d, row->para);
        set_cmp(t, r, m, rs, cv);
        t->from_table = 1;
        t->deferred = deferred;
        t->value = v;
        t->span = d->paras[row->para].span;
        t->value_span = deferred ? cell : (sj_span){cell.start + vs, cell.start + ve};
        sj_span ind = row->cells[ic];
        size_t il;
        char *bunit;
        split_unit(TEXT + ind.start, ind.end - ind.start, &il, &bunit);
        t->indicator = clean_indicator(TEXT + ind.start, il, rs, m);
        if (hu && ue > us) {
            t->unit = xstrndup(cv + us, ue - us);
            free(bunit);
        } else if (tb->unit_col >= 0 && tb->unit_col < row->ncells) {
            t->unit = sj_span_dup(d, row->cells[tb->unit_col]);
            free(bunit);
        } else {
            t->unit = bunit;
        }
        t->target_year = year;
        t->rule = r->name;
        finish_target(d, t, rs, m);
        if (strcmp(t->change, "level"))
            t->base_year = tb->base_year;
        return 1;
    }
    return 0;
}

/* the column left of c that is neither the unit column nor a skipped one */
static int indicator_col(const sj_table *tb, int c)
{
    int ic = c - 1;
    while (ic > 0 && (ic == tb->unit_col || tb->skip_col[ic]))
        ic--;
    return ic;
}

static void find_table_targets(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    for (int ri = 0; ri < d->nrows; ri++) {
        sj_row *row = &d->rows[ri];
        if (row->header || row->ncells < 2 || !d->paras[row->para].body)
            continue;
        sj_table *tb = &d->tables[row->table];
        /* a task list (a 牵头单位 column) holds prose in its cells: the
         * prose rules read it */
        int task_list = 0;
        for (int k = 0; k < SJ_MAX_CELLS; k++)
            task_list |= tb->agency_col[k] != NULL;
        if (task_list)
            continue;
        /* a header naming two or more target years (2025年 | 2027年):
         * one target per year column */
        int first_year = -1, nyears = 0;
        for (int k = 1; k < row->ncells; k++)
            if (tb->col_year[k]) {
                nyears++;
                if (first_year < 0)
                    first_year = k;
            }
        if (nyears >= 2) {
            int ic = indicator_col(tb, first_year);
            for (int k = first_year; k < row->ncells; k++)
                if (tb->col_year[k])
                    row->values += table_target(d, row, tb, k, ic, tb->col_year[k], rs, m);
            continue;
        }
        /* else the value is the rightmost cell a [table_cell] rule reads (a
         * deadline or remark column may follow it); the indicator is the
         * cell before it, skipping a unit column */
        for (int vc = row->ncells - 1; vc >= 1; vc--) {
            if (vc == tb->unit_col || tb->skip_col[vc])
                continue;
            int year = tb->col_year[vc] ? tb->col_year[vc] : tb->target_year;
            if (table_target(d, row, tb, vc, indicator_col(tb, vc), year, rs, m)) {
                row->values++;
                break;
            }
        }
    }
}

static int by_target_pos(const void *a, const void *b)
{
    const sj_target *x = a, *y = b;
    return x->value_span.start < y->value_span.start ? -1 : x->value_span.start > y->value_span.start;
}

static int by_deadline_pos(const void *a, const void *b)
{
    const sj_deadline *x = a, *y = b;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

void sj_extract(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    TEXT = d->norm.text;
    d->inherit_from = -1;
    for (int pi = 0; pi < d->nparas; pi++) {
        if (!d->paras[pi].body)
            continue;
        if (d->paras[pi].table_row >= 0)
            find_table_agencies(d, pi, rs, m);
        else
            find_agencies(d, pi, rs, m);
    }
    /* a table's header row (2025年 | 2027年) names columns, not dates */
    for (int pi = 0; pi < d->nparas; pi++)
        if (d->paras[pi].body &&
            (d->paras[pi].table_row < 0 || !d->rows[d->paras[pi].table_row].header))
            find_deadlines(d, pi, rs, m);
    find_table_targets(d, rs, m);
    for (int pi = 0; pi < d->nparas; pi++)
        /* prose, and table rows whose cells are prose (a task list:
         * 新增光伏装机容量5万千瓦以上 | 2024年底前 | 区发展改革局) */
        if (d->paras[pi].body &&
            (d->paras[pi].table_row < 0 || !d->rows[d->paras[pi].table_row].values))
            find_prose_targets(d, pi, rs, m);
    /* rules run in file order; report in document order */
    if (d->ntargets > 1)
        qsort(d->targets, (size_t)d->ntargets, sizeof *d->targets, by_target_pos);
    if (d->ndeadlines > 1)
        qsort(d->deadlines, (size_t)d->ndeadlines, sizeof *d->deadlines, by_deadline_pos);
    /* Several dates in one sentence (到2023年…,其中2021年…) each govern
     * the text between the one before and the one after. */
    for (int i = 0; i + 1 < d->ndeadlines; i++) {
        sj_deadline *a = &d->deadlines[i], *b = &d->deadlines[i + 1];
        if (a->task.start != b->task.start || a->task.end != b->task.end ||
            a->span.end > b->span.start)
            continue;
        size_t cut = b->span.start;
        b->task.start = a->span.end;
        a->task.end = cut;
    }
}
