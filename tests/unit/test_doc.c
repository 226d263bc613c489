#include "test_util.h"
#include "doc.h"

/* the model's queries: spans, sentences, the offset map, freeing */
static void spans_and_sentences(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、总体要求\n第一句。第二句!\n", &d), 0);
    assert_true(d.nsentences >= 2);
    char *x = sj_span_dup(&d, d.sentences[0].span);
    assert_non_null(x);
    free(x);
    sj_span bad = {5, 2};
    x = sj_span_dup(&d, bad); /* an inverted span is empty, not a crash */
    assert_string_equal(x, "");
    free(x);
    sj_span past = {0, d.norm.len + 10};
    x = sj_span_dup(&d, past);
    assert_string_equal(x, "");
    free(x);
    for (int i = 0; i < d.nsentences; i++) {
        assert_int_equal(sj_sentence_at(&d, d.sentences[i].span.start), i);
        assert_int_equal(sj_sentence_at(&d, d.sentences[i].span.end - 1), i);
    }
    assert_int_equal(sj_sentence_at(&d, d.norm.len + 100), -1);
    sj_doc_free(&d);
    assert_null(d.norm.text);
    assert_int_equal(d.nsentences, 0);
}

/* text.h: normalized offsets map back to the original line:column */
static void offset_map(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("标题\n\n  到２０２３年，降低５％。\n", &d), 0);
    const char *p = strstr(d.norm.text, "降低");
    assert_non_null(p);
    sj_pos pos = sj_norm_pos(&d.norm, (size_t)(p - d.norm.text));
    assert_int_equal(pos.line, 3);
    assert_int_equal(pos.column, 10); /* two spaces, 到, four digits, 年, ， */
    pos = sj_src_pos(&d.norm, 0);
    assert_int_equal(pos.line, 1);
    assert_int_equal(pos.column, 1);
    assert_true(sj_norm_src(&d.norm, d.norm.len) <= d.dec.len);
    sj_doc_free(&d);
}

/* Every normalized offset of d: the place the map alone gives (as when
 * the pipeline has freed the decoded text) is the place the decoded text
 * gives. */
static void map_matches_source(sj_doc *d)
{
    size_t n = d->norm.len;
    sj_pos *want = xmalloc((n + 1) * sizeof *want);
    for (size_t off = 0; off <= n; off++)
        want[off] = sj_src_pos(&d->norm, sj_norm_src(&d->norm, off));
    free(d->dec.text);
    d->dec.text = NULL;
    d->norm.src = NULL;
    for (size_t off = 0; off <= n; off++) {
        sj_pos got = sj_norm_pos(&d->norm, off);
        if (got.line != want[off].line || got.column != want[off].column)
            fail_msg("%s: offset %zu: %d:%d, the decoded text says %d:%d", d->path, off,
                     got.line, got.column, want[off].line, want[off].column);
    }
    free(want);
}

/* text.h: the sparse map counts characters itself, so line:column stay
 * exact without the decoded text; a replaced one-byte character (，->,)
 * stays in the identity run before it: one segment per comma, not two */
static void offset_map_without_source(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("甲乙,丙丁,戊己,庚辛\n", &d), 0);
    assert_string_equal(d.norm.text, "甲乙,丙丁,戊己,庚辛\n");
    assert_int_equal(d.norm.nsegs, 1);
    sj_doc_free(&d);
    /* one identity run over many lines: columns count from each line */
    assert_int_equal(load_str("第一行,abc\n第二行,到2025年\n\n第三行 x\n", &d), 0);
    assert_true(d.norm.nsegs <= 2);
    map_matches_source(&d);
    sj_doc_free(&d);
    assert_int_equal(load_str("甲乙，丙丁，戊己，庚辛\n", &d), 0);
    assert_string_equal(d.norm.text, "甲乙,丙丁,戊己,庚辛\n");
    assert_int_equal(d.norm.nsegs, 4); /* 甲乙, 丙丁, 戊己, 庚辛 */
    map_matches_source(&d);
    sj_doc_free(&d);
    assert_int_equal(load_str("标题\n\n  到２０２３年，降低５％。（区生态环境分局牵头）\r\n"
                              "第二行,ASCII 文字，全角，逗号，\n\t表格\t  单元 \n\n— 3 —\n"
                              "末行无换行，㎡与①", &d), 0);
    map_matches_source(&d);
    sj_doc_free(&d);
    /* every plan of the corpus: encodings, markdown, OCR, tables */
    static const char *const files[] = {
        "corpus/extract/dongping-2024-2027-district-gb18030.txt",
        "corpus/extract/linshan-2023-2025-county-utf16.txt",
        "corpus/extract/luzhou-2021-2025-province-md.txt",
        "corpus/extract/yishui-2021-2023-county-ocr.txt",
        "corpus/extract/gaomi-2022-2024-county-mixed.txt",
        "corpus/extract/qingtai-2022-2025-county-unitcol.txt",
        "corpus/pairs/yundong-vs-yunzhou/child.txt"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        sj_err err;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", SJ_SOURCE_DIR, files[i]);
        assert_int_equal(sj_doc_load(path, NULL, &RS, &M, &d, &err), 0);
        map_matches_source(&d);
        sj_doc_free(&d);
    }
}

/* a doc that never loaded frees cleanly */
static void free_empty(void **s)
{
    (void)s;
    sj_doc d;
    memset(&d, 0, sizeof d);
    sj_doc_free(&d);
    sj_names n = {0};
    sj_names_free(&n);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(spans_and_sentences),
                                   cmocka_unit_test(offset_map), cmocka_unit_test(free_empty),
                                   cmocka_unit_test(offset_map_without_source)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
