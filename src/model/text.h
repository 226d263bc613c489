/* text.h - the text a document is read from, as the model holds it: the
 * decoded UTF-8 (decode's output), the normalized text (normalize's
 * output) and the offset map from normalized bytes back to the decoded
 * text and to the original file's line:column. The stages that fill these
 * (decode.h, normalize.h) include this header; the model does not include
 * them.
 */
#ifndef SJ_TEXT_H
#define SJ_TEXT_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *text;          /* owned */
    size_t len;
    char encoding[32];   /* "UTF-8", "UTF-16LE", "GB18030", ... */
    int had_bom;
    int controls;        /* stray VT and SUB characters read as spaces */
} sj_decoded;

typedef struct {
    uint32_t norm; /* first normalized byte of the segment */
    uint32_t src;  /* decoded byte it maps to */
    uint32_t identity; /* 1: bytes map one to one; 0: all map to src */
} sj_seg;

typedef struct {
    char *text; /* owned, NUL-terminated */
    size_t len;
    sj_seg *segs;
    size_t nsegs, capsegs;
    const char *src; /* the decoded text (not owned) */
    size_t src_len;
    size_t *line_starts; /* decoded-text offsets of each line start */
    size_t nlines;
} sj_norm;

typedef struct {
    int line;   /* 1-based */
    int column; /* 1-based, in characters */
} sj_pos;

/* The map: normalized byte offset -> decoded byte offset, and -> original
 * 1-based line and column (columns count characters). */
size_t sj_norm_src(const sj_norm *n, size_t norm_off);
sj_pos sj_norm_pos(const sj_norm *n, size_t norm_off);
/* Position of a decoded-text offset. */
sj_pos sj_src_pos(const sj_norm *n, size_t src_off);
void sj_norm_free(sj_norm *n);
void sj_decoded_free(sj_decoded *d);

#endif
