/* text.c - the offset map's queries and the text's destructors (text.h). */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

size_t sj_norm_src(const sj_norm *n, size_t off)
{
    if (n->nsegs == 0)
        return 0;
    size_t lo = 0, hi = n->nsegs;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (n->segs[mid].norm <= off)
            lo = mid;
        else
            hi = mid;
    }
    const sj_seg *s = &n->segs[lo];
    if (off < s->norm)
        return s->src;
    size_t r = s->identity ? s->src + (off - s->norm) : s->src;
    /* a newline we added between lines maps to the end of that line */
    return r > n->src_len ? n->src_len : r;
}

sj_pos sj_src_pos(const sj_norm *n, size_t src_off)
{
    size_t lo = 0, hi = n->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (n->line_starts[mid] <= src_off)
            lo = mid;
        else
            hi = mid;
    }
    sj_pos p;
    p.line = (int)lo + 1;
    p.column = (int)sj_utf8_count(n->src + n->line_starts[lo],
                                  src_off - n->line_starts[lo]) + 1;
    return p;
}

sj_pos sj_norm_pos(const sj_norm *n, size_t norm_off)
{
    return sj_src_pos(n, sj_norm_src(n, norm_off));
}

void sj_norm_free(sj_norm *n)
{
    free(n->text);
    free(n->segs);
    free(n->line_starts);
    memset(n, 0, sizeof *n);
}

void sj_decoded_free(sj_decoded *d)
{
    free(d->text);
    memset(d, 0, sizeof *d);
}
