/* text.c - the offset map's queries and the text's destructors (text.h). */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* characters of n->src before offset to, moving the cursor forward or
 * back: linear in the distance moved */
static size_t chars_at(sj_norm *n, size_t to)
{
    if (to > n->src_len)
        to = n->src_len;
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

void sj_norm_seal(sj_norm *n)
{
    /* the map lives as long as the document: give back what doubling
     * reserved (up to half) */
    n->segs = xrealloc(n->segs, (n->nsegs + 1) * sizeof *n->segs);
    n->capsegs = n->nsegs + 1;
    n->line_starts = xrealloc(n->line_starts, (n->nlines + 1) * sizeof *n->line_starts);
    n->line_chars = xrealloc(n->line_chars, (n->nlines + 1) * sizeof *n->line_chars);
}

/* the segment holding normalized offset off (the first if none does) */
static const sj_seg *seg_of(const sj_norm *n, size_t off)
{
    size_t lo = 0, hi = n->nsegs;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (n->segs[mid].norm <= off)
            lo = mid;
        else
            hi = mid;
    }
    return &n->segs[lo];
}

size_t sj_norm_src(const sj_norm *n, size_t off)
{
    if (n->nsegs == 0)
        return 0;
    const sj_seg *s = seg_of(n, off);
    if (off < s->norm)
        return s->src;
    size_t r = s->identity ? s->src + (off - s->norm) : s->src;
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
    const sj_seg *s = n->nsegs ? seg_of(n, off) : NULL;
    size_t r = s ? s->src : 0, chars = s ? s->chars : 0;
    int counted = s && off > s->norm && s->identity; /* bytes of the decoded text's own */
    if (counted)
        r += off - s->norm;
    if (r >= n->src_len) {
        r = n->src_len;
        chars = n->src_chars;
        counted = 0;
    }
    size_t line = line_of(n, r), ls = n->line_starts[line];
    p.line = (int)line + 1;
    if (counted && ls >= s->src) /* the line starts inside the run: count from there */
        p.column = (int)sj_utf8_count(n->text + s->norm + (ls - s->src), r - ls) + 1;
    else if (counted) /* the run starts inside the line */
        p.column = (int)(chars - n->line_chars[line] +
                         sj_utf8_count(n->text + s->norm, off - s->norm)) + 1;
    else
        p.column = (int)(chars - n->line_chars[line]) + 1;
    return p;
}

void sj_norm_free(sj_norm *n)
{
    free(n->text);
    free(n->segs);
    free(n->line_starts);
    free(n->line_chars);
    memset(n, 0, sizeof *n);
}

void sj_decoded_free(sj_decoded *d)
{
    free(d->text);
    memset(d, 0, sizeof *d);
}
