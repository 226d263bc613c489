/* html.c - reads a portal page (.html/.htm/.shtml): the article, not the page.
 *
 * Promises: the page is converted to UTF-8 first (charset.c); libxml2's
 * HTML parser (recover, no network). Never recursive on
 * the document's depth: every walk is iterative.
 * The article is found by one general rule: text is credited to its
 * nearest container (div, td, section, article, main, ul, ol, table, body,
 * ...), text inside links, script, style, nav, header, footer, aside,
 * form and the like not at all; the container with the most CJK
 * characters is the article, and its same-tag siblings with at least a
 * fifth of its text join it; when the winner is a paragraph written as a
 * <div> of its own with at least two such siblings holding a quarter more
 * text, their parent is the article; the last h1-h3 before it (within its
 * grandparent, also inside a <header>) is its title line. <p>, <br>, <div>, <li>, headings end
 * lines; a table row is one line, cells tab-separated (inside a cell,
 * paragraphs, breaks and nested tables become spaces). A page nested
 * deeper than libxml2's 256 levels is an error. Anchors are
 * "line N", N the line of the HTML source where the text line starts.
 * Metadata: any table cell that starts with a label of read.rules
 * (发文字号, 成文日期, 发布机构, 索引号, 标题...) gives the value after the
 * label's colon or in the next cell; such tables are not part of the text.
 * Fields still empty are taken from <meta name=...> tags that read.rules
 * names (ArticleTitle, PubDate, ContentSource of government portals).
 */
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include "read_int.h"

#define RD_MAX_META_TABLES 16

typedef struct {
    size_t sub;    /* CJK characters below, outside links and skipped elements */
    size_t credit; /* CJK characters of text whose nearest container this is */
} score;

static int name_in(xmlNode *n, const char *const *list)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return 0;
    for (; *list; list++)
        if (strcasecmp((const char *)n->name, *list) == 0)
            return 1;
    return 0;
}

static const char *const SKIP[] = {"script", "style", "noscript", "nav", "header", "footer",
    "aside", "form", "select", "button", "iframe", "template", "head", "title", "object",
    "svg", "map", "textarea", "option", NULL};
static const char *const CONTAINER[] = {"div", "td", "th", "section", "article", "main",
    "body", "ul", "ol", "table", "tbody", "tr", "dl", "center", "html", "fieldset", NULL};
static const char *const BLOCK[] = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "main", "blockquote", "pre", "dd", "dt", "ul", "ol", "dl", "table",
    "center", "address", "figure", "figcaption", "hr", "body", NULL};
static const char *const HEADINGS[] = {"h1", "h2", "h3", NULL};

/* --- iterative walks ------------------------------------------------------ */

typedef int (*enter_fn)(void *ctx, xmlNode *n);  /* 1: descend */
typedef void (*leave_fn)(void *ctx, xmlNode *n);

static void walk(xmlNode *root, enter_fn enter, leave_fn leave, void *ctx)
{
    xmlNode *n = root;
    while (n) {
        if (enter(ctx, n) && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (leave)
                leave(ctx, n);
            if (n == root)
                return;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

static size_t cjk_count(const char *s)
{
    size_t n = 0, len = strlen(s);
    while (len) {
        int32_t cp;
        int k = sj_utf8_decode(s, len, &cp);
        if (k <= 0)
            k = 1;
        else if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
                 (cp >= 0x20000 && cp <= 0x3134f))
            n++;
        s += k;
        len -= (size_t)k;
    }
    return n;
}

typedef struct {
    score *sc;
    int nsc, capsc;
    xmlNode *best;
    size_t best_credit;
} score_ctx;

static score *sc_of(score_ctx *x, xmlNode *n)
{
    return n && n->_private ? &x->sc[(intptr_t)n->_private - 1] : NULL;
}

static int score_enter(void *c, xmlNode *n)
{
    score_ctx *x = c;
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    SJ_GROW(x->sc, x->nsc, x->capsc);
    x->sc[x->nsc] = (score){0, 0};
    n->_private = (void *)(intptr_t)(++x->nsc);
    return !name_in(n, SKIP) && strcasecmp((const char *)n->name, "a") != 0;
}

static void score_leave(void *c, xmlNode *n)
{
    score_ctx *x = c;
    score *me = sc_of(x, n);
    size_t add = 0;
    if (n->type == XML_TEXT_NODE && n->content)
        add = cjk_count((const char *)n->content);
    else if (me)
        add = name_in(n, SKIP) || strcasecmp((const char *)n->name, "a") == 0 ? 0 : me->sub;
    if (me && name_in(n, CONTAINER) && me->credit > x->best_credit) {
        x->best = n;
        x->best_credit = me->credit;
    }
    score *p = sc_of(x, n->parent);
    if (!p)
        return;
    p->sub += add;
    if (n->type == XML_TEXT_NODE || !name_in(n, CONTAINER))
        p->credit += add; /* the parent credits this text only if it is its container */
}

/* credit of a container: the sub of its non-container children. The sum in
 * score_leave adds a child's sub when the child is not a container, which
 * is exactly that. */

/* a container holding only text and inline elements: a paragraph */
static int para_like(xmlNode *n)
{
    if (!name_in(n, CONTAINER))
        return 0;
    for (xmlNode *c = n->children; c; c = c->next)
        if (name_in(c, CONTAINER) || name_in(c, BLOCK))
            return 0;
    return 1;
}

/* --- text output ----------------------------------------------------------- */

typedef struct {
    rd_out *o;
    sj_buf line;
    long line_no;
    int cell;             /* cells so far in this row */
    int in_cell;          /* depth of td/th: inside a cell nothing ends the line */
    xmlNode **skip_tables;
    int nskip;
} text_ctx;

static void flush(text_ctx *t)
{
    if (t->line.len) {
        char anchor[32];
        snprintf(anchor, sizeof anchor, "line %ld", t->line_no);
        rd_line(t->o, t->line.data, t->line.len, anchor);
    }
    t->line.len = 0;
    if (t->line.data)
        t->line.data[0] = 0;
    t->line_no = 0;
}

static void add_text(text_ctx *t, xmlNode *n)
{
    const char *s = (const char *)n->content;
    int space = t->line.len > 0 && t->line.data[t->line.len - 1] == ' ';
    for (; s && *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\f') {
            if (!space && t->line.len)
                sj_buf_addc(&t->line, ' ');
            space = 1;
            continue;
        }
        if (!t->line_no)
            t->line_no = xmlGetLineNo(n);
        sj_buf_addc(&t->line, *s);
        space = 0;
    }
}

static int is_cell(const char *nm)
{
    return strcasecmp(nm, "td") == 0 || strcasecmp(nm, "th") == 0;
}

static void space(text_ctx *t)
{
    if (t->line.len && t->line.data[t->line.len - 1] != ' ' && t->line.data[t->line.len - 1] != '\t')
        sj_buf_addc(&t->line, ' ');
}

static int text_enter(void *c, xmlNode *n)
{
    text_ctx *t = c;
    if (n->type == XML_TEXT_NODE) {
        add_text(t, n);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE || name_in(n, SKIP))
        return 0;
    for (int i = 0; i < t->nskip; i++)
        if (t->skip_tables[i] == n)
            return 0;
    const char *nm = (const char *)n->name;
    if (t->in_cell) { /* a cell is one field of its row: breaks become spaces */
        if (is_cell(nm))
            t->in_cell++;
        if (strcasecmp(nm, "br") == 0 || is_cell(nm) || name_in(n, BLOCK))
            space(t);
        return 1;
    }
    if (strcasecmp(nm, "br") == 0) {
        flush(t);
    } else if (strcasecmp(nm, "tr") == 0) {
        flush(t);
        t->cell = 0;
    } else if (is_cell(nm)) {
        while (t->line.len && t->line.data[t->line.len - 1] == ' ')
            t->line.data[--t->line.len] = 0; /* a space a block left at the cell's end */
        if (t->cell++)
            sj_buf_addc(&t->line, '\t');
        t->in_cell = 1;
    } else if (name_in(n, BLOCK)) {
        flush(t);
    }
    return 1;
}

static void text_leave(void *c, xmlNode *n)
{
    text_ctx *t = c;
    if (n->type != XML_ELEMENT_NODE)
        return;
    const char *nm = (const char *)n->name;
    if (t->in_cell) {
        if (is_cell(nm))
            t->in_cell--;
        else if (name_in(n, BLOCK))
            space(t);
        return;
    }
    if (strcasecmp(nm, "tr") == 0 || name_in(n, BLOCK))
        flush(t);
}

/* --- metadata --------------------------------------------------------------- */

typedef struct {
    sj_buf b;
    xmlNode *cell;
} cell_ctx;

static int cell_enter(void *c, xmlNode *n)
{
    cell_ctx *x = c;
    if (n->type == XML_TEXT_NODE && n->content && x->b.len < 400) {
        for (const char *s = (const char *)n->content; *s; s++)
            if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
                if (x->b.len && x->b.data[x->b.len - 1] != ' ')
                    sj_buf_addc(&x->b, ' ');
            } else {
                sj_buf_addc(&x->b, *s);
            }
        return 0;
    }
    return n->type == XML_ELEMENT_NODE && !name_in(n, SKIP) &&
           (n == x->cell || strcasecmp((const char *)n->name, "table") != 0);
}

static char *cell_text(xmlNode *cell)
{
    cell_ctx x = {{0}, cell};
    walk(cell, cell_enter, NULL, &x);
    char *r = rd_trimdup(x.b.data);
    sj_buf_free(&x.b);
    /* NBSP and ideographic spaces around a label: drop them */
    if (r) {
        char *w = r;
        for (char *s = r; *s;) {
            if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
                s += 2;
            else if ((unsigned char)s[0] == 0xe3 && (unsigned char)s[1] == 0x80 &&
                     (unsigned char)s[2] == 0x80)
                s += 3;
            else
                *w++ = *s++;
        }
        *w = 0;
    }
    return r;
}

typedef struct {
    const sj_read_rules *rules;
    sj_read_result *r;
    xmlNode *tables[RD_MAX_META_TABLES];
    int ntables;
} meta_ctx;

static char **field(sj_read_result *r, int f)
{
    switch (f) {
    case RD_META_TITLE: return &r->title;
    case RD_META_DOCNO: return &r->docno;
    case RD_META_DATE: return &r->date;
    case RD_META_ISSUER: return &r->issuer;
    default: return &r->index_no;
    }
}

static void meta_row(meta_ctx *m, xmlNode *tr)
{
    char *cells[64];
    int n = 0, found = 0;
    for (xmlNode *c = tr->children; c && n < 64; c = c->next)
        if (rd_is(c, "td") || rd_is(c, "th"))
            cells[n++] = cell_text(c);
    for (int i = 0; i < n; i++) {
        const char *rest;
        int f = cells[i] && strlen(cells[i]) < 300 ? rd_meta_label(m->rules, cells[i], &rest) : -1;
        if (f < 0)
            continue;
        found = 1;
        const char *v = *rest ? rest : NULL;
        if (!v && i + 1 < n && cells[i + 1] && rd_meta_label(m->rules, cells[i + 1], &rest) < 0)
            v = cells[++i];
        char **dst = field(m->r, f);
        if (v && !*dst)
            *dst = rd_trimdup(v);
    }
    for (int i = 0; i < n; i++)
        free(cells[i]);
    if (found) {
        xmlNode *t = tr->parent;
        while (t && !rd_is(t, "table"))
            t = t->parent;
        if (t && m->ntables < RD_MAX_META_TABLES &&
            (m->ntables == 0 || m->tables[m->ntables - 1] != t))
            m->tables[m->ntables++] = t;
    }
}

/* <meta name="ArticleTitle" content="..."> and the like (read.rules html_meta) */
static void meta_tag(meta_ctx *m, xmlNode *n)
{
    char *name = rd_attr(n, "name"), *content = rd_attr(n, "content");
    for (int f = 0; name && content && f < RD_META_N; f++)
        for (int i = 0; i < m->rules->nhtml_meta[f]; i++)
            if (strcasecmp(name, m->rules->html_meta[f][i]) == 0 && !*field(m->r, f))
                *field(m->r, f) = rd_trimdup(content);
    xmlFree(name);
    xmlFree(content);
}

/* the <meta> tags of the head (after the tables have had their say) */
static int meta_tag_enter(void *c, xmlNode *n)
{
    if (rd_is(n, "meta"))
        meta_tag(c, n);
    return rd_is(n, "html") || rd_is(n, "head");
}

static int meta_enter(void *c, xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || name_in(n, SKIP))
        return 0;
    if (rd_is(n, "tr"))
        meta_row(c, n);
    return 1;
}

/* --- the reader -------------------------------------------------------------- */

static void emit(text_ctx *t, xmlNode *n)
{
    walk(n, text_enter, text_leave, t);
    flush(t);
}

int rd_html(const unsigned char *bytes, size_t len, const sj_read_rules *rules, rd_out *o,
            sj_read_result *r, sj_err *err)
{
    size_t ulen = 0;
    char *u = rd_html_utf8(bytes, len, &ulen);
    if (!u)
        return sj_fail(err, "cannot convert the page to UTF-8");
    if (ulen > (size_t)INT32_MAX) {
        free(u);
        return sj_fail(err, "page too large");
    }
    htmlParserCtxtPtr ctx = htmlNewParserCtxt();
    if (!ctx) {
        free(u);
        return sj_fail(err, "out of memory for the HTML parser");
    }
    htmlDocPtr d = htmlCtxtReadMemory(ctx, u, (int)ulen, "page.html", "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING);
    /* libxml2 stops at 256 levels of nesting: the rest of the page is lost */
    int deep = ctx->lastError.message && strstr(ctx->lastError.message, "Excessive depth");
    htmlFreeParserCtxt(ctx);
    free(u);
    if (d && deep) {
        xmlFreeDoc(d);
        return sj_fail(err, "elements nested deeper than 256 levels: the page is not read");
    }
    if (!d || !xmlDocGetRootElement(d)) {
        if (d)
            xmlFreeDoc(d);
        return sj_fail(err, "not an HTML page libxml2 can read");
    }
    xmlNode *root = xmlDocGetRootElement(d);
    meta_ctx m = {rules, r, {0}, 0};
    walk(root, meta_enter, NULL, &m);
    walk(root, meta_tag_enter, NULL, &m);

    score_ctx sc = {0};
    walk(root, score_enter, score_leave, &sc);
    xmlNode *best = sc.best;
    text_ctx t = {.o = o, .skip_tables = m.tables, .nskip = m.ntables};
    if (!best) {
        best = root; /* no CJK text anywhere: the whole page */
    } else {
        /* the title: the last h1-h3 before the article within its grandparent */
        xmlNode *scope = best->parent && best->parent->parent ? best->parent->parent : best->parent;
        xmlNode *title = NULL;
        for (xmlNode *c = scope; c && c != best;) {
            /* an HTML5 <header> of the article holds its title: look inside */
            int skip = c->type != XML_ELEMENT_NODE || (name_in(c, SKIP) && !rd_is(c, "header"));
            if (!skip && name_in(c, HEADINGS)) {
                title = c;
                skip = 1;
            }
            c = rd_next(c, scope, skip);
        }
        if (title)
            emit(&t, title);
    }
    /* a paragraph written as a <div> of its own: the article is the parent
     * holding it and its sibling paragraphs, when they outweigh it */
    if (best && best != root && best->parent && para_like(best)) {
        size_t sum = 0;
        int paras = 0;
        for (xmlNode *c = best->parent->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && sc_of(&sc, c) && sc_of(&sc, c)->sub &&
                strcasecmp((const char *)c->name, (const char *)best->name) == 0 && para_like(c)) {
                sum += sc_of(&sc, c)->sub;
                paras++;
            }
        if (paras >= 3 && sum * 4 >= sc_of(&sc, best)->sub * 5)
            best = best->parent;
    }
    size_t best_sub = sc_of(&sc, best) ? sc_of(&sc, best)->sub : 0;
    if (best->parent && best != root) {
        for (xmlNode *s = best->parent->children; s; s = s->next) {
            score *ss = sc_of(&sc, s);
            if (s == best || (ss && strcasecmp((const char *)s->name, (const char *)best->name) == 0 &&
                              ss->sub * 5 >= best_sub && ss->sub > 0))
                emit(&t, s);
        }
    } else {
        emit(&t, best);
    }
    sj_buf_free(&t.line);
    free(sc.sc);
    /* _private held indexes into sc: clear before libxml2 frees the tree */
    xmlFreeDoc(d);
    return 0;
}
