/* card.c - a plan's card: what pairing needs of it (title, 文号,
 * citations, and for the scan's index also issuer, level and period), read
 * up to parse; or why it was not read (an error) or is not checked (a
 * format that holds no plan, or a text that is not a plan). */
#include "scan.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "util.h"

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

/* A text that is not a plan (a README, an issue template): no section
 * headings and no plan title, and then either no targets and no deadlines
 * or far more Latin letters than Chinese characters. Why, or NULL. Runs
 * extract on d only for a text that has neither headings nor a title. */
static const char *not_a_plan(sj_doc *d, const sj_ruleset *rs, sj_matcher *m)
{
    if (d->nsections > 0 ||
        (d->title && sj_first_match(rs, "plan_title", m, d->title, strlen(d->title))))
        return NULL;
    size_t cjk = 0, latin = 0;
    for (size_t i = 0; i < d->dec.len;) {
        int32_t cp;
        int k = sj_utf8_decode(d->dec.text + i, d->dec.len - i, &cp);
        i += k > 0 ? (size_t)k : 1;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            latin++;
        else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
                 (cp >= 0x20000 && cp <= 0x3ffff))
            cjk++;
    }
    if (cjk * 4 < latin)
        return sj_msg_text(SJ_MSG_WORD_NOT_PLAN_LATIN, SJ_LANG_EN);
    sj_extract(d, rs, m);
    if (d->ntargets == 0 && d->ndeadlines == 0)
        return sj_msg_text(SJ_MSG_WORD_NOT_PLAN_EMPTY, SJ_LANG_EN);
    return NULL;
}

/* The place of the plan (see sj_scan_card): the division its title, else
 * its issuer, opens with; when both name one and one is inside the other,
 * the inner one (潍坊市生态环境局寿光分局 issues, 寿光市… is the title). */
static int inside(const sj_places *pl, int a, int b)
{
    for (int k = a; k >= 0; k = pl->items[k].parent)
        if (k == b)
            return 1;
    return 0;
}

static void card_place(sj_scan_card *c, const sj_doc *d, const sj_ruleset *rs)
{
    const sj_places *pl = &rs->places;
    size_t used;
    int t = d->title ? sj_places_chain(pl, d->title, strlen(d->title), &used) : -1;
    int i = d->issuer ? sj_places_chain(pl, d->issuer, strlen(d->issuer), &used) : -1;
    int k = t >= 0 ? t : i;
    if (t >= 0 && i >= 0 && i != t && inside(pl, i, t))
        k = i;
    if (k < 0)
        return;
    const sj_place *p = &pl->items[k];
    c->place = xstrdup(p->name);
    c->level = p->level == 1 ? SJ_LEVEL_PROVINCE : p->level == 2 ? SJ_LEVEL_CITY : SJ_LEVEL_COUNTY;
    /* a name listed more than once (鼓楼区), named alone (not after its
     * province or city): each one's division above */
    const char *src = k == t ? d->title : d->issuer;
    sj_places_chain(pl, src, strlen(src), &used);
    int same[8], ns = 1, codes = 1;
    same[0] = k;
    if (used == strlen(p->name))
        ns = sj_places_named(pl, k, same, 8);
    for (int j = 0; j < ns; j++)
        if (strcmp(pl->items[same[j]].code, p->code))
            codes++;
    c->place_code = codes == 1 ? xstrdup(p->code) : NULL;
    c->place_up = xcalloc((size_t)ns + 1, sizeof *c->place_up);
    for (int j = 0; j < ns; j++) {
        int up = pl->items[same[j]].parent;
        if (up >= 0 && strcmp(pl->items[up].code, p->code)) /* 东莞市 under itself */
            c->place_up[c->nplace_up++] = xstrdup(pl->items[up].code);
    }
}

void sj_scan_card_read(sj_scan_card *c, const sj_load_opts *lo, const sj_ruleset *rs,
                       sj_matcher *m)
{
    sj_doc d;
    sj_err err;
    memset(&d, 0, sizeof d);
    int rc = c->skipped ? SJ_LOAD_SKIPPED
                        : sj_doc_load(c->path, lo, rs, m, &d, &err);
    const char *np = rc == 0 ? not_a_plan(&d, rs, m) : NULL;
    if (rc == SJ_LOAD_SKIPPED && !c->skipped) {
        /* "FILE: not a plan format: WHY" */
        const char *why = strstr(err.msg, ": not a plan format: ");
        c->skipped = xstrdup(why ? why + 21 : err.msg);
    } else if (np) {
        c->skipped = xstrdup(np);
    } else if (rc == 0) {
        c->ok = 1;
        c->bytes = d.dec.len;
        c->title = dup_or_null(d.title);
        c->docno = dup_or_null(d.docno);
        c->issuer = dup_or_null(d.issuer);
        c->level = (int)d.level;
        c->period_from = d.period_from;
        c->period_to = d.period_to;
        c->ncites = d.ncites;
        c->cite_title = xcalloc((size_t)d.ncites + 1, sizeof *c->cite_title);
        c->cite_docno = xcalloc((size_t)d.ncites + 1, sizeof *c->cite_docno);
        for (int k = 0; k < d.ncites; k++) {
            c->cite_title[k] = dup_or_null(d.cites[k].title);
            c->cite_docno[k] = dup_or_null(d.cites[k].docno);
        }
        card_place(c, &d, rs);
        if (d.title) {
            const sj_rule *r = sj_first_match(rs, "programme", m, d.title, strlen(d.title));
            if (r)
                c->programme = xstrdup(sj_rule_get(r, "programme"));
        }
    } else if (rc != SJ_LOAD_SKIPPED) {
        c->err = xstrdup(err.msg);
    }
    sj_doc_free(&d);
}

void sj_scan_card_free(sj_scan_card *c)
{
    free(c->path);
    free(c->err);
    free(c->skipped);
    free(c->title);
    free(c->docno);
    free(c->issuer);
    for (int k = 0; k < c->ncites; k++) {
        free(c->cite_title[k]);
        free(c->cite_docno[k]);
    }
    free(c->cite_title);
    free(c->cite_docno);
    free(c->place);
    free(c->place_code);
    for (int k = 0; k < c->nplace_up; k++)
        free(c->place_up[k]);
    free(c->place_up);
    free(c->programme);
}
