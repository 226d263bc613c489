/* pdf.c - reads a PDF through its text layer (poppler-glib).
 *
 * Promises: each page's text, one output line per text line, rebuilt
 * from the characters' boxes (text_by_layout: top to bottom, left to
 * right, wide gaps as tabs, so a table keeps its rows; poppler's reading
 * order where the boxes do not match its text); hard-wrapped lines stay
 * lines (the normalizer rejoins them), anchored "page P, line L" (L counts the page's text lines,
 * dropped ones included). Dropped: running headers and footers (a line
 * that, with its digits ignored, is among the first two or last two lines
 * of more than half of the pages, at least 3) and page numbers (a line
 * among a page's first two or last two that read.rules' page_number
 * pattern matches whole). Errors: more pages than the limit; no text at
 * all ("no text layer: the PDF is a scanned image; OCR it first"); a user
 * password; a truncated file (no %%EOF near its end); whatever poppler
 * cannot open; reading past the time limit (checked between pages). A PDF with an owner password only is read.
 */
#include <string.h>
#include <poppler.h>
#include "read_int.h"

typedef struct {
    char *key;   /* the line with digits as '#', and the place: 't' top, 'b' bottom */
    int page;
} rkey;

static int cmp_rkey(const void *a, const void *b)
{
    const rkey *p = a, *q = b;
    int c = strcmp(p->key, q->key);
    return c ? c : p->page - q->page;
}

static char *key_of(const char *s, size_t n, char place)
{
    char *k = xmalloc(n + 2);
    k[0] = place;
    for (size_t i = 0; i < n; i++)
        k[i + 1] = s[i] >= '0' && s[i] <= '9' ? '#' : s[i];
    k[n + 1] = 0;
    return k;
}

typedef struct {
    const char *s;
    size_t n;
    int no;     /* line number on the page, from 1 */
    int drop;
} pline;

/* the non-empty lines of text, trimmed of ASCII spaces */
static int split(char *text, pline **out)
{
    pline *v = NULL;
    int n = 0, cap = 0, no = 0;
    for (char *p = text; p && *p;) {
        char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) : strlen(p);
        const char *s = p;
        no++;
        while (l && (*s == ' ' || *s == '\t' || *s == '\r')) {
            s++;
            l--;
        }
        while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\r'))
            l--;
        if (l) {
            SJ_GROW(v, n, cap);
            v[n++] = (pline){s, l, no, 0};
        }
        p = nl ? nl + 1 : NULL;
    }
    *out = v;
    return n;
}

/* One character of a page with its box (poppler: y grows downwards). */
typedef struct {
    const char *s;   /* its UTF-8 bytes in the page text */
    int n;
    double x1, y1, x2, y2;
} pchar;

static int cmp_top(const void *a, const void *b)
{
    const pchar *p = a, *q = b;
    return p->y1 < q->y1 ? -1 : p->y1 > q->y1 ? 1 : p->x1 < q->x1 ? -1 : p->x1 > q->x1;
}

static int cmp_left(const void *a, const void *b)
{
    const pchar *p = a, *q = b;
    return p->x1 < q->x1 ? -1 : p->x1 > q->x1;
}

/* The page's text rebuilt from where its characters are: a line is the
 * characters whose vertical middle lies within the first one's height,
 * left to right; a gap of more than 1.5 character heights is a tab (the
 * cells of a table row), a smaller one above a quarter a space. Poppler's
 * own reading order sends a table's columns out one after another; this
 * keeps its rows (plans are laid out in one column). NULL when the boxes
 * do not match the text (then poppler's order is kept). */
static char *text_by_layout(PopplerPage *pg, const char *text)
{
    PopplerRectangle *r = NULL;
    guint nr = 0;
    if (!poppler_page_get_text_layout(pg, &r, &nr))
        return NULL;
    glong nc = g_utf8_strlen(text, -1);
    if (nc != (glong)nr) {
        g_free(r);
        return NULL;
    }
    pchar *v = xcalloc((size_t)nr + 1, sizeof *v);
    size_t n = 0, i = 0;
    for (const char *p = text; *p; i++) {
        const char *q = g_utf8_next_char(p);
        int blank = *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';
        if (!blank && r[i].y2 > r[i].y1)
            v[n++] = (pchar){p, (int)(q - p), r[i].x1, r[i].y1, r[i].x2, r[i].y2};
        p = q;
    }
    g_free(r);
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_top);
    sj_buf b = {0};
    for (size_t a = 0; a < n;) {
        double top = v[a].y1, bot = v[a].y2;
        size_t e = a + 1;
        while (e < n && (v[e].y1 + v[e].y2) / 2 <= bot && (v[e].y1 + v[e].y2) / 2 >= top)
            e++;
        /* characters of this line that sorted after a lower-starting one */
        qsort(v + a, e - a, sizeof *v, cmp_left);
        for (size_t k = a; k < e; k++) {
            if (k > a) {
                double h = v[k - 1].y2 - v[k - 1].y1, gap = v[k].x1 - v[k - 1].x2;
                if (gap > 1.5 * h)
                    sj_buf_addc(&b, '\t');
                else if (gap > 0.25 * h)
                    sj_buf_addc(&b, ' ');
            }
            sj_buf_add(&b, v[k].s, (size_t)v[k].n);
        }
        sj_buf_addc(&b, '\n');
        a = e;
    }
    free(v);
    return b.data ? sj_buf_take(&b) : xstrdup("");
}

static int edge(int i, int n)
{
    return i < 2 ? 't' : i >= n - 2 ? 'b' : 0;
}

int rd_pdf(const unsigned char *bytes, size_t len, const sj_read_rules *rules, const rd_bounds *bd,
           rd_out *o, sj_err *err)
{
    size_t tail = len < 1024 ? len : 1024;
    if (!memmem(bytes + len - tail, tail, "%%EOF", 5))
        return sj_fail(err, "truncated PDF (no %%%%EOF at its end)");
    GBytes *gb = g_bytes_new_static(bytes, len);
    GError *ge = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(gb, NULL, &ge);
    if (!doc) {
        int enc = ge && ge->domain == POPPLER_ERROR && ge->code == POPPLER_ERROR_ENCRYPTED;
        if (enc)
            sj_fail(err, "the PDF is password-protected; save an unprotected copy first");
        else
            sj_fail(err, "damaged PDF: %s", ge && ge->message ? ge->message : "poppler cannot open it");
        if (ge)
            g_error_free(ge);
        g_bytes_unref(gb);
        return -1;
    }
    int np = poppler_document_get_n_pages(doc), rc = 0;
    if (np > bd->max_pages) {
        g_object_unref(doc);
        g_bytes_unref(gb);
        return sj_fail(err, "%d pages, more than the limit of %d", np, bd->max_pages);
    }
    char **texts = xcalloc((size_t)np + 1, sizeof *texts);
    pline **lines = xcalloc((size_t)np + 1, sizeof *lines);
    int *nlines = xcalloc((size_t)np + 1, sizeof *nlines);
    size_t chars = 0;
    rkey *keys = NULL;
    int nk = 0, capk = 0;
    for (int i = 0; i < np && rc == 0; i++) {
        if (i && rd_now() > bd->deadline) {
            rc = sj_fail(err, "reading took longer than %g s (stopped at page %d of %d)",
                         bd->max_seconds, i + 1, np);
            break;
        }
        PopplerPage *pg = poppler_document_get_page(doc, i);
        if (!pg)
            continue;
        char *t = poppler_page_get_text(pg);
        char *laid = t ? text_by_layout(pg, t) : NULL;
        g_object_unref(pg);
        texts[i] = laid ? laid : xstrdup(t ? t : "");
        g_free(t);
        nlines[i] = split(texts[i], &lines[i]);
        for (int k = 0; k < nlines[i]; k++) {
            chars += lines[i][k].n;
            char place = (char)edge(k, nlines[i]);
            if (place) {
                SJ_GROW(keys, nk, capk);
                keys[nk++] = (rkey){key_of(lines[i][k].s, lines[i][k].n, place), i};
            }
        }
    }
    g_object_unref(doc);
    g_bytes_unref(gb);
    if (rc == 0 && chars == 0)
        rc = sj_fail(err, "no text layer: the PDF is a scanned image; OCR it first");
    /* running headers and footers: a key on more than half of the pages */
    if (nk)
        qsort(keys, (size_t)nk, sizeof *keys, cmp_rkey);
    for (int i = 0; i < nk && rc == 0;) {
        int j = i, pages = 0;
        while (j < nk && strcmp(keys[j].key, keys[i].key) == 0) {
            pages += j == i || keys[j].page != keys[j - 1].page;
            j++;
        }
        if (np >= 3 && pages * 2 > np)
            for (int k = i; k < j; k++) {
                int p = keys[k].page;
                for (int l = 0; l < nlines[p]; l++) {
                    pline *ln = &lines[p][l];
                    char *kk = edge(l, nlines[p]) ? key_of(ln->s, ln->n, (char)edge(l, nlines[p])) : NULL;
                    if (kk && strcmp(kk, keys[k].key) == 0)
                        ln->drop = 1;
                    free(kk);
                }
            }
        i = j;
    }
    for (int i = 0; i < np && rc == 0; i++)
        for (int l = 0; l < nlines[i]; l++) {
            pline *ln = &lines[i][l];
            if (ln->drop || (edge(l, nlines[i]) && rd_is_page_number(rules, ln->s, ln->n)))
                continue;
            char anchor[48];
            snprintf(anchor, sizeof anchor, "page %d, line %d", i + 1, ln->no);
            rd_line(o, ln->s, ln->n, anchor);
        }
    for (int i = 0; i < nk; i++)
        free(keys[i].key);
    free(keys);
    for (int i = 0; i < np; i++) {
        free(texts[i]);
        free(lines[i]);
    }
    free(texts);
    free(lines);
    free(nlines);
    return rc;
}
