#include "test_util.h"

static const char *PLAN =
    "河东区生态环境保护委员会文件\n\n临东环委发〔2022〕1号\n\n"
    "关于印发《河东区三年行动方案（2021-2023年）》的通知\n\n"
    "河东区生态环境保护委员会\n\n2022年1月28日\n\n"
    "河东区三年行动方案 (2021-2023年)\n\n"
    "根据《临沂市三年行动方案》(临环委〔2021〕5号)制定本方案。\n"
    "一、总体要求\n（一）目标指标。到2023年。\n1、深入推进。内容。\n"
    "目标任务\t\t指标值\n产业结构\t第三产业比重(%)\t63\n\t能耗降低率(%)\t7\n\n"
    "目标任务\t\t指标值\n结构\t煤炭(万吨)\t完成市下达的目标\n注：基准年为 2020 年。\n"
    "二、第二部分\n";

static void metadata(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str(PLAN, &d), 0);
    assert_string_equal(d.docno, "临东环委发〔2022〕1号");
    assert_string_equal(d.title, "河东区三年行动方案(2021-2023年)");
    assert_string_equal(d.issuer, "河东区生态环境保护委员会");
    assert_string_equal(d.date, "2022年1月28日");
    assert_int_equal(d.period_from, 2021);
    assert_int_equal(d.period_to, 2023);
    assert_int_equal(d.level, SJ_LEVEL_COUNTY);
    assert_int_equal(d.ncites, 1);
    assert_string_equal(d.cites[0].title, "临沂市三年行动方案");
    assert_string_equal(d.cites[0].docno, "临环委〔2021〕5号");
    sj_doc_free(&d);
    /* two issuer lines are joined with the issuers' [list_separator] */
    const char *two = "关于印发《河东区三年行动方案（2021-2023年）》的通知\n\n"
                      "河东区生态环境保护委员会\n河东区发展和改革局\n\n2022年1月28日\n";
    assert_int_equal(load_str(two, &d), 0);
    assert_string_equal(d.issuer, "河东区生态环境保护委员会、河东区发展和改革局");
    sj_doc_free(&d);
    /* a period stated in the text: where it is said, and the period of a
     * plan whose title gives none */
    const char *stated = "河东区绿色交通行动方案\n一、总体要求\n（一）实施期限\n"
                         "本方案实施期限为2025年至2027年。\n";
    assert_int_equal(load_str(stated, &d), 0);
    assert_int_equal(d.period_from, 2025);
    assert_int_equal(d.period_to, 2027);
    assert_true(d.period_span.start > d.title_span.end);
    assert_true(strncmp(d.norm.text + d.period_span.start, "实施期限为2025", 17) == 0);
    sj_doc_free(&d);
    /* the title's period is kept; its statement in the text is where it is said */
    assert_int_equal(load_str(PLAN, &d), 0);
    assert_true(d.period_span.start == d.title_span.start);
    sj_doc_free(&d);
}

/* thousands of cited plans, each cited twice, the 文号 only the second
 * time: one cite each, in first-mention order, with the 文号 (the titles
 * are looked up by hash; the table grows several times) */
static void many_cites(void **s)
{
    (void)s;
    enum { N = 3000 };
    sj_buf b = {0};
    sj_buf_adds(&b, "某县行动方案\n\n");
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < N; i++)
            sj_buf_addf(&b, round ? "根据《第%d号行动方案》(某环发〔2021〕%d号)制定。\n"
                                  : "根据《第%d号行动方案》制定。\n", i, i);
    sj_doc d;
    assert_int_equal(load_str(b.data, &d), 0);
    assert_int_equal(d.ncites, N);
    for (int i = 0; i < N; i += 97) {
        char want[64];
        snprintf(want, sizeof want, "第%d号行动方案", i);
        assert_string_equal(d.cites[i].title, want);
        snprintf(want, sizeof want, "某环发〔2021〕%d号", i);
        assert_non_null(d.cites[i].docno);
        assert_string_equal(d.cites[i].docno, want);
    }
    sj_doc_free(&d);
    sj_buf_free(&b);
}

static void sections_and_tables(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str(PLAN, &d), 0);
    assert_int_equal(d.nsections, 4);
    assert_int_equal(d.sections[1].level, 2);
    assert_int_equal(d.sections[1].parent, 0);
    assert_int_equal(d.sections[2].parent, 1);
    assert_int_equal(d.sections[3].level, 1);
    assert_int_equal(d.ntables, 1); /* split table with repeated header */
    assert_int_equal(d.tables[0].base_year, 2020);
    assert_int_equal(d.rows[3].header, 1);
    sj_doc_free(&d);
}

/* copies of plans: the plan's own name, never the addressee line, a
 * heading, a news headline; a title line is not glued to the preamble */
static void title_on_copies(void **s)
{
    (void)s;
    sj_doc d;
    /* the heading line, then the preamble on the next line */
    assert_int_equal(load_str("某某市节能减排综合工作方案\n为推进节能减排工作,结合我市实际情况,制定本方案。\n"
                              "一、总体要求\n", &d), 0);
    assert_string_equal(d.title, "某某市节能减排综合工作方案");
    assert_int_equal(d.level, SJ_LEVEL_CITY);
    sj_doc_free(&d);
    /* the covering notice's title, split over two lines */
    assert_int_equal(load_str("某某区人民政府\n关于印发某某区节能减排综合工作\n实施方案的通知\n"
                              "各乡、镇人民政府,区政府各部门:\n一、总体要求\n", &d), 0);
    assert_string_equal(d.title, "某某区节能减排综合工作实施方案");
    assert_int_equal(d.level, SJ_LEVEL_COUNTY);
    sj_doc_free(&d);
    /* a news headline: the plan it names */
    assert_int_equal(load_str("国务院印发《某某行动计划》\n\n新华社电 近日,国务院印发《某某行动计划》。\n", &d), 0);
    assert_string_equal(d.title, "某某行动计划");
    sj_doc_free(&d);
    /* an addressee line or a heading is no title; the level from how the
     * plan speaks of its area */
    assert_int_equal(load_str("各市、县人民政府,省政府各部门:\n为改善空气质量,结合我省实际,提出如下意见。\n", &d), 0);
    assert_null(d.title);
    assert_int_equal(d.level, SJ_LEVEL_PROVINCE);
    sj_doc_free(&d);
    assert_int_equal(load_str("一、总体要求\n到2025年,全区排放下降10%。\n", &d), 0);
    assert_null(d.title);
    sj_doc_free(&d);
    /* a news lead before the title is read (its targets count) */
    assert_int_equal(load_str("近日,某某市印发《某某市减排工作方案》,提出到2025年排放下降10%。\n"
                              "某某市减排工作方案\n一、总体要求\n", &d), 0);
    assert_string_equal(d.title, "某某市减排工作方案");
    assert_int_equal(d.body_start_para, 0);
    sj_doc_free(&d);
    /* no signature: the issuer from the notice title or a news lead, the
     * 文号 from a line of its own or a portal field */
    assert_int_equal(load_str("某某省人民政府关于印发某某省减排工作方案的通知\n某政发〔2021〕3号\n"
                              "为落实《国务院关于印发某方案的通知》精神,制定本方案。\n一、总体要求\n", &d), 0);
    assert_string_equal(d.issuer, "某某省人民政府");
    assert_string_equal(d.docno, "某政发〔2021〕3号");
    sj_doc_free(&d);
    assert_int_equal(load_str("某某市减排工作方案\n发文单位 | 某某市生态环境局 | 文件号 | 某环函〔2019〕18号 |\n"
                              "近日,某某市人民政府印发《某某市减排工作方案》。\n一、总体要求\n", &d), 0);
    assert_string_equal(d.issuer, "某某市生态环境局");
    assert_string_equal(d.docno, "某环函〔2019〕18号");
    sj_doc_free(&d);
    assert_int_equal(load_str("近日,某某市人民政府印发《某某市减排工作方案》。\n一、总体要求\n", &d), 0);
    assert_string_equal(d.issuer, "某某市人民政府");
    sj_doc_free(&d);
    /* a headline announcing the plan is not its title */
    assert_int_equal(load_str("某某省出台蓝天行动计划 2020年浓度力争达35微克/立方米\n到2020年,全省浓度下降。\n", &d), 0);
    assert_null(d.title);
    sj_doc_free(&d);
    /* municipalities are provinces, their districts counties */
    assert_int_equal(load_str("重庆市节能减排工作方案\n", &d), 0);
    assert_int_equal(d.level, SJ_LEVEL_PROVINCE);
    sj_doc_free(&d);
    assert_int_equal(load_str("重庆市某某区节能减排工作方案\n", &d), 0);
    assert_int_equal(d.level, SJ_LEVEL_COUNTY);
    sj_doc_free(&d);
}

/* a cited plan is compared by its key: brackets, quotes, punctuation and
 * notice wrappers set aside; the plan itself is no citation, a plan whose
 * name is part of the title is */
static void cite_keys(void **s)
{
    (void)s;
    char *k = sj_title_key("《某某省人民政府关于印发〈某某省空气质量持续改善暨第三轮“四减四增”行动实施方案〉的通知》",
                           &RS, &M);
    assert_string_equal(k, "某某省空气质量持续改善暨第三轮四减四增行动实施方案");
    free(k);
    k = sj_title_key("某某市行动方案 (2018—2020年)", &RS, &M);
    assert_string_equal(k, "某某市行动方案20182020年");
    free(k);
    sj_doc d;
    assert_int_equal(load_str("关于印发《某某市减排行动方案》的通知\n\n某某市减排行动方案\n"
                              "根据《减排行动方案》和《中华人民共和国大气污染防治法》,制定本方案。\n", &d), 0);
    assert_int_equal(d.ncites, 1);
    assert_string_equal(d.cites[0].title, "减排行动方案");
    assert_string_equal(d.cites[0].key, "减排行动方案");
    assert_string_equal(d.title_key, "某某市减排行动方案");
    sj_doc_free(&d);
    /* a headline's short name of the plan it announces is the plan itself;
     * a portal title field gives the title */
    assert_int_equal(load_str("某某省印发《大气攻坚方案》\n近日,某某省人民政府印发《某某省大气攻坚方案》。"
                              "根据《大气攻坚方案》要求,提出目标。\n", &d), 0);
    assert_string_equal(d.title, "某某省大气攻坚方案");
    assert_int_equal(d.ncites, 1);
    sj_doc_free(&d);
    assert_int_equal(load_str("首页 > 政务公开 > 政策文件\n标题:某某县秸秆利用实施方案\n发布时间:2021-05-06\n"
                              "为推进秸秆利用,制定本方案。\n", &d), 0);
    assert_string_equal(d.title, "某某县秸秆利用实施方案");
    sj_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(metadata), cmocka_unit_test(many_cites),
                                   cmocka_unit_test(sections_and_tables),
                                   cmocka_unit_test(title_on_copies), cmocka_unit_test(cite_keys)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
