/* text.c - the offset map's queries and the text's destructors (text.h). */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static size_t line_of(const sj_norm *n, size_t src_off);

/* characters of n->src before offset to, moving the cursor forward or
 * back. Forward into a later line, the cursor starts again at that line's
 * start, whose count map_lines took (normalize.c): only the decoded text
 * of the line `to` is in is read, never what lies between (a long run of
 * lines normalize left as they were makes no segment, and is given back
 * by sj_normalize_consuming before the next one is made). */
static size_t chars_at(sj_norm *n, size_t to)
{
    if (to > n->src_len)
        to = n->src_len;
    if (to > n->cursor_at && n->nlines && n->line_chars) {
        size_t li = line_of(n, to);
        if (n->line_starts[li] > n->cursor_at) {
            n->cursor_at = n->line_starts[li];
            n->cursor_chars = n->line_chars[li];
        }
    }
    if (to >= n->cursor_at)
        n->cursor_chars += sj_utf8_count(n->src + n->cursor_at, to - n->cursor_at);
    else
        n->cursor_chars -= sj_utf8_count(n->src + to, n->cursor_at - to);
    n->cursor_at = to;
    return n->cursor_chars;
}

void sj_norm_map(sj_norm *n, uint32_t at, uint32_t src, int ident)
{
    sj_seg *last = n->nsegs ? &n->segs[n->nsegs - 1] : NULL;
    if (last && (ident ? last->identity && last->src + (at - last->norm) == src
                       : !last->identity && last->src == src))
        return; /* the last segment goes on */
    /* the last segment is one replaced byte where the identity run before
     * it would put it, and ends here: it joins that run (the byte maps the
     * same; what follows starts a segment of its own) */
    if (last && !last->identity && last->norm + 1 == at && n->nsegs >= 2) {
        sj_seg *p = &n->segs[n->nsegs - 2];
        if (p->identity && p->src + (last->norm - p->norm) == last->src) {
            n->nsegs--;
            if (ident && p->src + (at - p->norm) == src)
                return;
        }
    }
    SJ_GROW(n->segs, n->nsegs, n->capsegs);
    uint32_t chars = (uint32_t)chars_at(n, src) & 0x7fffffffu;
    n->segs[n->nsegs++] = (sj_seg){at, src, chars, ident ? 1u : 0u};
}

/* the distance from a block's first segment to one of its segments, or 0
 * when it does not fit 16 bits */
static int seg_off(const sj_seg *first, const sj_seg *g, sj_segoff *o)
{
    if (g->norm < first->norm || g->src < first->src || g->chars < first->chars)
        return 0;
    uint32_t dn = g->norm - first->norm, ds = g->src - first->src;
    uint32_t dc = g->chars - first->chars;
    if (dn >= 0xFFFF || ds > 0xFFFF || dc > 0xFFFF)
        return 0;
    *o = (sj_segoff){(uint16_t)dn, (uint16_t)ds, (uint16_t)dc};
    return 1;
}

void sj_norm_seal(sj_norm *n)
{
    size_t nb = (n->nsegs + SJ_SEG_BLOCK - 1) / SJ_SEG_BLOCK, capfar = 0;
    n->blocks = xmalloc((nb ? nb : 1) * sizeof *n->blocks);
    n->offs = xmalloc((n->nsegs ? n->nsegs : 1) * sizeof *n->offs);
    for (size_t b = 0; b < nb; b++) {
        const sj_seg *first = &n->segs[b * SJ_SEG_BLOCK];
        sj_segblock *k = &n->blocks[b];
        *k = (sj_segblock){first->norm, first->src, first->chars, 0};
        for (size_t j = 0; j < SJ_SEG_BLOCK && b * SJ_SEG_BLOCK + j < n->nsegs; j++) {
            size_t i = b * SJ_SEG_BLOCK + j;
            const sj_seg *g = &n->segs[i];
            k->identity |= (uint32_t)g->identity << j;
            if (!seg_off(first, g, &n->offs[i])) {
                n->offs[i] = (sj_segoff){0xFFFF, 0, 0};
                SJ_GROW(n->far, n->nfar, capfar);
                n->far[n->nfar++] = (sj_segfar){(uint32_t)i, *g};
            }
        }
    }
    free(n->segs);
    n->segs = NULL;
    n->capsegs = 0;
    /* the map lives as long as the document: give back what doubling
     * reserved (up to half) */
    if (n->far)
        n->far = xrealloc(n->far, n->nfar * sizeof *n->far);
    n->line_starts = xrealloc(n->line_starts, (n->nlines + 1) * sizeof *n->line_starts);
    n->line_chars = xrealloc(n->line_chars, (n->nlines + 1) * sizeof *n->line_chars);
}

sj_seg sj_norm_seg(const sj_norm *n, size_t i)
{
    if (n->segs)
        return n->segs[i];
    const sj_segblock *k = &n->blocks[i / SJ_SEG_BLOCK];
    const sj_segoff *o = &n->offs[i];
    if (o->norm == 0xFFFF) {
        size_t lo = 0, hi = n->nfar; /* far[lo] is the last with index <= i */
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (n->far[mid].index <= i)
                lo = mid;
            else
                hi = mid;
        }
        return n->far[lo].seg;
    }
    return (sj_seg){k->norm + o->norm, k->src + o->src, (k->chars + o->chars) & 0x7fffffffu,
                    (k->identity >> (i % SJ_SEG_BLOCK)) & 1u};
}

/* the segment holding normalized offset off (the first if none does) */
static sj_seg seg_of(const sj_norm *n, size_t off)
{
    size_t lo = 0, hi = n->nsegs;
    if (!n->segs) {
        /* the block, then the segment in it */
        size_t blo = 0, bhi = (n->nsegs + SJ_SEG_BLOCK - 1) / SJ_SEG_BLOCK;
        while (bhi - blo > 1) {
            size_t mid = (blo + bhi) / 2;
            if (n->blocks[mid].norm <= off)
                blo = mid;
            else
                bhi = mid;
        }
        lo = blo * SJ_SEG_BLOCK;
        hi = lo + SJ_SEG_BLOCK < n->nsegs ? lo + SJ_SEG_BLOCK : n->nsegs;
    }
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (sj_norm_seg(n, mid).norm <= off)
            lo = mid;
        else
            hi = mid;
    }
    return sj_norm_seg(n, lo);
}

size_t sj_norm_src(const sj_norm *n, size_t off)
{
    if (n->nsegs == 0)
        return 0;
    sj_seg s = seg_of(n, off);
    if (off < s.norm)
        return s.src;
    size_t r = s.identity ? s.src + (off - s.norm) : s.src;
    /* a newline we added between lines maps to the end of that line */
    return r > n->src_len ? n->src_len : r;
}

static size_t line_of(const sj_norm *n, size_t src_off)
{
    size_t lo = 0, hi = n->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (n->line_starts[mid] <= src_off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

sj_pos sj_src_pos(const sj_norm *n, size_t src_off)
{
    sj_pos p = {1, 1};
    if (n->nlines == 0)
        return p;
    size_t lo = line_of(n, src_off);
    p.line = (int)lo + 1;
    if (n->src)
        p.column = (int)sj_utf8_count(n->src + n->line_starts[lo],
                                      src_off - n->line_starts[lo]) + 1;
    return p;
}

sj_pos sj_norm_pos(const sj_norm *n, size_t off)
{
    sj_pos p = {1, 1};
    if (n->nlines == 0)
        return p;
    if (off > n->len)
        off = n->len;
    sj_seg s = n->nsegs ? seg_of(n, off) : (sj_seg){0, 0, 0, 0};
    size_t r = s.src, chars = s.chars;
    int counted = n->nsegs && off > s.norm && s.identity; /* bytes of the decoded text's own */
    if (counted)
        r += off - s.norm;
    if (r >= n->src_len) {
        r = n->src_len;
        chars = n->src_chars;
        counted = 0;
    }
    size_t line = line_of(n, r), ls = n->line_starts[line];
    p.line = (int)line + 1;
    if (counted && ls >= s.src) /* the line starts inside the run: count from there */
        p.column = (int)sj_utf8_count(n->text + s.norm + (ls - s.src), r - ls) + 1;
    else if (counted) /* the run starts inside the line */
        p.column = (int)(chars - n->line_chars[line] +
                         sj_utf8_count(n->text + s.norm, off - s.norm)) + 1;
    else
        p.column = (int)(chars - n->line_chars[line]) + 1;
    return p;
}

void sj_norm_free(sj_norm *n)
{
    free(n->text);
    free(n->segs);
    free(n->blocks);
    free(n->offs);
    free(n->far);
    free(n->line_starts);
    free(n->line_chars);
    memset(n, 0, sizeof *n);
}

void sj_decoded_free(sj_decoded *d)
{
    free(d->text);
    memset(d, 0, sizeof *d);
}
