#include "test_util.h"
#include "scan.h"

#include <sys/stat.h>
#include <unistd.h>

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void walk(void **s)
{
    (void)s;
    char dir[] = "/tmp/sj_test_scan_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[256];
    snprintf(p, sizeof p, "%s/b.md", dir), put(p, "b");
    snprintf(p, sizeof p, "%s/a.txt", dir), put(p, "a");
    snprintf(p, sizeof p, "%s/c.doc", dir), put(p, "c");
    snprintf(p, sizeof p, "%s/sub", dir), mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/sub/d.txt", dir), put(p, "d");
    char t[256];
    snprintf(t, sizeof t, "%s/a.txt", dir);
    snprintf(p, sizeof p, "%s/e.txt", dir);
    assert_int_equal(symlink(t, p), 0);
    snprintf(p, sizeof p, "%s/i.png", dir);
    assert_int_equal(symlink(t, p), 0);
    snprintf(p, sizeof p, "%s/f.png", dir), put(p, "\x89PNG\r\n\x1a\n");
    snprintf(p, sizeof p, "%s/g.jsonl", dir), put(p, "{}");
    snprintf(p, sizeof p, "%s/h.bin", dir), put(p, "%PDF-1.4 named .bin");
    snprintf(p, sizeof p, "%s/.git", dir), mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/.git/x.txt", dir), put(p, "x");
    sj_walk w;
    assert_int_equal(sj_walk_dir(dir, &w), 0);
    /* every file is listed, in path order, with why it is not read */
    const char *want[] = {"a.txt", "b.md",   "c.doc",    "f.png",
                          "g.jsonl", "h.bin", "i.png", "sub/d.txt"};
    const char *skip[] = {NULL, NULL, NULL, "image (png)", "text, not a plan format (.jsonl)",
                          NULL, "symbolic link, not followed", NULL};
    assert_int_equal(w.n, 8);
    for (int i = 0; i < 8; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, want[i]);
        assert_string_equal(w.paths[i], p);
        if (skip[i])
            assert_string_equal(w.skip[i], skip[i]);
        else
            assert_null(w.skip[i]);
    }
    assert_int_equal(w.nnotes, 1);
    snprintf(p, sizeof p, "%s/e.txt: symbolic link, not followed", dir);
    assert_string_equal(w.notes[0], p);
    sj_walk_free(&w);
    /* --include / --exclude: a name glob, a path glob, an excluded folder */
    const char *inc[] = {"*.txt", "*.md"}, *exc[] = {"sub"}, *exc2[] = {"sub/*.txt", "b.*"};
    sj_walk_filter f = {inc, exc, 2, 1, 0};
    assert_int_equal(sj_walk_dir_filtered(dir, &f, &w), 0);
    assert_int_equal(w.n, 2); /* a.txt b.md; e.txt is a link, i.png not included */
    snprintf(p, sizeof p, "%s/b.md", dir);
    assert_string_equal(w.paths[1], p);
    sj_walk_free(&w);
    sj_walk_filter f2 = {NULL, exc2, 0, 2, 0};
    assert_int_equal(sj_walk_dir_filtered(dir, &f2, &w), 0);
    assert_int_equal(w.n, 6); /* not b.md, not sub/d.txt */
    snprintf(p, sizeof p, "%s/c.doc", dir);
    assert_string_equal(w.paths[1], p);
    sj_walk_free(&w);
    /* a file is not a folder */
    snprintf(p, sizeof p, "%s/a.txt", dir);
    assert_int_equal(sj_walk_dir(p, &w), -1);
    assert_int_equal(w.n, 0);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static char *cites_t[] = {"潍坊市空气质量改善方案"};
static char *cites_none[] = {NULL};
static char *docno_t[] = {"潍政发〔2021〕3号"};

static void pair(void **s)
{
    (void)s;
    sj_scan_card cards[4] = {
        {.path = "d/city.txt", .ok = 1, .title = "潍坊市空气质量改善方案", .docno = "潍政发〔2021〕3号"},
        {.path = "d/county.txt", .ok = 1, .title = "昌乐县方案", .cite_title = cites_t,
         .cite_docno = cites_none, .ncites = 1},
        {.path = "d/other.txt", .ok = 1, .title = "寿光市方案", .cite_title = cites_none,
         .cite_docno = docno_t, .ncites = 1},
        {.path = "d/broken.txt", .ok = 0, .err = "cannot read"},
    };
    int parent[4];
    for (int mode = -1; mode <= 1; mode++) {
        sj_pair_by_citation(cards, 4, mode, parent);
        assert_int_equal(parent[0], -1);
        assert_int_equal(parent[1], 0); /* by title */
        assert_int_equal(parent[2], 0); /* by 文号 */
        assert_int_equal(parent[3], -1);
    }
    /* a pairs file: one good line, one without a tab, one unknown file */
    char file[] = "/tmp/sj_test_pairs_XXXXXX";
    int fd = mkstemp(file);
    assert_true(fd >= 0);
    close(fd);
    put(file, "# comment\ncity.txt\tcounty.txt\nno tab here\nd/x.txt\td/city.txt\n");
    int notes = sj_pair_from_file(file, cards, 4, parent, NULL, NULL);
    assert_int_equal(notes, 2);
    assert_int_equal(parent[0], 1);
    unlink(file);
    assert_int_equal(sj_pair_from_file(file, cards, 4, parent, NULL, NULL), 1);
}

/* Issue 12, item 4: a plan that cites no plan pairs with the plan of the
 * division above its place, of its programme and period; never with a
 * sibling, another programme, a plan of another period, a division two
 * levels up; not when it cites a plan (even one not in the folder); of
 * several, the title most like its own once the places are taken out. */
static char *up_weifang[] = {"370700", NULL}, *up_shandong[] = {"370000", NULL},
            *up_gulou[] = {"350100", "320300", NULL};

static void pair_by_place(void **s)
{
    (void)s;
    char *cite[] = {"山东省空气质量持续改善行动方案", NULL}, *nodoc[] = {NULL, NULL};
    sj_scan_card cards[] = {
        /* 0 the prefecture's air plan */
        {.path = "d/0-weifang-air.txt", .ok = 1, .title = "潍坊市空气质量持续改善行动方案",
         .place = "潍坊市", .place_code = "370700", .place_up = up_shandong, .nplace_up = 1,
         .programme = "air", .period_from = 2024, .period_to = 2026},
        /* 1 a county of it, citing nothing: paired with 0 */
        {.path = "d/1-shouguang-air.txt", .ok = 1, .title = "寿光市空气质量持续改善实施方案",
         .place = "寿光市", .place_code = "370783", .place_up = up_weifang, .nplace_up = 1,
         .programme = "air", .period_from = 2024, .period_to = 2025},
        /* 2 a sibling county: paired with 0 too, never with 1 */
        {.path = "d/2-anqiu-air.txt", .ok = 1, .title = "安丘市空气质量持续改善实施方案",
         .place = "安丘市", .place_code = "370784", .place_up = up_weifang, .nplace_up = 1,
         .programme = "air"},
        /* 3 a county water plan: no water plan of 潍坊 */
        {.path = "d/3-shouguang-water.txt", .ok = 1, .title = "寿光市水污染防治方案",
         .place = "寿光市", .place_code = "370783", .place_up = up_weifang, .nplace_up = 1,
         .programme = "water"},
        /* 4 a county air plan of another period: none overlaps */
        {.path = "d/4-shouguang-air-2018.txt", .ok = 1, .title = "寿光市打赢蓝天保卫战方案",
         .place = "寿光市", .place_code = "370783", .place_up = up_weifang, .nplace_up = 1,
         .programme = "air", .period_from = 2018, .period_to = 2020},
        /* 5 a county air plan citing a plan that is not here: not paired */
        {.path = "d/5-changle-air.txt", .ok = 1, .title = "昌乐县空气质量持续改善实施方案",
         .place = "昌乐县", .place_code = "370725", .place_up = up_weifang, .nplace_up = 1,
         .programme = "air", .cite_title = cite, .cite_docno = nodoc, .ncites = 1},
        /* 6 the province's air plan: 0's parent; not 1's (two levels up) */
        {.path = "d/6-shandong-air.txt", .ok = 1, .title = "山东省空气质量持续改善行动方案",
         .place = "山东省", .place_code = "370000", .programme = "air", .period_from = 2024,
         .period_to = 2025},
        /* 7 a second air plan of 潍坊: 1 and 2 now have two candidates */
        {.path = "d/7-weifang-ozone.txt", .ok = 1, .title = "潍坊市臭氧污染防治攻坚方案",
         .place = "潍坊市", .place_code = "370700", .place_up = up_shandong, .nplace_up = 1,
         .programme = "air", .period_from = 2024, .period_to = 2025},
        /* 8 no programme: never paired */
        {.path = "d/8-shouguang-misc.txt", .ok = 1, .title = "寿光市实施方案",
         .place = "寿光市", .place_code = "370783", .place_up = up_weifang, .nplace_up = 1},
        /* 9 鼓楼区 (in 福州 and 徐州), named alone: either city's plan */
        {.path = "d/9-gulou-air.txt", .ok = 1, .title = "鼓楼区空气质量持续改善实施方案",
         .place = "鼓楼区", .place_up = up_gulou, .nplace_up = 2, .programme = "air"},
        {.path = "d/a-xuzhou-air.txt", .ok = 1, .title = "徐州市空气质量持续改善行动方案",
         .place = "徐州市", .place_code = "320300", .programme = "air"},
        {.path = "d/b-broken.txt", .ok = 0, .err = "cannot read"},
    };
    enum { N = sizeof cards / sizeof cards[0] };
    int parent[N], how[N];
    for (int i = 0; i < N; i++)
        parent[i] = -1;
    parent[0] = 6; /* as if by citation: kept */
    sj_pair_by_place(cards, N, parent, how);
    int want[N] = {6, 0, 0, -1, -1, -1, -1, 6, -1, 10, -1, -1};
    int whow[N] = {0, 2, 2, 0, 0, 0, 0, 1, 0, 1, 0, 0};
    for (int i = 0; i < N; i++) {
        assert_int_equal(parent[i], want[i]);
        assert_int_equal(how[i], whow[i]);
    }
    char *note = sj_pair_place_note(&cards[1], &cards[0], how[1]);
    assert_non_null(strstr(note, "d/1-shouguang-air.txt: paired by place with d/0-weifang-air.txt"));
    assert_non_null(strstr(note, "the most like by title of 2 plans of 潍坊市"));
    free(note);
    /* without the ozone plan: the one candidate */
    cards[7].ok = 0;
    for (int i = 1; i < N; i++)
        parent[i] = -1;
    sj_pair_by_place(cards, N, parent, how);
    assert_int_equal(parent[1], 0);
    assert_int_equal(how[1], 1);
    assert_int_equal(parent[0], 6);
    note = sj_pair_place_note(&cards[1], &cards[0], how[1]);
    assert_null(strstr(note, "most like"));
    free(note);
}

/* A plan's card: its place from places.tsv (寿光市 county-level, in 潍坊市),
 * and its programme from rules/programmes.rules. */
static void card_place(void **s)
{
    (void)s;
    char dir[] = "/tmp/sj_test_scan_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[256];
    snprintf(p, sizeof p, "%s/plan.txt", dir);
    put(p, "寿光市空气质量持续改善实施方案\n一、总体要求\n到2025年,全市细颗粒物浓度下降到40微克/立方米。\n");
    sj_ruleset rs = {0};
    sj_err e;
    assert_int_equal(sj_rules_load_dir(SJ_SOURCE_DIR "/rules", &rs, &e), 0);
    sj_matcher m;
    sj_matcher_init(&m);
    sj_load_opts lo = {0};
    sj_scan_card c = {.path = xstrdup(p)};
    sj_scan_card_read(&c, &lo, &rs, &m);
    assert_true(c.ok);
    assert_string_equal(c.place, "寿光市");
    assert_string_equal(c.place_code, "370783");
    assert_int_equal(c.nplace_up, 1);
    assert_string_equal(c.place_up[0], "370700");
    assert_int_equal(c.level, SJ_LEVEL_COUNTY);
    assert_string_equal(c.programme, "air");
    sj_scan_card_free(&c);
    /* 鼓楼区 alone: both cities above it; after 福州市: that one */
    put(p, "鼓楼区水污染防治工作方案\n一、总体要求\n到2025年,全区水质优良比例达到90%。\n");
    c = (sj_scan_card){.path = xstrdup(p)};
    sj_scan_card_read(&c, &lo, &rs, &m);
    assert_string_equal(c.place, "鼓楼区");
    assert_null(c.place_code);
    assert_true(c.nplace_up >= 2);
    assert_string_equal(c.programme, "water");
    sj_scan_card_free(&c);
    put(p, "福州市鼓楼区水污染防治工作方案\n一、总体要求\n到2025年,全区水质优良比例达到90%。\n");
    c = (sj_scan_card){.path = xstrdup(p)};
    sj_scan_card_read(&c, &lo, &rs, &m);
    assert_string_equal(c.place, "鼓楼区");
    assert_non_null(c.place_code);
    assert_int_equal(c.nplace_up, 1);
    assert_string_equal(c.place_up[0], "350100");
    sj_scan_card_free(&c);
    sj_matcher_free(&m);
    sj_rules_free(&rs);
    unlink(p);
    rmdir(dir);
}

/* Issue 17, item 7: a parent that becomes unreadable during a scan (removed
 * here once it has been checked itself, before its child is) is reported
 * as an error, not silently replaced by a lint of its child. */
typedef struct {
    const char *victim;
    int notes, named;
} vanish_ctx;

static void vanish_progress(void *ctx, const sj_scan_progress *p)
{
    vanish_ctx *v = ctx;
    if (!strcmp(p->phase, "checking") && p->done == 1)
        unlink(v->victim);
}

static void vanish_note(void *ctx, const char *msg)
{
    vanish_ctx *v = ctx;
    v->notes++;
    v->named += strstr(msg, "b-baishi.txt") && strstr(msg, "a-yunzhou.txt") != NULL;
}

static void copy(const char *from, const char *to)
{
    unsigned char *text;
    size_t len;
    sj_err e;
    assert_int_equal(sj_read_file(from, 1 << 24, &text, &len, &e), 0);
    FILE *f = fopen(to, "wb");
    assert_non_null(f);
    fwrite(text, 1, len, f);
    fclose(f);
    free(text);
}

static void parent_vanishes(void **s)
{
    (void)s;
    char dir[] = "/tmp/sj_test_scan_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char c[256], p[256];
    snprintf(c, sizeof c, "%s/b-baishi.txt", dir);
    snprintf(p, sizeof p, "%s/a-yunzhou.txt", dir);
    copy(SJ_SOURCE_DIR "/corpus/pairs/baishi-vs-yunzhou/child.txt", c);
    copy(SJ_SOURCE_DIR "/corpus/parents/yunzhou-air-2024-2026-city.txt", p);
    sj_ruleset rs = {0};
    sj_err e;
    assert_int_equal(sj_rules_load_dir(SJ_SOURCE_DIR "/rules", &rs, &e), 0);
    vanish_ctx v = {p, 0, 0};
    sj_scan_opts o = {0};
    o.dir = dir;
    o.jobs = 1;
    o.render = sj_render_find("jsonl");
    o.on_note = vanish_note;
    o.on_progress = vanish_progress;
    o.ctx = &v;
    FILE *out = tmpfile();
    sj_scan_result res;
    sj_scan(&o, &rs, out, &res);
    fclose(out);
    assert_int_equal(res.files, 2);
    assert_int_equal(res.errors, 1);
    assert_true(v.named >= 1);
    sj_rules_free(&rs);
    unlink(c);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(walk), cmocka_unit_test(pair),
                                   cmocka_unit_test(parent_vanishes),
                                   cmocka_unit_test(pair_by_place),
                                   cmocka_unit_test(card_place)};
    return cmocka_run_group_tests(t, NULL, NULL);
}
