/* render.c - what the formats share: escaping for JSON, HTML, Markdown,
 * CSV and SARIF URIs, names (file paths, messages naming files) made safe
 * to show, the spool copy of a scan, and the one table of formats that
 * --extract, a check, a lint and a scan all pick their renderer from. */
#include "render.h"

#include <iconv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

static const sj_renderer *const FORMATS[] = {
    &sj_render_text, &sj_render_json, &sj_render_jsonl, &sj_render_csv,
    &sj_render_sarif, &sj_render_markdown, &sj_render_html,
};
#define NFORMATS (int)(sizeof FORMATS / sizeof FORMATS[0])

const sj_renderer *sj_render_find(const char *name)
{
    for (int i = 0; i < NFORMATS; i++)
        if (!strcmp(FORMATS[i]->name, name))
            return FORMATS[i];
    return NULL;
}

const sj_renderer *sj_render_of(sj_format fmt)
{
    for (int i = 0; i < NFORMATS; i++)
        if (FORMATS[i]->fmt == fmt)
            return FORMATS[i];
    return NULL;
}

/* ---- names: file names are bytes; reports are UTF-8 text */

static int utf8_valid(const char *s, size_t n) { return sj_utf8_invalid_at(s, n) == n; }

/* s[0..n), not UTF-8, as UTF-8 (malloc'd, length in *out): read as GB18030
 * (the names of Chinese zip archives) when it all decodes as that, else
 * the UTF-8 in it kept and every other byte written \xNN. */
static char *to_utf8(const char *s, size_t n, size_t *out)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd != (iconv_t)-1) {
        size_t cap = 4 * n + 4, il = n, ol = cap;
        char *buf = malloc(cap), *ip = (char *)s, *op = buf;
        if (buf && iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0 &&
            utf8_valid(buf, (size_t)(op - buf))) {
            iconv_close(cd);
            *out = (size_t)(op - buf);
            return buf;
        }
        free(buf);
        iconv_close(cd);
    }
    sj_buf b = {0};
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = (unsigned char)s[i] < 0x80 ? 1
                             : utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                (utf8proc_ssize_t)(n - i), &cp);
        if (k > 0) {
            sj_buf_add(&b, s + i, (size_t)k);
            i += (size_t)k;
        } else {
            sj_buf_addf(&b, "\\x%02X", (unsigned char)s[i++]);
        }
    }
    *out = b.len;
    if (!b.data)
        return calloc(1, 1);
    return sj_buf_take(&b);
}

/* A name as it is shown: valid UTF-8 (see to_utf8) with control
 * characters (C0, DEL, C1) written \n, \r, \t or \xNN / \uNNNN, so a
 * name cannot forge report lines or terminal escapes. malloc'd. */
static char *display(const char *s, size_t n)
{
    char *fixed = NULL;
    if (!utf8_valid(s, n))
        s = fixed = to_utf8(s, n, &n);
    sj_buf b = {0};
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int c1 = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                 (unsigned char)s[i + 1] <= 0x9F;
        if (c >= 0x20 && c != 0x7F && !c1)
            continue;
        sj_buf_add(&b, s + run, i - run);
        if (c == '\n')
            sj_buf_adds(&b, "\\n");
        else if (c == '\r')
            sj_buf_adds(&b, "\\r");
        else if (c == '\t')
            sj_buf_adds(&b, "\\t");
        else if (c1)
            sj_buf_addf(&b, "\\u%04X", (unsigned char)s[++i]);
        else
            sj_buf_addf(&b, "\\x%02X", c);
        run = i + 1;
    }
    sj_buf_add(&b, s + run, n - run);
    free(fixed);
    return b.data ? sj_buf_take(&b) : calloc(1, 1);
}

void sj_name_put(FILE *f, const char *name)
{
    char *d = display(name, strlen(name));
    fputs(d, f);
    free(d);
}

/* a byte JSON escapes: below 0x20, '"' or '\\' */
static inline int json_special(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void sj_jw_flush(sj_jw *w)
{
    if (w->n)
        fwrite(w->b, 1, w->n, w->f);
    w->n = 0;
}

/* what does not fit: the buffer, then the bytes (whole when they would
 * fill it again) */
void sj_jw_put_long(sj_jw *w, const char *s, size_t n)
{
    sj_jw_flush(w);
    if (n >= SJ_JW_SIZE) {
        fwrite(s, 1, n, w->f);
        return;
    }
    memcpy(w->b, s, n);
    w->n = n;
}

void sj_jw_str_utf8(sj_jw *w, const char *s, size_t len)
{
    sj_jw_putc(w, '"');
    size_t run = 0; /* start of the bytes not yet written */
    for (size_t i = 0; i < len; i++) {
        /* eight bytes at a time while none is special: a byte of x below
         * 0x20 sets its high bit in (x - 0x20..) & ~x; '"' and '\\' are
         * the zero bytes of x ^ 0x22.. and x ^ 0x5C.. */
        uint64_t x;
        while (i + 8 <= len && (memcpy(&x, s + i, 8), 1)) {
            uint64_t q = x ^ 0x2222222222222222ull, b = x ^ 0x5C5C5C5C5C5C5C5Cull;
            uint64_t hit = ((x - 0x2020202020202020ull) & ~x) |
                           ((q - 0x0101010101010101ull) & ~q) |
                           ((b - 0x0101010101010101ull) & ~b);
            if (hit & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (!json_special(c))
            continue;
        sj_jw_put(w, s + run, i - run);
        run = i + 1;
        if (c == '"' || c == '\\') {
            sj_jw_putc(w, '\\');
            sj_jw_putc(w, (char)c);
        } else if (c == '\n') {
            sj_jw_put(w, "\\n", 2);
        } else if (c == '\t') {
            sj_jw_put(w, "\\t", 2);
        } else {
            char u[8];
            snprintf(u, sizeof u, "\\u%04x", c);
            sj_jw_put(w, u, 6);
        }
    }
    sj_jw_put(w, s + run, len - run);
    sj_jw_putc(w, '"');
}

void sj_jw_str(sj_jw *w, const char *s, size_t len)
{
    /* JSON is UTF-8: a name that is not (GBK) is decoded or escaped */
    char *fixed = NULL;
    if (!utf8_valid(s, len))
        s = fixed = to_utf8(s, len, &len);
    sj_jw_str_utf8(w, s, len);
    free(fixed);
}

int sj_fmt_g10(char *b, double v)
{
    /* v * 10^k = n whole in doubles, n of at most 9 digits: v is n / 10^k
     * within a rounding error, "%.10g" rounds v to 10 significant digits,
     * which is n / 10^k itself, and drops trailing zeros */
    static const double scale[] = {1, 10, 100, 1000};
    double a = fabs(v);
    if (a < 1e8 && !(v == 0 && signbit(v)))
        for (int k = 0; k < 4; k++) {
            double x = a * scale[k];
            if (x >= 1e9)
                break;
            if (x != (double)(long long)x)
                continue;
            long long n = (long long)x;
            /* 539281.08 * 100 is not whole in doubles, * 1000 is: the
             * zeros printf drops */
            while (k > 0 && n % 10 == 0)
                n /= 10, k--;
            char t[32];
            int len = 0;
            for (int i = 0; i < k; i++, n /= 10)
                t[len++] = (char)('0' + n % 10);
            if (k)
                t[len++] = '.';
            do
                t[len++] = (char)('0' + n % 10);
            while (n /= 10);
            if (v < 0)
                t[len++] = '-';
            for (int i = 0; i < len; i++)
                b[i] = t[len - 1 - i];
            b[len] = '\0';
            return len;
        }
    return snprintf(b, 32, "%.10g", v);
}

/* the FILE forms: the same through a writer of their own */
void sj_json_str_utf8(FILE *f, const char *s, size_t len)
{
    sj_jw w;
    sj_jw_init(&w, f);
    sj_jw_str_utf8(&w, s, len);
    sj_jw_flush(&w);
}

void sj_json_str(FILE *f, const char *s, size_t len)
{
    sj_jw w;
    sj_jw_init(&w, f);
    sj_jw_str(&w, s, len);
    sj_jw_flush(&w);
}

void sj_html_esc(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '<') fputs("&lt;", f);
        else if (c == '>') fputs("&gt;", f);
        else if (c == '&') fputs("&amp;", f);
        else if (c == '"') fputs("&quot;", f);
        else fputc(c, f);
    }
}

/* titles, names and messages: shown as names (see display) */
void sj_html_str(FILE *f, const char *s)
{
    char *d = display(s, strlen(s));
    sj_html_esc(f, d, strlen(d));
    free(d);
}

void sj_md_esc(FILE *f, const char *s, size_t n)
{
    char *fixed = NULL;
    if (!utf8_valid(s, n))
        s = fixed = to_utf8(s, n, &n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        /* a < that could open a tag, comment, declaration or processing
         * instruction (CommonMark raw HTML); "<=" and "< 5" stay as written */
        int tag = c == '<' && i + 1 < n && (((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z') ||
                                            s[i + 1] == '/' || s[i + 1] == '!' || s[i + 1] == '?');
        if (c == '|') fputs("\\|", f);
        else if (tag) fputs("&lt;", f);
        else if (c == '\n' || c == '\t') fputc(' ', f);
        else if (c < 0x20 || c == 0x7F) fprintf(f, "\\x%02X", c);
        else fputc(c, f);
    }
    free(fixed);
}

void sj_md_code(FILE *f, const char *s)
{
    char *d = display(s, strlen(s));
    size_t longest = 0, run = 0;
    for (const char *p = d; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    size_t n = strlen(d);
    int pad = n && (d[0] == '`' || d[n - 1] == '`');
    for (size_t i = 0; i <= longest; i++)
        fputc('`', f);
    if (pad)
        fputc(' ', f);
    for (const char *p = d; *p; p++) {
        if (*p == '|')
            fputc('\\', f);
        fputc(*p, f);
    }
    if (pad)
        fputc(' ', f);
    for (size_t i = 0; i <= longest; i++)
        fputc('`', f);
    free(d);
}

void sj_csv_str(FILE *f, const char *s, size_t len)
{
    char *fixed = NULL;
    if (!utf8_valid(s, len))
        s = fixed = to_utf8(s, len, &len);
    fputc('"', f);
    /* a spreadsheet runs a cell that starts = + - @ as a formula */
    if (len && strchr("=+-@", s[0]))
        fputc('\'', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            fputs("\"\"", f);
        else if (c == '\n')
            fputc(' ', f);
        else if ((c < 0x20 && c != '\t') || c == 0x7F)
            fprintf(f, "\\x%02X", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
    free(fixed);
}

void sj_copy_spool(FILE *from, FILE *to)
{
    char buf[65536];
    size_t k;
    rewind(from);
    while ((k = fread(buf, 1, sizeof buf, from)) > 0)
        fwrite(buf, 1, k, to);
}

const char *sj_render_title(const sj_doc *d) { return d->title ? d->title : d->path; }

int sj_render_pair_finding(const sj_findings *fs, const sj_doc *c, const sj_doc *p,
                           const sj_pair *pr)
{
    const sj_target *pt = &p->targets[pr->parent];
    int best = -1;
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        if (x->parent_item < 0 || x->parent_span.start != pt->span.start ||
            x->parent_span.end != pt->span.end)
            continue;
        if (pr->child >= 0 && x->child_item >= 0 &&
            x->child_span.start != c->targets[pr->child].span.start)
            continue;
        if (best < 0 || x->level > fs->items[best].level)
            best = i;
    }
    return best;
}

sj_pos sj_span_last_pos(const sj_doc *d, sj_span s)
{
    return sj_norm_pos(&d->norm, s.end > s.start ? s.end - 1 : s.start);
}
