/* memo.c - remembered rule lookups: a table of (tag, string) keys
 * (sj_slots, util.h), their bytes in one buffer. See memo.h. */
#include "memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX

typedef struct {
    uint64_t h;
    size_t key, klen;    /* the key's bytes */
    long rule;           /* the answer of a rule lookup: its index, -1 none */
    size_t val;          /* the offset of a string answer, or NONE */
} entry;

typedef struct sj_memo {
    const sj_ruleset *rs; /* remembering for it; NULL: not active */
    uint64_t fp;          /* the fingerprint of the rules the entries are of,
                             0: none */
    size_t nrules;        /* and their count */
    sj_slots slots;
    entry *e;
    int n, cap;
    sj_buf bytes; /* keys ('r' or 's', tag, NUL, string) and string answers */
    size_t probe; /* the key being looked up: bytes[probe, len) */
} sj_memo;

/* forgets every entry */
static void forget(sj_memo *mm)
{
    if (mm->n && mm->slots.cap)
        memset(mm->slots.slot, 0, mm->slots.cap * sizeof *mm->slots.slot);
    mm->n = 0;
    mm->bytes.len = 0;
}

void sj_memo_begin(sj_matcher *m, const sj_ruleset *rs)
{
    if (!m->memo)
        m->memo = xcalloc(1, sizeof *m->memo);
    sj_memo *mm = m->memo;
    /* the same rules as the entries were of: they stand */
    if (!rs->fingerprint || mm->fp != rs->fingerprint || mm->nrules != rs->n)
        forget(mm);
    mm->fp = rs->fingerprint;
    mm->nrules = rs->n;
    mm->rs = rs;
}

void sj_memo_end(sj_matcher *m)
{
    if (m->memo)
        m->memo->rs = NULL;
}

void sj_memo_free(sj_matcher *m)
{
    if (!m->memo)
        return;
    sj_slots_free(&m->memo->slots);
    free(m->memo->e);
    sj_buf_free(&m->memo->bytes);
    free(m->memo);
    m->memo = NULL;
}

static uint64_t entry_hash(const void *ctx, int i)
{
    return ((const sj_memo *)ctx)->e[i].h;
}

static int same_key(const void *ctx, int i)
{
    const sj_memo *mm = ctx;
    const entry *e = &mm->e[i];
    size_t klen = mm->bytes.len - mm->probe;
    return e->klen == klen && !memcmp(mm->bytes.data + e->key, mm->bytes.data + mm->probe, klen);
}

/* The memo when active for rs; adding: room for one more entry */
static sj_memo *active(sj_matcher *m, const sj_ruleset *rs, int adding)
{
    sj_memo *mm = m->memo;
    if (!mm || !mm->rs || mm->rs != rs)
        return NULL;
    if (adding && mm->n >= SJ_MEMO_MAX) /* bounded: start again */
        forget(mm);
    return mm;
}

/* Puts the key at the end of mm->bytes (the probe) and finds it: the slot
 * of its entry, or the empty slot where it goes. */
static int *lookup(sj_memo *mm, char type, const char *tag, const char *s, size_t len,
                   uint64_t *h)
{
    mm->probe = mm->bytes.len;
    sj_buf_addc(&mm->bytes, type);
    sj_buf_add(&mm->bytes, tag, strlen(tag) + 1);
    sj_buf_add(&mm->bytes, s, len);
    *h = sj_hash_mem(mm->bytes.data + mm->probe, mm->bytes.len - mm->probe);
    sj_slots_reserve(&mm->slots, (size_t)mm->n + 1, mm->n, entry_hash, mm);
    return sj_slots_find(&mm->slots, *h, same_key, mm);
}

/* Keeps the probe as a new entry in the empty slot. */
static entry *keep(sj_memo *mm, int *slot, uint64_t h)
{
    if (mm->n == mm->cap) {
        mm->cap = mm->cap ? 2 * mm->cap : 64;
        mm->e = xrealloc(mm->e, (size_t)mm->cap * sizeof *mm->e);
    }
    entry *e = &mm->e[mm->n];
    *e = (entry){h, mm->probe, mm->bytes.len - mm->probe, -1, NONE};
    *slot = ++mm->n;
    return e;
}

const sj_rule *sj_first_rule(const sj_ruleset *rs, const char *kind, sj_matcher *m,
                             const char *s, size_t len)
{
    sj_memo *mm = active(m, rs, 1);
    if (!mm)
        return sj_first_match(rs, kind, m, s, len);
    uint64_t h;
    int *slot = lookup(mm, 'r', kind, s, len, &h);
    if (*slot) {
        mm->bytes.len = mm->probe;
        long i = mm->e[*slot - 1].rule;
        return i >= 0 ? &rs->rules[i] : NULL;
    }
    const sj_rule *r = sj_first_match(rs, kind, m, s, len);
    keep(mm, slot, h)->rule = r ? (long)(r - rs->rules) : -1;
    return r;
}

int sj_memo_get(sj_matcher *m, const sj_ruleset *rs, const char *tag, const char *s,
                size_t len, const char **val)
{
    sj_memo *mm = active(m, rs, 0);
    if (!mm)
        return 0;
    uint64_t h;
    int *slot = lookup(mm, 's', tag, s, len, &h);
    mm->bytes.len = mm->probe;
    if (!*slot)
        return 0;
    size_t v = mm->e[*slot - 1].val;
    *val = v == NONE ? NULL : mm->bytes.data + v;
    return 1;
}

void sj_memo_put(sj_matcher *m, const sj_ruleset *rs, const char *tag, const char *s,
                 size_t len, const char *val)
{
    sj_memo *mm = active(m, rs, 1);
    if (!mm)
        return;
    uint64_t h;
    int *slot = lookup(mm, 's', tag, s, len, &h);
    if (*slot) {
        mm->bytes.len = mm->probe;
        return;
    }
    entry *e = keep(mm, slot, h);
    if (val) {
        e->val = mm->bytes.len;
        sj_buf_add(&mm->bytes, val, strlen(val) + 1);
    }
}
