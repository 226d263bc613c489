#include "test_util.h"
#include "similar.h"

static void dice_values(void **s)
{
    (void)s;
    assert_true(sj_similarity("化肥使用量", "化肥使用量") == 1.0);
    assert_true(sj_similarity("化肥使用量", "农药") == 0.0);
    /* 化肥 使用 用量 vs 化肥 施用 用量: 2 of 4+4... common 化肥, 用量 */
    double d = sj_similarity("化肥使用量", "化肥施用量");
    assert_true(d > 0.49 && d < 0.51);
    assert_true(sj_similarity("", "化肥") == 0.0);
    /* containment: the shorter name's share (利用 废旧 旧轮 轮胎 胎胶 胶粉, 6
     * of 7 bigrams of 利用废旧轮胎胶粉 in the row's name), either order */
    double c = sj_containment("低噪声橡胶沥青路面废旧轮胎胶粉利用量", "利用废旧轮胎胶粉");
    assert_true(c > 0.85 && c < 0.86);
    assert_true(sj_containment("利用废旧轮胎胶粉", "低噪声橡胶沥青路面废旧轮胎胶粉利用量") == c);
    assert_true(sj_containment("化", "化肥使用量") == 0.0);
    /* profiles are sized by characters: stray continuation bytes (never
     * passed by the pipeline) must not write past them (ASan) */
    sj_bigrams b = sj_bigrams_make("\x80\x80\x80\x80" "ab", 6);
    assert_true(b.n <= 1);
    sj_bigrams_free(&b);
}

/* the index gives exactly the pairwise Dice, repeated bigrams included */
static void index_equals_pairwise(void **s)
{
    (void)s;
    const char *items[] = {"推进煤炭消费减量替代", "煤炭煤炭煤炭", "", "完成排放清单编制",
                           "能源消费总量", "哈哈哈哈", "减少大宗物料公路运输量"};
    const char *queries[] = {"煤炭消费减量", "煤炭煤炭", "哈哈", "清单编制并更新", "x"};
    int n = (int)(sizeof items / sizeof items[0]);
    sj_bigrams b[16];
    for (int i = 0; i < n; i++)
        b[i] = sj_bigrams_make(items[i], strlen(items[i]));
    sj_bigram_index ix;
    sj_bigram_index_init(&ix, 0);
    for (int i = 0; i < n; i++)
        assert_int_equal(sj_bigram_index_add(&ix, items[i], strlen(items[i])), i);
    sj_bigram_index_seal(&ix);
    double scores[16];
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        sj_bigrams qb = sj_bigrams_make(queries[q], strlen(queries[q]));
        sj_bigram_index_scores(&ix, &qb, scores);
        for (int i = 0; i < n; i++)
            assert_true(scores[i] == sj_dice(&qb, &b[i]));
        sj_bigrams_free(&qb);
    }
    sj_bigram_index_free(&ix);
    for (int i = 0; i < n; i++)
        sj_bigrams_free(&b[i]);
}

/* many items from a small alphabet (4-byte code points too): the index's
 * sort of thousands of postings must still give the pairwise Dice, also
 * when the items fill several parts (2^22 items each in use; part_items
 * small here so that the test stays small) */
static void many_items(int part_items)
{
    static const char *alpha[] = {"煤", "炭", "减", "量", "\xF0\xA0\x80\x80", "a", "\xF4\x8F\xBF\xBF"};
    enum { N = 300 };
    sj_bigrams *b = calloc(N, sizeof *b);
    sj_bigram_index ix;
    sj_bigram_index_init(&ix, 0);
    if (part_items)
        ix.part_items = part_items;
    unsigned seed = 7;
    for (int i = 0; i < N; i++) {
        char buf[256] = "";
        seed = seed * 1103515245u + 12345u;
        int len = (int)((seed >> 16) % 20);
        for (int k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            strcat(buf, alpha[(seed >> 16) % 7]);
        }
        b[i] = sj_bigrams_make(buf, strlen(buf));
        assert_int_equal(sj_bigram_index_add(&ix, buf, strlen(buf)), i);
    }
    sj_bigram_index_seal(&ix);
    int nonempty = 0;
    for (int i = 0; i < N; i++)
        nonempty += b[i].n > 0;
    assert_true(nonempty > N / 2);
    if (part_items)
        assert_int_equal(ix.nparts, (N + part_items - 1) / part_items);
    double *scores = calloc(N, sizeof *scores);
    for (int q = 0; q < N; q += 7) {
        sj_bigram_index_scores(&ix, &b[q], scores);
        for (int i = 0; i < N; i++)
            assert_true(scores[i] == sj_dice(&b[q], &b[i]));
    }
    sj_bigram_index_free(&ix);
    for (int i = 0; i < N; i++)
        sj_bigrams_free(&b[i]);
    free(b);
    free(scores);
}

static void index_many_items(void **s)
{
    (void)s;
    many_items(0);
}

static void index_in_parts(void **s)
{
    (void)s;
    many_items(7);
    many_items(1);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(dice_values),
                                   cmocka_unit_test(index_equals_pairwise),
                                   cmocka_unit_test(index_many_items),
                                   cmocka_unit_test(index_in_parts)};
    return cmocka_run_group_tests(t, NULL, NULL);
}
