/* charset.c - a web page's bytes as UTF-8.
 *
 * Promises: the charset comes from a BOM (UTF-8, UTF-16LE/BE), else the
 * first <meta charset> or http-equiv charset in the first 4 KB, else UTF-8
 * if the bytes are valid UTF-8, else GB18030 (GB2312, GBK, CP936 are read
 * as GB18030, their superset). Bytes the charset cannot decode become
 * U+FFFD. The <meta> charset of the result is rewritten to utf-8 so the
 * HTML parser does not decode it twice. Linear in the page.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>
#include "read_int.h"

/* the charset a <meta> names in the first 4 KB, into cs; 0 none. Also
 * the offset and length of the value, to rewrite it. */
static int meta_charset(const unsigned char *b, size_t len, char *cs, size_t csz,
                        size_t *voff, size_t *vlen)
{
    size_t scan = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 7 < scan; i++) {
        if (strncasecmp((const char *)b + i, "charset", 7))
            continue;
        size_t j = i + 7;
        while (j < scan && (b[j] == ' ' || b[j] == '\t'))
            j++;
        if (j >= scan || b[j] != '=')
            continue;
        j++;
        while (j < scan && (b[j] == ' ' || b[j] == '"' || b[j] == '\''))
            j++;
        size_t k = j;
        while (k < scan && k - j < csz - 1 &&
               ((b[k] >= 'a' && b[k] <= 'z') || (b[k] >= 'A' && b[k] <= 'Z') ||
                (b[k] >= '0' && b[k] <= '9') || b[k] == '-' || b[k] == '_' || b[k] == '.'))
            k++;
        if (k == j)
            continue;
        memcpy(cs, b + j, k - j);
        cs[k - j] = 0;
        *voff = j;
        *vlen = k - j;
        return 1;
    }
    return 0;
}

static char *to_utf8(const char *from, const unsigned char *b, size_t len, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    sj_buf o = {0};
    sj_buf_reserve(&o, len * 2 + 16);
    char *in = (char *)b;
    size_t inl = len;
    while (inl) {
        sj_buf_reserve(&o, 4096);
        char *op = o.data + o.len;
        size_t ol = o.cap - o.len - 1;
        size_t r = iconv(cd, &in, &inl, &op, &ol);
        o.len = (size_t)(op - o.data);
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            sj_buf_adds(&o, "\xef\xbf\xbd"); /* EILSEQ / EINVAL: skip one byte */
            in++;
            inl--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    o.data[o.len] = 0;
    iconv_close(cd);
    *out_len = o.len;
    return sj_buf_take(&o);
}

char *rd_html_utf8(const unsigned char *b, size_t len, size_t *out_len)
{
    char cs[40] = "";
    size_t voff = 0, vlen = 0;
    const char *from = NULL;
    if (len >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0) {
        b += 3;
        len -= 3;
        from = "UTF-8";
    } else if (len >= 2 && b[0] == 0xff && b[1] == 0xfe) {
        b += 2;
        len -= 2;
        from = "UTF-16LE";
    } else if (len >= 2 && b[0] == 0xfe && b[1] == 0xff) {
        b += 2;
        len -= 2;
        from = "UTF-16BE";
    } else if (meta_charset(b, len, cs, sizeof cs, &voff, &vlen)) {
        if (strncasecmp(cs, "gb", 2) == 0 || strcasecmp(cs, "x-gbk") == 0 ||
            strcasecmp(cs, "cp936") == 0)
            from = "GB18030";
        else if (strcasecmp(cs, "utf8") == 0)
            from = "UTF-8";
        else
            from = cs;
    }
    char *u = NULL;
    if (from && strcasecmp(from, "UTF-8") != 0)
        u = to_utf8(from, b, len, out_len); /* NULL: iconv does not know it */
    if (!u) {
        if (sj_utf8_valid((const char *)b, len))
            u = to_utf8("UTF-8", b, len, out_len);
        else
            u = to_utf8("GB18030", b, len, out_len);
    }
    if (u && meta_charset((unsigned char *)u, *out_len, cs, sizeof cs, &voff, &vlen)) {
        sj_buf r = {0};
        sj_buf_add(&r, u, voff);
        sj_buf_adds(&r, "utf-8");
        sj_buf_add(&r, u + voff + vlen, *out_len - voff - vlen);
        free(u);
        *out_len = r.len;
        u = sj_buf_take(&r);
    }
    return u;
}

