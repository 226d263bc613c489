#include "test_util.h"

static void prose(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、农业\n到2023年，全区化肥使用量较2020年减少3%，配方肥应用面积达到20万亩。2022年6月底前完成改造（区农业农村局牵头，区财政局配合）。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ntargets, 2);
    assert_string_equal(d.targets[0].indicator, "化肥使用量");
    assert_true(d.targets[0].value == 3);
    assert_string_equal(d.targets[0].change, "decrease");
    assert_int_equal(d.targets[0].base_year, 2020);
    assert_int_equal(d.targets[0].target_year, 2023);
    assert_string_equal(d.targets[0].indicator_id, "fertilizer_use");
    assert_string_equal(d.targets[1].unit, "万亩");
    assert_int_equal(d.ndeadlines, 2);
    assert_int_equal(d.deadlines[1].month, 6);
    assert_int_equal(d.nagencies, 1);
    assert_string_equal(d.agencies[0].lead.names[0], "区农业农村局");
    assert_string_equal(d.agencies[0].coop.names[0], "区财政局");
    assert_int_equal(d.deadlines[1].agency, 0);
    sj_doc_free(&d);
}

static void scope_is_not_target(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、运输\n年运输量150万吨以上的企业要建设铁路专用线。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ntargets, 0);
    sj_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(prose),
                                   cmocka_unit_test(scope_is_not_target)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
