#include "test_util.h"
#include "normalize.h"
#include "normalize_int.h"

#include <opencc.h>

static void norm(const char *s, sj_norm *n) { sj_normalize(s, strlen(s), &RS, &M, n); }

/* two maps hold the same segments */
static void same_segs(const sj_norm *a, const sj_norm *b)
{
    assert_int_equal(a->nsegs, b->nsegs);
    for (size_t i = 0; i < a->nsegs; i++) {
        sj_seg x = sj_norm_seg(a, i), y = sj_norm_seg(b, i);
        assert_int_equal(x.norm, y.norm);
        assert_int_equal(x.chars, y.chars);
        assert_int_equal(x.identity, y.identity);
    }
}

/* the character at normalized offset off comes from line:col */
static void at(const sj_norm *n, const char *needle, int line, int col)
{
    const char *p = strstr(n->text, needle);
    assert_non_null(p);
    sj_pos pos = sj_norm_pos(n, (size_t)(p - n->text));
    assert_int_equal(pos.line, line);
    assert_int_equal(pos.column, col);
}

static void nfkc_and_map(void **s)
{
    (void)s;
    sj_norm n;
    norm("降低５％（市发改委牵头）\n", &n);
    assert_string_equal(n.text, "降低5%(市发改委牵头)\n");
    at(&n, "%", 1, 4);
    at(&n, "市", 1, 6);
    sj_norm_free(&n);
}

static void spaces_dashes_markdown(void **s)
{
    (void)s;
    sj_norm n;
    norm("## 到 2020 年，**目标** (2021—2023年)\n", &n);
    assert_string_equal(n.text, "到2020年,目标(2021-2023年)\n");
    at(&n, "2020", 1, 6);
    at(&n, "目标", 1, 15);
    at(&n, "2023", 1, 26);
    sj_norm_free(&n);
}

/* each kind of cleaning on a line that needs only that one (cleaning
 * skips the passes a line has nothing for) */
static void one_kind_per_line(void **s)
{
    (void)s;
    sj_norm n;
    norm("**目标**达到。\n2021—2023年。\n##\n目标 达到。\n\t\n降低５％。\n**\n", &n);
    /* the emptied lines are blank lines; a run of them is one */
    assert_string_equal(n.text, "目标达到。\n2021-2023年。\n\n目标达到。\n\n降低5%。\n");
    at(&n, "2023", 2, 6);
    at(&n, "目标达到。\n\n降", 4, 1);
    at(&n, "降", 6, 1);
    sj_norm_free(&n);
}

static void tables(void **s)
{
    (void)s;
    sj_norm n;
    norm("| 指标 | 值 |\n|---|---|\n|   | 6% |\n\t化肥\t\t3\n", &n);
    assert_string_equal(n.text, "指标\t值\n\n6%\n化肥\t3\n");
    at(&n, "6%", 3, 7);
    at(&n, "化肥", 4, 2);
    sj_norm_free(&n);
    /* cells with bars between them, none at the start (指标 | 单位 | 2025年);
     * one bar, bars without blanks around them, and a row that ends with
     * a bar (a portal's fields) are text */
    norm("指标 | 单位 | 2025年\n治理率 ｜ % ｜ 39\n甲 | 乙\n丙|丁|戊\n发文单位 | 某局 | 文号 | 某号 |\n", &n);
    assert_string_equal(n.text, "指标\t单位\t2025年\n治理率\t%\t39\n甲|乙\n丙|丁|戊\n发文单位|某局|文号|某号|\n");
    at(&n, "39", 2, 11);
    sj_norm_free(&n);
}

static void page_break_join(void **s)
{
    (void)s;
    sj_norm n;
    norm("推进“四减四增”，实现污染物排放持续下降和总量大幅减少，实现污染物\n\n— 3 —\n\n排放总量大幅减少。\n二、下一节\n", &n);
    assert_non_null(strstr(n.text, "实现污染物排放总量大幅减少。\n"));
    at(&n, "排放总量大幅减少。", 5, 1);
    assert_non_null(strstr(n.text, "\n二、下一节"));
    sj_norm_free(&n);
    /* a tail starting with a decimal (1.6亿) is not a "1." heading */
    norm("到2025年，全县天然气年供应量达到一个新的水平并且达到\n\n— 5 —\n\n1.6亿立方米。\n", &n);
    assert_non_null(strstr(n.text, "达到1.6亿立方米。"));
    sj_norm_free(&n);
}

/* the page-break join asks the [heading] rules: a heading shape that only
 * an added rule knows (第一章) is not joined to the broken line before it */
static void heading_from_rules(void **s)
{
    (void)s;
    const char *text = "推进“四减四增”，实现污染物排放持续下降和总量大幅减少，实现污染物\n\n"
                       "第一章 总体要求和主要目标以及保障措施\n";
    sj_norm n;
    norm(text, &n);
    assert_non_null(strstr(n.text, "实现污染物第一章"));
    sj_norm_free(&n);
    sj_ruleset rs = {0};
    sj_err err;
    const char *extra = "[heading chapter]\npattern = ^(?<number>第[一二三四五六七八九十]{1,3}章)\nlevel = 1\n";
    assert_int_equal(sj_rules_load_text("extra.rules", extra, strlen(extra), &rs, &err), 0);
    sj_normalize(text, strlen(text), &rs, &M, &n);
    assert_null(strstr(n.text, "实现污染物第一章"));
    assert_non_null(strstr(n.text, "实现污染物\n\n第一章"));
    sj_norm_free(&n);
    sj_rules_free(&rs);
}

/* page numbers and range dashes are what the rules say */
static void page_and_range_from_rules(void **s)
{
    (void)s;
    const char *text = "到2021年—2023年完成\n— 3 —\n第12页\n2021—2023\n";
    sj_norm n;
    norm(text, &n);
    assert_string_equal(n.text, "到2021年-2023年完成\n\n\n2021-2023\n");
    sj_norm_free(&n);
    sj_ruleset rs = {0};
    sj_err err;
    const char *other = "[range_dash m]\npattern = 月\n";
    assert_int_equal(sj_rules_load_text("other.rules", other, strlen(other), &rs, &err), 0);
    sj_normalize(text, strlen(text), &rs, &M, &n);
    assert_string_equal(n.text, "到2021年—2023年完成\n—3—\n第12页\n2021-2023\n");
    sj_norm_free(&n);
    sj_rules_free(&rs);
    const char *bad = "[range_dash m]\npattern = 年月\n";
    assert_int_equal(sj_rules_load_text("bad.rules", bad, strlen(bad), &rs, &err), -1);
    assert_non_null(strstr(err.msg, "bad.rules:2:"));
    sj_rules_free(&rs);
}

/* blank lines after a title end it; after an unfinished sentence they are
 * layout (text copied from a web page) */
static void title_then_text(void **s)
{
    (void)s;
    sj_norm n;
    norm("某某县第104号大气污染防治行动方案\n\n为改善空气质量,根据《某某县第1号大气污染防治行动方案》要求,制定本方案。\n", &n);
    assert_non_null(strstr(n.text, "行动方案\n\n为改善"));
    sj_norm_free(&n);
    norm("2. 着力控制柴油货车污染。加速淘汰高排放、老旧柴油货\n\n车,依据《中华人民共和国大气污染防治法》等规定,自2018年起实施。\n", &n);
    assert_non_null(strstr(n.text, "老旧柴油货车,依据"));
    sj_norm_free(&n);
    /* a long line without stops is no title either */
    norm("推进清洁取暖改造并同步实施建筑节能改造和农村地区电代煤气代煤工程建设以及集中供热管网延伸\n\n工作,确保群众温暖过冬。\n", &n);
    assert_non_null(strstr(n.text, "管网延伸工作,确保"));
    sj_norm_free(&n);
}

/* the plan's title repeated at the top of a page goes with the page
 * number, and the broken sentence is joined across both */
static void running_header(void **s)
{
    (void)s;
    sj_norm n;
    norm("沂水县三年行动方案\n一、目标\n推进农村清洁取暖改造，完成改造任务的责任单位为（县住房和城乡建设局、\n\n- 4 -\n\n沂水县三年行动方案\n县农业农村局按职责分工负责）。\n", &n);
    assert_non_null(strstr(n.text, "(县住房和城乡建设局、县农业农村局按职责分工负责)"));
    assert_non_null(strstr(n.text, "沂水县三年行动方案\n一、目标"));
    sj_norm_free(&n);
}

/* circled item numbers are not glued to the text after them */
static void circled_numbers(void **s)
{
    (void)s;
    sj_norm n;
    norm("①淘汰锅炉126台；⑫完成改造\n", &n);
    assert_string_equal(n.text, "(1)淘汰锅炉126台;(12)完成改造\n");
    at(&n, "淘汰", 1, 2);
    at(&n, "(12)", 1, 11);
    sj_norm_free(&n);
}

/* years and months in Chinese digits ([noise digit-year], digits = yes)
 * become Arabic ones, each mapped to its character; a number that is no
 * year (一二三四年 is no year: 一二 opens none) stays */
static void chinese_digit_years(void **s)
{
    (void)s;
    sj_norm n;
    norm("二〇二五年三月底前完成，二零二四年十二月底前建成，一二三四年。\n", &n);
    assert_string_equal(n.text, "2025年3月底前完成,2024年12月底前建成,一二三四年。\n");
    at(&n, "2025", 1, 1);
    at(&n, "年3", 1, 5);
    at(&n, "2024", 1, 13);
    at(&n, "12月", 1, 18);
    sj_norm_free(&n);
}

/* numbers in words before a unit, shares in words and decimals where a
 * value ends ([noise words-*], number = yes) become Arabic numbers, mapped
 * to the words; a lone 一 before its measure word, an ordinal, digits in
 * a run without a place and a magnitude (千万千瓦级) stay words */
static void chinese_word_numbers(void **s)
{
    (void)s;
    sj_norm n;
    norm("镉不高于零点八毫克/千克，达到百分之九十八，系数零点七二五，建成一百二十公里。\n", &n);
    assert_string_equal(n.text, "镉不高于0.8毫克/千克,达到98%,系数0.725,建成120公里。\n");
    at(&n, "0.8毫克", 1, 5);
    at(&n, "98%", 1, 16);
    at(&n, "120公里", 1, 33);
    /* the number's last character stands for its last word: a quote of
     * 98% is 百分之九十八 */
    const char *src = "镉不高于零点八毫克/千克，达到百分之九十八，";
    const char *p98 = strstr(n.text, "98%");
    assert_int_equal(sj_norm_src(&n, (size_t)(p98 - n.text) + 2),
                     (size_t)(strstr(src, "九十八") - src) + 6);
    sj_norm_free(&n);
    norm("建立一个机制，第三次调查，不再一一列出，三五个，千万千瓦级基地，新增一万亩。\n", &n);
    assert_string_equal(n.text,
                        "建立一个机制,第三次调查,不再一一列出,三五个,千万千瓦级基地,新增1万亩。\n");
    sj_norm_free(&n);
    /* a lone 一 whose measure word ends the clause after the thing counted
     * counts; not in 统一处理 or the saying 发现一处、清理一处 */
    norm("建成垃圾处理点一处，统一处理，发现一处、清理一处。\n", &n);
    assert_string_equal(n.text, "建成垃圾处理点1处,统一处理,发现一处、清理一处。\n");
    sj_norm_free(&n);
    /* a web page's markup pasted into a text copy */
    norm("方案（2024&mdash;2027年）\n<p>&nbsp;&nbsp;落实&ldquo;十四五&rdquo;任务。</p>\n", &n);
    assert_string_equal(n.text, "方案(2024—2027年)\n落实“十四五”任务。\n");
    sj_norm_free(&n);
}

/* an OCR copy: digits spaced apart after a Chinese character and before
 * a unit or % ([noise ocr-spaced-digits], squeeze = yes: each digit keeps
 * its column), 〇 read inside a number, a thousands comma; a table's
 * cells (85 90, after a space) and a list of years stay as they are */
static void ocr_numbers(void **s)
{
    (void)s;
    sj_norm n;
    norm("达到8 5 %，不高于2 0 0mg/L，到2〇27年，减排1，400吨，指标 85 90，2024，2025年。\n", &n);
    assert_string_equal(n.text, "达到85%,不高于200mg/L,到2027年,减排1400吨,指标85 90,2024,2025年。\n");
    at(&n, "5%", 1, 5);
    at(&n, "200mg", 1, 12);
    at(&n, "400吨", 1, 33);
    sj_norm_free(&n);
}

/* sj_utf8_count counts eight bytes at a time: every length and alignment
 * of a mixed string must give the byte-by-byte count */
static void utf8_count(void **s)
{
    (void)s;
    const char *t = "a到2025年,PM2.5≤42µg/m³;𠀀é\xC3x";
    size_t len = strlen(t);
    for (size_t a = 0; a < len; a++)
        for (size_t n = 0; a + n <= len; n++) {
            size_t want = 0;
            for (size_t i = a; i < a + n; i++)
                want += ((unsigned char)t[i] & 0xC0) != 0x80;
            assert_int_equal(sj_utf8_count(t + a, n), want);
        }
}

/* traditional script is converted; the map points at the original
 * characters (a quote of a span gives the traditional text back) */
static void traditional_to_simplified(void **s)
{
    (void)s;
    /* below the [script traditional] threshold: untouched */
    sj_norm n;
    norm("单位产值能耗下降達到5%\n", &n);
    assert_string_equal(n.text, "单位产值能耗下降達到5%\n");
    assert_int_equal(n.nsegs, 1);
    sj_norm_free(&n);
    const char *text = "為實現節能減排目標,\n國內單位產值能耗下降3.5%,減排量達到2665噸。\n";
    norm(text, &n);
    assert_string_equal(n.text, "为实现节能减排目标,\n国内单位产值能耗下降3.5%,减排量达到2665吨。\n");
    at(&n, "吨", 2, 25);
    at(&n, "国内", 2, 1);
    at(&n, "3.5", 2, 11);
    /* a converted span quotes the original bytes */
    const char *p = strstr(n.text, "减排量");
    size_t a = sj_norm_src(&n, (size_t)(p - n.text));
    size_t b = sj_norm_src(&n, (size_t)(p - n.text) + strlen("减排量"));
    assert_int_equal(b - a, strlen("減排量"));
    assert_memory_equal(n.src + a, "減排量", b - a);
    sj_norm_free(&n);
    /* Taiwan vocabulary: tw2sp, and 空氣品質 reads 空气质量 */
    norm("提升空氣品質與資訊品質,網路計畫達到目標。\n", &n);
    assert_non_null(strstr(n.text, "空气质量"));
    assert_non_null(strstr(n.text, "信息"));
    at(&n, "质量", 1, 5);
    sj_norm_free(&n);
}

/* The OpenCC converter is opened once per matcher (per thread) and kept
 * for the next document; the runs of a line, converted in one call, come
 * out as each run converted alone. */
static void script_kept_and_batched(void **s)
{
    (void)s;
    sj_matcher m;
    sj_matcher_init(&m);
    const char *text = "為實現節能減排目標,國內單位產值能耗下降3.5%,減排量達到2665噸;"
                       "發展規劃(2021-2025年)於區域協調發展中實現。\n";
    sj_norm n;
    sj_normalize(text, strlen(text), &RS, &m, &n);
    assert_non_null(m.norm);
    sj_norm_state *st = m.norm;
    assert_int_equal(st->ncc, 1);
    assert_string_equal(st->cc[0].config, "t2s.json");
    sj_script *first = st->cc[0].s;
    assert_non_null(first);
    /* each run of ideographs alone */
    opencc_t cc = opencc_open("t2s.json");
    assert_true(cc != (opencc_t)-1);
    sj_buf want = {0};
    for (const char *p = text; *p;) {
        int32_t cp;
        int k = sj_utf8_decode(p, strlen(p), &cp);
        int han = cp >= 0x3400 && cp <= 0x9FFF;
        const char *e = p;
        while (*e) {
            int32_t c2;
            int k2 = sj_utf8_decode(e, strlen(e), &c2);
            if ((c2 >= 0x3400 && c2 <= 0x9FFF) != han)
                break;
            e += k2;
        }
        if (han) {
            char *c = opencc_convert_utf8(cc, p, (size_t)(e - p));
            sj_buf_adds(&want, c);
            opencc_convert_utf8_free(c);
        } else {
            sj_buf_add(&want, p, (size_t)(e - p));
        }
        p = e;
        (void)k;
    }
    opencc_close(cc);
    assert_string_equal(n.text, want.data);
    sj_buf_free(&want);
    /* the next document: the same converter, its runs from the memo */
    size_t memo = sj_script_memo_size(first);
    assert_int_equal(memo, 7); /* 為實現節能減排目標, 國內單位產值能耗下降, ... */
    sj_norm n2;
    sj_normalize(text, strlen(text), &RS, &m, &n2);
    assert_int_equal(st->ncc, 1);
    assert_ptr_equal(st->cc[0].s, first);
    assert_int_equal(sj_script_memo_size(first), memo);
    assert_string_equal(n2.text, n.text);
    assert_int_equal(n2.nsegs, n.nsegs);
    same_segs(&n2, &n);
    sj_norm_free(&n2);
    sj_norm_free(&n);
    /* a line of more runs than the memo takes: converted all the same */
    sj_buf big = {0}, bigwant = {0};
    sj_buf_adds(&big, "為實現節能減排目標\n");
    sj_buf_adds(&bigwant, "为实现节能减排目标\n");
    for (int i = 0; i < 9000; i++) {
        sj_buf_adds(&big, i % 2 ? "國," : "減排,");
        sj_buf_adds(&bigwant, i % 2 ? "国," : "减排,");
    }
    sj_buf_adds(&big, "\n");
    sj_buf_adds(&bigwant, "\n");
    sj_normalize(big.data, big.len, &RS, &m, &n);
    assert_string_equal(n.text, bigwant.data);
    sj_norm_free(&n);
    sj_buf_free(&big);
    sj_buf_free(&bigwant);
    sj_matcher_free(&m);
    assert_null(m.norm);
}

/* Normalizing a text its caller gives up (the pages behind the line being
 * read are given back) gives the same text and map as normalizing a kept
 * copy, on a text long enough to be given back many times over; the
 * pages it gave back are gone (read as zeros). */
static void consuming_same(void **s)
{
    (void)s;
    sj_buf t = {0};
    for (int i = 0; t.len < ((size_t)5 << 20); i++) {
        sj_buf_addf(&t, "（%d）到２０２５年，全市ＰＭ２.５浓度控制在%d微克/立方米以下（市生态环境局牵头）。\n", i, i % 50);
        if (i % 40 == 0)
            sj_buf_adds(&t, "\n- 3 -\n\n");
        if (i % 7 == 0)
            sj_buf_adds(&t, "   一行被分页打断的很长的句子，它没有以句号结尾而是在这里断开并且继续\n\n到下一页。\n");
        if (i == 5000) /* lines that normalize leaves as they are: one segment */
            for (int k = 0; k < 30000; k++)
                sj_buf_adds(&t, "全市空气质量持续改善并且保持稳定。\n");
    }
    sj_matcher m;
    sj_matcher_init(&m);
    sj_norm a, b;
    sj_normalize(t.data, t.len, &RS, &m, &a);
    char *own = xmalloc(t.len);
    memcpy(own, t.data, t.len);
    sj_normalize_consuming(own, t.len, &RS, &m, &b);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.text, b.text, a.len);
    assert_int_equal(a.nsegs, b.nsegs);
    same_segs(&a, &b);
    assert_int_equal(a.nlines, b.nlines);
    assert_memory_equal(a.line_chars, b.line_chars, a.nlines * sizeof *a.line_chars);
    assert_int_equal(a.src_chars, b.src_chars);
    size_t zeros = 0;
    for (size_t i = 0; i < t.len; i++)
        zeros += own[i] == 0;
    assert_true(zeros > t.len / 2); /* given back */
    free(own);
    sj_norm_free(&a);
    sj_norm_free(&b);
    sj_buf_free(&t);
    sj_matcher_free(&m);
}

/* NFKC from the per-thread table of utf8proc's answers (with a matcher)
 * is NFKC asked of utf8proc each time (without one): text and map */
static void nfkc_table_same(void **s)
{
    (void)s;
    const char *text = "降低５％（市发改委）：ＡＢｃ１２３，「引号」、。\n"
                       "e\xcc\x81te cafe\xcc\x81\xcc\xa7 \xef\xac\x81 \xe3\x8e\xa1 \xe2\x91\xa0 \xe2\x85\xa2\n"
                       "\xef\xa4\x80\xea\xb0\x80\xe1\x84\x80\xe1\x85\xa1 \xef\xbd\xb1\xef\xbe\x9e \xe3\x80\x80全角\xe3\x80\x80空格\n";
    sj_matcher m;
    sj_matcher_init(&m);
    sj_norm a, b;
    sj_normalize(text, strlen(text), NULL, NULL, &a);
    sj_normalize(text, strlen(text), NULL, &m, &b);
    assert_non_null(m.norm);
    assert_non_null(((sj_norm_state *)m.norm)->nfkc);
    assert_string_equal(a.text, b.text);
    assert_int_equal(a.nsegs, b.nsegs);
    same_segs(&a, &b);
    assert_non_null(strstr(b.text, "降低5%(市发改委):ABc123,"));
    sj_norm_free(&a);
    sj_norm_free(&b);
    sj_matcher_free(&m);
}

/* More distinct runs than the memo holds: it starts again, and every run
 * still converts as it does alone */
static void script_memo_full(void **s)
{
    (void)s;
    sj_matcher m;
    sj_matcher_init(&m);
    opencc_t cc = opencc_open("t2s.json");
    assert_true(cc != (opencc_t)-1);
    sj_buf text = {0}, want = {0};
    sj_buf_adds(&text, "為實現節能減排目標,國內單位產值能耗下降。\n");
    sj_buf_adds(&want, "为实现节能减排目标,国内单位产值能耗下降。\n");
    /* 20 lines of 1000 runs: 國 and another ideograph, each pair once */
    int32_t cp = 0x4E00;
    for (int line = 0; line < 20; line++) {
        for (int k = 0; k < 1000; k++, cp++) {
            char run[8] = "\xe5\x9c\x8b";
            size_t n = 3 + sj_utf8_encode(cp, run + 3);
            sj_buf_add(&text, run, n);
            sj_buf_addc(&text, ',');
            char *c = opencc_convert_utf8(cc, run, n);
            sj_buf_adds(&want, c);
            sj_buf_addc(&want, ',');
            opencc_convert_utf8_free(c);
        }
        sj_buf_adds(&text, "。\n"); /* a whole sentence: not joined */
        sj_buf_adds(&want, "。\n");
    }
    opencc_close(cc);
    sj_norm n;
    sj_normalize(text.data, text.len, &RS, &m, &n);
    sj_norm_state *st = m.norm;
    assert_int_equal(st->ncc, 1);
    /* started again: fewer runs remembered than converted */
    assert_true(sj_script_memo_size(st->cc[0].s) < 20000);
    assert_true(sj_script_memo_size(st->cc[0].s) > 0);
    assert_string_equal(n.text, want.data);
    sj_norm_free(&n);
    sj_buf_free(&text);
    sj_buf_free(&want);
    sj_matcher_free(&m);
}

/* web-copy noise: each a rule, each keeping the map */
static void web_copy_noise(void **s)
{
    (void)s;
    sj_norm n;
    /* pinyin after characters */
    norm("落实行动(dòng)方案(试行)\n", &n);
    assert_string_equal(n.text, "落实行动方案(试行)\n");
    at(&n, "方案", 1, 11);
    sj_norm_free(&n);
    /* spaces inside words and a page number inside a sentence */
    norm("排放量比2015年下 降 —2— 70%\n", &n);
    assert_string_equal(n.text, "排放量比2015年下降70%\n");
    at(&n, "70%", 1, 18);
    sj_norm_free(&n);
    /* ... and with the running title after it */
    norm("排放量比2015年下降 —2— 某某市减排方案(2021—2023年) 70%\n", &n);
    assert_string_equal(n.text, "排放量比2015年下降70%\n");
    at(&n, "70%", 1, 37);
    sj_norm_free(&n);
    /* rates run together */
    norm("分别下降19.2%17.6%17%\n", &n);
    assert_string_equal(n.text, "分别下降19.2%、17.6%、17%\n");
    at(&n, "、17.6", 1, 10);
    at(&n, "17%", 1, 15);
    sj_norm_free(&n);
    /* site furniture lines go, prose that names them stays */
    norm("- 信息来源:市政府\n发布时间:2019-01-18 16:13   来源:\n[打印] 字号:[大] [中] [小]\n关闭\n"
         "2018-11-15 来源:某某报\n某某县行动方案\n来源:省厅的数据表明排放下降。\n", &n);
    assert_string_equal(n.text, "\n\n\n\n\n某某县行动方案\n来源:省厅的数据表明排放下降。\n");
    at(&n, "某某县", 6, 1);
    sj_norm_free(&n);
}

/* a table copied one cell per line becomes tab-separated rows; the map
 * still points at each cell's own line */
static void cell_per_line_table(void **s)
{
    (void)s;
    sj_norm n;
    norm("下达目标如下:\n序号\n\n县(市)\n\n目标(%)\n\n1\n\n甲县\n\n3.4\n\n2\n\n乙县\n\n3.5\n\n"
         "3\n\n丙县\n\n3.6\n\n各县要完成目标。\n", &n);
    assert_non_null(strstr(n.text, "\n序号\t县(市)\t目标(%)\n\n1\t甲县\t3.4\n\n2\t乙县\t3.5\n\n3\t丙县\t3.6\n"));
    at(&n, "3.5", 18, 1);
    at(&n, "丙县", 22, 1);
    sj_norm_free(&n);
    /* rows 1 to 12 (numbers of two digits, compared digit by digit) */
    sj_buf b = {0};
    sj_buf_adds(&b, "目标:\n序号\n县\n");
    for (int r = 1; r <= 12; r++)
        sj_buf_addf(&b, "%d\n县%d\n", r, r);
    sj_buf_adds(&b, "各县要完成。\n");
    norm(b.data, &n);
    assert_non_null(strstr(n.text, "\n9\t县9\n10\t县10\n11\t县11\n12\t县12\n"));
    sj_norm_free(&n);
    sj_buf_free(&b);
    /* two numbered lines are no table: the page numbers still go */
    norm("排放下降。\n1\n甲县\n2\n乙县\n", &n);
    assert_string_equal(n.text, "排放下降。\n\n甲县\n\n乙县\n");
    sj_norm_free(&n);
}

/* Issue 16: the fast paths keep the map exact. Segments start at
 * characters, in order; every identity segment's characters stand one for
 * one for the decoded characters from its count on: each is its decoded
 * character's own bytes or one byte (a replacement, or a newline or tab
 * written after a run), and it is at most SJ_SEG_SPAN bytes and a
 * character long; every other segment's count is a place in the decoded
 * text. Checked against the decoded characters counted here, on a line
 * mixing runs broken by dropped spaces, full-width forms, a converted
 * dash, a dropped bold mark and noise (whose text is what
 * character-by-character output gave), and on plans of the corpus. */
static void check_map(const sj_norm *n)
{
    /* the byte where each decoded character starts */
    size_t *at = xmalloc((n->src_len + 1) * sizeof *at), nch = 0;
    for (size_t i = 0; i < n->src_len; i++)
        if (((unsigned char)n->src[i] & 0xC0) != 0x80)
            at[nch++] = i;
    at[nch] = n->src_len;
    assert_int_equal(nch, n->src_chars);
    for (size_t i = 0; i < n->nsegs; i++) {
        sj_seg g = sj_norm_seg(n, i);
        size_t end = i + 1 < n->nsegs ? sj_norm_seg(n, i + 1).norm : n->len;
        assert_true(g.norm < end);
        assert_true(g.chars <= n->src_chars);
        assert_true(((unsigned char)n->text[g.norm] & 0xC0) != 0x80);
        if (!g.identity)
            continue;
        assert_true(end - g.norm <= SJ_SEG_SPAN + 3);
        size_t c = g.chars;
        for (size_t p = g.norm; p < end && c < nch; c++) {
            size_t len = 1;
            while (p + len < n->len && ((unsigned char)n->text[p + len] & 0xC0) == 0x80)
                len++;
            if (len > 1 && (at[c + 1] - at[c] != len || memcmp(n->text + p, n->src + at[c], len)))
                fail_msg("identity segment %zu (at %u, %u characters): the character at "
                         "%zu is not decoded character %zu", i, (unsigned)g.norm,
                         (unsigned)g.chars, p, c);
            p += len;
        }
    }
    free(at);
}

static void map_exact(void **s)
{
    (void)s;
    sj_norm n;
    const char *t = "到 2020 年，**目标**达到 ５０％ (2021—2023年) 行動(dòng)计划 19.2%17.6%\n"
                    "  第二行　内容 abc  def\t表格\n";
    norm(t, &n);
    assert_string_equal(n.text, "到2020年,目标达到50% (2021-2023年)行動计划19.2%、17.6%\n"
                                "第二行内容abc def\t表格\n");
    check_map(&n);
    at(&n, "行動", 1, 36);
    at(&n, "计划", 1, 44);
    at(&n, "abc", 2, 10);
    at(&n, "def", 2, 15);
    sj_norm_free(&n);
    static const char *files[] = {"sishui-2024-2025-county-air.txt",
                                  "gaomi-2022-2024-county-mixed.txt",
                                  "luzhou-2021-2025-province-md.txt",
                                  "yishui-2021-2023-county-ocr.txt",
                                  "pingyin-2018-2020-county-enum.txt"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        sj_buf path = {0};
        sj_buf_addf(&path, "%s/corpus/extract/%s", SJ_SOURCE_DIR, files[i]);
        unsigned char *bytes;
        size_t len;
        sj_err e;
        assert_int_equal(sj_read_file(path.data, 1 << 26, &bytes, &len, &e), 0);
        sj_normalize((const char *)bytes, len, &RS, &M, &n);
        check_map(&n);
        sj_norm_free(&n);
        free(bytes);
        sj_buf_free(&path);
    }
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(nfkc_and_map), cmocka_unit_test(spaces_dashes_markdown),
        cmocka_unit_test(one_kind_per_line),
        cmocka_unit_test(tables), cmocka_unit_test(page_break_join),
        cmocka_unit_test(heading_from_rules),
        cmocka_unit_test(page_and_range_from_rules),
        cmocka_unit_test(running_header), cmocka_unit_test(circled_numbers), cmocka_unit_test(utf8_count),
        cmocka_unit_test(chinese_digit_years), cmocka_unit_test(chinese_word_numbers), cmocka_unit_test(ocr_numbers),
        cmocka_unit_test(title_then_text), cmocka_unit_test(traditional_to_simplified),
        cmocka_unit_test(script_kept_and_batched),
        cmocka_unit_test(script_memo_full),
        cmocka_unit_test(nfkc_table_same),
        cmocka_unit_test(web_copy_noise), cmocka_unit_test(cell_per_line_table),
        cmocka_unit_test(map_exact), cmocka_unit_test(consuming_same)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
