#include "test_util.h"
#include "check.h"
#include "render.h"

/* runs the check of child against parent; returns the findings */
static void check(const char *child, const char *parent, sj_lang lang, sj_findings *fs,
                  sj_doc *c, sj_doc *p)
{
    assert_int_equal(load_str(child, c), 0);
    assert_int_equal(load_str(parent, p), 0);
    sj_extract(c, &RS, &M);
    sj_extract(p, &RS, &M);
    memset(fs, 0, sizeof *fs);
    fs->lang = lang;
    sj_check(c, p, fs);
}

static const sj_finding *find(const sj_findings *fs, const char *id)
{
    for (int i = 0; i < fs->n; i++)
        if (!strcmp(fs->items[i].id, id))
            return &fs->items[i];
    return NULL;
}

static void done(sj_findings *fs, sj_doc *c, sj_doc *p)
{
    sj_findings_free(fs);
    sj_doc_free(c);
    sj_doc_free(p);
}

/* a project list's rows are the parent's own works: not missing when the
 * child leaves them out; the same amount in prose still is. Ships are
 * counted (艘). An allocation table whose first header cell is 区县(市)
 * makes the parent's figures overall ones. */
static void projects_ships_and_area_headers(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "一、任务\n到2027年，全市推广清洁能源船舶30艘。\n"
                         "附件\n序号\t项目名称\t建设内容\t完成时限\n"
                         "1\t服务区超充站工程\t全市服务区新建快充桩60个\t2024年12月\n";
    check("一、任务\n到2027年，全县推广清洁能源船舶35艘。\n", parent, SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "absolute-exceeds-parent");
    assert_non_null(f);
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "missing-target"))
            fail_msg("a project list's row reported missing: %s", fs.items[i].message);
    done(&fs, &c, &p);
    check("一、任务\n到2027年，全县新建快充桩6个。\n", parent, SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "missing-target")); /* the ships, in prose */
    done(&fs, &c, &p);
    /* 区县(市) heads an allocation: the city's 65% is an overall figure */
    check("一、目标\n到2025年，城市绿色出行比例达到60%。\n",
          "一、目标\n到2025年，城市绿色出行比例达到65%。\n"
          "表2 各区县（市）目标\n区县（市）\t新能源汽车保有量（辆）\n甲县\t5000\n乙县\t4000\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "weaker-than-overall"));
    assert_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
}

/* A note that names the indicators every area must meet makes them bind
 * (‰ is a share); a child answering its own row takes up the overall
 * figure the rows allocate (not missing); 累计完成营造林 is 营造林, and a
 * year after a name (水土保持率2025年) is not part of it. */
static void notes_rows_and_names(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent =
        "一、目标\n到2025年，全市森林火灾受害率控制在0.9‰以内，营造林面积达到20万亩，"
        "水土保持率2025年达到85%。\n"
        "注：森林火灾受害率为各县（市、区）均须达到的统一要求。\n"
        "表2 各县（市、区）2025年目标\n县（市、区）\t营造林面积（万亩）\n甲县\t2.0\n乙县\t3.0\n";
    check("甲县实施方案\n一、目标\n到2025年，全县森林火灾受害率控制在1‰以内，"
          "2024—2025年累计完成营造林1.8万亩，水土保持率达到85%。\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    int weaker = 0, missing = 0, overall = 0;
    for (int i = 0; i < fs.n; i++) {
        weaker += !strcmp(fs.items[i].id, "weaker-target");
        missing += !strcmp(fs.items[i].id, "missing-target");
        overall += !strcmp(fs.items[i].id, "weaker-than-overall");
    }
    assert_int_equal(weaker, 2); /* 1‰ > 0.9‰ binding; 1.8 < its row's 2.0 */
    assert_int_equal(missing, 0);
    assert_int_equal(overall, 0);
    done(&fs, &c, &p);
    /* the rows are for 2025 (the caption says so): a 2027 figure is not
     * judged by them */
    check("甲县实施方案\n一、目标\n到2027年，全县累计完成营造林1.0万亩。\n", parent, SJ_LANG_EN,
          &fs, &c, &p);
    assert_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
    /* a figure without a unit (a PUE) is a ratio: weaker, never a part
     * larger than the whole */
    check("一、目标\n到2025年，新建大型数据中心电能利用效率(PUE)不高于1.4。\n",
          "一、目标\n到2025年，新建大型数据中心电能利用效率(PUE)不高于1.3。\n", SJ_LANG_EN, &fs, &c,
          &p);
    assert_null(find(&fs, "absolute-exceeds-parent"));
    assert_true(find(&fs, "weaker-target") || find(&fs, "weaker-than-overall"));
    done(&fs, &c, &p);
}

/* a parent task of the areas its sentence names (在平武、北川建成…) is
 * missing only in the plans of those areas */
static void tasks_of_named_areas(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "绵阳市生态保护修复行动方案\n一、任务\n"
                         "到2027年，在平武、北川建成大熊猫栖息地生态廊道5条。\n";
    check("梓潼县生态保护修复实施方案\n一、任务\n到2027年，全县森林覆盖率达到48%。\n", parent,
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "missing-target"));
    done(&fs, &c, &p);
    check("平武县生态保护修复实施方案\n一、任务\n到2027年，全县森林覆盖率达到78%。\n", parent,
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "missing-target"));
    done(&fs, &c, &p);
    /* a project list's row located in another area dates that area's
     * task, not the child's (whose title also names a bay, 东山湾, after
     * its own county) */
    const char *projects = "漳州市近岸海域生态环境综合治理方案\n一、任务\n附件3 重点工程项目清单\n"
                           "序号\t项目名称\t所在县（区）\t建设内容\t完成时限\t牵头单位\n"
                           "1\t东山岛海漂垃圾常态化保洁工程\t东山县\t开展海漂垃圾常态化保洁\t2025年6月\t市城市管理局\n"
                           "2\t漳江口海漂垃圾治理工程\t云霄县\t开展海漂垃圾常态化保洁和清运\t2025年6月\t市城市管理局\n";
    check("云霄县漳江口及东山湾北岸海域生态环境治理行动计划\n一、任务\n"
          "1. 海漂垃圾保洁。2025年9月底前开展海漂垃圾常态化保洁。（县城市管理局牵头）\n",
          projects, SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "later-deadline");
    assert_non_null(f);
    assert_int_equal(sj_norm_pos(&p.norm, f->parent_span.start).line, 6);
    done(&fs, &c, &p);
}

/* the plan's goals (一、工作目标 and the sections in it) are not tasks: no
 * unassigned-task for them, and a parent task is not said to lack an
 * agency because a goal of the child's is like it */
static void goals_are_not_tasks(void **s)
{
    (void)s;
    sj_findings fs, ls = {0};
    sj_doc c, p;
    check("一、工作目标\n（一）提升县城污水处理能力。到2025年，县城生活污水处理率均达到96%以上。\n"
          "二、重点任务\n1. 管网建设。新建污水管网20公里。（县住房城乡建设局牵头）\n",
          "一、重点任务\n3. 提升县城污水处理能力。到2025年，各县城生活污水处理率均达到95%以上。"
          "（市住房城乡建设局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "agency-missing"));
    sj_lint(&c, &ls);
    for (int i = 0; i < ls.n; i++)
        if (!strcmp(ls.items[i].id, "unassigned-task"))
            fail_msg("a goal reported unassigned: %s", ls.items[i].message);
    sj_findings_free(&ls);
    done(&fs, &c, &p);
}

/* 均达到 after a list of indicators says they all reach the figure, not
 * that every area must: an overall figure (weaker-than-overall); with the
 * areas its subject it binds them (weaker-target) */
static void both_indicators_not_each_area(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、目标\n到2025年，农药利用率达到42%。\n",
          "一、目标\n到2025年，主要农作物化肥利用率、农药利用率均达到43%。\n", SJ_LANG_EN, &fs,
          &c, &p);
    assert_null(find(&fs, "weaker-target"));
    assert_non_null(find(&fs, "weaker-than-overall"));
    done(&fs, &c, &p);
    check("一、目标\n到2025年，农药利用率达到42%。\n",
          "一、目标\n到2025年，各县（市、区）农药利用率均达到43%。\n", SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
}

/* a length built (中心城区累计建成公交专用道8公里) is an amount: scale-dependent
 * against the city's, not a weaker figure; a child figure stated twice
 * (goal, then task) is reported at both places */
static void built_lengths_and_restated_figures(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、任务\n到2027年，区内中心城区累计建成公交专用道8公里。\n",
          "一、任务\n到2027年，中心城区累计建成公交专用道40公里。\n", SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "weaker-than-overall"));
    assert_null(find(&fs, "weaker-target"));
    assert_non_null(find(&fs, "scale-dependent"));
    done(&fs, &c, &p);
    /* (a use per unit of what is built stays an intensity) */
    check("一、目标\n到2025年，新建燃煤发电机组供电煤耗不高于305克标准煤/千瓦时。\n",
          "一、目标\n到2025年，新建燃煤发电机组供电煤耗不高于300克标准煤/千瓦时。\n", SJ_LANG_EN, &fs,
          &c, &p);
    assert_null(find(&fs, "absolute-exceeds-parent"));
    assert_non_null(find(&fs, "weaker-than-overall"));
    done(&fs, &c, &p);
    check("一、目标\n到2025年，森林覆盖率达到40%。\n二、任务\n1. 造林绿化。到2025年，森林覆盖率达到40%。\n",
          "一、目标\n到2025年，森林覆盖率达到45%。\n", SJ_LANG_EN, &fs, &c, &p);
    int lines[2] = {0, 0}, n = 0;
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "weaker-than-overall") && n < 2)
            lines[n++] = sj_norm_pos(&c.norm, fs.items[i].child_span.start).line;
    assert_int_equal(n, 2);
    assert_int_not_equal(lines[0], lines[1]);
    done(&fs, &c, &p);
}

/* 城镇 and 农村 clean-heating rates are two indicators; a fuel's sulphur
 * limit binds wherever it is sold */
static void heating_rates_and_fuel_limits(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、目标\n到2025年，农村清洁取暖率达到55%。\n",
          "一、目标\n到2025年，城镇清洁取暖率达到90%，农村清洁取暖率达到60%。\n", SJ_LANG_EN, &fs,
          &c, &p);
    const sj_finding *f = find(&fs, "weaker-than-overall");
    assert_non_null(f);
    assert_true(f->parent_value == 60);
    done(&fs, &c, &p);
    check("一、目标\n农村推广的生物质成型燃料含硫量不高于300mg/kg。\n",
          "一、目标\n农村推广使用的生物质成型燃料含硫量不高于200mg/kg。\n", SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
}

/* a deferral names the parent's task rather than its indicator
 * (完成市下达的有机肥替代化肥任务 for 推广有机肥替代化肥。…有机肥施用面积…) */
static void deferral_names_the_task(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、任务\n3. 有机肥替代化肥。推广商品有机肥，完成市下达的有机肥替代化肥任务。\n",
          "一、任务\n3. 推广有机肥替代化肥。以茶叶为重点，到2025年全市有机肥施用面积达到120万亩。\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "deferred-unquantified"));
    assert_null(find(&fs, "missing-target"));
    done(&fs, &c, &p);
}

/* a parent figure stated in its goals, its table and a task is missing
 * once, shown at its table row (not at the goals, which are no task) */
static void missing_shown_at_table_row(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、任务\n1. 秸秆。到2025年，秸秆综合利用率达到93%。\n",
          "一、主要目标\n到2025年，农药利用率达到43%。\n表1 主要指标\n序号\t指标\t2025年\n"
          "1\t农药利用率(%)\t43\n二、重点任务\n1. 推广高效低毒农药。到2025年，农药利用率达到43%。"
          "（市农业农村局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    int n = 0, line = 0;
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "missing-target") && strstr(fs.items[i].message, "农药利用率")) {
            n++;
            line = sj_norm_pos(&p.norm, fs.items[i].parent_span.start).line;
        }
    assert_int_equal(n, 1);
    assert_int_equal(line, 5);
    done(&fs, &c, &p);
}

/* a task list's row restating a figure without its year and with 累计 after
 * the name (绿色工厂累计达到
 * 120家 | 2025年底前) is the figure the child answered, not missing */
static void yearless_restatement_answered(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "一、主要目标\n表1 主要指标\n序号\t指标\t单位\t2025年\n1\t市级以上绿色工厂(累计)\t家\t120\n"
                         "附件 重点任务清单\n序号\t任务\t牵头单位\t完成时限\n1\t绿色工厂累计达到120家\t"
                         "市经济和信息化局\t2025年底前\n";
    check("一、任务\n1. 绿色工厂。到2025年累计建成市级以上绿色工厂15家。（县经济和信息化局牵头）\n", parent,
          SJ_LANG_EN, &fs, &c, &p);
    int yearless = 0;
    for (int i = 0; i < p.ntargets; i++)
        yearless += p.targets[i].value == 120 && !p.targets[i].target_year;
    assert_int_equal(yearless, 1); /* what this test is about */
    assert_null(find(&fs, "missing-target"));
    done(&fs, &c, &p);
    /* a child silent on it: missing once, not once per statement */
    check("一、任务\n1. 秸秆。到2025年，秸秆综合利用率达到93%。\n", parent, SJ_LANG_EN, &fs, &c, &p);
    int n = 0;
    for (int i = 0; i < fs.n; i++)
        n += !strcmp(fs.items[i].id, "missing-target") && strstr(fs.items[i].message, "120");
    assert_int_equal(n, 1);
    done(&fs, &c, &p);
}

/* a child's cut in % that the parent's cut answers is no unit mismatch
 * against the parent's total in 万吨 too; a child's amount against a
 * parent that gives only a cut in % still is */
static void total_beside_cut(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、目标\n到2025年，全县化肥使用量比2022年下降3%。\n",
          "一、目标\n到2025年，全市化肥使用量控制在39万吨以内，化肥使用量较2022年减少3%。\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "unit-mismatch"));
    done(&fs, &c, &p);
    check("一、目标\n到2025年，全县农药使用量控制在350吨以内。\n",
          "一、目标\n到2025年，全市农药使用量较2022年减少3%。\n", SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "unit-mismatch"));
    done(&fs, &c, &p);
}

/* a share named like two of the parent's goes with the closer figure:
 * 绿色建筑占比 95% is the 100% of all new buildings, not the 30% of 星级 ones */
static void closer_share_of_two_alike(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、目标\n到2025年，绿色建筑占比达到95%以上。\n",
          "一、目标\n到2025年，星级绿色建筑占比达到30%。城镇新建建筑中绿色建筑占比达到100%。\n",
          SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "weaker-target");
    assert_non_null(f);
    assert_true(f->parent_value == 100);
    done(&fs, &c, &p);
}

/* a parent table dating each area's row: the child's own row binds its
 * date too */
static void row_deadlines(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "绵阳市森林防火行动方案\n一、任务\n1. 到2025年，全市新建生物防火隔离带300公里，"
                         "任务分解到各县（市、区）。\n附件 生物防火隔离带任务分解表\n县（市、区）\t"
                         "生物防火隔离带（公里）\t完成时限\n三台县\t15\t2024年底前\n盐亭县\t15\t2025年6月底前\n";
    check("盐亭县森林防火实施方案\n一、任务\n1. 森林防火。2025年底前新建生物防火隔离带15公里。（县林业局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "later-deadline");
    assert_non_null(f);
    assert_int_equal(sj_norm_pos(&p.norm, f->parent_span.start).line, 7);
    done(&fs, &c, &p);
    check("盐亭县森林防火实施方案\n一、任务\n1. 森林防火。2025年6月底前新建生物防火隔离带15公里。（县林业局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "later-deadline"));
    done(&fs, &c, &p);
}

/* a province answers the national % cut of an emission total with the
 * amount its key projects cut: scale-dependent (info), not missing */
static void cut_amount_answers_rate(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、目标\n到2025年，全省氮氧化物重点工程减排量不低于3.5万吨。\n",
          "一、目标\n到2025年，全国氮氧化物排放总量比2020年下降10%以上。\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "missing-target"));
    const sj_finding *f = find(&fs, "scale-dependent");
    assert_non_null(f);
    assert_true(f->child_item >= 0);
    done(&fs, &c, &p);
}

/* 全部消除 answers a share of the same thing; a table row and its prose
 * restating one target are missing once, not twice */
static void whole_words_and_restatements(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、治理\n2025年6月底前，县城建成区黑臭水体全部消除。\n",
          "一、治理\n到2025年，城市建成区黑臭水体消除比例达到90%以上。"
          "到2025年，农膜回收率达到85%以上。\n二、保障\n到2025年，农膜回收率达到85%以上。\n",
          SJ_LANG_EN, &fs, &c, &p);
    int missing = 0;
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "missing-target")) {
            missing++;
            assert_non_null(strstr(fs.items[i].message, "农膜"));
        }
    assert_int_equal(missing, 1);
    done(&fs, &c, &p);
}

/* 万吨/年 is a flow, absolute like 万吨: scale-dependent, never weaker;
 * a child date that is a later stage of the parent's sentence is not late */
static void flows_and_later_stages(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、固废\n1. 利用能力。到2027年，新增一般工业固体废物综合利用能力12万吨/年。（县工业和信息化局牵头）\n",
          "一、固废\n1. 提高利用率。到2025年，一般工业固体废物综合利用率达到60%，2027年达到65%，"
          "新增一般工业固体废物综合利用能力200万吨/年。（市工业和信息化局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "weaker-than-overall"));
    assert_null(find(&fs, "weaker-target"));
    assert_null(find(&fs, "later-deadline"));
    assert_non_null(find(&fs, "scale-dependent"));
    done(&fs, &c, &p);
}

static void weaker_and_faithful(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、农业\n到2025年，全县秸秆综合利用率达到90%以上，化肥施用量较2020年减少5%。（县农业农村局牵头）\n",
          "云州市农业发展行动方案\n一、农业\n到2025年，全市秸秆综合利用率达到95%以上，化肥使用量较2020年下降3%。（市农业农村局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "weaker-target");
    assert_non_null(f);
    assert_true(f->child_value == 90 && f->parent_value == 95);
    /* 5% vs 3% reduction, 施用 = 使用: stricter, so one finding only */
    assert_int_equal(fs.n, 1);
    assert_int_equal(fs.npairs, 2);
    assert_true(fs.pairs[1].child >= 0);
    done(&fs, &c, &p);
}

/* each child target answers one parent target: 充电桩 goes with 充电桩,
 * not with the more similar-looking 充电站 */
static void one_to_one(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、交通\n到2020年年底前，全区建成公用及专用充电桩35000个以上。（区发展改革局牵头）\n",
          "一、交通\n到2020年年底前，建成公用及专用充电站102座、充电桩34000个。（市发改委牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "absolute-exceeds-parent"));
    assert_null(find(&fs, "unit-mismatch"));
    done(&fs, &c, &p);
}

static void later_deadline_and_zh(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、监测\n2026年6月底前，完成全区大气污染物排放清单编制，此后每年更新。（区生态环境分局牵头）\n",
          "一、监测\n到2025年，完成排放清单编制并实现逐年更新。（市生态环境局牵头）\n",
          SJ_LANG_ZH, &fs, &c, &p);
    const sj_finding *f = find(&fs, "later-deadline");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "晚于上级方案"));
    done(&fs, &c, &p);
}

static void agency_missing(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、工业\n推进钢铁、焦化、水泥行业超低排放改造，开展清洁生产审核。\n二、其他\n加强组织领导。（区政府办公室牵头）\n",
          "一、工业\n推进钢铁、焦化、水泥行业超低排放改造，开展清洁生产审核。（市生态环境局牵头，市工业和信息化局配合）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "agency-missing"));
    done(&fs, &c, &p);
}

/* Issue 12, item 4: agency-differs (info) when the child's matching task
 * is led by another office than the counterpart of the parent's lead; none
 * when the child's lead is the counterpart (县生态环境分局 for
 * 市生态环境局), nor for a parent's lead that stands for the areas below */
static void agency_differs(void **s)
{
    (void)s;
    const char *parent = "一、农业\n推进化肥农药减量增效，开展畜禽养殖废弃物资源化利用整县推进。（市生态环境局牵头，市农业农村局配合）\n";
    sj_findings fs;
    sj_doc c, p;
    check("一、农业\n推进化肥农药减量增效，开展畜禽养殖废弃物资源化利用整县推进。（区农业农村局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "agency-differs");
    assert_non_null(f);
    assert_int_equal(f->level, SJ_INFO);
    assert_non_null(strstr(f->message, "区农业农村局"));
    assert_non_null(strstr(f->message, "市生态环境局"));
    assert_null(find(&fs, "agency-missing"));
    done(&fs, &c, &p);
    check("一、农业\n推进化肥农药减量增效，开展畜禽养殖废弃物资源化利用整县推进。（县生态环境分局牵头，县农业农村局配合）\n",
          parent, SJ_LANG_ZH, &fs, &c, &p);
    assert_null(find(&fs, "agency-differs"));
    done(&fs, &c, &p);
    check("一、农业\n推进化肥农药减量增效，开展畜禽养殖废弃物资源化利用整县推进。（寿光市生态环境局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "agency-differs"));
    done(&fs, &c, &p);
    check("一、农业\n推进化肥农药减量增效，开展畜禽养殖废弃物资源化利用整县推进。（区农业农村局牵头）\n",
          "一、农业\n推进化肥农药减量增效，开展畜禽养殖废弃物资源化利用整县推进。（各县市区政府负责落实）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "agency-differs"));
    done(&fs, &c, &p);
    /* in Chinese */
    check("一、农业\n推进化肥农药减量增效，开展畜禽养殖废弃物资源化利用整县推进。（区农业农村局牵头）\n",
          parent, SJ_LANG_ZH, &fs, &c, &p);
    f = find(&fs, "agency-differs");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "上级方案牵头单位为市生态环境局"));
    done(&fs, &c, &p);
}

/* Issue 12, item 4, alignment: of two near-equal child tasks, the one
 * led by the counterpart of the parent's lead answers the parent task
 * (no agency-differs), though the other is the closer text; the other
 * is still taken when it alone is near (the second task far apart) */
static void agency_role_prefers_counterpart(void **s)
{
    (void)s;
    const char *parent = "一、主要任务\n（一）推进城镇污水管网建设和改造，消除管网空白区。（市住房城乡建设局牵头）\n";
    sj_findings fs;
    sj_doc c, p;
    check("一、主要任务\n（一）推进城镇污水管网建设和改造，消除管网空白区。（县工业和信息化局牵头）\n"
          "（二）推进城镇污水管网建设改造，消除管网空白。（县住房和城乡建设局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "agency-differs"));
    done(&fs, &c, &p);
    check("一、主要任务\n（一）推进城镇污水管网建设和改造，消除管网空白区。（县工业和信息化局牵头）\n"
          "（二）开展农村生活垃圾分类收运处置体系建设。（县住房和城乡建设局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "agency-differs"));
    done(&fs, &c, &p);
}

/* a count of a few the child says of something else (两个监控头, read
 * 2个) does not address the parent's 2个 of another thing; the very
 * amount of many (210万吨) still does, wherever it stands */
static void restated_amount(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、任务\n规模以上工地落实“两个监控头”制度。（县住建局牵头）\n",
          "一、任务\n到2023年，新培育2个以上省级战略性新兴产业集群。（市工信局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "missing-target"));
    done(&fs, &c, &p);
    check("一、任务\n加快建设产业集群，到2023年新培育两个省级集群。（县工信局牵头）\n",
          "一、任务\n到2023年，新培育2个以上省级战略性新兴产业集群。（市工信局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "missing-target"));
    done(&fs, &c, &p);
}

/* units that convert (吨 = 1000 千克): compared after conversion, and a
 * child weaker once converted gets both findings */
static void converted_units(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、能源\n到2025年，全县万元GDP能耗控制在480千克标准煤/万元以内。（县发展改革局牵头）\n",
          "云州市节能行动方案\n一、能源\n到2025年，全市万元GDP能耗控制在0.45吨标准煤/万元以内。（市发展改革委牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "weaker-target"));
    assert_non_null(find(&fs, "unit-mismatch"));
    done(&fs, &c, &p);
    check("一、能源\n到2025年，全县万元GDP能耗控制在440千克标准煤/万元以内。（县发展改革局牵头）\n",
          "一、能源\n到2025年，全市万元GDP能耗控制在0.45吨标准煤/万元以内。（市发展改革委牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_int_equal(fs.n, 0);
    done(&fs, &c, &p);
    /* 平方公里 and 公顷 both measure land: 500公顷 is 5平方公里 */
    check("一、治理\n到2025年，全县新增治理水土流失面积500公顷。（县水利局牵头）\n",
          "云州市水土保持方案\n一、治理\n到2025年，全市新增治理水土流失面积30平方公里。（市水利局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "unit-mismatch"));
    assert_non_null(find(&fs, "scale-dependent"));
    done(&fs, &c, &p);
}

/* a ceiling on an intensive amount (a service radius) is compared like a
 * share, not as an amount that grows with the area */
static void intensive_ceiling(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、交通\n到2023年，中心城区电动汽车充电设施服务半径小于5公里。（县发展改革局牵头）\n",
          "云州市交通行动方案\n一、交通\n到2023年，中心城区电动汽车充电设施服务半径小于3公里。（市发展改革委牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "weaker-target"));
    assert_null(find(&fs, "absolute-exceeds-parent"));
    done(&fs, &c, &p);
}

/* binding vs overall: a parent above the city level (or of no known
 * level) sets overall figures it allocates: a looser child is
 * weaker-than-overall (a warning, with both values), never an error; a
 * 100% requirement binds every area */
static void overall_figures(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("云州市农业发展行动方案\n一、农业\n到2025年，全市秸秆综合利用率达到90%以上，畜禽粪污综合利用率达到95%。（市农业农村局牵头）\n",
          "山海省农业发展行动方案\n一、农业\n到2025年，全省秸秆综合利用率达到95%以上，畜禽粪污综合利用率达到100%。（省农业农村厅牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "weaker-than-overall");
    assert_non_null(f);
    assert_int_equal(f->level, SJ_WARNING);
    assert_true(f->has_values && f->child_value == 90 && f->parent_value == 95);
    assert_non_null(strstr(f->message, "allocation"));
    /* 95% against a 100% requirement: binding */
    f = find(&fs, "weaker-target");
    assert_non_null(f);
    assert_true(f->child_value == 95 && f->parent_value == 100);
    done(&fs, &c, &p);
}

/* allocations: a parent table whose rows are named by area binds the
 * child named in its title to its own row; meeting the row while looser
 * than the overall figure is no finding */
static void allocation_rows(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent =
        "云州市空气质量改善方案\n一、目标\n到2025年，全市细颗粒物(PM2.5)年均浓度控制在34微克/立方米以内，"
        "空气质量优良天数比率达到84%。\n"
        "表2 各县（市、区）目标\n"
        "县（市、区）\tPM2.5年均浓度（微克/立方米）\t优良天数比率（%）\n"
        "白石县\t36\t86\n"
        "青林县\t31\t88\n"
        "全市\t34\t84\n";
    check("白石县空气质量改善方案\n一、目标\n到2025年，全县细颗粒物(PM2.5)年均浓度控制在36微克/立方米以内，"
          "空气质量优良天数比率达到85%。\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    /* 36 meets its row (36) though looser than the city's 34: nothing;
     * 85% is below its row's 86%: an error citing the row */
    assert_null(find(&fs, "weaker-than-overall"));
    const sj_finding *f = find(&fs, "weaker-target");
    assert_non_null(f);
    assert_true(f->child_value == 85 && f->parent_value == 86);
    assert_non_null(strstr(f->message, "白石县"));
    assert_int_equal(fs.n, 1);
    done(&fs, &c, &p);
}

/* An allocation header naming each column's year with its indicator
 * (2027年建筑垃圾资源化利用率(%); “无废细胞”建设数量(2027年累计,个)): a row
 * binds in its column's year, so a 2025 figure is not judged by a 2027
 * row */
static void allocation_columns_named_by_year(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县固体废物方案\n一、目标\n（一）2025年目标。全县一般工业固体废物综合利用率不低于75%，"
          "建筑垃圾资源化利用率达到50%，累计建成“无废细胞”27个。\n",
          "云州市固体废物方案\n一、目标\n表2 各县区目标分解表\n"
          "县区\t2025年一般工业固体废物综合利用率（%）\t2027年建筑垃圾资源化利用率（%）\t“无废细胞”建设数量（2027年累计，个）\n"
          "白石县\t75\t55\t45\n青林县\t80\t60\t50\n",
          SJ_LANG_EN, &fs, &c, &p);
    for (int i = 0; i < p.ntargets; i++)
        if (p.targets[i].area)
            assert_int_equal(p.targets[i].target_year,
                             strstr(p.targets[i].indicator, "一般工业") ? 2025 : 2027);
    assert_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
}

/* An annex of each area's count and completion date whose columns name the
 * thing short (规范化建设(个) | 2025年底前完成(个) | 完成时限; the caption names
 * it whole): the child's total answers its row, and is due when the last
 * date of its sentence falls (完成10个…，其中2025年底前完成5个，2027年6月底前
 * 全部完成); the date column is the row's, though it shares 完成 with the
 * milestone column; a goal's year (到2027年) is no due date */
static void annex_rows_and_their_dates(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "云州市水源地方案\n一、任务\n1. 规范化建设。到2027年累计完成126个“千吨万人”饮用水水源地规范化建设。（市生态环境局牵头）\n"
                         "附件1\n各县“千吨万人”饮用水水源地规范化建设任务及完成时限\n"
                         "县（市、区）\t规范化建设（个）\t2025年底前完成（个）\t完成时限\n"
                         "白石县\t10\t5\t2026年12月底前\n青林县\t9\t4\t2026年12月底前\n";
    check("白石县水源地方案\n一、任务\n2. 完成全县10个“千吨万人”饮用水水源地规范化建设，其中2025年底前完成5个，"
          "2027年6月底前全部完成。（县生态环境局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "later-deadline");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "2027年6月底前"));
    done(&fs, &c, &p);
    check("白石县水源地方案\n一、主要目标\n到2027年，完成10个“千吨万人”饮用水水源地规范化建设。\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "later-deadline"));
    done(&fs, &c, &p);
}

/* An upper limit of a discharge (外排废水…氨氮不高于5mg/L) or a size in
 * centimetres (留茬高度不超过15厘米) binds every area though the parent
 * allocates its figures; a lower bound (进水BOD浓度不低于)
 * and the water of a section (断面总磷浓度) stay overall figures */
static void discharge_limits_bind(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县水污染防治方案\n一、任务\n1. 焦化企业外排废水化学需氧量不高于50mg/L、氨氮不高于8mg/L。（县生态环境局牵头）\n"
          "2. 污水处理厂进水BOD浓度不低于100mg/L。（县住建局牵头）\n"
          "3. 主要河流断面总磷浓度不高于0.12mg/L。（县生态环境局牵头）\n"
          "4. 小麦秸秆还田留茬高度不超过20厘米。（县农业农村局牵头）\n",
          "云州市水污染防治方案\n一、任务\n1. 焦化企业外排废水化学需氧量不高于50mg/L、氨氮不高于5mg/L。（市生态环境局牵头）\n"
          "2. 污水处理厂进水BOD浓度不低于110mg/L。（市住建局牵头）\n"
          "3. 主要河流断面总磷浓度不高于0.1mg/L。（市生态环境局牵头）\n"
          "4. 小麦秸秆还田留茬高度不超过15厘米。（市农业农村局牵头）\n"
          "表2 各县（市、区）目标\n县（市、区）\t污水处理率（%）\n白石县\t95\n青林县\t96\n",
          SJ_LANG_EN, &fs, &c, &p);
    int weaker = 0, overall = 0;
    for (int i = 0; i < fs.n; i++) {
        if (!strcmp(fs.items[i].id, "weaker-target")) {
            weaker++;
            assert_true(fs.items[i].child_value == 8 || fs.items[i].child_value == 20);
        }
        overall += !strcmp(fs.items[i].id, "weaker-than-overall");
    }
    assert_int_equal(weaker, 2);
    assert_int_equal(overall, 2);
    done(&fs, &c, &p);
}

/* How often a thing is done (每年…检查3次) is a frequency, not a part of a
 * whole it could exceed; a stretch of river put right (整治河道60公里) is
 * work done, a part of the city's 320公里, not a level below it */
static void frequencies_and_stretches(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县水环境方案\n一、任务\n1. 每年开展农村水环境专项执法检查3次。（县生态环境局牵头）\n"
          "2. 到2027年完成农村水系综合整治河道60公里。（县水利局牵头）\n",
          "云州市水环境方案\n一、任务\n1. 每年开展农村水环境专项执法检查不少于2次。（市生态环境局牵头）\n"
          "2. 到2027年完成农村水系综合整治河道320公里。（市水利局牵头）\n"
          "表2 各县（市、区）目标\n县（市、区）\t污水处理率（%）\n白石县\t95\n青林县\t96\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "absolute-exceeds-parent"));
    assert_null(find(&fs, "weaker-than-overall"));
    assert_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
}

/* A note naming table items by number as what every area must meet
 * (注：第1、3-4项为全市统一要求) binds those rows' figures, and not the
 * others', though the parent allocates */
static void note_items_by_number(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县水环境方案\n一、目标\n到2027年，全县公共供水管网漏损率控制在8.5%以内，"
          "农村生活污水治理率达到55%，设施正常运行率达到92%。\n",
          "云州市水环境方案\n一、目标\n表1 主要指标\n序号\t指标\t单位\t2027年\n"
          "1\t公共供水管网漏损率\t%\t≤8\n2\t农村生活污水治理率\t%\t60\n"
          "3\t污泥无害化处置率\t%\t95\n4\t设施正常运行率\t%\t95\n"
          "注：第1、3-4项为全市统一要求，各县（市、区）均须达到；第2项为全市总体目标。\n"
          "表2 各县（市、区）目标\n县（市、区）\t河长制考核得分（分）\n青林县\t95\n红石县\t96\n",
          SJ_LANG_EN, &fs, &c, &p);
    int weaker = 0, overall = 0;
    for (int i = 0; i < fs.n; i++) {
        weaker += !strcmp(fs.items[i].id, "weaker-target");
        overall += !strcmp(fs.items[i].id, "weaker-than-overall");
    }
    assert_int_equal(weaker, 2);  /* 8.5 > 8, 92 < 95 */
    assert_int_equal(overall, 1); /* 55 < 60 */
    done(&fs, &c, &p);
}

/* A saying after the figures that every area must meet them (各县(市、区)
 * 均须达到) binds them, and their restatement in the goals table too (the
 * same indicator, year and value); the year between the indicator and
 * its verb (漏损率2025年控制在9%以内) is the target year. */
static void binding_after_and_restated(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县节水行动方案\n一、目标\n到2025年，全县公共供水管网漏损率控制在10%以内。（县住建局牵头）\n",
          "云州市节水行动方案\n一、目标\n表1 主要指标\n序号\t指标\t单位\t2025年\n1\t公共供水管网漏损率\t%\t≤9\n"
          "二、任务\n1. 漏损控制。公共供水管网漏损率2025年控制在9%以内，各县（市、区）均须达到；"
          "到2025年更新改造供水管网600公里。（市住建局牵头）\n"
          "表2 各县（市、区）目标\n县（市、区）\t再生水利用率（%）\n白石县\t40\n青林县\t45\n",
          SJ_LANG_EN, &fs, &c, &p);
    int year_in_phrase = 0;
    for (int i = 0; i < p.ntargets; i++)
        if (strstr(p.targets[i].indicator, "漏损率")) {
            assert_string_equal(sj_target_figure(&p.targets[i]), "binding");
            assert_int_equal(p.targets[i].target_year, 2025);
            year_in_phrase |= !p.targets[i].from_table;
        }
    assert_true(year_in_phrase);
    for (int i = 0; i < p.ntargets; i++)
        if (strstr(p.targets[i].indicator, "供水管网") && !strstr(p.targets[i].indicator, "漏损"))
            assert_string_equal(sj_target_figure(&p.targets[i]), "overall"); /* after the saying */
    const sj_finding *f = find(&fs, "weaker-target");
    assert_non_null(f);
    assert_true(f->child_value == 10 && f->parent_value == 9);
    assert_null(find(&fs, "weaker-than-overall"));
    done(&fs, &c, &p);
}

/* An amount added (a 新增装机 column: an increase) and the same amount
 * stated as a level (累计新增装机15万千瓦) are one figure: the child's own
 * row judges it. */
static void added_amount_row(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县节能降碳行动方案\n一、目标\n到2025年，全县分布式光伏累计新增装机15万千瓦。（县发展改革局牵头）\n",
          "云州市节能降碳行动方案\n一、目标\n到2025年，全市分布式光伏累计新增装机120万千瓦。\n"
          "表2 各县（市、区）2025年目标\n县（市、区）\t分布式光伏新增装机（万千瓦）\n白石县\t20\n青林县\t30\n",
          SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "weaker-target");
    assert_non_null(f);
    assert_true(f->child_value == 15 && f->parent_value == 20);
    assert_non_null(strstr(f->message, "白石县"));
    done(&fs, &c, &p);
}

/* A table row and a task stating the same figure and year, the task's
 * name mostly inside the row's: the row restates the task, so a child
 * answering the task leaves no missing-target at the row */
static void row_restates_task_by_figure(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县噪声污染防治方案\n一、任务\n1. 到2025年利用废旧轮胎胶粉300吨。（县交通运输局牵头）\n",
          "云州市噪声污染防治方案\n一、目标\n表1 主要指标\n序号\t指标名称\t单位\t2025年\n"
          "1\t低噪声橡胶沥青路面废旧轮胎胶粉利用量\t万吨\t0.8\n"
          "二、任务\n1. 推广橡胶沥青。到2025年累计利用废旧轮胎胶粉0.8万吨。（市交通运输局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "missing-target"));
    done(&fs, &c, &p);
}

/* A child's dated task answers the parent task it is most like: not a
 * less like one with an earlier date */
static void dated_task_answers_its_like(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县噪声污染防治方案\n一、任务\n1. 2026年6月底前完成建制镇声环境功能区划分。（县生态环境分局牵头）\n",
          "云州市噪声污染防治方案\n一、任务\n"
          "1. 优化声环境功能区划。2024年12月底前完成市区声环境功能区划分调整并向社会公布，各县同步完成县城声环境功能区划评估调整。（市生态环境局牵头）\n"
          "2. 乡镇声环境管理。2026年6月底前完成建制镇声环境功能区划分，将乡镇集镇噪声扰民问题纳入基层治理平台处置。（市生态环境局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "later-deadline"));
    done(&fs, &c, &p);
}

/* A figure of each item (单枪充电功率) is no part of a whole: a child's
 * larger one does not exceed the parent's */
static void per_item_figure_is_no_whole(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县充电设施方案\n一、任务\n1. 到2025年，服务区超充站单枪充电功率不低于480千瓦。（县交通运输局牵头）\n",
          "云州市充电设施方案\n一、任务\n1. 到2025年，高速公路服务区超充站单枪充电功率不低于120千瓦。（市交通运输局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "absolute-exceeds-parent"));
    assert_null(find(&fs, "scale-dependent"));
    done(&fs, &c, &p);
    /* the length of work done (清淤疏浚 N公里) is part of a whole too */
    check("白石旗方案\n一、任务\n1. 孔兑治理。2026年6月底前完成孔兑沿岸清淤疏浚15万米。（旗水利局牵头）\n",
          "云州市方案\n一、任务\n1. 孔兑治理。2026年6月底前完成孔兑沿岸清淤疏浚120公里。（市水利局牵头）\n"
          "表2 各旗区目标\n旗区\t矿山治理面积（公顷）\n白石旗\t900\n青山旗\t700\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "absolute-exceeds-parent"));
    done(&fs, &c, &p);
    /* a length built (建设…管网 N公里) is part of a whole, no distance */
    check("白石县污水处理方案\n一、任务\n1. 到2026年建设工业用再生水管网6公里。（县水利局牵头）\n",
          "云州市污水处理方案\n一、任务\n1. 到2026年建设工业用再生水管网40公里。（市水利局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "weaker-than-overall"));
    assert_null(find(&fs, "weaker-target"));
    assert_non_null(find(&fs, "scale-dependent"));
    done(&fs, &c, &p);
}

/* A parent that states one figure twice, differently (its table: 3个百分点
 * by 2027; its task: 2个百分点, read as 2027 too), is answered by a child
 * that restates either; and the size each facility must have (贮存面积) is
 * no whole a child's facility can exceed */
static void parent_states_twice_and_facility_size(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "云州市农业废弃物资源化利用方案\n一、目标\n"
                         "序号\t指标名称\t单位\t2025年\t2027年\n"
                         "1\t秸秆饲料化利用占比\t%\t比2022年提高2个百分点\t比2022年提高3个百分点\n"
                         "二、任务\n"
                         "1. 2025年秸秆综合利用率达到90%以上，2027年达到92%以上；秸秆饲料化利用占比比2022年提高2个百分点。"
                         "（市农业农村局牵头）\n"
                         "2. 2025年底前各县市区至少建成1个农业废弃物集中贮存转运站，贮存面积不少于500平方米。"
                         "（市生态环境局牵头）\n";
    check("白石县农业废弃物资源化利用方案\n一、任务\n"
          "1. 2025年秸秆综合利用率不低于90%，2027年不低于93%，秸秆饲料化利用占比比2022年提高2个百分点。"
          "（县农业农村局牵头）\n"
          "2. 2025年底前建成县级农业废弃物集中贮存转运站1个，贮存面积600平方米。（县生态环境局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "weaker-than-overall") || !strcmp(fs.items[i].id, "weaker-target") ||
            !strcmp(fs.items[i].id, "absolute-exceeds-parent"))
            fail_msg("%s: %s", fs.items[i].id, fs.items[i].message);
    done(&fs, &c, &p);
    /* the same child figure is still weaker where the parent says 3 alone */
    check("白石县方案\n一、任务\n1. 2027年秸秆饲料化利用占比比2022年提高2个百分点。（县农业农村局牵头）\n",
          "云州市农业废弃物资源化利用方案\n一、任务\n1. 2027年秸秆饲料化利用占比比2022年提高3个百分点。"
          "（市农业农村局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_true(find(&fs, "weaker-than-overall") || find(&fs, "weaker-target"));
    done(&fs, &c, &p);
}

/* A row's date column named for one value column (收储中心完成时限) dates
 * that column's figures only; the child's date of a figure is the last of
 * its sentence up to it; a later month of the same year is later even when
 * the sentences date other parts in that year */
static void named_date_columns_and_same_year_months(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "云州市农业废弃物资源化利用方案\n一、任务\n"
                         "1. 2025年6月底前实现乡镇农药包装废弃物回收点全覆盖，2025年农药包装废弃物回收处置率达到80%。"
                         "（市农业农村局牵头）\n"
                         "附件 各县市区设施建设任务\n"
                         "县市区\t乡镇秸秆收储中心（个）\t病死畜禽收集暂存中心（个）\t收储中心完成时限\n"
                         "白石县\t9\t1\t2025年9月底前\n"
                         "青山县\t8\t1\t2025年9月底前\n";
    check("白石县农业废弃物资源化利用方案\n一、任务\n"
          "1. 2025年12月底前在县城周边建成病死畜禽收集暂存中心1个。（县畜牧水产事务中心牵头）\n"
          "2. 2025年秸秆离田利用率达到30%，2025年9月底前建成乡镇秸秆收储中心9个。（县农业农村局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "later-deadline"))
            fail_msg("%s", fs.items[i].message);
    done(&fs, &c, &p);
    /* the 收储中心 figure is dated by the column */
    check("白石县农业废弃物资源化利用方案\n一、任务\n"
          "1. 2025年12月底前建成乡镇秸秆收储中心9个。（县农业农村局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "later-deadline"));
    done(&fs, &c, &p);
    check("白石县农业废弃物资源化利用方案\n一、任务\n"
          "1. 2025年12月底前实现乡镇农药包装废弃物回收点全覆盖，2025年回收处置率达到82%。（县农业农村局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "later-deadline"));
    done(&fs, &c, &p);
    /* a short elliptical name answers the row's column of the longer name */
    check("白石县农业废弃物资源化利用方案\n一、任务\n"
          "1. 在蔬菜基地推进有机肥替代化肥，2025年完成替代面积8万亩。（县农业农村局牵头）\n",
          "云州市农业废弃物资源化利用方案\n一、任务\n"
          "1. 推进有机肥替代化肥，2025年替代面积达到60万亩。（市农业农村局牵头）\n"
          "表2 各县市区2025年目标\n县市区\t有机肥替代化肥面积（万亩）\t秸秆离田利用量（万吨）\n"
          "白石县\t9.0\t20.0\n青山县\t8.0\t15.0\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
    /* of one sentence's figures, the row answers the closest name only */
    check("白石县新能源汽车推广方案\n一、目标\n"
          "（一）到2025年，县城公交车新能源化比例达到90%，巡游出租车新能源化比例达到75%。\n",
          "云州市新能源汽车推广方案\n一、目标\n"
          "到2025年，城市建成区公交车新能源化比例达到95%，巡游出租车新能源化比例达到80%。\n"
          "表2 各县区2025年目标\n县、区\t城市（县城）公交车新能源化比例（%）\t公共充电桩（个）\n"
          "白石县\t90\t320\n青山县\t85\t300\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "weaker-target"));
    const sj_finding *f = find(&fs, "weaker-than-overall");
    assert_non_null(f);
    assert_true(f->child_value == 75 && f->parent_value == 80);
    done(&fs, &c, &p);
    /* a note's requirement every area carries out (…不高于100mg/kg的要求，各区
     * 县统一执行) binds, and so does the task that states it again under a
     * year the clause before gives it */
    check("白石县塑料污染治理方案\n一、任务\n1. 再生利用。再生塑料颗粒铅含量不高于150毫克/千克。（县经济和信息化局牵头）\n",
          "云州市塑料污染治理方案\n一、目标\n"
          "注：再生塑料颗粒铅含量不高于100mg/kg的要求，各区县统一执行，不再分解。\n"
          "表2 各区县2025年目标\n区县\t废旧农膜回收率（%）\n白石县\t86\n青山县\t84\n"
          "二、任务\n1. 扩大再生塑料利用。到2027年全市再生塑料利用量达到6.0万吨；再生塑料颗粒铅含量不高于100mg/kg。"
          "（市经济和信息化局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "weaker-target"));
    assert_null(find(&fs, "weaker-than-overall"));
    done(&fs, &c, &p);
}

/* A row of a project list is one project: a child's project row is judged
 * by its own allocation row only when it restates a figure the child states
 * elsewhere (750亩 = 50公顷), and a parent's project row is no whole a child
 * amount can exceed */
static void project_rows_are_parts(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "云州市矿山生态修复方案\n一、目标\n到2025年，全市历史遗留废弃矿山治理面积达到5000公顷。\n"
                         "表2 各旗区2025年目标\n旗区\t历史遗留废弃矿山治理面积（公顷）\n白石县\t900\n青山县\t700\n"
                         "附件3 重点工程项目清单\n序号\t项目名称\t所在旗区\t建设内容\t完成时限\n"
                         "1\t青山矿区治理工程\t青山县\t历史遗留废弃矿山治理面积120公顷\t2025年12月\n";
    check("白石县矿山生态修复方案\n一、目标\n到2025年，全县历史遗留废弃矿山治理面积达到900公顷。\n"
          "附件 重点项目\n序号\t项目名称\t建设内容\t完成时限\n"
          "1\t北部矿区治理工程\t历史遗留废弃矿山治理面积300公顷\t2025年12月\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    for (int i = 0; i < fs.n; i++)
        if (fs.items[i].level != SJ_INFO)
            fail_msg("%s: %s", fs.items[i].id, fs.items[i].message);
    done(&fs, &c, &p);
    /* restated in the list: judged by the row */
    check("白石县矿山生态修复方案\n一、目标\n到2025年，全县历史遗留废弃矿山治理面积达到800公顷。\n"
          "附件 重点项目\n序号\t项目名称\t建设内容\t完成时限\n"
          "1\t北部矿区治理工程\t历史遗留废弃矿山治理面积12000亩\t2025年12月\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    int weaker = 0;
    for (int i = 0; i < fs.n; i++)
        weaker += !strcmp(fs.items[i].id, "weaker-target");
    assert_int_equal(weaker, 2);
    done(&fs, &c, &p);
}

/* An undated allocation row of an amount is the whole period's: the
 * child's earlier milestone on the way to it is no weaker figure, the
 * period's amount is judged by the row */
static void milestones_of_an_undated_row(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "云州市危险废物治理方案\n一、任务\n"
                         "1. 2024—2027年累计清理处置历史堆存危险废物1.4万吨，其中2025年底前完成9000吨。\n"
                         "表2 各县（市、区）目标\n县（市、区）\t历史堆存危险废物清理处置量（吨）\n"
                         "白石县\t1500\n青林县\t3200\n";
    check("白石县危险废物治理方案\n一、任务\n"
          "1. 2024—2027年累计清理处置历史堆存危险废物1500吨，其中2025年底前完成900吨。\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
    check("白石县危险废物治理方案\n一、任务\n"
          "1. 2024—2027年累计清理处置历史堆存危险废物1200吨，其中2025年底前完成900吨。\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "weaker-target");
    assert_non_null(f);
    assert_true(f->child_value == 1200 && f->parent_value == 1500);
    done(&fs, &c, &p);
    /* the period's figure undated (2024年以来…累计), the milestone dated */
    check("白石县危险废物治理方案\n一、任务\n"
          "1. 2024年以来历史堆存危险废物清理处置量累计1200吨，其中2025年底前完成900吨。\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    int weaker = 0;
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "weaker-target")) {
            weaker++;
            assert_true(fs.items[i].child_value == 1200);
        }
    assert_int_equal(weaker, 1);
    done(&fs, &c, &p);
    /* as large a figure elsewhere is no period's whole: judged by the row */
    check("白石县危险废物治理方案\n一、任务\n"
          "1. 2025年底前清理处置历史堆存危险废物900吨。\n"
          "附件 项目\n序号\t项目\t完成时限\n1\t清理处置历史堆存危险废物900吨\t2025年12月底前\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
}

/* The day and the night compliance of the noise zones are two indicators:
 * the child's night figure is never judged by the parent's day figure */
static void day_and_night_apart(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县噪声污染防治方案\n一、目标\n到2027年，全县声环境功能区夜间达标率达到85%。\n",
          "云州市噪声污染防治方案\n一、目标\n到2027年，全市声环境功能区昼间达标率达到94%，声环境功能区夜间达标率达到85%。\n"
          "注：声环境功能区昼间达标率为各县（市、区）均须达到的统一要求。\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "weaker-target"));
    assert_null(find(&fs, "weaker-than-overall"));
    done(&fs, &c, &p);
}

/* milestones: a child's 2025 figure answers the parent's 2025 one, never
 * its 2030 one */
static void milestones(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县能源方案\n一、目标\n到2025年，全县非化石能源消费比重达到15%。\n",
          "云州市能源方案\n一、目标\n到2025年，全市非化石能源消费比重达到15%，到2030年达到22%。\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "weaker-target"));
    assert_null(find(&fs, "weaker-than-overall"));
    assert_null(find(&fs, "later-deadline"));
    done(&fs, &c, &p);
}

/* units read by the grammar of rules/units.rules: 0.31 kg against 302 g
 * per kWh is weaker once converted; 2000米 against 2公里 is the same */
static void unit_grammar(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县能源方案\n一、目标\n到2025年，全县煤电机组平均供电煤耗降至0.31千克标准煤/千瓦时以下，"
          "城区公共充电设施服务半径不大于2000米。\n",
          "云州市能源方案\n一、目标\n到2025年，全市煤电机组平均供电煤耗降至302克标准煤/千瓦时以下，"
          "城区公共充电设施服务半径不大于2公里。\n",
          SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "weaker-target");
    assert_non_null(f);
    assert_true(f->child_value == 0.31 && f->parent_value == 302);
    for (int i = 0; i < fs.n; i++)
        assert_true(strcmp(fs.items[i].id, "missing-target") &&
                    !(strstr(fs.items[i].message, "半径") && strcmp(fs.items[i].id, "unit-mismatch") == 0));
    done(&fs, &c, &p);
}

/* deferrals in prose (完成市下达的…任务, …完成X市下达的目标) and 化石 /
 * 非化石 kept apart */
static void prose_deferrals(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("白石县能源方案\n一、目标\n到2025年，全县完成市下达的挥发性有机物（VOCs）重点工程减排任务，"
          "非化石能源消费总量完成云州市下达的目标。\n",
          "云州市能源方案\n一、目标\n到2025年，全市挥发性有机物（VOCs）重点工程减排量达到0.45万吨，"
          "能源消费总量控制在900万吨标准煤以内。\n",
          SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "deferred-unquantified");
    assert_non_null(f);
    assert_non_null(strstr(f->indicator, "挥发性有机物"));
    /* 非化石能源消费总量 does not answer 能源消费总量 */
    int n_deferred = 0;
    for (int i = 0; i < fs.n; i++)
        n_deferred += !strcmp(fs.items[i].id, "deferred-unquantified");
    assert_int_equal(n_deferred, 1);
    done(&fs, &c, &p);
}

/* a later month of the same year is later: the year written in the
 * child's own date is not "the parent's date stated elsewhere" */
static void later_in_the_same_year(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、锅炉\n4. 2025年12月底前，全县在用燃气锅炉全部完成低氮燃烧改造。（县生态环境分局牵头）\n",
          "一、锅炉\n5. 2025年6月底前，全市在用燃气锅炉全部完成低氮燃烧改造。（市生态环境局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "later-deadline"));
    done(&fs, &c, &p);
}

/* names in other words: [synonym] rules make them meet */
static void synonyms_align(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、运输\n“十四五”期间，全市铁路、水路货物运输量增长12%左右。（市交通运输局牵头）\n",
          "一、运输\n到2025年，全市铁路和水路货运量增长12%左右。（市交通运输局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    assert_int_equal(fs.npairs, 1);
    assert_true(fs.pairs[0].child >= 0);
    assert_null(find(&fs, "missing-target"));
    done(&fs, &c, &p);
}

/* A child task that goes on after the parent's (建立…机制，每年开展…) answers
 * it by its first clause, whatever item number it opens with; the second
 * date of a sentence is not answered by the first date's clause */
static void task_heads_of_the_child(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    const char *parent = "云州市危险废物方案\n一、任务\n1. 联合执法。2024年10月底前建立危险废物跨部门联合执法机制；"
                         "每年开展危险废物专项执法检查不少于2次。（市生态环境局牵头，市公安局配合）\n"
                         "2. 户厕管护。每年3月底前完成上年度户厕运行情况评估。（市农业农村局牵头）\n";
    check("白石县危险废物方案\n一、任务\n1. 2024年12月底前建立危险废物跨部门联合执法机制，"
          "每年开展危险废物专项执法检查不少于2次，重点单位检查覆盖率100%。（县生态环境局牵头，县公安局配合）\n"
          "2. 每年3月底前完成上年度户厕运行情况评估，每年10月底前完成当年改厕项目验收。（县农业农村局牵头）\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    int later = 0;
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "later-deadline")) {
            later++;
            assert_non_null(strstr(fs.items[i].message, "2024年12月底前"));
        }
    assert_int_equal(later, 1);
    done(&fs, &c, &p);
}

/* the same target due a year later; a 100% requirement named by the
 * child without a number is not missing, one it never names is */
static void later_target_and_requirements(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、能源\n到2026年，全区非化石能源消费占比达到10%以上。（区发展改革局牵头）\n"
          "二、施工\n建筑施工工地严格执行周边围挡要求。（区住房城乡建设局牵头）\n",
          "一、能源\n到2025年，全市非化石能源消费占比达到10%以上。（市发展改革委牵头）\n"
          "二、施工\n建筑施工工地全面落实工地周边100%围挡，全市新增或更新一般公务用车100%新能源化。（市住房城乡建设局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    const sj_finding *f = find(&fs, "later-deadline");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "2026"));
    int missing = 0;
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "missing-target")) {
            missing++;
            assert_non_null(strstr(fs.items[i].message, "公务用车"));
        }
    assert_int_equal(missing, 1);
    done(&fs, &c, &p);
}

/* a parent target stated in its table and again in prose aligns with the
 * child's one target twice; the mismatch is reported once for that place */
static void one_finding_per_place(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、目标\n到2020年,全区单位地区生产总值能耗比2016年降低16%。\n",
          "一、目标\n指标\t目标值\n单位地区生产总值能耗降低率(%)\t16\n注:基准年为2015年。\n"
          "二、任务\n到2020年,全市单位地区生产总值能耗比2015年降低16%。\n",
          SJ_LANG_EN, &fs, &c, &p);
    int n = 0;
    for (int i = 0; i < fs.n; i++)
        n += !strcmp(fs.items[i].id, "base-year-mismatch");
    assert_int_equal(n, 1);
    done(&fs, &c, &p);
}

/* changes from different base years are not comparable: the child's 5%
 * from 2024 against the parent's 10% from 2023 is a base-year mismatch,
 * not a weaker figure as well */
static void base_year_mismatch_judges_no_figure(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、目标\n到2025年,全县柴油货车氮氧化物排放量比2024年下降5%。\n",
          "一、目标\n到2025年,全市柴油货车氮氧化物排放量比2023年下降10%。\n",
          SJ_LANG_EN, &fs, &c, &p);
    int base = 0, weaker = 0;
    for (int i = 0; i < fs.n; i++) {
        base += !strcmp(fs.items[i].id, "base-year-mismatch");
        weaker += !strncmp(fs.items[i].id, "weaker", 6);
    }
    assert_int_equal(base, 1);
    assert_int_equal(weaker, 0);
    done(&fs, &c, &p);
}

/* a parent sentence one of whose figures the child answers was taken up:
 * a figure of it the child leaves out is reported at level info; a
 * figure of a sentence the child never takes up stays a warning */
static void missing_of_taken_up_sentence_is_info(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、任务\n1. 到2025年，全县新建生物防火隔离带30公里。\n",
          "一、任务\n1. 到2025年，全市新建生物防火隔离带300公里，隔离带宽度不低于50米。\n"
          "2. 到2025年，全市森林覆盖率达到45%。\n",
          SJ_LANG_EN, &fs, &c, &p);
    int info = 0, warning = 0;
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "missing-target")) {
            if (fs.items[i].level == SJ_INFO)
                info += strstr(fs.items[i].indicator, "宽度") != NULL;
            else
                warning += strstr(fs.items[i].indicator, "森林覆盖率") != NULL;
        }
    assert_int_equal(info, 1);
    assert_int_equal(warning, 1);
    done(&fs, &c, &p);
}

/* a child figure said again in other words (its goal, then its task) is
 * judged as its first statement was: both places are reported */
static void restated_in_other_words(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、目标\n到2025年，全县城区再生水利用率达到33%。\n"
          "二、任务\n1. 推进再生水利用。到2025年，县城污水处理厂再生水就近回用利用率达到33%。"
          "（县水利局牵头）\n",
          "一、目标\n到2025年，全市城区再生水利用率达到36%，各县（市、区）均须达到。\n"
          "二、任务\n1. 推进再生水利用。到2025年，城区再生水利用率达到36%。（市水利局牵头）\n",
          SJ_LANG_EN, &fs, &c, &p);
    int weaker = 0;
    for (int i = 0; i < fs.n; i++)
        weaker += !strcmp(fs.items[i].id, "weaker-target");
    assert_int_equal(weaker, 2);
    done(&fs, &c, &p);
}

/* a figure the parent says its own level does (a table note 第2项由市级统一
 * 建设; a sentence 由市级统筹建设) is reported missing for information only;
 * any other stays a warning */
static void missing_of_city_own_work_is_info(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、任务\n1. 到2025年，全县森林覆盖率达到45%。\n",
          "一、目标\n表1 主要指标\n序号\t指标\t单位\t2025年\n1\t森林覆盖率\t%\t45\n"
          "2\t湿地生态监测站点\t个\t12\n3\t古树名木挂牌保护率\t%\t100\n"
          "注：第2项由市级统一建设。\n"
          "二、任务\n1. 由市级统筹建设林草生态监测平台，到2025年建成监测站点30个。\n",
          SJ_LANG_EN, &fs, &c, &p);
    int info = 0, warning = 0;
    for (int i = 0; i < fs.n; i++)
        if (!strcmp(fs.items[i].id, "missing-target")) {
            if (fs.items[i].level == SJ_INFO)
                info += strstr(fs.items[i].message, "own level") != NULL;
            else
                warning += strstr(fs.items[i].indicator, "古树") != NULL;
        }
    assert_int_equal(info, 2);
    assert_int_equal(warning, 1);
    done(&fs, &c, &p);
}

/* a child figure of a year the parent gives a milestone of too is that
 * milestone's, not the earlier one late */
static void later_year_of_a_parent_milestone(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("一、任务\n1. 2027年前建成沿海防护林带20公里。\n",
          "一、任务\n1. 到2025年全市新建沿海防护林带60公里，到2027年累计建成120公里。\n",
          SJ_LANG_EN, &fs, &c, &p);
    for (int i = 0; i < fs.n; i++)
        assert_string_not_equal(fs.items[i].id, "later-deadline");
    done(&fs, &c, &p);
}

/* past the work limit of target alignment the check says so and reports
 * no target as missing (2,100 x 2,100 pairs whose names share some 40
 * bigrams: about 180 million index visits, over the 100 million) */
static void too_many_targets(void **s)
{
    (void)s;
    sj_buf cb = {0}, pb = {0};
    sj_buf_adds(&cb, "一、目标\n");
    sj_buf_adds(&pb, "一、目标\n");
    for (int i = 0; i < 2100; i++) {
        sj_buf_addf(&cb, "到2025年,第%d类工业企业挥发性有机物和重点行业大气污染物无组织排放及其他"
                         "各类废气排放量下降%d%%。\n", i, i % 9 + 1);
        sj_buf_addf(&pb, "到2025年,第%d类工业企业挥发性有机物和重点行业大气污染物无组织排放及其他"
                         "各类废气排放量下降%d%%。\n", i + 5000, i % 9 + 2);
    }
    sj_findings fs;
    sj_doc c, p;
    check(cb.data, pb.data, SJ_LANG_EN, &fs, &c, &p);
    assert_true(c.ntargets >= 2100 && p.ntargets >= 2100);
    const sj_finding *f = find(&fs, "check-incomplete");
    assert_non_null(f);
    assert_int_equal(f->level, SJ_WARNING);
    assert_non_null(strstr(f->message, "not checked"));
    assert_null(find(&fs, "missing-target"));
    assert_null(find(&fs, "weaker-target"));
    done(&fs, &c, &p);
    sj_buf_free(&cb);
    sj_buf_free(&pb);
}

/* Every finding's places lie in the documents they are reported against:
 * a check's in child and parent, a lint's both in the child. An input of
 * fuzz_check (a mangled plan; the parent two bytes of UTF-16BE) once
 * showed the driver rendering lint findings against the parent. */
static void places_in_their_documents(void **s)
{
    (void)s;
    unsigned char *bytes;
    size_t len;
    sj_err e;
    assert_int_equal(sj_read_file(SJ_SOURCE_DIR "/tests/fuzz-regressions/check-lint-places.bin",
                                  1 << 20, &bytes, &len, &e), 0);
    const unsigned char *z = memchr(bytes, 0, len);
    assert_non_null(z);
    sj_doc c, p;
    assert_int_equal(sj_doc_load_bytes("c.txt", bytes, (size_t)(z - bytes), NULL, &RS, &M, &c, &e), 0);
    assert_int_equal(sj_doc_load_bytes("p.txt", z + 1, len - (size_t)(z - bytes) - 1, NULL, &RS, &M,
                                       &p, &e), 0);
    sj_extract(&c, &RS, &M);
    sj_extract(&p, &RS, &M);
    sj_findings fs = {0}, ls = {0};
    sj_check(&c, &p, &fs);
    sj_lint(&c, &ls);
    assert_true(ls.n > 0);
    for (int i = 0; i < fs.n; i++) {
        assert_true(fs.items[i].child_item < 0 || fs.items[i].child_span.end <= c.norm.len);
        assert_true(fs.items[i].parent_item < 0 || fs.items[i].parent_span.end <= p.norm.len);
    }
    for (int i = 0; i < ls.n; i++) {
        assert_true(ls.items[i].child_item < 0 || ls.items[i].child_span.end <= c.norm.len);
        assert_true(ls.items[i].parent_item < 0 || ls.items[i].parent_span.end <= c.norm.len);
    }
    FILE *f = fopen("/dev/null", "w");
    assert_non_null(f);
    sj_report_findings_json(f, &c, &p, &fs);
    sj_report_findings_sarif(f, &c, &c, &ls);
    sj_report_findings_html(f, &c, &c, &ls);
    fclose(f);
    sj_findings_free(&fs);
    sj_findings_free(&ls);
    sj_doc_free(&c);
    sj_doc_free(&p);
    free(bytes);
}

/* a cited notice matches the parent it issues whatever its brackets,
 * dashes and nesting; a parent without title or 文号 is never "not cited";
 * a child citing another plan is */
static void cited_parent_by_key(void **s)
{
    (void)s;
    sj_findings fs;
    sj_doc c, p;
    check("某某市行动方案\n根据《某某省人民政府关于印发〈某某省行动方案 (2018—2020年)〉的通知》,制定本方案。\n",
          "某某省行动方案(2018-2020年)\n一、目标\n", SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "parent-not-cited"));
    done(&fs, &c, &p);
    check("某某市行动方案\n根据《某某省人民政府关于印发〈某某省行动方案〉的通知》,制定本方案。\n",
          "一、总体要求\n到2025年,全省排放下降10%。\n", SJ_LANG_EN, &fs, &c, &p);
    assert_null(p.title);
    assert_null(find(&fs, "parent-not-cited"));
    done(&fs, &c, &p);
    check("某某市行动方案\n根据《某某省农村供水工作规划》,制定本方案。\n",
          "某某省行动方案(2018-2020年)\n一、目标\n", SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "parent-not-cited"));
    done(&fs, &c, &p);
    /* a title as alike as can be, of another place's plan (the province's,
     * not the city's), is another plan; the city's, a word short, is it */
    const char *parent = "宜宾市塑料污染全链条治理攻坚行动方案（2024—2027年）\n一、目标\n";
    check("叙州区塑料污染全链条治理行动方案（2024—2027年）\n"
          "为贯彻落实《四川省塑料污染全链条治理行动方案（2024—2027年）》要求，制定本方案。\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_non_null(find(&fs, "parent-not-cited"));
    done(&fs, &c, &p);
    check("叙州区塑料污染全链条治理行动方案（2024—2027年）\n"
          "为贯彻落实《宜宾市塑料污染全链条治理行动方案（2024—2027年）》要求，制定本方案。\n",
          parent, SJ_LANG_EN, &fs, &c, &p);
    assert_null(find(&fs, "parent-not-cited"));
    done(&fs, &c, &p);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(weaker_and_faithful), cmocka_unit_test(one_to_one),
                                   cmocka_unit_test(later_deadline_and_zh),
                                   cmocka_unit_test(agency_missing),
                                   cmocka_unit_test(agency_differs),
                                   cmocka_unit_test(agency_role_prefers_counterpart),
                                   cmocka_unit_test(restated_amount),
                                   cmocka_unit_test(converted_units),
                                   cmocka_unit_test(intensive_ceiling),
                                   cmocka_unit_test(synonyms_align),
                                   cmocka_unit_test(later_target_and_requirements),
                                   cmocka_unit_test(too_many_targets),
                                   cmocka_unit_test(one_finding_per_place),
        cmocka_unit_test(base_year_mismatch_judges_no_figure),
        cmocka_unit_test(restated_in_other_words),
        cmocka_unit_test(later_year_of_a_parent_milestone),
        cmocka_unit_test(missing_of_city_own_work_is_info),
        cmocka_unit_test(missing_of_taken_up_sentence_is_info),
                                   cmocka_unit_test(places_in_their_documents),
                                   cmocka_unit_test(cited_parent_by_key),

                                   cmocka_unit_test(overall_figures),
                                   cmocka_unit_test(allocation_rows),
                                   cmocka_unit_test(note_items_by_number),
                                   cmocka_unit_test(frequencies_and_stretches),
                                   cmocka_unit_test(discharge_limits_bind),
                                   cmocka_unit_test(annex_rows_and_their_dates),
                                   cmocka_unit_test(allocation_columns_named_by_year),
                                   cmocka_unit_test(milestones_of_an_undated_row),
                                   cmocka_unit_test(task_heads_of_the_child),
                                   cmocka_unit_test(milestones),
                                   cmocka_unit_test(unit_grammar),
                                   cmocka_unit_test(prose_deferrals),
                                   cmocka_unit_test(later_in_the_same_year),
                                   cmocka_unit_test(cut_amount_answers_rate),
                                   cmocka_unit_test(projects_ships_and_area_headers),
                                   cmocka_unit_test(notes_rows_and_names),
                                   cmocka_unit_test(tasks_of_named_areas),
                                   cmocka_unit_test(goals_are_not_tasks),
        cmocka_unit_test(both_indicators_not_each_area),
        cmocka_unit_test(built_lengths_and_restated_figures),
        cmocka_unit_test(heating_rates_and_fuel_limits),
        cmocka_unit_test(deferral_names_the_task),
        cmocka_unit_test(missing_shown_at_table_row),
        cmocka_unit_test(yearless_restatement_answered),
        cmocka_unit_test(total_beside_cut),
        cmocka_unit_test(closer_share_of_two_alike),
        cmocka_unit_test(row_deadlines),
                                   cmocka_unit_test(whole_words_and_restatements),
                                   cmocka_unit_test(flows_and_later_stages),
                                   cmocka_unit_test(binding_after_and_restated),
                                   cmocka_unit_test(added_amount_row),
        cmocka_unit_test(row_restates_task_by_figure),
        cmocka_unit_test(dated_task_answers_its_like),
        cmocka_unit_test(per_item_figure_is_no_whole),
        cmocka_unit_test(day_and_night_apart),
        cmocka_unit_test(parent_states_twice_and_facility_size),
        cmocka_unit_test(named_date_columns_and_same_year_months),
        cmocka_unit_test(project_rows_are_parts)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
