/* targets.c - numeric targets in prose ([target], [scope], [strip],
 * [comparator], [change], [synonym], [list_head], [past_sentence],
 * [clause_hint] rules), and what every target gets once found (unit,
 * indicator id, match key, year, agency: sj_x_finish_target). */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "prefilter.h"

char *sj_x_clean_indicator(const char *s, size_t len, const sj_ruleset *rs,
                             sj_matcher *m)
{
    /* a [strip] match at the start (全市, 到2025年) or at the end (…建设)
     * is cut; an opener may take all (到2020年年底前: the indicator is
     * then the previous target's) */
    size_t a = 0, z = len;
    sj_cand c;
    size_t ca = 1, cz = 0; /* the span c was scanned over (none yet) */
    for (int guard = 0; guard < 6; guard++) {
        int hit = 0;
        SJ_FOR_KIND(rs, "strip", r) {
            /* the candidates of what is left (again after each cut: the
             * rules are anchored to its ends) */
            if (ca != a || cz != z) {
                sj_prefilter_scan(m, rs, "strip", s + a, z - a, &c);
                ca = a, cz = z;
            }
            if (sj_cand_has(&c, r) && sj_match(m, r, s + a, z - a, 0)) {
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
        }
        while (a < z && (s[a] == ',' || s[a] == ' '))
            a++, hit = 1;
        if (!hit)
            break;
    }
    return xstrndup(s + a, z - a);
}

void sj_x_set_unit(sj_doc *d, sj_target *t, char *unit)
{
    sj_unit_read u = {unit ? unit : "", NULL, NULL, 1, 0};
    t->unit_read = sj_doc_unit_read(d, &u);
    free(unit);
}

sj_target *sj_x_new_target(sj_doc *d, int pi)
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
    for (size_t i = 0; i < n;) { /* runs between brackets */
        size_t k = i + strcspn(ind + i, "()");
        sj_buf_add(&b, ind + i, k - i);
        i = k < n ? k + 1 : n;
    }
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

/* SJ_FIGURE_* of an [indicator] rule's figure key (NULL: none; any word
 * but binding reads as overall, as the checks only ask for binding) */
static unsigned figure_of(const char *v)
{
    return !v ? SJ_FIGURE_NONE : !strcmp(v, "binding") ? SJ_FIGURE_BINDING : SJ_FIGURE_OVERALL;
}

void sj_x_finish_target(sj_doc *d, sj_target *t, const sj_ruleset *rs,
                          sj_matcher *m)
{
    const char *unit = sj_target_unit(t) ? sj_target_unit(t) : "";
    sj_unit_read u = {unit, NULL, NULL, 1, 0};
    SJ_FOR_KIND(rs, "unit", r)
        if (sj_match(m, r, unit, strlen(unit), 0)) {
            const char *f = sj_rule_get(r, "factor");
            u.factor = f ? atof(f) : 1;
            u.canon = sj_rule_get(r, "canonical");
            u.dim = sj_rule_get(r, "dim");
            const char *in = sj_rule_get(r, "intensive");
            t->unit_intensive = in && !strcmp(in, "yes");
            break;
        }
    /* else the grammar of rules/units.rules (multiplier x base [/ base]) */
    char dim[96];
    double f;
    int intensive;
    if (!u.dim && *unit && sj_unit_parse(rs, unit, &f, dim, sizeof dim, &intensive)) {
        u.factor = f;
        u.dim = dim;
        u.dim_own = 1;
        t->unit_intensive = intensive;
    }
    t->unit_read = sj_doc_unit_read(d, &u);
    const sj_rule *ir =
        t->indicator ? sj_first_rule(rs, "indicator", m, t->indicator, strlen(t->indicator))
                     : NULL;
    if (ir) {
        t->figure = figure_of(sj_rule_get(ir, "figure"));
    }
    if (t->indicator && sj_first_rule(rs, "intensive_name", m, t->indicator, strlen(t->indicator)))
        t->unit_intensive = 1;
    else if (t->indicator &&
             sj_first_rule(rs, "extensive_name", m, t->indicator, strlen(t->indicator)))
        t->unit_intensive = 0;
    if (!strcmp(t->change, "level") && t->indicator) {
        const char *c = sj_x_classify(rs, m, "change", "change", t->indicator,
                                 strlen(t->indicator));
        if (c && t->from_table)
            t->change = c;
    }
    if (!t->target_year) {
        /* the nearest date before it in its paragraph, or before its
         * value within it (漏损率2025年控制在9%以内); the deadlines are not
         * in text order within the paragraph yet */
        size_t best = 0;
        int lo, hi;
        para_deadlines(d, t->para, &lo, &hi);
        size_t before = t->value_span.start > t->span.start && !t->deferred
                            ? t->value_span.start
                            : t->span.start;
        for (int i = lo; i < hi; i++) {
            const sj_deadline *dl = &d->deadlines[i];
            if (dl->para == t->para && dl->span.end <= before &&
                dl->span.start >= best &&
                (!strcmp(sj_deadline_kind(d, dl), "by") || !strcmp(sj_deadline_kind(d, dl), "period"))) {
                t->target_year = dl->year;
                best = dl->span.start;
            }
        }
    }
    t->agency = sj_x_agency_for(d, t->para, t->span.end);
    char *key = match_key(t->indicator ? t->indicator : "", rs, m);
    /* the thing a share measures: its name before a [rate_suffix] */
    uint32_t thing_len = strlen(key);
    if (sj_first_match(rs, "rate_suffix", m, key, thing_len)) {
        size_t rs0, re0;
        sj_match_span(m, &rs0, &re0);
        if (re0 == thing_len)
            thing_len = rs0;
    }
    t->ind = sj_doc_indicator_read(
        d, &(sj_indicator_read){key, ir ? sj_rule_get(ir, "id") : NULL,
                                ir ? sj_rule_get(ir, "name") : NULL,
                                ir ? sj_rule_get(ir, "direction") : NULL,
                                ir ? sj_rule_get(ir, "answers") : NULL, thing_len});
    free(key);
    sj_doc_keep_target(d, t);
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
    if (best && memmem(d->norm.text + best->span.end, off - best->span.end, "。", 3))
        best = NULL;
    return best;
}

/* A figure with no name before the next of a list joined by 、 in its
 * clause, in the same unit, takes that one's name (到2025年累计完成60个、到2027年
 * 累计完成126个饮用水水源地规范化建设). */
static void name_from_next(const sj_doc *d, int first, sj_target *t)
{
    const sj_target *next = NULL;
    for (int i = first; i < d->ntargets; i++) {
        const sj_target *o = &d->targets[i];
        if (o != t && !o->from_table && o->span.start >= t->span.end && o->indicator &&
            o->indicator[0] && (!next || o->span.start < next->span.start))
            next = o;
    }
    if (!next || strcmp(sj_target_unit(next), sj_target_unit(t)))
        return;
    const char *gap = d->norm.text + t->span.end;
    size_t n = next->value_span.start - t->span.end;
    if (!memmem(gap, n, "\xE3\x80\x81", 3) || memchr(gap, ',', n) || memchr(gap, ';', n) ||
        memmem(gap, n, "\xE3\x80\x82", 3))
        return;
    free(t->indicator);
    t->indicator = xstrdup(next->indicator);
}

/* An indicator left empty by an elliptical clause (2020年年底前，比2018年
 * 翻一番) is the one of the target before it in the same sentence; a bare
 * one- or two-character noun that a [part_name] rule takes for a part of
 * a thing (建成项目1个，规模3万吨/年) is read as a part of it; any other
 * (化学需氧量不高于30毫克/升，氨氮不高于1.5毫克/升) is a name of its own. */
static void inherit_indicator(sj_doc *d, int first, sj_target *t, const sj_ruleset *rs,
                              sj_matcher *m)
{
    size_t n = t->indicator ? sj_utf8_count(t->indicator, strlen(t->indicator)) : 0;
    if (n > 2)
        return;
    const sj_target *prev = target_before(d, first, t->span.start);
    /* a name that is only the verb of the work ([work_verb]: 累计治理600公顷,
     * 累计建成400个) names nothing yet */
    int bare_verb = n > 0 && sj_first_match(rs, "work_verb", m, t->indicator,
                                            strlen(t->indicator)) != NULL;
    if (!prev && (!t->indicator || !t->indicator[0] || bare_verb)) {
        /* none before it in the paragraph: a [sentence_subject] rule may
         * find the name its sentence opens with (交通运输领域二氧化碳排放强度
         * 持续下降,到2025年比2020年下降5%; 集中布局公共充电桩，2025年底累计
         * 建成400个) */
        int si = sj_sentence_at(d, t->span.start);
        size_t ss = si >= 0 ? d->sentences[si].span.start : t->span.start;
        const sj_rule *r = si >= 0 && t->span.start > ss
                               ? sj_first_match(rs, "sentence_subject", m, d->norm.text + ss,
                                                t->span.start - ss)
                               : NULL;
        size_t a, b;
        if (r && sj_match_group(m, r, "indicator", &a, &b) && b > a) {
            free(t->indicator);
            t->indicator = sj_x_clean_indicator(d->norm.text + ss + a, b - a, rs, m);
        }
        return;
    }
    if (!prev || !prev->indicator || !prev->indicator[0])
        return;
    size_t pl = strlen(prev->indicator), ol = t->indicator ? strlen(t->indicator) : 0;
    /* 多式联运货运量 … 运量: the noun is already the previous name's end;
     * 累计清理岸线360公里，到2027年累计清理600公里: the verb is in it */
    if (ol && pl >= ol && (!memcmp(prev->indicator + pl - ol, t->indicator, ol) ||
                           !memcmp(prev->indicator, t->indicator, ol)))
        ol = 0;
    else if (ol && !sj_first_match(rs, "part_name", m, t->indicator, ol))
        return; /* a name of its own (化学需氧量不高于30毫克/升，氨氮不高于1.5毫克/升) */
    char *ind = xmalloc(pl + ol + 1);
    memcpy(ind, prev->indicator, pl);
    if (ol)
        memcpy(ind + pl, t->indicator, ol);
    ind[pl + ol] = '\0';
    free(t->indicator);
    t->indicator = ind;
}

/* A short name that repeats the verb of the clause before it (完成全区
 * 非道路移动机械编码登记，登记率达到95%; 完成…船舶防污染设施改造，改造率达到
 * 100%) names the share of that work done: an [echo_name] rule reads, in
 * the text from that clause's start to the name's end, what the work was
 * (indicator, which ends with the verb) and what the name adds (rest). */
static void echo_name(sj_doc *d, sj_target *t, const sj_ruleset *rs, sj_matcher *m)
{
    size_t n = t->indicator ? strlen(t->indicator) : 0;
    const char *text = d->norm.text;
    size_t ns = t->span.start;
    if (n == 0 || n > 12 || ns == 0 || text[ns - 1] != ',' || ns + n > d->norm.len ||
        memcmp(text + ns, t->indicator, n))
        return;
    int si = sj_sentence_at(d, ns);
    size_t ss = si >= 0 ? d->sentences[si].span.start : ns;
    size_t cs = ns - 1;
    while (cs > ss && ns - cs < 240 && text[cs - 1] != ',' && text[cs - 1] != ';' &&
           text[cs - 1] != ':')
        cs--;
    const sj_rule *r = sj_first_match(rs, "echo_name", m, text + cs, ns + n - cs);
    size_t a, b, ra, rb;
    if (!r || !sj_match_group(m, r, "indicator", &a, &b) || b <= a ||
        !sj_match_group(m, r, "rest", &ra, &rb))
        return;
    char *work = sj_x_clean_indicator(text + cs + a, b - a, rs, m);
    size_t wl = strlen(work);
    if (wl <= n) {
        free(work);
        return;
    }
    char *name = xmalloc(wl + (rb - ra) + 1);
    memcpy(name, work, wl);
    memcpy(name + wl, text + cs + ra, rb - ra);
    name[wl + (rb - ra)] = '\0';
    free(work);
    free(t->indicator);
    t->indicator = name;
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

void sj_x_set_cmp(sj_target *t, const sj_rule *r, sj_matcher *m,
                    const sj_ruleset *rs, const char *base)
{
    const char *c = sj_rule_get(r, "comparator");
    /* both groups are read before a lookup replaces the match data */
    size_t s[2], e[2];
    int has[2];
    const char *names[2] = {"cmp", "cmp2"};
    for (int k = 0; k < 2; k++)
        has[k] = sj_match_group(m, r, names[k], &s[k], &e[k]) && e[k] > s[k];
    for (int k = 0; k < 2; k++)
        if (has[k]) {
            const char *w =
                sj_x_classify(rs, m, "comparator", "comparator", base + s[k], e[k] - s[k]);
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
    int base_year, target_year; /* written in the match (0: none) */
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
    x->target_year = sj_match_int(m, r, base, "target_year");
    size_t cs, ce;
    int has_change = sj_match_group(m, r, "change", &cs, &ce);
    /* the comparator's groups are read before the lookups below replace
     * the match data */
    sj_target proto;
    memset(&proto, 0, sizeof proto);
    strcpy(proto.comparator, "=");
    sj_x_set_cmp(&proto, r, m, rs, base);
    strcpy(x->comparator, proto.comparator);
    if (has_change)
        x->change = sj_x_classify(rs, m, "change", "change", base + cs, ce - cs);
}

/* A new target of paragraph pi with its match and value spans. */
static sj_target *value_target(sj_doc *d, int pi, const prose_match *x, size_t pstart,
                               size_t vs, size_t ve, double v)
{
    sj_target *t = sj_x_new_target(d, pi);
    t->span = (sj_span){pstart + x->s, pstart + x->e};
    t->value_span = (sj_span){pstart + vs, pstart + ve};
    t->value = v;
    strcpy(t->comparator, x->comparator);
    if (x->change)
        t->change = x->change;
    t->base_year = x->base_year;
    t->target_year = (int16_t)x->target_year;
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
    const char *base = d->norm.text + p.start;
    if (value_taken(d, first, p.start + x->s, p.start + x->e))
        return;
    size_t a = x->has_ind ? x->is : 0, stop = x->has_ind ? x->ie : 0;
    int split = x->has_ind; /* one deferral per item of a named list */
    sj_x_seps seps;
    sj_x_seps_of(rs, "deferred", &seps);
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
            for (size_t q = keep; q < e; q++) {
                size_t sl = sj_x_sep_at(&seps, base + q, e - q);
                if (sl)
                    keep = q + sl;
            }
            a = keep;
            stop = e;
        }
    }
    do {
        size_t b = a, sl = 0;
        while (b < stop && (!split || !(sl = sj_x_sep_at(&seps, base + b, stop - b))))
            b++;
        sj_target *t = value_target(d, pi, x, p.start, x->s, x->e, 0);
        t->deferred = 1;
        t->change = "level";
        t->base_year = 0;
        t->indicator = sj_x_clean_indicator(base + a, b - a, rs, m);
        sj_x_finish_target(d, t, rs, m);
        a = b + (sl ? sl : 1);
    } while (a < stop);
}

/* Splits base[a, e) at the separators of a kind of list into at most max
 * parts. */
static int split_list(const char *base, size_t a, size_t e, const sj_x_seps *seps,
                      size_t (*parts)[2], int max)
{
    int n = 0;
    for (size_t b = a; b <= e && n < max; b++) {
        size_t sl = b < e ? sj_x_sep_at(seps, base + b, e - b) : 0;
        if (b == e || sl) {
            parts[n][0] = a;
            parts[n][1] = b;
            n++;
            a = b + sl;
            b += sl ? sl - 1 : 0;
        }
    }
    return n;
}

/* A [year_list] of a paragraph (offsets into it): its years, where its
 * sentence ends (the first 。 after it) and where the first year written
 * after it ends (a date or a base year between it and a figure). */
typedef struct {
    size_t s, e, stop, next_year;
    int n;
    int years[8];
} year_list;

/* The end of the first year (four digits, then 年) in base[a, e), or e. */
static size_t year_end_in(const char *base, size_t a, size_t e)
{
    for (size_t i = a, run = 0; i < e; i++) {
        if (base[i] >= '0' && base[i] <= '9') {
            run++;
            continue;
        }
        if (run == 4 && i + 3 <= e && !memcmp(base + i, "年", 3))
            return i + 3;
        run = 0;
    }
    return e;
}

/* The paragraph's year lists, in text order, at most max: found once per
 * paragraph (a figure looks its list up, see list_before). */
static int find_year_lists(const sj_xctx *cx, const char *base, size_t len, year_list *out,
                           int max)
{
    int n = 0;
    SJ_FOR_KIND(cx->rs, "year_list", r) {
        for (size_t off = 0; off < len && n < max && sj_match(cx->m, r, base, len, off);) {
            size_t s, e;
            sj_match_span(cx->m, &s, &e);
            off = e > s ? e : s + 1;
            if (!sj_match_group(cx->m, r, "years", &s, &e))
                continue;
            year_list *y = &out[n];
            memset(y, 0, sizeof *y);
            y->s = s;
            y->e = e;
            for (size_t i = s; i + 4 <= e && y->n < 8; i++)
                if (base[i] >= '0' && base[i] <= '9' && (i == s || base[i - 1] < '0' || base[i - 1] > '9')) {
                    size_t k = i;
                    int v = 0;
                    while (k < e && base[k] >= '0' && base[k] <= '9')
                        v = v * 10 + (base[k++] - '0');
                    if (k - i == 4)
                        y->years[y->n++] = v;
                    i = k;
                }
            const char *stop = memmem(base + e, len - e, "。", 3);
            y->stop = stop ? (size_t)(stop - base) : len;
            y->next_year = year_end_in(base, e, y->stop);
            n++;
        }
    }
    /* (one rule in practice; sorted for the lookup all the same) */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && out[j].s < out[j - 1].s; j--) {
            year_list t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    return n;
}

/* The last year list before base[upto] in its sentence, or NULL. */
static const year_list *list_before(const year_list *yl, int n, size_t upto)
{
    int lo = 0, hi = n; /* the first list ending after upto */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (yl[mid].e <= upto)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && upto <= yl[lo - 1].stop ? &yl[lo - 1] : NULL;
}

/* What a paragraph's matches look up, found once per paragraph: the
 * spans no target is taken in, and the year lists. */
typedef struct {
    const sj_span *scopes;
    int nscopes;
    const year_list *years;
    int nyears;
} para_ctx;

/* 分别比2020年下降3.1%、3.7%、3.7%以上: one target per value, each with
 * its own indicator when the sentence names as many; or each in its own
 * year when a list of as many years comes before them (and the indicators
 * are not as many). */
static void add_list(sj_doc *d, int pi, int first, const prose_match *x,
                     const sj_ruleset *rs, sj_matcher *m, const para_ctx *pc)
{
    sj_span p = d->paras[pi].span;
    const char *base = d->norm.text + p.start;
    size_t vals[8][2], inds[8][2];
    sj_x_seps vseps, iseps;
    sj_x_seps_of(rs, "values", &vseps);
    sj_x_seps_of(rs, "indicators", &iseps);
    int nv = split_list(base, x->ls, x->le, &vseps, vals, 8);
    const year_list *yl = nv > 1 ? list_before(pc->years, pc->nyears, x->ls) : NULL;
    int ny = yl ? yl->n : 0;
    size_t xs = x->xs, xe = x->xe;
    if (ny == nv && x->ilist && yl->s > x->xs && yl->s < xe) {
        /* the years are no indicator: the name is before them
         * (替代率2025年、2027年分别…) or, where only an opener is,
         * after them (到2025年、2027年全市氮氧化物减排量分别…) */
        char *before = sj_x_clean_indicator(base + x->xs, yl->s - x->xs, rs, m);
        size_t nb = sj_utf8_count(before, strlen(before));
        free(before);
        if (nb > 1 || yl->e >= xe)
            xe = yl->s;
        else
            xs = yl->e;
    }
    int ni = x->ilist ? split_list(base, xs, xe, &iseps, inds, 8) : 0;
    if (ni == nv)
        ny = 0; /* one value per indicator */
    /* a list naming nothing that follows a list of as many names in its
     * paragraph (…化学需氧量、氨氮重点工程减排量分别达到6000吨、300吨，到2027年
     * 累计分别达到12000吨、600吨): the names, in their order */
    int named = -1; /* the first of those names' targets (indexes: d->targets grows) */
    if (ni != nv && ny != nv && nv > 1) {
        char *own = x->ilist ? sj_x_clean_indicator(base + xs, xe - xs, rs, m) : NULL;
        int none = !own || !own[0];
        free(own);
        int n0 = d->ntargets - nv, k = 0;
        for (; none && n0 >= first && k < nv; k++) {
            const sj_target *o = &d->targets[n0 + k];
            if (o->deferred || !o->indicator || !o->indicator[0] || o->rule != x->r->name ||
                (k && !strcmp(o->indicator, d->targets[n0 + k - 1].indicator)))
                break;
        }
        if (none && n0 >= first && k == nv)
            named = n0;
    }
    /* the last value's own unit: that of the values before it that have
     * none when the list has none after it (分别提高8个和13个百分点) */
    size_t lus = 0, lue = 0;
    if (nv > 0 && !x->has_unit) {
        size_t a = vals[nv - 1][0], b = vals[nv - 1][1];
        const sj_rule *lv = sj_first_match(rs, "list_value", m, base + a, b - a);
        if (lv && sj_match_group(m, lv, "unit", &lus, &lue)) {
            lus += a, lue += a;
        } else if (!lv) { /* the rest of the value is its unit, as below */
            for (lus = a; lus < b && ((base[lus] >= '0' && base[lus] <= '9') || base[lus] == '.');)
                lus++;
            lue = b;
        }
    }
    for (int k = 0; k < nv; k++) {
        size_t a = vals[k][0], b = vals[k][1], ne = a;
        while (ne < b && ((base[ne] >= '0' && base[ne] <= '9') || base[ne] == '.'))
            ne++;
        double v;
        if (!sj_parse_number(rs, base + a, ne - a, &v) ||
            value_taken(d, first, p.start + a, p.start + ne))
            continue;
        sj_target *t = value_target(d, pi, x, p.start, a, ne, v);
        /* a value's own unit (3.1%), else the list's; a value's own
         * comparator word (10%以上) is read by the [list_value] rules */
        size_t us = ne, ue = b, cs, ce;
        const sj_rule *lv = sj_first_match(rs, "list_value", m, base + a, b - a);
        if (lv) {
            if (!sj_match_group(m, lv, "unit", &us, &ue))
                us = ue = ne - a;
            us += a, ue += a;
            if (sj_match_group(m, lv, "cmp", &cs, &ce) && ce > cs) {
                const char *w = sj_x_classify(rs, m, "comparator", "comparator",
                                              base + a + cs, ce - cs);
                if (w && strcmp(w, ">="))
                    snprintf(t->comparator, sizeof t->comparator, "%s", w);
            }
        }
        if (ue == us && x->has_unit)
            us = x->us, ue = x->ue;
        else if (ue == us)
            us = lus, ue = lue;
        sj_x_set_unit(d, t, xstrndup(base + us, ue - us));
        if (ni == nv) {
            t->indicator = sj_x_clean_indicator(base + inds[k][0], inds[k][1] - inds[k][0], rs, m);
            if (k < ni - 1)
                share_head(&t->indicator, base + inds[ni - 1][0],
                           inds[ni - 1][1] - inds[ni - 1][0], rs, m);
        } else if (named >= 0) {
            t->indicator = xstrdup(d->targets[named + k].indicator);
        } else {
            t->indicator = sj_x_clean_indicator(base + xs, xe - xs, rs, m);
        }
        if (ny == nv)
            t->target_year = (int16_t)yl->years[k];
        if (!t->indicator[0]) /* 比2022年分别提高8个和13个百分点 */
            inherit_indicator(d, first, t, rs, m);
        sj_x_finish_target(d, t, rs, m);
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
    const char *base = d->norm.text + p.start;
    size_t parts[8][2];
    int n = 0;
    size_t a = x->ls;
    sj_x_seps seps;
    sj_x_seps_of(rs, "coordinated", &seps);
    for (size_t b = x->ls; b <= x->le && n < 8; b++) {
        /* a separator followed by the next item's number */
        size_t sl = b < x->le ? sj_x_sep_at(&seps, base + b, x->le - b) : 0;
        int sep = sl && b + sl < x->le && base[b + sl] >= '0' && base[b + sl] <= '9';
        if (b == x->le || sep) {
            parts[n][0] = a;
            parts[n][1] = b;
            n++;
            a = b + (sep ? sl : 3);
            b += sep ? sl - 1 : 2;
        }
    }
    char *verb = x->has_ind ? sj_x_clean_indicator(base + x->is, x->ie - x->is, rs, m) : xstrdup("");
    for (int k = 0; k < n; k++) {
        const char *ps = base + parts[k][0];
        size_t pl = parts[k][1] - parts[k][0];
        const sj_rule *r = sj_first_match(rs, "coord_part", m, ps, pl);
        size_t vs, ve, us, ue, os, oe;
        double v;
        if (!r || !sj_match_group(m, r, "value", &vs, &ve) ||
            !sj_parse_number(rs, ps + vs, ve - vs, &v) ||
            value_taken(d, first, parts[k][0] + vs + p.start, parts[k][0] + ve + p.start))
            continue;
        int hu = sj_match_group(m, r, "unit", &us, &ue);
        int ho = sj_match_group(m, r, "object", &os, &oe);
        sj_target *t = value_target(d, pi, x, p.start, parts[k][0] + vs, parts[k][0] + ve, v);
        sj_x_set_unit(d, t, hu ? xstrndup(ps + us, ue - us) : NULL);
        sj_buf ind = {0};
        sj_buf_add(&ind, verb, strlen(verb));
        if (ho)
            sj_buf_add(&ind, ps + os, oe - os);
        if (x->has_obj)
            sj_buf_add(&ind, base + x->os, x->oe - x->os);
        t->indicator = sj_buf_take(&ind);
        sj_x_finish_target(d, t, rs, m);
    }
    free(verb);
}

static void add_single(sj_doc *d, int pi, int first, const prose_match *x,
                       const sj_ruleset *rs, sj_matcher *m, const para_ctx *pc)
{
    sj_span p = d->paras[pi].span;
    const char *base = d->norm.text + p.start;
    double v;
    if (!sj_parse_number(rs, base + x->vs, x->ve - x->vs, &v) ||
        value_taken(d, first, p.start + x->vs, p.start + x->ve))
        return;
    if (x->ilist && sj_rule_get(x->r, "each")) {
        /* A和B各1个: the value holds for each indicator named */
        size_t inds[8][2];
        sj_x_seps seps;
        sj_x_seps_of(rs, "each", &seps);
        int ni = split_list(base, x->xs, x->xe, &seps, inds, 8);
        for (int k = 0; k < ni; k++) {
            sj_target *t = value_target(d, pi, x, p.start, x->vs, x->ve, v);
            sj_x_set_unit(d, t, x->has_unit ? xstrndup(base + x->us, x->ue - x->us) : NULL);
            t->indicator = sj_x_clean_indicator(base + inds[k][0], inds[k][1] - inds[k][0], rs, m);
            if (k < ni - 1)
                share_head(&t->indicator, base + inds[ni - 1][0],
                           inds[ni - 1][1] - inds[ni - 1][0], rs, m);
            sj_x_finish_target(d, t, rs, m);
        }
        return;
    }
    sj_target *t = value_target(d, pi, x, p.start, x->vs, x->ve, v);
    /* 到2025年、2027年,湿地保护率分别…;自然保护地面积比例不低于15%: one
     * figure after a list of years, no date between, holds from the first */
    const year_list *yl = list_before(pc->years, pc->nyears, x->vs);
    if (yl && yl->n > 1 && yl->next_year > x->vs)
        t->target_year = (int16_t)yl->years[0];
    sj_x_set_unit(d, t, x->has_unit ? xstrndup(base + x->us, x->ue - x->us) : NULL);
    t->indicator = x->has_ind ? sj_x_clean_indicator(base + x->is, x->ie - x->is, rs, m) : xstrdup("");
    if (x->has_obj && x->oe > x->os) {
        /* 新增50家以上绿色工厂: the thing counted follows the number */
        size_t il = strlen(t->indicator);
        t->indicator = xrealloc(t->indicator, il + (x->oe - x->os) + 1);
        memcpy(t->indicator + il, base + x->os, x->oe - x->os);
        t->indicator[il + (x->oe - x->os)] = '\0';
        t->object_len = x->oe - x->os;
    }
    echo_name(d, t, rs, m);
    inherit_indicator(d, first, t, rs, m);
    sj_x_finish_target(d, t, rs, m);
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
    static const char stop[] = "。"; /* and , ; : tab */
    for (; ce < len; ce++) {
        unsigned char ch = (unsigned char)base[ce];
        if (ch < '0' ? ch == ',' || ch == '\t'
                     : ch == ';' || ch == ':' ||
                       (ch == (unsigned char)stop[0] && !memcmp(base + ce, stop, 3)))
            break;
        if (ch >= '0' && ch <= '9' && !*promising &&
            !(marker.start <= pstart + ce && pstart + ce < marker.end)) {
            while (*cur < ndates && dates[*cur].end <= pstart + ce)
                (*cur)++;
            *promising = !(*cur < ndates && dates[*cur].start <= pstart + ce);
        }
    }
    if (!*promising) {
        sj_cand c;
        sj_prefilter_scan(m, rs, "clause_hint", base + cs, ce - cs, &c);
        SJ_FOR_KIND(rs, "clause_hint", r)
            if (sj_cand_has(&c, r) && sj_match(m, r, base + cs, ce - cs, 0)) {
                *promising = 1;
                break;
            }
    }
    return ce;
}

static int by_start(const void *a, const void *b)
{
    const sj_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Drops the targets (from index first) of sentences that report the past
 * (a [past_sentence] rule gives the year the sentence opens with, earlier
 * than the plan's first year: 2017年全县PM2.5平均浓度为63微克/立方米…) or
 * set no target at all ([no_target_sentence]: a definition, 堆存场：指…堆体
 * 高度在2米以上; the place described, 我市是…基地，年产生秸秆约1000万吨). */
static void drop_past_targets(sj_doc *d, int first, const sj_ruleset *rs, sj_matcher *m)
{
    int start = sj_x_plan_start_year(d);
    int n = first, last_si = -2, last_drop = 0;
    for (int i = first; i < d->ntargets; i++) {
        sj_target *t = &d->targets[i];
        int past = 0, si = sj_sentence_at(d, t->span.start);
        if (si >= 0 && si == last_si) {
            past = last_drop; /* (one look per sentence) */
        } else if (si >= 0) {
            sj_span s = d->sentences[si].span;
            const char *st = d->norm.text + s.start;
            const sj_rule *r = start ? sj_first_match(rs, "past_sentence", m, st, s.end - s.start) : NULL;
            int y = r ? sj_match_int(m, r, st, "year") : 0;
            past = (y && y < start) ||
                   sj_first_match(rs, "no_target_sentence", m, st, s.end - s.start) != NULL;
            last_si = si;
            last_drop = past;
        }
        if (past) {
            sj_doc_str_free(d, t->indicator);
            sj_doc_str_free(d, t->area);
            continue;
        }
        d->targets[n++] = *t;
    }
    d->ntargets = n;
}

/* Scope numbers of a paragraph's text (offsets into it): their spans
 * block targets (scopes are numbers written in digits). At most 64. */
static int find_scopes(const sj_xctx *cx, const char *base, size_t len, sj_span scopes[64])
{
    int nscopes = 0;
    sj_cand c;
    if (memchr_digit(base, len))
        sj_prefilter_scan(cx->m, cx->rs, "scope", base, len, &c);
    if (memchr_digit(base, len))
        SJ_FOR_KIND(cx->rs, "scope", r) {
            size_t off = 0;
            if (!sj_cand_has(&c, r))
                continue;
            while (off < len && nscopes < 64 && sj_match(cx->m, r, base, len, off)) {
                size_t s, e;
                sj_match_span(cx->m, &s, &e);
                scopes[nscopes++] = (sj_span){s, e};
                off = e > s ? e : s + 1;
            }
        }
    return nscopes;
}

/* Every match of target rule r in the clause [cs, clause_end) of
 * paragraph pi becomes targets (from index first: this paragraph's). */
static void run_target_rule(const sj_xctx *cx, int pi, int first, const sj_rule *r,
                            size_t cs, size_t clause_end, const para_ctx *pc)
{
    sj_doc *d = cx->d;
    const sj_ruleset *rs = cx->rs;
    sj_matcher *m = cx->m;
    sj_span p = d->paras[pi].span;
    const char *base = d->norm.text + p.start;
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
        int blocked = sj_x_in_title_quote(d->norm.text, p, p.start + x.s);
        for (int k = 0; k < pc->nscopes && !blocked; k++)
            blocked = !x.list && !deferred && pc->scopes[k].start < x.ve &&
                      x.vs < pc->scopes[k].end;
        if (blocked)
            continue;
        if (deferred)
            add_deferred(d, pi, first, &x, rs, m);
        else if (x.list && coordinated)
            add_coordinated(d, pi, first, &x, rs, m);
        else if (x.list)
            add_list(d, pi, first, &x, rs, m, pc);
        else
            add_single(d, pi, first, &x, rs, m, pc);
    }
}

void sj_x_prose_targets(const sj_xctx *cx, int pi)
{
    sj_doc *d = cx->d;
    const sj_ruleset *rs = cx->rs;
    sj_matcher *m = cx->m;
    sj_span p = d->paras[pi].span;
    const char *base = d->norm.text + p.start;
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
    if (sec >= 0 && d->sections[sec].line_start == p.start)
        marker = d->sections[sec].number;
    sj_span scopes[64];
    year_list years[32];
    para_ctx pc = {scopes, find_scopes(cx, base, len, scopes), years,
                   find_year_lists(cx, base, len, years, 32)};
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
        sj_cand c;
        sj_prefilter_scan(m, rs, "target", base + cs, clause_end - cs, &c);
        SJ_FOR_KIND(rs, "target", r) {
            if (!sj_cand_has(&c, r) || !sj_rule_may_match(m, r, base, clause_end, cs))
                continue;
            run_target_rule(cx, pi, first, r, cs, clause_end, &pc);
        }
        cs = next;
    }
    free(dates);
    /* a name still empty: the figure before it in its sentence may have
     * been found by a rule that ran after its own (达到50%、比2023年提高18个
     * 百分点). Each look is over the paragraph's targets: at most 4096 of
     * them (a hostile line of thousands of figures stays linear) */
    for (int i = first; i < d->ntargets && d->ntargets - first <= 4096; i++) {
        sj_target *t = &d->targets[i];
        if (t->deferred || t->from_table || !t->indicator || t->indicator[0])
            continue;
        t->indicator = xstrdup("");
        inherit_indicator(d, first, t, rs, m);
        if (!t->indicator[0])
            name_from_next(d, first, t);
        if (t->indicator[0])
            sj_x_finish_target(d, t, rs, m);
        else
            sj_doc_keep_target(d, t);
    }
    drop_past_targets(d, first, rs, m);
}

/* Whether the plan allocates its figures among its areas: an allocation
 * table's rows, or an [allocation_note] sentence (分解到各县(市、区)). */
static int allocates(const sj_xctx *cx)
{
    const sj_doc *d = cx->d;
    for (int i = 0; i < d->ntargets; i++)
        if (d->targets[i].area)
            return 1;
    for (int pi = 0; pi < d->nparas; pi++)
        if (d->paras[pi].body &&
            sj_first_match(cx->rs, "allocation_note", cx->m, d->norm.text + d->paras[pi].span.start,
                           d->paras[pi].span.end - d->paras[pi].span.start))
            return 1;
    return 0;
}

/* Marks the targets of the rows of the last table before paragraph pi
 * whose first cell is one of the item numbers in s (2、3、7-10: single
 * numbers, and ranges joined by a dash or 至): binding, or the plan's own
 * level's work (own). */
static void bind_items(sj_doc *d, int pi, const char *s, size_t n, int own)
{
    int tb = -1;
    for (int r = d->nrows - 1; r >= 0 && tb < 0; r--)
        if (d->rows[r].para < pi)
            tb = d->rows[r].table;
    if (tb < 0)
        return;
    char want[100] = {0}; /* item numbers 1-99 named */
    int prev = -1, range = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] >= '0' && s[i] <= '9') {
            int v = 0;
            while (i < n && s[i] >= '0' && s[i] <= '9' && v < 100)
                v = v * 10 + (s[i++] - '0');
            if (v <= 0 || v >= 100)
                continue;
            for (int k = range && prev > 0 && prev < v ? prev + 1 : v; k <= v; k++)
                want[k] = 1;
            prev = v;
            range = 0;
        } else {
            range = s[i] == '-' || (i + 3 <= n && !memcmp(s + i, "至", 3));
            i++;
        }
    }
    const sj_table *t = &d->tables[tb];
    for (int i = 0; i < d->ntargets; i++) {
        sj_target *x = &d->targets[i];
        int r = x->para >= 0 && x->para < d->nparas ? d->paras[x->para].table_row : -1;
        if (x->area || !x->from_table || r < t->first_row || r >= t->first_row + t->nrows)
            continue;
        sj_span c0 = d->rows[r].cells[0];
        int v = 0;
        for (uint32_t b = c0.start; b < c0.end && d->norm.text[b] >= '0' && d->norm.text[b] <= '9' && v < 100; b++)
            v = v * 10 + (d->norm.text[b] - '0');
        if (v > 0 && v < 100 && want[v]) {
            if (own)
                x->city_own = 1;
            else
                x->figure = SJ_FIGURE_BINDING;
        }
    }
}

/* Where the clause of a note's saying starts in t, going back from at:
 * after a colon, a semicolon or a 。, at most 240 bytes back */
static size_t note_clause_start(const char *t, size_t at)
{
    size_t ns = at;
    while (ns > 0 && at - ns < 240 && t[ns - 1] != ':' && t[ns - 1] != ';' &&
           !(ns >= 3 && !memcmp(t + ns - 3, "。", 3)))
        ns--;
    return ns;
}

/* Targets whose indicator a [uniform_note] sentence names (注：森林火灾受害率、
 * 林业有害生物成灾率为各县(市、区)均须达到的统一要求) bind every area. */
static void uniform_notes(const sj_xctx *cx)
{
    sj_doc *d = cx->d;
    sj_x_seps seps;
    sj_x_seps_of(cx->rs, "indicators", &seps);
    /* bounds for hostile plans: 16 notes of up to 240 bytes of names each
     * (a plan has one or two), each name compared with every target */
    int notes = 0;
    for (int pi = 0; pi < d->nparas && notes < 16; pi++) {
        const char *t = d->norm.text + d->paras[pi].span.start;
        size_t len = d->paras[pi].span.end - d->paras[pi].span.start, ns, ne;
        if (!sj_first_match(cx->rs, "uniform_note", cx->m, t, len))
            continue;
        notes++;
        size_t me;
        sj_match_span(cx->m, &ne, &me); /* the saying starts where the names end */
        /* the names: the clause before the saying */
        ns = note_clause_start(t, ne);
        while (ns < ne && ((unsigned char)t[ns] & 0xC0) == 0x80)
            ns++; /* a whole character */
        /* items named by their number in the table above (注：第2、3、
         * 7-10项为…统一要求) */
        const sj_rule *ir = sj_first_match(cx->rs, "note_items", cx->m, t + ns, ne - ns);
        size_t is, ie;
        if (ir && sj_match_group(cx->m, ir, "items", &is, &ie))
            bind_items(d, pi, t + ns + is, ie - is, 0);
        size_t names[96][2]; /* 240 bytes hold fewer items */
        int nn = split_list(t, ns, ne, &seps, names, 96);
        for (int k = 0; k < nn; k++) {
            const char *name = t + names[k][0];
            size_t il = names[k][1] - names[k][0];
            for (int i = 0; il >= 6 && i < d->ntargets; i++) {
                sj_target *x = &d->targets[i];
                if (!x->area && x->indicator && *x->indicator &&
                    (memmem(x->indicator, strlen(x->indicator), name, il) ||
                     (strlen(x->indicator) >= 6 && memmem(name, il, x->indicator,
                                                          strlen(x->indicator)))))
                    x->figure = SJ_FIGURE_BINDING;
            }
        }
    }
}

/* Rows a [own_note] names by their number (注：第12项由市级统一建设) and
 * targets whose sentence a [city_own] rule matches (由市级统筹建成…; 全市
 * 统一的…平台) are the plan's own level's work. Bounds as for
 * uniform_notes: 16 notes; each sentence is read once. */
static void own_work(const sj_xctx *cx)
{
    sj_doc *d = cx->d;
    int notes = 0;
    for (int pi = 0; pi < d->nparas && notes < 16; pi++) {
        const char *t = d->norm.text + d->paras[pi].span.start;
        size_t len = d->paras[pi].span.end - d->paras[pi].span.start, ms, me, is, ie;
        if (!sj_first_match(cx->rs, "own_note", cx->m, t, len))
            continue;
        notes++;
        sj_match_span(cx->m, &ms, &me);
        /* the items: in the clause of the saying, before it */
        size_t ns = note_clause_start(t, ms);
        const sj_rule *ir = sj_first_match(cx->rs, "note_items", cx->m, t + ns, me - ns);
        if (ir && sj_match_group(cx->m, ir, "items", &is, &ie))
            bind_items(d, pi, t + ns + is, ie - is, 1);
    }
    /* per sentence: 0 not read yet, 1 not the city's, 2 the city's */
    unsigned char *own = xcalloc((size_t)d->nsentences + 1, 1);
    for (int i = 0; i < d->ntargets; i++) {
        sj_target *x = &d->targets[i];
        int si = x->from_table ? -1 : sj_sentence_at(d, x->span.start);
        if (si < 0)
            continue;
        if (!own[si]) {
            sj_span s = d->sentences[si].span;
            own[si] = sj_first_match(cx->rs, "city_own", cx->m, d->norm.text + s.start,
                                     s.end - s.start) ? 2 : 1;
        }
        x->city_own = own[si] == 2;
    }
    free(own);
}

/* A figure stated twice (a table row and its prose) is one figure: it
 * binds if either statement does (the same indicator and value, dated
 * alike or not).
 * The plan's own figures are sorted by those, so a hostile plan of many
 * targets stays n log n; an array of indices, not of keys, as a 50 MB
 * plan reaches its peak memory here. */
static const char *figure_id(const sj_target *t)
{
    const char *id = sj_target_indicator_id(t);
    return id ? id : sj_target_match_key(t);
}

static int by_figure(const void *a, const void *b, void *targets)
{
    const uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
    const sj_target *x = (const sj_target *)targets + i, *y = (const sj_target *)targets + j;
    int c = strcmp(figure_id(x), figure_id(y));
    if (c)
        return c;
    if (x->target_year != y->target_year)
        return x->target_year < y->target_year ? -1 : 1;
    if (x->value != y->value)
        return x->value < y->value ? -1 : 1;
    return i < j ? -1 : i > j;
}

static void restated_binding(sj_doc *d)
{
    uint32_t *k = xmalloc(((size_t)d->ntargets + 1) * sizeof *k);
    size_t n = 0;
    for (int i = 0; i < d->ntargets; i++)
        if (!d->targets[i].area && !d->targets[i].deferred)
            k[n++] = (uint32_t)i;
    qsort_r(k, n, sizeof *k, by_figure, d->targets);
    /* a run of one indicator: a value binding in one statement binds in
     * every statement of that value, dated or not (a note's 铅含量不高于
     * 100mg/kg, and the task's, read as 2027 by the clause before it); at
     * most 16 binding values are looked for in a run */
    for (size_t a = 0, b; a < n; a = b) {
        const char *id = figure_id(&d->targets[k[a]]);
        double vals[16];
        int nv = 0;
        for (b = a; b < n && !strcmp(figure_id(&d->targets[k[b]]), id); b++)
            if (d->targets[k[b]].figure == SJ_FIGURE_BINDING && nv < 16)
                vals[nv++] = d->targets[k[b]].value;
        for (size_t j = a; nv && j < b; j++)
            for (int q = 0; q < nv; q++)
                if (d->targets[k[j]].value == vals[q])
                    d->targets[k[j]].figure = SJ_FIGURE_BINDING;
    }
    free(k);
}

#define UNIFORM_AFTER_MAX 1024 /* bytes after a figure read by [uniform_after] */

void sj_x_figures(const sj_xctx *cx)
{
    sj_doc *d = cx->d;
    /* a plan above the city level, or one that allocates, sets overall
     * figures; a city or county plan that allocates nothing holds each of
     * its areas to its figures */
    int overall = allocates(cx) || (d->level != SJ_LEVEL_CITY && d->level != SJ_LEVEL_COUNTY);
    for (int i = 0; i < d->ntargets; i++) {
        sj_target *t = &d->targets[i];
        if (t->area)
            continue;
        /* (again after allocations are added: from the rule's word) */
        const sj_rule *ir = t->indicator ? sj_first_rule(cx->rs, "indicator", cx->m,
                                                          t->indicator, strlen(t->indicator))
                                         : NULL;
        t->figure = figure_of(ir ? sj_rule_get(ir, "figure") : NULL);
        if (t->figure == SJ_FIGURE_BINDING)
            continue;
        char vu[96];
        snprintf(vu, sizeof vu, "%g%s", t->value, sj_target_unit(t) ? sj_target_unit(t) : "");
        const char *s = d->norm.text + t->span.start;
        size_t n = t->span.end - t->span.start;
        int si = sj_sentence_at(d, t->span.start);
        size_t rest = si >= 0 && d->sentences[si].span.end > t->span.end
                          ? d->sentences[si].span.end - t->span.end
                          : 0;
        /* the saying follows its figures closely: read at most this much
         * of the sentence after each (a sentence of thousands of figures
         * is then read in time linear in its length) */
        if (rest > UNIFORM_AFTER_MAX)
            rest = UNIFORM_AFTER_MAX;
        if (!t->deferred && (sj_first_rule(cx->rs, "uniform_mandate", cx->m, vu, strlen(vu)) ||
                             sj_first_rule(cx->rs, "uniform_mandate", cx->m, s, n) ||
                             (rest && sj_first_match(cx->rs, "uniform_after", cx->m,
                                                     s + n, rest))))
            t->figure = SJ_FIGURE_BINDING;
        else if (!t->figure)
            t->figure = overall ? SJ_FIGURE_OVERALL : SJ_FIGURE_BINDING;
        else if (!overall)
            t->figure = SJ_FIGURE_BINDING;
    }
    uniform_notes(cx);
    own_work(cx);
    restated_binding(d);
}
