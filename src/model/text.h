/* text.h - the text a document is read from, as the model holds it: the
 * decoded UTF-8 (decode's output), the normalized text (normalize's
 * output) and the offset map from normalized bytes back to the original
 * file's line:column (and, while the decoded text is held, to its bytes).
 * The stages that fill these (decode.h, normalize.h) include this header;
 * the model does not include them.
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

/* The map is a list of segments in normalized order, each a run of
 * normalized bytes starting at `norm`, with `chars`: how many characters
 * of the decoded text lie before the place it stands for. Positions are
 * counted in characters, not bytes, so the decoded byte offsets are not
 * kept (sj_norm_src finds one from the decoded text when it is held).
 *
 * An identity segment's characters stand one for one, in order, for the
 * decoded characters from `chars` on: the k-th character at or after
 * `norm` is decoded character chars + k (an offset inside a character
 * counts that character, as sj_utf8_count does). A character copied as it
 * is, or replaced by one one-byte character (a full-width comma become
 * ',', a dash become '-', '|' become a tab), goes on in the run; so do
 * the newlines and tabs normalize writes after a run (the first stands
 * for the decoded character after the run, most often the line's own
 * end, the next for the one after that). In any other segment every byte
 * stands for decoded character `chars`. A segment starts only where that
 * correspondence breaks:
 *  - text removed (indentation, spaces, noise, dropped lines, a line end
 *    a join removes) or characters out of order: a new identity segment;
 *  - a character expanded into several (m2 from U+33A1, (1) from U+2460),
 *    or replaced by one multibyte character (a converted traditional
 *    character): a segment of its own, so that an offset inside it gives
 *    its place (as json's span end - 1 asks);
 *  - newlines or tabs written after a replaced character (a line ending
 *    in a full-width semicolon): they stand for that character's place, a
 *    segment of their own;
 *  - every SJ_SEG_SPAN bytes of an identity run, at a character boundary:
 *    a query counts the characters from its segment's start, at most that
 *    many bytes.
 * Lines come from the decoded text's line starts (line_starts: bytes;
 * line_chars: characters before each, the newlines counted), 8 bytes a
 * line, so line:column never needs the decoded text itself (which the
 * pipeline frees once normalized, see pipeline.h).
 *
 * Once sealed, the segments are kept packed, 32 to a block: the block's
 * first segment whole (sj_segblock: norm, chars and one identity bit per
 * segment of the block), each segment as 16-bit distances from it
 * (sj_segoff, 4 bytes); a segment whose distances do not fit (or step
 * back) is marked norm 0xFFFF there and kept whole in the far list, by
 * index. About 4.4 bytes a segment; sj_norm_seg() reads one back. */
typedef struct {
    uint32_t norm;          /* first normalized byte of the segment */
    uint32_t chars : 31;    /* decoded characters before its place */
    uint32_t identity : 1;  /* 1: character for character; 0: all at chars */
} sj_seg;

#define SJ_SEG_BLOCK 32
#define SJ_SEG_SPAN 1024 /* bytes of an identity run between two segments,
                            at most (and a character's bytes) */
typedef struct {
    uint32_t norm, chars; /* the block's first segment */
    uint32_t identity;    /* bit k: segment k of the block is identity */
} sj_segblock;

typedef struct {
    uint16_t norm, chars; /* distances from the block's first segment;
                             norm 0xFFFF: too far, in sj_norm.far */
} sj_segoff;

typedef struct {
    uint32_t index; /* of the segment */
    sj_seg seg;
} sj_segfar;

/* What sj_norm_map keeps between calls while normalize writes the map. */
typedef struct {
    /* the characters of the decoded text before byte cursor_at, and the
     * line cursor_at is in: the decoded text is read forward from there
     * (normalize never needs the decoded text before its line again) */
    size_t cursor_at, cursor_chars, cursor_line;
    /* the normalized characters from the last segment's start to byte
     * counted_at (written text, counted once) */
    uint32_t counted_at, counted_chars;
    /* the last call: its byte, its place's characters, identity or not */
    uint32_t last_at, last_chars;
    int last_ident;
} sj_normw;

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
    sj_normw w;            /* while normalize appends to the map */
} sj_norm;

typedef struct {
    int line;   /* 1-based */
    int column; /* 1-based, in characters */
} sj_pos;

/* The map: normalized byte offset -> original 1-based line and column
 * (columns count characters), from the segments and lines alone (no
 * decoded text). An offset inside a character of an identity segment
 * counts that character; an offset before the first segment is its
 * place, one past the text's end is the end; a count past the decoded
 * text's end is its end. */
sj_pos sj_norm_pos(const sj_norm *n, size_t norm_off);
/* Normalized byte offset -> decoded byte offset: the start of the decoded
 * character sj_norm_pos counts to (found by its line, then read along the
 * decoded line from line_starts), plus, inside a character of an identity
 * segment, the bytes into it; at most src_len. Reads the decoded text:
 * when n->src is NULL, a best effort, the start of the character's line.
 * Costs the length of the line. */
size_t sj_norm_src(const sj_norm *n, size_t norm_off);
/* Segment i (< n->nsegs) of the map, written or sealed. */
sj_seg sj_norm_seg(const sj_norm *n, size_t i);
/* Position of a decoded-text offset: needs the decoded text (n->src);
 * without it, column 1 of the line. */
sj_pos sj_src_pos(const sj_norm *n, size_t src_off);
/* Appends to the map: normalized bytes from `at` on come from decoded
 * offset src (a character start), byte for byte (ident: the decoded
 * text's own) or as a replacement of that character. text holds the
 * normalized text written so far (`at` bytes; the character being mapped
 * is not written yet). Called by normalize in order: once for each
 * replaced character it writes and once for each run of characters it
 * copies; what it writes between calls without one (newlines, tabs) is
 * counted here. Takes the decoded character count from n->src forward
 * from the last call (within the line of src: what lies before it is not
 * read again) and counts the normalized text written since the last call
 * once; what the last call wrote is settled here (text.h above). */
void sj_norm_map(sj_norm *n, const char *text, uint32_t at, uint32_t src, int ident);
/* Settles the last call against the text's end (n->text, n->len, which
 * normalize sets first), packs the segments and gives back what doubling
 * reserved: the map is then complete (the line and character counts are
 * filled as it is made) and takes no more segments, and n->src may be
 * freed. normalize calls it last. */
void sj_norm_seal(sj_norm *n);
void sj_norm_free(sj_norm *n);
void sj_decoded_free(sj_decoded *d);

#endif
