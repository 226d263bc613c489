/* ofd.c - reads an OFD (GB/T 33190) document: zip + XML.
 *
 * Promises: OFD.xml -> the first DocBody's DocRoot -> Document.xml -> each
 * Page's Content.xml; the text objects (TextObject/TextCode, also inside
 * PageBlocks) of a page are sorted by Y then X (Boundary origin plus the
 * TextCode's X/Y), codes on the same baseline (within half the font size)
 * joined into one line, anchored "page P, line L". DocInfo's Title,
 * Author (as issuer) and CreationDate become metadata. Page templates,
 * annotations, signatures and attachments are left out. More pages than
 * the limit is an error, and so is reading past the time limit.
 */
#include <stdio.h>
#include <string.h>
#include "read_int.h"

typedef struct {
    double y, x, tol;
    int seq;
    char *text;
} item;

static xmlNode *child(xmlNode *n, const char *local)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (rd_is(c, local))
            return c;
    return NULL;
}

static char *child_text(xmlNode *n, const char *local)
{
    xmlNode *c = child(n, local);
    if (!c)
        return NULL;
    xmlChar *s = xmlNodeGetContent(c);
    char *r = rd_trimdup((const char *)s);
    xmlFree(s);
    return r;
}

/* loc relative to dir ("Doc_0/"), or absolute from the package root */
static char *resolve(const char *dir, const char *loc)
{
    sj_buf b = {0};
    if (loc[0] == '/')
        sj_buf_adds(&b, loc + 1);
    else {
        sj_buf_adds(&b, dir);
        sj_buf_adds(&b, loc);
    }
    return sj_buf_take(&b);
}

static char *dir_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? xstrndup(path, (size_t)(s - path + 1)) : xstrdup("");
}

static xmlDoc *load(rd_zip *z, const char *part, sj_err *err)
{
    char *xml;
    size_t n;
    if (!rd_zip_has(z, part)) {
        sj_fail(err, "no part %s in the archive", part);
        return NULL;
    }
    if (rd_zip_read(z, part, &xml, &n, err))
        return NULL;
    xmlDoc *d = rd_xml_parse(part, xml, n, err);
    free(xml);
    return d;
}

static int cmp_item(const void *a, const void *b)
{
    const item *p = a, *q = b;
    if (p->y != q->y)
        return p->y < q->y ? -1 : 1;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return p->seq - q->seq;
}

static int cmp_x(const void *a, const void *b)
{
    const item *p = a, *q = b;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return p->seq - q->seq;
}

static void page(xmlDoc *d, int pno, rd_out *o)
{
    item *it = NULL;
    int n = 0, cap = 0;
    xmlNode *root = xmlDocGetRootElement(d);
    for (xmlNode *c = root; c;) {
        int skip = 0;
        if (rd_is(c, "TextObject")) {
            double bx = 0, by = 0, size = 3;
            char *bd = rd_attr(c, "Boundary"), *sz = rd_attr(c, "Size");
            if (bd)
                sscanf(bd, "%lf %lf", &bx, &by);
            if (sz)
                size = atof(sz);
            xmlFree(bd);
            xmlFree(sz);
            double tx = 0, ty = 0;
            for (xmlNode *tc = c->children; tc; tc = tc->next) {
                if (!rd_is(tc, "TextCode"))
                    continue;
                char *xs = rd_attr(tc, "X"), *ys = rd_attr(tc, "Y");
                if (xs) /* X/Y omitted: the previous code's position */
                    tx = atof(xs);
                if (ys)
                    ty = atof(ys);
                xmlFree(xs);
                xmlFree(ys);
                xmlChar *t = xmlNodeGetContent(tc);
                SJ_GROW(it, n, cap);
                it[n].x = bx + tx;
                it[n].y = by + ty;
                it[n].tol = size > 0 && size < 100 ? size / 2 : 1.5;
                it[n].seq = n;
                it[n].text = xstrdup(t ? (const char *)t : "");
                xmlFree(t);
                n++;
            }
            skip = 1;
        } else if (c->type != XML_ELEMENT_NODE) {
            skip = 1;
        }
        c = rd_next(c, root, skip);
    }
    if (n)
        qsort(it, (size_t)n, sizeof *it, cmp_item);
    int line = 0;
    for (int i = 0; i < n;) {
        sj_buf b = {0};
        int j = i;
        double y0 = it[i].y;
        while (j < n && it[j].y - y0 <= it[i].tol)
            j++;
        /* the codes of one baseline, left to right */
        qsort(it + i, (size_t)(j - i), sizeof *it, cmp_x);
        for (int k = i; k < j; k++)
            sj_buf_adds(&b, it[k].text);
        char anchor[48];
        snprintf(anchor, sizeof anchor, "page %d, line %d", pno, ++line);
        if (b.len)
            rd_line(o, b.data, b.len, anchor);
        sj_buf_free(&b);
        i = j;
    }
    for (int i = 0; i < n; i++)
        free(it[i].text);
    free(it);
}

int rd_ofd(rd_zip *z, const rd_bounds *bd, rd_out *o, sj_read_result *r, sj_err *err)
{
    xmlDoc *od = load(z, "OFD.xml", err);
    if (!od)
        return -1;
    xmlNode *body = child(xmlDocGetRootElement(od), "DocBody");
    xmlNode *info = child(body, "DocInfo");
    r->title = child_text(info, "Title");
    r->issuer = child_text(info, "Author");
    r->date = child_text(info, "CreationDate");
    char *rootloc = child_text(body, "DocRoot");
    xmlFreeDoc(od);
    if (!rootloc)
        return sj_fail(err, "OFD.xml names no DocRoot");
    char *docpath = resolve("", rootloc);
    free(rootloc);
    xmlDoc *dd = load(z, docpath, err);
    char *dir = dir_of(docpath);
    free(docpath);
    if (!dd) {
        free(dir);
        return -1;
    }
    xmlNode *pages = child(xmlDocGetRootElement(dd), "Pages");
    int np = 0, rc = 0;
    for (xmlNode *p = pages ? pages->children : NULL; p; p = p->next)
        np += rd_is(p, "Page");
    if (np > bd->max_pages)
        rc = sj_fail(err, "%d pages, more than the limit of %d", np, bd->max_pages);
    int pno = 0;
    for (xmlNode *p = pages ? pages->children : NULL; p && rc == 0 && !o->over; p = p->next) {
        if (!rd_is(p, "Page"))
            continue;
        if (pno++ && rd_now() > bd->deadline) {
            rc = sj_fail(err, "reading took longer than %g s (stopped at page %d of %d)",
                         bd->max_seconds, pno, np);
            break;
        }
        char *loc = rd_attr(p, "BaseLoc");
        if (!loc)
            continue;
        char *part = resolve(dir, loc);
        xmlFree(loc);
        xmlDoc *pd = load(z, part, err);
        free(part);
        if (!pd) {
            rc = -1;
            break;
        }
        page(pd, pno, o);
        xmlFreeDoc(pd);
    }
    free(dir);
    xmlFreeDoc(dd);
    return rc;
}
