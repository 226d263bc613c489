/* extract.c - the extract stage's driver: runs the extractors (agencies,
 * deadlines, table targets, prose targets) over the body paragraphs, in
 * that order, with one context (sj_xctx) instead of a global, then sorts
 * targets and deadlines into text order. Shared helpers live here too. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The key of the first rule of a kind matching s, or NULL. */
const char *sj_x_classify(const sj_ruleset *rs, sj_matcher *m, const char *kind,
                            const char *key, const char *s, size_t len)
{
    const sj_rule *r = sj_first_rule(rs, kind, m, s, len);
    return r ? sj_rule_get(r, key) : NULL;
}

/* inside 《》 at offset off of paragraph span? */
int sj_x_in_title_quote(const char *text, sj_span p, size_t off)
{
    int depth = 0;
    static const char open[] = "《", close[] = "》"; /* the same lead byte */
    const char *b = text + (off - p.start > REACH ? off - REACH : p.start), *end = text + off;
    while (end - b >= 3 && (b = memchr(b, open[0], (size_t)(end - b) - 2))) {
        if (!memcmp(b, open, 3))
            depth++;
        else if (!memcmp(b, close, 3) && depth > 0)
            depth--;
        b++;
    }
    return depth > 0;
}

void sj_x_seps_of(const sj_ruleset *rs, const char *list, sj_x_seps *out)
{
    size_t ll = strlen(list);
    out->n = 0;
    SJ_FOR_KIND(rs, "list_separator", r) {
        const char *w = sj_rule_get(r, "lists");
        int listed = 0;
        while (w && *w && !listed) {
            while (*w == ' ')
                w++;
            const char *e = w;
            while (*e && *e != ' ')
                e++;
            listed = (size_t)(e - w) == ll && !memcmp(w, list, ll);
            w = e;
        }
        if (listed && out->n < SJ_X_MAX_SEPS && r->pattern[0]) {
            out->word[out->n] = r->pattern;
            out->len[out->n++] = strlen(r->pattern);
        }
    }
}

size_t sj_x_sep_at(const sj_x_seps *seps, const char *s, size_t avail)
{
    if (!avail)
        return 0;
    for (int i = 0; i < seps->n; i++)
        if (seps->word[i][0] == s[0] && seps->len[i] <= avail &&
            !memcmp(s, seps->word[i], seps->len[i]))
            return seps->len[i];
    return 0;
}

static uint32_t target_pos(const void *a) { return ((const sj_target *)a)->value_span.start; }

static uint32_t deadline_pos(const void *a) { return ((const sj_deadline *)a)->span.start; }

/* The level of the division a name opens with, following a chain of
 * divisions each inside the one before (山东省潍坊市寿光市 -> 寿光市,
 * county level), or SJ_LEVEL_UNKNOWN. */
static sj_level place_level(const sj_places *pl, const char *s, int *place)
{
    *place = -1;
    if (!s || !pl->n)
        return SJ_LEVEL_UNKNOWN;
    size_t len = strlen(s), at = 0;
    int k = -1;
    for (int guard = 0; guard < 4 && at < len; guard++) {
        int next = sj_places_prefix(pl, s + at, len - at);
        if (next < 0 || (k >= 0 && pl->items[next].parent != k &&
                         pl->items[pl->items[next].parent].parent != k))
            break;
        k = next;
        at += strlen(pl->items[k].name);
    }
    if (k < 0)
        return SJ_LEVEL_UNKNOWN;
    *place = k;
    return pl->items[k].level == 1   ? SJ_LEVEL_PROVINCE
           : pl->items[k].level == 2 ? SJ_LEVEL_CITY
                                     : SJ_LEVEL_COUNTY;
}

/* Whether s[0, n) names an area by its short name sn: at the sentence's
 * start or right after an "areas" separator (、 , 和 在), not inside a word
 * (资源化利用 holds 资源). */
static int short_named(const char *s, size_t n, const char *sn, const sj_x_seps *seps)
{
    size_t l = strlen(sn);
    for (const char *q = s; (q = memmem(q, n - (size_t)(q - s), sn, l)); q++) {
        if (q == s)
            return 1;
        for (int i = 0; i < seps->n; i++)
            if ((size_t)(q - s) >= seps->len[i] &&
                !memcmp(q - seps->len[i], seps->word[i], seps->len[i]))
                return 1;
    }
    return 0;
}

/* The areas just below the plan's place (its counties, or a province's
 * cities) that each target's and each deadline's sentence names by name or
 * short name (在平武、北川、安州建成大熊猫栖息地生态廊道5条: a task of those
 * areas), when it names one to SJ_MAX_NAMED of them. */
static void named_areas(const sj_xctx *cx, int place)
{
    sj_doc *d = cx->d;
    const sj_places *pl = &cx->rs->places;
    if (place < 0 || pl->items[place].level > 2)
        return;
    int below[64], nb = 0;
    for (int i = 0; i < pl->n && nb < 64; i++)
        if (pl->items[i].parent == place)
            below[nb++] = i;
    sj_x_seps seps;
    sj_x_seps_of(cx->rs, "areas", &seps);
    /* each sentence is read once (a sentence of thousands of targets):
     * its entry + 1 (0: names none), -1 not read yet */
    int *of = xmalloc(((size_t)d->nsentences + 1) * sizeof *of);
    for (int si = 0; si < d->nsentences; si++)
        of[si] = -1;
    /* the targets', then the deadlines' sentences (a project list's row
     * located in 漳浦县 dates a task of 漳浦县) */
    free(d->dl_named);
    d->dl_named = NULL;
    d->ndl_named = d->capdl_named = 0;
    for (int i = 0; i < d->ntargets + d->ndeadlines; i++) {
        int dlnamed = 0, *named = i < d->ntargets ? &d->targets[i].named : &dlnamed;
        int para = i < d->ntargets ? d->targets[i].para : d->deadlines[i - d->ntargets].para;
        size_t at = i < d->ntargets ? d->targets[i].span.start
                                    : d->deadlines[i - d->ntargets].span.start;
        int si = para >= 0 ? sj_sentence_at(d, at) : -1;
        if (si < 0)
            continue;
        if (of[si] < 0) {
            const char *s = d->norm.text + d->sentences[si].span.start;
            size_t n = d->sentences[si].span.end - d->sentences[si].span.start;
            int k = 0;
            sj_named nm = {{0}, {0}, {{0}}, 0};
            for (int b = 0; b < nb && k <= SJ_MAX_NAMED; b++) {
                const sj_place *p = &pl->items[below[b]];
                const char *sn = p->shortname && strlen(p->shortname) >= 6 ? p->shortname : NULL;
                if (!memmem(s, n, p->name, strlen(p->name)) && !(sn && short_named(s, n, sn, &seps)))
                    continue;
                if (k < SJ_MAX_NAMED) {
                    nm.name[k] = p->name, nm.name_short[k] = sn;
                    memcpy(nm.code[k], p->code, 7);
                }
                k++;
            }
            nm.n = k;
            of[si] = k && k <= SJ_MAX_NAMED ? sj_doc_add_named(d, &nm) : 0;
        }
        *named = of[si];
        if (dlnamed) {
            SJ_GROW(d->dl_named, d->ndl_named, d->capdl_named);
            d->dl_named[d->ndl_named++] = (struct sj_dl_named){i - d->ntargets, dlnamed};
        }
    }
    free(of);
}

/* Whether table ti's header row has a [project_header] cell. */
static int project_list(const sj_xctx *cx, int ti)
{
    const sj_doc *d = cx->d;
    int hr = d->tables[ti].header_row;
    if (hr < 0)
        return 0;
    const sj_row *h = &d->rows[hr];
    for (int k = 0; k < h->ncells; k++)
        if (sj_first_rule(cx->rs, "project_header", cx->m, d->norm.text + h->cells[k].start,
                          h->cells[k].end - h->cells[k].start))
            return 1;
    return 0;
}

void sj_extract(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    sj_xctx cx = {d, rs, m};
    sj_memo_begin(m, rs); /* lookups repeat within a plan (memo.h) */
    d->inherit_from = -1;
    /* the level by rules/places.tsv when the title (else the issuer) opens
     * with a known division: 寿光市 is county-level, though its name ends
     * in 市 */
    int place;
    sj_level pl = place_level(&rs->places, d->title, &place);
    if (pl == SJ_LEVEL_UNKNOWN)
        pl = place_level(&rs->places, d->issuer, &place);
    if (pl != SJ_LEVEL_UNKNOWN)
        d->level = pl;
    for (int pi = 0; pi < d->nparas; pi++) {
        if (!d->paras[pi].body)
            continue;
        if (d->paras[pi].table_row >= 0)
            sj_x_table_agencies(&cx, pi);
        else
            sj_x_agencies(&cx, pi);
    }
    /* a table's header row (2025年 | 2027年) names columns, not dates */
    for (int pi = 0; pi < d->nparas; pi++)
        if (d->paras[pi].body &&
            (d->paras[pi].table_row < 0 || !d->rows[d->paras[pi].table_row].header))
            sj_x_deadlines(&cx, pi);
    sj_x_table_targets(&cx);
    for (int pi = 0; pi < d->nparas; pi++)
        /* prose, and table rows whose cells are prose (a task list:
         * 新增光伏装机容量5万千瓦以上 | 2024年底前 | 区发展改革局) */
        if (d->paras[pi].body &&
            (d->paras[pi].table_row < 0 || !d->rows[d->paras[pi].table_row].values))
            sj_x_prose_targets(&cx, pi);
    sj_x_figures(&cx);
    /* targets in the rows of a project list */
    for (int i = 0; i < d->ntargets; i++) {
        sj_target *t = &d->targets[i];
        int tr = t->para >= 0 ? d->paras[t->para].table_row : -1;
        t->project = tr >= 0 && project_list(&cx, d->rows[tr].table);
    }
    /* sentences that require all of something (全部消除, 实现全覆盖) */
    free(d->sentence_whole);
    d->sentence_whole = xcalloc((size_t)d->nsentences + 1, 1);
    for (int pi = 0; pi < d->nparas; pi++) {
        sj_span p = d->paras[pi].span;
        if (!d->paras[pi].body || p.end == p.start)
            continue;
        /* the paragraph's sentences: from the one holding its start */
        for (int si = sj_sentence_at(d, p.start); si >= 0 && si < d->nsentences &&
                                                  d->sentences[si].span.start < p.end;
             si++) {
            sj_span s = d->sentences[si].span;
            d->sentence_whole[si] =
                sj_first_match(rs, "whole_word", m, d->norm.text + s.start, s.end - s.start) != NULL;
        }
    }
    /* rules run in file order; report in document order */
    sj_sort_stable(d->targets, (size_t)d->ntargets, sizeof *d->targets, target_pos);
    sj_sort_stable(d->deadlines, (size_t)d->ndeadlines, sizeof *d->deadlines, deadline_pos);
    named_areas(&cx, place); /* (deadlines are named by index: once sorted) */
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
    sj_x_goals(&cx);
    sj_memo_end(m);
}
