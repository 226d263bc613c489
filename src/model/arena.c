/* arena.c - blocks carved in order (arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct sj_arena_block {
    sj_arena_block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

/* The first block is small (a short plan has a few KB of names); each
 * next one doubles, up to 4 MB, so a 50 MB plan has a few dozen blocks
 * and sj_arena_owns stays cheap. */
#define FIRST_BLOCK 4096u
#define MAX_BLOCK (4u << 20)

void *sj_arena_alloc(sj_arena *a, size_t n, size_t align)
{
    sj_arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->cap || b->cap - at < n) {
        size_t cap = b ? b->cap * 2 : FIRST_BLOCK;
        if (cap > MAX_BLOCK)
            cap = MAX_BLOCK;
        if (cap < n)
            cap = n;
        sj_arena_block *nb = xmalloc(sizeof *nb + cap);
        nb->used = 0;
        nb->cap = cap;
        if (b && b->cap - b->used >= cap / 4) {
            /* a large request while the current block still has room:
             * the new block goes behind it, the current one stays first */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        a->reserved += cap;
        b = nb;
        at = 0;
    }
    b->used = at + n;
    a->used += n;
    return b->data + at;
}

char *sj_arena_strndup(sj_arena *a, const char *s, size_t n)
{
    char *p = sj_arena_alloc(a, n + 1, 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *sj_arena_strdup(sj_arena *a, const char *s) { return sj_arena_strndup(a, s, strlen(s)); }

/* a block of an intern set: its length in the size_t before it */
static size_t block_len(const void *p) { return ((const size_t *)p)[-1]; }

static size_t slot_of(const sj_intern_set *set, const void *p, size_t n)
{
    size_t mask = set->cap - 1, i = (size_t)sj_hash_mem(p, n) & mask;
    while (set->e[i] && !(block_len(set->e[i]) == n && !memcmp(set->e[i], p, n)))
        i = (i + 1) & mask;
    return i;
}

/* p[0..n) stored once in set (a NUL after it when nul), aligned for
 * pointers */
static void *intern(sj_arena *a, sj_intern_set *set, const void *p, size_t n, int nul)
{
    if ((set->n + 1) * 2 > set->cap) {
        void **old = set->e;
        size_t oldcap = set->cap;
        set->cap = oldcap ? oldcap * 2 : 256;
        set->e = xcalloc(set->cap, sizeof *set->e);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                set->e[slot_of(set, old[i], block_len(old[i]))] = old[i];
        free(old);
    }
    size_t i = slot_of(set, p, n);
    if (!set->e[i]) {
        size_t *b = sj_arena_alloc(a, sizeof(size_t) + n + (nul ? 1 : 0), sizeof(size_t));
        b[0] = n;
        if (n)
            memcpy(b + 1, p, n);
        if (nul)
            ((char *)(b + 1))[n] = '\0';
        set->e[i] = b + 1;
        set->n++;
    }
    return set->e[i];
}

char *sj_arena_intern(sj_arena *a, const char *s, size_t n) { return intern(a, &a->strs, s, n, 1); }

void *sj_arena_intern_mem(sj_arena *a, const void *p, size_t n)
{
    return intern(a, &a->mems, p, n, 0);
}

void sj_arena_intern_end(sj_arena *a)
{
    free(a->strs.e);
    free(a->mems.e);
    a->strs = a->mems = (sj_intern_set){NULL, 0, 0};
}

int sj_arena_owns(const sj_arena *a, const void *p)
{
    uintptr_t x = (uintptr_t)p;
    for (const sj_arena_block *b = a->head; b; b = b->next)
        if (x >= (uintptr_t)b->data && x < (uintptr_t)b->data + b->cap)
            return 1;
    return 0;
}

void sj_arena_free(sj_arena *a)
{
    free(a->strs.e);
    free(a->mems.e);
    for (sj_arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    memset(a, 0, sizeof *a);
}
