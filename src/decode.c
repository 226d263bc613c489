#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


/* Offset of the first invalid UTF-8 sequence, or len if valid. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
    return sj_utf8_invalid_at((const char *)s, len);
}

/* Guess UTF-16 from NULs: in CJK text few code units have a zero byte, but
 * ASCII (digits, punctuation, newlines) does; we require NULs to sit almost
 * only on one parity, in at least one code unit in 200 (a plan of Chinese
 * text without a BOM may have no more ASCII than a line end per 100
 * characters; an 8-bit file with NULs is binary anyway). Returns 1 for
 * LE, 2 for BE, 0 otherwise. */
static int guess_utf16(const unsigned char *s, size_t len)
{
    if (len < 2 || len % 2)
        return 0;
    size_t even = 0, odd = 0;
    const unsigned char *z = s, *end = s + len;
    while ((z = memchr(z, 0, (size_t)(end - z))) != NULL) {
        if ((z - s) % 2)
            odd++;
        else
            even++;
        z++;
    }
    size_t units = len / 2;
    /* (a short file needs one NUL in 20 units, as before) */
    if (odd * 200 >= units && (odd >= 4 || odd > units / 20) && even <= odd / 50)
        return 1;
    if (even * 200 >= units && (even >= 4 || even > units / 20) && odd <= even / 50)
        return 2;
    return 0;
}

/* Converts with iconv; on failure reports the offset in the input (also
 * in *bad_at). */
static int convert(const char *name, const char *from, const unsigned char *in,
                   size_t len, size_t base, char **out, size_t *out_len,
                   size_t *bad_at, sj_err *err)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return sj_fail(err, "%s: unknown encoding '%s'", name, from);
    size_t cap = len * 2 + 16;
    char *buf = xmalloc(cap);
    char *ip = (char *)in, *op = buf;
    size_t il = len, ol = cap - 1;
    int rc = 0;
    while (il > 0) {
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            size_t used = (size_t)(op - buf);
            cap *= 2;
            buf = xrealloc(buf, cap);
            op = buf + used;
            ol = cap - used - 1;
            continue;
        }
        size_t at = base + (size_t)(ip - (char *)in);
        *bad_at = at;
        if (errno == EINVAL)
            rc = sj_fail(err, "%s: truncated %s sequence at byte offset %zu",
                         name, from, at);
        else
            rc = sj_fail(err,
                         "%s: invalid byte sequence at byte offset %zu "
                         "(not UTF-8, UTF-16 or %s; try --encoding)",
                         name, at, from);
        break;
    }
    iconv_close(cd);
    if (rc) {
        free(buf);
        return rc;
    }
    *out = buf;
    *out_len = (size_t)(op - buf);
    buf[*out_len] = '\0';
    return 0;
}

static int is_utf16(const char *enc)
{
    return strncasecmp(enc, "UTF-16", 6) == 0 || strncasecmp(enc, "UCS-2", 5) == 0;
}

/* In 8-bit input (UTF-8, GB18030) every byte below 0x20 is a control char.
 * VT and SUB are let through (see stray_controls). */
static int check_controls_8bit(const char *name, const unsigned char *s,
                               size_t len, size_t base, sj_err *err)
{
    for (size_t i = 0; i < len; i++) {
        /* eight bytes at a time while none is below 0x20 (the high bit of
         * a byte of w - 0x20.. is set only if that byte is below 0x20 or
         * above 0x7F; ~w removes the latter) */
        uint64_t w;
        while (i + 8 <= len && (memcpy(&w, s + i, 8),
                                !((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull)))
            i += 8;
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B ||
            c == 0x1A)
            continue;
        if (c == 0)
            return sj_fail(err, "%s: binary file (NUL byte at byte offset %zu)",
                           name, base + i);
        return sj_fail(err,
                       "%s: binary file (control byte 0x%02x at byte offset %zu)",
                       name, c, base + i);
    }
    return 0;
}

/* Unify line ends to LF, check controls in decoded text (for UTF-16, where
 * bytes cannot be checked directly) and line lengths. */
static int finish(const char *name, char *text, size_t *len, int check_ctl,
                  size_t max_line, sj_err *err)
{
    if (!check_ctl && !memchr(text, '\r', *len)) {
        /* nothing to rewrite: only line lengths to check */
        size_t line_no = 1;
        for (const char *p = text, *end = text + *len; p < end; line_no++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t l = (size_t)((nl ? nl : end) - p);
            if (l > max_line)
                return sj_fail(err, "%s: line %zu is longer than %zu bytes; not a "
                                    "plan text", name, line_no, max_line);
            p = nl ? nl + 1 : end;
        }
        return 0;
    }
    size_t w = 0, line_start = 0, line_no = 1;
    for (size_t r = 0; r < *len; r++) {
        unsigned char c = (unsigned char)text[r];
        if (check_ctl && c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
            c != '\f' && c != 0x0B && c != 0x1A)
            return sj_fail(err, "%s: binary file (control character U+%04X "
                                "on line %zu)", name, c, line_no);
        if (c == '\r') {
            if (r + 1 < *len && text[r + 1] == '\n')
                continue;
            c = '\n';
        }
        text[w++] = (char)c;
        if (c == '\n') {
            line_start = w;
            line_no++;
        } else if (w - line_start > max_line) {
            return sj_fail(err, "%s: line %zu is longer than %zu bytes; not a "
                                "plan text", name, line_no, max_line);
        }
    }
    *len = w;
    text[w] = '\0';
    return 0;
}

/* A stray VT (0x0B, a line break of word processors) or SUB (0x1A, an old
 * end-of-file mark) in the decoded text becomes a space; returns how many. */
static int stray_controls(char *text, size_t len)
{
    int n = 0;
    for (char *p = text, *end = text + len; (p = memchr(p, 0x0B, (size_t)(end - p))); p++)
        *p = ' ', n++;
    for (char *p = text, *end = text + len; (p = memchr(p, 0x1A, (size_t)(end - p))); p++)
        *p = ' ', n++;
    return n;
}

/* The encoding of bytes: forced, from a BOM (*skip: its length), or
 * detected (*valid: the bytes were checked to be UTF-8); NULL with err set
 * for a binary file. */
static const char *detect(const char *name, const unsigned char *bytes, size_t len,
                          const char *force, sj_decoded *out, size_t *skip, int *valid,
                          sj_err *err)
{
    const char *enc = NULL;
    *skip = 0;
    *valid = 0;
    if (force && *force) {
        enc = force;
        if (strcasecmp(force, "UTF-8") == 0 || strcasecmp(force, "UTF8") == 0) {
            enc = "UTF-8";
            if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3))
                *skip = 3, out->had_bom = 1;
        } else if (strcasecmp(force, "UTF-16") == 0) {
            if (len >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
                enc = "UTF-16LE", *skip = 2, out->had_bom = 1;
            else if (len >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
                enc = "UTF-16BE", *skip = 2, out->had_bom = 1;
            else
                enc = "UTF-16LE";
        }
    } else if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3)) {
        enc = "UTF-8", *skip = 3, out->had_bom = 1;
    } else if (len >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) {
        enc = "UTF-16LE", *skip = 2, out->had_bom = 1;
    } else if (len >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) {
        enc = "UTF-16BE", *skip = 2, out->had_bom = 1;
    } else {
        int u16 = guess_utf16(bytes, len);
        if (u16)
            enc = u16 == 1 ? "UTF-16LE" : "UTF-16BE";
        else if (memchr(bytes, 0, len)) {
            const unsigned char *z = memchr(bytes, 0, len);
            sj_fail(err, "%s: binary file (NUL byte at byte offset %zu)", name,
                    (size_t)(z - bytes));
            return NULL;
        } else if (utf8_invalid_at(bytes, len) == len)
            enc = "UTF-8", *valid = 1;
        else
            enc = "GB18030";
    }
    return enc;
}

/* sj_decode; with own set (*own == bytes, malloc'd), UTF-8 is decoded in
 * the caller's buffer, which is then taken (*own set to NULL): one copy
 * of the text less at the peak. */
static int decode(const char *name, const unsigned char *bytes, size_t len,
                  const sj_decode_opts *opts, sj_decoded *out, sj_err *err,
                  unsigned char **own)
{
    memset(out, 0, sizeof *out);
    size_t max_line = opts && opts->max_line_bytes ? opts->max_line_bytes
                                                   : SJ_DEFAULT_MAX_LINE;
    const char *force = opts ? opts->force_encoding : NULL;
    if (len == 0)
        return sj_fail(err, "%s: empty file", name);

    size_t skip;
    int valid;
    const char *enc = detect(name, bytes, len, force, out, &skip, &valid, err);
    if (!enc)
        return -1;
    snprintf(out->encoding, sizeof out->encoding, "%s", enc);

    const unsigned char *p = bytes + skip;
    size_t n = len - skip;
    if (n == 0)
        return sj_fail(err, "%s: empty file (only a byte order mark)", name);
    char *text = NULL;
    size_t tlen = 0;
    int sixteen = is_utf16(enc);
    if (!sixteen && check_controls_8bit(name, p, n, skip, err))
        return -1;
    if (strcmp(enc, "UTF-8") == 0) {
        size_t bad = valid ? n : utf8_invalid_at(p, n);
        if (bad != n)
            return sj_fail(err, "%s: invalid UTF-8 at byte offset %zu", name,
                           skip + bad);
        if (own && *own == bytes) {
            /* the same bytes: moved past the BOM, kept where they are */
            unsigned char *b = *own;
            *own = NULL;
            memmove(b, p, n);
            text = xrealloc(b, n + 1);
            text[n] = '\0';
        } else {
            text = xstrndup((const char *)p, n);
        }
        tlen = n;
    } else {
        size_t bad_at = 0;
        if (convert(name, enc, p, n, skip, &text, &tlen, &bad_at, err)) {
            /* detected GB18030 failed: if UTF-8 got further, it fits best */
            size_t u8 = !force || !*force ? utf8_invalid_at(p, n) : 0;
            if (u8 > bad_at)
                sj_fail(err, "%s: invalid UTF-8 at byte offset %zu (UTF-8 fits best; tried "
                             "UTF-8, UTF-16 and GB18030, which fails at byte offset %zu; "
                             "try --encoding)", name, u8, bad_at);
            return -1;
        }
    }
    out->controls = stray_controls(text, tlen);
    /* iconv's output for a forced 8-bit encoding may still hold a BOM */
    if (tlen >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
        memmove(text, text + 3, tlen - 3 + 1);
        tlen -= 3;
        out->had_bom = 1;
    }
    if (memchr(text, 0, tlen)) {
        free(text);
        return sj_fail(err, "%s: binary file (NUL character after decoding "
                            "as %s)", name, enc);
    }
    if (finish(name, text, &tlen, sixteen, max_line, err)) {
        free(text);
        return -1;
    }
    size_t k = 0;
    while (k < tlen && (text[k] == '\n' || text[k] == ' ' || text[k] == '\t'))
        k++;
    if (k == tlen) {
        free(text);
        return sj_fail(err, "%s: empty file (only white space)", name);
    }
    out->text = text;
    out->len = tlen;
    return 0;
}

int sj_decode(const char *name, const unsigned char *bytes, size_t len,
              const sj_decode_opts *opts, sj_decoded *out, sj_err *err)
{
    return decode(name, bytes, len, opts, out, err, NULL);
}

int sj_decode_owned(const char *name, unsigned char **bytes, size_t len,
                    const sj_decode_opts *opts, sj_decoded *out, sj_err *err)
{
    return decode(name, *bytes, len, opts, out, err, bytes);
}
