/* read_rules.c - loads rules/read/read.rules: the phrase knowledge of the
 * container readers (metadata labels of portal pages, the shape of a page
 * number line, the numerals Word's automatic numbering writes).
 *
 * Format (as the plan rule files): "# comment", "[KIND NAME]", "key = value".
 *   [meta FIELD]   FIELD one of title docno date issuer index_no;
 *                  labels = 发文字号|文号   (|-separated label words)
 *                  html_meta = ArticleTitle  (optional: <meta name=...> of a page)
 *   [page_number NAME]  pattern = PCRE2 regex matched against a whole line
 *   [numerals NAME] NAME one of chinese (digits = 10 chars, units = 3 chars),
 *                  ideograph_traditional (symbols = 10), ideograph_zodiac (12)
 * Promises: every error is "FILE:LINE: message"; a loaded set has every
 * field, numeral and the page-number pattern.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>
#include <libxml/parser.h>
#include "read_int.h"

static const char *META_NAMES[RD_META_N] = {"title", "docno", "date", "issuer", "index_no"};

/* The metadata field named sect (title, docno, ...), -1 if none. */
static int meta_field(const char *sect)
{
    for (int i = 0; i < RD_META_N; i++)
        if (strcmp(sect, META_NAMES[i]) == 0)
            return i;
    return -1;
}

void sj_read_rules_free(sj_read_rules *r)
{
    if (!r)
        return;
    for (int f = 0; f < RD_META_N; f++)
        for (int i = 0; i < r->nlabels[f]; i++)
            free(r->labels[f][i]);
    for (int f = 0; f < RD_META_N; f++)
        for (int i = 0; i < r->nhtml_meta[f]; i++)
            free(r->html_meta[f][i]);
    pcre2_code_free(r->page_number);
    free(r);
}

/* decodes exactly n code points of s into cp; 0 ok */
static int chars(const char *s, int32_t *cp, int n)
{
    size_t len = strlen(s);
    int i = 0;
    while (len && i < n) {
        int k = sj_utf8_decode(s, len, &cp[i]);
        if (k <= 0)
            return -1;
        s += k;
        len -= (size_t)k;
        i++;
    }
    return i == n && len == 0 ? 0 : -1;
}

int sj_read_rules_load_text(const char *name, const char *text, size_t len,
                            sj_read_rules **out, sj_err *err)
{
    *out = NULL;
    /* libxml2 sets itself up once, here, before any reader thread runs */
    xmlInitParser();
    if (!sj_utf8_valid(text, len))
        return sj_fail(err, "%s: not valid UTF-8", name);
    sj_read_rules *r = xcalloc(1, sizeof *r);
    char kind[64] = "", sect[64] = "";
    int have_digits = 0, have_units = 0, have_tg = 0, have_dz = 0, line = 0;
    const char *p = text, *end = text + len;
    int rc = 0;
    while (p < end && rc == 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char *s = xstrndup(p, l);
        p += l + (nl != NULL);
        line++;
        char *t = s;
        while (*t == ' ' || *t == '\t')
            t++;
        size_t tl = strlen(t);
        while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\r' || t[tl - 1] == '\t'))
            t[--tl] = 0;
        if (!*t || *t == '#') {
            free(s);
            continue;
        }
        if (*t == '[') {
            if (t[tl - 1] != ']' || sscanf(t, "[%63s %63[^]]]", kind, sect) != 2)
                rc = sj_fail(err, "%s:%d: a section is [KIND NAME]", name, line);
            else if (strcmp(kind, "meta") && strcmp(kind, "page_number") && strcmp(kind, "numerals"))
                rc = sj_fail(err, "%s:%d: unknown kind '%s' (meta, page_number, numerals)",
                             name, line, kind);
            else if (strcmp(kind, "meta") == 0) {
                int f = meta_field(sect);
                if (f < 0)
                    rc = sj_fail(err, "%s:%d: unknown metadata field '%s' (title, docno, date, "
                                 "issuer, index_no)", name, line, sect);
            } else if (strcmp(kind, "numerals") == 0 && strcmp(sect, "chinese") &&
                       strcmp(sect, "ideograph_traditional") && strcmp(sect, "ideograph_zodiac"))
                rc = sj_fail(err, "%s:%d: unknown numerals '%s' (chinese, ideograph_traditional, "
                             "ideograph_zodiac)", name, line, sect);
            free(s);
            continue;
        }
        char *eq = strchr(t, '=');
        if (!eq || !kind[0]) {
            rc = sj_fail(err, "%s:%d: expected key = value under a [KIND NAME]", name, line);
            free(s);
            continue;
        }
        char *k = t, *v = eq + 1;
        for (char *q = eq; q > k && (q[-1] == ' ' || q[-1] == '\t'); q--)
            q[-1] = 0;
        *eq = 0;
        while (*v == ' ' || *v == '\t')
            v++;
        if (!*v) {
            rc = sj_fail(err, "%s:%d: empty value for '%s'", name, line, k);
        } else if (strcmp(kind, "meta") == 0) {
            int f = meta_field(sect);
            if (f < 0)
                rc = sj_fail(err, "%s:%d: unknown metadata field '%s' (title, docno, date, "
                             "issuer, index_no)", name, line, sect);
            else if (strcmp(k, "labels") && strcmp(k, "html_meta"))
                rc = sj_fail(err, "%s:%d: unknown key '%s' for meta (labels, html_meta)", name,
                             line, k);
            else {
                int html = strcmp(k, "html_meta") == 0;
                char **dst = html ? r->html_meta[f] : r->labels[f];
                int *nd = html ? &r->nhtml_meta[f] : &r->nlabels[f];
                char *save = NULL;
                for (char *w = strtok_r(v, "|", &save); w && rc == 0; w = strtok_r(NULL, "|", &save)) {
                    if (*nd == RD_MAX_LABELS)
                        rc = sj_fail(err, "%s:%d: more than %d names", name, line, RD_MAX_LABELS);
                    else if (*w)
                        dst[(*nd)++] = xstrdup(w);
                }
            }
        } else if (strcmp(kind, "page_number") == 0) {
            if (strcmp(k, "pattern"))
                rc = sj_fail(err, "%s:%d: unknown key '%s' for page_number (pattern)", name, line, k);
            else if (r->page_number)
                rc = sj_fail(err, "%s:%d: a second page_number pattern", name, line);
            else {
                int ec;
                PCRE2_SIZE off;
                r->page_number = pcre2_compile((PCRE2_SPTR)v, PCRE2_ZERO_TERMINATED,
                                               PCRE2_UTF | PCRE2_UCP, &ec, &off, NULL);
                if (!r->page_number) {
                    PCRE2_UCHAR msg[120];
                    pcre2_get_error_message(ec, msg, sizeof msg);
                    rc = sj_fail(err, "%s:%d: bad pattern at %zu: %s", name, line, (size_t)off,
                                 (char *)msg);
                }
            }
        } else {
            int ok = 0;
            if (strcmp(sect, "chinese") == 0 && strcmp(k, "digits") == 0)
                ok = chars(v, r->cn_digits, 10) == 0 ? (have_digits = 1) : -1;
            else if (strcmp(sect, "chinese") == 0 && strcmp(k, "units") == 0)
                ok = chars(v, r->cn_units, 3) == 0 ? (have_units = 1) : -1;
            else if (strcmp(sect, "ideograph_traditional") == 0 && strcmp(k, "symbols") == 0)
                ok = chars(v, r->tiangan, 10) == 0 ? (have_tg = 1) : -1;
            else if (strcmp(sect, "ideograph_zodiac") == 0 && strcmp(k, "symbols") == 0)
                ok = chars(v, r->dizhi, 12) == 0 ? (have_dz = 1) : -1;
            if (ok == 0)
                rc = sj_fail(err, "%s:%d: unknown numerals '%s' key '%s' (chinese: digits, units; "
                             "ideograph_traditional, ideograph_zodiac: symbols)", name, line, sect, k);
            else if (ok < 0)
                rc = sj_fail(err, "%s:%d: wrong number of characters for %s %s (10 digits, "
                             "3 units, 10 or 12 symbols)", name, line, sect, k);
        }
        free(s);
    }
    if (rc == 0) {
        for (int f = 0; f < RD_META_N && rc == 0; f++)
            if (!r->nlabels[f])
                rc = sj_fail(err, "%s: no [meta %s] labels", name, META_NAMES[f]);
        if (rc == 0 && !r->page_number)
            rc = sj_fail(err, "%s: no [page_number] pattern", name);
        if (rc == 0 && !(have_digits && have_units && have_tg && have_dz))
            rc = sj_fail(err, "%s: [numerals] needs chinese digits and units, "
                         "ideograph_traditional and ideograph_zodiac symbols", name);
    }
    if (rc) {
        sj_read_rules_free(r);
        return -1;
    }
    *out = r;
    return 0;
}

int sj_read_rules_load(const char *path, sj_read_rules **out, sj_err *err)
{
    unsigned char *text;
    size_t len;
    *out = NULL;
    if (sj_read_file(path, 1 << 20, &text, &len, err))
        return -1;
    int rc = sj_read_rules_load_text(path, (const char *)text, len, out, err);
    free(text);
    return rc;
}

int rd_is_page_number(const sj_read_rules *rules, const char *s, size_t n)
{
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(mc, 100000);
    pcre2_set_depth_limit(mc, 1000);
    int rc = pcre2_match(rules->page_number, (PCRE2_SPTR)s, n, 0, 0, md, mc);
    pcre2_match_context_free(mc);
    pcre2_match_data_free(md);
    return rc >= 0;
}

/* a label cell: the label, then optionally ：/: and spaces, then the value */
int rd_meta_label(const sj_read_rules *rules, const char *cell, const char **rest)
{
    while (*cell == ' ')
        cell++;
    int best = -1;
    size_t bestlen = 0;
    for (int f = 0; f < RD_META_N; f++)
        for (int i = 0; i < rules->nlabels[f]; i++) {
            size_t l = strlen(rules->labels[f][i]);
            if (l > bestlen && strncmp(cell, rules->labels[f][i], l) == 0) {
                const char *p = cell + l;
                while (*p == ' ')
                    p++;
                /* a label is followed by a colon, or ends the cell */
                if (*p && *p != ':' && strncmp(p, "\xef\xbc\x9a", 3) != 0)
                    continue;
                best = f;
                bestlen = l;
            }
        }
    if (best < 0)
        return -1;
    const char *p = cell + bestlen;
    while (*p == ' ')
        p++;
    if (*p == ':')
        p++;
    else if (strncmp(p, "\xef\xbc\x9a", 3) == 0)
        p += 3;
    while (*p == ' ')
        p++;
    *rest = p;
    return best;
}
