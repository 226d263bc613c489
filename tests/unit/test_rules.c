#include "test_util.h"
#include <time.h>
#include <unistd.h>

static void expect_error(const char *text, const char *needle)
{
    sj_ruleset rs = {0};
    sj_err e;
    assert_int_equal(sj_rules_load_text("t.rules", text, strlen(text), &rs, &e), -1);
    if (!strstr(e.msg, needle))
        fail_msg("message '%s' lacks '%s'", e.msg, needle);
    sj_rules_free(&rs);
}

static void errors(void **s)
{
    (void)s;
    expect_error("[nosuch x]\npattern = a\n", "t.rules:1: unknown rule kind");
    /* errors about a pattern name the pattern's line, not the header's */
    expect_error("[target x]\n# c\npattern = (a\n", "t.rules:3: [target x]: bad pattern");
    expect_error("[target x]\nnote = n\npattern = (?<colour>a)\n", "t.rules:3: [target x]: capture group");
    expect_error("[target x]\n\npattern = {{NOPE}}\n", "t.rules:3: unknown macro");
    expect_error("[target x]\npattern = a\nbogus = 1\n", "t.rules:3: unknown key");
    expect_error("[target x]\npattern = (?<colour>a)\n", "capture group 'colour'");
    expect_error("[target x]\npattern = {{NOPE}}\n", "unknown macro");
    expect_error("[deadline x]\npattern = a\n", "needs a 'kind' key");
    expect_error("pattern = a\n", "t.rules:1: expected a rule header");
    expect_error("[noise x]\npattern = (?<drop>a)\ndigits = maybe\n", "t.rules:1: [noise x]: digits must be yes or no");
    expect_error("[noise x]\npattern = (?<drop>a)\ndigits = yes\nreplace = b\n", "digits = yes takes no insert or replace");
    expect_error("[noise x]\npattern = (?<drop>a)\nnumber = maybe\n", "t.rules:1: [noise x]: number must be yes or no");
    expect_error("[noise x]\npattern = (?<drop>a)\nnumber = yes\nreplace = b\n", "number = yes takes no insert, replace, digits or squeeze");
    expect_error("[noise x]\npattern = (?<drop>a)\nsqueeze = yes\nnumber = yes\n", "t.rules:1: [noise x]: number = yes takes no");
    expect_error("[noise x]\npattern = (?<drop>a)\nsqueeze = often\n", "squeeze must be yes or no");
    expect_error("[numeral x]\npattern = 点\nvalue = 0\npoint = sure\n", "point must be yes or no");
    /* found by fuzzing: invalid UTF-8 in a pattern crashed pcre2_compile */
    expect_error("# x\n[target x]\npattern = a\xff(\n", "t.rules:3: invalid UTF-8");
    /* found by fuzzing: a define using itself read a NULL pattern */
    expect_error("[define A]\npattern = x{{A}}\n", "unknown macro {{A}}");
    /* a list separator is a literal word for a known kind of list */
    expect_error("# s\n[list_separator x]\npattern = a|b\nlists = names\n",
                 "t.rules:3: [list_separator x]: the pattern must be a literal word");
    expect_error("[list_separator x]\npattern = a\nlists = names colours\n",
                 "t.rules:1: [list_separator x]: unknown list 'colours'");
    expect_error("[list_separator x]\npattern = a\n", "needs a 'lists' key");
    /* issue 12, item 4: programmes and agency roles are rules, checked so */
    expect_error("# p\n[programme air]\npattern = 大气\n", "t.rules:2: [programme air] needs a 'programme' key");
    expect_error("[programme air]\npattern = 大气\nprogramme = air\nlevel = 1\n", "t.rules:4: unknown key");
    expect_error("[agency_role x]\npattern = (?<keep>分)\n", "capture group 'keep'");
    expect_error("[agency_role x]\npattern = 分\nwith = 局\n", "t.rules:3: unknown key");
    sj_ruleset rs = {0};
    sj_err e;
    const char *ok = "[list_separator x]\npattern = and\nlists = names each\n[place_prefix p]\npattern = ^Z\n";
    assert_int_equal(sj_rules_load_text("t.rules", ok, strlen(ok), &rs, &e), 0);
    sj_rules_free(&rs);
}

/* CPU seconds to load n pairs of [define] rules (the second using the first) */
static double load_many(int n, sj_ruleset *rs)
{
    sj_buf b = {0};
    for (int i = 0; i < n; i++)
        sj_buf_addf(&b, "[define m%d]\npattern = x%d\n[define u%d]\npattern = {{m%d}}y\n", i, i, i, i);
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    sj_err e;
    assert_int_equal(sj_rules_load_text("big.rules", b.data, b.len, rs, &e), 0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    sj_buf_free(&b);
    return (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* Issue 17: loading is linear in the number of rules (names are hashed:
 * 60,000 rules took 174 s with a strcmp over all rules per rule), a
 * duplicate is still found among them, and a pattern that uses a long
 * macro many times stops at a size limit instead of eating the memory. */
static void many_rules(void **s)
{
    (void)s;
    /* four times the rules: about four times the time (CPU time, which a
     * busy machine does not inflate; quadratic loading took 16 times) */
    sj_ruleset small = {0}, rs = {0};
    double t1 = load_many(10000, &small), t4 = load_many(40000, &rs);
    sj_rules_free(&small);
    if (t4 > 7 * t1 + 0.2)
        fail_msg("20,000 rules took %.2f s, 80,000 %.2f s: superlinear", t1, t4);
    int n = 40000;
    assert_string_equal(rs.rules[2 * n - 1].pattern, "(?:x39999)y");
    sj_buf b = {0};
    sj_err e;
    const char *dup = "[define m17]\npattern = z\n";
    assert_int_equal(sj_rules_load_text("dup.rules", dup, strlen(dup), &rs, &e), -1);
    assert_non_null(strstr(e.msg, "dup.rules:1: duplicate rule [define m17] (first at big.rules:69)"));
    sj_rules_free(&rs);
    sj_buf_adds(&b, "[define d]\npattern = ");
    for (int i = 0; i < 1000; i++)
        sj_buf_adds(&b, "a");
    sj_buf_adds(&b, "\n[target t]\npattern = ");
    for (int i = 0; i < 2000; i++)
        sj_buf_adds(&b, "{{d}}");
    assert_int_equal(sj_rules_load_text("t.rules", b.data, b.len, &rs, &e), -1);
    assert_non_null(strstr(e.msg, "longer than"));
    sj_rules_free(&rs);
    sj_buf_free(&b);
}

/* Issue 17: an empty rules folder is a clear error (it passed NULL to
 * qsort, which the sanitizer build aborted on). */
static void empty_dir(void **s)
{
    (void)s;
    char dir[] = "/tmp/sj-rules-XXXXXX";
    assert_non_null(mkdtemp(dir));
    sj_ruleset rs = {0};
    sj_err e;
    assert_int_equal(sj_rules_load_dir(dir, &rs, &e), -1);
    assert_non_null(strstr(e.msg, "no *.rules files"));
    sj_rules_free(&rs);
    rmdir(dir);
}

static void macros_and_match(void **s)
{
    (void)s;
    sj_ruleset rs = {0};
    sj_err e;
    const char *t = "# c\n[define N]\npattern = \\d+\n[deadline d]\npattern = (?<year>{{N}})\n  年\nkind = by\n";
    assert_int_equal(sj_rules_load_text("t.rules", t, strlen(t), &rs, &e), 0);
    sj_matcher m;
    sj_matcher_init(&m);
    const char *subj = "到2023年";
    assert_int_equal(sj_match(&m, &rs.rules[1], subj, strlen(subj), 0), 1);
    size_t a, b;
    assert_int_equal(sj_match_group(&m, &rs.rules[1], "year", &a, &b), 1);
    assert_int_equal(b - a, 4);
    sj_matcher_free(&m);
    sj_rules_free(&rs);
}

/* The trigger of a target rule is its pattern after the first lazy named
 * group; it must never say "cannot match" where the rule matches. */
static void triggers(void **s)
{
    (void)s;
    sj_ruleset rs = {0};
    sj_err e;
    const char *t = "[target resp]\npattern = (?<indicators>[^,;]{2,60}?)分别(?<values>\\d+)\n"
                    "[target opt]\npattern = (?<indicator>[^,]{2,9}?)?比(?<value>\\d+)\n"
                    "[target alt]\npattern = (?<indicator>[^,]{2,9}?)达到\\d+|x\n"
                    "[target g]\npattern = (?<indicator>[^,]{2,9}?)\\G\\d+\n"
                    "[target class]\npattern = (?<indicator>[^)(\\]]{1,9}?)\\)达到(?<value>\\d+)\n"
                    "[target rate]\npattern = (?<indicator>[^,]{2,9}?(?:率|比例))(?<value>\\d+)%\n"
                    "[target optrate]\npattern = (?<indicator>[^,]{2,9}?(?:率|比例))?(?<value>\\d+)%\n";
    assert_int_equal(sj_rules_load_text("t.rules", t, strlen(t), &rs, &e), 0);
    assert_non_null(rs.rules[0].trigger);
    assert_non_null(rs.rules[1].trigger); /* the group may be optional */
    assert_null(rs.rules[2].trigger);     /* a top-level | */
    assert_null(rs.rules[3].trigger);     /* \G in the rest */
    assert_non_null(rs.rules[4].trigger); /* ( ) ] inside a class */
    assert_non_null(rs.rules[5].trigger); /* from 率|比例 on */
    assert_non_null(rs.rules[6].trigger); /* an optional group: from the value */
    sj_matcher m;
    sj_matcher_init(&m);
    const char *yes[] = {"用水量、能耗分别12", "能耗比3", "", "", "能耗)达到5", "综合利用率95%",
                         "降低12%"};
    const char *no[] = {"用水量、能耗下降12", "能耗下降3", "", "", "能耗达到5", "综合利用95%",
                        "降低12"};
    for (int i = 0; i < 7; i++) {
        if (!*yes[i])
            continue;
        assert_int_equal(sj_rule_may_match(&m, &rs.rules[i], yes[i], strlen(yes[i]), 0), 1);
        assert_int_equal(sj_match(&m, &rs.rules[i], yes[i], strlen(yes[i]), 0), 1);
        assert_int_equal(sj_rule_may_match(&m, &rs.rules[i], no[i], strlen(no[i]), 0), 0);
    }
    sj_matcher_free(&m);
    sj_rules_free(&rs);
}

/* A deadline pattern that opens with words is searched by its rest: every
 * match, from every start and within every offset limit, must be the one
 * the plain search finds. */
static void lead_words_search(void **s)
{
    (void)s;
    sj_ruleset rs = {0};
    sj_err e;
    const char *t = "[deadline a]\npattern = (?:到|至)?(?<year>\\d{4})年(?:底)?前?\nkind = by\n"
                    "[deadline b]\npattern = (?:今年|本年)(?<month>\\d{1,2})月\nkind = by\n";
    assert_int_equal(sj_rules_load_text("t.rules", t, strlen(t), &rs, &e), 0);
    const char *subj[] = {"到2025年底前,至2027年", "2025年", "到到到2025年前", "今年3月,本年12月底",
                          "截至2024年底,到2025", "至", "12345年底", "到x2025年 至2026年前"};
    sj_matcher m;
    sj_matcher_init(&m);
    for (int ri = 0; ri < 2; ri++) {
        const sj_rule *r = &rs.rules[ri];
        assert_non_null(r->rest);
        sj_rule plain = *r;
        plain.rest = NULL;
        for (size_t k = 0; k < sizeof subj / sizeof subj[0]; k++) {
            size_t len = strlen(subj[k]);
            for (size_t st = 0; st <= len; st++) {
                if (((unsigned char)subj[k][st] & 0xC0) == 0x80)
                    continue;
                for (size_t lim = st; lim <= len + 1; lim++) {
                    size_t a, b, c, d;
                    int want = lim > len ? sj_match(&m, &plain, subj[k], len, st)
                                         : sj_match_within(&m, &plain, subj[k], len, st, lim);
                    if (want)
                        sj_match_span(&m, &a, &b);
                    int got = lim > len ? sj_match(&m, r, subj[k], len, st)
                                        : sj_match_within(&m, r, subj[k], len, st, lim);
                    assert_int_equal(got, want);
                    if (got) {
                        sj_match_span(&m, &c, &d);
                        assert_int_equal(c, a);
                        assert_int_equal(d, b);
                    }
                }
            }
        }
    }
    sj_matcher_free(&m);
    sj_rules_free(&rs);
}

static void limits(void **s)
{
    (void)s;
    sj_ruleset rs = {0};
    sj_err e;
    const char *t = "[scope evil]\npattern = (a+)+$\n";
    assert_int_equal(sj_rules_load_text("t.rules", t, strlen(t), &rs, &e), 0);
    sj_matcher m;
    sj_matcher_init(&m);
    char subj[5000];
    memset(subj, 'a', sizeof subj - 2);
    subj[sizeof subj - 2] = 'b';
    subj[sizeof subj - 1] = 0;
    assert_int_equal(sj_match(&m, &rs.rules[0], subj, strlen(subj), 0), 0);
    sj_matcher_free(&m);
    sj_rules_free(&rs);
}

static void fuzz_regressions(void **s)
{
    (void)s;
    unsigned char *text;
    size_t len;
    sj_err e;
    static const char *const files[] = {"rules-invalid-utf8-pattern.rules",
                                        "rules-self-macro.rules"};
    for (size_t i = 0; i < 2; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/tests/fuzz-regressions/%s", SJ_SOURCE_DIR, files[i]);
        assert_int_equal(sj_read_file(path, 1 << 20, &text, &len, &e), 0);
        sj_ruleset rs = {0};
        assert_int_equal(sj_rules_load_text("crash.rules", (const char *)text, len, &rs, &e), -1);
        sj_rules_free(&rs);
        free(text);
    }
}

static void project_rules_load(void **s)
{
    (void)s;
    assert_true(RS.n > 20);
}

/* rules/places.tsv: loaded with the rules, validated line by line */
static void places(void **s)
{
    (void)s;
    assert_true(RS.places.n > 3000);
    int k = sj_places_find(&RS.places, "寿光市", strlen("寿光市"));
    assert_true(k >= 0);
    assert_int_equal(RS.places.items[k].level, 3);
    assert_string_equal(RS.places.items[RS.places.items[k].parent].name, "潍坊市");
    const char *t = "寿光市新一轮三年行动方案";
    assert_int_equal(sj_places_prefix(&RS.places, t, strlen(t)), k);
    /* a chain of divisions; a name listed more than once (鼓楼区) is the
     * one inside the division before it */
    size_t used;
    const char *chain = "山东省潍坊市寿光市人民政府";
    assert_int_equal(sj_places_chain(&RS.places, chain, strlen(chain), &used), k);
    assert_int_equal(used, strlen("山东省潍坊市寿光市"));
    const char *fz = "福州市鼓楼区方案", *xz = "徐州市鼓楼区方案";
    int a = sj_places_chain(&RS.places, fz, strlen(fz), &used);
    int b = sj_places_chain(&RS.places, xz, strlen(xz), &used);
    assert_true(a >= 0 && b >= 0 && a != b);
    assert_string_equal(RS.places.items[a].code, "350102");
    assert_string_equal(RS.places.items[b].code, "320302");
    int same[8];
    assert_int_equal(sj_places_named(&RS.places, a, same, 8), 4);
    assert_int_equal(sj_places_chain(&RS.places, "方案", strlen("方案"), &used), -1);
    assert_int_equal(used, 0);
    sj_places pl = {0};
    sj_err err;
    const char *ok = "# c\n370000\t山东省\tprovince\t省\t-\t山东\n"
                     "370700\t潍坊市\tcity\t市\t370000\t潍坊\n"
                     "370783\t寿光市\tcounty\t市\t370700\t寿光\n";
    assert_int_equal(sj_places_load_text("p.tsv", ok, strlen(ok), &pl, &err), 0);
    assert_int_equal(pl.n, 3);
    sj_places_free(&pl);
    static const char *const bad[][2] = {
        {"370000\t山东省\tprovince\t省\t-\n", "p.tsv:1: a division has six"},
        {"37000\t山东省\tprovince\t省\t-\t山东\n", "p.tsv:1: the code must be 6 digits"},
        {"370000\t山东省\tstate\t省\t-\t山东\n", "p.tsv:1: level must be"},
        {"#\n370700\t潍坊市\tcity\t市\t370000\t潍坊\n", "p.tsv:2: parent 370000 is not listed"},
        {"370000\t山东省\tprovince\t省\t-\t山东\n370000\t山东省\tprovince\t省\t-\t山东\n",
         "p.tsv:2: code 370000 is listed twice"},
        {"370000\t山\xff\tprovince\t省\t-\t山东\n", "p.tsv:1: invalid UTF-8"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&pl, 0, sizeof pl);
        assert_int_equal(sj_places_load_text("p.tsv", bad[i][0], strlen(bad[i][0]), &pl, &err), -1);
        assert_non_null(strstr(err.msg, bad[i][1]));
        sj_places_free(&pl);
    }
}

/* CPU seconds to load a places table of about n counties (30 provinces,
 * their cities, n / 1200 counties each) */
static double load_places(int n, sj_places *pl)
{
    sj_buf b = {0};
    int per = n / 1200;
    for (int p = 0; p < 30; p++) {
        sj_buf_addf(&b, "%02d0000\tP%d\tprovince\t省\t-\t-\n", 11 + p, p);
        for (int c = 1; c <= 40; c++) {
            sj_buf_addf(&b, "%02d%02d00\tC%d-%d\tcity\t市\t%02d0000\t-\n", 11 + p, c, p, c,
                        11 + p);
            for (int k = 1; k <= per; k++)
                sj_buf_addf(&b, "%02d%02d%02d\tX%d-%d-%d\tcounty\t县\t%02d%02d00\t-\n", 11 + p,
                            c, k, p, c, k, 11 + p, c);
        }
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    sj_err e;
    assert_int_equal(sj_places_load_text("big.tsv", b.data, b.len, pl, &e), 0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    sj_buf_free(&b);
    return (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* Issue 16: loading places.tsv is linear (codes are hashed: a scan of the
 * divisions read so far per line took 5.6 million strcmp calls, three
 * quarters of every start-up); a code is still found listed twice, and a
 * city without counties listed again as its own county is still allowed
 * (its later listing is the one a code names). */
static void places_linear(void **s)
{
    (void)s;
    sj_places small = {0}, pl = {0};
    double t1 = load_places(12000, &small), t4 = load_places(48000, &pl);
    if (t4 > 7 * t1 + 0.2)
        fail_msg("12,000 divisions took %.2f s, 48,000 %.2f s: superlinear", t1, t4);
    assert_int_equal(small.n, 30 + 30 * 40 + 12000);
    assert_int_equal(pl.n, 30 + 30 * 40 + 48000);
    int k = sj_places_find(&pl, "X29-40-40", strlen("X29-40-40"));
    assert_true(k >= 0);
    assert_string_equal(pl.items[k].code, "404040");
    assert_string_equal(pl.items[pl.items[k].parent].name, "C29-40");
    sj_places_free(&small);
    sj_places_free(&pl);
    sj_err e;
    const char *again = "440000\t广东省\tprovince\t省\t-\t广东\n"
                        "441900\t东莞市\tcity\t市\t440000\t东莞\n"
                        "441900\t东莞市\tcounty\t市\t441900\t东莞\n";
    assert_int_equal(sj_places_load_text("p.tsv", again, strlen(again), &pl, &e), 0);
    assert_int_equal(pl.n, 3);
    assert_int_equal(pl.items[2].parent, 1);
    sj_places_free(&pl);
    const char *bad[] = {
        /* a third listing: the last listed is the county */
        "440000\t广东省\tprovince\t省\t-\t广东\n441900\t东莞市\tcity\t市\t440000\t东莞\n"
        "441900\t东莞市\tcounty\t市\t441900\t东莞\n441900\t东莞市\tcounty\t市\t441900\t东莞\n",
        /* a division under the code's later (county) listing */
        "440000\t广东省\tprovince\t省\t-\t广东\n441900\t东莞市\tcity\t市\t440000\t东莞\n"
        "441900\t东莞市\tcounty\t市\t441900\t东莞\n441901\t某镇\tcounty\t镇\t441900\t-\n",
    };
    const char *why[] = {"p.tsv:4: code 441900 is listed twice",
                         "p.tsv:4: parent 441900 is not above the division"};
    for (int i = 0; i < 2; i++) {
        memset(&pl, 0, sizeof pl);
        assert_int_equal(sj_places_load_text("p.tsv", bad[i], strlen(bad[i]), &pl, &e), -1);
        if (!strstr(e.msg, why[i]))
            fail_msg("'%s' lacks '%s'", e.msg, why[i]);
        sj_places_free(&pl);
    }
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(errors), cmocka_unit_test(macros_and_match),
        cmocka_unit_test(limits), cmocka_unit_test(triggers), cmocka_unit_test(lead_words_search), cmocka_unit_test(fuzz_regressions),
        cmocka_unit_test(project_rules_load), cmocka_unit_test(places),

        cmocka_unit_test(many_rules),
        cmocka_unit_test(empty_dir),
        cmocka_unit_test(places_linear)};
    return cmocka_run_group_tests(t, load_rules, free_rules);
}
