/* script.c - traditional script to simplified, inside normalize.
 *
 * Promise: a document whose text the [script] rules do not flag is not
 * touched (simplified plans pay one scan of the text and keep their output
 * byte for byte). A flagged document is converted line by line with OpenCC
 * (phrase-level dictionaries, the configuration the matching rule names:
 * t2s, or tw2sp for Taiwan vocabulary), and every converted character
 * keeps the decoded-text offset of the character it came from.
 */
#include <stdlib.h>
#include <string.h>

#include <opencc.h>

#include "normalize_int.h"
#include "prefilter.h"

struct sj_script {
    opencc_t cc;
    sj_buf in;
    lline out;
};

const char *sj_lline_utf8(const lline *l, sj_buf *b, size_t **at, size_t *atcap)
{
    /* room for the longest encoding at once; then one store per byte */
    b->len = 0;
    sj_buf_reserve(b, 4 * l->n);
    if (at && *atcap < 4 * l->n + 1) {
        *atcap = 4 * l->n + 16;
        *at = xrealloc(*at, *atcap * sizeof **at);
    }
    unsigned char *o = (unsigned char *)b->data;
    size_t w = 0;
    size_t *map = at ? *at : NULL;
    for (size_t j = 0; j < l->n; j++) {
        uint32_t cp = (uint32_t)l->c[j].cp;
        size_t n;
        if (cp < 0x80) {
            o[w] = (unsigned char)cp;
            n = 1;
        } else if (cp < 0x800) {
            o[w] = (unsigned char)(0xC0 | (cp >> 6));
            o[w + 1] = (unsigned char)(0x80 | (cp & 0x3F));
            n = 2;
        } else if (cp < 0x10000) {
            o[w] = (unsigned char)(0xE0 | (cp >> 12));
            o[w + 1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            o[w + 2] = (unsigned char)(0x80 | (cp & 0x3F));
            n = 3;
        } else {
            n = sj_utf8_encode((int32_t)cp, (char *)o + w);
        }
        if (map)
            for (size_t k = 0; k < n; k++)
                map[w + k] = j;
        w += n;
    }
    if (map)
        map[w] = l->n;
    b->len = w;
    b->data[w] = '\0';
    return b->data;
}

const char *sj_script_detect(const char *text, size_t len, const sj_ruleset *rs,
                             sj_matcher *m)
{
    if (!rs || !m || !sj_rules_first(rs, "script"))
        return NULL;
    /* one Vectorscan pass over the text: the rules that cannot match in it
     * (every rule in a simplified plan) are not searched */
    sj_cand cand;
    sj_prefilter_scan(m, rs, "script", text, len, &cand);
    SJ_FOR_KIND(rs, "script", r) {
        if (!sj_cand_has(&cand, r))
            continue;
        const char *mn = sj_rule_get(r, "min");
        long need = mn ? atol(mn) : 1;
        if (need < 1)
            need = 1;
        long seen = 0;
        size_t off = 0;
        while (off < len && sj_match(m, r, text, len, off)) {
            size_t s, e;
            sj_match_span(m, &s, &e);
            if (++seen >= need)
                return sj_rule_get(r, "config");
            off = e > s ? e : s + 1;
        }
    }
    return NULL;
}

static sj_script *script_open(const char *config)
{
    opencc_t cc = opencc_open(config);
    if (cc == (opencc_t)-1)
        return NULL;
    sj_script *s = xcalloc(1, sizeof *s);
    s->cc = cc;
    return s;
}

static void script_close(sj_script *s)
{
    if (!s)
        return;
    opencc_close(s->cc);
    sj_buf_free(&s->in);
    free(s->out.c);
    free(s);
}

sj_script *sj_script_for(sj_norm_state *st, const char *config)
{
    for (int i = 0; i < st->ncc; i++)
        if (!strcmp(st->cc[i].config, config))
            return st->cc[i].s;
    if (st->ncc == SJ_SCRIPT_CONFIGS) { /* more configurations than rules name today */
        st->ncc--;
        free(st->cc[st->ncc].config);
        script_close(st->cc[st->ncc].s);
    }
    st->cc[st->ncc].config = xstrdup(config);
    st->cc[st->ncc].s = script_open(config);
    return st->cc[st->ncc++].s;
}

void sj_norm_state_free(void *p)
{
    sj_norm_state *st = p;
    if (!st)
        return;
    for (int i = 0; i < st->ncc; i++) {
        free(st->cc[i].config);
        script_close(st->cc[i].s);
    }
    free(st);
}

/* characters OpenCC converts: CJK ideographs (and their extensions) */
static int is_han(int32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Appends the conversion conv[0, clen) of l->c[a, b) (a run of
 * ideographs) to s->out with its map; conv NULL: the run unchanged. */
static void put_run(sj_script *s, const lline *l, size_t a, size_t b, const char *conv,
                    size_t clen)
{
    if (!conv) {
        for (size_t j = a; j < b; j++)
            lpush(&s->out, l->c[j].cp, l->c[j].src, l->c[j].ident);
        return;
    }
    /* decode the converted run */
    size_t first = s->out.n;
    for (size_t i = 0; i < clen;) {
        int32_t cp;
        int n = sj_utf8_decode(conv + i, clen - i, &cp);
        if (n <= 0)
            break;
        i += (size_t)n;
        lpush(&s->out, cp, l->c[a].src, 0);
    }
    size_t got = s->out.n - first, had = b - a;
    lchar *o = s->out.c + first;
    if (got == had) {
        for (size_t k = 0; k < had; k++) {
            o[k].src = l->c[a + k].src;
            o[k].ident = o[k].cp == l->c[a + k].cp && l->c[a + k].ident;
        }
        return;
    }
    /* lengths differ: the common head and tail map one to one, the middle
     * to the first character of the source middle */
    size_t h = 0;
    while (h < got && h < had && o[h].cp == l->c[a + h].cp) {
        o[h].src = l->c[a + h].src;
        o[h].ident = l->c[a + h].ident;
        h++;
    }
    size_t t = 0;
    while (t < got - h && t < had - h && o[got - 1 - t].cp == l->c[b - 1 - t].cp) {
        o[got - 1 - t].src = l->c[b - 1 - t].src;
        o[got - 1 - t].ident = l->c[b - 1 - t].ident;
        t++;
    }
    for (size_t k = h; k < got - t; k++) {
        o[k].src = l->c[a + (h < had ? h : had - 1)].src;
        o[k].ident = 0;
    }
}

/* l->c[a, b) in UTF-8, appended to s->in */
static void add_run(sj_script *s, const lline *l, size_t a, size_t b)
{
    for (size_t j = a; j < b; j++) {
        char enc[4];
        sj_buf_add(&s->in, enc, sj_utf8_encode(l->c[j].cp, enc));
    }
}

/* converts l->c[a, b) alone and appends it to s->out */
static void convert_run(sj_script *s, const lline *l, size_t a, size_t b)
{
    s->in.len = 0;
    add_run(s, l, a, b);
    char *conv = opencc_convert_utf8(s->cc, s->in.data, s->in.len);
    put_run(s, l, a, b, conv, conv ? strlen(conv) : 0);
    if (conv)
        opencc_convert_utf8_free(conv);
}

/* The line's runs of ideographs are converted in one call, joined by
 * '\n': no dictionary key or value holds a '\n' (OpenCC's dictionaries
 * are lines of text), so no match crosses one and each run converts as
 * it would alone; the output is split at the '\n's again. */
void sj_script_line(sj_script *s, lline *l)
{
    size_t j = 0;
    while (j < l->n && !is_han(l->c[j].cp))
        j++;
    if (j == l->n)
        return;
    s->in.len = 0;
    size_t nruns = 0;
    for (size_t k = j; k < l->n;) {
        if (!is_han(l->c[k].cp)) {
            k++;
            continue;
        }
        size_t e = k;
        while (e < l->n && is_han(l->c[e].cp))
            e++;
        if (nruns++)
            sj_buf_addc(&s->in, '\n');
        add_run(s, l, k, e);
        k = e;
    }
    char *conv = opencc_convert_utf8(s->cc, s->in.data, s->in.len);
    const char *piece = conv; /* the next run's conversion in conv */
    size_t left = conv ? strlen(conv) : 0;
    if (conv) {
        /* as many pieces as runs, else each run alone */
        size_t nl = 0;
        for (const char *p = conv; (p = memchr(p, '\n', left - (size_t)(p - conv))); p++)
            nl++;
        if (nl + 1 != nruns)
            piece = NULL;
    }
    s->out.n = 0;
    for (size_t k = 0; k < j; k++)
        lpush(&s->out, l->c[k].cp, l->c[k].src, l->c[k].ident);
    while (j < l->n) {
        if (!is_han(l->c[j].cp)) {
            lpush(&s->out, l->c[j].cp, l->c[j].src, l->c[j].ident);
            j++;
            continue;
        }
        size_t e = j;
        while (e < l->n && is_han(l->c[e].cp))
            e++;
        if (piece) {
            const char *nl = memchr(piece, '\n', left);
            size_t plen = nl ? (size_t)(nl - piece) : left;
            put_run(s, l, j, e, piece, plen);
            if (nl) {
                left -= plen + 1;
                piece = nl + 1;
            }
        } else {
            convert_run(s, l, j, e);
        }
        j = e;
    }
    if (conv)
        opencc_convert_utf8_free(conv);
    /* swap buffers */
    lline tmp = *l;
    *l = s->out;
    s->out = tmp;
}
