/* docx.c - reads word/document.xml of a .docx/.docm/OOXML .wps.
 *
 * Promises: body paragraphs in order, anchored "paragraph N" (N counts the
 * body's w:p from 1); a table is one line per row, cells tab-separated,
 * anchored "table T, row R". Merged cells: a horizontally merged cell
 * (w:gridSpan=n) gives its text once then n-1 empty cells; a vertically
 * merged continuation (w:vMerge without restart) is an empty cell, so
 * columns stay aligned. Paragraphs within a cell are joined by a space.
 * w:tab is a tab, w:br/w:cr a line break (same anchor). Word's automatic
 * numbering is rendered as text (numbering.c) before the paragraph, also
 * when the paragraph's style (or a style it is based on) carries it.
 * Text boxes (w:txbxContent, read once though Word also writes a VML
 * fallback copy) follow the paragraph they are anchored in, as lines
 * anchored "paragraph N, text box".
 * Left out: headers, footers, comments, foot/endnotes (other parts), tracked
 * deletions (w:del, w:moveFrom), field instructions (w:instrText).
 * Metadata: dc:title of docProps/core.xml when present.
 */
#include <string.h>
#include "read_int.h"
#include "numbering.h"

typedef struct {
    char *id, *based;  /* w:styleId, w:basedOn */
    int numId, ilvl;   /* numId -1: the style sets none */
} pstyle;

typedef struct {
    rd_numbering *num;
    rd_out *o;
    int para, table;
    pstyle *st;        /* paragraph styles, sorted by id */
    int nst;
} docx_ctx;

/* text of the runs below n (a paragraph or anything inside one) */
static void runs_text(xmlNode *n, sj_buf *b)
{
    for (xmlNode *c = n->children; c;) {
        int skip = 0;
        if (c->type == XML_ELEMENT_NODE) {
            const char *nm = (const char *)c->name;
            if (strcmp(nm, "t") == 0) {
                xmlChar *t = xmlNodeGetContent(c);
                if (t)
                    sj_buf_adds(b, (const char *)t);
                xmlFree(t);
                skip = 1;
            } else if (strcmp(nm, "tab") == 0 && c->parent && rd_is(c->parent, "r")) {
                sj_buf_addc(b, '\t');
            } else if (strcmp(nm, "br") == 0 || strcmp(nm, "cr") == 0) {
                sj_buf_addc(b, '\n');
            } else if (strcmp(nm, "del") == 0 || strcmp(nm, "moveFrom") == 0 ||
                       strcmp(nm, "instrText") == 0 || strcmp(nm, "delText") == 0 ||
                       strcmp(nm, "pPr") == 0 || strcmp(nm, "rPr") == 0 ||
                       strcmp(nm, "footnoteReference") == 0 || strcmp(nm, "endnoteReference") == 0 ||
                       strcmp(nm, "commentReference") == 0 || strcmp(nm, "tbl") == 0 ||
                       strcmp(nm, "txbxContent") == 0 || strcmp(nm, "fallback") == 0 ||
                       strcmp(nm, "Fallback") == 0) {
                skip = 1;
            } else if (strcmp(nm, "noBreakHyphen") == 0) {
                sj_buf_addc(b, '-');
            }
        } else {
            skip = 1;
        }
        c = rd_next(c, n, skip);
    }
}

static xmlNode *child(xmlNode *n, const char *local)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (rd_is(c, local))
            return c;
    return NULL;
}

static int attr_int(xmlNode *n, const char *name, int dflt)
{
    char *v = rd_attr(n, name);
    int r = v ? atoi(v) : dflt;
    xmlFree(v);
    return r;
}

static int cmp_style(const void *a, const void *b)
{
    return strcmp(((const pstyle *)a)->id, ((const pstyle *)b)->id);
}

static const pstyle *style(const docx_ctx *x, const char *id)
{
    if (!id || !x->nst)
        return NULL;
    pstyle key = {(char *)id, NULL, 0, 0};
    return bsearch(&key, x->st, (size_t)x->nst, sizeof *x->st, cmp_style);
}

/* paragraph styles of word/styles.xml with the numbering they set */
static void load_styles(docx_ctx *x, rd_zip *z)
{
    int cap = 0;
    xmlDoc *d = rd_zip_xml(z, "word/styles.xml");
    if (!d)
        return;
    for (xmlNode *c = xmlDocGetRootElement(d)->children; c; c = c->next) {
        if (!rd_is(c, "style"))
            continue;
        char *type = rd_attr(c, "type"), *id = rd_attr(c, "styleId");
        if (type && id && strcmp(type, "paragraph") == 0) {
            SJ_GROW(x->st, x->nst, cap);
            pstyle *p = &x->st[x->nst++];
            p->id = xstrdup(id);
            char *b = rd_attr(child(c, "basedOn"), "val");
            p->based = b ? xstrdup(b) : NULL;
            xmlFree(b);
            xmlNode *np = child(child(c, "pPr"), "numPr");
            p->numId = np ? attr_int(child(np, "numId"), "val", -1) : -1;
            p->ilvl = np ? attr_int(child(np, "ilvl"), "val", 0) : 0;
        }
        xmlFree(type);
        xmlFree(id);
    }
    xmlFreeDoc(d);
    if (x->nst)
        qsort(x->st, (size_t)x->nst, sizeof *x->st, cmp_style);
}

static void free_styles(docx_ctx *x)
{
    for (int i = 0; i < x->nst; i++) {
        free(x->st[i].id);
        free(x->st[i].based);
    }
    free(x->st);
}

/* the paragraph's own text with its number in front: numPr of the
 * paragraph, else of its style or the styles it is based on (10 deep) */
static void para_text(docx_ctx *x, xmlNode *p, sj_buf *b)
{
    xmlNode *ppr = child(p, "pPr");
    xmlNode *numPr = child(ppr, "numPr");
    int numId = numPr ? attr_int(child(numPr, "numId"), "val", -1) : -1;
    int ilvl = numPr ? attr_int(child(numPr, "ilvl"), "val", -1) : -1;
    if (numId < 0 && x->num && x->nst) {
        char *sid = rd_attr(child(ppr, "pStyle"), "val");
        const pstyle *st = style(x, sid);
        xmlFree(sid);
        for (int depth = 0; st && depth < 10; depth++) {
            if (st->numId >= 0) {
                numId = st->numId;
                if (ilvl < 0)
                    ilvl = st->ilvl;
                break;
            }
            st = style(x, st->based);
        }
    }
    if (numId > 0 && x->num)
        rd_numbering_label(x->num, numId, ilvl < 0 ? 0 : ilvl, b);
    runs_text(p, b);
}

static void emit_table(docx_ctx *x, xmlNode *tbl);

/* The text boxes anchored in paragraph p (w:txbxContent; the copy in an
 * mc:Fallback is the same box again), after p's own line: each paragraph
 * of a box one line, anchored "paragraph N, text box"; a box's tables as
 * tables. A box inside a box is left out. */
static void emit_text_boxes(docx_ctx *x, xmlNode *p, const char *anchor)
{
    for (xmlNode *c = p->children; c;) {
        int skip = 0;
        if (c->type != XML_ELEMENT_NODE || rd_is(c, "Fallback") || rd_is(c, "fallback")) {
            skip = 1;
        } else if (rd_is(c, "txbxContent")) {
            char a[64];
            snprintf(a, sizeof a, "%s, text box", anchor);
            for (xmlNode *q = c->children; q; q = q->next) {
                if (rd_is(q, "p")) {
                    sj_buf b = {0};
                    para_text(x, q, &b);
                    if (b.len)
                        rd_line(x->o, b.data, b.len, a);
                    sj_buf_free(&b);
                } else if (rd_is(q, "tbl")) {
                    emit_table(x, q);
                }
            }
            skip = 1;
        }
        c = rd_next(c, p, skip);
    }
}

static void emit_para(docx_ctx *x, xmlNode *p)
{
    sj_buf b = {0};
    para_text(x, p, &b);
    char anchor[48];
    snprintf(anchor, sizeof anchor, "paragraph %d", ++x->para);
    if (b.len)
        rd_line(x->o, b.data, b.len, anchor);
    sj_buf_free(&b);
    emit_text_boxes(x, p, anchor);
}

/* all paragraph text inside a cell (nested tables flattened), space-joined */
static void cell_text(docx_ctx *x, xmlNode *tc, sj_buf *b)
{
    size_t start = b->len;
    for (xmlNode *c = tc->children; c;) {
        int skip = 0;
        if (rd_is(c, "p")) {
            sj_buf t = {0};
            para_text(x, c, &t);
            for (size_t i = 0; i < t.len; i++)
                if (t.data[i] == '\t' || t.data[i] == '\n')
                    t.data[i] = ' ';
            if (t.len) {
                if (b->len > start)
                    sj_buf_addc(b, ' ');
                sj_buf_add(b, t.data, t.len);
            }
            sj_buf_free(&t);
            skip = 1;
        } else if (rd_is(c, "tcPr") || rd_is(c, "del")) {
            skip = 1;
        }
        c = rd_next(c, tc, skip);
    }
}

static void emit_table(docx_ctx *x, xmlNode *tbl)
{
    int t = ++x->table, row = 0;
    for (xmlNode *tr = tbl->children; tr; tr = tr->next) {
        if (!rd_is(tr, "tr"))
            continue;
        sj_buf line = {0};
        int cells = 0;
        for (xmlNode *tc = tr->children; tc; tc = tc->next) {
            xmlNode *cell = tc;
            if (rd_is(tc, "sdt")) /* a content control around a cell */
                cell = child(child(tc, "sdtContent"), "tc");
            if (!rd_is(cell, "tc"))
                continue;
            xmlNode *pr = child(cell, "tcPr");
            int span = attr_int(child(pr, "gridSpan"), "val", 1);
            if (span < 1 || span > 64)
                span = 1;
            xmlNode *vm = child(pr, "vMerge");
            char *vmv = vm ? rd_attr(vm, "val") : NULL;
            int cont = vm && (!vmv || strcmp(vmv, "restart") != 0);
            xmlFree(vmv);
            if (cells++)
                sj_buf_addc(&line, '\t');
            if (!cont)
                cell_text(x, cell, &line);
            for (int i = 1; i < span; i++)
                sj_buf_addc(&line, '\t');
        }
        char anchor[48];
        snprintf(anchor, sizeof anchor, "table %d, row %d", t, ++row);
        if (line.len)
            rd_row(x->o, line.data, line.len, anchor);
        sj_buf_free(&line);
    }
}

/* body-level blocks, descending through content controls and custom XML */
static void body(docx_ctx *x, xmlNode *root)
{
    for (xmlNode *c = root->children; c;) {
        int skip = 1;
        if (rd_is(c, "p"))
            emit_para(x, c);
        else if (rd_is(c, "tbl"))
            emit_table(x, c);
        else if (rd_is(c, "sdt") || rd_is(c, "sdtContent") || rd_is(c, "customXml") ||
                 rd_is(c, "ins") || rd_is(c, "moveTo"))
            skip = 0;
        c = rd_next(c, root, skip);
    }
}

static void core_title(rd_zip *z, sj_read_result *r)
{
    xmlDoc *d = rd_zip_xml(z, "docProps/core.xml");
    if (!d)
        return;
    xmlNode *root = xmlDocGetRootElement(d);
    xmlNode *t = child(root, "title");
    if (t) {
        xmlChar *s = xmlNodeGetContent(t);
        r->title = rd_trimdup((const char *)s);
        xmlFree(s);
    }
    xmlFreeDoc(d);
}

int rd_docx(rd_zip *z, const sj_read_rules *rules, rd_out *o, sj_read_result *r, sj_err *err)
{
    if (!rd_zip_has(z, "word/document.xml"))
        return sj_fail(err, "no word/document.xml in the archive (not a Word document, or damaged)");
    docx_ctx x = {0};
    x.o = o;
    if (rd_zip_has(z, "word/numbering.xml")) {
        char *xml;
        size_t n;
        if (rd_zip_read(z, "word/numbering.xml", &xml, &n, err))
            return -1;
        xmlDoc *nd = rd_xml_parse("word/numbering.xml", xml, n, err);
        free(xml);
        if (!nd)
            return -1;
        x.num = rd_numbering_new(nd, rules);
        xmlFreeDoc(nd);
    }
    load_styles(&x, z);
    char *xml;
    size_t n;
    if (rd_zip_read(z, "word/document.xml", &xml, &n, err)) {
        rd_numbering_free(x.num);
        free_styles(&x);
        return -1;
    }
    xmlDoc *d = rd_xml_parse("word/document.xml", xml, n, err);
    free(xml);
    if (!d) {
        rd_numbering_free(x.num);
        free_styles(&x);
        return -1;
    }
    xmlNode *b = child(xmlDocGetRootElement(d), "body");
    if (!b) {
        xmlFreeDoc(d);
        rd_numbering_free(x.num);
        free_styles(&x);
        return sj_fail(err, "word/document.xml has no w:body");
    }
    body(&x, b);
    xmlFreeDoc(d);
    rd_numbering_free(x.num);
    free_styles(&x);
    core_title(z, r);
    return 0;
}
