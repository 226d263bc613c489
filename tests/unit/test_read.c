/* test_read.c - the container readers (src/read/): each format read from
 * its fixture in tests/fixtures/formats/ (built by tools/make-fixtures from
 * corpus/pairs/linzi-vs-zibo/child.txt) gives the plan's lines, anchors
 * and metadata; each bad input gives its one-line error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <zip.h>
#include "read.h"

#define FIX SJ_SOURCE_DIR "/tests/fixtures/formats/"
#define PLAN_TXT SJ_SOURCE_DIR "/corpus/pairs/linzi-vs-zibo/child.txt"

static sj_read_rules *RR;

static int setup(void **s)
{
    (void)s;
    sj_err e;
    if (sj_read_rules_load(SJ_SOURCE_DIR "/rules/read/read.rules", &RR, &e)) {
        fprintf(stderr, "%s\n", e.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    sj_read_rules_free(RR);
    return 0;
}

/* reads a fixture with the default limits; returns sj_read's result */
static int read_lim(const char *name, sj_read_result *r, sj_err *e, size_t max_out, int max_pages,
                    double max_seconds)
{
    char path[512];
    snprintf(path, sizeof path, FIX "%s", name);
    unsigned char *b;
    size_t n;
    sj_err fe;
    if (sj_read_file(path, 64u << 20, &b, &n, &fe))
        fail_msg("%s", fe.msg);
    sj_read_limits lim = {.max_out_bytes = max_out, .max_pages = max_pages,
                          .max_seconds = max_seconds, .rules = RR};
    memset(e, 0, sizeof *e);
    int rc = sj_read(path, b, n, &lim, r, e);
    free(b);
    return rc;
}

static void read_ok(const char *name, sj_read_result *r, sj_input_kind k)
{
    sj_err e;
    int rc = read_lim(name, r, &e, 0, 0, 0);
    if (rc)
        fail_msg("%s: %s", name, e.msg);
    assert_int_equal(r->kind, k);
    assert_non_null(r->text);
    /* one anchor per line */
    int lines = 0;
    for (size_t i = 0; i < r->len; i++)
        lines += r->text[i] == '\n';
    assert_int_equal(lines, r->nanchors);
    assert_int_equal(strlen(r->text), r->len);
}

/* index of the line equal to s, or -1 */
static int find_line(const sj_read_result *r, const char *s)
{
    size_t n = strlen(s);
    int i = 0;
    for (const char *p = r->text; p && *p; i++) {
        const char *nl = strchr(p, '\n');
        if ((size_t)(nl - p) == n && memcmp(p, s, n) == 0)
            return i;
        p = nl + 1;
    }
    return -1;
}

static void expect_line(const sj_read_result *r, const char *s, const char *anchor)
{
    int i = find_line(r, s);
    if (i < 0)
        fail_msg("line not found: %s", s);
    if (anchor && strcmp(r->anchors[i], anchor) != 0)
        fail_msg("line '%s': anchor '%s', expected '%s'", s, r->anchors[i], anchor);
}

static void expect_absent(const sj_read_result *r, const char *s)
{
    if (strstr(r->text, s))
        fail_msg("'%s' should not be in the text", s);
}

/* every line of the plan's .txt (not its markdown table) is a line of r */
static void expect_plan_lines(const sj_read_result *r, int skip_first)
{
    FILE *f = fopen(PLAN_TXT, "r");
    assert_non_null(f);
    char line[8192];
    int n = 0, missing = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '|' || (skip_first && n++ == 0))
            continue;
        if (find_line(r, line) < 0) {
            fprintf(stderr, "missing: %s\n", line);
            missing++;
        }
    }
    fclose(f);
    assert_int_equal(missing, 0);
}

static void test_docx(void **s)
{
    (void)s;
    sj_read_result r;
    read_ok("plan.docx", &r, SJ_IN_DOCX);
    expect_plan_lines(&r, 0);
    expect_line(&r, "临淄区减污降碳协同增效实施方案", "paragraph 9");
    /* rendered from numbering.xml: the text has no literal numbers */
    expect_line(&r, "一、总体要求", "paragraph 11");
    expect_line(&r, "二、构建减污降碳协同防控格局", NULL);
    expect_line(&r, "七、加强组织实施", NULL);
    assert_true(find_line(&r, "（一）强化生态环境分区管控。") < 0); /* not cut short */
    expect_line(&r, "（3）到2026年，全区非化石能源消费占比达到10%以上。", "paragraph 16");
    expect_line(&r, "1\t新能源装机容量提升\t区发展改革局\t区住房城乡建设局", "table 1, row 2");
    expect_line(&r, "序号\t重点任务\t牵头单位\t配合单位", "table 1, row 1");
    /* merged cells: text once, then empty cells */
    expect_line(&r, "合并单元格\t\t甲\t乙", "table 1, row 15");
    expect_line(&r, "\t\t丙\t丁", "table 1, row 16");
    expect_line(&r, "联系人\t张三", "paragraph 62");
    expect_line(&r, "电话", "paragraph 62");
    expect_line(&r, "① 圈码第一项", NULL);
    expect_line(&r, "② 圈码第二项", NULL);
    expect_line(&r, "① 重新开始", NULL); /* startOverride */
    expect_line(&r, "九、第九项", NULL);
    expect_line(&r, "甲、天干一", NULL);
    expect_line(&r, "乙、天干二", NULL);
    expect_line(&r, "十、第十项", NULL);
    expect_line(&r, "十一、第十一项", NULL);
    expect_line(&r, "甲、天干重来", NULL); /* a higher level restarts it */
    expect_line(&r, "⑴ 样式链接列表", NULL); /* numStyleLink -> styleLink */
    expect_line(&r, "第一条 适用范围", NULL); /* numbering from the style's base */
    expect_line(&r, "第二条 职责分工", NULL);
    expect_absent(&r, "页眉不应出现");
    expect_absent(&r, "页脚不应出现");
    expect_absent(&r, "批注不应出现");
    expect_absent(&r, "删除的旧目标");
    assert_string_equal(r.title, "临淄区减污降碳协同增效实施方案");
    sj_read_result_free(&r);
}

static void test_odt(void **s)
{
    (void)s;
    sj_read_result r;
    read_ok("plan.odt", &r, SJ_IN_ODT);
    /* numbers from the outline and list styles: the text has none */
    expect_plan_lines(&r, 0);
    expect_line(&r, "一、总体要求", "paragraph 11");
    expect_line(&r, "1\t新能源装机容量提升\t区发展改革局\t区住房城乡建设局", "table 1, row 2");
    expect_line(&r, "合并单元格\t\t甲", "table 1, row 15");
    expect_line(&r, "联系人\t张三", NULL);
    expect_line(&r, "电话   号码", NULL);
    /* list numbering: continue-numbering keeps counting, start-value sets it */
    expect_line(&r, "（一）续一", NULL);
    expect_line(&r, "中间段落", NULL);
    expect_line(&r, "（二）续二", NULL);
    expect_line(&r, "（五）从五开始", NULL);
    expect_absent(&r, "批注不应出现");
    expect_absent(&r, "删除的旧目标");
    assert_string_equal(r.title, "临淄区减污降碳协同增效实施方案");
    sj_read_result_free(&r);
}

static void test_html(void **s)
{
    (void)s;
    sj_read_result r;
    read_ok("portal.html", &r, SJ_IN_HTML);
    expect_plan_lines(&r, 0);
    /* the h1 before the article is its first line */
    assert_int_equal(find_line(&r, "淄博市临淄区人民政府办公室文件"), 0);
    expect_line(&r, "一、总体要求", "line 26"); /* its line in portal.html */
    expect_line(&r, "1\t新能源装机容量提升\t区发展改革局\t区住房城乡建设局", NULL);
    expect_line(&r, "联系人：张三", NULL);
    expect_line(&r, "电话：0533-0000000", NULL);
    expect_absent(&r, "首页");
    expect_absent(&r, "当前位置");
    expect_absent(&r, "相关链接");
    expect_absent(&r, "第1号");
    expect_absent(&r, "主办单位");
    expect_absent(&r, "脚本里的中文");
    expect_absent(&r, "索引号");
    assert_string_equal(r.docno, "临政办发〔2024〕21号");
    assert_string_equal(r.date, "2024年7月18日");
    assert_string_equal(r.issuer, "临淄区人民政府办公室");
    assert_string_equal(r.index_no, "11370305MB285200XA/2024-00012");
    assert_string_equal(r.title, "临淄区人民政府办公室关于印发临淄区减污降碳协同增效实施方案的通知");
    sj_read_result_free(&r);
}

static void test_html_charsets(void **s)
{
    (void)s;
    sj_read_limits lim = {.rules = RR};
    sj_read_result r;
    sj_err e;
    /* GBK bytes, no meta: not UTF-8, so GB18030 */
    const char gbk[] = "<html><body><div><p>\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3</p></div></body></html>";
    assert_int_equal(sj_read("a.html", (const unsigned char *)gbk, strlen(gbk), &lim, &r, &e), 0);
    assert_int_equal(r.kind, SJ_IN_HTML);
    expect_line(&r, "一、总体要求", "line 1");
    sj_read_result_free(&r);
    /* UTF-8 with a meta that lies (says gb2312): valid UTF-8 declared GB
     * would be mojibake; a BOM wins over the meta */
    const char bom[] = "\xef\xbb\xbf<html><head><meta charset=\"gb2312\"></head><body><p>二、目标</p></body></html>";
    assert_int_equal(sj_read("b.htm", (const unsigned char *)bom, strlen(bom), &lim, &r, &e), 0);
    expect_line(&r, "二、目标", NULL);
    sj_read_result_free(&r);
    /* paragraphs as <div>s: the article is their parent, not the longest */
    const char *divs = "<html><body><div class=\"nav\"><a href=\"/\">首页导航链接</a></div>"
                       "<div class=\"c\"><div>一、总体要求</div><div>（一）指导思想。坚持以新发展理念为引领，"
                       "推进减污降碳协同增效，实现环境效益和经济效益多赢。</div><div>（二）主要目标。到2025年，"
                       "协同增效取得积极成效。</div></div><div class=\"f\">主办单位：某某办公室</div></body></html>";
    assert_int_equal(sj_read("d.html", (const unsigned char *)divs, strlen(divs), &lim, &r, &e), 0);
    assert_int_equal(find_line(&r, "一、总体要求"), 0);
    expect_line(&r, "（二）主要目标。到2025年，协同增效取得积极成效。", NULL);
    assert_int_equal(r.nanchors, 3);
    expect_absent(&r, "主办单位");
    expect_absent(&r, "首页");
    sj_read_result_free(&r);
    /* a cell's paragraphs, breaks and nested tables stay in its row */
    const char *cells = "<html><body><div><table><tr><td><div><p>一、总体</p><p>要求</p></div></td>"
                        "<td>牵头<br>单位</td><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr>"
                        "</table><p>正文段落的文字</p></div></body></html>";
    assert_int_equal(sj_read("e.html", (const unsigned char *)cells, strlen(cells), &lim, &r, &e), 0);
    expect_line(&r, "一、总体 要求\t牵头 单位\t甲 乙", NULL);
    expect_line(&r, "正文段落的文字", NULL);
    assert_int_equal(r.nanchors, 2);
    sj_read_result_free(&r);
    /* an HTML5 article: the title in its <header>, the site's header left out */
    const char *h5 = "<html><body><header><h1>某某市人民政府门户网站</h1></header><article><header>"
                     "<h1>关于印发实施方案的通知</h1></header><section><p>一、总体要求</p><p>（一）指导思想。"
                     "坚持稳中求进工作总基调。</p></section></article></body></html>";
    assert_int_equal(sj_read("h.html", (const unsigned char *)h5, strlen(h5), &lim, &r, &e), 0);
    assert_int_equal(find_line(&r, "关于印发实施方案的通知"), 0);
    expect_line(&r, "一、总体要求", NULL);
    expect_absent(&r, "门户网站");
    assert_int_equal(r.nanchors, 3);
    sj_read_result_free(&r);
    /* metadata from <meta name=...> when there is no table */
    const char *mt = "<html><head><meta name=\"ArticleTitle\" content=\" 某某方案 \">"
                     "<meta name=\"PubDate\" content=\"2024-07-18 10:00\"></head>"
                     "<body><p>三、保障</p></body></html>";
    assert_int_equal(sj_read("c.html", (const unsigned char *)mt, strlen(mt), &lim, &r, &e), 0);
    assert_string_equal(r.title, "某某方案");
    assert_string_equal(r.date, "2024-07-18 10:00");
    assert_null(r.docno);
    sj_read_result_free(&r);
}

static void test_ofd(void **s)
{
    (void)s;
    sj_read_result r;
    read_ok("plan.ofd", &r, SJ_IN_OFD);
    expect_line(&r, "淄博市临淄区人民政府办公室文件", "page 1, line 1");
    expect_line(&r, "一、总体要求", "page 1, line 11");
    expect_line(&r, "二、构建减污降碳协同防控格局", "page 2, line 7");
    /* two text objects per line, written bottom-up: sorted back */
    expect_line(&r, "（3）到2026年，全区非化石能源消费占比达到10%以上。", "page 1, line 16");
    assert_string_equal(r.title, "临淄区减污降碳协同增效实施方案");
    assert_string_equal(r.issuer, "临淄区人民政府办公室");
    assert_string_equal(r.date, "2024-07-18");
    sj_read_result_free(&r);
}

static void test_pdf(void **s)
{
    (void)s;
    sj_read_result r;
    read_ok("plan.pdf", &r, SJ_IN_PDF);
    expect_line(&r, "淄博市临淄区人民政府办公室文件", "page 1, line 2");
    expect_line(&r, "临淄区减污降碳协同增效实施方案", NULL);
    expect_line(&r, "一、总体要求", NULL);
    expect_line(&r, "二、构建减污降碳协同防控格局", NULL);
    expect_line(&r, "（3）到2026年，全区非化石能源消费占比达到10%以上。", NULL);
    /* hard-wrapped lines stay lines */
    expect_line(&r, "新能源车占比达到100%。", NULL);
    /* running header and page numbers dropped */
    expect_absent(&r, "（印发稿）");
    expect_absent(&r, "— 1 —");
    expect_absent(&r, "— 3 —");
    expect_absent(&r, "第2页");
    expect_absent(&r, "第4页");
    assert_true(strstr(r.anchors[r.nanchors - 1], "page 4, ") == r.anchors[r.nanchors - 1]);
    sj_read_result_free(&r);
    /* an owner password only: read */
    read_ok("owner-only.pdf", &r, SJ_IN_PDF);
    expect_line(&r, "一、总体要求", NULL);
    sj_read_result_free(&r);
}

static void test_sniff(void **s)
{
    (void)s;
    sj_read_result r;
    read_ok("pdf-named.docx", &r, SJ_IN_PDF); /* the content decides */
    expect_line(&r, "一、总体要求", NULL);
    sj_read_result_free(&r);
    sj_err e;
    assert_int_equal(read_lim("sheet.xlsx", &r, &e, 0, 0, 0), 0);
    assert_int_equal(r.kind, SJ_IN_UNSUPPORTED);
    assert_string_equal(r.reason, "spreadsheet (xlsx)");
    assert_null(r.text);
    sj_read_result_free(&r);
    assert_int_equal(read_lim("image.png", &r, &e, 0, 0, 0), 0);
    assert_int_equal(r.kind, SJ_IN_UNSUPPORTED);
    assert_string_equal(r.reason, "image (png)");
    sj_read_result_free(&r);
    /* plain text (UTF-8 or GB18030) passes through untouched */
    const char *txt = "一、总体要求\n（一）指导思想。\n";
    assert_int_equal(sj_read_sniff("a.txt", (const unsigned char *)txt, strlen(txt)), SJ_IN_TEXT);
    const unsigned char gb[] = {0xd2, 0xbb, 0xa1, 0xa2, '\n', 0};
    assert_int_equal(sj_read_sniff("a.txt", gb, 5), SJ_IN_TEXT);
    assert_int_equal(sj_read_sniff("a.md", (const unsigned char *)"<b>x</b>", 8), SJ_IN_TEXT);
    assert_int_equal(sj_read_sniff("page", (const unsigned char *)"<!DOCTYPE html><p>x", 19), SJ_IN_HTML);
    assert_int_equal(sj_read_sniff("x.docx", (const unsigned char *)"PK\x03\x04junk", 8), SJ_IN_DOCX);
    assert_int_equal(sj_read_sniff("x.zip", (const unsigned char *)"PK\x03\x04junk", 8), SJ_IN_UNSUPPORTED);
    assert_int_equal(sj_read_sniff("x.wps", (const unsigned char *)"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8),
                     SJ_IN_LEGACY_WORD);
    assert_string_equal(sj_input_kind_name(SJ_IN_OFD), "ofd");
    /* nothing at all: text */
    assert_int_equal(sj_read_sniff("empty", NULL, 0), SJ_IN_TEXT);
    sj_read_limits lim = {.rules = RR};
    assert_int_equal(sj_read("empty.docx", NULL, 0, &lim, &r, &e), 0);
    assert_int_equal(r.kind, SJ_IN_TEXT);
    sj_read_result_free(&r);
    /* OOXML saved as .wps or .docm is a docx */
    unsigned char *b;
    size_t n;
    if (sj_read_file(FIX "plan.docx", 1 << 20, &b, &n, &e))
        fail_msg("%s", e.msg);
    assert_int_equal(sj_read_sniff("plan.wps", b, n), SJ_IN_DOCX);
    assert_int_equal(sj_read_sniff("plan.docm", b, n), SJ_IN_DOCX);
    assert_int_equal(sj_read_sniff("plan.pdf", b, n), SJ_IN_DOCX);
    free(b);
}

static void test_bad_inputs(void **s)
{
    (void)s;
    static const struct { const char *file, *error; } BAD[] = {
        {"corrupt.docx", "docx: corrupt zip"},
        {"bomb.docx", "zip bomb: part word/document.xml declares"},
        {"bomb-lying.docx", "zip bomb: part word/document.xml decompresses past"},
        {"laughs.docx", "DTD or entity declarations is refused"},
        {"nodoc.docx", "no word/document.xml"},
        {"deep.html", "nested deeper than 256"},
        {"scanned.pdf", "no text layer: the PDF is a scanned image; OCR it first"},
        {"encrypted.pdf", "password-protected"},
        {"truncated.pdf", "truncated PDF"},
        {"blank5000.pdf", "5000 pages, more than the limit of 2000"},
        {"legacy.doc", "soffice --headless --convert-to docx FILE"},
        {"encrypted.docx", "password-protected Office document"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        sj_read_result r;
        sj_err e;
        if (read_lim(BAD[i].file, &r, &e, 0, 0, 0) == 0)
            fail_msg("%s: read without error", BAD[i].file);
        if (!strstr(e.msg, BAD[i].error))
            fail_msg("%s: error '%s', expected '%s'", BAD[i].file, e.msg, BAD[i].error);
        assert_null(strchr(e.msg, '\n'));
        assert_null(r.text);
        assert_int_equal(r.nanchors, 0);
        sj_read_result_free(&r);
    }
}

static void test_limits(void **s)
{
    (void)s;
    sj_read_result r;
    sj_err e;
    assert_int_equal(read_lim("plan.docx", &r, &e, 1000, 0, 0), -1);
    assert_non_null(strstr(e.msg, "longer than the limit of 1000 bytes"));
    assert_int_equal(read_lim("plan.pdf", &r, &e, 0, 2, 0), -1);
    assert_non_null(strstr(e.msg, "4 pages, more than the limit of 2"));
    assert_int_equal(read_lim("plan.ofd", &r, &e, 0, 1, 0), -1);
    assert_non_null(strstr(e.msg, "2 pages, more than the limit of 1"));
    assert_int_equal(read_lim("plan.pdf", &r, &e, 0, 0, 1e-9), -1);
    assert_non_null(strstr(e.msg, "reading took longer than 1e-09 s (stopped at page 2 of 4)"));
    assert_int_equal(read_lim("plan.ofd", &r, &e, 0, 0, 1e-9), -1);
    assert_non_null(strstr(e.msg, "stopped at page 2 of 2"));
    sj_read_limits lim = {0};
    assert_int_equal(sj_read("x.txt", (const unsigned char *)"a", 1, &lim, &r, &e), -1);
}

static void test_rules_errors(void **s)
{
    (void)s;
    static const struct { const char *text, *error; } BAD[] = {
        {"# c\n[colour red]\n", "t.rules:2: unknown kind 'colour'"},
        {"[meta title]\nlabel = 标题\n", "t.rules:2: unknown key 'label'"},
        {"[meta author]\nlabels = 作者\n", "t.rules:1: unknown metadata field"},
        {"[page_number p]\npattern = (\n", "t.rules:2: bad pattern"},
        {"[numerals chinese]\ndigits = 一二三\n", "t.rules:2: wrong number of characters"},
        {"labels = x\n", "t.rules:1: expected key = value"},
        {"[meta title]\nlabels = 标题\n", "t.rules: no [meta docno] labels"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        sj_read_rules *r = NULL;
        sj_err e;
        assert_int_equal(sj_read_rules_load_text("t.rules", BAD[i].text, strlen(BAD[i].text), &r, &e), -1);
        assert_null(r);
        if (!strstr(e.msg, BAD[i].error))
            fail_msg("rules %zu: '%s', expected '%s'", i, e.msg, BAD[i].error);
    }
}

/* the readers in four threads at once give what they give alone */
static const char *const THREAD_FILES[] = {"plan.docx", "portal.html", "plan.pdf", "plan.ofd",
                                           "plan.odt", "bomb.docx", "laughs.docx", "scanned.pdf"};
#define NTF (sizeof THREAD_FILES / sizeof THREAD_FILES[0])

typedef struct {
    int start;
    char *out[NTF];
} thread_job;

static void *thread_main(void *arg)
{
    thread_job *j = arg;
    for (size_t k = 0; k < NTF * 3; k++) {
        size_t i = (j->start + k) % NTF;
        sj_read_result r;
        sj_err e;
        int rc = read_lim(THREAD_FILES[i], &r, &e, 0, 0, 0);
        char *got = rc ? strdup(e.msg) : strdup(r.text);
        if (!j->out[i])
            j->out[i] = got;
        else {
            if (strcmp(j->out[i], got) != 0)
                j->out[i][0] = '!';
            free(got);
        }
        sj_read_result_free(&r);
    }
    return NULL;
}

static void test_threads(void **s)
{
    (void)s;
    thread_job jobs[4] = {{0}};
    pthread_t th[4];
    for (int t = 0; t < 4; t++) {
        jobs[t].start = t * 2;
        assert_int_equal(pthread_create(&th[t], NULL, thread_main, &jobs[t]), 0);
    }
    for (int t = 0; t < 4; t++)
        pthread_join(th[t], NULL);
    for (size_t i = 0; i < NTF; i++) {
        sj_read_result r;
        sj_err e;
        int rc = read_lim(THREAD_FILES[i], &r, &e, 0, 0, 0);
        const char *want = rc ? e.msg : r.text;
        for (int t = 0; t < 4; t++) {
            if (strcmp(jobs[t].out[i], want) != 0)
                fail_msg("%s differs in thread %d", THREAD_FILES[i], t);
            free(jobs[t].out[i]);
        }
        sj_read_result_free(&r);
    }
}

/* a PDF table: poppler's reading order gives its columns one after
 * another; the reader rebuilds the rows from where the characters are,
 * cells tab-separated */
static void test_pdf_table(void **s)
{
    (void)s;
    sj_read_result r;
    read_ok("table.pdf", &r, SJ_IN_PDF);
    assert_string_equal(r.text, "主要指标如下表。\n指标\t单位\t2025年目标\n"
                                "细颗粒物（PM2.5）年均浓度\t微克每立方米\t不高于33\n"
                                "空气质量优良天数比率\t%\t不低于85\n"
                                "重度及以上污染天数\t天\t完成市下达的目标任务\n表后的正文一行。\n");
    assert_string_equal(r.anchors[2], "page 1, line 3");
    sj_read_result_free(&r);
}

/* a zip written in memory with libzip: parts[i] = {name, text}; *len set */
static unsigned char *zip_mem(const char *const parts[][2], int n, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    assert_non_null(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    assert_non_null(za);
    zip_source_keep(src);
    for (int i = 0; i < n; i++) {
        zip_source_t *f = zip_source_buffer(za, parts[i][1], strlen(parts[i][1]), 0);
        assert_true(zip_file_add(za, parts[i][0], f, ZIP_FL_OVERWRITE) >= 0);
    }
    assert_int_equal(zip_close(za), 0);
    zip_stat_t st;
    assert_int_equal(zip_source_stat(src, &st), 0);
    assert_int_equal(zip_source_open(src), 0);
    unsigned char *b = malloc(st.size + 1);
    assert_int_equal(zip_source_read(src, b, st.size), (zip_int64_t)st.size);
    zip_source_close(src);
    zip_source_free(src);
    *len = st.size;
    return b;
}

/* a text box (Word writes it twice: wps in mc:Choice, VML in mc:Fallback)
 * is read once, after its paragraph, anchored "paragraph N, text box" */
static void test_docx_text_box(void **s)
{
    (void)s;
    const char *doc =
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
        "wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/"
        "markup-compatibility/2006\"><w:body>"
        "<w:p><w:r><w:t>第一段</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>第二段</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
        "<w:drawing><w:txbxContent><w:p><w:r><w:t>框中文字</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>框中第二行</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框中文字</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "<w:p><w:r><w:t>第三段</w:t></w:r></w:p></w:body></w:document>";
    const char *const parts[][2] = {{"[Content_Types].xml", "<Types/>"},
                                    {"word/document.xml", doc}};
    size_t n;
    unsigned char *b = zip_mem(parts, 2, &n);
    sj_read_limits lim = {.rules = RR};
    sj_read_result r;
    sj_err e;
    assert_int_equal(sj_read("box.docx", b, n, &lim, &r, &e), 0);
    assert_string_equal(r.text, "第一段\n第二段\n框中文字\n框中第二行\n第三段\n");
    assert_int_equal(r.nanchors, 5);
    assert_string_equal(r.anchors[1], "paragraph 2");
    assert_string_equal(r.anchors[2], "paragraph 2, text box");
    assert_string_equal(r.anchors[3], "paragraph 2, text box");
    assert_string_equal(r.anchors[4], "paragraph 3");
    sj_read_result_free(&r);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_docx),        cmocka_unit_test(test_odt),
        cmocka_unit_test(test_html),        cmocka_unit_test(test_html_charsets),
        cmocka_unit_test(test_ofd),         cmocka_unit_test(test_pdf),
        cmocka_unit_test(test_sniff),       cmocka_unit_test(test_bad_inputs),
        cmocka_unit_test(test_limits),      cmocka_unit_test(test_rules_errors),
        cmocka_unit_test(test_threads),     cmocka_unit_test(test_docx_text_box),
        cmocka_unit_test(test_pdf_table),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
