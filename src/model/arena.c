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

static size_t str_slot(const sj_arena *a, const char *s, size_t n)
{
    size_t mask = a->setcap - 1, i = (size_t)sj_hash_mem(s, n) & mask;
    while (a->set[i] && !(!strncmp(a->set[i], s, n) && a->set[i][n] == '\0'))
        i = (i + 1) & mask;
    return i;
}

char *sj_arena_intern(sj_arena *a, const char *s, size_t n)
{
    if ((a->setn + 1) * 2 > a->setcap) {
        char **old = a->set;
        size_t oldcap = a->setcap;
        a->setcap = oldcap ? oldcap * 2 : 256;
        a->set = xcalloc(a->setcap, sizeof *a->set);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                a->set[str_slot(a, old[i], strlen(old[i]))] = old[i];
        free(old);
    }
    size_t i = str_slot(a, s, n);
    if (!a->set[i]) {
        a->set[i] = sj_arena_strndup(a, s, n);
        a->setn++;
    }
    return a->set[i];
}

/* a block of sj_arena_intern_mem: its length in the size_t before it */
static size_t mem_len(const void *p) { return ((const size_t *)p)[-1]; }

static size_t mem_slot(const sj_arena *a, const void *p, size_t n)
{
    size_t mask = a->msetcap - 1, i = (size_t)sj_hash_mem(p, n) & mask;
    while (a->mset[i] && !(mem_len(a->mset[i]) == n && !memcmp(a->mset[i], p, n)))
        i = (i + 1) & mask;
    return i;
}

void *sj_arena_intern_mem(sj_arena *a, const void *p, size_t n)
{
    if ((a->msetn + 1) * 2 > a->msetcap) {
        void **old = a->mset;
        size_t oldcap = a->msetcap;
        a->msetcap = oldcap ? oldcap * 2 : 256;
        a->mset = xcalloc(a->msetcap, sizeof *a->mset);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                a->mset[mem_slot(a, old[i], mem_len(old[i]))] = old[i];
        free(old);
    }
    size_t i = mem_slot(a, p, n);
    if (!a->mset[i]) {
        size_t *b = sj_arena_alloc(a, sizeof(size_t) + n, sizeof(size_t));
        b[0] = n;
        memcpy(b + 1, p, n);
        a->mset[i] = b + 1;
        a->msetn++;
    }
    return a->mset[i];
}

void sj_arena_intern_end(sj_arena *a)
{
    free(a->set);
    a->set = NULL;
    a->setcap = a->setn = 0;
    free(a->mset);
    a->mset = NULL;
    a->msetcap = a->msetn = 0;
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
    free(a->set);
    free(a->mset);
    for (sj_arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    memset(a, 0, sizeof *a);
}
