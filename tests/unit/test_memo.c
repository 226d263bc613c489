/* test_memo: remembered rule lookups (src/rules/memo.c): the same answers
 * as the plain lookups, only while begun, only for the ruleset begun with
 * (or one of the same rules), and bounded. */
#include "test_util.h"

#include "memo.h"

static const char *RULES = "[indicator pm]\n"
                           "pattern = 细颗粒物|PM2\\.5\n"
                           "id = pm25\n"
                           "name = x\n"
                           "[indicator water]\n"
                           "pattern = 水质\n"
                           "id = water\n"
                           "name = y\n";

static void same_answers(void **s)
{
    (void)s;
    sj_ruleset rs = {0};
    sj_err e;
    assert_int_equal(sj_rules_load_text("t.rules", RULES, strlen(RULES), &rs, &e), 0);
    sj_matcher m;
    sj_matcher_init(&m);
    const char *subj[] = {"细颗粒物浓度", "地表水水质优良比例", "森林覆盖率", "PM2.5"};
    sj_memo_begin(&m, &rs);
    for (int round = 0; round < 2; round++) /* the second round is remembered */
        for (size_t i = 0; i < sizeof subj / sizeof *subj; i++) {
            size_t n = strlen(subj[i]);
            assert_ptr_equal(sj_first_rule(&rs, "indicator", &m, subj[i], n),
                             sj_first_match(&rs, "indicator", &m, subj[i], n));
        }
    assert_ptr_equal(sj_first_rule(&rs, "indicator", &m, "水质", 6), &rs.rules[1]);
    assert_null(sj_first_rule(&rs, "indicator", &m, "水", 3)); /* a prefix is another key */
    /* string answers: NULL remembered as known */
    const char *v = "unset";
    assert_int_equal(sj_memo_get(&m, &rs, "role", "市生态环境局", 18, &v), 0);
    sj_memo_put(&m, &rs, "role", "市生态环境局", 18, "生态环境局");
    sj_memo_put(&m, &rs, "role", "市发展改革委", 18, NULL);
    assert_int_equal(sj_memo_get(&m, &rs, "role", "市生态环境局", 18, &v), 1);
    assert_string_equal(v, "生态环境局");
    assert_int_equal(sj_memo_get(&m, &rs, "role", "市发展改革委", 18, &v), 1);
    assert_null(v);
    /* another tag is another key */
    assert_int_equal(sj_memo_get(&m, &rs, "other", "市生态环境局", 18, &v), 0);
    /* another ruleset: nothing remembered */
    sj_ruleset other = {0};
    assert_int_equal(sj_rules_load_text("u.rules", RULES, strlen(RULES), &other, &e), 0);
    assert_int_equal(sj_memo_get(&m, &other, "role", "市生态环境局", 18, &v), 0);
    sj_memo_put(&m, &other, "role", "x", 1, "y");
    assert_int_equal(sj_memo_get(&m, &other, "role", "x", 1, &v), 0);
    /* past the bound it starts again, and stays right */
    char key[32];
    for (int i = 0; i < 3 * SJ_MEMO_MAX; i++) {
        snprintf(key, sizeof key, "k%d", i);
        sj_memo_put(&m, &rs, "role", key, strlen(key), key);
        assert_int_equal(sj_memo_get(&m, &rs, "role", key, strlen(key), &v), 1);
        assert_string_equal(v, key);
    }
    /* ended: forgotten, and plain lookups still answer */
    sj_memo_end(&m);
    assert_int_equal(sj_memo_get(&m, &rs, "role", key, strlen(key), &v), 0);
    assert_ptr_equal(sj_first_rule(&rs, "indicator", &m, "PM2.5", 5), &rs.rules[0]);
    sj_matcher_free(&m);
    sj_rules_free(&other);
    sj_rules_free(&rs);
}

/* Kept from one plan to the next while the rules are the same (the same
 * fingerprint), answering with the ruleset begun with; forgotten for
 * other rules. */
static void kept_across_plans(void **s)
{
    (void)s;
    sj_ruleset rs = {0}, again = {0}, other = {0};
    sj_err e;
    const char *more = "[indicator forest]\npattern = 森林\nid = forest\nname = z\n";
    assert_int_equal(sj_rules_load_text("t.rules", RULES, strlen(RULES), &rs, &e), 0);
    assert_int_equal(sj_rules_load_text("t.rules", RULES, strlen(RULES), &again, &e), 0);
    assert_int_equal(sj_rules_load_text("t.rules", RULES, strlen(RULES), &other, &e), 0);
    assert_int_equal(sj_rules_load_text("m.rules", more, strlen(more), &other, &e), 0);
    assert_true(rs.fingerprint != 0 && rs.fingerprint == again.fingerprint);
    assert_true(other.fingerprint != rs.fingerprint);
    sj_matcher m;
    sj_matcher_init(&m);
    const char *v = NULL;
    sj_memo_begin(&m, &rs);
    sj_memo_put(&m, &rs, "role", "市生态环境局", 18, "生态环境局");
    assert_ptr_equal(sj_first_rule(&rs, "indicator", &m, "水质", 6), &rs.rules[1]);
    sj_memo_end(&m);
    /* the next plan, the same rules loaded again: remembered, and the rule
     * answered is the new ruleset's */
    sj_memo_begin(&m, &again);
    assert_int_equal(sj_memo_get(&m, &again, "role", "市生态环境局", 18, &v), 1);
    assert_string_equal(v, "生态环境局");
    assert_ptr_equal(sj_first_rule(&again, "indicator", &m, "水质", 6), &again.rules[1]);
    sj_memo_end(&m);
    /* other rules: forgotten */
    sj_memo_begin(&m, &other);
    assert_int_equal(sj_memo_get(&m, &other, "role", "市生态环境局", 18, &v), 0);
    sj_memo_end(&m);
    sj_matcher_free(&m);
    sj_rules_free(&rs);
    sj_rules_free(&again);
    sj_rules_free(&other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(same_answers),
                                       cmocka_unit_test(kept_across_plans)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
