/* trigger.c - what lets matching skip most subjects, derived from a
 * rule's pattern at load: a trigger (the part of a pattern that opens with
 * a lazy named group, searched first, without that group) and a rest (for
 * a pattern that opens with a choice of words, the pattern after them). */
#include "trigger.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The end of the item of pattern p that starts at i (a group, a class, an
 * escape or a character), not counting a quantifier after it; 0 when p is
 * cut short. */
static size_t item_end(const char *p, size_t i)
{
    if (p[i] == '\\')
        return p[i + 1] ? i + 2 : 0;
    if (p[i] == '[') {
        size_t j = i + 1;
        if (p[j] == '^')
            j++;
        if (p[j] == ']')
            j++;
        for (; p[j] && p[j] != ']'; j++)
            if (p[j] == '\\' && p[j + 1])
                j++;
        return p[j] ? j + 1 : 0;
    }
    if (p[i] == '(') {
        int depth = 0;
        for (size_t j = i; p[j]; j++) {
            if (p[j] == '\\' || p[j] == '[') {
                size_t e = item_end(p, j);
                if (!e)
                    return 0;
                j = e - 1;
            } else if (p[j] == '(') {
                depth++;
            } else if (p[j] == ')' && --depth == 0) {
                return j + 1;
            }
        }
        return 0;
    }
    return i + 1;
}

/* compiles text as the trigger of r, unless it could say "cannot match"
 * wrongly (\G, back references) */
static void make_trigger_from(sj_rule *r, const char *rest)
{
    if (!*rest || strstr(rest, "\\G") || strstr(rest, "\\k") || strstr(rest, "\\g") ||
        strstr(rest, "(?P="))
        return;
    int ec;
    PCRE2_SIZE eoff;
    r->trigger = pcre2_compile((PCRE2_SPTR)rest, PCRE2_ZERO_TERMINATED,
                               PCRE2_UTF | PCRE2_DUPNAMES, &ec, &eoff, NULL);
    if (r->trigger && !getenv("SIJIAN_NO_JIT"))
        r->trigger_jit = pcre2_jit_compile(r->trigger, PCRE2_JIT_COMPLETE) == 0;
}

/* See sj_rule_may_match. A target pattern that opens with a lazy named
 * group (the indicator of "(?<indicator>{{IND}})..." or the names of
 * "(?<indicators>[^,;]{2,60}?)分别...") spends its time growing that group
 * at every start; what follows it must match somewhere after the start for
 * the rule to match, and PCRE2 finds that fast. So the trigger is the
 * pattern after such a group when it opens the pattern (after lookbehinds
 * only) at its top level, together with the part of the group after its
 * lazy start when the group must be there. Not made when the top level
 * has an alternation or the rest uses \G or a back reference; a rest that
 * does not compile on its own leaves the rule without one. */
/* whether p[from, to) holds a lazy quantifier: }? *? +? */
static int has_lazy(const char *p, size_t from, size_t to)
{
    for (size_t c = from; c + 1 < to; c++)
        if (p[c + 1] == '?' && (p[c] == '}' || p[c] == '*' || p[c] == '+'))
            return 1;
    return 0;
}

/* past the quantifier (? * + {m,n}, and a lazy ?) at e, if any */
static size_t skip_quantifier(const char *p, size_t e)
{
    if (p[e] == '?' || p[e] == '*' || p[e] == '+')
        e++;
    else if (p[e] == '{') {
        while (p[e] && p[e] != '}')
            e++;
        if (p[e])
            e++;
    } else
        return e;
    return p[e] == '?' ? e + 1 : e;
}

void sj_rule_make_trigger(sj_rule *r)
{
    if (strcmp(r->kind, "target"))
        return;
    const char *p = r->pattern;
    const char *rest = NULL;
    for (size_t i = 0; p[i];) {
        if (p[i] == '|')
            return;
        size_t e = item_end(p, i);
        if (!e)
            return;
        int named = p[i] == '(' && p[i + 1] == '?' && p[i + 2] == '<' && p[i + 3] != '=' &&
                    p[i + 3] != '!';
        /* lazy: a lazy quantifier somewhere in the group, as in
         * {{IND}}(?:率|比例) (the group's text is scanned as is: a "}?" in a
         * class would only cost speed) */
        int lazy = named && has_lazy(p, i + 1, e);
        size_t close = e - 1; /* the group's ')' */
        e = skip_quantifier(p, e);
        if (lazy && !rest) {
            rest = p + e;
            /* A group that must be there and goes on after its lazy first
             * part ({{IND}}(?:率|比例)) lends that further part to the
             * trigger, which then starts at 率|比例. */
            size_t c = i + 3;
            while (p[c] && p[c] != '>')
                c++;
            size_t first = p[c] ? item_end(p, c + 1) : 0;
            /* the first part with its own quantifier, lazy or not */
            if (first)
                first = skip_quantifier(p, first);
            int lazy_first = first && has_lazy(p, c + 1, first);
            int top_alt = 0;
            for (size_t k = first; first && k < close && !top_alt;) {
                size_t ke = item_end(p, k);
                if (!ke || ke > close)
                    break;
                top_alt = p[k] == '|';
                k = ke;
            }
            if (e == close + 1 && lazy_first && first < close && !top_alt) {
                size_t n1 = close - first, n2 = strlen(p + e);
                char *t = xmalloc(n1 + n2 + 1);
                memcpy(t, p + first, n1);
                memcpy(t + n1, p + e, n2 + 1);
                make_trigger_from(r, t);
                free(t);
                return;
            }
        }
        /* only a group at the start, after lookbehinds, costs at every
         * start; a pattern that opens with words is found fast as it is */
        int lookbehind = p[i] == '(' && p[i + 1] == '?' && p[i + 2] == '<' &&
                         (p[i + 3] == '=' || p[i + 3] == '!');
        if (!rest && !lookbehind)
            return;
        i = e;
    }
    if (rest)
        make_trigger_from(r, rest);
}

/* The byte length of the longest word of a pattern that opens with a
 * group of plain words, "(?:到|至)" with or without a "?" after it, and
 * where the rest of the pattern starts; 0 when it does not open so. */
static size_t lead_words(const char *p, const char **rest)
{
    if (strncmp(p, "(?:", 3))
        return 0;
    size_t longest = 0, cur = 0;
    const char *q = p + 3;
    for (; *q && *q != ')'; q++) {
        if (strchr("\\[](.*+?{}^$", *q))
            return 0;
        if (*q == '|') {
            if (cur == 0)
                return 0;
            cur = 0;
            continue;
        }
        if (++cur > longest)
            longest = cur;
    }
    if (*q != ')' || cur == 0)
        return 0;
    q++;
    if (*q == '?')
        q++;
    *rest = q;
    return longest;
}

/* See sj_match. Made for deadline rules, which search whole sentences for
 * (?:到|至)?2025年…: for the other kinds it measured no faster. The rest is
 * used only where it keeps the results: it must
 * not depend on where a search starts (\G), move the start of its own
 * match (\K), use a verb, or refer back to a group. */
void sj_rule_make_rest(sj_rule *r)
{
    const char *rest = NULL;
    size_t lead = lead_words(r->pattern, &rest);
    if (!lead || !*rest || strstr(rest, "\\G") || strstr(rest, "\\K") ||
        strstr(rest, "\\g") || strstr(rest, "\\k") || strstr(rest, "(*") ||
        strstr(rest, "(?P=") || strstr(rest, "(?|") || rest[0] == '|')
        return;
    /* a | at the top level of the rest would leave the words out of one
     * of its branches: the pattern then is not words + rest */
    for (size_t i = 0; rest[i];) {
        size_t e = item_end(rest, i);
        if (!e || rest[i] == '|')
            return;
        i = e;
    }
    int ec;
    PCRE2_SIZE eoff;
    r->rest = pcre2_compile((PCRE2_SPTR)rest, PCRE2_ZERO_TERMINATED,
                            PCRE2_UTF | PCRE2_DUPNAMES | PCRE2_USE_OFFSET_LIMIT, &ec, &eoff,
                            NULL);
    if (!r->rest)
        return;
    if (!getenv("SIJIAN_NO_JIT"))
        r->rest_jit = pcre2_jit_compile(r->rest, PCRE2_JIT_COMPLETE) == 0;
    r->lead_max = lead;
}

