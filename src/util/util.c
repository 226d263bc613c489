#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int sj_fail(sj_err *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static void oom(void)
{
    fputs("sijian-check: out of memory\n", stderr);
    exit(2);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

void sj_mem_release(void *p, size_t len)
{
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0 || len == 0)
        return;
    uintptr_t a = ((uintptr_t)p + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
    uintptr_t e = ((uintptr_t)p + len) & ~((uintptr_t)page - 1);
    if (e > a)
        (void)madvise((void *)a, e - a, MADV_DONTNEED);
}

void sj_buf_reserve(sj_buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + extra + 1)
            cap *= 2;
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
}

void sj_buf_add(sj_buf *b, const void *p, size_t n)
{
    sj_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sj_buf_addc(sj_buf *b, char c) { sj_buf_add(b, &c, 1); }
void sj_buf_adds(sj_buf *b, const char *s) { sj_buf_add(b, s, strlen(s)); }

void sj_buf_addf(sj_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    sj_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sj_buf_free(sj_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *sj_buf_take(sj_buf *b)
{
    if (!b->data)
        sj_buf_reserve(b, 0), b->data[0] = '\0';
    char *p = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

int sj_read_file(const char *path, size_t max_bytes, unsigned char **out,
                 size_t *out_len, sj_err *err)
{
    *out = NULL;
    *out_len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return sj_fail(err, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return sj_fail(err, "%s: cannot stat: %s", path, strerror(e));
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return sj_fail(err, "%s: is a directory", path);
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return sj_fail(err, "%s: not a regular file", path);
    }
    if ((unsigned long long)st.st_size > max_bytes) {
        close(fd);
        return sj_fail(err,
                       "%s: file too large (%lld bytes; the limit is %zu, "
                       "see --max-size)",
                       path, (long long)st.st_size, max_bytes);
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    unsigned char *buf = xmalloc(cap);
    for (;;) {
        if (len == cap) {
            if (cap > max_bytes) {
                free(buf);
                close(fd);
                return sj_fail(err, "%s: file too large (the limit is %zu "
                                    "bytes, see --max-size)", path, max_bytes);
            }
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            return sj_fail(err, "%s: read error: %s", path, strerror(e));
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    *out = buf;
    *out_len = len;
    return 0;
}

size_t sj_utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t sj_utf8_count(const char *s, size_t len)
{
    /* characters = bytes - continuation bytes (10xxxxxx), eight bytes at a
     * time: a byte is a continuation when bit 7 is set and bit 6 is not */
    size_t n = 0, i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
        /* one per continuation byte, summed into the top byte */
        n += 8 - (size_t)((cont * 0x0101010101010101ull) >> 56);
    }
    for (; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

int sj_cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t sj_lower_bound_u64(const uint64_t *v, size_t n, uint64_t k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* idx[lo, hi) sorted by key (ties by index) from the halves [lo, mid) and
 * [mid, hi), through tmp */
static void merge_runs(uint32_t *idx, uint32_t *tmp, size_t lo, size_t mid, size_t hi,
                       const char *base, size_t size, uint32_t (*key)(const void *))
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        tmp[k++] = key(base + (size_t)idx[j] * size) < key(base + (size_t)idx[i] * size)
                       ? idx[j++]
                       : idx[i++];
    while (i < mid)
        tmp[k++] = idx[i++];
    while (j < hi)
        tmp[k++] = idx[j++];
    memcpy(idx + lo, tmp + lo, (hi - lo) * sizeof *idx);
}

void sj_sort_stable(void *base, size_t n, size_t size, uint32_t (*key)(const void *))
{
    if (n < 2 || n > UINT32_MAX)
        return;
    char *b = base;
    uint32_t *idx = xmalloc(n * sizeof *idx), *tmp = xmalloc(n * sizeof *tmp);
    for (size_t i = 0; i < n; i++)
        idx[i] = (uint32_t)i;
    /* bottom-up merge sort of the indexes: the order of the items */
    for (size_t w = 1; w < n; w *= 2)
        for (size_t lo = 0; lo + w < n; lo += 2 * w)
            merge_runs(idx, tmp, lo, lo + w, lo + 2 * w < n ? lo + 2 * w : n, b, size, key);
    free(tmp);
    /* move each item to its place, one cycle of the permutation at a time:
     * position i takes item idx[i]; a position done is marked idx[i] = i */
    char *hold = xmalloc(size);
    for (size_t i = 0; i < n; i++) {
        if (idx[i] == i)
            continue;
        memcpy(hold, b + i * size, size);
        size_t at = i;
        while (idx[at] != i) {
            size_t from = idx[at];
            memcpy(b + at * size, b + from * size, size);
            idx[at] = (uint32_t)at;
            at = from;
        }
        memcpy(b + at * size, hold, size);
        idx[at] = (uint32_t)at;
    }
    free(hold);
    free(idx);
}

void sj_slots_reserve(sj_slots *s, size_t n, int have,
                      uint64_t (*hash)(const void *ctx, int item), const void *ctx)
{
    if (n * 2 < s->cap)
        return;
    size_t cap = s->cap ? s->cap : 16;
    while (cap <= n * 2)
        cap *= 2;
    free(s->slot);
    s->slot = xcalloc(cap, sizeof *s->slot);
    s->cap = cap;
    for (int i = 0; i < have; i++) {
        size_t k = (size_t)hash(ctx, i) & (cap - 1);
        while (s->slot[k])
            k = (k + 1) & (cap - 1);
        s->slot[k] = i + 1;
    }
}

int *sj_slots_find(const sj_slots *s, uint64_t h, int (*same)(const void *ctx, int item),
                   const void *ctx)
{
    size_t k = (size_t)h & (s->cap - 1);
    while (s->slot[k] && !same(ctx, s->slot[k] - 1))
        k = (k + 1) & (s->cap - 1);
    return &s->slot[k];
}

void sj_slots_free(sj_slots *s)
{
    free(s->slot);
    s->slot = NULL;
    s->cap = 0;
}

int sj_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!k || i + k > n)
            return 0;
        for (size_t j = 1; j < k; j++)
            if ((p[i + j] & 0xc0) != 0x80)
                return 0;
        i += k;
    }
    return 1;
}

size_t sj_utf8_invalid_at(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            i++;
            uint64_t w;
            while (i + 8 <= n && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080ull)))
                i += 8;
            continue;
        }
        /* the common case first: a three-byte sequence with a lead byte
         * that puts no limit on the byte after it (most CJK) */
        if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 3 <= n &&
            ((p[i + 1] & 0xC0) | ((p[i + 2] & 0xC0) >> 2)) == 0xA0) {
            i += 3;
            continue;
        }
        /* a lead byte: C2..F4 */
        if (c < 0xC2 || c > 0xF4)
            return i;
        size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + k > n)
            return i;
        for (size_t j = 1; j < k; j++)
            if ((p[i + j] & 0xC0) != 0x80)
                return i;
        unsigned c1 = p[i + 1];
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 > 0x8F))
            return i;
        i += k;
    }
    return n;
}
