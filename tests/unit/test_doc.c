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

/* text.h: sealing packs the segments 32 to a block with 16-bit distances;
 * every segment reads back as written, across block ends, after jumps too
 * long for 16 bits (norm and character counts) and a count that steps
 * back; and the segment holding each offset is found */
static void map_packed(void **s)
{
    (void)s;
    sj_norm n;
    memset(&n, 0, sizeof n);
    n.nlines = 1;
    n.line_starts = xcalloc(1, sizeof *n.line_starts);
    n.line_chars = xcalloc(1, sizeof *n.line_chars);
    n.src_chars = 1u << 30;
    sj_seg want[100];
    uint32_t at = 0, chars = 0;
    for (int i = 0; i < 100; i++) {
        at += i == 40 ? 70000 : 7;
        chars += i == 70 ? 100000 : i == 90 ? (uint32_t)-20 : 9;
        SJ_GROW(n.segs, n.nsegs, n.capsegs);
        n.segs[n.nsegs++] = want[i] = (sj_seg){at, chars, i % 3 == 0};
    }
    n.len = at + 1; /* the offsets asked (no text: nothing to settle) */
    sj_norm_seal(&n);
    assert_null(n.segs);
    assert_int_equal(n.nsegs, 100);
    assert_true(n.nfar > 0);
    for (size_t i = 0; i < 100; i++) {
        sj_seg g = sj_norm_seg(&n, i);
        assert_int_equal(g.norm, want[i].norm);
        assert_int_equal(g.chars, want[i].chars);
        assert_int_equal(g.identity, want[i].identity);
        sj_pos p = sj_norm_pos(&n, g.norm);
        assert_int_equal(p.line, 1);
        assert_int_equal(p.column, (int)g.chars + 1);
    }
    sj_norm_free(&n);
}

/* text.h: the sparse map counts characters itself, so line:column stay
 * exact without the decoded text; a replaced one-byte character (，->,)
 * stays in the identity run: a character for a character */
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
    assert_int_equal(d.norm.nsegs, 1); /* was 4: 甲乙, 丙丁, 戊己, 庚辛 */
    map_matches_source(&d);
    sj_doc_free(&d);
    /* fifty full-width commas on a line, and a second line of them: one
     * segment, not one per comma; a line ending in a replaced character
     * (；) has its newline stand for that character's place */
    sj_buf b = {0};
    for (int l = 0; l < 2; l++) {
        for (int i = 0; i < 50; i++)
            sj_buf_adds(&b, i % 2 ? "乙，" : "甲，");
        sj_buf_adds(&b, "完成。\n");
    }
    assert_int_equal(load_str(b.data, &d), 0);
    assert_int_equal(d.norm.nsegs, 1);
    map_matches_source(&d);
    sj_doc_free(&d);
    sj_buf_adds(&b, "末项；\n次行。\n");
    assert_int_equal(load_str(b.data, &d), 0);
    assert_int_equal(d.norm.nsegs, 3); /* the run, the newline at ；, 次行 */
    const char *semi = strstr(d.norm.text, "末项;\n");
    assert_non_null(semi);
    sj_pos at_semi = sj_norm_pos(&d.norm, (size_t)(semi - d.norm.text) + strlen("末项"));
    sj_pos at_nl = sj_norm_pos(&d.norm, (size_t)(semi - d.norm.text) + strlen("末项;"));
    assert_int_equal(at_nl.line, at_semi.line);
    assert_int_equal(at_nl.column, at_semi.column);
    map_matches_source(&d);
    sj_doc_free(&d);
    sj_buf_free(&b);
    /* a long line of nothing to normalize: a segment every SJ_SEG_SPAN
     * bytes at most (a query counts no more), the places exact */
    for (int i = 0; i < 2000; i++)
        sj_buf_adds(&b, i % 10 == 9 ? "。" : "能耗");
    sj_buf_adds(&b, "\n");
    assert_int_equal(load_str(b.data, &d), 0);
    assert_true(d.norm.nsegs >= d.norm.len / (SJ_SEG_SPAN + 3));
    assert_true(d.norm.nsegs <= d.norm.len / SJ_SEG_SPAN + 1);
    for (size_t i = 1; i < d.norm.nsegs; i++)
        assert_true(sj_norm_seg(&d.norm, i).norm - sj_norm_seg(&d.norm, i - 1).norm <=
                    SJ_SEG_SPAN + 2);
    map_matches_source(&d);
    sj_doc_free(&d);
    sj_buf_free(&b);
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

/* Issue 16: the arena hands out aligned bytes and strings from a few
 * blocks, tells its pointers from malloc'd ones, and frees them at once */
static void arena_blocks(void **s)
{
    (void)s;
    sj_arena a = {0};
    assert_false(sj_arena_owns(&a, &a));
    char *first = sj_arena_strdup(&a, "县发展改革局");
    assert_string_equal(first, "县发展改革局");
    char *keep[20000];
    for (int i = 0; i < 20000; i++) {
        char b[32];
        int n = snprintf(b, sizeof b, "指标%d", i);
        keep[i] = sj_arena_strndup(&a, b, (size_t)n);
        void **pp = sj_arena_alloc(&a, 3 * sizeof(void *), sizeof(void *));
        assert_int_equal((uintptr_t)pp % sizeof(void *), 0);
        pp[0] = pp[1] = pp[2] = keep[i];
    }
    /* every string intact after the blocks that followed it */
    for (int i = 0; i < 20000; i += 997) {
        char b[32];
        snprintf(b, sizeof b, "指标%d", i);
        assert_string_equal(keep[i], b);
        assert_true(sj_arena_owns(&a, keep[i]));
    }
    assert_string_equal(first, "县发展改革局");
    assert_true(sj_arena_owns(&a, first));
    /* a request larger than a block gets one of its own */
    char *big = sj_arena_alloc(&a, 10u << 20, 1);
    memset(big, 'x', 10u << 20);
    assert_true(sj_arena_owns(&a, big + (10u << 20) - 1));
    char *after = sj_arena_strdup(&a, "后");
    assert_string_equal(after, "后");
    char *m = malloc(16);
    assert_false(sj_arena_owns(&a, m));
    free(m);
    /* few blocks: small strings cost their bytes, not a chunk each */
    assert_true(a.reserved < a.used + a.used / 2 + (4u << 20));
    sj_arena_free(&a);
    assert_null(a.head);
    assert_int_equal(a.used, 0);
}

/* Issue 16: extract leaves every target's strings and every agency's
 * names in the doc's arena (one block per many, not a malloc each) with
 * the same text; a string set later (malloc'd) and one dropped with
 * sj_doc_str_free are freed right (ASan and valgrind check) */
static void strings_in_arena(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、主要任务\n"
                              "到2025年，全县秸秆综合利用率达到90%以上，新增造林面积1.5万亩"
                              "（县农业农村局牵头，县林业局、县财政局配合）。\n"
                              "化学需氧量排放总量下降8%（县生态环境分局牵头）。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_true(d.ntargets >= 2);
    assert_true(d.nagencies >= 1);
    for (int i = 0; i < d.ntargets; i++) {
        sj_target *t = &d.targets[i];
        assert_true(sj_arena_owns(&d.strs, t->indicator));
        assert_true(sj_arena_owns(&d.strs, sj_target_match_key(t)));
        assert_true(sj_arena_owns(&d.strs, sj_target_unit(t)));
        if (t->unit_read)
            assert_true(sj_arena_owns(&d.strs, t->unit_read));
        if (sj_target_unit_dim_own(t))
            assert_true(sj_arena_owns(&d.strs, sj_target_unit_dim(t)));
    }
    assert_string_equal(sj_target_unit(&d.targets[0]), "%");
    int names = 0;
    for (int i = 0; i < d.nagencies; i++) {
        const sj_names *ns[] = {&d.agencies[i].who->lead, &d.agencies[i].who->coop};
        for (int k = 0; k < 2; k++)
            for (int j = 0; j < ns[k]->n; j++, names++) {
                assert_true(sj_arena_owns(&d.strs, ns[k]->names[j]));
                assert_true(sj_arena_owns(&d.strs, ns[k]->names));
            }
    }
    assert_true(names >= 4);
    assert_string_equal(d.agencies[0].who->lead.names[0], "县农业农村局");
    assert_string_equal(d.agencies[0].who->coop.names[1], "县财政局");
    /* set after extract: malloc'd, freed by sj_doc_free */
    d.targets[0].area = xstrdup("白石县");
    assert_false(sj_arena_owns(&d.strs, d.targets[0].area));
    /* dropped: nothing freed for a kept string, a malloc'd one freed */
    sj_doc_str_free(&d, d.targets[1].indicator);
    d.targets[1].indicator = NULL;
    sj_doc_str_free(&d, NULL);
    sj_doc_free(&d);
    assert_null(d.strs.head);
}

/* Issue 16: the areas a sentence names are kept once per sentence in
 * d->named, shared by its targets (a target holds an index, not eight
 * pointers) */
static void named_areas_pooled(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("绵阳市生态保护修复行动方案\n一、任务\n"
                              "到2027年，在平武建成大熊猫栖息地生态廊道5条，"
                              "修复退化草地1.2万亩。\n"
                              "到2027年，全市森林覆盖率达到56%。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.nnamed, 1);
    int shared = 0;
    for (int i = 0; i < d.ntargets; i++) {
        const sj_target *t = &d.targets[i];
        const sj_named *nm = sj_doc_named(&d, t);
        if (strstr(t->indicator, "森林覆盖率")) {
            assert_int_equal(t->named, 0);
            assert_null(nm);
            continue;
        }
        assert_int_equal(t->named, 1);
        assert_ptr_equal(nm, &d.named[0]);
        assert_int_equal(nm->n, 1);
        assert_non_null(strstr(nm->name[0], "平武"));
        shared++;
    }
    assert_int_equal(shared, 2);
    sj_doc_free(&d);
    assert_null(d.named);
}

/* Issue 16: interned strings are stored once per set; the set grows
 * (rehashing what it holds) and ends without freeing its strings */
static void arena_intern(void **s)
{
    (void)s;
    sj_arena a = {0};
    char *x = sj_arena_intern(&a, "县生态环境分局牵头", strlen("县生态环境分局"));
    assert_string_equal(x, "县生态环境分局");
    assert_ptr_equal(sj_arena_intern(&a, "县生态环境分局", strlen("县生态环境分局")), x);
    char *pre = sj_arena_intern(&a, "县生态", strlen("县生态")); /* a prefix is another string */
    assert_ptr_not_equal(pre, x);
    assert_string_equal(pre, "县生态");
    char *empty = sj_arena_intern(&a, "", 0);
    assert_string_equal(empty, "");
    char *keep[3000];
    for (int i = 0; i < 3000; i++) {
        char b[32];
        int n = snprintf(b, sizeof b, "指标%d", i);
        keep[i] = sj_arena_intern(&a, b, (size_t)n);
    }
    assert_true(a.strs.cap >= 2 * a.strs.n);
    size_t used = a.used;
    for (int i = 0; i < 3000; i++) {
        char b[32];
        int n = snprintf(b, sizeof b, "指标%d", i);
        assert_ptr_equal(sj_arena_intern(&a, b, (size_t)n), keep[i]);
    }
    assert_ptr_equal(sj_arena_intern(&a, "县生态环境分局", strlen("县生态环境分局")), x);
    assert_int_equal(a.used, used); /* nothing stored twice */
    sj_arena_intern_end(&a);
    assert_null(a.strs.e);
    assert_string_equal(keep[2999], "指标2999");
    /* blocks: equal bytes of equal length shared, aligned for pointers */
    const char *arr[3] = {keep[1], keep[2], NULL};
    const char **m1 = sj_arena_intern_mem(&a, arr, sizeof arr);
    assert_int_equal((uintptr_t)m1 % sizeof(void *), 0);
    assert_memory_equal(m1, arr, sizeof arr);
    assert_ptr_equal(sj_arena_intern_mem(&a, arr, sizeof arr), m1);
    assert_ptr_not_equal(sj_arena_intern_mem(&a, arr, 2 * sizeof *arr), m1);
    for (int i = 0; i < 1000; i++) /* grows and rehashes */
        sj_arena_intern_mem(&a, &keep[i], 2 * sizeof *keep);
    assert_ptr_equal(sj_arena_intern_mem(&a, arr, sizeof arr), m1);
    const char **m2 = sj_arena_intern_mem(&a, &keep[7], 2 * sizeof *keep);
    assert_ptr_equal(m2[0], keep[7]);
    assert_ptr_equal(m2[1], keep[8]);
    sj_arena_intern_end(&a);
    assert_null(a.mems.e);
    char *again = sj_arena_intern(&a, "县生态环境分局", strlen("县生态环境分局"));
    assert_ptr_not_equal(again, x); /* a new set */
    assert_string_equal(again, x);
    sj_arena_free(&a);
    assert_null(a.strs.e);
}

/* Issue 16: a doc's kept strings are interned: equal units, indicators
 * and agency names share one copy */
static void kept_strings_shared(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、主要任务\n"
                              "到2025年，全县秸秆综合利用率达到90%以上（县农业农村局牵头）。\n"
                              "到2025年，全县秸秆综合利用率达到90%以上（县农业农村局牵头）。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ntargets, 2);
    assert_int_equal(d.nagencies, 2);
    assert_ptr_equal(sj_target_unit(&d.targets[0]), sj_target_unit(&d.targets[1]));
    assert_ptr_equal(d.targets[0].indicator, d.targets[1].indicator);
    assert_ptr_equal(sj_target_match_key(&d.targets[0]), sj_target_match_key(&d.targets[1]));
    /* and so do what their indicator rule and their unit's reading say */
    assert_non_null(d.targets[0].ind);
    assert_ptr_equal(d.targets[0].ind, d.targets[1].ind);
    assert_non_null(d.targets[0].unit_read);
    assert_ptr_equal(d.targets[0].unit_read, d.targets[1].unit_read);
    assert_true(sj_arena_owns(&d.strs, d.targets[0].ind));
    assert_ptr_equal(d.agencies[0].who->lead.names[0], d.agencies[1].who->lead.names[0]);
    assert_ptr_equal(d.agencies[0].who->lead.names, d.agencies[1].who->lead.names);
    assert_ptr_equal(d.agencies[0].who->lead.canon, d.agencies[1].who->lead.canon);
    assert_ptr_equal(d.agencies[0].who, d.agencies[1].who); /* one record */
    assert_true(sj_arena_owns(&d.strs, d.agencies[0].who));
    assert_string_equal(d.agencies[0].who->lead.names[0], "县农业农村局");
    sj_doc_keep_end(&d);
    assert_null(d.strs.strs.e);
    sj_doc_free(&d);
}

/* Issue 16: a deadline holds the index of its kind in d->kinds, which
 * holds each kind once */
static void deadline_kinds_once(void **s)
{
    (void)s;
    sj_doc d;
    assert_int_equal(load_str("一、任务\n2022年6月底前完成改造。2023年底前完成验收。"
                              "每年9月底前报送进展情况。\n", &d), 0);
    sj_extract(&d, &RS, &M);
    assert_int_equal(d.ndeadlines, 3);
    assert_int_equal(d.nkinds, 2);
    assert_int_equal(d.deadlines[0].kind, d.deadlines[1].kind);
    assert_string_equal(sj_deadline_kind(&d, &d.deadlines[0]), "by");
    assert_string_equal(sj_deadline_kind(&d, &d.deadlines[2]), "recurring");
    assert_int_equal(d.deadlines[2].month, 9);
    sj_doc_free(&d);
    assert_null(d.kinds);
}

/* Issue 16: a 50 MB plan holds millions of these; what they cost is part
 * of its peak memory (a struct that grows must say so here) */
static void model_sizes(void **s)
{
    (void)s;
    assert_int_equal(sizeof(sj_span), 8);
    assert_true(sizeof(sj_target) <= 96);
    assert_true(sizeof(sj_agency) <= 24);
    assert_true(sizeof(sj_row) <= 84);
    assert_true(sizeof(sj_section) <= 24);
    assert_true(sizeof(sj_para) <= 16);
    assert_true(sizeof(sj_sentence) <= 8);
    assert_true(sizeof(sj_deadline) <= 32);
    assert_true(sizeof(sj_task) <= 20);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(spans_and_sentences),
                                   cmocka_unit_test(offset_map), cmocka_unit_test(free_empty),
                                   cmocka_unit_test(offset_map_without_source),
                                   cmocka_unit_test(arena_blocks), cmocka_unit_test(strings_in_arena),
                                   cmocka_unit_test(named_areas_pooled),
                                   cmocka_unit_test(arena_intern),
                                   cmocka_unit_test(kept_strings_shared),
                                   cmocka_unit_test(model_sizes),
                                   cmocka_unit_test(map_packed),
                                   cmocka_unit_test(deadline_kinds_once)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
