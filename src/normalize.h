/* normalize.h - decoded UTF-8 in, normalized UTF-8 out, with a map back.
 *
 * What it does, line by line:
 *  - Unicode NFKC per grapheme cluster (utf8proc): full-width digits,
 *    letters, % ( ) , ; : become ASCII; ideographic spaces become spaces;
 *  - markdown: heading marks (#) and bold marks (**) are removed; a pipe
 *    table row becomes a tab-separated row; its |---| rule line is dropped;
 *  - leading and trailing white space is removed, spaces next to CJK
 *    characters are removed (到 2020 年 -> 到2020年), tabs between cells
 *    are kept (runs collapse to one tab, a leading empty cell keeps one);
 *  - dashes between digits (2021—2023, 2021–2023, 2021－2023) become '-';
 *  - page-number lines (— 3 —, - 12 -, 第3页) are dropped;
 *  - a prose line broken by a page break (a long line not ending in
 *    sentence punctuation, then blank lines, then a line that is not a
 *    heading or table row) is joined to its continuation, up to 16 KB
 *    of joined text (text where every line looks broken stays in
 *    paragraphs of bounded size).
 * Output lines are separated by '\n'; blank lines stay (one per original
 * blank line or dropped line) except those swallowed by a join.
 *
 * The map: sj_norm_src() turns any byte offset in the normalized text into
 * a byte offset in the decoded text, and sj_norm_pos() into the original
 * 1-based line and column (columns count characters).
 */
#ifndef SJ_NORMALIZE_H
#define SJ_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

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

/* src must stay alive as long as the sj_norm is used. */
void sj_normalize(const char *src, size_t len, sj_norm *out);
size_t sj_norm_src(const sj_norm *n, size_t norm_off);
sj_pos sj_norm_pos(const sj_norm *n, size_t norm_off);
/* Position of a decoded-text offset. */
sj_pos sj_src_pos(const sj_norm *n, size_t src_off);
void sj_norm_free(sj_norm *n);

#endif
