/* test_prefilter: the Vectorscan pass before PCRE2 (src/rules/prefilter.c):
 * the derived form of a pattern, and the promise that a rule matching a
 * subject is always among the candidates of a scan of it. */
#include "test_util.h"

#include "pipeline.h"
#include "prefilter.h"

static void form(void **s)
{
    (void)s;
    static const char *cases[][2] = {
        {"(?<indicator>[^,]{2,40}?)达到", "(?:[^,]{2,}?)达到"},
        {"(?:^|[,。])\\K2023年", "(?:^|[,。])2023年"},
        {"\\G\\d+", "\\d+"},
        {"(?<!已)a(?=b|c)d", "(?:)a(?:)d"},
        {"(?<=(x)y)z", "(?:)z"},
        {"[(?<a>]\\\\K{1,2}", "[(?<a>]\\\\K{1,2}"}, /* a class, a literal \ */
        {"x{2,5}y{3}z{1,}w{a}", "x{2,}y{3}z{1,}w{a}"},
        {"(?P<n>a)(?'m'b)(?>c)", "(?:a)(?:b)(?:c)"},
        {"[]a]{0,9}[^]b]", "[]a]{0,}[^]b]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *f = sj_prefilter_form(cases[i][0]);
        if (strcmp(f, cases[i][1]))
            fail_msg("form of %s: %s, expected %s", cases[i][0], f, cases[i][1]);
        free(f);
    }
}

/* A rule set of its own: candidates, and a rule left out. */
static void candidates(void **s)
{
    (void)s;
    sj_ruleset rs = {0};
    sj_err e;
    const char *t = "[target reach]\n"
                    "pattern = (?<!已)(?<indicator>[^,;]{2,40}?)达到(?<value>\\d+)(?=万|亿)\n"
                    "[target other]\n"
                    "pattern = (?<indicator>[^,;]{2,40}?)下降(?<value>\\d+)\n"
                    "[target third]\n"
                    "pattern = (?<indicator>[^,;]{2,40}?)增长(?<value>\\d+)\n"
                    "[scope one]\n"
                    "pattern = y\n"
                    "[scope two]\n"
                    "pattern = z\n"
                    "[scope empty]\n"
                    "pattern = x*\n"
                    "[scope backref]\n"
                    "pattern = (x)(y)\\1\n";
    assert_int_equal(sj_rules_load_text("t.rules", t, strlen(t), &rs, &e), 0);
    assert_int_equal(sj_rules_prefilter(&rs, &e), 0);
    sj_matcher m;
    sj_matcher_init(&m);
    sj_cand c;
    const char *subj = "粮食产量达到5万吨";
    sj_prefilter_scan(&m, &rs, "target", subj, strlen(subj), &c);
    assert_true(sj_cand_has(&c, &rs.rules[0]));
    assert_int_equal(sj_match(&m, &rs.rules[0], subj, strlen(subj), 0), 1);
#ifdef SJ_PREFILTER
    if (!getenv("SIJIAN_NO_PREFILTER")) {
        assert_false(c.all);
        assert_false(sj_cand_has(&c, &rs.rules[1]));
        /* x* may match the empty string: always a candidate, reported */
        assert_int_equal(rs.rules[5].pf_bit, -1);
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        sj_prefilter_report(f, &rs);
        fclose(f);
        assert_non_null(strstr(buf, "[scope empty] t.rules:11: may match the empty string"));
        assert_non_null(strstr(buf, "[scope backref] t.rules:13: refers back to a group"));
        assert_int_equal(rs.rules[6].pf_bit, -1);
        free(buf);
    }
#endif
    sj_prefilter_scan(&m, &rs, "nosuchkind", subj, strlen(subj), &c);
    assert_true(c.all);
    sj_matcher_free(&m);
    sj_rules_free(&rs);
}

/* The promise on real text: every rule of every scanned kind that PCRE2
 * matches in a paragraph, or in a clause of one (cut at , ; : 。 as the
 * target extractor cuts), of the corpus's normalized plans is a candidate
 * of a scan of that text. */
static long check_text(const char *t, size_t len)
{
    static const char *kinds[] = {"target", "clause_hint", "deadline", "deadline_hint",
                                  "scope"};
    long matched = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        sj_cand c;
        sj_prefilter_scan(&M, &RS, kinds[k], t, len, &c);
        SJ_FOR_KIND(&RS, kinds[k], r)
            if (sj_match(&M, r, t, len, 0)) {
                matched++;
                if (!sj_cand_has(&c, r))
                    fail_msg("[%s %s] matches '%.*s' but is no candidate", r->kind, r->name,
                             (int)len, t);
            }
    }
    return matched;
}

static void superset(void **s)
{
    (void)s;
    static const char *files[] = {"sishui-2024-2025-county-air.txt",
                                  "qingtai-2022-2025-county-unitcol.txt",
                                  "gaomi-2022-2024-county-mixed.txt",
                                  "juxian-2021-2023-county-gb18030.txt",
                                  "boshan-2024-2026-district-tasktable.txt"};
    long matched = 0;
    for (size_t fi = 0; fi < sizeof files / sizeof *files; fi++) {
        sj_buf path = {0};
        sj_buf_addf(&path, "%s/corpus/extract/%s", SJ_SOURCE_DIR, files[fi]);
        sj_doc d;
        sj_err e;
        if (sj_pipeline_load(path.data, NULL, &RS, &M, &d, &e))
            fail_msg("%s", e.msg);
        sj_buf_free(&path);
        for (int pi = 0; pi < d.nparas; pi++) {
            const char *t = d.norm.text + d.paras[pi].span.start;
            size_t len = d.paras[pi].span.end - d.paras[pi].span.start;
            matched += check_text(t, len);
            for (size_t a = 0; a < len;) {
                size_t b = a;
                while (b < len && t[b] != ',' && t[b] != ';' && t[b] != ':' &&
                       memcmp(t + b, "。", 3))
                    b++;
                matched += check_text(t + a, b - a);
                a = b < len ? b + (t[b] == ',' || t[b] == ';' || t[b] == ':' ? 1 : 3) : len;
            }
        }
        sj_doc_free(&d);
    }
    assert_true(matched > 100); /* the test saw matches */
}

/* Issue 16: the [script] rules are prefiltered over the whole text, so a
 * simplified plan (no traditional character) skips their PCRE2 searches,
 * and a traditional one still finds them. */
static void script_kind(void **s)
{
    (void)s;
    const char *trad = "為實現節能減排目標,國內單位產值能耗下降3.5%。";
    const char *simp = "为实现节能减排目标,国内单位产值能耗下降3.5%。";
    sj_cand c;
    sj_prefilter_scan(&M, &RS, "script", trad, strlen(trad), &c);
    int found = 0;
    SJ_FOR_KIND(&RS, "script", r)
        if (sj_match(&M, r, trad, strlen(trad), 0)) {
            found++;
            assert_true(sj_cand_has(&c, r));
        }
    assert_true(found > 0);
    sj_prefilter_scan(&M, &RS, "script", simp, strlen(simp), &c);
    SJ_FOR_KIND(&RS, "script", r)
        assert_int_equal(sj_match(&M, r, simp, strlen(simp), 0), 0);
#ifdef SJ_PREFILTER
    if (!getenv("SIJIAN_NO_PREFILTER")) {
        assert_false(c.all);
        SJ_FOR_KIND(&RS, "script", r)
            assert_false(sj_cand_has(&c, r));
    }
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(form),
        cmocka_unit_test(candidates),
        cmocka_unit_test(superset),
        cmocka_unit_test(script_kind),
    };
    return cmocka_run_group_tests(tests, load_rules, free_rules);
}
