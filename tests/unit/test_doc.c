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
                                   cmocka_unit_test(offset_map), cmocka_unit_test(free_empty)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
