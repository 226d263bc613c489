#include "test_util.h"
#include "findings.h"

/* the conversions of a template, as a string of their letters */
static void conversions(const char *t, char *out, size_t cap)
{
    size_t n = 0;
    for (; *t; t++) {
        if (*t != '%')
            continue;
        t++;
        while (*t && strchr("-+ #0123456789.z", *t))
            t++;
        if (*t && *t != '%' && n + 1 < cap)
            out[n++] = *t;
    }
    out[n] = '\0';
}

static void registry(void **s)
{
    (void)s;
    for (int k = 0; k < SJ_F_COUNT; k++) {
        const sj_finding_info *i = sj_finding_info_of((sj_finding_kind)k);
        assert_non_null(i);
        assert_true(strlen(i->id) > 3 && strlen(i->help) > 10);
        assert_int_equal(sj_finding_kind_of(i->id), k);
    }
    assert_null(sj_finding_info_of(SJ_F_COUNT));
    assert_int_equal(sj_finding_kind_of("no-such-finding"), -1);
    assert_int_equal(sj_finding_kind_of("weaker-target"), SJ_F_WEAKER_TARGET);
    assert_int_equal(sj_finding_info_of(SJ_F_WEAKER_TARGET)->level, SJ_ERROR);
    assert_int_equal(sj_finding_info_of(SJ_F_SCALE_DEPENDENT)->level, SJ_INFO);
    assert_string_equal(sj_severity_name(SJ_WARNING), "warning");
    assert_string_equal(sj_severity_label(SJ_ERROR, SJ_LANG_ZH), "错误");
    assert_string_equal(sj_severity_label(SJ_INFO, SJ_LANG_EN), "info");
}

/* every message has both languages, with the same conversions in the
 * same order, and reports a finding (the words excepted) */
static void catalogue(void **s)
{
    (void)s;
    for (int m = 0; m < SJ_MSG_COUNT; m++) {
        const char *en = sj_msg_text((sj_msg)m, SJ_LANG_EN), *zh = sj_msg_text((sj_msg)m, SJ_LANG_ZH);
        assert_non_null(en);
        assert_non_null(zh);
        assert_true(strcmp(en, zh) != 0 || !strcmp(en, "-"));
        char ce[16], cz[16];
        conversions(en, ce, sizeof ce);
        conversions(zh, cz, sizeof cz);
        assert_string_equal(ce, cz);
        if (m < SJ_MSG_WORD_NO_UNIT)
            assert_true(sj_msg_kind((sj_msg)m) >= 0);
        else
            assert_int_equal(sj_msg_kind((sj_msg)m), -1);
    }
    assert_null(sj_msg_text(SJ_MSG_COUNT, SJ_LANG_EN));
}

static void add_and_format(void **s)
{
    (void)s;
    sj_findings fs = {0};
    sj_span a = {10, 20}, b = {30, 40};
    sj_findings_add(&fs, SJ_MSG_WEAKER_TARGET, "秸秆综合利用率", a, 1, b, 1, 0.9,
                    "秸秆综合利用率", 90.0, "%", 95.0, "%");
    assert_int_equal(fs.n, 1);
    const sj_finding *f = &fs.items[0];
    assert_string_equal(f->id, "weaker-target");
    assert_int_equal(f->level, SJ_ERROR);
    assert_string_equal(f->message, "秸秆综合利用率 90% is weaker than the parent's 95%");
    assert_int_equal(f->nargs, 5);
    sj_buf zh = {0};
    sj_finding_format(f, SJ_LANG_ZH, &zh);
    sj_buf_addc(&zh, '\0');
    assert_string_equal(zh.data, "秸秆综合利用率 90% 弱于上级方案的 95%");
    sj_buf_free(&zh);
    /* the same id at the same child place: kept once */
    sj_findings_add(&fs, SJ_MSG_WEAKER_TARGET, "x", a, 1, b, 1, 0.5, "x", 1.0, "", 2.0, "");
    assert_int_equal(fs.n, 1);
    /* another message of another id there, and one with no child place */
    sj_findings_add(&fs, SJ_MSG_UNIT_MISMATCH, "x", a, 1, b, 1, 0.5, "x", "吨", "万吨");
    sj_findings_add(&fs, SJ_MSG_INCOMPLETE_DEADLINES, "", a, 0, b, 1, 1, (size_t)9000000,
                    8000000u);
    assert_int_equal(fs.n, 3);
    assert_int_equal(fs.items[2].child_item, -1);
    assert_string_equal(fs.items[2].message,
                        "the plan's dated tasks hold 9000000 characters, too many to align "
                        "(over 8000000); the deadlines were not checked");
    /* long messages are cut at 1023 bytes */
    char *big = malloc(3000);
    memset(big, 'a', 2999);
    big[2999] = '\0';
    sj_findings_add(&fs, SJ_MSG_UNASSIGNED_TARGET, big, b, 1, b, 0, 1, big);
    assert_int_equal(strlen(fs.items[3].message), 1023);
    free(big);
    sj_findings_free(&fs);
    assert_int_equal(fs.n, 0);
}

/* README's table of findings is the registry's: the same ids, levels
 * and order, nothing more */
static void readme_table(void **s)
{
    (void)s;
    FILE *f = fopen(SJ_SOURCE_DIR "/README.md", "r");
    assert_non_null(f);
    char line[1024];
    int in = 0, k = 0;
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "### Findings", 12))
            in = 1;
        else if (in && !strncmp(line, "###", 3))
            break;
        if (!in || strncmp(line, "| ", 2) || !strncmp(line, "| id |", 6) ||
            !strncmp(line, "| ---", 5))
            continue;
        assert_true(k < SJ_F_COUNT);
        const sj_finding_info *i = sj_finding_info_of((sj_finding_kind)k++);
        char want[128];
        snprintf(want, sizeof want, "| %s | %s |", i->id, sj_severity_name(i->level));
        assert_true(!strncmp(line, want, strlen(want)));
    }
    fclose(f);
    assert_int_equal(k, SJ_F_COUNT);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(registry), cmocka_unit_test(catalogue),
                                   cmocka_unit_test(add_and_format),
                                   cmocka_unit_test(readme_table)};
    return cmocka_run_group_tests(t, NULL, NULL);
}
