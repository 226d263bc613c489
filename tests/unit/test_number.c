#include "test_util.h"
#include "number.h"

static double num(const char *s, int *ok)
{
    double v = -1;
    *ok = sj_parse_number(&RS, s, strlen(s), &v);
    return v;
}

static void digits(void **s)
{
    (void)s;
    int ok;
    assert_true(num("12", &ok) == 12 && ok);
    assert_true(num("1.76", &ok) == 1.76 && ok);
    assert_true(num("12,000", &ok) == 12000 && ok);
    num("12a", &ok);
    assert_false(ok);
    num("", &ok);
    assert_false(ok);
    num("1234567890123456789012345678901234567890123", &ok); /* over 40 bytes */
    assert_false(ok);
}

/* the numerals come from rules/numerals.rules */
static void numerals_from_rules(void **s)
{
    (void)s;
    int ok;
    assert_true(num("三", &ok) == 3 && ok);
    assert_true(num("十二", &ok) == 12 && ok);
    assert_true(num("两千", &ok) == 2000 && ok);
    assert_true(num("一百零五", &ok) == 105 && ok);
    assert_true(num("〇", &ok) == 0 && ok);
    /* digits in a run, and a point ([numeral dian], point = yes) */
    assert_true(num("二〇二五", &ok) == 2025 && ok);
    assert_true(num("一千零五十", &ok) == 1050 && ok);
    assert_true(num("零点八", &ok) == 0.8 && ok);
    assert_true(num("九十四点五", &ok) == 94.5 && ok);
    num("点五", &ok);
    assert_true(ok); /* 0.5: the point's digits alone */
    num("三点", &ok);
    assert_false(ok);
    num("一点二点三", &ok);
    assert_false(ok);
    num("百分之五", &ok);
    assert_false(ok);
    /* with no numeral rules, no character is a numeral */
    sj_ruleset none = {0};
    double v;
    assert_int_equal(sj_parse_number(&none, "三", strlen("三"), &v), 0);
    assert_int_equal(sj_parse_number(&none, "7", 1, &v), 1);
    /* a rule added for a new character is read */
    sj_ruleset rs = {0};
    sj_err e;
    const char *t = "[numeral wan]\npattern = 万\nvalue = 10000\nplace = yes\n"
                    "[numeral san]\npattern = 三\nvalue = 3\n";
    assert_int_equal(sj_rules_load_text("t.rules", t, strlen(t), &rs, &e), 0);
    assert_int_equal(sj_parse_number(&rs, "三万", strlen("三万"), &v), 1);
    assert_true(v == 30000);
    sj_rules_free(&rs);
}

static void numeral_rule_errors(void **s)
{
    (void)s;
    sj_ruleset rs = {0};
    sj_err e;
    const char *bad[] = {"[numeral x]\npattern = 三四\nvalue = 3\n",
                         "[numeral x]\npattern = [三]\nvalue = 3\n",
                         "[numeral x]\npattern = 三\nvalue = three\n",
                         "[numeral x]\npattern = 三\nvalue = 3\nplace = maybe\n",
                         "[numeral x]\npattern = 点\nvalue = 0\npoint = sure\n",
                         "[numeral x]\npattern = 三\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(sj_rules_load_text("t.rules", bad[i], strlen(bad[i]), &rs, &e), -1);
        assert_non_null(strstr(e.msg, i < 2 ? "t.rules:2:" : "t.rules:1:"));
        sj_rules_free(&rs);
        memset(&rs, 0, sizeof rs);
    }
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(digits),
                                   cmocka_unit_test(numerals_from_rules),
                                   cmocka_unit_test(numeral_rule_errors)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
