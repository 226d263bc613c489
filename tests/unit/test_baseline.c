#include "test_util.h"
#include "baseline.h"
#include "kvfile.h"

#include <unistd.h>

static void kv_syntax(void **s)
{
    (void)s;
    sj_kvfile kv;
    sj_err err;
    const char *t = "\xEF\xBB\xBF# comment\n[options]\nfail-on = warning\n\n[check  agency-missing ]\n"
                    "level = error \n  continued here\nenabled=false\n";
    assert_int_equal(sj_kv_parse("c", t, strlen(t), &kv, &err), 0);
    assert_int_equal(kv.nsections, 2);
    assert_string_equal(kv.sections[1].kind, "check");
    assert_string_equal(kv.sections[1].name, "agency-missing");
    assert_int_equal(kv.n, 3);
    assert_string_equal(kv.items[0].kind, "options");
    assert_string_equal(kv.items[0].key, "fail-on");
    assert_string_equal(kv.items[0].value, "warning");
    assert_int_equal(kv.items[0].line, 3);
    assert_string_equal(kv.items[1].value, "error continued here");
    assert_string_equal(kv.items[2].value, "false");
    assert_int_equal(kv.items[2].line, 8);
    sj_kv_free(&kv);
    const char *bad[][2] = {{"[x\n", "c:1: a section header needs ]"},
                            {"a = 1\nno equals\n", "c:2: expected key = value or [KIND NAME]"},
                            {"[]\n", "c:1: an empty section header"},
                            {"two words = 1\n", "c:1: a key is one word"},
                            {"[a] b\n", "c:1: text after ]"}};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(sj_kv_parse("c", bad[i][0], strlen(bad[i][0]), &kv, &err), -1);
        assert_string_equal(err.msg, bad[i][1]);
        sj_kv_free(&kv);
    }
    /* a NUL byte is an error, not the end of the text */
    assert_int_equal(sj_kv_parse("c", "a = 1\0\n", 7, &kv, &err), -1);
    sj_kv_free(&kv);
}

static void norm_text(void **s)
{
    (void)s;
    sj_buf b = {0};
    const char *t = " a \t b\n\xE3\x80\x80" "c  ";
    sj_baseline_norm(t, strlen(t), &b);
    assert_string_equal(b.data, "a b c");
    sj_buf_free(&b);
    /* cut at 240 bytes, on a character boundary */
    char big[1000];
    for (int i = 0; i < 300; i++)
        memcpy(big + 3 * i, "\xE4\xB8\x80", 3); /* 一 */
    sj_baseline_norm(big, 900, &b);
    assert_int_equal(b.len, 240);
    sj_buf_free(&b);
    sj_baseline_norm(big, 4, &b); /* a cut character is left out */
    assert_int_equal(b.len, 3);
    sj_buf_free(&b);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* a child and a parent of one line each, and their findings */
static void fake_doc(sj_doc *d, const char *path, const char *text)
{
    memset(d, 0, sizeof *d);
    d->path = (char *)path;
    d->norm.text = (char *)text;
    d->norm.len = strlen(text);
}

static void findings(sj_findings *fs)
{
    memset(fs, 0, sizeof *fs);
    sj_span c1 = {0, 9}, p1 = {0, 9}, c2 = {10, 19}, p2 = {10, 19};
    /* 0: weaker-target "child aaa" / "paren aaa" */
    sj_findings_add(fs, SJ_MSG_WEAKER_TARGET, "ind", c1, 1, p1, 1, 1.0, "ind", 1.0, "%", 2.0, "%");
    /* 1: scale-dependent (info) */
    sj_findings_add(fs, SJ_MSG_SCALE_DEPENDENT, "amt", c2, 1, p2, 1, 1.0, "amt", 1.0, "t", 9.0, "t");
    /* 2: agency-missing (warning) */
    sj_findings_add(fs, SJ_MSG_AGENCY_MISSING, "", c2, 1, p2, 1, 1.0);
}

static void apply_policy(void **s)
{
    (void)s;
    sj_doc c, p;
    fake_doc(&c, "child.txt", "child aaa\nchild bbb\n");
    fake_doc(&p, "parent.txt", "paren aaa\nparen bbb\n");
    char path[] = "/tmp/test_baseline_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    /* the weaker target accepted (spaces differ), the agency entry expired,
     * one stale entry for this file and one for another */
    write_file(path, "[accept weaker-target]\nindicator = ind\nchild = child  aaa\n"
                     "parent = paren\taaa\nreason = approved\n\n"
                     "[accept agency-missing]\nchild = child bbb\nparent = paren bbb\n"
                     "expires = 2026-01-01\n\n"
                     "[accept weaker-target]\nindicator = gone\nfile = child.txt\n\n"
                     "[accept weaker-target]\nindicator = other\nfile = other.txt\n");
    sj_baseline b;
    sj_err err;
    assert_int_equal(sj_baseline_load(path, "2026-06-01", 0, &b, &err), 0);
    assert_int_equal(b.n, 4);
    assert_true(b.items[1].expired && !b.items[0].expired);
    sj_policy pol;
    sj_policy_init(&pol);
    pol.baseline = &b;
    pol.stale_in_report = 1;
    sj_findings fs;
    findings(&fs);
    sj_policy_apply(&pol, &c, &p, &fs);
    /* left: scale-dependent, agency-missing, its expiry note, one stale */
    assert_int_equal(fs.n, 4);
    assert_string_equal(fs.items[0].id, "scale-dependent");
    assert_string_equal(fs.items[1].id, "agency-missing");
    assert_string_equal(fs.items[2].id, "baseline-expired");
    assert_int_equal(fs.items[2].level, SJ_INFO);
    assert_non_null(strstr(fs.items[2].message, "expired on 2026-01-01"));
    assert_string_equal(fs.items[3].id, "baseline-stale");
    assert_non_null(strstr(fs.items[3].message, ":12 (weaker-target gone)"));
    /* adding after the filter still finds the same place (the lookup
     * was rebuilt) */
    sj_span c2 = {10, 19};
    sj_findings_add(&fs, SJ_MSG_AGENCY_MISSING, "", c2, 1, c2, 1, 1.0);
    assert_int_equal(fs.n, 4);
    sj_findings_free(&fs);
    sj_baseline_free(&b);

    /* checks off, levels, the lowest level shown */
    sj_policy_init(&pol);
    pol.off[SJ_F_AGENCY_MISSING] = 1;
    pol.level[SJ_F_SCALE_DEPENDENT] = SJ_ERROR;
    pol.min_level = SJ_WARNING;
    findings(&fs);
    sj_policy_apply(&pol, &c, &p, &fs);
    assert_int_equal(fs.n, 2);
    assert_string_equal(fs.items[1].id, "scale-dependent");
    assert_int_equal(fs.items[1].level, SJ_ERROR);
    sj_findings_free(&fs);

    /* recording for --update-baseline: everything met, nothing shown;
     * the written file keeps the reason and reads back */
    assert_int_equal(sj_baseline_load(path, "2026-06-01", 0, &b, &err), 0);
    b.record = 1;
    sj_policy_init(&pol);
    pol.baseline = &b;
    findings(&fs);
    sj_policy_apply(&pol, &c, &p, &fs);
    assert_int_equal(fs.n, 0);
    assert_int_equal(b.nmet, 3);
    FILE *f = fopen(path, "w");
    sj_baseline_write(&b, f);
    fclose(f);
    sj_findings_free(&fs);
    sj_baseline_free(&b);
    assert_int_equal(sj_baseline_load(path, "2026-06-01", 0, &b, &err), 0);
    assert_int_equal(b.n, 3);
    int reasons = 0;
    for (int i = 0; i < b.n; i++)
        reasons += !strcmp(b.items[i].reason, "approved");
    assert_int_equal(reasons, 1);
    sj_baseline_free(&b);

    /* the same finding in two plans: two entries, both used, each
     * plan's own reason kept when written again */
    write_file(path, "[accept agency-missing]\nchild = child bbb\nparent = paren bbb\n"
                     "file = a.txt\nreason = for a\n\n"
                     "[accept agency-missing]\nchild = child bbb\nparent = paren bbb\n"
                     "file = child.txt\nreason = for child\n");
    assert_int_equal(sj_baseline_load(path, "2026-06-01", 0, &b, &err), 0);
    b.record = 0;
    sj_policy_init(&pol);
    pol.baseline = &b;
    findings(&fs);
    sj_policy_apply(&pol, &c, &p, &fs);
    assert_int_equal(fs.n, 2);
    assert_true(b.items[0].used && b.items[1].used);
    sj_findings_free(&fs);
    b.record = 1;
    findings(&fs);
    sj_policy_apply(&pol, &c, &p, &fs);
    f = fopen(path, "w");
    sj_baseline_write(&b, f);
    fclose(f);
    sj_findings_free(&fs);
    sj_baseline_free(&b);
    assert_int_equal(sj_baseline_load(path, "2026-06-01", 0, &b, &err), 0);
    int found = 0;
    for (int i = 0; i < b.n; i++)
        if (!strcmp(b.items[i].id, "agency-missing"))
            found = 1, assert_string_equal(b.items[i].reason, "for child");
    assert_true(found);
    sj_baseline_free(&b);

    /* errors name the line */
    write_file(path, "[accept weaker-target]\ncolour = red\n");
    assert_int_equal(sj_baseline_load(path, "2026-06-01", 0, &b, &err), -1);
    assert_non_null(strstr(err.msg, ":2: unknown key 'colour'"));
    sj_baseline_free(&b);
    write_file(path, "[accept weaker-target]\nexpires = soon\n");
    assert_int_equal(sj_baseline_load(path, "2026-06-01", 0, &b, &err), -1);
    assert_non_null(strstr(err.msg, ":2: expires takes a date"));
    sj_baseline_free(&b);
    unlink(path);
    /* missing: an error unless it is to be written */
    assert_int_equal(sj_baseline_load(path, "2026-06-01", 0, &b, &err), -1);
    sj_baseline_free(&b);
    assert_int_equal(sj_baseline_load(path, "2026-06-01", 1, &b, &err), 0);
    assert_int_equal(b.n, 0);
    sj_baseline_free(&b);
}

static void fingerprint_ignores_place(void **s)
{
    (void)s;
    sj_doc c, c2, p;
    fake_doc(&c, "child.txt", "child aaa\n");
    fake_doc(&c2, "child.txt", "\n\nchild   aaa\n");
    fake_doc(&p, "parent.txt", "paren aaa\n");
    sj_finding f = {0}, g = {0};
    f.id = g.id = "weaker-target";
    f.indicator = g.indicator = "ind";
    f.child_span = (sj_span){0, 9};
    g.child_span = (sj_span){2, 13};
    f.parent_span = g.parent_span = (sj_span){0, 9};
    assert_true(sj_finding_fingerprint(&f, &c, &p) == sj_finding_fingerprint(&g, &c2, &p));
    g.indicator = "other";
    assert_true(sj_finding_fingerprint(&f, &c, &p) != sj_finding_fingerprint(&g, &c2, &p));
}

static void explain_texts(void **s)
{
    (void)s;
    for (int k = 0; k < SJ_F_COUNT; k++) {
        const sj_finding_explain_info *e = sj_finding_explain((sj_finding_kind)k);
        assert_non_null(e);
        assert_true(e->why && e->example && e->resolve);
        const char *zh = sj_finding_label((sj_finding_kind)k, SJ_LANG_ZH);
        assert_true((unsigned char)zh[0] >= 0xE0); /* a Chinese label */
        assert_string_equal(sj_finding_label((sj_finding_kind)k, SJ_LANG_EN),
                            sj_finding_info_of((sj_finding_kind)k)->id);
    }
    assert_null(sj_finding_explain(SJ_F_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kv_syntax),
        cmocka_unit_test(norm_text),
        cmocka_unit_test(apply_policy),
        cmocka_unit_test(fingerprint_ignores_place),
        cmocka_unit_test(explain_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
