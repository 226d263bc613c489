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

/* The scans that skip eight bytes at a time must find a control byte, an
 * invalid sequence or an over-long line at every position and alignment,
 * and report the same offset as a byte-by-byte reading would. */
static void every_position(void **s)
{
    (void)s;
    const char *cjk = "到2023年完成整治工作a";
    size_t cl = strlen(cjk);
    char buf[256];
    for (size_t pos = 0; pos < 40; pos++) {
        size_t n = 0;
        while (n < 48)
            buf[n] = cjk[n % cl], n++;
        /* keep the bytes before pos whole characters: back up to a start */
        size_t at = pos;
        while (at > 0 && ((unsigned char)buf[at] & 0xC0) == 0x80)
            at--;
        sj_decoded d;
        sj_err e;
        /* the character at `at` becomes a control byte and spaces */
        size_t cw = 1;
        while (at + cw < n && ((unsigned char)buf[at + cw] & 0xC0) == 0x80)
            cw++;
        char ctl[64];
        memcpy(ctl, buf, n);
        memset(ctl + at, ' ', cw);
        ctl[at] = '\x07';
        assert_int_equal(dec(ctl, n, &d, &e), -1);
        char want[64];
        snprintf(want, sizeof want, "offset %zu)", at);
        assert_non_null(strstr(e.msg, "control"));
        assert_non_null(strstr(e.msg, want));
        /* a tab, a form feed or a line end there is fine */
        ctl[at] = '\t';
        assert_int_equal(dec(ctl, n, &d, &e), 0);
        sj_decoded_free(&d);
        /* a stray continuation byte after only-ASCII runs: GB18030 can
         * decode or refuse it, but never call it UTF-8 */
        char bad[64];
        memset(bad, 'a', n);
        bad[pos] = '\x80';
        if (dec(bad, n, &d, &e) == 0) {
            assert_string_not_equal(d.encoding, "UTF-8");
            sj_decoded_free(&d);
        }
        /* a forced UTF-8 names the invalid byte's offset */
        sj_decode_opts o = {"UTF-8", 0};
        assert_int_equal(sj_decode("f.txt", (const unsigned char *)bad, n, &o, &d, &e), -1);
        snprintf(want, sizeof want, "byte offset %zu", pos);
        assert_non_null(strstr(e.msg, want));
    }
    /* the line limit, with and without CR, last line with no line end */
    sj_decode_opts lim = {NULL, 10};
    sj_decoded d;
    sj_err e;
    const char *ok[] = {"0123456789\n0123456789", "0123456789\r\n0123456789\r\n",
                        "0123456789\r0123456789"};
    for (int k = 0; k < 3; k++) {
        assert_int_equal(sj_decode("f.txt", (const unsigned char *)ok[k], strlen(ok[k]), &lim, &d, &e), 0);
        sj_decoded_free(&d);
    }
    const char *longer[] = {"0123456789\n0123456789a", "ab\r\n0123456789a\r\n",
                            "0123456789a\n"};
    const char *line[] = {"line 2 ", "line 2 ", "line 1 "};
    for (int k = 0; k < 3; k++) {
        assert_int_equal(sj_decode("f.txt", (const unsigned char *)longer[k], strlen(longer[k]), &lim, &d, &e), -1);
        assert_non_null(strstr(e.msg, line[k]));
    }
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(utf8_plain), cmocka_unit_test(bom_and_utf16),
        cmocka_unit_test(gb18030), cmocka_unit_test(bad_inputs),
        cmocka_unit_test(every_position)};
    return cmocka_run_group_tests(t, NULL, NULL);
}
