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

/* A run of ideographs of the line being converted: l->c[a, b), its UTF-8
 * at key[koff, koff + klen); its conversion at memo[val, val + vlen], or
 * none (val < 0: OpenCC failed on it, the run stays). */
typedef struct {
    size_t a, b;
    size_t koff, klen;
    uint64_t h;
    long val;
    size_t vlen;
} run;

/* a memo entry: a run's UTF-8 and its conversion, both in the arena */
typedef struct {
    uint64_t h;
    uint32_t key, klen, val, vlen;
} memo_ent;

/* The memo holds at most this much (then starts again): runs recur within
 * a plan and across plans (headings, agencies, set phrases), and a
 * conversion is a function of the run alone. */
#define MEMO_SLOTS_MAX ((size_t)1 << 15)
#define MEMO_BYTES_MAX ((size_t)2 << 20)

struct sj_script {
    opencc_t cc;
    sj_buf in;  /* the runs not in the memo, joined by '\n' */
    sj_buf key; /* the line's runs in UTF-8, one after the other */
    run *runs;
    size_t nruns, runcap;
    memo_ent *tab; /* open addressing; len 0 is an empty slot */
    size_t tabcap, tabn;
    sj_buf arena;
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
    if (!at) {
        for (size_t j = 0; j < l->n; j++)
            w += sj_put_utf8(o + w, (uint32_t)l->c[j].cp);
    } else {
        size_t *map = *at;
        for (size_t j = 0; j < l->n; j++) {
            size_t n = sj_put_utf8(o + w, (uint32_t)l->c[j].cp);
            for (size_t k = 0; k < n; k++)
                map[w + k] = j;
            w += n;
        }
        map[w] = l->n;
    }
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
    sj_buf_free(&s->key);
    free(s->runs);
    free(s->tab);
    sj_buf_free(&s->arena);
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
    free(st->nfkc);
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

/* l->c[a, b) in UTF-8, appended to b */
static void add_run(sj_buf *b, const lline *l, size_t a, size_t e)
{
    for (size_t j = a; j < e; j++) {
        char enc[4];
        sj_buf_add(b, enc, sj_utf8_encode(l->c[j].cp, enc));
    }
}

/* ---- the memo ---------------------------------------------------------- */

static memo_ent *memo_slot(sj_script *s, uint64_t h, const char *k, size_t klen)
{
    for (size_t i = h & (s->tabcap - 1);; i = (i + 1) & (s->tabcap - 1)) {
        memo_ent *e = &s->tab[i];
        if (!e->klen || (e->h == h && e->klen == klen && !memcmp(s->arena.data + e->key, k, klen)))
            return e;
    }
}

/* room for n more entries: the table grows up to MEMO_SLOTS_MAX, then
 * the memo starts again; returns 0 when n runs do not fit at all (a line
 * of more runs than that is converted without the memo) */
static int memo_room(sj_script *s, size_t n)
{
    if (n > MEMO_SLOTS_MAX / 4)
        return 0;
    if (s->arena.len > MEMO_BYTES_MAX || (s->tabn + n) * 2 > MEMO_SLOTS_MAX) {
        memset(s->tab, 0, s->tabcap * sizeof *s->tab);
        s->tabn = 0;
        s->arena.len = 0;
    }
    if ((s->tabn + n) * 2 <= s->tabcap)
        return 1;
    size_t cap = s->tabcap ? s->tabcap : 1024;
    while ((s->tabn + n) * 2 > cap)
        cap *= 2;
    memo_ent *old = s->tab;
    size_t oldcap = s->tabcap;
    s->tab = xcalloc(cap, sizeof *s->tab);
    s->tabcap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].klen) {
            size_t j = old[i].h & (cap - 1);
            while (s->tab[j].klen)
                j = (j + 1) & (cap - 1);
            s->tab[j] = old[i];
        }
    free(old);
    return 1;
}

/* run r's conversion is v[0, vlen): kept in the arena, and in the memo
 * unless memo is 0 */
static void memo_put(sj_script *s, run *r, const char *v, size_t vlen, int memo)
{
    if (!memo) {
        r->val = (long)s->arena.len;
        r->vlen = vlen;
        sj_buf_add(&s->arena, v, vlen);
        return;
    }
    memo_ent *e = memo_slot(s, r->h, s->key.data + r->koff, r->klen);
    if (!e->klen) {
        e->h = r->h;
        e->key = (uint32_t)s->arena.len;
        e->klen = (uint32_t)r->klen;
        sj_buf_add(&s->arena, s->key.data + r->koff, r->klen);
        e->val = (uint32_t)s->arena.len;
        e->vlen = (uint32_t)vlen;
        sj_buf_add(&s->arena, v, vlen);
        s->tabn++;
    }
    r->val = (long)e->val;
    r->vlen = e->vlen;
}

size_t sj_script_memo_size(const sj_script *s) { return s->tabn; }

/* ---- a line ------------------------------------------------------------ */

/* Converts the runs not in the memo: in one call, joined by '\n' (no
 * dictionary key or value holds a '\n': OpenCC's dictionaries are lines
 * of text; so no match crosses one and each run converts as it would
 * alone), the output split at the '\n's again; a run OpenCC fails on
 * alone stays as it is. */
static void convert_missing(sj_script *s, size_t nmiss, int memo)
{
    char *conv = opencc_convert_utf8(s->cc, s->in.data, s->in.len);
    size_t left = conv ? strlen(conv) : 0;
    size_t nl = 0;
    for (const char *p = conv; p && (p = memchr(p, '\n', left - (size_t)(p - conv))); p++)
        nl++;
    const char *piece = conv && nl + 1 == nmiss ? conv : NULL;
    for (size_t i = 0; i < s->nruns; i++) {
        run *r = &s->runs[i];
        if (r->val != -2)
            continue;
        if (piece) {
            const char *e = memchr(piece, '\n', left);
            size_t plen = e ? (size_t)(e - piece) : left;
            memo_put(s, r, piece, plen, memo);
            if (e) {
                left -= plen + 1;
                piece = e + 1;
            }
            continue;
        }
        /* alone */
        char *one = opencc_convert_utf8(s->cc, s->key.data + r->koff, r->klen);
        if (one) {
            memo_put(s, r, one, strlen(one), memo);
            opencc_convert_utf8_free(one);
        } else {
            r->val = -1;
        }
    }
    if (conv)
        opencc_convert_utf8_free(conv);
}

void sj_script_line(sj_script *s, lline *l)
{
    size_t j = 0;
    while (j < l->n && !is_han(l->c[j].cp))
        j++;
    if (j == l->n)
        return;
    /* the runs, in UTF-8 */
    s->nruns = 0;
    s->key.len = 0;
    for (size_t k = j; k < l->n;) {
        if (!is_han(l->c[k].cp)) {
            k++;
            continue;
        }
        size_t e = k;
        while (e < l->n && is_han(l->c[e].cp))
            e++;
        SJ_GROW(s->runs, s->nruns, s->runcap);
        run *r = &s->runs[s->nruns++];
        r->a = k;
        r->b = e;
        r->koff = s->key.len;
        add_run(&s->key, l, k, e);
        r->klen = s->key.len - r->koff;
        r->h = sj_hash_mem(s->key.data + r->koff, r->klen);
        k = e;
    }
    /* the runs the memo does not hold (val -2), converted */
    int memo = memo_room(s, s->nruns);
    size_t nmiss = 0;
    s->in.len = 0;
    for (size_t i = 0; i < s->nruns; i++) {
        run *r = &s->runs[i];
        memo_ent *e = memo ? memo_slot(s, r->h, s->key.data + r->koff, r->klen) : NULL;
        if (e && e->klen) {
            r->val = (long)e->val;
            r->vlen = e->vlen;
            continue;
        }
        r->val = -2;
        if (nmiss++)
            sj_buf_addc(&s->in, '\n');
        sj_buf_add(&s->in, s->key.data + r->koff, r->klen);
    }
    if (nmiss)
        convert_missing(s, nmiss, memo);
    /* the line again, each run replaced by its conversion */
    s->out.n = 0;
    size_t k = 0;
    for (size_t i = 0; i < s->nruns; i++) {
        const run *r = &s->runs[i];
        for (; k < r->a; k++)
            lpush(&s->out, l->c[k].cp, l->c[k].src, l->c[k].ident);
        put_run(s, l, r->a, r->b, r->val >= 0 ? s->arena.data + r->val : NULL, r->vlen);
        k = r->b;
    }
    for (; k < l->n; k++)
        lpush(&s->out, l->c[k].cp, l->c[k].src, l->c[k].ident);
    /* swap buffers */
    lline tmp = *l;
    *l = s->out;
    s->out = tmp;
}
