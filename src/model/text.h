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

/* The map is a list of segments, each a run of normalized bytes that
 * either copy the decoded text byte for byte (identity) or all stand for
 * one place in it (a replaced, inserted or expanded character). A
 * replaced character of one byte (a full-width comma become ',') that is
 * followed at once by another segment and sits where the identity run
 * before it would put it, is left in that run: one segment per comma,
 * not two. Each segment also holds how many characters of the decoded
 * text lie before its place, and each line where its characters start,
 * so that line:column never needs the decoded text itself (which the
 * pipeline frees once normalized, see pipeline.h). Once sealed, the
 * segments are kept packed, 32 to a block: the block's first segment
 * whole, the others as 16-bit distances from it (about 6.5 bytes a
 * segment); sj_norm_seg() reads one back. 8 bytes a line. */
typedef struct {
    uint32_t norm;          /* first normalized byte of the segment */
    uint32_t src;           /* decoded byte it maps to */
    uint32_t chars : 31;    /* decoded characters before src */
    uint32_t identity : 1;  /* 1: bytes map one to one; 0: all map to src */
} sj_seg;

#define SJ_SEG_BLOCK 32
typedef struct {
    uint32_t norm, src, chars; /* the block's first segment */
    uint32_t identity;         /* bit k: segment k of the block is identity */
} sj_segblock;

typedef struct {
    uint16_t norm, src, chars; /* distances from the block's first segment;
                                  norm 0xFFFF: too far, in sj_norm.far */
} sj_segoff;

typedef struct {
    uint32_t index; /* of the segment */
    sj_seg seg;
} sj_segfar;

typedef struct {
    char *text; /* owned, NUL-terminated */
    size_t len;
    sj_seg *segs;          /* while normalize writes the map; NULL once sealed */
    size_t nsegs, capsegs; /* nsegs: segments, written or sealed */
    sj_segblock *blocks;   /* once sealed: nsegs / 32 rounded up */
    sj_segoff *offs;       /* once sealed: one per segment */
    sj_segfar *far;        /* once sealed: the segments too far from their
                              block's first, by index */
    size_t nfar;
    const char *src; /* the decoded text (not owned); NULL once freed */
    size_t src_len;
    size_t src_chars;      /* characters of the decoded text */
    uint32_t *line_starts; /* decoded-text offsets of each line start */
    uint32_t *line_chars;  /* decoded characters before each line start */
    size_t nlines;
    /* while normalize appends to the map: the characters of src before
     * byte cursor_at, so that each new segment's count is taken as the
     * segment is made (normalize never needs the decoded text after) */
    size_t cursor_at, cursor_chars;
} sj_norm;

typedef struct {
    int line;   /* 1-based */
    int column; /* 1-based, in characters */
} sj_pos;

/* The map: normalized byte offset -> decoded byte offset, and -> original
 * 1-based line and column (columns count characters). Neither reads the
 * decoded text. */
size_t sj_norm_src(const sj_norm *n, size_t norm_off);
/* Segment i (< n->nsegs) of the map, written or sealed. */
sj_seg sj_norm_seg(const sj_norm *n, size_t i);
sj_pos sj_norm_pos(const sj_norm *n, size_t norm_off);
/* Position of a decoded-text offset: needs the decoded text (n->src);
 * without it, column 1 of the line. */
sj_pos sj_src_pos(const sj_norm *n, size_t src_off);
/* Appends to the map: normalized bytes from `at` on come from decoded
 * offset src, byte for byte (ident) or all of them. Called by normalize
 * for each character it writes, in order; merges runs as described above.
 * A new segment's character count is read from n->src between the last
 * segment's place and src: the decoded text before the last segment's
 * place is not read again. */
void sj_norm_map(sj_norm *n, uint32_t at, uint32_t src, int ident);
/* Packs the segments and gives back what doubling reserved: the map is
 * then complete (the line and character counts are filled as it is made)
 * and takes no more segments, and n->src may be freed. normalize calls
 * it last. */
void sj_norm_seal(sj_norm *n);
void sj_norm_free(sj_norm *n);
void sj_decoded_free(sj_decoded *d);

#endif
