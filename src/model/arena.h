/* arena.h - many small allocations that live and die together (a
 * document's indicators, units and agency names): carved from a few large
 * blocks, freed all at once. A string costs its bytes and its NUL, not a
 * malloc chunk (16 bytes of header and rounding, 32 bytes at least).
 *
 * Ownership: the arena owns its blocks; what it hands out is never freed
 * one by one (sj_arena_owns tells such a pointer from a malloc'd one).
 */
#ifndef SJ_ARENA_H
#define SJ_ARENA_H

#include <stddef.h>

typedef struct sj_arena_block sj_arena_block;

/* Blocks handed out once each, by hash (open addressing, at most half
 * full); each block has its length in the size_t before it. NULL after
 * sj_arena_intern_end. */
typedef struct {
    void **e;
    size_t cap, n;
} sj_intern_set;

typedef struct {
    sj_arena_block *head; /* the block being filled; older ones after it */
    size_t used;          /* bytes handed out, for tests and measurements */
    size_t reserved;      /* bytes of all blocks */
    sj_intern_set strs;   /* what sj_arena_intern handed out */
    sj_intern_set mems;   /* what sj_arena_intern_mem handed out */
} sj_arena;

/* n bytes aligned to align (a power of two, at most 16); never NULL. */
void *sj_arena_alloc(sj_arena *a, size_t n, size_t align);
/* s[0..n) and a NUL */
char *sj_arena_strndup(sj_arena *a, const char *s, size_t n);
char *sj_arena_strdup(sj_arena *a, const char *s);
/* s[0..n) and a NUL, stored once: an equal string interned before (and
 * not since sj_arena_intern_end) is returned again, so what it returns
 * must never be written to. */
char *sj_arena_intern(sj_arena *a, const char *s, size_t n);
/* The same for n bytes (n > 0) aligned for pointers (an array of interned
 * strings). Each block interned (and each string) costs a size_t more (its
 * length). */
void *sj_arena_intern_mem(sj_arena *a, const void *p, size_t n);
/* Frees the sets behind sj_arena_intern and sj_arena_intern_mem (what
 * they handed out stays): interning again starts new sets. */
void sj_arena_intern_end(sj_arena *a);
/* 1 when p lies in one of a's blocks */
int sj_arena_owns(const sj_arena *a, const void *p);
void sj_arena_free(sj_arena *a);

#endif
