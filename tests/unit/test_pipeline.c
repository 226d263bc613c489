#include "test_util.h"
#include <unistd.h>
#include "pipeline.h"

static const char PLAN[] = "一、农业\n到2023年，全区化肥使用量较2020年减少3%。2022年6月底前完成改造（区农业农村局牵头）。\n";

/* sj_pipeline_load_bytes runs every front stage: decode, normalize, parse
 * and extract */
static void bytes_all_stages(void **s)
{
    (void)s;
    sj_doc d;
    sj_err err;
    assert_int_equal(sj_pipeline_load_bytes("mem.txt", (const unsigned char *)PLAN, strlen(PLAN),
                                            NULL, &RS, &M, &d, &err), 0);
    assert_string_equal(d.path, "mem.txt");
    assert_string_equal(d.dec.encoding, "UTF-8");
    assert_true(d.norm.len > 0);
    assert_int_equal(d.nsections, 1);
    assert_int_equal(d.ntargets, 1);
    assert_int_equal(d.nagencies, 1);
    assert_int_equal(d.ndeadlines, 2);
    int nt;
    sj_task *t = sj_doc_tasks(&d, &nt);
    assert_true(nt >= 1);
    free(t);
    sj_doc_free(&d);
    /* the wrapper kept until the merge stops before extract */
    assert_int_equal(sj_doc_load_bytes("mem.txt", (const unsigned char *)PLAN, strlen(PLAN),
                                       NULL, &RS, &M, &d, &err), 0);
    assert_int_equal(d.nsections, 1);
    assert_int_equal(d.ntargets, 0);
    assert_int_equal(d.nagencies, 0);
    sj_doc_free(&d);
}

static void errors_name_the_file(void **s)
{
    (void)s;
    sj_doc d;
    sj_err err;
    assert_int_equal(sj_pipeline_load_bytes("empty.txt", (const unsigned char *)"", 0, NULL,
                                            &RS, &M, &d, &err), -1);
    assert_non_null(strstr(err.msg, "empty.txt"));
    sj_doc_free(&d);
    assert_int_equal(sj_pipeline_load(SJ_SOURCE_DIR "/no/such.txt", NULL, &RS, &M, &d, &err), -1);
    assert_non_null(strstr(err.msg, "no/such.txt"));
    sj_doc_free(&d);
    /* over max_bytes */
    sj_load_opts o = {NULL, 8, 0, 0};
    assert_int_equal(sj_pipeline_load(SJ_SOURCE_DIR "/rules/numerals.rules", &o, &RS, &M, &d, &err), -1);
    sj_doc_free(&d);
    /* a forced encoding is used */
    const unsigned char gb[] = {0xD6, 0xD0, 0xCE, 0xC4, '\n'}; /* 中文 in GB18030 */
    sj_load_opts g = {"GB18030", 0, 0, 0};
    assert_int_equal(sj_pipeline_load_bytes("gb.txt", gb, sizeof gb, &g, &RS, &M, &d, &err), 0);
    assert_string_equal(d.norm.text, "中文\n");
    sj_doc_free(&d);
}

static void file(void **s)
{
    (void)s;
    char path[] = "/tmp/sj_pipeline_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, PLAN, strlen(PLAN)), (ssize_t)strlen(PLAN));
    close(fd);
    sj_doc d;
    sj_err err;
    assert_int_equal(sj_pipeline_load(path, NULL, &RS, &M, &d, &err), 0);
    assert_string_equal(d.path, path);
    assert_int_equal(d.ntargets, 1);
    sj_doc_free(&d);
    unlink(path);
}

#define FX SJ_SOURCE_DIR "/tests/fixtures/formats/"

/* containers go through the reader: its text, one anchor per line, the
 * container's metadata where the text has none; a format without plan
 * text is SJ_LOAD_SKIPPED; plain text has no anchors */
static void containers(void **s)
{
    (void)s;
    sj_doc d;
    sj_err err;
    assert_int_equal(sj_pipeline_load(FX "plan.docx", NULL, &RS, &M, &d, &err), 0);
    assert_string_equal(d.format, "docx");
    assert_string_equal(d.dec.encoding, "UTF-8");
    assert_true(d.ntargets >= 10);
    int lines = 0;
    for (size_t i = 0; i < d.dec.len; i++)
        lines += d.dec.text[i] == '\n';
    assert_int_equal(d.nanchors, lines);
    sj_pos p = sj_norm_pos(&d.norm, d.targets[0].span.start);
    assert_non_null(sj_doc_anchor(&d, p.line));
    assert_int_equal(strncmp(sj_doc_anchor(&d, p.line), "paragraph ", 10), 0);
    assert_null(sj_doc_anchor(&d, 0));
    assert_null(sj_doc_anchor(&d, lines + 1));
    sj_doc_free(&d);
    /* --encoding does not apply to the reader's UTF-8 text */
    sj_load_opts g = {"GB18030", 0, 0, 0};
    assert_int_equal(sj_pipeline_load(FX "plan.pdf", &g, &RS, &M, &d, &err), 0);
    assert_string_equal(d.format, "pdf");
    assert_true(d.ntargets >= 10);
    sj_doc_free(&d);
    /* the portal's metadata table fills 文号 */
    assert_int_equal(sj_doc_load(FX "portal.html", NULL, &RS, &M, &d, &err), 0);
    assert_string_equal(d.format, "html");
    assert_non_null(d.docno);
    assert_non_null(d.index_no);
    sj_doc_free(&d);
    assert_int_equal(sj_pipeline_load(FX "sheet.xlsx", NULL, &RS, &M, &d, &err), SJ_LOAD_SKIPPED);
    assert_non_null(strstr(err.msg, "sheet.xlsx: not a plan format: spreadsheet (xlsx)"));
    sj_doc_free(&d);
    assert_int_equal(sj_pipeline_load(FX "scanned.pdf", NULL, &RS, &M, &d, &err), -1);
    assert_non_null(strstr(err.msg, "no text layer"));
    sj_doc_free(&d);
    assert_int_equal(sj_pipeline_load_bytes("mem.txt", (const unsigned char *)PLAN, strlen(PLAN),
                                            NULL, &RS, &M, &d, &err), 0);
    assert_null(d.format);
    assert_null(d.anchors);
    assert_null(sj_doc_anchor(&d, 1));
    sj_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(bytes_all_stages),
                                   cmocka_unit_test(errors_name_the_file), cmocka_unit_test(file),
                                   cmocka_unit_test(containers)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
