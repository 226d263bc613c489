/* lint.c - the checks inside one plan: a target or dated task without a
 * responsible agency (unassigned-task), and a target table that
 * disagrees with the prose on the same indicator (table-prose-mismatch). */
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "similar.h"
#include "util.h"

/* The strings s[0, n) numbered by distinct text: key[i] of s[i]; returns
 * the number of distinct strings, and them in order in *distinct (owned
 * by the caller; the strings are s's). */
static int intern(const char **s, int n, int *key, const char ***distinct)
{
    const char **by = xmalloc(((size_t)n + 1) * sizeof *by);
    memcpy(by, s, (size_t)n * sizeof *by);
    qsort(by, (size_t)n, sizeof *by, sj_cmp_str);
    int nk = 0;
    for (int i = 0; i < n; i++)
        if (i == 0 || strcmp(by[i], by[i - 1]))
            by[nk++] = by[i];
    for (int i = 0; i < n; i++)
        key[i] = (int)((const char **)bsearch(&s[i], by, (size_t)nk, sizeof *by, sj_cmp_str) - by);
    *distinct = by;
    return nk;
}

/* table-prose-mismatch: a table target and a prose target of the same
 * indicator (sj_same_indicator), unit, change and year with other
 * values. Each distinct pair of names is compared once (their bigrams
 * made once), so a long plan of repeated names costs its distinct ones. */
static void table_prose(const sj_doc *d, sj_findings *fs)
{
    int n = d->ntargets;
    if (n == 0)
        return;
    /* names, units and changes as numbers of their distinct texts */
    const char **s = xmalloc((size_t)n * sizeof *s), **names, **other;
    int *key = xmalloc((size_t)n * sizeof *key), *unit = xmalloc((size_t)n * sizeof *unit),
        *change = xmalloc((size_t)n * sizeof *change);
    for (int i = 0; i < n; i++)
        s[i] = sj_target_unit(&d->targets[i]);
    intern(s, n, unit, &other);
    free(other);
    for (int i = 0; i < n; i++)
        s[i] = d->targets[i].change;
    intern(s, n, change, &other);
    free(other);
    for (int i = 0; i < n; i++)
        s[i] = sj_target_match_key(&d->targets[i]);
    int nk = intern(s, n, key, &names);
    sj_bigrams *g = xmalloc(((size_t)nk + 1) * sizeof *g);
    for (int k = 0; k < nk; k++)
        g[k] = sj_bigrams_make(names[k], strlen(names[k]));
    free(names);
    free(s);
    /* like[ka * nk + kb]: 0 not yet compared, 1 alike (Dice 0.8), 2 not;
     * kept only while it is small, else compared each time */
    unsigned char *like = (size_t)nk * (size_t)nk <= ((size_t)1 << 26)
                              ? xcalloc((size_t)nk * (size_t)nk, 1)
                              : NULL;
    for (int i = 0; i < n; i++) {
        const sj_target *a = &d->targets[i];
        if (!a->from_table || a->deferred)
            continue;
        for (int j = 0; j < n; j++) {
            const sj_target *b = &d->targets[j];
            if (b->from_table || b->deferred || unit[i] != unit[j] || change[i] != change[j])
                continue;
            int same;
            if (sj_target_indicator_id(a) && sj_target_indicator_id(b)) {
                same = !strcmp(sj_target_indicator_id(a), sj_target_indicator_id(b));
            } else {
                unsigned char *l = like ? &like[(size_t)key[i] * (size_t)nk + (size_t)key[j]] : NULL;
                if (!l || !*l) {
                    same = sj_dice(&g[key[i]], &g[key[j]]) >= 0.8;
                    if (l)
                        *l = same ? 1 : 2;
                } else {
                    same = *l == 1;
                }
            }
            if (same && fabs(a->value - b->value) > 1e-9 &&
                (!a->target_year || !b->target_year || a->target_year == b->target_year))
                sj_findings_add(fs, SJ_MSG_TABLE_PROSE_MISMATCH, a->indicator, b->span, 1,
                    a->span, 1, 1, b->value, sj_target_unit(b), a->indicator, a->value, sj_target_unit(a));
        }
    }
    for (int k = 0; k < nk; k++)
        sj_bigrams_free(&g[k]);
    free(g);
    free(like);
    free(key);
    free(unit);
    free(change);
}

void sj_lint(const sj_doc *d, sj_findings *fs)
{
    int inherited = d->inherit_from >= 0;
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        if (!t->from_table && t->agency < 0 && !inherited &&
            !(t->para >= 0 && d->paras[t->para].goal))
            sj_findings_add(fs, SJ_MSG_UNASSIGNED_TARGET, t->indicator, t->span, 1, t->span, 0, 1,
                t->indicator);
    }
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        if (dl->agency < 0 && !inherited && d->nagencies > 0 &&
            !(dl->para >= 0 && d->paras[dl->para].goal))
            sj_findings_add(fs, SJ_MSG_UNASSIGNED_DEADLINE, "", dl->task, 1, dl->task, 0, 1);
    }
    table_prose(d, fs);
}
