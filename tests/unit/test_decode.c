#include "test_util.h"
#include "decode.h"

static int dec(const char *bytes, size_t len, sj_decoded *d, sj_err *e)
{
    return sj_decode("f.txt", (const unsigned char *)bytes, len, NULL, d, e);
}

static void utf8_plain(void **s)
{
    (void)s;
    sj_decoded d; sj_err e;
    assert_int_equal(dec("到2023年\r\n完成\r末", strlen("到2023年\r\n完成\r末"), &d, &e), 0);
    assert_string_equal(d.encoding, "UTF-8");
    assert_string_equal(d.text, "到2023年\n完成\n末");
    sj_decoded_free(&d);
}

static void bom_and_utf16(void **s)
{
    (void)s;
    sj_decoded d; sj_err e;
    const char le[] = "\xFF\xFE\x30\x57\x0a\x00"; /* 地\n */
    assert_int_equal(dec(le, 6, &d, &e), 0);
    assert_string_equal(d.encoding, "UTF-16LE");
    assert_string_equal(d.text, "地\n");
    sj_decoded_free(&d);
    const char u8[] = "\xEF\xBB\xBF" "abc";
    assert_int_equal(dec(u8, 6, &d, &e), 0);
    assert_int_equal(d.had_bom, 1);
    assert_string_equal(d.text, "abc");
    sj_decoded_free(&d);
}

static void gb18030(void **s)
{
    (void)s;
    sj_decoded d; sj_err e;
    const char gb[] = "\xB5\xBD" "2023" "\xC4\xEA"; /* 到2023年 */
    assert_int_equal(dec(gb, 8, &d, &e), 0);
    assert_string_equal(d.encoding, "GB18030");
    assert_string_equal(d.text, "到2023年");
    sj_decoded_free(&d);
}

static void bad_inputs(void **s)
{
    (void)s;
    sj_decoded d; sj_err e;
    assert_int_equal(dec("", 0, &d, &e), -1);
    assert_non_null(strstr(e.msg, "empty"));
    assert_int_equal(dec("\x89PNG\r\n\x1a\n\0\0", 10, &d, &e), -1);
    assert_non_null(strstr(e.msg, "binary"));
    assert_int_equal(dec("ab\xB5", 3, &d, &e), -1); /* truncated GB18030 */
    assert_non_null(strstr(e.msg, "byte offset 2"));
    assert_int_equal(dec("a\x01" "b", 3, &d, &e), -1);
    assert_non_null(strstr(e.msg, "control"));
    size_t n = 2u << 20;
    char *big = malloc(n);
    memset(big, 'a', n);
    assert_int_equal(dec(big, n, &d, &e), -1);
    assert_non_null(strstr(e.msg, "longer than"));
    free(big);
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(utf8_plain), cmocka_unit_test(bom_and_utf16),
        cmocka_unit_test(gb18030), cmocka_unit_test(bad_inputs)};
    return cmocka_run_group_tests(t, NULL, NULL);
}
