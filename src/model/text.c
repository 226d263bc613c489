/* text.c - the offset map's queries and the text's destructors (text.h). */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static size_t line_of(const sj_norm *n, size_t src_off);

/* characters of n->src before offset to, moving the cursor forward or
 * back. Forward into a later line, the cursor starts again at that line's
 * start, whose count map_lines took (normalize.c): only the decoded text
 * of the line `to` is in is read, from its start or the last call's place
 * on, never what lies before (sj_normalize_consuming gives back the pages
 * behind the line it reads). Every call of a line has its source in that
 * line. */
static size_t chars_at(sj_norm *n, size_t to)
{
    sj_normw *w = &n->w;
    if (to > n->src_len)
        to = n->src_len;
    if (n->nlines && n->line_chars) {
        size_t li = w->cursor_line;
        if (li >= n->nlines || n->line_starts[li] > to ||
            (li + 1 < n->nlines && n->line_starts[li + 1] <= to))
            li = line_of(n, to);
        w->cursor_line = li;
        if (to > w->cursor_at && n->line_starts[li] > w->cursor_at) {
            w->cursor_at = n->line_starts[li];
            w->cursor_chars = n->line_chars[li];
        }
    }
    if (to >= w->cursor_at)
        w->cursor_chars += sj_utf8_count(n->src + w->cursor_at, to - w->cursor_at);
    else
        w->cursor_chars -= sj_utf8_count(n->src + to, w->cursor_at - to);
    w->cursor_at = to;
    return w->cursor_chars;
}

static void push_seg(sj_norm *n, uint32_t at, size_t chars, int ident)
{
    SJ_GROW(n->segs, n->nsegs, n->capsegs);
    n->segs[n->nsegs++] = (sj_seg){at, (uint32_t)chars & 0x7fffffffu, ident ? 1u : 0u};
    n->w.counted_at = at;
    n->w.counted_chars = 0;
}

/* bytes of the UTF-8 character whose lead byte is c */
static uint32_t lead_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The last call wrote a replaced character at w->last_at, and the text
 * now runs to `at`: a character of several bytes, or one followed by
 * bytes written without a call (newlines after a line's last character),
 * stands for its place alone, not in the identity run it was put in. */
static void settle_last(sj_norm *n, const char *text, uint32_t at)
{
    sj_normw *w = &n->w;
    if (!n->nsegs || w->last_ident || !n->segs[n->nsegs - 1].identity)
        return; /* a run, or already in a segment of its own place */
    sj_seg *last = &n->segs[n->nsegs - 1];
    uint32_t len = lead_len((unsigned char)text[w->last_at]);
    if (len == 1 && at <= w->last_at + 1)
        return; /* one byte for one character, nothing after it */
    uint32_t from = len > 1 || w->last_at == last->norm ? w->last_at : w->last_at + 1;
    if (from == last->norm)
        last->identity = 0;
    else
        push_seg(n, from, w->last_chars, 0);
}

/* counts the normalized characters of the identity segment last written
 * up to `at`, starting a new segment every SJ_SEG_SPAN bytes (at a
 * character boundary) */
static void count_to(sj_norm *n, const char *text, uint32_t at)
{
    sj_normw *w = &n->w;
    for (;;) {
        const sj_seg *last = &n->segs[n->nsegs - 1];
        if (at - last->norm <= SJ_SEG_SPAN)
            break;
        uint32_t b = last->norm + SJ_SEG_SPAN;
        if (b < w->counted_at)
            b = w->counted_at;
        while (b < at && ((unsigned char)text[b] & 0xC0) == 0x80)
            b++;
        if (b >= at)
            break;
        size_t chars = last->chars + w->counted_chars +
                       sj_utf8_count(text + w->counted_at, b - w->counted_at);
        push_seg(n, b, chars, 1);
    }
    w->counted_chars += (uint32_t)sj_utf8_count(text + w->counted_at, at - w->counted_at);
    w->counted_at = at;
}

void sj_norm_map(sj_norm *n, const char *text, uint32_t at, uint32_t src, int ident)
{
    sj_normw *w = &n->w;
    settle_last(n, text, at);
    size_t chars = chars_at(n, src) & 0x7fffffffu;
    sj_seg *last = n->nsegs ? &n->segs[n->nsegs - 1] : NULL;
    if (last && last->identity) {
        count_to(n, text, at);
        last = &n->segs[n->nsegs - 1];
        if (last->chars + (size_t)w->counted_chars == chars)
            goto done; /* the next character of the run (for a replaced
                          one: settled at the next call) */
        if (!ident && !w->last_ident && w->last_chars == chars) {
            /* a second character for the place of the last: an expanded
             * character, all of it at that place */
            if (w->last_at == last->norm)
                last->identity = 0;
            else
                push_seg(n, w->last_at, chars, 0);
            goto done;
        }
    } else if (last && !ident && last->chars == chars) {
        goto done; /* the expanded character goes on */
    }
    push_seg(n, at, chars, 1);
done:
    w->last_at = at;
    w->last_chars = (uint32_t)chars;
    w->last_ident = ident;
}

/* the distance from a block's first segment to one of its segments, or 0
 * when it does not fit 16 bits */
static int seg_off(const sj_seg *first, const sj_seg *g, sj_segoff *o)
{
    if (g->norm < first->norm || g->chars < first->chars)
        return 0;
    uint32_t dn = g->norm - first->norm, dc = g->chars - first->chars;
    if (dn >= 0xFFFF || dc > 0xFFFF)
        return 0;
    *o = (sj_segoff){(uint16_t)dn, (uint16_t)dc};
    return 1;
}

void sj_norm_seal(sj_norm *n)
{
    /* the last call against the text's end (the newline after the last
     * line), and the identity run's last stretch counted */
    if (n->text && n->nsegs) {
        settle_last(n, n->text, (uint32_t)n->len);
        if (n->segs[n->nsegs - 1].identity)
            count_to(n, n->text, (uint32_t)n->len);
    }
    size_t nb = (n->nsegs + SJ_SEG_BLOCK - 1) / SJ_SEG_BLOCK, capfar = 0;
    n->blocks = xmalloc((nb ? nb : 1) * sizeof *n->blocks);
    n->offs = xmalloc((n->nsegs ? n->nsegs : 1) * sizeof *n->offs);
    for (size_t b = 0; b < nb; b++) {
        const sj_seg *first = &n->segs[b * SJ_SEG_BLOCK];
        sj_segblock *k = &n->blocks[b];
        *k = (sj_segblock){first->norm, first->chars, 0};
        for (size_t j = 0; j < SJ_SEG_BLOCK && b * SJ_SEG_BLOCK + j < n->nsegs; j++) {
            size_t i = b * SJ_SEG_BLOCK + j;
            const sj_seg *g = &n->segs[i];
            k->identity |= (uint32_t)g->identity << j;
            if (!seg_off(first, g, &n->offs[i])) {
                n->offs[i] = (sj_segoff){0xFFFF, 0};
                SJ_GROW(n->far, n->nfar, capfar);
                n->far[n->nfar++] = (sj_segfar){(uint32_t)i, *g};
            }
        }
    }
    free(n->segs);
    n->segs = NULL;
    n->capsegs = 0;
    memset(&n->w, 0, sizeof n->w);
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
    return (sj_seg){k->norm + o->norm, (k->chars + o->chars) & 0x7fffffffu,
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

/* the decoded characters before the place of normalized offset off (at
 * most n->len; an offset inside a character of an identity segment counts
 * it), and in *s its segment */
static size_t chars_of(const sj_norm *n, size_t off, sj_seg *s)
{
    *s = seg_of(n, off);
    size_t c = s->chars;
    if (s->identity && off > s->norm)
        c += sj_utf8_count(n->text + s->norm, off - s->norm);
    return c;
}

/* the last of the n (>= 1) ascending values v[] at or below x (0 if none):
 * the line holding a decoded character (v: line_chars) or byte (v:
 * line_starts) */
static size_t last_at_or_below(const uint32_t *v, size_t n, size_t x)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] <= x)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* the line holding decoded character c */
static size_t line_of_char(const sj_norm *n, size_t c)
{
    return last_at_or_below(n->line_chars, n->nlines, c);
}

size_t sj_norm_src(const sj_norm *n, size_t off)
{
    if (n->nsegs == 0 || n->nlines == 0)
        return 0;
    /* inside a character of an identity run (which is its decoded
     * character's own bytes): the bytes into it; past the end, the bytes
     * past it */
    size_t into = 0;
    if (off > n->len) {
        into = off - n->len;
        off = n->len;
    }
    sj_seg s;
    size_t c = chars_of(n, off, &s);
    if (s.identity && off > s.norm) {
        size_t o = off;
        while (o > s.norm && o < n->len && ((unsigned char)n->text[o] & 0xC0) == 0x80)
            o--;
        if (o < off) {
            into += off - o;
            c = chars_of(n, o, &s);
        }
    } else {
        into = 0;
    }
    if (c >= n->src_chars)
        return n->src_len;
    size_t line = line_of_char(n, c), r = n->line_starts[line];
    if (!n->src)
        return r; /* best effort: the line's start */
    for (size_t k = c - n->line_chars[line]; k > 0 && r < n->src_len; k--) {
        r++;
        while (r < n->src_len && ((unsigned char)n->src[r] & 0xC0) == 0x80)
            r++;
    }
    r += into;
    return r > n->src_len ? n->src_len : r;
}

static size_t line_of(const sj_norm *n, size_t src_off)
{
    return last_at_or_below(n->line_starts, n->nlines, src_off);
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
    sj_seg s;
    size_t c = n->nsegs ? chars_of(n, off, &s) : 0;
    if (c > n->src_chars)
        c = n->src_chars;
    size_t line = line_of_char(n, c);
    p.line = (int)line + 1;
    p.column = (int)(c - n->line_chars[line]) + 1;
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
