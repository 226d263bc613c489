/* read.c - format detection from content and dispatch to one reader per
 * format; the line collector and the safe XML parser the readers share.
 *
 * Promises: sj_read_sniff looks at the bytes first (zip parts, %PDF-, OLE2,
 * image signatures, HTML markup) and at the extension only to name what
 * the bytes do not settle. sj_read leaves out empty on error.
 */
#include <string.h>
#include <strings.h>
#include <time.h>
#include <libxml/parser.h>
#include "read_int.h"

#define RD_DEFAULT_MAX_OUT (64u << 20)
#define RD_DEFAULT_MAX_PAGES 2000
#define RD_DEFAULT_MAX_SECONDS 60.0

double rd_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

const char *sj_input_kind_name(sj_input_kind k)
{
    switch (k) {
    case SJ_IN_TEXT: return "text";
    case SJ_IN_HTML: return "html";
    case SJ_IN_DOCX: return "docx";
    case SJ_IN_ODT: return "odt";
    case SJ_IN_PDF: return "pdf";
    case SJ_IN_OFD: return "ofd";
    case SJ_IN_LEGACY_WORD: return "legacy-word";
    case SJ_IN_UNSUPPORTED: return "unsupported";
    }
    return "unknown";
}

static const char *ext_of(const char *name)
{
    const char *slash = name ? strrchr(name, '/') : NULL;
    const char *base = slash ? slash + 1 : name;
    const char *dot = base ? strrchr(base, '.') : NULL;
    return dot ? dot + 1 : "";
}

static int ext_is(const char *name, const char *list)
{
    const char *e = ext_of(name);
    size_t el = strlen(e);
    if (!el)
        return 0;
    for (const char *p = list; *p;) {
        const char *q = strchr(p, ' ');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (n == el && strncasecmp(p, e, n) == 0)
            return 1;
        p += n + (q != NULL);
    }
    return 0;
}

static int starts(const unsigned char *b, size_t len, const char *sig, size_t n)
{
    return len >= n && memcmp(b, sig, n) == 0;
}

static int ci_find(const unsigned char *b, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (strncasecmp((const char *)b + i, needle, n) == 0)
            return 1;
    return 0;
}

/* what an image/archive/office signature says, or NULL */
static const char *binary_reason(const unsigned char *b, size_t len)
{
    if (starts(b, len, "\x89PNG", 4)) return "image (png)";
    if (starts(b, len, "\xff\xd8\xff", 3)) return "image (jpeg)";
    if (starts(b, len, "GIF8", 4)) return "image (gif)";
    if (starts(b, len, "II*\0", 4) || starts(b, len, "MM\0*", 4)) return "image (tiff)";
    if (starts(b, len, "BM", 2) && len > 14 && b[6] == 0 && b[7] == 0) return "image (bmp)";
    if (len > 12 && starts(b, len, "RIFF", 4) && memcmp(b + 8, "WEBP", 4) == 0) return "image (webp)";
    if (starts(b, len, "Rar!", 4)) return "archive (rar)";
    if (starts(b, len, "7z\xbc\xaf", 4)) return "archive (7z)";
    if (starts(b, len, "\x1f\x8b", 2)) return "archive (gzip)";
    return NULL;
}

/* the kind of a zip by its parts; reason set for unsupported ones */
static sj_input_kind zip_kind(const char *name, const unsigned char *b, size_t len,
                              char *reason, size_t rsz)
{
    sj_err e;
    rd_zip *z = rd_zip_open(b, len, &e);
    if (!z) {
        if (ext_is(name, "docx docm wps dotx"))
            return SJ_IN_DOCX;
        if (ext_is(name, "odt"))
            return SJ_IN_ODT;
        if (ext_is(name, "ofd"))
            return SJ_IN_OFD;
        snprintf(reason, rsz, "damaged zip archive");
        return SJ_IN_UNSUPPORTED;
    }
    sj_input_kind k = SJ_IN_UNSUPPORTED;
    int word = 0, xl = 0, ppt = 0;
    for (int i = 0; i < rd_zip_count(z); i++) {
        const char *n = rd_zip_name(z, i);
        if (!n)
            continue;
        word |= strncmp(n, "word/", 5) == 0;
        xl |= strncmp(n, "xl/", 3) == 0;
        ppt |= strncmp(n, "ppt/", 4) == 0;
    }
    if (rd_zip_has(z, "word/document.xml") || word)
        k = SJ_IN_DOCX;
    else if (rd_zip_has(z, "OFD.xml"))
        k = SJ_IN_OFD;
    else if (rd_zip_has(z, "content.xml")) {
        char *mt = NULL;
        size_t ml = 0;
        k = SJ_IN_ODT;
        if (rd_zip_has(z, "mimetype") && rd_zip_read(z, "mimetype", &mt, &ml, &e) == 0) {
            if (!strstr(mt, "opendocument.text")) {
                k = SJ_IN_UNSUPPORTED;
                snprintf(reason, rsz, "OpenDocument, not text (%.60s)", mt);
            }
            free(mt);
        }
    } else if (xl)
        snprintf(reason, rsz, "spreadsheet (xlsx)");
    else if (ppt)
        snprintf(reason, rsz, "presentation (pptx)");
    else if (rd_zip_has(z, "[Content_Types].xml") && ext_is(name, "docx docm wps dotx"))
        k = SJ_IN_DOCX; /* OOXML without its document part: the reader says so */
    else
        snprintf(reason, rsz, "zip archive");
    rd_zip_close(z);
    return k;
}

static sj_input_kind sniff(const char *name, const unsigned char *b, size_t len,
                           char *reason, size_t rsz)
{
    reason[0] = 0;
    size_t head = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 5 <= head; i++)
        if (memcmp(b + i, "%PDF-", 5) == 0)
            return SJ_IN_PDF;
    if (starts(b, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8)) {
        if (ext_is(name, "xls et")) {
            snprintf(reason, rsz, "spreadsheet (xls)");
            return SJ_IN_UNSUPPORTED;
        }
        if (ext_is(name, "ppt dps")) {
            snprintf(reason, rsz, "presentation (ppt)");
            return SJ_IN_UNSUPPORTED;
        }
        return SJ_IN_LEGACY_WORD;
    }
    if (starts(b, len, "PK\x03\x04", 4) || starts(b, len, "PK\x05\x06", 4))
        return zip_kind(name, b, len, reason, rsz);
    const char *why = binary_reason(b, len);
    if (why) {
        snprintf(reason, rsz, "%s", why);
        return SJ_IN_UNSUPPORTED;
    }
    size_t i = 0;
    if (starts(b, len, "\xef\xbb\xbf", 3))
        i = 3;
    while (i < head && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    size_t scan = len < 4096 ? len : 4096;
    if (i < len && b[i] == '<') {
        if (ci_find(b, scan, "<html") || ci_find(b, scan, "<!doctype html") ||
            ci_find(b, scan, "<body") || ci_find(b, scan, "<head"))
            return SJ_IN_HTML;
        if (ext_is(name, "html htm shtml xhtml"))
            return SJ_IN_HTML;
    }
    /* NUL bytes outside UTF-16 text: some binary format */
    int utf16 = starts(b, len, "\xff\xfe", 2) || starts(b, len, "\xfe\xff", 2);
    if (!utf16 && memchr(b, 0, scan)) {
        snprintf(reason, rsz, "binary file (.%.20s)", ext_of(name));
        return SJ_IN_UNSUPPORTED;
    }
    return SJ_IN_TEXT;
}

sj_input_kind sj_read_sniff(const char *name, const unsigned char *bytes, size_t len)
{
    char reason[128];
    if (!bytes)
        return SJ_IN_TEXT;
    return sniff(name, bytes, len, reason, sizeof reason);
}

sj_input_kind sj_read_sniff_why(const char *name, const unsigned char *bytes, size_t len,
                                char reason[128])
{
    reason[0] = 0;
    if (!bytes)
        return SJ_IN_TEXT;
    return sniff(name, bytes, len, reason, 128);
}

int sj_read(const char *name, const unsigned char *bytes, size_t len,
            const sj_read_limits *lim, sj_read_result *out, sj_err *err)
{
    memset(out, 0, sizeof *out);
    if (!bytes) {
        bytes = (const unsigned char *)"";
        len = 0;
    }
    if (!lim || !lim->rules)
        return sj_fail(err, "%s: reader called without read rules", name);
    out->kind = sniff(name, bytes, len, out->reason, sizeof out->reason);
    if (out->kind == SJ_IN_TEXT || out->kind == SJ_IN_UNSUPPORTED)
        return 0;
    /* an encrypted .docx/.xlsx is an OLE2 file holding "EncryptedPackage" */
    if (out->kind == SJ_IN_LEGACY_WORD &&
        memmem(bytes, len, "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32))
        return sj_fail(err, "%s: password-protected Office document (encrypted OOXML); save an "
                       "unprotected copy first", name);
    if (out->kind == SJ_IN_LEGACY_WORD)
        return sj_fail(err, "%s: legacy Word/WPS binary (OLE2) is not read; convert it first: "
                       "soffice --headless --convert-to docx FILE", name);
    rd_out o = {0};
    o.max = lim->max_out_bytes ? lim->max_out_bytes : RD_DEFAULT_MAX_OUT;
    rd_bounds bd;
    bd.max_pages = lim->max_pages > 0 ? lim->max_pages : RD_DEFAULT_MAX_PAGES;
    bd.max_seconds = lim->max_seconds > 0 ? lim->max_seconds : RD_DEFAULT_MAX_SECONDS;
    bd.deadline = rd_now() + bd.max_seconds;
    sj_err e = {{0}};
    int rc = -1;
    if (out->kind == SJ_IN_HTML) {
        rc = rd_html(bytes, len, lim->rules, &o, out, &e);
    } else if (out->kind == SJ_IN_PDF) {
        rc = rd_pdf(bytes, len, lim->rules, &bd, &o, &e);
    } else {
        rd_zip *z = rd_zip_open(bytes, len, &e);
        if (z) {
            if (out->kind == SJ_IN_DOCX)
                rc = rd_docx(z, lim->rules, &o, out, &e);
            else if (out->kind == SJ_IN_ODT)
                rc = rd_odt(z, lim->rules, &o, out, &e);
            else
                rc = rd_ofd(z, &bd, &o, out, &e);
            rd_zip_close(z);
        }
    }
    if (rc == 0 && o.over) {
        rc = -1;
        sj_fail(&e, "the text is longer than the limit of %zu bytes", o.max);
    }
    if (rc) {
        sj_input_kind k = out->kind;
        rd_out_free(&o);
        sj_read_result_free(out);
        out->kind = k;
        return sj_fail(err, "%s: %s: %s", name, sj_input_kind_name(k), e.msg);
    }
    rd_out_take(&o, out);
    return 0;
}

void sj_read_result_free(sj_read_result *r)
{
    if (!r)
        return;
    free(r->text);
    for (int i = 0; i < r->nanchors; i++)
        free(r->anchors[i]);
    free(r->anchors);
    free(r->title);
    free(r->docno);
    free(r->date);
    free(r->issuer);
    free(r->index_no);
    memset(r, 0, sizeof *r);
}

/* --- the line collector ------------------------------------------------ */

/* length of a space at s: ASCII blank, NBSP, U+3000 ideographic space */
static size_t space_at(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (n >= 2 && c == 0xc2 && (unsigned char)s[1] == 0xa0)
        return 2;
    if (n >= 3 && c == 0xe3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80)
        return 3;
    return 0;
}

/* the length of s[0,n) without trailing spaces (tabs between cells kept
 * unless they end the line) */
static size_t rtrim_len(const char *s, size_t n)
{
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
            n--;
        else if (n >= 2 && (unsigned char)s[n - 2] == 0xc2 && (unsigned char)s[n - 1] == 0xa0)
            n -= 2;
        else if (n >= 3 && (unsigned char)s[n - 3] == 0xe3 && (unsigned char)s[n - 2] == 0x80 &&
                 (unsigned char)s[n - 1] == 0x80)
            n -= 3;
        else
            return n;
    }
}

static void add_lines(rd_out *o, const char *s, size_t n, const char *anchor, int keep_tabs)
{
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t l = nl ? (size_t)(nl - s) : n;
        const char *p = s;
        size_t pl = l, k;
        while (pl && (k = space_at(p, pl)) != 0 && !(keep_tabs && *p == '\t')) {
            p += k;
            pl -= k;
        }
        pl = rtrim_len(p, pl);
        int blank = 1; /* only tabs left (an empty table row) */
        for (size_t i = 0; i < pl; i++)
            if (p[i] != '\t')
                blank = 0;
        if (pl && !blank && !o->over) {
            if (o->text.len + pl + 1 > o->max) {
                o->over = 1;
                return;
            }
            sj_buf_add(&o->text, p, pl);
            sj_buf_addc(&o->text, '\n');
            SJ_GROW(o->anchors, o->n, o->cap);
            o->anchors[o->n++] = xstrdup(anchor);
        }
        if (!nl)
            break;
        s = nl + 1;
        n -= l + 1;
    }
}

void rd_line(rd_out *o, const char *s, size_t n, const char *anchor)
{
    add_lines(o, s, n, anchor, 0);
}

void rd_row(rd_out *o, const char *s, size_t n, const char *anchor)
{
    add_lines(o, s, n, anchor, 1);
}

void rd_out_take(rd_out *o, sj_read_result *r)
{
    r->len = o->text.len;
    r->text = sj_buf_take(&o->text);
    r->anchors = o->anchors;
    r->nanchors = o->n;
    memset(o, 0, sizeof *o);
}

void rd_out_free(rd_out *o)
{
    sj_buf_free(&o->text);
    for (int i = 0; i < o->n; i++)
        free(o->anchors[i]);
    free(o->anchors);
    memset(o, 0, sizeof *o);
}

char *rd_trimdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s), k;
    while (n && (k = space_at(s, n)) != 0) {
        s += k;
        n -= k;
    }
    n = rtrim_len(s, n);
    while (n && s[n - 1] == '\n')
        n = rtrim_len(s, n - 1);
    return n ? xstrndup(s, n) : NULL;
}

/* --- XML ---------------------------------------------------------------- */

xmlDoc *rd_zip_xml(rd_zip *z, const char *name)
{
    char *xml;
    size_t n;
    sj_err e;
    if (!rd_zip_has(z, name) || rd_zip_read(z, name, &xml, &n, &e))
        return NULL;
    xmlDoc *d = rd_xml_parse(name, xml, n, &e);
    free(xml);
    return d;
}

xmlDoc *rd_xml_parse(const char *what, const char *xml, size_t len, sj_err *err)
{
    if (len > (size_t)INT32_MAX) {
        sj_fail(err, "%s: too large", what);
        return NULL;
    }
    /* Office/ODF/OFD parts never carry a DTD; one here can only be an
     * attempt at entity expansion (billion laughs) or external fetches. */
    if (memmem(xml, len, "<!DOCTYPE", 9) || memmem(xml, len, "<!ENTITY", 8)) {
        sj_fail(err, "%s: XML with a DTD or entity declarations is refused", what);
        return NULL;
    }
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx) {
        sj_fail(err, "%s: out of memory for the XML parser", what);
        return NULL;
    }
    xmlDoc *d = xmlCtxtReadMemory(ctx, xml, (int)len, what, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                      XML_PARSE_NOCDATA);
    if (!d || !ctx->wellFormed) {
        char msg[200] = "not well-formed";
        if (ctx->lastError.message) {
            snprintf(msg, sizeof msg, "%s", ctx->lastError.message);
            msg[strcspn(msg, "\n")] = 0;
        }
        xmlFreeParserCtxt(ctx);
        if (d)
            xmlFreeDoc(d);
        sj_fail(err, "%s: XML error: %s", what, msg);
        return NULL;
    }
    xmlFreeParserCtxt(ctx);
    if (!xmlDocGetRootElement(d)) {
        xmlFreeDoc(d);
        sj_fail(err, "%s: empty XML", what);
        return NULL;
    }
    return d;
}

int rd_is(xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

char *rd_attr(xmlNode *n, const char *name)
{
    for (xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0)
            return (char *)xmlNodeGetContent((xmlNode *)a);
    return NULL;
}

xmlNode *rd_next(xmlNode *n, xmlNode *root, int skip_children)
{
    if (!skip_children && n->children && n->type != XML_ENTITY_REF_NODE)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}
