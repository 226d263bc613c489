/* normalize_int.h - the line normalize works on, shared by normalize.c and
 * the passes beside it (script.c: traditional -> simplified; noise.c:
 * web-copy noise). Not a public interface.
 *
 * A line is an array of code points, each with the decoded-text offset it
 * came from and whether it is that very character unchanged (so the map
 * can stay an identity run). A pass that replaces, drops or inserts
 * characters keeps src pointing at the original character, which is how
 * reports quote the original text and its line:column.
 */
#ifndef SJ_NORMALIZE_INT_H
#define SJ_NORMALIZE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "rules.h"
#include "util.h"

typedef struct {
    int32_t cp;
    uint32_t src;
    uint8_t ident;
} lchar;

typedef struct {
    lchar *c;
    size_t n, cap;
} lline;

static inline void lpush(lline *l, int32_t cp, uint32_t src, int ident)
{
    SJ_GROW(l->c, l->n, l->cap);
    l->c[l->n].cp = cp;
    l->c[l->n].src = src;
    l->c[l->n].ident = (uint8_t)ident;
    l->n++;
}

/* the UTF-8 of cp at o (room for 4 bytes); returns its length */
static inline size_t sj_put_utf8(unsigned char *o, uint32_t cp)
{
    if (cp - 0x800 < 0xF800) { /* U+0800..U+FFFF (most CJK) first */
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    return sj_utf8_encode((int32_t)cp, (char *)o); /* the rest, rarer */
}

/* l in UTF-8 into b (b->len reset); if at is not NULL, (*at)[k] is the
 * index in l of the character at byte k (grown as needed, *atcap its
 * size); returns b's data ("" when empty). */
const char *sj_lline_utf8(const lline *l, sj_buf *b, size_t **at, size_t *atcap);

/* ---- script.c ---------------------------------------------------------- */

/* A converter from traditional script (one OpenCC configuration). */
typedef struct sj_script sj_script;

/* The OpenCC configuration the text needs ("t2s.json", "tw2sp.json"), from
 * the [script] rules: the first whose pattern matches at least min times
 * (counting stops there); NULL when none does (simplified text: nothing
 * to convert). Linear in len. */
const char *sj_script_detect(const char *text, size_t len, const sj_ruleset *rs,
                             sj_matcher *m);
/* What normalize keeps from one document to the next, per thread: the
 * OpenCC converters opened so far, one per configuration (opening one
 * reads its dictionaries, about 9.5 million instructions: once per
 * thread, not once per document), and a table of utf8proc's answers. Owned by the matcher normalize is
 * given (m->norm, freed by sj_matcher_free with m->norm_free). */
#define SJ_SCRIPT_CONFIGS 4
typedef struct {
    struct {
        char *config;
        sj_script *s; /* NULL: OpenCC cannot open it */
    } cc[SJ_SCRIPT_CONFIGS];
    int ncc;
    /* what utf8proc says of each BMP code point, asked once (normalize.c:
     * NFKC_*); NULL until first needed */
    uint32_t *nfkc;
} sj_norm_state;
void sj_norm_state_free(void *st);
/* The converter for config, opened at its first use and kept in st; NULL
 * when OpenCC cannot open the configuration. */
sj_script *sj_script_for(sj_norm_state *st, const char *config);
/* The runs of ideographs s remembers the conversion of (for the tests). */
size_t sj_script_memo_size(const sj_script *s);
/* Converts the line in place: each run of CJK characters is converted
 * phrase by phrase (a run converted before, in this document or an
 * earlier one, is taken from a bounded memo: the conversion is a function
 * of the run alone); a run whose length is kept maps character to
 * character, otherwise the common head and tail map one to one and the
 * changed middle maps to the source span's first character. */
void sj_script_line(sj_script *s, lline *l);

/* ---- noise.c ----------------------------------------------------------- */

/* Applies the [noise] rules to the line in place (see rules/noise.rules):
 * the match's drop group (or the whole match) is removed, or replaced by
 * the rule's replace text, or the rule's insert text is put at the match
 * start (mapped to the character after it). scratch is reused between calls. */
typedef struct {
    sj_buf utf8;
    size_t *at;
    size_t atcap;
    lline tmp;
    /* utf8 and at hold the line at c with n characters: a line is
     * encoded once for all the rules that read it (noise, junk_line, and
     * normalize's page_number, heading, line_complete, line_continues)
     * and again only after a pass changes it; a pass that changes
     * characters in place clears valid (sj_noise_changed) */
    const lchar *c;
    size_t n;
    int valid;
    int at_valid; /* at is made when first needed (a match) */
} sj_noise_scratch;
/* l in UTF-8 (sc->utf8, with sc->at), encoded only when not current */
const char *sj_noise_utf8(const lline *l, sj_noise_scratch *sc);
static inline void sj_noise_changed(sj_noise_scratch *sc) { sc->valid = 0; }
/* first: the first [noise] rule of rs (sj_rules_first), NULL for none */
void sj_noise_line(const sj_ruleset *rs, const sj_rule *first, sj_matcher *m, lline *l,
                   sj_noise_scratch *sc);
/* a [junk_line] rule matches the whole (cleaned) line; first: the first
 * [junk_line] rule of rs, NULL for none */
int sj_junk_line(const sj_ruleset *rs, const sj_rule *first, sj_matcher *m, const lline *l,
                 sj_noise_scratch *sc);
void sj_noise_scratch_free(sj_noise_scratch *sc);

#endif
