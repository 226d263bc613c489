/* deadlines.c - dates that govern tasks ([deadline], [deadline_hint]
 * rules): year/month, kind (by, recurring, period, start) and the clause
 * the date governs, with the agency parenthetical that follows. Dates of
 * the past (before the plan's first year) are dropped. */
#include "extract_int.h"
#include "prefilter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first year the plan covers: its period's start, or the year it was
 * issued if that is earlier; 0 if neither is known. */
int sj_x_plan_start_year(const sj_doc *d)
{
    int y = d->period_from;
    int issued = d->date ? atoi(d->date) : 0;
    if (issued >= 1990 && issued <= 2100 && (!y || issued < y))
        y = issued;
    return y;
}

/* s cut to [from, to), on character boundaries */
static sj_span clip_span(const char *text, sj_span s, size_t from, size_t to)
{
    if (s.start < from) {
        s.start = from;
        while (s.start < s.end && ((unsigned char)text[s.start] & 0xC0) == 0x80)
            s.start++;
    }
    if (s.end > to) {
        s.end = to > s.start ? to : s.start;
        while (s.end > s.start && ((unsigned char)text[s.end] & 0xC0) == 0x80)
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

/* The windows [start, end) of paragraph pi (offsets into it) that the
 * deadline rules search: at most 64, sorted, disjoint. */
static int hint_windows(const sj_xctx *cx, int pi, sj_span win[64])
{
    sj_doc *d = cx->d;
    const sj_ruleset *rs = cx->rs;
    sj_matcher *m = cx->m;
    sj_span p = d->paras[pi].span;
    const char *base = d->norm.text + p.start;
    size_t len = p.end - p.start;
    /* Most sentences hold no date: deadline rules search only the
     * sentences where a [deadline_hint] matches (every deadline holds a
     * hint and none crosses a sentence stop), as windows of the paragraph
     * merged where they touch; a match found in one may run past its end.
     * Without hint rules, the whole paragraph. */
    int nwin = 0;
    if (!sj_rules_first(rs, "deadline_hint"))
        win[nwin++] = (sj_span){0, len};
    sj_cand c;
    sj_prefilter_scan(m, rs, "deadline_hint", base, len, &c);
    SJ_FOR_KIND(rs, "deadline_hint", h) {
        size_t off = 0;
        if (!sj_cand_has(&c, h))
            continue;
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
    return nwin;
}

/* A deadline of paragraph pi from rule r's match [s, e) (offsets into
 * the paragraph): its date, and the task it governs. */
static void add_deadline(sj_doc *d, int pi, const sj_rule *r, sj_matcher *m,
                         size_t s, size_t e)
{
    sj_span p = d->paras[pi].span;
    const char *base = d->norm.text + p.start;
    SJ_GROW(d->deadlines, d->ndeadlines, d->capdeadlines);
    sj_deadline *dl = &d->deadlines[d->ndeadlines++];
    memset(dl, 0, sizeof *dl);
    dl->span = (sj_span){p.start + s, p.start + e};
    dl->para = pi;
    dl->kind = (uint16_t)sj_doc_kind(d, sj_rule_get(r, "kind"));
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
        dl->task = clip_span(d->norm.text, d->sentences[si].span,
                             dl->span.start > REACH ? dl->span.start - REACH : 0,
                             dl->span.end + REACH);
    /* the task is the ;-part of the sentence that holds the date */
    for (size_t b = dl->span.start; b > dl->task.start; b--)
        if (d->norm.text[b - 1] == ';') {
            dl->task.start = b;
            break;
        }
    for (size_t b = dl->span.end; b < dl->task.end; b++)
        if (d->norm.text[b] == ';') {
            dl->task.end = b;
            break;
        }
    /* not the item's number its paragraph opens with (1. 2024年12月底前建立…) */
    int sec = d->paras[pi].section;
    if (sec >= 0 && d->sections[sec].line_start == d->paras[pi].span.start &&
        dl->task.start <= d->sections[sec].number.end &&
        d->sections[sec].number.end <= dl->span.start) {
        dl->task.start = d->sections[sec].number.end;
        while (dl->task.start < dl->span.start && d->norm.text[dl->task.start] == ' ')
            dl->task.start++;
    }
    /* and stops at its responsibility parenthetical */
    int ag = sj_x_agency_for(d, pi, dl->span.end);
    if (ag >= 0 && d->agencies[ag].span.start < dl->task.end)
        dl->task.end = d->agencies[ag].span.start;
    dl->agency = sj_x_agency_for(d, pi, dl->span.end);
}

/* A "by" date before the plan starts is a past fact (2017年年底前历史
 * 遗留的…; 2021年,全县已淘汰…), not a deadline. Dropped only after all
 * rules ran, so its span still kept the later rules off the same text. */
static void drop_past_deadlines(sj_doc *d, int first)
{
    int start = sj_x_plan_start_year(d);
    int n = first;
    for (int i = first; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        if (start && !strcmp(sj_deadline_kind(d, dl), "by") && dl->year && dl->year < start)
            continue;
        d->deadlines[n++] = *dl;
    }
    d->ndeadlines = n;
}

void sj_x_deadlines(const sj_xctx *cx, int pi)
{
    sj_doc *d = cx->d;
    const sj_ruleset *rs = cx->rs;
    sj_matcher *m = cx->m;
    sj_span p = d->paras[pi].span;
    const char *base = d->norm.text + p.start;
    size_t len = p.end - p.start;
    int first = d->ndeadlines;
    sj_span win[64];
    int nwin = hint_windows(cx, pi, win);
    /* the bytes of the paragraph that deadlines already hold: a later
     * match overlapping one is not taken */
    unsigned char *taken = nwin ? xcalloc(len / 8 + 1, 1) : NULL;
    sj_cand c;
    if (nwin)
        sj_prefilter_scan(m, rs, "deadline", base, len, &c);
    SJ_FOR_KIND(rs, "deadline", r)
    for (size_t wi = 0, off = 0; wi < (size_t)nwin && sj_cand_has(&c, r); wi++) {
        if (off < win[wi].start)
            off = win[wi].start;
        while (off < win[wi].end && sj_match_within(m, r, base, len, off, win[wi].end - 1)) {
            size_t s, e;
            sj_match_span(m, &s, &e);
            off = e > s ? e : s + 1;
            if (e == s || any_marked(taken, s, e) || sj_x_in_title_quote(d->norm.text, p, p.start + s))
                continue;
            for (size_t i = s; i < e; i++)
                taken[i >> 3] |= (unsigned char)(1u << (i & 7));
            add_deadline(d, pi, r, m, s, e);
        }
    }
    free(taken);
    drop_past_deadlines(d, first);
}
