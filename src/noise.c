/* noise.c - web-copy noise, inside normalize.
 *
 * Promise: what is removed or inserted is what a [noise] or [junk_line]
 * rule (rules/noise.rules) says, nothing else: a [noise] rule removes its
 * drop group (or its whole match), replaces it by its replace text, or
 * inserts its insert text at the match start; a [junk_line] rule drops a
 * whole line of site furniture; a rule with digits = yes writes each
 * character of its drop group as the Arabic digit its [numeral] rule gives
 * (a year in Chinese digits, 二〇二五年, becomes 2025年), keeping the map;
 * one with number = yes writes its drop group (or whole match) as the
 * Arabic value of its number group's words (百分之九十八 -> 98%: the value,
 * then its suffix), the value's characters mapped to the words'; one
 * with squeeze = yes removes the spaces of its drop group (an OCR copy's
 * 8 5 % becomes 85%).
 * Removed characters leave no trace in the map; inserted ones map to the
 * character after them. Each rule runs once over the line: linear.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize_int.h"
#include "prefilter.h"

void sj_noise_scratch_free(sj_noise_scratch *sc)
{
    sj_buf_free(&sc->utf8);
    free(sc->at);
    free(sc->tmp.c);
    memset(sc, 0, sizeof *sc);
}

/* the character index of each byte of sc->utf8 (l, encoded): made only
 * when a rule matches, which few lines see */
static const size_t *noise_at(const lline *l, sj_noise_scratch *sc)
{
    if (!sc->at_valid) {
        sj_lline_utf8(l, &sc->utf8, &sc->at, &sc->atcap);
        sc->at_valid = 1;
    }
    return sc->at;
}

/* the digit (0-9) the [numeral] rule of character cp gives, -1 if it has
 * none or gives a place (十), a point or more than a digit */
static int numeral_digit(const sj_ruleset *rs, int32_t cp)
{
    char u[4];
    double v;
    return sj_numeral_value(rs, u, sj_put_utf8((unsigned char *)u, (uint32_t)cp), &v) && v < 10
               ? (int)v
               : -1;
}

/* digits = yes: each character of l->c[cs, ce) as its digit; 0 when one
 * is no digit (then the line is left as it is) */
static int write_digits(const sj_ruleset *rs, lline *l, size_t cs, size_t ce)
{
    for (size_t k = cs; k < ce; k++)
        if (numeral_digit(rs, l->c[k].cp) < 0)
            return 0;
    for (size_t k = cs; k < ce; k++) {
        l->c[k].cp = '0' + numeral_digit(rs, l->c[k].cp);
        l->c[k].ident = 0;
    }
    return 1;
}

/* one rule over the line; returns 1 when it changed it */
static int apply_rule(const sj_ruleset *rs, const sj_rule *r, sj_matcher *m, lline *l,
                      sj_noise_scratch *sc)
{
    const char *t = sj_noise_utf8(l, sc);
    size_t len = sc->utf8.len;
    const char *ins = NULL, *rep = NULL, *dg = NULL, *nb = NULL, *sq = NULL; /* at the first match */
    char num[64];
    size_t off = 0, copied = 0; /* characters of l already copied */
    int changed = 0, got = 0, changed_in_place = 0;
    sc->tmp.n = 0;
    while (off < len && sj_match(m, r, t, len, off)) {
        if (!got) {
            ins = sj_rule_get(r, "insert");
            rep = sj_rule_get(r, "replace");
            dg = sj_rule_get(r, "digits");
            nb = sj_rule_get(r, "number");
            if (nb && strcmp(nb, "yes"))
                nb = NULL;
            sq = sj_rule_get(r, "squeeze");
            if (sq && strcmp(sq, "yes"))
                sq = NULL;
            got = 1;
        }
        size_t s, e;
        sj_match_span(m, &s, &e);
        size_t ds = s, de = e;
        if (!ins && !sj_match_group(m, r, "drop", &ds, &de))
            ds = s, de = e;
        const size_t *at = noise_at(l, sc);
        t = sc->utf8.data; /* (encoded again, the same bytes) */
        size_t cs = at[ds], ce = at[de];
        if (dg && !strcmp(dg, "yes")) {
            /* in place, character for character: the line's characters
             * keep their indices, so t and at (made before the first
             * write) still say where the rest is; encoded again once the
             * rule is done */
            if (ce > cs && write_digits(rs, l, cs, ce))
                changed_in_place = 1;
            off = e > s ? e : s + 1;
            while (off < len && ((unsigned char)t[off] & 0xC0) == 0x80)
                off++;
            continue;
        }
        if (ins)
            ce = cs;
        /* number = yes: the words of the number group (else the drop
         * group) as their Arabic value, then the suffix */
        if (nb) {
            size_t ns = ds, ne = de;
            double v;
            sj_match_group(m, r, "number", &ns, &ne);
            const char *suffix = sj_rule_get(r, "suffix");
            if (ne > ns && sj_numeral_value(rs, t + ns, ne - ns, &v) && v < 1e12) {
                snprintf(num, sizeof num, "%.6f", v);
                char *z = num + strlen(num) - 1;
                while (*z == '0')
                    *z-- = '\0';
                if (*z == '.')
                    *z = '\0';
                if (suffix)
                    snprintf(num + strlen(num), sizeof num - strlen(num), "%s", suffix);
                rep = num;
            } else {
                ce = cs; /* not a number: nothing to do here */
            }
        }
        if (cs < copied || (!ins && ce <= cs)) {
            off = e > s ? e : s + 1;
            continue;
        }
        for (size_t k = copied; k < cs; k++)
            lpush(&sc->tmp, l->c[k].cp, l->c[k].src, l->c[k].ident);
        /* squeeze = yes: the drop group without its spaces, each
         * character kept with its own place */
        for (size_t k = cs; sq && k < ce; k++)
            if (l->c[k].cp != ' ')
                lpush(&sc->tmp, l->c[k].cp, l->c[k].src, l->c[k].ident);
        const char *put = sq ? NULL : ins ? ins : rep;
        if (put) {
            /* inserted text maps to the character after it; a replacement
             * maps character to character while both last, the rest to
             * the replaced span's last character */
            uint32_t src = cs < l->n ? l->c[cs].src : (l->n ? l->c[l->n - 1].src : 0);
            size_t il = strlen(put), k = cs;
            for (size_t i = 0; i < il;) {
                int32_t cp;
                int n = sj_utf8_decode(put + i, il - i, &cp);
                if (n <= 0)
                    break;
                i += (size_t)n;
                if (rep && k < ce)
                    src = l->c[k++].src;
                /* a number's last character stands for the last word (98%
                 * for 百分之九十八: a quote of it ends at 八) */
                if (nb && i >= il && ce > cs)
                    src = l->c[ce - 1].src;
                lpush(&sc->tmp, cp, src, 0);
            }
        }
        copied = ce;
        changed = 1;
        off = e > s ? e : s + 1;
        /* skip to the next character boundary */
        while (off < len && ((unsigned char)t[off] & 0xC0) == 0x80)
            off++;
    }
    if (changed_in_place)
        sj_noise_changed(sc);
    if (!changed)
        return changed_in_place;
    for (size_t k = copied; k < l->n; k++)
        lpush(&sc->tmp, l->c[k].cp, l->c[k].src, l->c[k].ident);
    lline old = *l;
    *l = sc->tmp;
    sc->tmp = old;
    sj_noise_changed(sc);
    return 1;
}

const char *sj_noise_utf8(const lline *l, sj_noise_scratch *sc)
{
    if (!sc->valid || sc->c != l->c || sc->n != l->n) {
        sj_lline_utf8(l, &sc->utf8, NULL, NULL);
        sc->c = l->c;
        sc->n = l->n;
        sc->valid = 1;
        sc->at_valid = 0;
    }
    return sc->utf8.data;
}

void sj_noise_line(const sj_ruleset *rs, const sj_rule *first, sj_matcher *m, lline *l,
                   sj_noise_scratch *sc)
{
    if (!rs || !m || l->n == 0 || !first)
        return;
    /* one Vectorscan scan says which rules may match the line (again
     * after a rule changed it) */
    sj_cand c;
    const char *t = sj_noise_utf8(l, sc);
    sj_prefilter_scan(m, rs, first->kind, t, sc->utf8.len, &c);
    for (const sj_rule *r = first; r; r = sj_rules_next(rs, r))
        if (sj_cand_has(&c, r) && apply_rule(rs, r, m, l, sc) && l->n) {
            t = sj_noise_utf8(l, sc);
            sj_prefilter_scan(m, rs, first->kind, t, sc->utf8.len, &c);
        }
}

int sj_junk_line(const sj_ruleset *rs, const sj_rule *first, sj_matcher *m, const lline *l,
                 sj_noise_scratch *sc)
{
    if (!rs || !m || l->n == 0 || !first)
        return 0;
    const char *t = sj_noise_utf8(l, sc);
    for (const sj_rule *r = first; r; r = sj_rules_next(rs, r))
        if (sj_match(m, r, t, sc->utf8.len, 0))
            return 1;
    return 0;
}
