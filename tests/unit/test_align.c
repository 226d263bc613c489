#include "test_util.h"
#include "align.h"

static void load2(const char *child, const char *parent, sj_doc *c, sj_doc *p)
{
    assert_int_equal(load_str(child, c), 0);
    assert_int_equal(load_str(parent, p), 0);
    sj_extract(c, &RS, &M);
    sj_extract(p, &RS, &M);
}

/* the child's area: by its full name before a short one (仁怀市's plan on
 * the 赤水河 is not 赤水市's) */
static void child_area(void **s)
{
    (void)s;
    sj_doc c, p;
    load2("仁怀市赤水河流域农村生活污水治理实施方案\n一、目标\n到2025年，治理率达到50%。\n",
          "遵义市农村生活污水治理方案\n一、目标\n表1 各县（市、区）目标\n"
          "县（市、区）\t农村生活污水治理率（%）\n赤水市\t60\n仁怀市\t55\n",
          &c, &p);
    const char *a = sj_align_child_area(&c, &p);
    assert_non_null(a);
    assert_string_equal(a, "仁怀市");
    sj_doc_free(&c);
    sj_doc_free(&p);
}

static void targets(void **s)
{
    (void)s;
    sj_doc c, p;
    load2("一、农业\n到2025年，全县秸秆综合利用率达到90%以上。（县农业农村局牵头）\n"
          "二、交通\n到2025年，全县建成充电桩3500个。（县发展改革局牵头）\n",
          "一、农业\n到2025年，全市秸秆综合利用率达到95%以上。（市农业农村局牵头）\n"
          "二、林业\n到2025年，全市森林覆盖率达到20%。（市林业局牵头）\n",
          &c, &p);
    assert_int_equal(p.ntargets, 2);
    assert_int_equal(c.ntargets, 2);
    sj_parent_profiles *pp = sj_parent_profiles_make(&p);
    sj_target_align al;
    sj_align_targets(&c, &p, pp, &al);
    assert_false(al.too_many);
    assert_int_equal(al.n, 2);
    assert_int_equal(al.match[0], 0); /* 秸秆综合利用率 with itself */
    assert_true(al.conf[0] >= 0.9);
    assert_int_equal(al.match[1], -1); /* no 森林覆盖率 in the child */
    assert_false(al.addressed[1]);
    assert_true(sj_same_indicator(&c.targets[0], &p.targets[0]));
    assert_false(sj_same_indicator(&c.targets[1], &p.targets[1]));
    assert_true(sj_target_is_share(&p.targets[1]));
    assert_false(sj_target_is_share(&c.targets[1]));
    sj_target_align_free(&al);
    sj_parent_profiles_free(pp, &p);
    sj_doc_free(&c);
    sj_doc_free(&p);
}

static void tasks_and_deadlines(void **s)
{
    (void)s;
    sj_doc c, p;
    load2("一、监测\n2026年6月底前，完成全区大气污染物排放清单编制，此后每年更新。（区生态环境分局牵头）\n"
          "二、其他\n全面加强各类工业企业的无组织排放管控工作，推进物料堆场的全封闭改造和道路硬化工程。\n",
          "一、监测\n2025年6月底前，完成全市大气污染物排放清单编制，此后每年更新。（市生态环境局牵头）\n",
          &c, &p);
    int n;
    sj_task_unit *t = sj_align_tasks_of(&c, &n);
    assert_int_equal(n, 2);
    assert_true(t[0].has_agency);
    assert_false(t[1].has_agency);
    assert_true(t[0].span.end <= t[1].span.start);
    free(t);
    sj_task_align al;
    sj_align_deadlines(&c, &p, &al);
    assert_false(al.too_big);
    assert_int_equal(al.stopped_at, -1);
    assert_int_equal(al.n, p.ndeadlines);
    assert_true(p.ndeadlines >= 1);
    assert_int_equal(al.m[0].child, 0);
    assert_true(al.m[0].score >= 0.45);
    sj_task_align_free(&al);
    sj_parent_profiles *pp = sj_parent_profiles_make(&p);
    sj_align_agencies(&c, pp, &al);
    assert_int_equal(al.nchild, 2);
    assert_int_equal(al.m[0].child, 0); /* the assigned task with its like */
    assert_true(al.m[0].score >= 0.3);
    sj_task_align_free(&al);
    sj_parent_profiles_free(pp, &p);
    sj_doc_free(&c);
    sj_doc_free(&p);
}

/* A child giving an indicator for one of the parent's milestones (its
 * 2025 figure) addresses the parent's other one (2027): not missing. */
static void other_milestone(void **s)
{
    (void)s;
    sj_doc c, p;
    load2("一、建筑\n到2025年，全县公共建筑屋顶光伏覆盖率达到50%。（县住建局牵头）\n",
          "一、建筑\n到2025年，全市新建公共机构建筑屋顶光伏覆盖率达到50%，到2027年达到60%。（市住建局牵头）\n",
          &c, &p);
    assert_int_equal(p.ntargets, 2);
    assert_int_equal(c.ntargets, 1);
    sj_parent_profiles *pp = sj_parent_profiles_make(&p);
    sj_target_align al;
    sj_align_targets(&c, &p, pp, &al);
    int y2027 = p.targets[0].target_year == 2027 ? 0 : 1;
    assert_int_equal(p.targets[y2027].target_year, 2027);
    assert_int_equal(al.match[1 - y2027], 0); /* 2025 with 2025 */
    assert_int_equal(al.match[y2027], -1);
    assert_true(al.addressed[y2027]);
    sj_target_align_free(&al);
    sj_parent_profiles_free(pp, &p);
    sj_doc_free(&c);
    sj_doc_free(&p);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(child_area), cmocka_unit_test(targets), cmocka_unit_test(tasks_and_deadlines),
                                   cmocka_unit_test(other_milestone)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
