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

/* Issue 17, item 8: a mostly-UTF-8 file with one bad byte near the end
 * names that byte (the detection that got furthest), not GB18030's first
 * failure, and says which encodings were tried. */
static void best_detection_offset(void **s)
{
    (void)s;
    sj_buf b = {0};
    for (int i = 0; i < 300; i++)
        sj_buf_adds(&b, "推进整治工作。\n");
    size_t bad = b.len;
    sj_buf_add(&b, "\xff\n", 2);
    sj_decoded d;
    sj_err e;
    assert_int_equal(dec(b.data, b.len, &d, &e), -1);
    char want[64];
    snprintf(want, sizeof want, "byte offset %zu", bad);
    if (!strstr(e.msg, want) || !strstr(e.msg, "UTF-8") || !strstr(e.msg, "GB18030"))
        fail_msg("'%s' lacks '%s' or the encodings tried", e.msg, want);
    sj_buf_free(&b);
    /* mostly GB18030 with a bad sequence late: GB18030's offset */
    const char gbad[] = "\xb5\xbd\xb5\xbd\xb5\xbd\xb5\xbd\x81\x20";
    assert_int_equal(dec(gbad, sizeof gbad - 1, &d, &e), -1);
    if (!strstr(e.msg, "byte offset 8"))
        fail_msg("'%s' lacks offset 8", e.msg);
}

/* Issue 17: UTF-16 without a BOM is found by its NUL pattern even when
 * few characters are ASCII (a plan of Chinese text with one line end per
 * 60 characters). */
static void utf16_without_bom(void **s)
{
    (void)s;
    for (int be = 0; be < 2; be++) {
        sj_buf b = {0};
        for (int line = 0; line < 20; line++) {
            for (int i = 0; i < 60; i++)
                sj_buf_add(&b, be ? "\x4e\x8c" : "\x8c\x4e", 2); /* 二 */
            sj_buf_add(&b, be ? "\x00\n" : "\n\x00", 2);
        }
        sj_decoded d;
        sj_err e;
        if (dec(b.data, b.len, &d, &e))
            fail_msg("UTF-16%s without BOM: %s", be ? "BE" : "LE", e.msg);
        assert_string_equal(d.encoding, be ? "UTF-16BE" : "UTF-16LE");
        assert_int_equal(d.len, 20 * (60 * 3 + 1));
        sj_decoded_free(&d);
        sj_buf_free(&b);
    }
}

/* Issue 17: a stray VT (0x0B) or SUB (0x1A) is read as a space and
 * counted (the caller warns), in 8-bit and in UTF-16 input. */
static void stray_vt_sub(void **s)
{
    (void)s;
    sj_decoded d;
    sj_err e;
    assert_int_equal(dec("\xe5\x88\xb0\x0b" "2023\x1a\n", 10, &d, &e), 0);
    assert_string_equal(d.text, "\xe5\x88\xb0 2023 \n");
    assert_int_equal(d.controls, 2);
    sj_decoded_free(&d);
    assert_int_equal(dec("\xff\xfe" "a\0\x0b\0b\0", 8, &d, &e), 0);
    assert_string_equal(d.text, "a b");
    assert_int_equal(d.controls, 1);
    sj_decoded_free(&d);
    assert_int_equal(dec("\xb5\xbd\x1a", 3, &d, &e), 0); /* GB18030 */
    assert_string_equal(d.text, "\xe5\x88\xb0 ");
    assert_int_equal(d.controls, 1);
    sj_decoded_free(&d);
    /* other controls are still refused */
    assert_int_equal(dec("a\x1b" "b", 3, &d, &e), -1);
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(utf8_plain), cmocka_unit_test(bom_and_utf16),
        cmocka_unit_test(gb18030), cmocka_unit_test(bad_inputs),
        cmocka_unit_test(every_position), cmocka_unit_test(best_detection_offset),
        cmocka_unit_test(utf16_without_bom), cmocka_unit_test(stray_vt_sub)};
    return cmocka_run_group_tests(t, NULL, NULL);
}
