#include "normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "normalize_int.h"
#include "util.h"

/* One character of a line being cleaned (lchar, lline: normalize_int.h):
 * its code point after NFKC, the decoded-text offset it came from, and
 * whether it is that very character unchanged. */

/* What normalizing reads from the rules ([heading], [page_number],
 * [range_dash]), and scratch space for a line in UTF-8. */
#define MAX_RANGE_CHARS 8
typedef struct {
    const sj_ruleset *rs; /* NULL: no rules (no headings, no page numbers) */
    sj_matcher *m;
    int32_t range_after[MAX_RANGE_CHARS]; /* [range_dash] characters */
    int nrange;
    sj_noise_scratch noise; /* [noise] and [junk_line] rules */
    /* the first rule of each kind run line by line (NULL: none), looked
     * up once per document */
    const sj_rule *heading, *page_number, *line_complete, *line_continues, *line_label,
        *noise_rules, *junk_rules;
} norm_rules;

/* a rule of this kind matches the line */
static int line_matches(const lline *l, norm_rules *nr, const sj_rule *first)
{
    if (!first || !nr->m)
        return 0;
    const char *t = sj_noise_utf8(l, &nr->noise);
    for (const sj_rule *r = first; r; r = sj_rules_next(nr->rs, r))
        if (sj_match(nr->m, r, t, nr->noise.utf8.len, 0))
            return 1;
    return 0;
}

/* a dash between c and a digit joins a range (2021年—2023年) */
static int range_char(const norm_rules *nr, int32_t c)
{
    for (int i = 0; i < nr->nrange; i++)
        if (nr->range_after[i] == c)
            return 1;
    return 0;
}

static int is_combining(int32_t cp)
{
    return cp >= 0x300 && utf8proc_get_property(cp)->combining_class != 0;
}

/* What utf8proc says of a BMP code point, asked once per thread and kept
 * in a table (sj_norm_state.nfkc): whether it is a combining mark, has no
 * decomposition, or decomposes (NFKC) into one code point, which the low
 * bits hold. 0: not asked yet. */
enum {
    NFKC_KNOWN = 1u << 31,
    NFKC_COMBINING = 1u << 30,
    NFKC_NONE = 1u << 29,   /* no decomposition */
    NFKC_SINGLE = 1u << 28, /* one code point: the low 21 bits */
    NFKC_CP = (1u << 21) - 1
};

static uint32_t nfkc_info(uint32_t *tab, int32_t cp)
{
    if (tab[cp])
        return tab[cp];
    uint32_t t = NFKC_KNOWN;
    const utf8proc_property_t *prop = utf8proc_get_property(cp);
    if (is_combining(cp))
        t |= NFKC_COMBINING;
    if (prop->decomp_seqindex == UINT16_MAX) {
        t |= NFKC_NONE;
    } else {
        utf8proc_int32_t buf[8];
        int bound = 0;
        utf8proc_ssize_t r = utf8proc_decompose_char(
            cp, buf, 8, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STABLE, &bound);
        if (r == 1 && buf[0] >= 0 && (uint32_t)buf[0] <= NFKC_CP)
            t |= NFKC_SINGLE | (uint32_t)buf[0];
    }
    return tab[cp] = t;
}

/* Decodes [s, s+len) (one line of valid UTF-8) into l, applying NFKC to
 * each cluster (a character and the combining marks after it). tab (may
 * be NULL) is the per-thread table of nfkc_info. */
static void nfkc_line(const char *s, size_t len, uint32_t base, lline *l, uint32_t *tab)
{
    size_t i = 0;
    utf8proc_int32_t buf[64];
    while (i < len) {
        int32_t cp;
        int n = sj_utf8_decode(s + i, len - i, &cp);
        size_t start = i;
        i += (size_t)n;
        if (cp < 0x80) {
            lpush(l, cp, base + (uint32_t)start, 1);
            continue;
        }
        /* ①..⑳ mark items; NFKC would glue their digit to the text that
         * follows (①淘汰 -> 1淘汰): write (1) instead */
        if (cp >= 0x2460 && cp <= 0x2473) {
            int v = cp - 0x2460 + 1;
            lpush(l, '(', base + (uint32_t)start, 0);
            if (v >= 10)
                lpush(l, '0' + v / 10, base + (uint32_t)start, 0);
            lpush(l, '0' + v % 10, base + (uint32_t)start, 0);
            lpush(l, ')', base + (uint32_t)start, 0);
            continue;
        }
        /* CJK unified ideographs have no decomposition; when the next
         * character starts below U+0300 or is another ideograph (lead byte
         * E4..E9: U+4000..U+9FFF) it is no combining mark either. Most of
         * a plan takes this path. */
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            unsigned char nb = i < len ? (unsigned char)s[i] : 0;
            if (nb < 0xCC || (nb >= 0xE4 && nb <= 0xE9)) {
                lpush(l, cp, base + (uint32_t)start, 1);
                continue;
            }
        }
        int32_t next = -1;
        if (i < len)
            sj_utf8_decode(s + i, len - i, &next);
        if (tab && cp < 0x10000 && next < 0x10000) {
            /* the same answers as below, from the table */
            uint32_t t = nfkc_info(tab, cp);
            if (next < 0x300 || !(nfkc_info(tab, next) & NFKC_COMBINING)) {
                if (t & NFKC_NONE) {
                    lpush(l, cp, base + (uint32_t)start, 1);
                    continue;
                }
                if (t & NFKC_SINGLE) {
                    int32_t d = (int32_t)(t & NFKC_CP);
                    lpush(l, d, base + (uint32_t)start, d == cp);
                    continue;
                }
            }
        }
        const utf8proc_property_t *prop = utf8proc_get_property(cp);
        if (prop->decomp_seqindex == UINT16_MAX && !is_combining(next)) {
            lpush(l, cp, base + (uint32_t)start, 1);
            continue;
        }
        /* cluster: cp plus following combining marks */
        utf8proc_ssize_t k = 0;
        int bound = 0;
        int32_t c = cp;
        int count = 0;
        for (;;) {
            utf8proc_ssize_t r = utf8proc_decompose_char(
                c, buf + k, (utf8proc_ssize_t)(64 - k),
                UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STABLE, &bound);
            if (r < 0 || k + r > 60)
                break;
            k += r;
            count++;
            if (i >= len)
                break;
            int32_t nc;
            int m = sj_utf8_decode(s + i, len - i, &nc);
            if (!is_combining(nc))
                break;
            c = nc;
            i += (size_t)m;
        }
        if (count > 1 || k > 1) {
            utf8proc_ssize_t r = utf8proc_normalize_utf32(
                buf, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
            if (r >= 0)
                k = r;
        }
        int ident = (k == 1 && buf[0] == cp && count == 1);
        for (utf8proc_ssize_t j = 0; j < k; j++)
            lpush(l, buf[j], base + (uint32_t)start, ident);
    }
}

/* CJK ideographs, kana, CJK and full-width punctuation, general
 * punctuation such as “ ” — …: characters next to which a space is layout. */
static int is_wide(int32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

static inline int is_dash(int32_t cp)
{
    if (cp < 0x2010)
        return cp == '-';
    return cp == 0x2010 || cp == 0x2011 || cp == 0x2012 ||
           cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212 ||
           cp == 0xFE63 || cp == 0xFF0D;
}

static int is_digit(int32_t cp) { return cp >= '0' && cp <= '9'; }

/* Removes characters for which keep[i] is 0. */
static void compact(lline *l, const unsigned char *keep)
{
    size_t w = 0;
    for (size_t r = 0; r < l->n; r++)
        if (keep[r])
            l->c[w++] = l->c[r];
    l->n = w;
}

/* a page-number line (— 3 —, 第3页): a [page_number] rule matches it */
static int is_page_number(const lline *l, norm_rules *nr)
{
    return line_matches(l, nr, nr->page_number);
}

/* What a line holds that cleaning acts on: most lines of a plan hold
 * none of it, and skip those passes. */
enum { HAS_BLANK = 1, HAS_MARK = 2, HAS_DASH = 4 };

static unsigned line_marks(const lline *l)
{
    unsigned f = 0;
    for (size_t i = 0; i < l->n; i++) {
        int32_t cp = l->c[i].cp;
        if (cp < 0x80)
            f |= cp == ' ' || cp == '\t' ? HAS_BLANK
                 : cp == '#' || cp == '*' ? HAS_MARK
                 : cp == '-'              ? HAS_DASH
                                          : 0;
        else if (cp >= 0x2010 && is_dash(cp))
            f |= HAS_DASH;
    }
    return f;
}

/* A markdown pipe table row starting at i (after leading blanks) becomes
 * a tab-separated row; returns 0 for its |---| rule line (dropped). */
static int pipe_row(lline *l, size_t i, unsigned char *keep, int *table)
{
    int rule = 1;
    for (size_t j = i; j < l->n; j++) {
        int32_t c = l->c[j].cp;
        if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t')
            rule = 0;
    }
    if (rule)
        return 0;
    size_t last = l->n;
    while (last > i && (l->c[last - 1].cp == ' ' || l->c[last - 1].cp == '\t'))
        last--;
    for (size_t j = 0; j < l->n; j++) {
        keep[j] = 1;
        if (j == i || (j == last - 1 && l->c[j].cp == '|'))
            keep[j] = 0;
        else if (l->c[j].cp == '|') {
            l->c[j].cp = '\t';
            l->c[j].ident = 0;
        }
    }
    compact(l, keep);
    *table = 1;
    return 1;
}

/* A row whose cells are written with bars between them and no bar at
 * its start (指标 | 单位 | 2025年): two bars or more, each with a blank on
 * both sides, become tabs. A line that ends with a bar is a portal's row
 * of fields (发文单位 | … | 文件号 | … |), read as it is. */
static int cell_bar(const lline *l, size_t j)
{
    return l->c[j].cp == '|' && (l->c[j - 1].cp == ' ' || l->c[j - 1].cp == '\t') &&
           (l->c[j + 1].cp == ' ' || l->c[j + 1].cp == '\t');
}

static void bar_row(lline *l, size_t i)
{
    size_t last = l->n;
    while (last > i && (l->c[last - 1].cp == ' ' || l->c[last - 1].cp == '\t'))
        last--;
    if (last > i && l->c[last - 1].cp == '|')
        return;
    int bars = 0;
    for (size_t j = i + 1; j + 1 < l->n && bars < 2; j++)
        bars += cell_bar(l, j);
    for (size_t j = i + 1; bars == 2 && j + 1 < l->n; j++)
        if (cell_bar(l, j)) {
            l->c[j].cp = '\t';
            l->c[j].ident = 0;
        }
}

/* Trims the line, collapses tab runs (setting *table) and drops spaces
 * next to wide characters, collapsing other runs. */
static void clean_blanks(lline *l, unsigned char *keep, int *table)
{
    /* trim */
    size_t a = 0, b = l->n;
    while (a < b && (l->c[a].cp == ' ' || l->c[a].cp == '\t'))
        a++;
    while (b > a && (l->c[b - 1].cp == ' ' || l->c[b - 1].cp == '\t'))
        b--;
    memset(keep, 0, l->n);
    memset(keep + a, 1, b - a);
    /* tabs: collapse runs (with spaces around them) to one tab */
    for (size_t j = a; j < b; j++) {
        if (l->c[j].cp != '\t')
            continue;
        *table = 1;
        size_t k = j;
        while (k > a && l->c[k - 1].cp == ' ')
            keep[--k] = 0;
        size_t e = j + 1;
        while (e < b && (l->c[e].cp == '\t' || l->c[e].cp == ' '))
            keep[e++] = 0;
        j = e - 1;
    }
    /* spaces: drop next to wide characters, collapse runs otherwise */
    for (size_t j = a; j < b; j++) {
        if (l->c[j].cp != ' ' || !keep[j])
            continue;
        size_t e = j;
        while (e < b && l->c[e].cp == ' ')
            e++;
        int32_t before = j > a ? l->c[j - 1].cp : 0;
        int32_t after = e < b ? l->c[e].cp : 0;
        int drop = is_wide(before) || is_wide(after) || before == '\t' ||
                   after == '\t';
        for (size_t k = j + (drop ? 0 : 1); k < e; k++)
            keep[k] = 0;
        j = e - 1;
    }
    compact(l, keep);
}

/* Cleans one line in place; returns 0 if the line is to be dropped. Sets
 * *table when the line is a table row (cells separated by tabs), *page
 * when it was dropped as a page number. */
static int clean_line(lline *l, int *table, int *page, unsigned char **keepbuf,
                      size_t *keepcap, norm_rules *nr)
{
    *table = 0;
    *page = 0;
    sj_noise_changed(&nr->noise); /* a new line */
    if (l->n == 0)
        return 1;
    if (*keepcap < l->n) {
        *keepcap = l->n * 2;
        *keepbuf = xrealloc(*keepbuf, *keepcap);
    }
    unsigned char *keep = *keepbuf;
    size_t i = 0;
    while (i < l->n && (l->c[i].cp == ' ' || l->c[i].cp == '\t'))
        i++;
    /* markdown pipe table */
    if (i < l->n && l->c[i].cp == '|' && !pipe_row(l, i, keep, table))
        return 0;
    if (i < l->n && l->c[i].cp != '|')
        bar_row(l, i);
    unsigned marks = line_marks(l);
    /* heading marks and bold marks */
    if (marks & HAS_MARK) {
        memset(keep, 1, l->n);
        i = 0;
        while (i < l->n && (l->c[i].cp == ' ' || l->c[i].cp == '\t'))
            i++;
        if (i < l->n && l->c[i].cp == '#') {
            while (i < l->n && l->c[i].cp == '#')
                keep[i++] = 0;
        }
        for (size_t j = 0; j + 1 < l->n; j++)
            if (l->c[j].cp == '*' && l->c[j + 1].cp == '*' && keep[j])
                keep[j] = keep[j + 1] = 0, j++;
        compact(l, keep);
    }
    if (marks & HAS_BLANK)
        clean_blanks(l, keep, table);
    if (l->n == 0)
        return 0;
    /* web-copy noise ([noise] rules), before dashes become range dashes */
    sj_noise_line(nr->rs, nr->noise_rules, nr->m, l, &nr->noise);
    if (l->n == 0)
        return 0;
    /* dashes in ranges: 2021—2023, and after a [range_dash] character
     * (2021年—2023年) */
    for (size_t j = 1; (marks & HAS_DASH) && j + 1 < l->n; j++) {
        int32_t c = l->c[j].cp;
        if (c != '-' && is_dash(c) && (is_digit(l->c[j - 1].cp) ||
                                       range_char(nr, l->c[j - 1].cp)) &&
            is_digit(l->c[j + 1].cp)) {
            l->c[j].cp = '-';
            l->c[j].ident = 0;
            sj_noise_changed(&nr->noise);
        }
    }
    if (is_page_number(l, nr)) {
        *page = 1;
        return 0;
    }
    /* site furniture ([junk_line]: 来源, 浏览次数, 打印, 关闭 ...) */
    if (sj_junk_line(nr->rs, nr->junk_rules, nr->m, l, &nr->noise))
        return 0;
    return 1;
}

/* Short lines seen so far (hashes of their characters, spaces left out),
 * to know a running header (the plan's title repeated at the top of each
 * page) when it comes back after a page number. */
typedef struct {
    uint64_t *h;
    size_t n, cap; /* cap a power of two; 0 is never stored */
} line_set;

static uint64_t line_hash(const lline *l)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < l->n; i++) {
        if (l->c[i].cp == ' ')
            continue;
        h = (h ^ (uint64_t)(uint32_t)l->c[i].cp) * 1099511628211ULL;
    }
    return h ? h : 1;
}

static int line_set_has(const line_set *s, uint64_t h)
{
    if (!s->cap)
        return 0;
    for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (s->h[i] == h)
            return 1;
        if (!s->h[i])
            return 0;
    }
}

static void line_set_add(line_set *s, uint64_t h)
{
    if (line_set_has(s, h))
        return;
    if ((s->n + 1) * 2 > s->cap) {
        line_set old = *s;
        s->cap = s->cap ? s->cap * 2 : 64;
        s->h = xcalloc(s->cap, sizeof *s->h);
        s->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.h[i])
                line_set_add(s, old.h[i]);
        free(old.h);
    }
    size_t i = h & (s->cap - 1);
    while (s->h[i])
        i = (i + 1) & (s->cap - 1);
    s->h[i] = h;
    s->n++;
}

static int is_terminal(int32_t cp);

/* a title-like line: short, not ending a sentence */
static int title_like(const lline *l)
{
    return l->n >= 4 && l->n <= 40 && !is_terminal(l->c[l->n - 1].cp);
}

static void emit(sj_norm *out, sj_buf *b, int32_t cp, uint32_t src, int ident)
{
    sj_norm_map(out, b->data, (uint32_t)b->len, src, ident);
    if (b->len + 4 + 1 > b->cap)
        sj_buf_reserve(b, 4);
    b->len += sj_put_utf8((unsigned char *)b->data + b->len, (uint32_t)cp);
    /* unterminated: sj_normalize ends the text */
}

/* emit for each character of l. A run of identity characters
 * whose sources follow each other is the decoded text's own bytes: the
 * first is mapped (the map counts the rest at its next call), and their
 * bytes are copied from the decoded text as they are (an identity
 * character is its source character unchanged, normalize_int.h). */
static inline uint32_t utf8_len(int32_t cp)
{
    return (uint32_t)cp - 0x800 < 0xF800 ? 3 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : 4;
}

static void emit_line(sj_norm *out, sj_buf *b, const lline *l)
{
    for (size_t j = 0; j < l->n;) {
        const lchar *c = &l->c[j];
        emit(out, b, c->cp, c->src, c->ident);
        j++;
        if (!c->ident)
            continue;
        uint32_t a = c->src + utf8_len(c->cp);
        uint32_t e = a;
        while (j < l->n && l->c[j].ident && l->c[j].src == e) {
            e += utf8_len(l->c[j].cp);
            j++;
        }
        if (e > a) {
            if (b->len + (e - a) + 1 > b->cap)
                sj_buf_reserve(b, e - a);
            memcpy(b->data + b->len, out->src + a, e - a);
            b->len += e - a; /* unterminated, as emit leaves it */
        }
    }
}

/* Starts like a section heading: a [heading] rule matches the line (the
 * rules parse reads sections with, so a new heading shape is seen here
 * too). */
static int starts_heading(const lline *l, norm_rules *nr)
{
    return line_matches(l, nr, nr->heading);
}

static int is_terminal(int32_t cp)
{
    return cp == 0x3002 /* 。 */ || cp == '.' || cp == '!' || cp == '?' ||
           cp == ';' || cp == ':' || cp == ')' || cp == ']' ||
           cp == 0x3011 /* 】 */ || cp == 0x300B /* 》 */ ||
           cp == 0x201D /* ” */ || cp == '"' || cp == 0x2026 /* … */;
}

/* Lines are joined into a paragraph of at most this many bytes: five
 * times the longest paragraph of the seeds. Per-paragraph work (targets
 * looked up among the paragraph's others) then stays bounded on text
 * whose every line looks broken mid-sentence. */
#define MAX_JOINED 16384

/* State of the output between lines: what the page-break join needs. */
typedef struct {
    sj_buf b;          /* the normalized text */
    size_t pending_nl; /* newlines owed since the last content */
    int have_content, prev_joinable;
    int page_between;  /* a page number was dropped since the last content */
    int prev_titlish;  /* the last content line could be a title */
    int prev_complete; /* ... and a [line_complete] rule says it is whole */
    int prev_label;    /* it opens with a [line_label] (指标：2025年…) */
    size_t out_line;   /* where the output line being written starts */
} joiner;

/* Writes a kept, non-empty line: joined to the line before when that one
 * was broken by a page break, else after the newlines owed. */
static void put_line(sj_norm *out, joiner *jn, const lline *l, int table, norm_rules *nr)
{
    /* a short line without closing punctuation (an issuer, a
     * signature) is not the tail of a broken sentence */
    int short_open = l->n < 18 && !is_terminal(l->c[l->n - 1].cp);
    /* Blank lines after a title-like line (short, no , ; : 。
     * in it: a title, then the text) end its paragraph, unless a
     * page break put them there; after an unfinished sentence
     * (加速淘汰高排放、老旧柴油货 | 车,依据…) they are layout. */
    /* a line opening with a label after one that did: an item of a list
     * of such lines (危险废物综合利用率：2025年不低于63%), no broken sentence */
    int label = !table && line_matches(l, nr, nr->line_label);
    int join = jn->have_content && jn->prev_joinable && !table && !short_open &&
               !(label && jn->prev_label) &&
               jn->b.len - jn->out_line < MAX_JOINED &&
               (jn->pending_nl == 1 ||
                (jn->pending_nl <= 8 && (jn->page_between || !jn->prev_titlish))) &&
               !starts_heading(l, nr) &&
               (!jn->prev_complete || line_matches(l, nr, nr->line_continues));
    jn->page_between = 0;
    jn->prev_titlish = title_like(l);
    for (size_t j = 0; j < l->n && jn->prev_titlish; j++)
        jn->prev_titlish = !(l->c[j].cp == ',' || l->c[j].cp == ';' ||
                             l->c[j].cp == ':' || l->c[j].cp == 0x3002);
    if (!join) {
        for (; jn->pending_nl > 0; jn->pending_nl--)
            sj_buf_addc(&jn->b, '\n');
        jn->out_line = jn->b.len;
    }
    jn->pending_nl = 0;
    emit_line(out, &jn->b, l);
    jn->have_content = 1;
    jn->prev_joinable = !table && l->n >= 18 && !is_terminal(l->c[l->n - 1].cp);
    jn->prev_complete = jn->prev_joinable && line_matches(l, nr, nr->line_complete);
    jn->prev_label = label;
}

/* the decoded-text offset of each line start, and the characters before
 * it */
static void map_lines(sj_norm *out, const char *src, size_t len)
{
    size_t cap = 64, chars = 0;
    out->line_starts = xmalloc(cap * sizeof *out->line_starts);
    out->line_chars = xmalloc(cap * sizeof *out->line_chars);
    out->line_starts[0] = out->line_chars[0] = 0;
    out->nlines = 1;
    const char *from = src;
    for (const char *p = src; (p = memchr(p, '\n', (size_t)(src + len - p))) != NULL; p++) {
        if (out->nlines == cap) {
            cap *= 2;
            out->line_starts = xrealloc(out->line_starts, cap * sizeof *out->line_starts);
            out->line_chars = xrealloc(out->line_chars, cap * sizeof *out->line_chars);
        }
        chars += sj_utf8_count(from, (size_t)(p + 1 - from));
        from = p + 1;
        out->line_starts[out->nlines] = (uint32_t)(p - src) + 1;
        out->line_chars[out->nlines++] = (uint32_t)chars;
    }
    out->src_chars = chars + sj_utf8_count(from, (size_t)(src + len - from));
}

/* A table copied from a web page with one cell per line (序号 | 县(市) |
 * 目标(%) | 1 | 某县 | 3.4 | 2 | ...): rows are found by their numbers,
 * "1", "2", "3" ... on every k-th non-blank line (2 <= k <= 8, at least
 * three rows, every cell short); the k lines before row 1 are the header.
 * cont[i] is 1 for each source line i that is the next cell of a row (it
 * is written after a tab instead of on a line of its own), 2 for a row's
 * first cell; NULL when there is no such table. Linear. */
#define CELL_MAX_BYTES 64
static int cell_is(const char *src, const size_t *b, const size_t *e, size_t i, long v)
{
    /* the cell is v's decimal digits (as %ld writes them; v > 0), compared
     * from the last: this runs for every non-blank line of every plan */
    size_t k = e[i];
    do {
        if (k == b[i] || src[k - 1] != (char)('0' + v % 10))
            return 0;
        k--;
    } while (v /= 10);
    return k == b[i];
}

static unsigned char *find_cell_rows(const char *src, size_t len, const sj_norm *out)
{
    size_t nl = out->nlines;
    size_t *b = xmalloc(nl * sizeof *b), *e = xmalloc(nl * sizeof *e);
    size_t *line = xmalloc(nl * sizeof *line);
    size_t nn = 0; /* non-blank lines, trimmed */
    for (size_t i = 0; i < nl; i++) {
        size_t s = out->line_starts[i];
        size_t t = i + 1 < nl ? out->line_starts[i + 1] - 1 : len;
        while (s < t && (src[s] == ' ' || src[s] == '\t' || src[s] == '\r'))
            s++;
        while (t > s && (src[t - 1] == ' ' || src[t - 1] == '\t' || src[t - 1] == '\r'))
            t--;
        if (t > s)
            b[nn] = s, e[nn] = t, line[nn++] = i;
    }
    unsigned char *cont = NULL;
    for (size_t j = 0; j < nn; j++) {
        if (!cell_is(src, b, e, j, 1))
            continue;
        for (size_t k = 2; k <= 8; k++) {
            if (j < k || j + 2 * k >= nn || !cell_is(src, b, e, j + k, 2) ||
                !cell_is(src, b, e, j + 2 * k, 3))
                continue;
            size_t rows = 3;
            while (j + rows * k < nn && cell_is(src, b, e, j + rows * k, (long)rows + 1))
                rows++;
            size_t first = j - k, last = j + rows * k; /* cells [first, last) */
            if (last > nn)
                continue;
            int ok = 1;
            for (size_t c = first; c < last && ok; c++)
                ok = e[c] - b[c] <= CELL_MAX_BYTES;
            if (!ok)
                continue;
            if (!cont)
                cont = xcalloc(nl, 1);
            for (size_t c = first; c < last; c++)
                cont[line[c]] = (c - first) % k ? 1 : 2;
            j = last - 1;
            break;
        }
    }
    free(b);
    free(e);
    free(line);
    return cont;
}

/* normalize's per-thread state, kept by the matcher (normalize_int.h) */
static sj_norm_state *norm_state(sj_matcher *m)
{
    if (!m->norm) {
        m->norm = xcalloc(1, sizeof(sj_norm_state));
        m->norm_free = sj_norm_state_free;
    }
    return m->norm;
}

/* Every map entry made for a line points into that line (nfkc_line's
 * sources start at the line's offset): what lies before the line being
 * read is not read again, so with `consume` it is given back a megabyte
 * or more at a time. */
#define RELEASE_STEP ((size_t)1 << 20)

static void normalize(const char *src, size_t len, const sj_ruleset *rs,
                      sj_matcher *m, sj_norm *out, char *consume)
{
    memset(out, 0, sizeof *out);
    out->src = src;
    out->src_len = len;
    map_lines(out, src, len);

    joiner jn = {0};
    sj_buf_reserve(&jn.b, len + 16);
    lline l = {0};
    unsigned char *keep = NULL;
    size_t keepcap = 0;
    int after_page = 0;
    line_set shorts = {0};
    norm_rules nr = {.rs = rs, .m = m};
    if (rs) {
        nr.heading = sj_rules_first(rs, "heading");
        nr.page_number = sj_rules_first(rs, "page_number");
        nr.line_complete = sj_rules_first(rs, "line_complete");
        nr.line_continues = sj_rules_first(rs, "line_continues");
        nr.line_label = sj_rules_first(rs, "line_label");
        nr.noise_rules = sj_rules_first(rs, "noise");
        nr.junk_rules = sj_rules_first(rs, "junk_line");
    }
    /* traditional script: converted when the [script] rules flag the text */
    uint32_t *nfkc = NULL;
    if (m) {
        sj_norm_state *st = norm_state(m);
        if (!st->nfkc)
            st->nfkc = xcalloc(0x10000, sizeof *st->nfkc);
        nfkc = st->nfkc;
    }
    const char *config = sj_script_detect(src, len, rs, m);
    sj_script *script = config ? sj_script_for(norm_state(m), config) : NULL;
    if (rs)
        SJ_FOR_KIND(rs, "range_dash", r)
            if (nr.nrange < MAX_RANGE_CHARS)
                sj_utf8_decode(r->pattern, strlen(r->pattern), &nr.range_after[nr.nrange++]);
    unsigned char *cell_cont = find_cell_rows(src, len, out);
    size_t lineno = 0;
    size_t pos = 0, released = 0;
    while (pos <= len) {
        if (consume && pos - released >= RELEASE_STEP) {
            sj_mem_release(consume + released, pos - released);
            released = pos;
        }
        const char *nl = memchr(src + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - src) : len;
        int cell = cell_cont ? cell_cont[lineno] : 0;
        lineno++;
        l.n = 0;
        nfkc_line(src + pos, end - pos, (uint32_t)pos, &l, nfkc);
        if (script)
            sj_script_line(script, &l);
        int table = 0;
        int page = 0;
        int keepit = clean_line(&l, &table, &page, &keep, &keepcap, &nr);
        if (cell && page) /* a row number, not a page number */
            keepit = 1, page = 0;
        if (cell == 1 && jn.have_content) {
            /* the next cell of a row copied one cell per line */
            jn.pending_nl = 0;
            sj_buf_addc(&jn.b, '\t');
            if (keepit)
                emit_line(out, &jn.b, &l);
            jn.prev_joinable = jn.prev_complete = 0;
            if (nl)
                jn.pending_nl = 1;
            if (!nl)
                break;
            pos = end + 1;
            continue;
        }
        table |= cell == 2;
        if (keepit && l.n > 0 && !table && title_like(&l)) {
            uint64_t h = line_hash(&l);
            /* the title again at the top of a page: layout, not text */
            if (after_page && line_set_has(&shorts, h))
                keepit = 0;
            else
                line_set_add(&shorts, h);
        }
        if (page)
            after_page = jn.page_between = 1;
        if (!keepit || l.n == 0) {
            if (nl)
                jn.pending_nl++;
        } else {
            after_page = 0;
            put_line(out, &jn, &l, table, &nr);
            if (nl)
                jn.pending_nl = 1;
        }
        if (!nl)
            break;
        pos = end + 1;
    }
    if (jn.have_content)
        sj_buf_addc(&jn.b, '\n');
    free(l.c);
    free(keep);
    free(shorts.h);
    free(cell_cont);
    sj_noise_scratch_free(&nr.noise);
    /* the text and its map live as long as the document: give back what
     * doubling reserved (up to half of each) */
    out->len = jn.b.len;
    out->text = xrealloc(jn.b.data, jn.b.len + 1);
    out->text[out->len] = '\0'; /* emit does not terminate */
    sj_norm_seal(out); /* the map settled against the text's end; packed */
}

void sj_normalize(const char *src, size_t len, const sj_ruleset *rs,
                  sj_matcher *m, sj_norm *out)
{
    normalize(src, len, rs, m, out, NULL);
}

void sj_normalize_consuming(char *src, size_t len, const sj_ruleset *rs,
                            sj_matcher *m, sj_norm *out)
{
    normalize(src, len, rs, m, out, src);
}
