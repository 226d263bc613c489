#include "test_util.h"
#include "util.h"

#include <utf8proc.h>

static void buffers(void **s)
{
    (void)s;
    sj_buf b = {0};
    sj_buf_adds(&b, "ab");
    sj_buf_addc(&b, 'c');
    sj_buf_add(&b, "def", 2);
    sj_buf_addf(&b, "-%d-", 42);
    assert_int_equal(b.len, 9);
    assert_string_equal(b.data, "abcde-42-");
    for (int i = 0; i < 1000; i++)
        sj_buf_addc(&b, 'x');
    assert_int_equal(b.len, 1009);
    assert_int_equal(b.data[b.len], '\0');
    char *t = sj_buf_take(&b);
    assert_int_equal(strlen(t), 1009);
    free(t);
    sj_buf_free(&b);
    sj_buf e = {0};
    char *empty = sj_buf_take(&e); /* never NULL */
    assert_non_null(empty);
    assert_string_equal(empty, "");
    free(empty);
    sj_err err;
    assert_int_equal(sj_fail(&err, "%s:%d: x", "f", 3), -1);
    assert_string_equal(err.msg, "f:3: x");
}

static void utf8(void **s)
{
    (void)s;
    const char *t = "a序é𠀀";
    int32_t cp;
    assert_int_equal(sj_utf8_decode(t, strlen(t), &cp), 1);
    assert_int_equal(cp, 'a');
    assert_int_equal(sj_utf8_decode(t + 1, strlen(t + 1), &cp), 3);
    assert_int_equal(cp, 0x5E8F);
    assert_int_equal(sj_utf8_decode(t + 4, strlen(t + 4), &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(sj_utf8_decode(t + 6, strlen(t + 6), &cp), 4);
    assert_int_equal(cp, 0x20000);
    assert_int_equal(sj_utf8_count(t, strlen(t)), 4);
    char out[4];
    assert_int_equal(sj_utf8_encode(0x5E8F, out), 3);
    assert_memory_equal(out, "序", 3);
    assert_int_equal(sj_utf8_encode(0x20000, out), 4);
    assert_memory_equal(out, "𠀀", 4);
    assert_int_equal(sj_utf8_encode('z', out), 1);
}

/* utf8proc's reading of s: the offset of its first invalid sequence */
static size_t by_utf8proc(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return i;
        i += (size_t)k;
    }
    return n;
}

/* Issue 16: sj_utf8_invalid_at (decode's check and JSON's) says what
 * utf8proc_iterate says, byte for byte: every boundary case of table 3-7,
 * then random bytes around them and ASCII runs of every alignment. */
static void utf8_invalid_at(void **s)
{
    (void)s;
    static const char *const cases[] = {
        "abc", "\xC2\x80", "\xC1\xBF", "\xC0\x80", "\xDF\xBF", "\xE0\xA0\x80",
        "\xE0\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80", "\xEF\xBF\xBF",
        "\xF0\x90\x80\x80", "\xF0\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF",
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\x80", "\xBF", "\xFF",
        "\xE5\xBA", "\xF0\x90\x80", "\xE5\x41\x80", "abcdefgh\xE5\xBA\x8F" "12345678\xFE",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = strlen(cases[i]);
        assert_int_equal(sj_utf8_invalid_at(cases[i], n), by_utf8proc(cases[i], n));
    }
    static const unsigned char pool[] = {'a', '\n', 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                         0xC1, 0xC2, 0xDF, 0xE0, 0xE5, 0xED, 0xEF, 0xF0,
                                         0xF4, 0xF5, 0xFF};
    unsigned x = 12345;
    char buf[40];
    for (int round = 0; round < 200000; round++) {
        size_t n = (size_t)(round % 37) + 1;
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = (char)((x >> 16) % 4 ? pool[(x >> 8) % sizeof pool] : 'z');
        }
        size_t want_at = by_utf8proc(buf, n), got = sj_utf8_invalid_at(buf, n);
        if (want_at != got)
            fail_msg("round %d: utf8proc %zu, sj_utf8_invalid_at %zu", round, want_at, got);
    }
}

static const char *const WORDS[] = {"alpha", "beta", "gamma", "delta", "eps", "zeta",
                                    "eta", "theta", "iota", "kappa", "lambda", "mu",
                                    "nu", "xi", "omicron", "pi", "rho", "sigma", "tau"};
static const char *want;

static uint64_t word_hash(const void *ctx, int i)
{
    const char *const *w = ctx;
    return sj_fnv1a(SJ_FNV_START, w[i], strlen(w[i]));
}

static int same_word(const void *ctx, int i)
{
    const char *const *w = ctx;
    return !strcmp(w[i], want);
}

static void slots(void **s)
{
    (void)s;
    sj_slots t = {0};
    int n = (int)(sizeof WORDS / sizeof WORDS[0]);
    for (int i = 0; i < n; i++) {
        sj_slots_reserve(&t, (size_t)i + 1, i, word_hash, WORDS);
        want = WORDS[i];
        int *slot = sj_slots_find(&t, word_hash(WORDS, i), same_word, WORDS);
        assert_int_equal(*slot, 0);
        *slot = i + 1;
    }
    assert_true(t.cap >= 2 * (size_t)n);
    for (int i = 0; i < n; i++) {
        want = WORDS[i];
        assert_int_equal(*sj_slots_find(&t, word_hash(WORDS, i), same_word, WORDS), i + 1);
    }
    want = "absent";
    assert_int_equal(*sj_slots_find(&t, sj_fnv1a(SJ_FNV_START, "absent", 6), same_word, WORDS), 0);
    sj_slots_free(&t);
    uint64_t v[] = {1, 3, 3, 7};
    assert_int_equal(sj_lower_bound_u64(v, 4, 0), 0);
    assert_int_equal(sj_lower_bound_u64(v, 4, 3), 1);
    assert_int_equal(sj_lower_bound_u64(v, 4, 4), 3);
    assert_int_equal(sj_lower_bound_u64(v, 4, 8), 4);
    const char *a[] = {"b", "a", "c"};
    qsort(a, 3, sizeof *a, sj_cmp_str);
    assert_string_equal(a[0], "a");
    assert_string_equal(a[2], "c");
}

/* items of equal key keep their order; every item is moved to its place
 * (a 24-byte item, cycles of the permutation longer than two) */
typedef struct {
    uint32_t key, seq;
    char pad[16];
} sort_item;
static uint32_t sort_key(const void *a) { return ((const sort_item *)a)->key; }

static void sort_stable(void **s)
{
    (void)s;
    enum { N = 1000 };
    sort_item *v = calloc(N, sizeof *v), *want = calloc(N, sizeof *want);
    uint32_t r = 12345;
    for (int i = 0; i < N; i++) {
        r = r * 1103515245u + 12345u;
        v[i].key = (r >> 16) % 37; /* many ties */
        v[i].seq = (uint32_t)i;
        v[i].pad[15] = (char)i;
    }
    /* the reference: insertion sort, stable */
    memcpy(want, v, N * sizeof *v);
    for (int i = 1; i < N; i++)
        for (int j = i; j > 0 && want[j - 1].key > want[j].key; j--) {
            sort_item t = want[j];
            want[j] = want[j - 1];
            want[j - 1] = t;
        }
    sj_sort_stable(v, N, sizeof *v, sort_key);
    assert_memory_equal(v, want, N * sizeof *v);
    /* nothing to sort, and one item */
    sj_sort_stable(v, 0, sizeof *v, sort_key);
    sj_sort_stable(v, 1, sizeof *v, sort_key);
    assert_memory_equal(v, want, N * sizeof *v);
    free(v);
    free(want);
}

static void read_file(void **s)
{
    (void)s;
    unsigned char *bytes;
    size_t len;
    sj_err err;
    assert_int_equal(sj_read_file(SJ_SOURCE_DIR "/rules/numerals.rules", 1 << 20, &bytes, &len, &err), 0);
    assert_true(len > 0);
    free(bytes);
    assert_int_equal(sj_read_file(SJ_SOURCE_DIR "/rules/numerals.rules", 4, &bytes, &len, &err), -1);
    assert_non_null(strstr(err.msg, "numerals.rules"));
    assert_int_equal(sj_read_file(SJ_SOURCE_DIR "/rules", 1 << 20, &bytes, &len, &err), -1);
    assert_int_equal(sj_read_file(SJ_SOURCE_DIR "/no/such/file", 1 << 20, &bytes, &len, &err), -1);
    assert_non_null(strstr(err.msg, "no/such/file"));
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(buffers), cmocka_unit_test(utf8),
                                   cmocka_unit_test(utf8_invalid_at),
                                   cmocka_unit_test(slots), cmocka_unit_test(sort_stable),
                                   cmocka_unit_test(read_file)};
    return cmocka_run_group_tests(t, NULL, NULL);
}
