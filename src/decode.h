/* decode.h - bytes in, UTF-8 out.
 *
 * Detection order: a BOM (UTF-8, UTF-16LE, UTF-16BE); else valid UTF-8;
 * else UTF-16LE/BE recognised by the pattern of NUL bytes (with or
 * without BOM); else GB18030
 * (a superset of GBK and GB2312) through iconv. A forced encoding (any
 * name iconv knows) skips detection.
 *
 * Promises on success: out->text is valid UTF-8 without BOM, NUL-free,
 * with line ends unified to LF (CRLF and lone CR each count as one line
 * end, so line numbers match the original file), no C0 control bytes but
 * TAB, LF and FF (a stray VT or SUB becomes a space, counted in
 * out->controls for the caller to warn about), and no line longer than the
 * line limit. Empty input, NUL bytes in an 8-bit file, other control bytes
 * and undecodable bytes are errors that name the file and the byte offset
 * in the original file; when detection fails, the offset is that of the
 * encoding that fits best (got furthest).
 */
#ifndef SJ_DECODE_H
#define SJ_DECODE_H

#include <stddef.h>

#include "text.h"
#include "util.h"

typedef struct {
    const char *force_encoding; /* NULL: detect */
    size_t max_line_bytes;      /* 0: default (256 KiB) */
} sj_decode_opts;

int sj_decode(const char *name, const unsigned char *bytes, size_t len,
              const sj_decode_opts *opts, sj_decoded *out, sj_err *err);

/* The same for bytes the caller has malloc'd: UTF-8 is decoded in that
 * buffer and *bytes is set to NULL (the decoded text owns it now);
 * otherwise *bytes is left to the caller. */
int sj_decode_owned(const char *name, unsigned char **bytes, size_t len,
                    const sj_decode_opts *opts, sj_decoded *out, sj_err *err);

#define SJ_DEFAULT_MAX_LINE (256u * 1024u)

#endif
