/* odt.c - reads content.xml of an OpenDocument text (.odt).
 *
 * Promises: text:p and text:h of office:text in order, anchored
 * "paragraph N" (N counts every paragraph and heading outside tables);
 * tables as in docx.c: one tab-separated line per row, "table T, row R",
 * a spanned cell (number-columns-spanned) followed by its covered cells
 * as empty cells. text:s gives its spaces, text:tab a tab, text:line-break
 * a line break; list and outline numbering rendered as text
 * (odf_numbering.c), or the number the application wrote (text:number).
 * Left out: annotations, tracked changes (text:tracked-changes, whose
 * deletions live there) and notes. Metadata: dc:title of meta.xml when present.
 */
#include <string.h>
#include "read_int.h"
#include "numbering.h"

typedef struct {
    rd_out *o;
    int para, table;
    rd_odf_lists *lists;
} odt_ctx;

static int skipped(xmlNode *c)
{
    return rd_is(c, "annotation") || rd_is(c, "annotation-end") || rd_is(c, "tracked-changes") ||
           rd_is(c, "note") || rd_is(c, "change") || rd_is(c, "change-start") ||
           rd_is(c, "change-end") || rd_is(c, "bookmark-ref") || rd_is(c, "soft-page-break");
}

static void para_text(xmlNode *p, sj_buf *b)
{
    for (xmlNode *c = p->children; c;) {
        int skip = 0;
        if (c->type == XML_TEXT_NODE) {
            sj_buf_adds(b, (const char *)c->content);
        } else if (c->type != XML_ELEMENT_NODE || skipped(c)) {
            skip = 1;
        } else if (rd_is(c, "s")) {
            char *n = rd_attr(c, "c");
            int k = n ? atoi(n) : 1;
            xmlFree(n);
            for (int i = 0; i < k && i < 100; i++)
                sj_buf_addc(b, ' ');
        } else if (rd_is(c, "tab")) {
            sj_buf_addc(b, '\t');
        } else if (rd_is(c, "line-break")) {
            sj_buf_addc(b, '\n');
        } else if (rd_is(c, "frame") || rd_is(c, "table")) {
            skip = 1;
        }
        c = rd_next(c, p, skip);
    }
}

static void cell_text(xmlNode *tc, sj_buf *b)
{
    size_t start = b->len;
    for (xmlNode *c = tc->children; c;) {
        int skip = 0;
        if (rd_is(c, "p") || rd_is(c, "h")) {
            sj_buf t = {0};
            para_text(c, &t);
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
        } else if (c->type != XML_ELEMENT_NODE || skipped(c)) {
            skip = 1;
        }
        c = rd_next(c, tc, skip);
    }
}

static void table(odt_ctx *x, xmlNode *tbl)
{
    int t = ++x->table, row = 0;
    for (xmlNode *c = tbl->children; c;) {
        int skip = 0;
        if (rd_is(c, "table-row")) {
            sj_buf line = {0};
            int cells = 0;
            for (xmlNode *tc = c->children; tc; tc = tc->next) {
                if (!rd_is(tc, "table-cell") && !rd_is(tc, "covered-table-cell"))
                    continue;
                char *rep = rd_attr(tc, "number-columns-repeated");
                int r = rep ? atoi(rep) : 1;
                xmlFree(rep);
                if (r < 1 || r > 64)
                    r = 1; /* spreadsheets repeat empty cells to column 1024 */
                for (int i = 0; i < r; i++) {
                    if (cells++)
                        sj_buf_addc(&line, '\t');
                    if (rd_is(tc, "table-cell"))
                        cell_text(tc, &line);
                }
            }
            char anchor[48];
            snprintf(anchor, sizeof anchor, "table %d, row %d", t, ++row);
            rd_row(x->o, line.data ? line.data : "", line.len, anchor);
            sj_buf_free(&line);
            skip = 1;
        } else if (c->type != XML_ELEMENT_NODE || rd_is(c, "table-columns") ||
                   rd_is(c, "table-column") || rd_is(c, "table")) {
            skip = 1;
        }
        c = rd_next(c, tbl, skip);
    }
}

static void meta_title(rd_zip *z, sj_read_result *r)
{
    xmlDoc *d = rd_zip_xml(z, "meta.xml");
    if (!d)
        return;
    xmlNode *root = xmlDocGetRootElement(d);
    for (xmlNode *c = root; c; c = rd_next(c, root, 0))
        if (rd_is(c, "title") && c->ns && c->ns->href &&
            strstr((const char *)c->ns->href, "purl.org/dc")) {
            xmlChar *s = xmlNodeGetContent(c);
            r->title = rd_trimdup((const char *)s);
            xmlFree(s);
            break;
        }
    xmlFreeDoc(d);
}

/* list styles of styles.xml (content.xml adds its automatic ones) */
static void styles_part(rd_zip *z, rd_odf_lists *l)
{
    xmlDoc *d = rd_zip_xml(z, "styles.xml");
    if (!d)
        return;
    rd_odf_lists_add(l, d);
    xmlFreeDoc(d);
}

int rd_odt(rd_zip *z, const sj_read_rules *rules, rd_out *o, sj_read_result *r, sj_err *err)
{
    char *xml;
    size_t n;
    if (!rd_zip_has(z, "content.xml"))
        return sj_fail(err, "no content.xml in the archive");
    if (rd_zip_read(z, "content.xml", &xml, &n, err))
        return -1;
    xmlDoc *d = rd_xml_parse("content.xml", xml, n, err);
    free(xml);
    if (!d)
        return -1;
    xmlNode *root = xmlDocGetRootElement(d), *text = NULL;
    for (xmlNode *c = root; c && !text; c = rd_next(c, root, 0))
        if (rd_is(c, "text") && c->parent && rd_is(c->parent, "body"))
            text = c;
    if (!text) {
        xmlFreeDoc(d);
        return sj_fail(err, "content.xml has no office:body/office:text (not a text document)");
    }
    odt_ctx x = {o, 0, 0, rd_odf_lists_new(rules)};
    styles_part(z, x.lists);
    rd_odf_lists_add(x.lists, d);
    for (xmlNode *c = text->children; c;) {
        int skip = 1;
        if (rd_is(c, "p") || rd_is(c, "h")) {
            sj_buf b = {0};
            rd_odf_label(x.lists, c, &b);
            para_text(c, &b);
            char anchor[48];
            snprintf(anchor, sizeof anchor, "paragraph %d", ++x.para);
            if (b.len)
                rd_line(o, b.data, b.len, anchor);
            sj_buf_free(&b);
        } else if (rd_is(c, "table")) {
            table(&x, c);
        } else if (rd_is(c, "list")) {
            rd_odf_list_enter(x.lists, c);
            skip = 0;
        } else if (c->type == XML_ELEMENT_NODE && !skipped(c) && !rd_is(c, "sequence-decls")) {
            skip = 0; /* lists, sections, list items */
        }
        c = rd_next(c, text, skip);
    }
    xmlFreeDoc(d);
    rd_odf_lists_free(x.lists);
    meta_title(z, r);
    return 0;
}
