#include "test_util.h"
#include "util.h"

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
                                   cmocka_unit_test(slots), cmocka_unit_test(read_file)};
    return cmocka_run_group_tests(t, NULL, NULL);
}
