/* odf_numbering.c - OpenDocument list and outline numbering as text; see
 * numbering.h. Every lookup climbs the list ancestors of one paragraph,
 * at most as deep as libxml2 lets a document nest (256). */
#include <string.h>
#include "numbering.h"

#define OLVL 10

typedef struct {
    rd_numfmt f;     /* F_NONE: no number (bullet, or no format) */
    char *prefix, *suffix;
    int start, display;
} olevel;

typedef struct {
    char *name;      /* style:name; NULL for the outline style */
    int seq;         /* order of loading: of equal names the last counts */
    olevel lv[OLVL];
    int cnt[OLVL], used[OLVL];
} ostyle;

struct rd_odf_lists {
    const sj_read_rules *rules;
    ostyle *s;       /* list styles, sorted by (name, seq) before lookups */
    int n, cap, sorted;
    ostyle *outline; /* the outline style, NULL none */
};

rd_odf_lists *rd_odf_lists_new(const sj_read_rules *rules)
{
    rd_odf_lists *l = xcalloc(1, sizeof *l);
    l->rules = rules;
    return l;
}

static void free_style(ostyle *s)
{
    free(s->name);
    for (int k = 0; k < OLVL; k++) {
        free(s->lv[k].prefix);
        free(s->lv[k].suffix);
    }
}

void rd_odf_lists_free(rd_odf_lists *l)
{
    if (!l)
        return;
    for (int i = 0; i < l->n; i++)
        free_style(&l->s[i]);
    free(l->s);
    if (l->outline)
        free_style(l->outline);
    free(l->outline);
    free(l);
}

static rd_numfmt fmt_of(const sj_read_rules *r, const char *s)
{
    if (!s || !*s)
        return F_NONE;
    if (strcmp(s, "a") == 0) return F_LOWER_LETTER;
    if (strcmp(s, "A") == 0) return F_UPPER_LETTER;
    if (strcmp(s, "i") == 0) return F_LOWER_ROMAN;
    if (strcmp(s, "I") == 0) return F_UPPER_ROMAN;
    int32_t cp;
    if (sj_utf8_decode(s, strlen(s), &cp) <= 0)
        return F_DECIMAL;
    if (cp == r->cn_digits[1]) return F_CHINESE;
    if (cp == r->tiangan[0]) return F_TIANGAN;
    if (cp == r->dizhi[0]) return F_DIZHI;
    if (cp == 0x2460) return F_CIRCLE;
    if (cp == 0x2474) return F_PAREN;
    if (cp == 0x2488) return F_FULLSTOP;
    if (cp == 0xff11) return F_FULLWIDTH;
    return F_DECIMAL;
}

static char *dup_attr(xmlNode *n, const char *name)
{
    char *v = rd_attr(n, name);
    char *r = v ? xstrdup(v) : NULL;
    xmlFree(v);
    return r;
}

static int int_attr(xmlNode *n, const char *name, int dflt)
{
    char *v = rd_attr(n, name);
    int r = v ? atoi(v) : dflt;
    xmlFree(v);
    return r;
}

static void add_style(rd_odf_lists *l, xmlNode *st, int outline)
{
    ostyle *o;
    char *name = outline ? NULL : dup_attr(st, "name");
    if (!outline && !name)
        return;
    if (outline) {
        if (l->outline)
            free_style(l->outline);
        else
            l->outline = xmalloc(sizeof *l->outline);
        o = l->outline;
    } else {
        SJ_GROW(l->s, l->n, l->cap);
        o = &l->s[l->n];
        l->sorted = 0;
    }
    memset(o, 0, sizeof *o);
    o->name = name;
    if (!outline)
        o->seq = l->n++;
    for (int k = 0; k < OLVL; k++)
        o->lv[k].f = F_NONE;
    for (xmlNode *c = st->children; c; c = c->next) {
        int number = rd_is(c, "list-level-style-number") || rd_is(c, "outline-level-style");
        if (!number)
            continue;
        int k = int_attr(c, "level", 0) - 1;
        if (k < 0 || k >= OLVL)
            continue;
        olevel *lv = &o->lv[k];
        char *f = rd_attr(c, "num-format");
        lv->f = fmt_of(l->rules, f);
        xmlFree(f);
        free(lv->prefix);
        free(lv->suffix);
        lv->prefix = dup_attr(c, "num-prefix");
        lv->suffix = dup_attr(c, "num-suffix");
        lv->start = int_attr(c, "start-value", 1);
        if (lv->start < 0 || lv->start > 1000000)
            lv->start = 1;
        lv->display = int_attr(c, "display-levels", 1);
    }
}

void rd_odf_lists_add(rd_odf_lists *l, xmlDoc *d)
{
    xmlNode *root = xmlDocGetRootElement(d);
    for (xmlNode *c = root; c;) {
        int skip = 0;
        if (rd_is(c, "list-style") || rd_is(c, "outline-style")) {
            add_style(l, c, rd_is(c, "outline-style"));
            skip = 1;
        } else if (c->type != XML_ELEMENT_NODE || rd_is(c, "body")) {
            skip = 1;
        }
        c = rd_next(c, root, skip);
    }
}

static int cmp_style(const void *x, const void *y)
{
    const ostyle *p = x, *q = y;
    int c = strcmp(p->name, q->name);
    return c ? c : p->seq - q->seq;
}

/* the list style named name (the last loaded of that name), NULL none */
static ostyle *find(rd_odf_lists *l, const char *name)
{
    if (!l->sorted && l->n)
        qsort(l->s, (size_t)l->n, sizeof *l->s, cmp_style);
    l->sorted = 1;
    int lo = 0, hi = l->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(l->s[mid].name, name) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && strcmp(l->s[lo - 1].name, name) == 0 ? &l->s[lo - 1] : NULL;
}

/* the style of a list: its own style-name, else its nearest list ancestor's */
static ostyle *list_style(rd_odf_lists *l, xmlNode *list)
{
    for (xmlNode *a = list; a; a = a->parent)
        if (rd_is(a, "list")) {
            char *nm = rd_attr(a, "style-name");
            ostyle *s = nm ? find(l, nm) : NULL;
            xmlFree(nm);
            if (s)
                return s;
        }
    return NULL;
}

void rd_odf_list_enter(rd_odf_lists *l, xmlNode *list)
{
    for (xmlNode *a = list->parent; a; a = a->parent)
        if (rd_is(a, "list"))
            return; /* nested: its level is counted with the outer list */
    char *cont = rd_attr(list, "continue-numbering"), *cl = rd_attr(list, "continue-list");
    int keep = (cont && strcmp(cont, "true") == 0) || cl;
    xmlFree(cont);
    xmlFree(cl);
    ostyle *s = list_style(l, list);
    if (s && !keep)
        memset(s->used, 0, sizeof s->used);
}

static void count(ostyle *s, int k, int start_value, sj_buf *out, const sj_read_rules *r)
{
    if (start_value > 1000000)
        start_value = 1000000;
    if (start_value > 0) {
        s->cnt[k] = start_value;
        s->used[k] = 1;
    } else if (!s->used[k]) {
        s->cnt[k] = s->lv[k].start;
        s->used[k] = 1;
    } else if (s->cnt[k] < 100000000) {
        s->cnt[k]++;
    }
    for (int d = k + 1; d < OLVL; d++)
        s->used[d] = 0;
    const olevel *lv = &s->lv[k];
    if (lv->f == F_NONE)
        return;
    int from = k - (lv->display > 0 ? lv->display : 1) + 1;
    if (from < 0)
        from = 0;
    if (lv->prefix)
        sj_buf_adds(out, lv->prefix);
    for (int d = from; d <= k; d++) {
        if (d > from)
            sj_buf_addc(out, '.');
        rd_number_format(r, s->lv[d].f == F_NONE ? F_DECIMAL : s->lv[d].f,
                         s->used[d] ? s->cnt[d] : s->lv[d].start, out);
    }
    if (lv->suffix)
        sj_buf_adds(out, lv->suffix);
}

void rd_odf_label(rd_odf_lists *l, xmlNode *p, sj_buf *out)
{
    for (xmlNode *c = p->children; c; c = c->next)
        if (rd_is(c, "number"))
            return; /* the application wrote the number */
    xmlNode *item = p->parent;
    if (rd_is(item, "list-item")) {
        for (xmlNode *c = item->children; c && c != p; c = c->next)
            if (rd_is(c, "p") || rd_is(c, "h"))
                return; /* only the item's first paragraph is numbered */
        int level = 0;
        for (xmlNode *a = item; a; a = a->parent)
            level += rd_is(a, "list");
        ostyle *s = list_style(l, item->parent);
        if (!s || level < 1 || level > OLVL)
            return;
        int sv = int_attr(item, "start-value", 0);
        count(s, level - 1, sv, out, l->rules);
        return;
    }
    if (rd_is(p, "h")) {
        int level = int_attr(p, "outline-level", 0);
        ostyle *s = l->outline;
        if (s && level >= 1 && level <= OLVL)
            count(s, level - 1, 0, out, l->rules);
    }
}
