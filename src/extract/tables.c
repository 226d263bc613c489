/* tables.c - targets in the value cells of tables ([table_cell] rules),
 * one per value column, with the indicator from the column to its left
 * and the unit from a unit column or the indicator's brackets. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

/* Whether item (n bytes) is a unit: a [unit] rule or the unit grammar
 * reads the whole of it */
static int is_unit(const char *item, size_t n, const sj_ruleset *rs, sj_matcher *m)
{
    char *u = xstrndup(item, n);
    double f;
    char dim[96];
    int in, yes = sj_unit_parse(rs, u, &f, dim, sizeof dim, &in);
    SJ_FOR_KIND(rs, "unit", r)
        if (!yes && sj_match(m, r, u, n, 0))
            yes = 1;
    free(u);
    return yes;
}

/* A unit in brackets at the end of an indicator cell: 比重(%), and one
 * with brackets of its own: 等效声级(dB(A)). A bracket that lists
 * qualifiers with it (辆,累计; 2027年累计,个: the year is the column's,
 * read by [column_year]) gives the item that is a unit, if one is. */
static void split_unit(const char *s, size_t len, size_t *ind_len, char **unit,
                       const sj_ruleset *rs, sj_matcher *m)
{
    *ind_len = len;
    *unit = NULL;
    if (len < 3 || s[len - 1] != ')')
        return;
    int depth = 0;
    for (size_t b = len; b > 0; b--) {
        if (s[b - 1] == ')')
            depth++;
        else if (s[b - 1] == '(' && --depth == 0) {
            const char *in = s + b, *end = s + len - 1;
            *ind_len = b - 1;
            for (const char *p = in; memchr(in, ',', (size_t)(end - in)) && p < end;) {
                const char *c = memchr(p, ',', (size_t)(end - p));
                const char *e = c ? c : end;
                if (e > p && is_unit(p, (size_t)(e - p), rs, m)) {
                    *unit = xstrndup(p, (size_t)(e - p));
                    return;
                }
                p = c ? c + 1 : end;
            }
            *unit = xstrndup(in, (size_t)(end - in));
            return;
        }
    }
}

/* The target in cell vc of a table row, if a [table_cell] rule reads it,
 * with the indicator from cell ind and the given target year (0: none). */
static int table_target(sj_doc *d, const sj_row *row, const sj_table *tb, int vc, sj_span ind,
                        int year, const sj_ruleset *rs, sj_matcher *m)
{
    sj_span cell = row->cells[vc];
    const char *cv = d->norm.text + cell.start;
    size_t cl = cell.end - cell.start;
    SJ_FOR_KIND(rs, "table_cell", r) {
        if (!sj_match(m, r, cv, cl, 0))
            continue;
        size_t vs = 0, ve = 0, us = 0, ue = 0;
        int deferred = sj_rule_get(r, "deferred") != NULL;
        int hv = sj_match_group(m, r, "value", &vs, &ve);
        int hu = sj_match_group(m, r, "unit", &us, &ue);
        double v = 0;
        if (!deferred && (!hv || !sj_parse_number(rs, cv + vs, ve - vs, &v)))
            continue;
        sj_target *t = sj_x_new_target(d, row->para);
        sj_x_set_cmp(t, r, m, rs, cv);
        t->from_table = 1;
        t->deferred = deferred;
        t->value = v;
        t->span = d->paras[row->para].span;
        t->value_span = deferred ? cell : (sj_span){cell.start + vs, cell.start + ve};
        size_t il;
        char *bunit;
        split_unit(d->norm.text + ind.start, ind.end - ind.start, &il, &bunit, rs, m);
        /* an indicator cell that writes the base year with the change
         * (单位地区生产总值能耗比2020年下降): the year is the base, the
         * phrase gives the change ([change] rules), and the name is what
         * comes before it, as in a sentence */
        int ibase = 0;
        const sj_rule *br = sj_first_match(rs, "cell_base_year", m,
                                           d->norm.text + ind.start, ind.end - ind.start);
        if (br) {
            size_t ms, me;
            sj_match_span(m, &ms, &me);
            ibase = sj_match_int(m, br, d->norm.text + ind.start, "year");
            const char *ch = sj_x_classify(rs, m, "change", "change",
                                           d->norm.text + ind.start + ms, me - ms);
            if (ch && ms > 0 && ms < il && !strcmp(t->change, "level")) {
                t->change = ch;
                il = ms;
            }
        }
        t->indicator = sj_x_clean_indicator(d->norm.text + ind.start, il, rs, m);
        if (hu && ue > us) {
            sj_x_set_unit(d, t, xstrndup(cv + us, ue - us));
            free(bunit);
        } else if (tb->unit_col >= 0 && tb->unit_col < row->ncells) {
            sj_x_set_unit(d, t, sj_span_dup(d, row->cells[tb->unit_col]));
            free(bunit);
        } else {
            sj_x_set_unit(d, t, bunit);
        }
        t->target_year = year;
        t->rule = r->name;
        /* a cell that writes its own base year: 比2022年下降14 */
        size_t bs, be;
        int base = sj_match_group(m, r, "base_year", &bs, &be) && be - bs == 4
                       ? atoi((char[5]){cv[bs], cv[bs + 1], cv[bs + 2], cv[bs + 3], 0})
                       : 0;
        const char *ch = sj_rule_get(r, "change");
        sj_x_finish_target(d, t, rs, m);
        if (ch && !strcmp(t->change, "level"))
            t->change = ch;
        if (!base)
            base = ibase; /* or the indicator cell's */
        if (strcmp(t->change, "level"))
            t->base_year = base ? base : tb->base_year;
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

/* Whether table tb allocates figures among areas: its header's first cell
 * names the areas ([allocation_header]: 县(市、区)). */
static int allocation_table(sj_doc *d, sj_table *tb, const sj_ruleset *rs, sj_matcher *m)
{
    int h = tb->header_row >= 0 ? tb->header_row : tb->first_row;
    if (h < 0 || h >= d->nrows || d->rows[h].table != (int)(tb - d->tables))
        return 0;
    sj_span c0 = d->rows[h].cells[0];
    if (!sj_first_match(rs, "allocation_header", m, d->norm.text + c0.start, c0.end - c0.start))
        return 0;
    /* its header names the indicators, digits and all (PM2.5年均浓度) */
    tb->header_row = h;
    d->rows[h].header = 1;
    return 1;
}

/* A row of an allocation table: one target per value column, the
 * indicator and unit from the column's header cell, the area from the
 * row's first cell. The total row ([allocation_total]: 全市, 合计)
 * restates the plan's own figures and gives none. */
static void allocation_row(sj_doc *d, sj_row *row, const sj_table *tb, const sj_ruleset *rs,
                           sj_matcher *m)
{
    const sj_row *hd = &d->rows[tb->header_row];
    sj_span c0 = row->cells[0];
    const char *name = d->norm.text + c0.start;
    size_t nl = c0.end - c0.start;
    if (!nl || sj_first_match(rs, "allocation_total", m, name, nl))
        return;
    for (int k = 1; k < row->ncells && k < hd->ncells; k++) {
        if (k == tb->unit_col || tb->skip_col[k])
            continue;
        int year = tb->col_year[k] ? tb->col_year[k] : tb->target_year;
        if (table_target(d, row, tb, k, hd->cells[k], year, rs, m)) {
            d->targets[d->ntargets - 1].area = xstrndup(name, nl);
            row->values++;
        }
    }
}

/* The target year a row writes in a cell after its value (a 目标年度
 * column: 90 | 2025年), read by the [row_year] rules; 0 if none. */
static int row_year(const sj_doc *d, const sj_row *row, int vc, const sj_ruleset *rs,
                    sj_matcher *m)
{
    for (int k = vc + 1; k < row->ncells; k++) {
        sj_span cs = row->cells[k];
        const char *t = d->norm.text + cs.start;
        const sj_rule *r = sj_first_match(rs, "row_year", m, t, cs.end - cs.start);
        if (r)
            return sj_match_int(m, r, t, "year");
    }
    return 0;
}

void sj_x_table_targets(const sj_xctx *cx)
{
    sj_doc *d = cx->d;
    const sj_ruleset *rs = cx->rs;
    sj_matcher *m = cx->m;
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
        if (allocation_table(d, tb, rs, m)) {
            if (ri != tb->header_row)
                allocation_row(d, row, tb, rs, m);
            row->values += row->values == 0; /* not prose either */
            continue;
        }
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
                    row->values += table_target(d, row, tb, k, row->cells[ic], tb->col_year[k],
                                                rs, m);
            continue;
        }
        /* else the value is the rightmost cell a [table_cell] rule reads (a
         * deadline or remark column may follow it); the indicator is the
         * cell before it, skipping a unit column */
        for (int vc = row->ncells - 1; vc >= 1; vc--) {
            if (vc == tb->unit_col || tb->skip_col[vc])
                continue;
            int year = tb->col_year[vc] ? tb->col_year[vc] : row_year(d, row, vc, rs, m);
            if (!year)
                year = tb->target_year;
            if (table_target(d, row, tb, vc, row->cells[indicator_col(tb, vc)], year, rs, m)) {
                row->values++;
                break;
            }
        }
    }
}

/* one CSV field of s (up to end) from *at: trimmed, quotes ("a,b") kept
 * out; *at moves past its comma */
static sj_span csv_field(const char *s, size_t end, size_t *at)
{
    size_t a = *at;
    while (a < end && s[a] == ' ')
        a++;
    size_t b = a, e;
    if (a < end && s[a] == '"') {
        b = ++a;
        while (a < end && s[a] != '"')
            a++;
        e = a;
        while (a < end && s[a] != ',')
            a++;
    } else {
        while (a < end && s[a] != ',')
            a++;
        e = a;
        while (e > b && s[e - 1] == ' ')
            e--;
    }
    *at = a < end ? a + 1 : end + 1;
    return (sj_span){b, e};
}

/* drops the targets from index first on (their indicators are in d->strs
 * once finished) */
static void drop_targets(sj_doc *d, int first)
{
    for (int i = first; i < d->ntargets; i++) {
        sj_doc_str_free(d, d->targets[i].indicator);
        sj_doc_str_free(d, d->targets[i].area);
    }
    d->ntargets = first;
}

int sj_extract_allocations(sj_doc *d, const char *name, const char *csv, size_t len,
                           const sj_ruleset *rs, sj_matcher *m, sj_err *err)
{
    int first = d->ntargets, line = 0;
    size_t at = 0;
    while (at < len) {
        line++;
        const char *nl = memchr(csv + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - csv) : len;
        size_t ls = at;
        at = end + 1;
        if (end > ls && csv[end - 1] == '\r')
            end--;
        if (line == 1 && end - ls >= 3 && !memcmp(csv + ls, "\xEF\xBB\xBF", 3))
            ls += 3;
        if (end == ls || csv[ls] == '#')
            continue;
        sj_span f[5];
        int nf = 0;
        size_t p = ls;
        while (p <= end && nf < 5)
            f[nf++] = csv_field(csv, end, &p);
        if (nf < 3 || p <= end) {
            drop_targets(d, first);
            return sj_fail(err, "%s:%d: an allocation is area,indicator,value,unit,target year",
                           name, line);
        }
        double v;
        int number = sj_parse_number(rs, csv + f[2].start, f[2].end - f[2].start, &v);
        if (!number && line == 1 && d->ntargets == first)
            continue; /* a header */
        int year = 0;
        if (nf == 5 && f[4].end > f[4].start) {
            char y[8] = {0};
            size_t yl = f[4].end - f[4].start;
            if (yl == 4 || (yl == 7 && !memcmp(csv + f[4].start + 4, "年", 3)))
                memcpy(y, csv + f[4].start, 4);
            year = atoi(y);
            if (year < 1949 || year > 2100)
                number = 0;
        }
        if (!number || f[0].end == f[0].start || f[1].end == f[1].start) {
            drop_targets(d, first);
            return sj_fail(err, "%s:%d: an allocation needs an area, an indicator, a number "
                                "and a year (e.g. 2025) or none",
                           name, line);
        }
        sj_target *t = sj_x_new_target(d, -1);
        t->value = v;
        t->indicator = xstrndup(csv + f[1].start, f[1].end - f[1].start);
        sj_x_set_unit(d, t, nf >= 4 ? xstrndup(csv + f[3].start, f[3].end - f[3].start) : NULL);
        t->target_year = year;
        t->rule = "allocation";
        sj_x_finish_target(d, t, rs, m);
        t->area = xstrndup(csv + f[0].start, f[0].end - f[0].start);
    }
    /* the plan now allocates: its own figures are overall ones */
    sj_xctx cx = {d, rs, m};
    sj_x_figures(&cx);
    return 0;
}
