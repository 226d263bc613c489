/* prefilter.c - the Vectorscan pass before PCRE2: deriving each rule's
 * prefilter form, one database per scanned kind, and the scan that yields
 * the candidate rules. See prefilter.h. */
#include "prefilter.h"

#include <stdlib.h>
#include <string.h>

/* the index after the class that opens at p[i] ([]...] and [^]...] hold
 * a ], [:alpha:] a [) */
static size_t class_end(const char *p, size_t n, size_t i)
{
    size_t j = i + 1;
    if (j < n && p[j] == '^')
        j++;
    if (j < n && p[j] == ']')
        j++;
    while (j < n && p[j] != ']') {
        if (p[j] == '\\' && j + 1 < n)
            j += 2;
        else if (p[j] == '[' && j + 1 < n && p[j + 1] == ':') {
            const char *e = strstr(p + j + 2, ":]");
            j = e ? (size_t)(e - p) + 2 : n;
        } else
            j++;
    }
    return j < n ? j + 1 : n;
}

/* the index after the group that opens at p[i] */
static size_t group_end(const char *p, size_t n, size_t i)
{
    int depth = 0;
    for (size_t j = i; j < n;) {
        if (p[j] == '\\' && j + 1 < n)
            j += 2;
        else if (p[j] == '[')
            j = class_end(p, n, j);
        else {
            if (p[j] == '(')
                depth++;
            else if (p[j] == ')' && --depth == 0)
                return j + 1;
            j++;
        }
    }
    return n;
}

/* A repeat {m,n} at p[i]: its length, with *lo and *hi (hi < 0: {m,}),
 * or 0 if p[i] does not open one (a literal {). */
static size_t repeat_at(const char *p, size_t n, size_t i, long *lo, long *hi)
{
    size_t j = i + 1;
    char *e;
    if (j >= n || p[j] < '0' || p[j] > '9')
        return 0;
    *lo = strtol(p + j, &e, 10);
    j = (size_t)(e - p);
    *hi = *lo;
    if (j < n && p[j] == ',') {
        j++;
        *hi = -1;
        if (j < n && p[j] >= '0' && p[j] <= '9') {
            *hi = strtol(p + j, &e, 10);
            j = (size_t)(e - p);
        }
    }
    return j < n && p[j] == '}' ? j + 1 - i : 0;
}

/* The prefilter form matches every string the pattern matches, and more
 * (a superset: each step widens a part of it, and every operator left
 * is monotone once the lookarounds are gone):
 *   named groups become plain ones (Vectorscan has no captures);
 *   \K and \G go (they only move or pin the start);
 *   lookarounds go (each is a condition; without it, more matches);
 *   atomic groups become plain ones (backtracking into them only adds);
 *   a wide bounded repeat {m,n} (n > m + 2) becomes {m,}: Vectorscan
 *   unrolls bounded repeats of multi-byte classes into large automata
 *   (one rule took 18 s to compile), unbounded ones cost a loop. */
char *sj_prefilter_form(const char *p)
{
    sj_buf b = {0};
    size_t n = strlen(p);
    for (size_t i = 0; i < n;) {
        long lo, hi;
        size_t rl;
        if (p[i] == '\\' && i + 1 < n) {
            if (p[i + 1] != 'K' && p[i + 1] != 'G')
                sj_buf_add(&b, p + i, 2);
            i += 2;
        } else if (p[i] == '[') {
            size_t j = class_end(p, n, i);
            sj_buf_add(&b, p + i, j - i);
            i = j;
        } else if (p[i] == '(' && i + 2 < n && p[i + 1] == '?' &&
                   (p[i + 2] == '=' || p[i + 2] == '!' ||
                    (p[i + 2] == '<' && i + 3 < n && (p[i + 3] == '=' || p[i + 3] == '!')))) {
            /* a lookaround: an empty group, so a quantifier after it stays valid */
            sj_buf_add(&b, "(?:)", 4);
            i = group_end(p, n, i);
        } else if (p[i] == '(' && i + 2 < n && p[i + 1] == '?' &&
                   ((p[i + 2] == '<' && i + 3 < n) || p[i + 2] == '\'' ||
                    (p[i + 2] == 'P' && i + 3 < n && p[i + 3] == '<'))) {
            /* a named group: a plain one */
            char close = p[i + 2] == '\'' ? '\'' : '>';
            size_t j = i + 3;
            while (j < n && p[j] != close)
                j++;
            sj_buf_add(&b, "(?:", 3);
            i = j < n ? j + 1 : n;
        } else if (p[i] == '(' && i + 2 < n && p[i + 1] == '?' && p[i + 2] == '>') {
            sj_buf_add(&b, "(?:", 3);
            i += 3;
        } else if (p[i] == '{' && (rl = repeat_at(p, n, i, &lo, &hi)) > 0) {
            if (hi >= 0 && hi > lo + 2)
                sj_buf_addf(&b, "{%ld,}", lo);
            else
                sj_buf_add(&b, p + i, rl);
            i += rl;
        } else {
            sj_buf_add(&b, p + i, 1);
            i++;
        }
    }
    return b.len ? sj_buf_take(&b) : xstrdup("");
}

#ifdef SJ_PREFILTER
#include <hs.h>
#include <sys/stat.h>
#include <unistd.h>

/* The kinds whose rules run over running text, clause by clause or
 * paragraph by paragraph (the extractors scan them), or over the whole
 * text (script: normalize's check for traditional script, which a
 * simplified plan, matching none, then skips): rule kinds of the schema,
 * not rules. */
static const char *const SCANNED[] = {"target", "clause_hint", "deadline", "deadline_hint",
                                      "scope", "script", "strip", "noise",
                                      /* looked up with sj_first_match */
                                      "indicator", "agency_alias", NULL};

enum { PF_NONE, PF_EXACT, PF_PREFILTER, PF_LEFT_OUT };

typedef struct {
    const char *kind;
    hs_database_t *db;
    int nrules; /* rules of the kind with a pattern */
    int nexact, nprefilter, nleft;
} pf_kind;

struct sj_pfset {
    pf_kind *kinds;
    int nkinds;
    hs_scratch_t *proto; /* sized for every database; cloned per matcher */
    /* per rule of the ruleset: PF_*, and why it was left out */
    unsigned char *mode;
    char **why;
    size_t nrules;
};

void sj_prefilter_free(sj_ruleset *rs)
{
    struct sj_pfset *ps = rs->pf;
    if (!ps)
        return;
    for (int k = 0; k < ps->nkinds; k++)
        if (ps->kinds[k].db)
            hs_free_database(ps->kinds[k].db);
    if (ps->proto)
        hs_free_scratch(ps->proto);
    for (size_t i = 0; i < ps->nrules; i++)
        free(ps->why[i]);
    free(ps->why);
    free(ps->mode);
    free(ps->kinds);
    free(ps);
    rs->pf = NULL;
    for (size_t i = 0; i < rs->n; i++)
        rs->rules[i].pf_bit = rs->rules[i].pf_kind = -1;
}

/* The mode a pattern compiles in (exact, else prefilter), or PF_LEFT_OUT
 * with *why set. */
static int classify(const char *form, unsigned *flags, char **why)
{
    unsigned base = HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH;
    hs_expr_info_t *info = NULL;
    hs_compile_error_t *ce = NULL;
    char *exact_err = NULL;
    for (int pre = 0; pre < 2; pre++) {
        unsigned f = base | (pre ? HS_FLAG_PREFILTER : 0);
        if (hs_expression_info(form, f, &info, &ce) == HS_SUCCESS) {
            int empty = info->min_width == 0;
            free(info);
            free(exact_err);
            if (empty) {
                *why = xstrdup("may match the empty string");
                return PF_LEFT_OUT;
            }
            *flags = f;
            return pre ? PF_PREFILTER : PF_EXACT;
        }
        if (!pre)
            exact_err = xstrdup(ce->message);
        else {
            sj_buf b = {0};
            sj_buf_addf(&b, "%s; in prefilter mode: %s", exact_err, ce->message);
            *why = sj_buf_take(&b);
            free(exact_err);
        }
        hs_free_compile_error(ce);
        ce = NULL;
    }
    return PF_LEFT_OUT;
}

/* ---- the database cache --------------------------------------------
 * Compiling the databases takes about half a second, against 10 ms for
 * all PCRE2 patterns, so each one is kept, serialized, in a cache folder:
 * $SIJIAN_CACHE_DIR if set (empty: no cache), else $XDG_CACHE_HOME/
 * sijian-check, else ~/.cache/sijian-check. The file's name is a hash of
 * everything the database is compiled from (Vectorscan's version, the
 * platform, the forms, flags and ids); the file holds that hash, a hash of the bytes that
 * follow, and the serialized database. A file that does not check out is
 * ignored (and rewritten): the cache only saves time. */
static char *cache_dir(void)
{
    const char *d = getenv("SIJIAN_CACHE_DIR");
    sj_buf b = {0};
    if (d) {
        if (!*d)
            return NULL;
        sj_buf_addf(&b, "%s", d);
    } else if ((d = getenv("XDG_CACHE_HOME")) && *d)
        sj_buf_addf(&b, "%s/sijian-check", d);
    else if ((d = getenv("HOME")) && *d)
        sj_buf_addf(&b, "%s/.cache/sijian-check", d);
    else
        return NULL;
    return sj_buf_take(&b);
}

static uint64_t db_key(const char *const *exprs, const unsigned *flags, const unsigned *ids,
                       int n)
{
    /* the database is compiled for this machine's CPU (and valgrind's
     * differs): the platform is part of the key */
    const char *v = hs_version();
    hs_platform_info_t plat;
    memset(&plat, 0, sizeof plat);
    hs_populate_platform(&plat);
    uint64_t h = sj_fnv1a(SJ_FNV_START, v, strlen(v) + 1);
    h = sj_fnv1a(h, &plat, sizeof plat);
    for (int i = 0; i < n; i++) {
        h = sj_fnv1a(h, exprs[i], strlen(exprs[i]) + 1);
        h = sj_fnv1a(h, &flags[i], sizeof flags[i]);
        h = sj_fnv1a(h, &ids[i], sizeof ids[i]);
    }
    return h;
}

static char *cache_path(uint64_t key)
{
    char *dir = cache_dir();
    if (!dir)
        return NULL;
    sj_buf b = {0};
    sj_buf_addf(&b, "%s/%016llx.hsdb", dir, (unsigned long long)key);
    free(dir);
    return sj_buf_take(&b);
}

static hs_database_t *cache_load(uint64_t key)
{
    char *path = cache_path(key);
    if (!path)
        return NULL;
    unsigned char *data = NULL;
    size_t len = 0;
    sj_err err;
    hs_database_t *db = NULL;
    if (sj_read_file(path, 64u << 20, &data, &len, &err) == 0 && len > 16) {
        uint64_t k, h;
        memcpy(&k, data, 8);
        memcpy(&h, data + 8, 8);
        if (k == key && h == sj_fnv1a(SJ_FNV_START, data + 16, len - 16) &&
            hs_deserialize_database((const char *)data + 16, len - 16, &db) != HS_SUCCESS)
            db = NULL;
    }
    free(data);
    free(path);
    return db;
}

static void cache_store(uint64_t key, const hs_database_t *db)
{
    char *path = cache_path(key);
    char *bytes = NULL;
    size_t len = 0;
    if (!path || hs_serialize_database(db, &bytes, &len) != HS_SUCCESS) {
        free(path);
        return;
    }
    /* the folder (and its parent, ~/.cache), then a file renamed into place */
    char *slash = strrchr(path, '/');
    *slash = '\0';
    char *up = strrchr(path, '/');
    if (up) {
        *up = '\0';
        mkdir(path, 0700);
        *up = '/';
    }
    mkdir(path, 0700);
    *slash = '/';
    sj_buf tmp = {0};
    sj_buf_addf(&tmp, "%s.%ld.tmp", path, (long)getpid());
    FILE *f = fopen(tmp.data, "wb");
    if (f) {
        uint64_t h = sj_fnv1a(SJ_FNV_START, bytes, len);
        int ok = fwrite(&key, 8, 1, f) == 1 && fwrite(&h, 8, 1, f) == 1 &&
                 fwrite(bytes, 1, len, f) == len;
        ok = fclose(f) == 0 && ok;
        if (!ok || rename(tmp.data, path) != 0)
            remove(tmp.data);
    }
    sj_buf_free(&tmp);
    free(bytes);
    free(path);
}

/* Whether p refers back to a group (\1, \g, \k, (?P=): the derived form
 * numbers groups differently, so such a rule is left out. */
static int has_backref(const char *p)
{
    size_t n = strlen(p);
    for (size_t i = 0; i < n;) {
        if (p[i] == '\\' && i + 1 < n) {
            char c = p[i + 1];
            if ((c >= '1' && c <= '9') || c == 'g' || c == 'k')
                return 1;
            i += 2;
        } else if (p[i] == '[')
            i = class_end(p, n, i);
        else if (!strncmp(p + i, "(?P=", 4))
            return 1;
        else
            i++;
    }
    return 0;
}

/* Compiles the database of kind pk from the rules whose mode is set;
 * a pattern that fails only together with the others is left out. */
static int build_kind(sj_ruleset *rs, struct sj_pfset *ps, pf_kind *pk, sj_err *err)
{
    int cap = 0;
    SJ_FOR_KIND(rs, pk->kind, r) cap++;
    const char **exprs = xmalloc((size_t)(cap + 1) * sizeof *exprs);
    unsigned *flags = xmalloc((size_t)(cap + 1) * sizeof *flags);
    unsigned *ids = xmalloc((size_t)(cap + 1) * sizeof *ids);
    char **forms = xcalloc((size_t)cap + 1, sizeof *forms);
    int rc = 0;
    for (;;) {
        int n = 0, bit = 0;
        SJ_FOR_KIND(rs, pk->kind, r) {
            size_t ri = (size_t)(r - rs->rules);
            sj_rule *w = &rs->rules[ri];
            w->pf_bit = -1;
            if (!r->pattern)
                continue;
            if (ps->mode[ri] == PF_NONE && has_backref(r->pattern)) {
                ps->mode[ri] = PF_LEFT_OUT;
                ps->why[ri] = xstrdup("refers back to a group");
            }
            if (ps->mode[ri] == PF_LEFT_OUT)
                continue;
            if (bit >= SJ_PF_MAX_RULES) {
                ps->mode[ri] = PF_LEFT_OUT;
                ps->why[ri] = xstrdup("past the number of rules of a kind prefiltered");
                continue;
            }
            free(forms[n]);
            forms[n] = sj_prefilter_form(r->pattern);
            exprs[n] = forms[n];
            flags[n] = HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH |
                       (ps->mode[ri] == PF_PREFILTER ? HS_FLAG_PREFILTER : 0);
            ids[n] = (unsigned)bit;
            w->pf_bit = bit++;
            n++;
        }
        if (n == 0)
            break;
        uint64_t key = db_key(exprs, flags, ids, n);
        if ((pk->db = cache_load(key)))
            break;
        hs_compile_error_t *ce = NULL;
        if (hs_compile_multi(exprs, flags, ids, (unsigned)n, HS_MODE_BLOCK, NULL, &pk->db,
                             &ce) == HS_SUCCESS) {
            cache_store(key, pk->db);
            break;
        }
        if (ce->expression < 0) {
            rc = sj_fail(err, "rules: Vectorscan cannot build the [%s] database: %s",
                         pk->kind, ce->message);
            hs_free_compile_error(ce);
            break;
        }
        /* Every rule is first tried as it is (the cheap way when the
         * database is cached: hs_expression_info costs as much as a
         * compile). The one that failed is classified: in prefilter mode
         * if Vectorscan takes it so, else left out; then again. */
        SJ_FOR_KIND(rs, pk->kind, r)
            if (r->pf_bit == (int)ids[ce->expression]) {
                size_t ri = (size_t)(r - rs->rules);
                int was = ps->mode[ri];
                if (was == PF_NONE) {
                    char *form = sj_prefilter_form(r->pattern);
                    unsigned f = 0;
                    ps->mode[ri] = (unsigned char)classify(form, &f, &ps->why[ri]);
                    free(form);
                }
                if (was != PF_NONE || ps->mode[ri] == PF_EXACT) {
                    ps->mode[ri] = PF_LEFT_OUT;
                    free(ps->why[ri]);
                    sj_buf b = {0};
                    sj_buf_addf(&b, "%s", ce->message);
                    ps->why[ri] = sj_buf_take(&b);
                }
            }
        hs_free_compile_error(ce);
    }
    SJ_FOR_KIND(rs, pk->kind, r) {
        size_t ri = (size_t)(r - rs->rules);
        if (!r->pattern)
            continue;
        pk->nrules++;
        pk->nexact += (ps->mode[ri] == PF_EXACT || ps->mode[ri] == PF_NONE) && r->pf_bit >= 0;
        pk->nprefilter += ps->mode[ri] == PF_PREFILTER && r->pf_bit >= 0;
        pk->nleft += r->pf_bit < 0;
    }
    for (int i = 0; i < cap; i++)
        free(forms[i]);
    free(forms);
    free(exprs);
    free(flags);
    free(ids);
    return rc;
}

int sj_rules_prefilter(sj_ruleset *rs, sj_err *err)
{
    sj_prefilter_free(rs);
    if (getenv("SIJIAN_NO_PREFILTER"))
        return 0;
    struct sj_pfset *ps = xcalloc(1, sizeof *ps);
    ps->nrules = rs->n;
    ps->mode = xcalloc(rs->n + 1, 1);
    ps->why = xcalloc(rs->n + 1, sizeof *ps->why);
    int nk = 0;
    while (SCANNED[nk])
        nk++;
    ps->kinds = xcalloc((size_t)nk, sizeof *ps->kinds);
    rs->pf = ps;
    int rc = 0;
    for (int k = 0; k < nk && rc == 0; k++) {
        if (!sj_rules_first(rs, SCANNED[k]))
            continue;
        pf_kind *pk = &ps->kinds[ps->nkinds++];
        pk->kind = SCANNED[k];
        rc = build_kind(rs, ps, pk, err);
        if (rc == 0 && pk->db) /* found from the kind's first rule when scanning */
            rs->rules[sj_rules_first(rs, pk->kind) - rs->rules].pf_kind = ps->nkinds - 1;
        if (rc == 0 && pk->db && hs_alloc_scratch(pk->db, &ps->proto) != HS_SUCCESS)
            rc = sj_fail(err, "rules: Vectorscan: no scratch for the [%s] database", pk->kind);
    }
    if (rc)
        sj_prefilter_free(rs);
    return rc;
}

/* the kind's database, found from its first rule (one hash lookup) */
static const pf_kind *kind_of(const sj_ruleset *rs, const char *kind)
{
    const sj_rule *first = sj_rules_first(rs, kind);
    return first && first->pf_kind >= 0 ? &rs->pf->kinds[first->pf_kind] : NULL;
}

static int on_match(unsigned id, unsigned long long from, unsigned long long to,
                    unsigned flags, void *ctx)
{
    (void)from, (void)to, (void)flags;
    sj_cand *c = ctx;
    c->bits[id / 64] |= (uint64_t)1 << (id % 64);
    return 0;
}

void sj_prefilter_scan(sj_matcher *m, const sj_ruleset *rs, const char *kind,
                       const char *subj, size_t len, sj_cand *c)
{
    const pf_kind *pk = rs->pf ? kind_of(rs, kind) : NULL;
    if (!pk || len > 0xFFFFFFFFu) {
        c->all = 1;
        return;
    }
    memset(c, 0, sizeof *c);
    if (m->hs_scratch_for != rs->pf) {
        sj_prefilter_scratch_free(m);
        if (hs_clone_scratch(rs->pf->proto, (hs_scratch_t **)&m->hs_scratch) != HS_SUCCESS) {
            m->hs_scratch = NULL;
            c->all = 1;
            return;
        }
        m->hs_scratch_for = rs->pf;
    }
    if (hs_scan(pk->db, subj, (unsigned)len, 0, m->hs_scratch, on_match, c) != HS_SUCCESS)
        c->all = 1;
}

void sj_prefilter_scratch_free(sj_matcher *m)
{
    if (m->hs_scratch)
        hs_free_scratch(m->hs_scratch);
    m->hs_scratch = NULL;
    m->hs_scratch_for = NULL;
}

void sj_prefilter_report(FILE *f, const sj_ruleset *rs)
{
    const struct sj_pfset *ps = rs->pf;
    if (!ps) {
        fputs("prefilter: off\n", f);
        return;
    }
    for (int k = 0; k < ps->nkinds; k++) {
        const pf_kind *pk = &ps->kinds[k];
        fprintf(f, "prefilter [%s]: %d rules, %d exact, %d in prefilter mode, %d left out\n",
                pk->kind, pk->nrules, pk->nexact, pk->nprefilter, pk->nleft);
    }
    for (size_t i = 0; i < rs->n && i < ps->nrules; i++)
        if (ps->mode[i] == PF_LEFT_OUT || (ps->mode[i] == PF_PREFILTER && getenv("SJ_PF_VERBOSE")))
            fprintf(f, "  %s [%s %s] %s:%d: %s\n",
                    ps->mode[i] == PF_LEFT_OUT ? "left out" : "prefilter mode", rs->rules[i].kind,
                    rs->rules[i].name ? rs->rules[i].name : "", rs->rules[i].file,
                    rs->rules[i].line, ps->why[i] ? ps->why[i] : "");
}

#else /* without SJ_PREFILTER: every rule is always a candidate */

int sj_rules_prefilter(sj_ruleset *rs, sj_err *err)
{
    (void)err;
    for (size_t i = 0; i < rs->n; i++)
        rs->rules[i].pf_bit = -1;
    return 0;
}

void sj_prefilter_free(sj_ruleset *rs)
{
    (void)rs;
}

void sj_prefilter_scan(sj_matcher *m, const sj_ruleset *rs, const char *kind,
                       const char *subj, size_t len, sj_cand *c)
{
    (void)m, (void)rs, (void)kind, (void)subj, (void)len;
    memset(c, 0, sizeof *c);
    c->all = 1;
}

void sj_prefilter_scratch_free(sj_matcher *m)
{
    (void)m;
}

void sj_prefilter_report(FILE *f, const sj_ruleset *rs)
{
    (void)rs;
    fputs("prefilter: not built in (SJ_PREFILTER=OFF)\n", f);
}
#endif
