#include "test_util.h"
#include "render.h"
#include "sijian.h"

/* what fn writes, as a string (the caller frees it) */
#define CAPTURE(buf, stmt)                                                     \
    do {                                                                       \
        size_t len_;                                                           \
        FILE *f = open_memstream(&(buf), &len_);                               \
        assert_non_null(f);                                                    \
        stmt;                                                                  \
        fclose(f);                                                             \
    } while (0)

static void table(void **s)
{
    (void)s;
    const char *names[] = {"text", "json", "jsonl", "csv", "sarif", "markdown", "html"};
    for (int i = 0; i < 7; i++) {
        const sj_renderer *r = sj_render_find(names[i]);
        assert_non_null(r);
        assert_string_equal(r->name, names[i]);
        /* a format either renders extracts or checks, and one that
         * renders checks renders scans */
        assert_true(r->extract_doc || r->findings);
        assert_true(!r->findings == !r->scan_section);
    }
    assert_null(sj_render_find("xml"));
    assert_null(sj_render_find("JSON"));
    assert_null(sj_render_find("csv")->findings);
    assert_null(sj_render_find("sarif")->extract_doc);
    assert_int_equal(sj_render_find("jsonl")->fmt, SJ_FMT_JSON);
    assert_ptr_equal(sj_render_of(SJ_FMT_JSON), sj_render_find("json"));
    assert_int_equal(sj_render_find("html")->scan_spool, 1);
}

static void escaping(void **s)
{
    (void)s;
    char *b = NULL;
    CAPTURE(b, sj_json_str(f, "a\"b\\\n\t\x01中", 10));
    assert_string_equal(b, "\"a\\\"b\\\\\\n\\t\\u0001中\"");
    free(b);
    CAPTURE(b, sj_html_str(f, "<a href=\"x\">&</a>"));
    assert_string_equal(b, "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    free(b);
    CAPTURE(b, sj_md_esc(f, "a|b\nc", 5));
    assert_string_equal(b, "a\\|b c");
    free(b);
}

static void check_report(void **s)
{
    (void)s;
    sj_doc c, p;
    assert_int_equal(load_str("一、农业\n到2025年，全县秸秆综合利用率达到90%以上。（县农业农村局牵头）\n", &c), 0);
    /* a city plan that allocates nothing: its figures bind (weaker-target) */
    assert_int_equal(load_str("云州市农业发展行动方案\n一、农业\n到2025年，全市秸秆综合利用率达到95%以上。（市农业农村局牵头）\n", &p), 0);
    sj_extract(&c, &RS, &M);
    sj_extract(&p, &RS, &M);
    char *b = NULL;
    int counts[3] = {0};
    CAPTURE(b, sj_check_render(&c, &p, NULL, SJ_LANG_EN, sj_render_find("json"), -1, f, counts));
    assert_int_equal(counts[SJ_ERROR], 1);
    assert_non_null(strstr(b, "{\"id\":\"weaker-target\",\"level\":\"error\""));
    assert_non_null(strstr(b, "\"child_value\":90,\"parent_value\":95"));
    assert_non_null(strstr(b, "\"summary\":{\"error\":1,\"warning\":0,\"info\":0}"));
    free(b);
    CAPTURE(b, sj_check_render(&c, &p, NULL, SJ_LANG_ZH, sj_render_find("text"), -1, f, NULL));
    assert_non_null(strstr(b, "mem.txt:2:"));
    assert_non_null(strstr(b, "错误: 秸秆综合利用率 90% 弱于上级方案的 95% [weaker-target]"));
    free(b);
    /* the SARIF rules are the registry's, in its order */
    CAPTURE(b, sj_check_render(&c, &p, NULL, SJ_LANG_EN, sj_render_find("sarif"), -1, f, NULL));
    const char *prev = b;
    for (int k = 0; k < SJ_F_COUNT; k++) {
        char id[64];
        snprintf(id, sizeof id, "{\"id\":\"%s\"", sj_finding_info_of((sj_finding_kind)k)->id);
        const char *at = strstr(b, id);
        assert_non_null(at);
        assert_true(at > prev);
        prev = at;
    }
    assert_non_null(strstr(b, "\"ruleId\":\"weaker-target\",\"ruleIndex\":2,\"level\":\"error\""));
    free(b);
    /* a scan section: markdown anchors it by its number */
    CAPTURE(b, sj_check_render(&c, NULL, NULL, SJ_LANG_EN, sj_render_find("markdown"), 4, f, NULL));
    assert_true(!strncmp(b, "<a id=\"f5\"></a>\n\n## ", 20));
    free(b);
    sj_doc_free(&c);
    sj_doc_free(&p);
    /* a target a copy broke across two lines: its location ends on the
     * second (JSON end_line, SARIF endLine) */
    assert_int_equal(load_str("一、农业\n到2025年，全县营造修复红树林、恢复滨海湿地和整治岸线的综合完成率达到百分之\n九十。（县农业农村局牵头）\n", &c), 0);
    assert_int_equal(load_str("云州市农业发展行动方案\n一、农业\n到2025年，全市营造修复红树林、恢复滨海湿地和整治岸线的综合完成率达到95%以上。（市农业农村局牵头）\n", &p), 0);
    sj_extract(&c, &RS, &M);
    sj_extract(&p, &RS, &M);
    CAPTURE(b, sj_check_render(&c, &p, NULL, SJ_LANG_EN, sj_render_find("json"), -1, f, NULL));
    assert_non_null(strstr(b, "\"line\":2,\"column\":18,\"end_line\":3,"));
    assert_null(strstr(b, "unit-mismatch")); /* 百分之 is % */
    free(b);
    CAPTURE(b, sj_check_render(&c, &p, NULL, SJ_LANG_EN, sj_render_find("sarif"), -1, f, NULL));
    assert_non_null(strstr(b, "\"startLine\":2,\"startColumn\":18,\"endLine\":3"));
    free(b);
    sj_doc_free(&c);
    sj_doc_free(&p);
    /* a missing figure the parent states in its table and in a task: the
     * finding shows both (JSON parent_also, SARIF a second related
     * location, text a second note) */
    assert_int_equal(load_str("一、农业\n到2025年，全县秸秆综合利用率达到90%以上。（县农业农村局牵头）\n", &c), 0);
    assert_int_equal(load_str("云州市农业发展行动方案\n一、目标\n表1 主要指标\n序号\t指标\t单位\t2025年\n"
                              "1\t农村黑臭水体治理数量\t条\t25\n"
                              "二、任务\n1. 黑臭水体。到2025年累计治理农村黑臭水体25条。（市生态环境局牵头）\n", &p), 0);
    sj_extract(&c, &RS, &M);
    sj_extract(&p, &RS, &M);
    CAPTURE(b, sj_check_render(&c, &p, NULL, SJ_LANG_EN, sj_render_find("json"), -1, f, NULL));
    const char *mt = strstr(b, "{\"id\":\"missing-target\"");
    assert_non_null(mt);
    assert_non_null(strstr(mt, "\"parent\":{\"file\":\"mem.txt\",\"line\":5,"));
    assert_non_null(strstr(mt, "\"parent_also\":{\"file\":\"mem.txt\",\"line\":7,"));
    free(b);
    CAPTURE(b, sj_check_render(&c, &p, NULL, SJ_LANG_EN, sj_render_find("sarif"), -1, f, NULL));
    assert_non_null(strstr(b, "\"id\":2,\"message\":{\"text\":\"parent, said again\"}"));
    free(b);
    sj_doc_free(&c);
    sj_doc_free(&p);
}

static void extract_csv(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、农业\n到2025年，全县秸秆综合利用率达到90%以上。（县农业农村局牵头）\n", &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_renderer *r = sj_render_find("csv");
    char *b = NULL;
    CAPTURE(b, (r->extract_begin(f), r->extract_doc(f, &d, 1)));
    assert_true(!strncmp(b, "file,category,line,column,text,", 31));
    assert_non_null(strstr(b, "\"mem.txt\",target,2,"));
    assert_non_null(strstr(b, ",90,\"%\",>=,"));
    free(b);
    sj_doc_free(&d);
}

/* Issue 16: JSON strings are scanned eight bytes at a time; each special
 * byte (controls, '"', '\\') is escaped at every position of a word, next
 * to multibyte characters, as one byte at a time escapes it. */
static void json_escaping_words(void **s)
{
    (void)s;
    static const char specials[] = {'"', '\\', '\n', '\t', 0x01, 0x1F, 0x7F, ' ', '!', '[',
                                     ']', 0x5D, 0x21, 0x23};
    for (size_t k = 0; k < sizeof specials; k++)
        for (size_t at = 0; at < 19; at++) {
            char in[32];
            /* ASCII and a three-byte character around the byte */
            const char *fill = "ab中cdefghij中klmnopqrs";
            memcpy(in, fill, 24);
            in[at] = specials[k];
            size_t n = 24;
            sj_buf want = {0};
            sj_buf_addc(&want, '"');
            for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)in[i];
                if (c == '"' || c == '\\')
                    sj_buf_addf(&want, "\\%c", c);
                else if (c == '\n')
                    sj_buf_adds(&want, "\\n");
                else if (c == '\t')
                    sj_buf_adds(&want, "\\t");
                else if (c < 0x20)
                    sj_buf_addf(&want, "\\u%04x", c);
                else
                    sj_buf_addc(&want, (char)c);
            }
            sj_buf_addc(&want, '"');
            char *b = NULL;
            CAPTURE(b, sj_json_str_utf8(f, in, n));
            if (strcmp(b, want.data))
                fail_msg("byte 0x%02x at %zu: %s, expected %s", (unsigned char)specials[k], at, b,
                         want.data);
            free(b);
            sj_buf_free(&want);
        }
}

/* Issue 16: "%.10g" without printf writes what printf writes: integers,
 * up to three decimals (values that are not exact in binary, 0.1, 33.3),
 * negatives, -0, and the rest (printf's own) */
static void g10_as_printf(void **s)
{
    (void)s;
    static const double vals[] = {0, -0.0, 1, -1, 7, 10, 100, 95, 95.5, 0.5, 0.05, 0.005, 0.0005,
                                  0.1, 0.2, 0.3, 33.3, 1.05, 2.675, 99999999, 12345678.9,
                                  123456789, 1e8, 1e9, 1e10, 1e15, 1e-5, 3.14159, 1234.567,
                                  1234.5678, -2.5, -0.125, 16.7, 4.1e7, 1.0 / 3, 2e-300,
                                  1e300, 0.999, 9.995, 1000000.5, 99999999.99};
    char got[64], want[64];
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        int n = sj_fmt_g10(got, vals[i]);
        snprintf(want, sizeof want, "%.10g", vals[i]);
        if (strcmp(got, want) || n != (int)strlen(want))
            fail_msg("%.17g: %s, printf %s", vals[i], got, want);
    }
    /* decimals as the plans write them, from n / 10^k */
    unsigned x = 12345;
    for (int i = 0; i < 200000; i++) {
        x = x * 1103515245u + 12345u;
        static const double scale[] = {1, 10, 100, 1000};
        double v = (double)(x % 100000000u) / scale[x >> 29 & 3];
        if (x & 1u << 27)
            v = -v;
        sj_fmt_g10(got, v);
        snprintf(want, sizeof want, "%.10g", v);
        if (strcmp(got, want))
            fail_msg("%.17g: %s, printf %s", v, got, want);
    }
}

/* Issue 16: the writer gathers pieces into runs and writes the same bytes:
 * pieces small and large (past its buffer), JSON strings escaped and
 * names that are not UTF-8 as sj_json_str writes them */
static void writer_same_bytes(void **s)
{
    (void)s;
    sj_buf want = {0};
    char *got = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&got, &len);
    assert_non_null(f);
    sj_jw *w = malloc(sizeof *w);
    w->f = f;
    w->n = 0;
    char *big = malloc(3 * SJ_JW_SIZE);
    for (size_t i = 0; i < 3 * SJ_JW_SIZE; i++)
        big[i] = (char)('a' + i % 26);
    big[SJ_JW_SIZE + 5] = '"';
    for (int round = 0; round < 50; round++) {
        size_t n = (size_t)(round * 997) % (3 * SJ_JW_SIZE);
        sj_jw_put(w, big, n);
        sj_buf_add(&want, big, n);
        sj_jw_putc(w, ',');
        sj_buf_addc(&want, ',');
        sj_jw_puts(w, "中文");
        sj_buf_adds(&want, "中文");
        /* a string, escaped: the FILE form's bytes */
        char *one = NULL;
        size_t one_len = 0;
        FILE *g = open_memstream(&one, &one_len);
        const char *str = round % 2 ? big : "\xd6\xd0\xce\xc4\t\"x\"";
        size_t sl = round % 2 ? n : strlen(str);
        sj_json_str(g, str, sl);
        fclose(g);
        sj_buf_add(&want, one, one_len);
        free(one);
        sj_jw_str(w, str, sl);
    }
    sj_jw_flush(w);
    fclose(f);
    assert_int_equal(len, want.len);
    assert_memory_equal(got, want.data, len);
    /* a GBK name is decoded, not passed through */
    assert_non_null(strstr(got, "\"中文\\t\\\"x\\\"\""));
    free(got);
    free(big);
    free(w);
    sj_buf_free(&want);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(table), cmocka_unit_test(escaping),
                                   cmocka_unit_test(check_report), cmocka_unit_test(extract_csv),
                                   cmocka_unit_test(json_escaping_words),
                                   cmocka_unit_test(g10_as_printf),
                                   cmocka_unit_test(writer_same_bytes)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
