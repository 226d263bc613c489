/* numbering.c - Word's automatic numbering as text; see numbering.h. */
#include <stdio.h>
#include <string.h>
#include "numbering.h"

#define NLVL 9

typedef rd_numfmt fmt;

typedef struct {
    int start, restart; /* restart: -1 default (after any higher level), 0 never, n after level n */
    fmt f;
    char *text;         /* lvlText, NULL when absent */
    int suff_space;
} level;

typedef struct {
    int id, seq;        /* seq: order in the file; of equal ids the last counts */
    char *style_link, *num_style_link; /* a list style's definition / a use of it */
    level lv[NLVL];
    int cnt[NLVL];      /* last value given, 0 none yet */
    int used[NLVL];
} abstract;

typedef struct {
    int id, seq, abs;   /* abs: index into abstracts */
    int override[NLVL]; /* startOverride, -1 none */
    int seen;
} num;

struct rd_numbering {
    const sj_read_rules *rules;
    abstract *a;
    int na, capa;
    num *n;
    int nn, capn;
};

static fmt fmt_of(const char *s)
{
    static const struct { const char *name; fmt f; } T[] = {
        {"decimal", F_DECIMAL}, {"decimalZero", F_DECIMAL_ZERO},
        {"decimalFullWidth", F_FULLWIDTH}, {"decimalFullWidth2", F_FULLWIDTH},
        {"decimalEnclosedCircle", F_CIRCLE}, {"decimalEnclosedCircleChinese", F_CIRCLE},
        {"decimalEnclosedParen", F_PAREN}, {"decimalEnclosedFullstop", F_FULLSTOP},
        {"chineseCounting", F_CHINESE}, {"chineseCountingThousand", F_CHINESE},
        {"chineseLegalSimplified", F_CHINESE}, {"japaneseCounting", F_CHINESE},
        {"taiwaneseCounting", F_CHINESE}, {"taiwaneseCountingThousand", F_CHINESE},
        {"ideographTraditional", F_TIANGAN}, {"ideographZodiac", F_DIZHI},
        {"lowerLetter", F_LOWER_LETTER}, {"upperLetter", F_UPPER_LETTER},
        {"lowerRoman", F_LOWER_ROMAN}, {"upperRoman", F_UPPER_ROMAN},
        {"bullet", F_BULLET}, {"none", F_NONE},
    };
    for (size_t i = 0; s && i < sizeof T / sizeof T[0]; i++)
        if (strcmp(s, T[i].name) == 0)
            return T[i].f;
    return F_DECIMAL;
}

static int ival(xmlNode *n, int dflt)
{
    char *v = rd_attr(n, "val");
    int r = v ? atoi(v) : dflt;
    xmlFree(v);
    return r;
}

static xmlNode *child(xmlNode *n, const char *local)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (rd_is(c, local))
            return c;
    return NULL;
}

/* Lookups are binary searches over arrays sorted by (key, seq): a hostile
 * numbering.xml with many lists costs n log n, not n squared. */
static int cmp_abs(const void *x, const void *y)
{
    const abstract *p = x, *q = y;
    return p->id != q->id ? (p->id < q->id ? -1 : 1) : p->seq - q->seq;
}

static int cmp_num(const void *x, const void *y)
{
    const num *p = x, *q = y;
    return p->id != q->id ? (p->id < q->id ? -1 : 1) : p->seq - q->seq;
}

/* the index of the last element with key id in a sorted array, -1 none */
#define LAST_WITH_ID(arr, n, key, out)                                        \
    do {                                                                      \
        int lo_ = 0, hi_ = (n);                                               \
        while (lo_ < hi_) {                                                   \
            int mid_ = lo_ + (hi_ - lo_) / 2;                                 \
            if ((arr)[mid_].id <= (key))                                      \
                lo_ = mid_ + 1;                                               \
            else                                                              \
                hi_ = mid_;                                                   \
        }                                                                     \
        (out) = lo_ > 0 && (arr)[lo_ - 1].id == (key) ? lo_ - 1 : -1;         \
    } while (0)

static int link_before(const abstract *a, int x, int y)
{
    int c = strcmp(a[x].style_link, a[y].style_link);
    return c ? c < 0 : a[x].seq < a[y].seq;
}

/* merge sort of the indices in v by (style_link, seq) */
static void sort_links(const abstract *a, int *v, int n)
{
    if (n < 2)
        return;
    int *tmp = xmalloc((size_t)n * sizeof *tmp);
    for (int w = 1; w < n; w *= 2) {
        for (int lo = 0; lo < n; lo += 2 * w) {
            int mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            int i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = link_before(a, v[j], v[i]) ? v[j++] : v[i++];
            while (i < mid)
                tmp[k++] = v[i++];
            while (j < hi)
                tmp[k++] = v[j++];
        }
        memcpy(v, tmp, (size_t)n * sizeof *v);
    }
    free(tmp);
}

/* the last list defining style `name`, -1 none */
static int find_link(const abstract *a, const int *v, int n, const char *name)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(a[v[mid]].style_link, name) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && strcmp(a[v[lo - 1]].style_link, name) == 0 ? v[lo - 1] : -1;
}

rd_numbering *rd_numbering_new(xmlDoc *d, const sj_read_rules *rules)
{
    rd_numbering *nb = xcalloc(1, sizeof *nb);
    nb->rules = rules;
    xmlNode *root = xmlDocGetRootElement(d);
    for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (!rd_is(c, "abstractNum"))
            continue;
        SJ_GROW(nb->a, nb->na, nb->capa);
        abstract *a = &nb->a[nb->na];
        memset(a, 0, sizeof *a);
        a->seq = nb->na++;
        char *id = rd_attr(c, "abstractNumId");
        a->id = id ? atoi(id) : -1;
        xmlFree(id);
        char *sl = rd_attr(child(c, "styleLink"), "val"), *nsl = rd_attr(child(c, "numStyleLink"), "val");
        a->style_link = sl ? xstrdup(sl) : NULL;
        a->num_style_link = nsl ? xstrdup(nsl) : NULL;
        xmlFree(sl);
        xmlFree(nsl);
        for (int i = 0; i < NLVL; i++) {
            a->lv[i].start = 1;
            a->lv[i].restart = -1;
        }
        for (xmlNode *l = c->children; l; l = l->next) {
            if (!rd_is(l, "lvl"))
                continue;
            char *il = rd_attr(l, "ilvl");
            int i = il ? atoi(il) : -1;
            xmlFree(il);
            if (i < 0 || i >= NLVL)
                continue;
            level *lv = &a->lv[i];
            lv->start = ival(child(l, "start"), 1);
            if (lv->start < 0 || lv->start > 1000000)
                lv->start = 1;
            xmlNode *rs = child(l, "lvlRestart");
            lv->restart = rs ? ival(rs, -1) : -1;
            char *f = rd_attr(child(l, "numFmt"), "val");
            lv->f = fmt_of(f);
            xmlFree(f);
            char *t = rd_attr(child(l, "lvlText"), "val");
            free(lv->text);
            lv->text = t ? xstrdup(t) : NULL;
            xmlFree(t);
            char *s = rd_attr(child(l, "suff"), "val");
            lv->suff_space = !s || strcmp(s, "nothing") != 0;
            xmlFree(s);
        }
    }
    if (nb->na)
        qsort(nb->a, (size_t)nb->na, sizeof *nb->a, cmp_abs);
    /* the lists defining list styles, by style name */
    int *links = xmalloc(((size_t)nb->na + 1) * sizeof *links), nlinks = 0;
    for (int i = 0; i < nb->na; i++)
        if (nb->a[i].style_link)
            links[nlinks++] = i;
    sort_links(nb->a, links, nlinks);
    for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (!rd_is(c, "num"))
            continue;
        char *id = rd_attr(c, "numId");
        int nid = id ? atoi(id) : -1;
        xmlFree(id);
        int aid = ival(child(c, "abstractNumId"), -1), ai;
        LAST_WITH_ID(nb->a, nb->na, aid, ai);
        if (ai < 0)
            continue;
        /* numStyleLink: the levels are those of the list defining the style */
        if (nb->a[ai].num_style_link) {
            int li = find_link(nb->a, links, nlinks, nb->a[ai].num_style_link);
            if (li >= 0)
                ai = li;
        }
        SJ_GROW(nb->n, nb->nn, nb->capn);
        num *n = &nb->n[nb->nn];
        memset(n, 0, sizeof *n);
        n->seq = nb->nn++;
        n->id = nid;
        n->abs = ai;
        for (int i = 0; i < NLVL; i++)
            n->override[i] = -1;
        for (xmlNode *o = c->children; o; o = o->next) {
            if (!rd_is(o, "lvlOverride"))
                continue;
            char *il = rd_attr(o, "ilvl");
            int i = il ? atoi(il) : -1;
            xmlFree(il);
            xmlNode *so = child(o, "startOverride");
            if (i >= 0 && i < NLVL && so) {
                int v = ival(so, 1);
                n->override[i] = v < 0 || v > 1000000 ? 1 : v;
            }
        }
    }
    free(links);
    if (nb->nn)
        qsort(nb->n, (size_t)nb->nn, sizeof *nb->n, cmp_num);
    return nb;
}

void rd_numbering_free(rd_numbering *nb)
{
    if (!nb)
        return;
    for (int i = 0; i < nb->na; i++) {
        for (int l = 0; l < NLVL; l++)
            free(nb->a[i].lv[l].text);
        free(nb->a[i].style_link);
        free(nb->a[i].num_style_link);
    }
    free(nb->a);
    free(nb->n);
    free(nb);
}

static void put_cp(sj_buf *b, int32_t cp)
{
    char u[4];
    sj_buf_add(b, u, sj_utf8_encode(cp, u));
}

static void chinese(const sj_read_rules *r, int n, sj_buf *b)
{
    if (n <= 0 || n > 9999) {
        sj_buf_addf(b, "%d", n);
        return;
    }
    int d[4] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
    int started = 0, zero = 0;
    for (int i = 0; i < 4; i++) {
        if (d[i] == 0) {
            zero = started;
            continue;
        }
        if (zero)
            put_cp(b, r->cn_digits[0]);
        zero = 0;
        if (!(i == 2 && d[i] == 1 && !started)) /* 十一, not 一十一 */
            put_cp(b, r->cn_digits[d[i]]);
        if (i < 3)
            put_cp(b, r->cn_units[2 - i]);
        started = 1;
    }
}

static void roman(int n, int upper, sj_buf *b)
{
    static const int v[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *s[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
    if (n <= 0 || n > 3999) {
        sj_buf_addf(b, "%d", n);
        return;
    }
    for (int i = 0; i < 13; i++)
        while (n >= v[i]) {
            for (const char *p = s[i]; *p; p++)
                sj_buf_addc(b, upper ? (char)(*p - 32) : *p);
            n -= v[i];
        }
}

void rd_number_format(const sj_read_rules *r, rd_numfmt f, int n, sj_buf *b)
{
    switch (f) {
    case F_DECIMAL_ZERO: sj_buf_addf(b, "%02d", n); return;
    case F_FULLWIDTH:
        if (n >= 0) {
            char d[16];
            snprintf(d, sizeof d, "%d", n);
            for (char *p = d; *p; p++)
                put_cp(b, 0xff10 + (*p - '0'));
            return;
        }
        break;
    case F_CIRCLE: if (n >= 1 && n <= 20) { put_cp(b, 0x2460 + n - 1); return; } break;
    case F_PAREN: if (n >= 1 && n <= 20) { put_cp(b, 0x2474 + n - 1); return; } break;
    case F_FULLSTOP: if (n >= 1 && n <= 20) { put_cp(b, 0x2488 + n - 1); return; } break;
    case F_CHINESE: chinese(r, n, b); return;
    case F_TIANGAN: if (n >= 1 && n <= 10) { put_cp(b, r->tiangan[n - 1]); return; } break;
    case F_DIZHI: if (n >= 1 && n <= 12) { put_cp(b, r->dizhi[n - 1]); return; } break;
    case F_LOWER_LETTER:
    case F_UPPER_LETTER:
        if (n >= 1 && n <= 780) { /* a..z, aa..zz, ... as Word repeats the letter */
            char c = (char)((f == F_LOWER_LETTER ? 'a' : 'A') + (n - 1) % 26);
            for (int i = 0; i <= (n - 1) / 26; i++)
                sj_buf_addc(b, c);
            return;
        }
        break;
    case F_LOWER_ROMAN: roman(n, 0, b); return;
    case F_UPPER_ROMAN: roman(n, 1, b); return;
    case F_NONE: return;
    case F_BULLET: return; /* the bullet is lvlText itself */
    default: break;
    }
    sj_buf_addf(b, "%d", n);
}

void rd_numbering_label(rd_numbering *nb, int numId, int ilvl, sj_buf *out)
{
    if (!nb || numId <= 0 || ilvl < 0 || ilvl >= NLVL)
        return;
    int ni;
    LAST_WITH_ID(nb->n, nb->nn, numId, ni);
    if (ni < 0)
        return;
    num *n = &nb->n[ni];
    abstract *a = &nb->a[n->abs];
    if (!n->seen) {
        n->seen = 1;
        for (int l = 0; l < NLVL; l++)
            if (n->override[l] >= 0) {
                a->cnt[l] = n->override[l] - 1;
                a->used[l] = 1;
            }
    }
    if (!a->used[ilvl]) {
        a->cnt[ilvl] = a->lv[ilvl].start;
        a->used[ilvl] = 1;
    } else if (a->cnt[ilvl] < 100000000) {
        a->cnt[ilvl]++;
    }
    for (int l = ilvl + 1; l < NLVL; l++) {
        int rs = a->lv[l].restart;
        if (rs < 0 || (rs > 0 && ilvl + 1 <= rs))
            a->used[l] = 0;
    }
    const level *lv = &a->lv[ilvl];
    if (!lv->text)
        return;
    size_t before = out->len;
    for (const char *p = lv->text; *p; p++) {
        if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
            int k = p[1] - '1';
            int v = a->used[k] ? a->cnt[k] : a->lv[k].start;
            rd_number_format(nb->rules, a->lv[k].f, v, out);
            p++;
        } else {
            sj_buf_addc(out, *p);
        }
    }
    if (out->len > before && lv->suff_space)
        sj_buf_addc(out, ' ');
}
