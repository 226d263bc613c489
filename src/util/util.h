/* util.h - small shared helpers: checked allocation, growable byte
 * buffers, bounded file reading and error messages.
 *
 * Promises: every x* allocator either succeeds or prints "out of memory"
 * and exits 2; sj_buf owns its bytes (free with sj_buf_free); errors are
 * carried as one line of text in an sj_err, never printed by library code.
 */
#ifndef SJ_UTIL_H
#define SJ_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    char msg[512];
} sj_err;

/* Formats a message into err (if err is non-NULL); returns -1 so callers
 * can write `return sj_fail(err, ...)`. */
int sj_fail(sj_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Gives the pages wholly inside [p, p + len) of a block the caller owns
 * back to the system while the block stays allocated: a long input read
 * once from the front need not stay resident behind the reader. What was
 * there must not be read again (the pages read back as zeros); the block
 * is freed as usual. A no-op where the system cannot do it. */
void sj_mem_release(void *p, size_t len);

/* Grows an array (*items, *cap) so that index `need` fits. */
#define SJ_GROW(items, count, cap)                                            \
    do {                                                                      \
        if ((count) >= (cap)) {                                               \
            (cap) = (cap) ? (cap) * 2 : 16;                                   \
            (items) = xrealloc((items), (size_t)(cap) * sizeof(*(items)));    \
        }                                                                     \
    } while (0)

typedef struct {
    char *data; /* NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
} sj_buf;

void sj_buf_add(sj_buf *b, const void *p, size_t n);
void sj_buf_addc(sj_buf *b, char c);
void sj_buf_adds(sj_buf *b, const char *s);
void sj_buf_addf(sj_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sj_buf_reserve(sj_buf *b, size_t extra);
void sj_buf_free(sj_buf *b);
/* Hands the bytes over to the caller (NUL-terminated, never NULL). */
char *sj_buf_take(sj_buf *b);

/* Reads a regular file of at most max_bytes. Directories, special files,
 * missing or unreadable files and oversized files are errors naming path. */
int sj_read_file(const char *path, size_t max_bytes, unsigned char **out,
                 size_t *out_len, sj_err *err);

/* UTF-8 helpers on valid UTF-8. */
static inline int sj_utf8_decode(const char *s, size_t len, int32_t *cp); /* returns bytes */
size_t sj_utf8_encode(int32_t cp, char *out);               /* out >= 4 */
size_t sj_utf8_count(const char *s, size_t len);            /* characters */
int sj_utf8_valid(const char *s, size_t n); /* 1: well-formed sequences only (lead and continuation bytes) */
/* The offset of the first sequence that is not well-formed UTF-8 (Unicode
 * table 3-7: no overlong forms, surrogates or code points past U+10FFFF;
 * what utf8proc_iterate rejects), or n when all of s is; ASCII runs are
 * checked eight bytes at a time. */
size_t sj_utf8_invalid_at(const char *s, size_t n);
/* qsort/bsearch comparator of two (const char *) elements, by strcmp */
int sj_cmp_str(const void *a, const void *b);
/* A hash table of item numbers (0, 1, ...) whose keys the caller keeps:
 * open addressing, at most half full; slot[i] is item + 1, 0 empty. */
typedef struct {
    int *slot;
    size_t cap; /* a power of two, or 0 */
} sj_slots;

/* Room for n items: when too small, the table is rebuilt larger from the
 * items 0..have-1, hashed by hash(ctx, item). */
void sj_slots_reserve(sj_slots *s, size_t n, int have,
                      uint64_t (*hash)(const void *ctx, int item), const void *ctx);
/* The slot of the item with hash h for which same(ctx, item) holds, else
 * the empty slot where such an item goes (store item + 1 in it). The
 * table must have room (sj_slots_reserve). */
int *sj_slots_find(const sj_slots *s, uint64_t h, int (*same)(const void *ctx, int item),
                   const void *ctx);
void sj_slots_free(sj_slots *s);

/* The first index of the sorted v[0, n) whose value is at least k (n if
 * none). */
size_t sj_lower_bound_u64(const uint64_t *v, size_t n, uint64_t k);

/* Sorts the n items of size bytes at base by key, stably (items of equal
 * key keep their order), in place. What it takes besides the items is
 * two 4-byte indexes an item and one item, where qsort of large items
 * takes two pointers an item: a 50 MB plan sorts 200,000 targets. */
void sj_sort_stable(void *base, size_t n, size_t size, uint32_t (*key)(const void *item));

/* FNV-1a over n bytes, continuing from h (start with SJ_FNV_START): a hash
 * can be extended byte run by byte run */
#define SJ_FNV_START 14695981039346656037ull
static inline uint64_t sj_fnv1a(uint64_t h, const void *s, size_t n)
{
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* A hash for in-memory tables only (it may change between versions; what
 * is stored or printed uses sj_fnv1a): eight bytes a step. */
static inline uint64_t sj_hash_mem(const void *s, size_t n)
{
    const unsigned char *p = s;
    uint64_t h = SJ_FNV_START ^ (n * 0x9E3779B97F4A7C15ull);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, p + i, n - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

/* inline: every stage decodes character by character */
static inline int sj_utf8_decode(const char *s, size_t len, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) {
        *cp = -1;
        return 0;
    }
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    int n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : 2;
    if ((size_t)n > len) {
        *cp = 0xFFFD;
        return 1;
    }
    int32_t c = u[0] & (0x7F >> n);
    for (int i = 1; i < n; i++)
        c = (c << 6) | (u[i] & 0x3F);
    *cp = c;
    return n;
}

#endif
