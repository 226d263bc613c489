/* load.c - rule files in: parsing, macro expansion, validation against the
 * schema of each kind (file:line errors) and compilation; trigger.c makes
 * the trigger / rest split that lets matching skip most subjects. See
 * rules.h. */
#include "rules.h"
#include "trigger.h"
#include "read.h"
#include "prefilter.h"

#include <dirent.h>
#include <utf8proc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- schema ------------------------------------------------------------ */

typedef struct {
    const char *kind;
    const char *keys;     /* allowed keys besides "pattern", space-separated */
    const char *required; /* required keys besides "pattern" */
    const char *captures; /* allowed named groups, space-separated */
} kind_schema;

static const kind_schema SCHEMA[] = {
    {"define", "", "", ""},
    {"heading", "level", "level", "number title"},
    {"docno", "", "", "docno"},
    {"date", "", "", "year month day"},
    {"period", "", "", "from to"},
    {"period_statement", "note", "", "from to"},
    {"goal_heading", "note", "", ""},
    {"cite", "", "", "title docno"},
    {"plan_title", "", "", ""},
    {"notice", "", "", ""},
    {"base_year", "", "", "year"},
    {"table_year", "", "", "year"},
    {"unit_header", "", "", ""},
    {"column_year", "", "", "year"},
    {"column_skip", "", "", ""},
    {"column_agency", "role", "role", ""},
    {"level", "level", "level", ""},
    {"target", "comparator change unit deferred after_target report_missing each coordinated note", "",
     "indicator indicators value values unit cmp cmp2 change base_year "
     "target_year from deferred object"},
    {"table_cell", "comparator change deferred unit note", "",
     "value unit cmp change base_year"},
    {"scope", "note", "", ""},
    {"clause_hint", "note", "", ""},
    {"past_sentence", "note", "", "year"},
    {"deadline_hint", "note", "", ""},
    {"deadline", "kind month year from_year year_of note", "kind",
     "year month from_year"},
    {"agency_clause", "role note", "role", "names"},
    {"agency_name", "note", "", ""},
    {"agency_alias", "canonical", "canonical", ""},
    {"inherit", "role", "role", "names"},
    {"indicator", "id name direction type unit figure answers", "id name", ""},
    {"uniform_mandate", "note", "", ""},
    {"uniform_after", "note", "", ""},
    {"year_list", "note", "", "years"},
    {"sentence_subject", "note", "", "indicator"},
    {"echo_name", "note", "", "indicator stem rest"},
    {"work_verb", "note", "", ""},
    {"uniform_note", "note", "", ""},
    {"own_note", "note", "", ""},
    {"city_own", "note", "", ""},
    {"note_items", "note", "", "items"},
    {"allocation_header", "note", "", ""},
    {"allocation_total", "note", "", ""},
    {"allocation_note", "note", "", ""},
    {"project_header", "note", "", ""},
    {"cell_base_year", "note", "", "year"},
    {"row_year", "note", "", "year"},
    {"unit_base", "dim factor intensive time note", "dim", ""},
    {"unit_multiplier", "factor note", "factor", ""},
    {"synonym", "canonical", "canonical", ""},
    {"list_head", "note", "", ""},
    {"intensive_name", "note", "", ""},
    {"extensive_name", "note", "", ""},
    {"coord_part", "", "", "value unit object"},
    {"list_value", "", "", "value unit cmp"},
    {"whole_word", "note", "", ""},
    {"rate_suffix", "note", "", ""},
    {"part_name", "note", "", ""},
    {"no_target_sentence", "note", "", ""},
    {"unit", "canonical factor dim intensive", "canonical dim", ""},
    {"strip", "note", "", ""},
    {"comparator", "comparator", "comparator", ""},
    {"change", "change", "change", ""},
    {"place_prefix", "note", "", ""},
    {"numeral", "value place point note", "value", ""},
    {"page_number", "note", "", ""},
    {"range_dash", "note", "", ""},
    {"list_separator", "lists note", "lists", ""},
    {"script", "config min note", "config", ""},
    {"line_complete", "note", "", ""},
    {"line_continues", "note", "", ""},
    {"line_label", "note", "", ""},
    {"title_from", "note", "", "title place"},
    {"title_reject", "note", "", ""},
    {"level_self", "level", "level", ""},
    {"title_ignore", "note", "", ""},
    {"issuer_from", "note", "", "issuer"},
    {"cite_self", "note", "", ""},
    {"cite_unwrap", "note", "", "title"},
    {"noise", "insert replace digits number suffix squeeze note", "", "drop number"},
    {"junk_line", "note", "", ""},
    {"programme", "programme note", "programme", ""},
    {"agency_role", "replace any note", "", "drop"},
};

/* the lists a [list_separator] may separate (its lists key) */
static const char *const LIST_KINDS = "names issuers deferred values indicators each coordinated areas";

static const kind_schema *find_schema(const char *kind)
{
    for (size_t i = 0; i < sizeof SCHEMA / sizeof SCHEMA[0]; i++)
        if (strcmp(SCHEMA[i].kind, kind) == 0)
            return &SCHEMA[i];
    return NULL;
}

static int word_in(const char *word, size_t wlen, const char *list)
{
    const char *p = list;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if ((size_t)(e - p) == wlen && strncmp(p, word, wlen) == 0)
            return 1;
        p = e;
    }
    return 0;
}

static const char *VALUES_LEVEL[] = {"province", "city", "county", NULL};

/* ---- loading ----------------------------------------------------------- */

const char *sj_rule_get(const sj_rule *r, const char *key)
{
    for (int i = 0; i < r->nkeys; i++)
        if (r->keys[i][0] == key[0] && strcmp(r->keys[i], key) == 0)
            return r->vals[i];
    return NULL;
}

const sj_rule *sj_numeral_rule(const sj_ruleset *rs, const char *s, size_t n)
{
    SJ_FOR_KIND(rs, "numeral", r)
        if (strlen(r->pattern) == n && !memcmp(r->pattern, s, n))
            return r;
    return NULL;
}

int sj_numeral_value(const sj_ruleset *rs, const char *s, size_t len, double *v)
{
    double total = 0, digit = -1, frac = 0, scale = 1;
    int any = 0, after_point = 0, last_digit = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int n = sj_utf8_decode(s + i, len - i, &cp);
        if (n <= 0)
            return 0;
        const sj_rule *r = sj_numeral_rule(rs, s + i, (size_t)n);
        i += (size_t)n;
        if (!r)
            return 0;
        const char *place = sj_rule_get(r, "place"), *point = sj_rule_get(r, "point");
        int val = atoi(sj_rule_get(r, "value"));
        if (point && !strcmp(point, "yes")) {
            if (after_point)
                return 0;
            after_point = 1;
        } else if (after_point) { /* the digits after a point */
            if (place && !strcmp(place, "yes"))
                return 0;
            scale /= 10;
            frac += val * scale;
        } else if (!(place && !strcmp(place, "yes"))) {
            digit = last_digit && digit >= 0 ? digit * 10 + val : val;
            last_digit = 1;
            any = 1;
            continue;
        } else {
            total += (digit < 0 ? 1 : digit) * val;
            digit = -1;
        }
        last_digit = 0;
        any = 1;
    }
    if (!any || (after_point && scale == 1))
        return 0;
    if (digit >= 0)
        total += digit;
    *v = total + frac;
    return 1;
}

static void rule_free(sj_rule *r)
{
    free(r->kind);
    free(r->name);
    free(r->file);
    free(r->pattern);
    if (r->re)
        pcre2_code_free(r->re);
    if (r->trigger)
        pcre2_code_free(r->trigger);
    if (r->rest)
        pcre2_code_free(r->rest);
    for (int i = 0; i < r->nkeys; i++) {
        free(r->keys[i]);
        free(r->vals[i]);
    }
}

/* The hash of a rule's (kind, name). */
static size_t name_hash(const char *kind, const char *name, size_t nlen)
{
    uint64_t h = sj_fnv1a(SJ_FNV_START, kind, strlen(kind) + 1);
    return (size_t)sj_fnv1a(h, name, nlen);
}

/* The rule of kind with the name name[0..nlen), or NULL. */
static const sj_rule *find_rule(const sj_ruleset *rs, const char *kind, const char *name,
                                size_t nlen)
{
    if (!rs->name_cap)
        return NULL;
    for (size_t i = name_hash(kind, name, nlen) & (rs->name_cap - 1);;
         i = (i + 1) & (rs->name_cap - 1)) {
        int k = rs->name_slot[i] - 1;
        if (k < 0)
            return NULL;
        const sj_rule *r = &rs->rules[k];
        if (!strcmp(r->kind, kind) && strlen(r->name) == nlen && !memcmp(r->name, name, nlen))
            return r;
    }
}

static void name_slot_put(sj_ruleset *rs, size_t k)
{
    const sj_rule *r = &rs->rules[k];
    size_t i = name_hash(r->kind, r->name, strlen(r->name)) & (rs->name_cap - 1);
    while (rs->name_slot[i])
        i = (i + 1) & (rs->name_cap - 1);
    rs->name_slot[i] = (int)k + 1;
}

/* Adds rule k (the last) to the name index, growing it at half full. */
static void name_index_add(sj_ruleset *rs, size_t k)
{
    if (2 * (k + 1) > rs->name_cap) {
        free(rs->name_slot);
        rs->name_cap = rs->name_cap ? rs->name_cap * 2 : 64;
        rs->name_slot = xcalloc(rs->name_cap, sizeof *rs->name_slot);
        for (size_t j = 0; j < k; j++)
            name_slot_put(rs, j);
    }
    name_slot_put(rs, k);
}

/* The longest pattern after macro expansion (a pattern may use a long
 * macro many times). */
#define MAX_EXPANDED (1u << 20)

/* Expands {{NAME}} with earlier [define NAME] rules, as (?:...). */
static int expand(const sj_ruleset *rs, const char *file, int line,
                  const char *pat, char **out, sj_err *err, int depth)
{
    sj_buf b = {0};
    const char *p = pat;
    while (*p) {
        const char *o = strstr(p, "{{");
        if (!o) {
            sj_buf_adds(&b, p);
            break;
        }
        sj_buf_add(&b, p, (size_t)(o - p));
        const char *c = strstr(o + 2, "}}");
        if (!c) {
            sj_buf_free(&b);
            return sj_fail(err, "%s:%d: '{{' without '}}' in pattern", file, line);
        }
        size_t nlen = (size_t)(c - (o + 2));
        const sj_rule *def = find_rule(rs, "define", o + 2, nlen);
        if (def && !def->pattern)
            def = NULL;
        if (!def) {
            sj_buf_free(&b);
            return sj_fail(err, "%s:%d: unknown macro {{%.*s}} (define it "
                                "first with [define %.*s])",
                           file, line, (int)nlen, o + 2, (int)nlen, o + 2);
        }
        if (depth > 8) {
            sj_buf_free(&b);
            return sj_fail(err, "%s:%d: macros nested too deeply", file, line);
        }
        if (b.len + strlen(def->pattern) + 4 > MAX_EXPANDED) {
            sj_buf_free(&b);
            return sj_fail(err, "%s:%d: pattern longer than %u bytes after macro expansion",
                           file, line, MAX_EXPANDED);
        }
        sj_buf_adds(&b, "(?:");
        sj_buf_adds(&b, def->pattern);
        sj_buf_adds(&b, ")");
        p = c + 2;
    }
    *out = sj_buf_take(&b);
    return 0;
}

/* Validates named groups against the kind's schema. */
static int check_groups(const sj_rule *r, const kind_schema *ks, sj_err *err)
{
    uint32_t count = 0, size = 0;
    PCRE2_SPTR table;
    pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &count);
    if (!count)
        return 0;
    pcre2_pattern_info(r->re, PCRE2_INFO_NAMEENTRYSIZE, &size);
    pcre2_pattern_info(r->re, PCRE2_INFO_NAMETABLE, &table);
    for (uint32_t i = 0; i < count; i++) {
        const char *name = (const char *)table + i * size + 2;
        if (!word_in(name, strlen(name), ks->captures))
            return sj_fail(err, "%s:%d: [%s %s]: capture group '%s' is not a "
                                "field of kind '%s' (allowed: %s)",
                           r->file, r->pattern_line, r->kind, r->name, name, r->kind,
                           *ks->captures ? ks->captures : "none");
    }
    return 0;
}

/* The kinds whose pattern is a literal (compared byte for byte, not
 * searched): [list_separator] words with known lists, [range_dash] and
 * [numeral] characters with their values. */
static int check_literal(const sj_rule *r, const char *pat, sj_err *err)
{
    if (strcmp(r->kind, "unit_base") == 0 || strcmp(r->kind, "unit_multiplier") == 0) {
        /* the unit grammar compares them byte for byte */
        if (strpbrk(pat, "\\^$.|?*+()[]{}"))
            return sj_fail(err, "%s:%d: [%s %s]: the pattern must be a literal word "
                                "(no regex syntax)",
                           r->file, r->line, r->kind, r->name);
    }
    if (strcmp(r->kind, "list_separator") == 0) {
        /* a separator is a literal word: the extractors compare it byte
         * for byte while walking a list */
        if (strpbrk(pat, "\\^$.|?*+()[]{}"))
            return sj_fail(err, "%s:%d: [list_separator %s]: the pattern must be a "
                                "literal word (no regex syntax)",
                           r->file, r->pattern_line, r->name);
        const char *ls = sj_rule_get(r, "lists");
        for (const char *w = ls; *w;) {
            while (*w == ' ')
                w++;
            const char *e = w;
            while (*e && *e != ' ')
                e++;
            if (e > w && !word_in(w, (size_t)(e - w), LIST_KINDS))
                return sj_fail(err, "%s:%d: [list_separator %s]: unknown list '%.*s' "
                                    "(known: %s)",
                               r->file, r->line, r->name, (int)(e - w), w, LIST_KINDS);
            w = e;
        }
    }
    if (strcmp(r->kind, "range_dash") == 0) {
        int32_t cp;
        size_t pl = strlen(pat);
        if (strpbrk(pat, "\\^$.|?*+()[]{}") || sj_utf8_decode(pat, pl, &cp) != (int)pl)
            return sj_fail(err, "%s:%d: [range_dash %s]: the pattern must be one literal "
                                "character", r->file, r->pattern_line, r->name);
    }
    if (strcmp(r->kind, "noise") == 0 && sj_rule_get(r, "digits")) {
        const char *dg = sj_rule_get(r, "digits");
        if (strcmp(dg, "yes") && strcmp(dg, "no"))
            return sj_fail(err, "%s:%d: [noise %s]: digits must be yes or no", r->file, r->line,
                           r->name);
        if (!strcmp(dg, "yes") && (sj_rule_get(r, "insert") || sj_rule_get(r, "replace")))
            return sj_fail(err, "%s:%d: [noise %s]: digits = yes takes no insert or replace",
                           r->file, r->line, r->name);
    }
    /* number = yes and squeeze = yes write the drop group themselves */
    static const char *const writers[] = {"number", "squeeze"};
    for (size_t w = 0; strcmp(r->kind, "noise") == 0 && w < 2; w++) {
        const char *v = sj_rule_get(r, writers[w]);
        if (!v)
            continue;
        if (strcmp(v, "yes") && strcmp(v, "no"))
            return sj_fail(err, "%s:%d: [noise %s]: %s must be yes or no", r->file, r->line,
                           r->name, writers[w]);
        if (!strcmp(v, "yes") && (sj_rule_get(r, "insert") || sj_rule_get(r, "replace") ||
                                  sj_rule_get(r, "digits") || sj_rule_get(r, writers[1 - w])))
            return sj_fail(err, "%s:%d: [noise %s]: %s = yes takes no insert, replace, "
                                "digits or %s", r->file, r->line, r->name, writers[w],
                           writers[1 - w]);
    }
    if (strcmp(r->kind, "numeral") == 0) {
        /* one character (compared byte for byte), a value, maybe a place */
        int32_t cp;
        size_t pl = strlen(pat);
        const char *v = sj_rule_get(r, "value"), *pv = sj_rule_get(r, "place");
        char *end;
        long n = strtol(v, &end, 10);
        if (strpbrk(pat, "\\^$.|?*+()[]{}") || sj_utf8_decode(pat, pl, &cp) != (int)pl)
            return sj_fail(err, "%s:%d: [numeral %s]: the pattern must be one literal "
                                "character", r->file, r->pattern_line, r->name);
        if (!*v || *end || n < 0 || n > 10000)
            return sj_fail(err, "%s:%d: [numeral %s]: value must be a whole number "
                                "from 0 to 10000", r->file, r->line, r->name);
        if (pv && strcmp(pv, "yes") && strcmp(pv, "no"))
            return sj_fail(err, "%s:%d: [numeral %s]: place must be yes or no",
                           r->file, r->line, r->name);
        const char *pt = sj_rule_get(r, "point");
        if (pt && strcmp(pt, "yes") && strcmp(pt, "no"))
            return sj_fail(err, "%s:%d: [numeral %s]: point must be yes or no",
                           r->file, r->line, r->name);
    }
    return 0;
}

static int finish_rule(sj_ruleset *rs, sj_rule *r, sj_err *err)
{
    const kind_schema *ks = find_schema(r->kind);
    const char *pat = sj_rule_get(r, "pattern");
    if (!pat || !*pat)
        return sj_fail(err, "%s:%d: [%s %s] has no pattern", r->file, r->line,
                       r->kind, r->name);
    /* required keys */
    const char *q = ks->required;
    while (*q) {
        while (*q == ' ')
            q++;
        const char *e = q;
        while (*e && *e != ' ')
            e++;
        if (e > q) {
            char key[32];
            snprintf(key, sizeof key, "%.*s", (int)(e - q), q);
            if (!sj_rule_get(r, key))
                return sj_fail(err, "%s:%d: [%s %s] needs a '%s' key", r->file,
                               r->line, r->kind, r->name, key);
        }
        q = e;
    }
    const char *lv = sj_rule_get(r, "level");
    if (lv && (strcmp(r->kind, "level") == 0 || strcmp(r->kind, "level_self") == 0)) {
        int ok = 0;
        for (int i = 0; VALUES_LEVEL[i]; i++)
            ok |= strcmp(lv, VALUES_LEVEL[i]) == 0;
        if (!ok)
            return sj_fail(err, "%s:%d: level must be province, city or county",
                           r->file, r->line);
    }
    const char *fig = sj_rule_get(r, "figure");
    if (fig && strcmp(fig, "binding") && strcmp(fig, "overall"))
        return sj_fail(err, "%s:%d: figure must be binding or overall", r->file, r->line);
    if (lv && strcmp(r->kind, "heading") == 0 && (lv[0] < '1' || lv[0] > '6' || lv[1]))
        return sj_fail(err, "%s:%d: heading level must be 1 to 6", r->file, r->line);
    const char *f = sj_rule_get(r, "factor");
    if (f) {
        char *end;
        double d = strtod(f, &end);
        if (*end || !(d > 0))
            return sj_fail(err, "%s:%d: factor must be a positive number",
                           r->file, r->line);
    }
    if (check_literal(r, pat, err))
        return -1;
    if (expand(rs, r->file, r->pattern_line, pat, &r->pattern, err, 0))
        return -1;
    int ec;
    PCRE2_SIZE eoff;
    /* an offset limit (sj_match_within, the search by the rest) costs a
     * little in every search: only deadline rules take one */
    uint32_t opt = PCRE2_UTF | PCRE2_DUPNAMES;
    if (strcmp(r->kind, "deadline") == 0)
        opt |= PCRE2_USE_OFFSET_LIMIT;
    r->re = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED, opt,
                          &ec, &eoff, NULL);
    if (!r->re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        return sj_fail(err, "%s:%d: [%s %s]: bad pattern: %s (at offset %zu "
                            "of the expanded pattern)",
                       r->file, r->pattern_line, r->kind, r->name, (char *)msg,
                       (size_t)eoff);
    }
    /* a macro's groups are checked in the rules that use it */
    if (strcmp(r->kind, "define") && check_groups(r, ks, err))
        return -1;
    /* JIT is an optimisation: where it is unavailable, interpret.
     * SIJIAN_NO_JIT=1 turns it off (valgrind cannot follow JIT code's
     * wide reads past the subject and reports them). */
    if (!getenv("SIJIAN_NO_JIT"))
        r->jit = pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE) == 0;
    sj_rule_make_trigger(r);
    if (strcmp(r->kind, "deadline") == 0)
        sj_rule_make_rest(r);
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Builds the kind index that SJ_FOR_KIND walks. */
static int index_kinds(sj_ruleset *rs, const char *name, sj_err *err)
{
    int last[SJ_MAX_KINDS];
    free(rs->next_of_kind);
    rs->next_of_kind = xmalloc((rs->n + 1) * sizeof *rs->next_of_kind);
    rs->nkinds = 0;
    memset(rs->kind_slot, 0, sizeof rs->kind_slot);
    for (size_t i = 0; i < rs->n; i++) {
        rs->next_of_kind[i] = -1;
        int k = 0;
        while (k < rs->nkinds && strcmp(rs->kinds[k].kind, rs->rules[i].kind))
            k++;
        if (k == rs->nkinds) {
            if (k == SJ_MAX_KINDS)
                return sj_fail(err, "%s: more than %d rule kinds", name, SJ_MAX_KINDS);
            rs->kinds[k].kind = rs->rules[i].kind;
            rs->kinds[k].first = (int)i;
            rs->nkinds++;
            unsigned h = sj_kind_hash(rs->kinds[k].kind) % SJ_KIND_SLOTS;
            while (rs->kind_slot[h])
                h = (h + 1) % SJ_KIND_SLOTS;
            rs->kind_slot[h] = (unsigned char)(k + 1);
        } else {
            rs->next_of_kind[last[k]] = (int)i;
        }
        last[k] = (int)i;
    }
    return 0;
}

/* Rule files are UTF-8: fails naming the line of the first invalid byte. */
static int check_utf8(const char *name, const char *text, size_t len, sj_err *err)
{
    for (size_t i = 0, line = 1; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n')
            line++;
        if (c < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return sj_fail(err, "%s:%zu: invalid UTF-8 (rule files are UTF-8)", name, line);
        i += (size_t)n;
    }
    return 0;
}

/* A new rule from its header line t ("[KIND NAME]", trimmed), or NULL
 * with err set. */
static sj_rule *start_rule(sj_ruleset *rs, char *t, const char *name, int lineno,
                           sj_err *err)
{
    char *close = strchr(t, ']');
    if (!close || close[1] != '\0') {
        sj_fail(err, "%s:%d: a rule header is [KIND NAME]", name, lineno);
        return NULL;
    }
    *close = '\0';
    char *kind = trim(t + 1);
    char *sp = kind;
    while (*sp && *sp != ' ' && *sp != '\t')
        sp++;
    char *rname = sp;
    if (*sp)
        *sp = '\0', rname = trim(sp + 1);
    if (!*kind || !*rname) {
        sj_fail(err, "%s:%d: a rule header is [KIND NAME]", name, lineno);
        return NULL;
    }
    if (!find_schema(kind)) {
        sj_buf kinds = {0};
        for (size_t i = 0; i < sizeof SCHEMA / sizeof SCHEMA[0]; i++)
            sj_buf_addf(&kinds, "%s%s", i ? " " : "", SCHEMA[i].kind);
        sj_fail(err, "%s:%d: unknown rule kind '%s' (known: %s)", name, lineno,
                kind, kinds.data);
        sj_buf_free(&kinds);
        return NULL;
    }
    const sj_rule *dup = find_rule(rs, kind, rname, strlen(rname));
    if (dup) {
        sj_fail(err, "%s:%d: duplicate rule [%s %s] (first at %s:%d)", name, lineno, kind,
                rname, dup->file, dup->line);
        return NULL;
    }
    SJ_GROW(rs->rules, rs->n, rs->cap);
    sj_rule *cur = &rs->rules[rs->n++];
    memset(cur, 0, sizeof *cur);
    cur->pf_bit = -1;
    cur->pf_kind = -1;
    cur->kind = xstrdup(kind);
    cur->name = xstrdup(rname);
    cur->file = xstrdup(name);
    cur->line = lineno;
    name_index_add(rs, rs->n - 1);
    return cur;
}

/* A "key = value" line t (trimmed) of rule cur; returns its key's index,
 * or -1 with err set. */
static int add_key(sj_rule *cur, char *t, const char *name, int lineno, sj_err *err)
{
    char *eq = strchr(t, '=');
    if (!eq)
        return sj_fail(err, "%s:%d: expected 'key = value'", name, lineno);
    *eq = '\0';
    char *key = trim(t), *val = trim(eq + 1);
    const kind_schema *ks = find_schema(cur->kind);
    if (strcmp(key, "pattern") != 0 && !word_in(key, strlen(key), ks->keys))
        return sj_fail(err, "%s:%d: unknown key '%s' for kind '%s' (allowed: "
                            "pattern%s%s)",
                       name, lineno, key, cur->kind, *ks->keys ? " " : "", ks->keys);
    if (sj_rule_get(cur, key))
        return sj_fail(err, "%s:%d: key '%s' given twice", name, lineno, key);
    if (cur->nkeys == SJ_RULE_MAX_KEYS)
        return sj_fail(err, "%s:%d: too many keys", name, lineno);
    if (!strcmp(key, "pattern"))
        cur->pattern_line = lineno;
    cur->keys[cur->nkeys] = xstrdup(key);
    cur->vals[cur->nkeys] = xstrdup(val);
    return cur->nkeys++;
}

int sj_rules_load_text(const char *name, const char *text, size_t len,
                       sj_ruleset *rs, sj_err *err)
{
    if (memchr(text, 0, len))
        return sj_fail(err, "%s:1: rule file contains a NUL byte", name);
    if (check_utf8(name, text, len, err))
        return -1;
    rs->fingerprint = sj_fnv1a(rs->fingerprint ? rs->fingerprint : SJ_FNV_START, name,
                               strlen(name) + 1);
    rs->fingerprint = sj_fnv1a(rs->fingerprint, text, len);
    char *copy = xstrndup(text, len);
    int lineno = 0, rc = 0;
    sj_rule *cur = NULL;
    int last_key = -1;
    size_t vlen = 0, vcap = 0; /* of the last key's value, while continued */
    char *p = copy;
    while (p && rc == 0) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        char *line = p;
        p = nl ? nl + 1 : NULL;
        lineno++;
        if (lineno == 1 && !strncmp(line, "\xEF\xBB\xBF", 3))
            line += 3;
        int cont = (line[0] == ' ' || line[0] == '\t');
        char *t = trim(line);
        if (*t == '\0' || *t == '#') {
            if (!cont)
                last_key = -1;
            continue;
        }
        if (cont && cur && last_key >= 0) {
            /* the value grows geometrically: long continued values stay linear */
            size_t b = strlen(t);
            if (vlen + b + 1 > vcap) {
                vcap = 2 * (vlen + b + 1);
                cur->vals[last_key] = xrealloc(cur->vals[last_key], vcap);
            }
            memcpy(cur->vals[last_key] + vlen, t, b + 1);
            vlen += b;
            continue;
        }
        if (*t == '[') {
            if (cur && (rc = finish_rule(rs, cur, err)))
                break;
            if (!(cur = start_rule(rs, t, name, lineno, err))) {
                rc = -1;
                break;
            }
            last_key = -1;
            continue;
        }
        if (!cur) {
            rc = sj_fail(err, "%s:%d: expected a rule header [KIND NAME]", name,
                         lineno);
            break;
        }
        if ((last_key = add_key(cur, t, name, lineno, err)) < 0) {
            rc = -1;
            break;
        }
        vlen = strlen(cur->vals[last_key]);
        vcap = vlen + 1;
    }
    if (rc == 0 && cur)
        rc = finish_rule(rs, cur, err);
    free(copy);
    /* indexed even after an error, so the set stays walkable */
    if (index_kinds(rs, name, rc ? NULL : err) && rc == 0)
        rc = -1;
    return rc;
}

int sj_rules_load_dir(const char *dir, sj_ruleset *rs, sj_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return sj_fail(err, "%s: cannot open rules directory", dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 6 && strcmp(e->d_name + l - 6, ".rules") == 0) {
            SJ_GROW(names, n, cap);
            names[n++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    if (n > 1) /* names is NULL when there are none */
        qsort(names, n, sizeof *names, sj_cmp_str);
    int rc = 0;
    if (n == 0)
        rc = sj_fail(err, "%s: no *.rules files", dir);
    for (size_t i = 0; i < n && rc == 0; i++) {
        sj_buf path = {0};
        sj_buf_addf(&path, "%s/%s", dir, names[i]);
        unsigned char *text;
        size_t len;
        rc = sj_read_file(path.data, 16u << 20, &text, &len, err);
        if (rc == 0) {
            rc = sj_rules_load_text(path.data, (const char *)text, len, rs, err);
            free(text);
        }
        sj_buf_free(&path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    /* the administrative divisions, if the directory has them */
    if (rc == 0) {
        sj_buf path = {0};
        sj_buf_addf(&path, "%s/places.tsv", dir);
        FILE *pf = fopen(path.data, "rb");
        if (pf) {
            fclose(pf);
            unsigned char *text;
            size_t len;
            sj_places_free(&rs->places);
            rc = sj_read_file(path.data, 16u << 20, &text, &len, err);
            if (rc == 0) {
                rc = sj_places_load_text(path.data, (const char *)text, len, &rs->places, err);
                rs->fingerprint = sj_fnv1a(rs->fingerprint, text, len);
                free(text);
            }
        }
        sj_buf_free(&path);
    }
    if (rc == 0)
        rc = sj_rules_validate(rs, err);
    if (rc == 0 && !rs->read) { /* the readers' rules, by the same path */
        sj_buf rp = {0};
        sj_buf_addf(&rp, "%s/read/read.rules", dir);
        rc = sj_read_rules_load(rp.data, &rs->read, err);
        sj_buf_free(&rp);
    }
    if (rc == 0)
        rc = sj_rules_prefilter(rs, err);
    return rc;
}

int sj_rules_validate(const sj_ruleset *rs, sj_err *err)
{
    static const char *needed[] = {"heading", "target", "deadline",
                                   "agency_clause", "indicator", NULL};
    for (int i = 0; needed[i]; i++) {
        int found = 0;
        for (size_t j = 0; j < rs->n && !found; j++)
            found = strcmp(rs->rules[j].kind, needed[i]) == 0;
        if (!found)
            return sj_fail(err, "rules: no [%s ...] rule in any rule file",
                           needed[i]);
    }
    return 0;
}

void sj_rules_free(sj_ruleset *rs)
{
    sj_prefilter_free(rs);
    for (size_t i = 0; i < rs->n; i++)
        rule_free(&rs->rules[i]);
    free(rs->rules);
    free(rs->next_of_kind);
    sj_read_rules_free(rs->read);
    sj_places_free(&rs->places);
    free(rs->name_slot);
    memset(rs, 0, sizeof *rs);
}
