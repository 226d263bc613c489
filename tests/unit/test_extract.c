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
    assert_string_equal(sj_target_indicator_id(&d.targets[0]), "fertilizer_use");
    assert_string_equal(sj_target_unit(&d.targets[1]), "万亩");
    assert_int_equal(d.ndeadlines, 2);
    assert_int_equal(d.deadlines[1].month, 6);
    assert_int_equal(d.nagencies, 1);
    assert_string_equal(d.agencies[0].who->lead.names[0], "区农业农村局");
    assert_string_equal(d.agencies[0].who->coop.names[0], "区财政局");
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

static const sj_target *by_value(const sj_doc *d, double v)
{
    for (int i = 0; i < d->ntargets; i++)
        if (!d->targets[i].deferred && d->targets[i].value == v)
            return &d->targets[i];
    return NULL;
}

/* forms that lean on the targets around them */
static void continued_and_elliptical(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、能源\n到2023年，全县可再生能源发电装机容量达到85万千瓦，其中光伏发电装机40万千瓦左右。"
                              "建成充电站102座、充电桩34000个。2019年年底前，铁路配送运量比2018年增长50%，"
                              "2020年年底前，比2018年翻一番。（县发展改革局牵头）\n", &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t = by_value(&d, 40);
    assert_non_null(t);
    assert_string_equal(t->indicator, "光伏发电装机");
    assert_string_equal(t->comparator, "~");
    assert_non_null(t = by_value(&d, 34000));
    assert_string_equal(t->indicator, "充电桩");
    assert_non_null(t = by_value(&d, 1));
    assert_string_equal(sj_target_unit(t), "番");
    assert_string_equal(t->indicator, "铁路配送运量");
    assert_int_equal(t->base_year, 2018);
    sj_doc_free(&d);
    /* a later milestone that writes only the change or the verb */
    assert_int_equal(load_str("一、目标\n2025年，全县工业固体废物产生量比2023年下降5%；2027年，下降8%。"
                              "到2025年，农村集中供水率达到95%；2027年，保持97%。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_non_null(t = by_value(&d, 8));
    assert_string_equal(t->indicator, "工业固体废物产生量");
    assert_string_equal(t->change, "decrease");
    assert_int_equal(t->target_year, 2027);
    assert_non_null(t = by_value(&d, 97));
    assert_string_equal(t->indicator, "农村集中供水率");
    assert_string_equal(t->comparator, ">=");
    sj_doc_free(&d);
}

static void shares_lists_deferrals(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、交通\n到2025年，柴油货车比例不低于柴油货车保有量的90%，"
                              "NOx、VOCs重点工程减排量分别不低于1.76万吨和0.57万吨，"
                              "完成市下达的化石能源消费总量、煤炭消费压减任务，"
                              "新增50家以上绿色工厂。（市生态环境局牵头）\n", &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t = by_value(&d, 90);
    assert_non_null(t);
    assert_string_equal(t->indicator, "柴油货车比例");
    assert_non_null(t = by_value(&d, 1.76));
    assert_string_equal(t->indicator, "NOx重点工程减排量");
    assert_non_null(t = by_value(&d, 0.57));
    assert_string_equal(t->indicator, "VOCs重点工程减排量");
    assert_non_null(t = by_value(&d, 50));
    assert_string_equal(t->indicator, "新增绿色工厂");
    int deferred = 0;
    for (int i = 0; i < d.ntargets; i++)
        deferred += d.targets[i].deferred;
    assert_int_equal(deferred, 2);
    sj_doc_free(&d);
}

/* a table row's own target year in a cell after its value */
static void row_years(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、目标\n目标表\n序号\t指标名称\t计量单位\t目标值\t目标年度\n"
                              "1\t断面水质优良比例\t%\t90\t2025年\n"
                              "2\t断面水质优良比例\t%\t92\t2027年\n", &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t = by_value(&d, 90);
    assert_non_null(t);
    assert_int_equal(t->target_year, 2025);
    assert_non_null(t = by_value(&d, 92));
    assert_int_equal(t->target_year, 2027);
    sj_doc_free(&d);
}

/* a value of a 分别 list with its own 以上; one value after 均 / 分别 for
 * each indicator named, the head noun shared */
static void lists_with_words_and_each(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、目标\n到2025年，化学需氧量、氨氮、氮氧化物、挥发性有机物排放总量比2020年"
                              "分别下降7%、6%、11%以上、12%以上。二氧化硫、颗粒物(PM)排放总量均比2020年下降9%以上。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t = by_value(&d, 7);
    assert_non_null(t);
    assert_string_equal(t->indicator, "化学需氧量排放总量");
    assert_non_null(t = by_value(&d, 11));
    assert_string_equal(t->indicator, "氮氧化物排放总量");
    assert_string_equal(sj_target_unit(t), "%");
    assert_non_null(t = by_value(&d, 12));
    assert_string_equal(t->indicator, "挥发性有机物排放总量");
    int nine = 0;
    for (int i = 0; i < d.ntargets; i++)
        if (d.targets[i].value == 9) {
            nine++;
            assert_true(strstr(d.targets[i].indicator, "排放总量") != NULL);
        }
    assert_int_equal(nine, 2);
    sj_doc_free(&d);
}

/* a list of years before a 分别 list: each value in its year, the years
 * no part of the indicator; one figure after such a list holds from its
 * first year */
static void year_lists(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、目标\n到2025年、2027年，城镇清洁取暖率分别达到91%、98%，"
                              "既有居住建筑节能改造面积分别累计达到32万平方米、55万平方米；"
                              "自然保护地面积比例不低于15%。可再生能源替代率2025年、2027年分别达到8%、10%。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const double v[] = {91, 98, 32, 55, 8, 10};
    const int y[] = {2025, 2027, 2025, 2027, 2025, 2027};
    for (int i = 0; i < 6; i++) {
        const sj_target *t = by_value(&d, v[i]);
        assert_non_null(t);
        assert_int_equal(t->target_year, y[i]);
        assert_int_equal(t->base_year, 0);
        assert_null(strstr(t->indicator, "年"));
        assert_null(strstr(t->indicator, "分别"));
    }
    assert_string_equal(by_value(&d, 10)->indicator, "可再生能源替代率");
    const sj_target *t = by_value(&d, 15);
    assert_non_null(t);
    assert_int_equal(t->target_year, 2025);
    sj_doc_free(&d);
}

/* Lengths and masses of what is built or used, a name the sentence opens
 * with before a trend, the 到 of a date left after a name, sound levels
 * in 分贝 or dB(A) (also in a header's brackets), and an area column
 * headed 县、区 */
static void built_lengths_subjects_and_sound_levels(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、任务\n1. 建设声屏障。到2025年累计新建声屏障15000米，到2027年累计达到26000米。\n"
                              "2. 推广。到2025年累计利用废旧轮胎胶粉0.8万吨。\n"
                              "3. 交通运输领域二氧化碳排放强度持续下降，到2025年比2020年下降5%。\n"
                              "4. 噪声投诉举报数量到2025年比2023年下降11%。\n"
                              "5. 到2027年道路交通噪声昼间平均等效声级控制在67.5 dB(A)以内，区域声级不高于54.5分贝。\n"
                              "表2 各县、区2025年目标\n"
                              "县、区\t城市区域声环境质量昼间平均等效声级（dB(A)）\t公共充电桩（个）\n"
                              "武义县\t55.2\t420\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t = by_value(&d, 15000);
    assert_non_null(t);
    assert_non_null(strstr(t->indicator, "声屏障"));
    assert_string_equal(sj_target_unit(t), "米");
    assert_non_null(t = by_value(&d, 26000));
    assert_non_null(strstr(t->indicator, "声屏障"));
    assert_non_null(t = by_value(&d, 0.8));
    assert_string_equal(sj_target_unit(t), "万吨");
    assert_non_null(strstr(t->indicator, "胶粉"));
    assert_non_null(t = by_value(&d, 5));
    assert_string_equal(t->indicator, "交通运输领域二氧化碳排放强度");
    assert_int_equal(t->base_year, 2020);
    assert_non_null(t = by_value(&d, 11));
    assert_null(strstr(t->indicator, "到"));
    assert_non_null(t = by_value(&d, 67.5));
    assert_string_equal(sj_target_unit_canon(t), "dB(A)");
    assert_non_null(t = by_value(&d, 54.5));
    assert_string_equal(sj_target_unit_canon(t), "dB(A)");
    /* the table: an allocation row of 武义县, its unit from the header */
    assert_non_null(t = by_value(&d, 55.2));
    assert_non_null(t->area);
    assert_string_equal(sj_target_unit_canon(t), "dB(A)");
    assert_null(strstr(t->indicator, "dB"));
    assert_non_null(t = by_value(&d, 420));
    assert_non_null(t->area);
    sj_doc_free(&d);
}

/* Areas in 平方公里, concentrations in 克/千克, a survey's length (排查N公里),
 * the rest of a date left at a name's start (9月底前建成… -> 建成…), a
 * capacity per day counted (新增处理能力1.5万吨/日), a name as a label
 * before a colon (回收率：2025年达到81%),
 * names holding a Latin bracket in a 分别 list, and a list clause that opens
 * with its base year (比2022年分别提高8个和13个百分点): its values are the
 * previous figure's, and a 个 alone is the unit of the list's last value */
static void sewage_units_and_lists(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、目标\n"
                              "1. 到2025年底，县城完成雨污分流改造2.5平方公里。\n"
                              "2. 污泥用于园林绿化的，镉含量不高于0.005克/千克。\n"
                              "3. 对污水管网开展全面排查，累计排查3500公里。\n"
                              "4. 县城污水处理厂进水生化需氧量（BOD）浓度分别不低于95毫克/升和110毫克/升。\n"
                              "5. 到2025年和2027年，县城生活污水集中收集率分别达到75%和80%，"
                              "比2022年分别提高8个和13个百分点。\n"
                              "6. 2025年9月底前建成乡镇秸秆收储中心19个。\n"
                              "7. 2025年12月底前新增处理能力1.5万吨/日。\n"
                              "8. 农药包装废弃物回收率：2025年达到81%。\n"
                              "9. 到2025年底，厨余垃圾集中处理能力达到60吨/日，2500吨/日水泥熟料生产线全部退出。\n"
                              "10. 焚烧处理能力达到7000吨/日。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t = by_value(&d, 2.5);
    assert_non_null(t);
    assert_string_equal(sj_target_unit(t), "平方公里");
    assert_non_null(strstr(t->indicator, "雨污分流"));
    assert_non_null(t = by_value(&d, 0.005));
    assert_string_equal(sj_target_unit(t), "克/千克");
    assert_non_null(t = by_value(&d, 3500));
    assert_string_equal(sj_target_unit(t), "公里");
    assert_non_null(t = by_value(&d, 95));
    assert_non_null(strstr(t->indicator, "(BOD)浓度"));
    assert_non_null(strstr(t->indicator, "生化需氧量"));
    const double v[] = {8, 13};
    const int y[] = {2025, 2027};
    for (int i = 0; i < 2; i++) {
        assert_non_null(t = by_value(&d, v[i]));
        assert_string_equal(sj_target_unit(t), "个百分点");
        assert_string_equal(t->indicator, "县城生活污水集中收集率");
        assert_int_equal(t->base_year, 2022);
        assert_int_equal(t->target_year, y[i]);
    }
    /* a name that starts inside a date (after its last digit) */
    assert_non_null(t = by_value(&d, 19));
    assert_string_equal(t->indicator, "建成乡镇秸秆收储中心");
    /* a capacity per day counted */
    assert_non_null(t = by_value(&d, 1.5));
    assert_string_equal(sj_target_unit(t), "万吨/日");
    assert_string_equal(t->indicator, "新增处理能力");
    /* a goal's name as a label before a colon */
    assert_non_null(t = by_value(&d, 81));
    assert_string_equal(t->indicator, "农药包装废弃物回收率");
    /* a daily capacity as a figure, and a daily size that classes a noun */
    assert_non_null(t = by_value(&d, 60));
    assert_string_equal(sj_target_unit(t), "吨/日");
    assert_null(by_value(&d, 2500));
    assert_non_null(by_value(&d, 7000)); /* 。 is no ideograph after it */
    sj_doc_free(&d);
}

/* counts in 万公顷, the period a range of years opens before its verb
 * (2024—2027年治理…: the targets' year is its last), and the figure a
 * from-to starts from (从2020年的21.9万公顷增加到39万公顷) and a time
 * (6个月内) are no targets */
static void land_counts_and_ranges(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、目标\n"
                              "1. 2024—2027年治理沙化土地2万公顷，2025年底前完成1.1万公顷。\n"
                              "2. 配方肥应用面积从2020年的21.9万公顷增加到39万公顷。\n"
                              "3. 治理项目完工后6个月内完成验收。\n"
                              "4. 关停城镇自备井300眼，腾退散乱货车停车场用地110公顷。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t = by_value(&d, 300); /* wells closed, land vacated */
    assert_non_null(t);
    assert_string_equal(sj_target_unit(t), "眼");
    assert_non_null(t = by_value(&d, 110));
    assert_string_equal(t->indicator, "腾退散乱货车停车场用地");
    t = by_value(&d, 2);
    assert_non_null(t);
    assert_string_equal(sj_target_unit(t), "万公顷");
    assert_string_equal(t->indicator, "治理沙化土地");
    assert_int_equal(t->target_year, 2027);
    assert_non_null(t = by_value(&d, 1.1));
    assert_int_equal(t->target_year, 2025);
    assert_non_null(by_value(&d, 39));
    assert_null(by_value(&d, 21.9));
    assert_null(by_value(&d, 6)); /* 6个月 is a time */
    sj_doc_free(&d);
}

/* counts of what is laid out (布设…点位14个) and cleared (清理处置…1.4万吨),
 * whose later figures with no name of their own take its name without its
 * verb again (累计清理600公里); a list of years before the name of a 分别
 * list (到2025年、2027年全市氮氧化物减排量分别达到…); a clause of work that
 * names the figures after it (对低效VOCs治理设施开展升级改造，到2025年底累计
 * 完成600家) */
static void work_counts_and_year_lists(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、任务\n"
                              "1. 到2025年布设新污染物监测点位14个，到2027年达到20个。\n"
                              "2. 2024—2027年累计清理处置历史堆存危险废物1.4万吨，其中2025年底前完成9000吨。\n"
                              "3. 到2025年累计清理岸线360公里，到2027年累计清理600公里。\n"
                              "4. 到2025年、2027年全市氮氧化物重点工程减排量分别达到5400吨、8000吨。\n"
                              "5. 2024年起对低效VOCs治理设施开展升级改造，到2025年底累计完成700家。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t;
    const double v[] = {14, 20};
    for (int i = 0; i < 2; i++) {
        assert_non_null(t = by_value(&d, v[i]));
        assert_string_equal(t->indicator, "布设新污染物监测点位");
    }
    assert_non_null(t = by_value(&d, 9000));
    assert_string_equal(t->indicator, "清理处置历史堆存危险废物");
    assert_int_equal(t->target_year, 2025);
    assert_non_null(t = by_value(&d, 600));
    assert_string_equal(t->indicator, "清理岸线");
    assert_non_null(t = by_value(&d, 5400));
    assert_string_equal(t->indicator, "氮氧化物重点工程减排量");
    assert_int_equal(t->target_year, 2025);
    assert_non_null(t = by_value(&d, 8000));
    assert_int_equal(t->target_year, 2027);
    assert_non_null(t = by_value(&d, 700));
    assert_string_equal(t->indicator, "低效VOCs治理设施");
    sj_doc_free(&d);
}

/* lines of a label and its figures (指标：2025年95%，2027年98%) are items,
 * never joined as a sentence a page broke, their figures named by the
 * label; a 分别 list under a ceiling (分别不高于…); a short name of its own
 * after a figure (…，氨氮不高于1.5毫克/升) and one that is a part of the
 * thing before it (…项目1个，规模3万吨/年) */
static void label_lines_and_short_names(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、目标\n"
                              "到2025年和2027年，全市主要指标如下：\n"
                              "产生单位规范化环境管理评估合格率：2025年95%，2027年98%\n"
                              "经营单位规范化环境管理评估合格率：保持100%\n"
                              "危险废物综合利用率：2025年不低于63%，2027年不低于66%\n"
                              "危险废物填埋处置量占比：2025年不高于8%，2027年不高于6%\n"
                              "新污染物环境风险筛查评估企业：2024—2027年累计45家\n"
                              "二、任务\n"
                              "1. 焚烧飞灰资源化利用产品铅、镉浸出浓度分别不高于0.25mg/L、0.12mg/L。\n"
                              "2. 出水化学需氧量不高于30毫克/升，氨氮不高于1.5毫克/升。\n"
                              "3. 2026年6月底前建成飞灰水洗资源化利用项目1个，规模3万吨/年。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t;
    const double v[] = {95, 98};
    const int y[] = {2025, 2027};
    for (int i = 0; i < 2; i++) {
        assert_non_null(t = by_value(&d, v[i]));
        assert_string_equal(t->indicator, "产生单位规范化环境管理评估合格率");
        assert_int_equal(t->target_year, y[i]);
    }
    assert_non_null(t = by_value(&d, 100));
    assert_string_equal(t->indicator, "经营单位规范化环境管理评估合格率");
    assert_non_null(t = by_value(&d, 8));
    assert_string_equal(t->indicator, "危险废物填埋处置量占比");
    assert_non_null(t = by_value(&d, 45));
    assert_string_equal(t->indicator, "新污染物环境风险筛查评估企业");
    assert_int_equal(t->target_year, 2027);
    assert_non_null(t = by_value(&d, 0.12));
    assert_non_null(strstr(t->indicator, "镉"));
    assert_string_equal(t->comparator, "<=");
    assert_non_null(t = by_value(&d, 1.5));
    assert_string_equal(t->indicator, "氨氮");
    assert_non_null(t = by_value(&d, 3));
    assert_non_null(strstr(t->indicator, "项目规模"));
    sj_doc_free(&d);
}

/* amounts summed up with no verb (减排量累计300吨, 面积2025年累计5万亩、
 * 2027年累计10万亩), dated by the range of years before them; the topic an
 * item opens with names its figures (7. 新建改造雨污管网，2025年底前累计完成
 * 4万米); no name keeps 以来 or an item's dot */
/* a later year's figure of the same thing, an increase (到2027年增加4000万吨)
 * or a 分别 list naming nothing after one that names; where the work is
 * done is no part of its name (在漳江两岸建设…) */
static void later_year_and_place(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、任务\n"
                              "1. 到2025年全市铁路货运量比2023年增加2000万吨，到2027年增加4000万吨。\n"
                              "2. 在漳江两岸建设农田生态拦截沟渠，到2025年累计完成80公里。\n"
                              "3. 到2025年全市化学需氧量、氨氮重点工程减排量分别达到6000吨、300吨，"
                              "到2027年累计分别达到12000吨、600吨。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t;
    assert_non_null(t = by_value(&d, 4000));
    assert_string_equal(t->indicator, "铁路货运量");
    assert_int_equal(t->target_year, 2027);
    assert_non_null(t = by_value(&d, 80));
    assert_string_equal(t->indicator, "建设农田生态拦截沟渠");
    /* a 分别 list naming nothing, after one of as many names */
    assert_non_null(t = by_value(&d, 600));
    assert_string_equal(t->indicator, "氨氮重点工程减排量");
    assert_int_equal(t->target_year, 2027);
    assert_non_null(t = by_value(&d, 12000));
    assert_string_equal(t->indicator, "化学需氧量重点工程减排量");
    sj_doc_free(&d);
}

/* the topic an item opens with names the figures after it, also after a
 * start year (2024年起实施…改造，到2025年累计完成400公里) and when the figure
 * comes straight after its comma (…监测站点，到2025年达到12个); a count in 套;
 * a start year's 起 is no name (2026年起达到100%) */
static void topics_counts_and_starts(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、任务\n"
                              "1. 老旧管网改造。2024年起实施老旧供热管网改造，到2025年累计完成400公里。\n"
                              "2. 监测网络。市级统筹建设湿地生态监测站点，到2025年达到12个。\n"
                              "3. 到2025年全市建成重型柴油车尾气遥感监测点位90套。\n"
                              "4. 环卫车辆中新能源车辆比例不低于80%，2026年起达到95%。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t;
    assert_non_null(t = by_value(&d, 400));
    assert_string_equal(t->indicator, "实施老旧供热管网改造");
    assert_non_null(t = by_value(&d, 12));
    assert_string_equal(t->indicator, "市级统筹建设湿地生态监测站点");
    assert_non_null(t = by_value(&d, 90));
    assert_string_equal(sj_target_unit(t), "套");
    assert_non_null(t = by_value(&d, 95));
    assert_string_equal(t->indicator, "环卫车辆中新能源车辆比例");
    sj_doc_free(&d);
}

static void cumulative_amounts_and_topics(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、任务\n"
                              "1. 2025年底前完成重点行业深度治理，2024—2027年氮氧化物重点工程减排量累计300吨。\n"
                              "2. 有机肥替代化肥面积2025年累计5万亩、2027年累计10万亩。\n"
                              "3. 新建改造雨污管网，2025年底前累计完成4万米。\n"
                              "4. 2024年以来VOCs重点工程减排量累计达到350吨。\n"
                              "5. 到2025年港口岸电使用量达到380万千瓦时。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t;
    assert_non_null(t = by_value(&d, 300));
    assert_string_equal(t->indicator, "氮氧化物重点工程减排量");
    assert_int_equal(t->target_year, 2027);
    assert_non_null(t = by_value(&d, 5));
    assert_string_equal(t->indicator, "有机肥替代化肥面积");
    assert_int_equal(t->target_year, 2025);
    assert_non_null(t = by_value(&d, 10));
    assert_string_equal(t->indicator, "有机肥替代化肥面积");
    assert_int_equal(t->target_year, 2027);
    assert_non_null(t = by_value(&d, 4));
    assert_string_equal(t->indicator, "新建改造雨污管网");
    assert_non_null(t = by_value(&d, 350));
    assert_string_equal(t->indicator, "VOCs重点工程减排量");
    assert_non_null(t = by_value(&d, 380)); /* an amount of energy, not a power */
    assert_string_equal(sj_target_unit(t), "万千瓦时");
    sj_doc_free(&d);
}

/* a nameless figure after one a later rule finds (达到50%、比2023年提高18个
 * 百分点) takes its name; one before the next of a 、 list takes the next
 * one's (完成60个、到2027年累计完成126个饮用水水源地规范化建设) */
static void names_across_rules_and_lists(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、任务\n"
                              "1. 到2027年，全市农村生活污水治理率达到50%、比2023年提高18个百分点。\n"
                              "2. 规范化建设。到2025年累计完成60个、到2027年累计完成126个“千吨万人”饮用水水源地规范化建设。\n"
                              "3. 完成治理的农村黑臭水体须达到透明度不低于25厘米。\n"
                              "4. 2024年6月底前完成全区非道路移动机械编码登记，登记率达到95%以上。\n"
                              "5. 全部接入市固体废物信息化管理平台，接入率达到97%。\n"
                              "6. 外排废水化学需氧量≤201mg/L。深层承压水水位比2023年平均回升4米以上。"
                              "累计形成节能量20万吨标准煤。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t;
    /* a math comparator after a name; 回升 is a rise; an amount formed */
    assert_non_null(t = by_value(&d, 201));
    assert_string_equal(t->comparator, "<=");
    assert_non_null(t = by_value(&d, 4));
    assert_string_equal(t->change, "increase");
    assert_int_equal(t->base_year, 2023);
    assert_non_null(t = by_value(&d, 20));
    assert_string_equal(t->indicator, "节能量");
    /* a name that is only the work's verb takes its sentence's topic */
    sj_doc w;
    assert_int_equal(load_str("一、任务\n1. 集中布局公共充电桩，2025年底累计建成400个。\n", &w), 0);
    sj_extract(&w, &RS, &M);
    assert_non_null(t = by_value(&w, 400));
    assert_non_null(strstr(t->indicator, "公共充电桩"));
    sj_doc_free(&w);
    /* a short name that repeats the verb its clause ends with names that
     * work's share; not when the verb's object follows it */
    assert_non_null(t = by_value(&d, 95));
    assert_string_equal(t->indicator, "非道路移动机械编码登记率");
    assert_non_null(t = by_value(&d, 97));
    assert_string_equal(t->indicator, "接入率");
    assert_non_null(t = by_value(&d, 18));
    assert_string_equal(t->indicator, "农村生活污水治理率");
    assert_int_equal(t->base_year, 2023);
    const double v[] = {60, 126};
    for (int i = 0; i < 2; i++) {
        assert_non_null(t = by_value(&d, v[i]));
        assert_non_null(strstr(t->indicator, "饮用水水源地规范化建设"));
    }
    /* a definition, the place described and a grant set no target */
    sj_doc e;
    assert_int_equal(load_str("南阳市秸秆综合利用方案（2024—2027年）\n"
                              "我市是全国重要的粮食生产基地，常年农作物播种面积稳定在1900万亩以上，"
                              "年产生农作物秸秆约1000万吨，其中可收集量约915万吨。\n"
                              "一、任务\n1. 到2025年秸秆综合利用率达到93%。\n"
                              "2. 对完成全流程超低排放改造的企业给予每家不超过500万元奖励。\n附件\n"
                              "4. 历史遗留固体废物堆存场：指2020年以前形成、责任主体灭失或无法落实整治责任、"
                              "堆体高度在2米以上或占地面积在500平方米以上的工业固体废物堆存场。\n",
                              &e), 0);
    sj_extract(&e, &RS, &M);
    assert_int_equal(e.ntargets, 1);
    assert_non_null(by_value(&e, 93));
    sj_doc_free(&e);
    /* what must reach it is no part of the name; 厘米 is a unit */
    assert_non_null(t = by_value(&d, 25));
    assert_string_equal(t->indicator, "透明度");
    assert_string_equal(sj_target_unit(t), "厘米");
    sj_doc_free(&d);
}

/* a bare year after an item's number or a lead-in, and the year of the
 * goals that follow, give their targets' year (the goals' year is no due
 * date) */
static void bare_years_and_goal_years(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、目标\n（一）2025年目标。全县化肥使用量比2022年减少3.5%。\n"
                              "4. 2025年农药包装废弃物回收率达到82%。\n"
                              "3. 工业能效：2025年高效节能电机占在用电机比例达到75%。\n"
                              "5. 总氮浓度到2025年比2021年下降6%，2027年下降12%。\n"
                              "6. 公共建筑单位面积能耗2025年比2022年下降4.5%。\n"
                              "7. 进水BOD浓度2025年不低于101mg/L，重型货车占比2025年达到65%。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    /* (4.5: a year right before 比 and its base year dates the figure;
     * 101, 65: before any comparator, and after 占比, which is no 比) */
    const double v[] = {3.5, 82, 75, 4.5, 101, 65};
    for (int i = 0; i < 6; i++) {
        const sj_target *t = by_value(&d, v[i]);
        assert_non_null(t);
        assert_int_equal(t->target_year, 2025);
    }
    for (int i = 0; i < d.ndeadlines; i++)
        if (d.deadlines[i].para == by_value(&d, 3.5)->para)
            assert_string_not_equal(sj_deadline_kind(&d, &d.deadlines[i]), "by");
    /* a bare year before 下降 (not 下半年) dates its clause */
    assert_int_equal(by_value(&d, 12)->target_year, 2027);
    sj_doc_free(&d);
}

/* a place named with a numeral and a measure word is no amount */
static void numeral_place_names(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、任务\n实施三里河、一亩泉河等城区河道生态修复，到2027年新增河湖生态水面300公顷。\n",
                              &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ntargets, 1);
    assert_true(d.targets[0].value == 300);
    sj_doc_free(&d);
}

/* a date before the plan's period is a past fact; a table's value is the
 * rightmost readable cell, before a deadline column */
static void past_dates_and_table_columns(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("青台县行动方案(2022-2025年)\n一、运输\n2021年，全县已淘汰国三营运柴油货车316辆。"
                              "2023年底前，淘汰国四营运柴油货车200辆以上。（县交通运输局负责）\n"
                              "指标	目标值	时限\n新能源汽车充电需求	1.2万辆	“十四五”期间\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.period_from, 2022);
    assert_null(by_value(&d, 316));
    for (int i = 0; i < d.ndeadlines; i++)
        assert_true(d.deadlines[i].year >= 2022);
    const sj_target *t = by_value(&d, 1.2);
    assert_non_null(t);
    assert_string_equal(sj_target_unit(t), "万辆");
    assert_string_equal(t->indicator, "新能源汽车充电需求");
    sj_doc_free(&d);
}

/* coordinated items share the head noun written once, after the last */
static void coordinated_items(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、工业\n到2025年，建成3个国家级和5个省级绿色工厂。（市工业和信息化局牵头）\n", &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t = by_value(&d, 3);
    assert_non_null(t);
    assert_string_equal(t->indicator, "建成国家级绿色工厂");
    assert_non_null(t = by_value(&d, 5));
    assert_string_equal(t->indicator, "建成省级绿色工厂");
    assert_string_equal(sj_target_unit(t), "个");
    sj_doc_free(&d);
}

/* dates relative to the issue date */
static void relative_dates(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("关于印发某县行动方案的通知\n某县人民政府\n2022年6月20日\n一、任务\n今年年底前完成燃煤锅炉淘汰，明年6月底前完成验收，年内建成示范区3个。（县发展改革局牵头）\n", &d), 0);
    sj_extract(&d, &RS, &M);
    int y2022 = 0, y2023 = 0;
    for (int i = 0; i < d.ndeadlines; i++) {
        if (d.deadlines[i].year == 2022 && d.deadlines[i].month == 12)
            y2022++;
        if (d.deadlines[i].year == 2023 && d.deadlines[i].month == 6)
            y2023++;
    }
    assert_int_equal(y2022, 2);
    assert_int_equal(y2023, 1);
    sj_doc_free(&d);
}

/* a task list: prose in the cells, dates in 完成时限, offices in cells */
static void task_list_table(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、重点任务\n序号\t重点任务\t具体目标\t完成时限\t牵头单位\t配合单位\n"
                              "1\t发展光伏\t新增光伏装机容量5万千瓦以上\t2024年底前\t区发展改革局\t区工业和信息化局、区自然资源局\n"
                              "2\t清洁取暖\t清洁取暖率达到85%，城镇燃气普及率达到98%\t2025年6月底前\t区住房城乡建设局\t各镇办\n", &d), 0);
    sj_extract(&d, &RS, &M);
    const sj_target *t = by_value(&d, 5);
    assert_non_null(t);
    assert_string_equal(t->indicator, "新增光伏装机容量");
    assert_non_null(by_value(&d, 85));
    assert_non_null(by_value(&d, 98));
    assert_int_equal(d.ndeadlines, 2);
    assert_true(t->agency >= 0);
    assert_true(d.agencies[t->agency].from_table);
    assert_string_equal(d.agencies[t->agency].who->lead.names[0], "区发展改革局");
    assert_int_equal(d.agencies[t->agency].who->coop.n, 2);
    sj_doc_free(&d);
}

/* A sentence of hundreds of dated items run together (every line looks
 * broken mid-sentence): each deadline is found once, its task reaches at
 * most 600 bytes either side of its date and starts and ends on whole
 * characters, and the paragraphs stay at most 16 KB (plus a line). */
static void dated_items_run_together(void **s)
{
    (void)s;
    sj_buf b = {0};
    sj_buf_adds(&b, "一、任务\n");
    for (int i = 0; i < 600; i++)
        sj_buf_adds(&b, "到2025年底前完成整治工作和相关任务的推进\n");
    sj_buf_adds(&b, "。\n");
    sj_doc d;
    assert_int_equal(load_str(b.data, &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ndeadlines, 600);
    for (int i = 0; i < d.ndeadlines; i++) {
        const sj_deadline *dl = &d.deadlines[i];
        assert_true(dl->task.end > dl->task.start);
        assert_true(dl->task.start + 600 >= dl->span.start);
        assert_true(dl->task.end <= dl->span.end + 600);
        assert_true(((unsigned char)d.norm.text[dl->task.start] & 0xC0) != 0x80);
        assert_true(((unsigned char)d.norm.text[dl->task.end] & 0xC0) != 0x80);
    }
    for (int pi = 0; pi < d.nparas; pi++)
        assert_true(d.paras[pi].span.end - d.paras[pi].span.start <= 16384 + 64);
    assert_true(d.nparas > 2);
    sj_doc_free(&d);
    sj_buf_free(&b);
}

/* tasks: one per parenthetical (the text it covers) plus a long enough
 * tail, in text order, each with the first deadline dated inside it */
static void tasks(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、农业\n2022年6月底前完成改造（区农业农村局牵头）。推进高标准农田建设，全面提升耕地质量和农业综合生产能力，加强农田水利设施建设。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.nagencies, 1);
    int nt;
    sj_task *t = sj_doc_tasks(&d, &nt);
    assert_int_equal(nt, 2);
    assert_int_equal(t[0].agency, 0);
    assert_int_equal(t[0].deadline, 0);
    assert_int_equal(t[0].span.end, d.agencies[0].span.end);
    assert_int_equal(t[0].para, d.agencies[0].para);
    assert_true(sj_task_section(&d, &t[0]) >= 0);
    assert_int_equal(t[1].agency, -1);
    assert_int_equal(t[1].deadline, -1);
    assert_int_equal(t[1].span.start, t[0].span.end);
    assert_int_equal(t[1].span.end, d.paras[t[1].para].span.end);
    free(t);
    sj_doc_free(&d);
}

/* the level by rules/places.tsv: 寿光市 is county-level though its name
 * ends in 市; an allocation table gives per-area targets */
static void places_and_allocations(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("寿光市新一轮三年行动方案\n一、目标\n到2023年，全市秸秆综合利用率达到95%。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.level, SJ_LEVEL_COUNTY);
    sj_doc_free(&d);
    assert_int_equal(load_str("云州市方案\n一、目标\n表2 各县（市、区）目标\n"
                              "县（市、区）\tPM2.5年均浓度（微克/立方米）\tNOx重点工程减排量（吨）\n"
                              "白石县\t33\t2200\n全市\t34\t12000\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ntargets, 2);
    assert_string_equal(d.targets[0].area, "白石县");
    assert_string_equal(sj_target_indicator_id(&d.targets[0]), "pm25");
    assert_string_equal(sj_target_unit(&d.targets[0]), "微克/立方米");
    assert_true(d.targets[1].value == 2200);
    assert_string_equal(sj_target_direction(&d.targets[1]), "up");
    sj_doc_free(&d);
    /* a header's bracket that lists qualifiers with the unit gives the unit */
    assert_int_equal(load_str("云州市方案\n一、目标\n表2 各县（市、区）目标\n"
                              "县（市、区）\t营运柴油货车淘汰（辆，累计）\t“无废细胞”建设数量（2027年累计，个）\n"
                              "白石县\t1600\t50\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ntargets, 2);
    assert_string_equal(sj_target_unit(&d.targets[0]), "辆");
    assert_string_equal(sj_target_unit(&d.targets[1]), "个");
    sj_doc_free(&d);
    /* base years written in a value cell or in the indicator cell */
    assert_int_equal(load_str("云州市方案\n一、目标\n指标\t单位\t2025年目标\n"
                              "单位地区生产总值能耗降低率\t%\t比2022年下降14\n"
                              "单位地区生产总值二氧化碳排放比2020年下降\t%\t18\n"
                              "入海河流国控断面总氮浓度下降（比2023年）\t%\t5\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ntargets, 3);
    assert_int_equal(d.targets[0].base_year, 2022);
    assert_string_equal(d.targets[0].change, "decrease");
    assert_int_equal(d.targets[1].base_year, 2020);
    /* the indicator cell's 比2020年下降 is the change, not part of the name
     * (a sentence's name for it has none) */
    assert_string_equal(d.targets[1].indicator, "单位地区生产总值二氧化碳排放");
    assert_string_equal(d.targets[1].change, "decrease");
    assert_int_equal(d.targets[2].base_year, 2023); /* (比2023年) after the name */
    sj_doc_free(&d);
    /* a name with a bracketed qualifier is not cut after the bracket */
    assert_int_equal(load_str("一、化工\n到2023年，化工园区（含化工重点监控点）内化工生产企业营业收入占全行业比重达到75%。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ntargets, 1);
    assert_string_equal(d.targets[0].indicator, "化工园区(含化工重点监控点)内化工生产企业营业收入占全行业比重");
    sj_doc_free(&d);
}

/* Issue 12, item 4: an office's place-free role, the name a parent's
 * 市X局 and a county's counterpart share (rules/agencies.rules, places.tsv) */
static void agency_roles(void **s)
{
    (void)s;
    static const char *const cases[][2] = {
        {"市生态环境局", "生态环境局"},
        {"县生态环境分局", "生态环境局"},
        {"寿光市生态环境局", "生态环境局"},
        {"潍坊市生态环境局寿光分局", "生态环境局"},
        {"寿光市公安局", "公安局"},          /* the place by places.tsv */
        {"市公安局", "公安局"},              /* the level word */
        {"潍坊市公安局寿光分局", "公安局"},  /* 局…分局 */
        {"区公安分局", "公安局"},            /* 分局 / 局 */
        {"市发展改革委", "发展和改革委员会"},
        {"县发改局", "发展和改革委员会"},
        {"区发展和改革局", "发展和改革委员会"},
        {"省农业农村厅", "农业农村局"},      /* 厅 / 局 */
        {"县政府", "人民政府"},
        {"山东省潍坊市寿光市人民政府", "人民政府"},
        {"各县市区政府", ""},               /* the areas below: any office */
        {"市场监管局", "市场监督管理局"},    /* 市 of 市场 is not the level */
        {"国网寿光市供电公司", "国网寿光市供电公司"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *r = sj_agency_role(&RS, &M, cases[i][0], strlen(cases[i][0]));
        if (strcmp(r, cases[i][1]))
            fail_msg("%s: role %s, want %s", cases[i][0], r, cases[i][1]);
        free(r);
    }
    /* extraction gives each name its role as its canonical name */
    sj_doc d;
    assert_int_equal(load_str("一、工业\n推进工业污染治理。（寿光市公安局牵头，县生态环境分局配合）\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.nagencies, 1);
    assert_string_equal(d.agencies[0].who->lead.canon[0], "公安局");
    assert_string_equal(d.agencies[0].who->coop.canon[0], "生态环境局");
    sj_doc_free(&d);
}

/* Issue 16: an allocation file whose second line is wrong is refused
 * after its first line's target was finished (its strings in the doc's
 * arena, which dropping it must not free one by one: ASan checks) */
static void allocation_error_after_a_row(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("云州市方案\n一、目标\n到2025年，全市森林覆盖率达到56%。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    int n = d.ntargets;
    const char csv[] = "白石县,森林覆盖率,56,%,2025\n白石县,森林覆盖率\n";
    sj_err e;
    assert_int_not_equal(sj_extract_allocations(&d, "a.csv", csv, sizeof csv - 1, &RS, &M, &e), 0);
    assert_int_equal(d.ntargets, n);
    sj_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(prose),
                                   cmocka_unit_test(dated_items_run_together),
                                   cmocka_unit_test(scope_is_not_target),
                                   cmocka_unit_test(continued_and_elliptical),
                                   cmocka_unit_test(shares_lists_deferrals),
                                   cmocka_unit_test(past_dates_and_table_columns),
                                   cmocka_unit_test(coordinated_items),
                                   cmocka_unit_test(relative_dates),
                                   cmocka_unit_test(task_list_table),
                                   cmocka_unit_test(tasks),
                                   cmocka_unit_test(places_and_allocations),
                                   cmocka_unit_test(lists_with_words_and_each),
                                   cmocka_unit_test(row_years),
                                   cmocka_unit_test(agency_roles),
                                   cmocka_unit_test(year_lists),
                                   cmocka_unit_test(numeral_place_names),
                                   cmocka_unit_test(bare_years_and_goal_years),
                                   cmocka_unit_test(allocation_error_after_a_row),
                                   cmocka_unit_test(built_lengths_subjects_and_sound_levels),
                                   cmocka_unit_test(sewage_units_and_lists),
                                   cmocka_unit_test(land_counts_and_ranges),
                                   cmocka_unit_test(work_counts_and_year_lists),
                                   cmocka_unit_test(label_lines_and_short_names),
                                   cmocka_unit_test(cumulative_amounts_and_topics),
                                   cmocka_unit_test(later_year_and_place),
                                   cmocka_unit_test(topics_counts_and_starts),
                                   cmocka_unit_test(names_across_rules_and_lists)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
