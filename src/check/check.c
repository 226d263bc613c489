/* check.c - the cross-checks of a child plan against its parent: the
 * period, the citation, and each aligned pair (align.h) of targets, dated
 * tasks and assigned tasks judged; findings go in by message key and
 * arguments (findings.h). */
#include "check.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agency_role.h"
#include "align.h"
#include "similar.h"

/* A check that stopped at a work limit: its place is the plans' titles */
#define INCOMPLETE(fs, c, p, m, ...)                                            \
    sj_findings_add((fs), (m), "", (c)->title_span, 1, (p)->title_span, 1, 1, __VA_ARGS__)

/* shares, rates and intensities (per-unit amounts) compare across levels;
 * absolute amounts do not. A share is what the [unit] rules say (dim
 * share: %, 百分之; dim points: 个百分点), an intensity what they or the
 * [intensive_name] rules mark intensive. */
static int is_relative(const sj_target *t)
{
    /* a unit the grammar read says itself (万吨/年 is a flow, not an
     * intensity); any other with a / is taken for an intensity; a figure
     * without a unit (a PUE of 1.3, a coefficient) is a ratio, not an amount */
    return sj_target_is_share(t) || t->unit_intensive || !*sj_target_unit(t) ||
           (!sj_target_unit_dim_own(t) && strchr(sj_target_unit(t), '/') != NULL);
}


static int lower_is_better(const sj_target *t)
{
    if (!strcmp(t->comparator, "<="))
        return 1;
    return sj_target_direction(t) && !strcmp(sj_target_direction(t), "down") && !strcmp(t->change, "level");
}

/* The head of a name: its last four characters (all of it if shorter)
 * once bracketed words are left out (一般公务用车(除特殊要求用车外) ->
 * 公务用车). Writes it to out; returns its length, 0 if nothing is left. */
static size_t name_head(const char *name, size_t len, char out[64])
{
    char plain[512];
    size_t n = 0;
    int depth = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof plain; i++) {
        if (name[i] == '(')
            depth++;
        else if (name[i] == ')')
            depth -= depth > 0;
        else if (!depth)
            plain[n++] = name[i];
    }
    plain[n] = '\0';
    const char *h = plain + n;
    for (int k = 0; k < 4 && h > plain; k++) {
        do
            h--;
        while (h > plain && ((unsigned char)*h & 0xC0) == 0x80);
    }
    size_t hl = (size_t)(plain + n - h);
    if (hl == 0 || hl >= 64)
        return 0;
    memcpy(out, h, hl + 1);
    return hl;
}

/* Whether the child names the parent target's indicator. Without
 * like_sentence (a 100% requirement): a child target measures the thing
 * required (…清洁取暖率), or one paragraph holds it and what it is
 * required of (公务用车 … 新能源化). With like_sentence: a sentence like
 * the parent's (Dice 0.3) holds the indicator's head. An absolute amount (9台套 遥感监测设备 for the
 * whole city) that a lower plan names so, without a number of its own, is
 * addressed, not missing: its share of the amount is not for the text to
 * say. */
static int names_head(const sj_doc *c, const sj_doc *p, const sj_target *pt, int like_sentence)
{
    char h[64], o[64];
    size_t l = strlen(pt->indicator), ol = pt->object_len <= l ? pt->object_len : 0;
    size_t hl = name_head(pt->indicator, l - ol, h);
    if (ol && !name_head(pt->indicator + l - ol, ol, o))
        ol = 0;
    /* 完成3个化工园区地下水环境状况调查评估: the thing counted (the rule's
     * object) names it when the words before the number are few */
    if (like_sentence && ol && sj_utf8_count(pt->indicator, l - ol) < 4) {
        hl = strlen(o);
        memcpy(h, o, hl + 1);
    } else if (!hl || sj_utf8_count(pt->indicator, l - ol) < 4)
        return 0;
    if (!like_sentence) {
        /* one child paragraph holds the thing required (围挡) and names
         * what it is required of: its head (工地周边), or most of it (0.4
         * of its bigrams: 建筑施工工地…周边) */
        sj_bigrams pre = sj_bigrams_make(pt->indicator, l - ol);
        int found = 0;
        /* or a child target measures the thing required itself
         * (城区清洁取暖率 for …100%清洁取暖) */
        for (int i = 0; i < c->ntargets && ol && !found; i++)
            found = strstr(c->targets[i].indicator, o) != NULL;
        for (int i = 0; i < c->nparas && !found; i++) {
            sj_span cs = c->paras[i].span;
            const char *t = c->norm.text + cs.start;
            size_t tl = cs.end - cs.start;
            if (ol && !memmem(t, tl, o, strlen(o)))
                continue;
            found = memmem(t, tl, h, hl) != NULL;
            if (!found && ol && pre.n) {
                sj_bigrams sb = sj_bigrams_make(t, tl);
                /* shared bigrams over the name's own: Dice times the sizes */
                double shared = sj_dice(&pre, &sb) * (pre.n + sb.n) / 2.0;
                found = shared >= 0.4 * pre.n;
                sj_bigrams_free(&sb);
            }
        }
        sj_bigrams_free(&pre);
        return found;
    }
    int psi = sj_sentence_at(p, pt->span.start);
    sj_span ps = psi >= 0 ? p->sentences[psi].span : pt->span;
    sj_bigrams pb = sj_bigrams_make(p->norm.text + ps.start, ps.end - ps.start);
    int found = 0;
    for (int i = 0; i < c->nsentences && !found; i++) {
        sj_span cs = c->sentences[i].span;
        if (!memmem(c->norm.text + cs.start, cs.end - cs.start, h, hl))
            continue;
        sj_bigrams cb = sj_bigrams_make(c->norm.text + cs.start, cs.end - cs.start);
        found = sj_dice(&pb, &cb) >= 0.3;
        sj_bigrams_free(&cb);
    }
    sj_bigrams_free(&pb);
    return found;
}

/* The child target that answers parent target pt in another kind (its
 * indicator's rule lists pt's id under answers: a 重点工程减排量 in 万吨
 * for a % cut of the 排放总量), of the same target year; -1. */
static int answered_in_kind(const sj_doc *c, const sj_target *pt)
{
    if (!sj_target_indicator_id(pt))
        return -1;
    size_t il = strlen(sj_target_indicator_id(pt));
    for (int j = 0; j < c->ntargets; j++) {
        const sj_target *ct = &c->targets[j];
        if (!sj_target_answers(ct) || ct->deferred ||
            (ct->target_year && pt->target_year && ct->target_year != pt->target_year))
            continue;
        for (const char *a = sj_target_answers(ct); (a = strstr(a, sj_target_indicator_id(pt))); a += il)
            if ((a == sj_target_answers(ct) || a[-1] == ' ') && (a[il] == ' ' || !a[il]))
                return j;
    }
    return -1;
}

/* Whether a child sentence that requires all or none of something (its
 * whole flag: 全部消除, 实现全覆盖, 保持动态清零) names most of what parent
 * share target pt measures (0.65 of the bigrams of its name before the
 * rate word): it answers pt in words, at least as strictly as any share. */
static int answered_in_words(const sj_doc *c, const sj_target *pt)
{
    if (!sj_target_is_share(pt) || !sj_target_match_key(pt))
        return 0;
    sj_bigrams pre = sj_bigrams_make(sj_target_match_key(pt), sj_target_thing_len(pt));
    int found = 0;
    for (int i = 0; i < c->nsentences && !found && pre.n >= 3; i++) {
        if (!sj_sentence_whole(c, i))
            continue;
        sj_span cs = c->sentences[i].span;
        sj_bigrams sb = sj_bigrams_make(c->norm.text + cs.start, cs.end - cs.start);
        found = sj_bigrams_shared(&pre, &sb) >= 0.65 * pre.n;
        sj_bigrams_free(&sb);
    }
    sj_bigrams_free(&pre);
    return found;
}

/* Where a figure the parent states more than once is best shown: its
 * table row (the plan's list of indicators), then a task, then the
 * plan's goals (not tasks); lower is better. */
static int place_rank(const sj_doc *p, const sj_target *t)
{
    if (t->from_table)
        return 0;
    return t->para >= 0 && t->para < p->nparas && p->paras[t->para].goal ? 2 : 1;
}

/* Whether a and b are one figure said twice (a table row 比2020年下降 | 5
 * and its prose): the same value and unit, of one year (a row of a task
 * list may give none: 绿色工厂累计达到120家 | 2025年底前 in another column),
 * and one name, or the name of one mostly in the other's (a table's 废旧
 * 轮胎胶粉利用量 | 0.8 and the task's 利用废旧轮胎胶粉0.8万吨). */
static int same_figure(const sj_target *a, const sj_target *b)
{
    int same_year = b->target_year == a->target_year || !a->target_year || !b->target_year;
    if (!same_year || b->value != a->value || strcmp(sj_target_unit(b), sj_target_unit(a)))
        return 0;
    return sj_same_indicator(a, b) ||
           sj_similarity(sj_target_match_key(a), sj_target_match_key(b)) >= 0.6 ||
           (a->target_year && a->target_year == b->target_year &&
            sj_containment(sj_target_match_key(a), sj_target_match_key(b)) >= 0.6);
}

/* Whether unmatched parent target i restates another unmatched one shown
 * before it (a table row and its prose: the same indicator, year and
 * value; shown before: a better place, place_rank, else earlier), or is a
 * later milestone of an earlier one in the same row or paragraph (农膜回收率
 * 85 | 90): the other one is judged instead, once. */
static int restates_unmatched(const sj_doc *p, const sj_target_align *al, int i)
{
    const sj_target *a = &p->targets[i];
    for (int j = 0; j < p->ntargets; j++) {
        const sj_target *b = &p->targets[j];
        if (j == i || b->area || b->deferred != a->deferred)
            continue;
        /* the same figure said twice, judged with the other one: the one
         * the child answers, else the first */
        int ra = place_rank(p, a), rb = place_rank(p, b);
        if (same_figure(a, b) && (al->match[j] >= 0 || rb < ra || (rb == ra && j < i)))
            return 1;
        if (j < i && al->match[j] < 0 && b->para == a->para && sj_same_indicator(a, b))
            return 1;
    }
    return 0;
}

/* Whether the areas a parent sentence names (nm, NULL: none) leave child c
 * out: a task of other areas (在平武、北川建成…; a project list's row
 * located in 漳浦县) is none of c's. */
static int others_task(const sj_doc *c, const sj_named *nm)
{
    if (!nm)
        return 0;
    /* the division the child's title opens with, when it has one (a
     * title's other words may name a bay: 云霄县…东山湾北岸…) */
    if (c->title_place[0]) {
        for (int k = 0; k < nm->n && k < SJ_MAX_NAMED; k++)
            if (!strcmp(nm->code[k], c->title_place))
                return 0;
        return 1;
    }
    for (int k = 0; k < nm->n; k++) {
        const char *names[2] = {nm->name[k], nm->name_short[k]};
        for (int q = 0; q < 2; q++)
            if (names[q] && ((c->title && strstr(c->title, names[q])) ||
                             (c->issuer && strstr(c->issuer, names[q]))))
                return 0;
    }
    return 1;
}

/* whether text holds amount (a number and its unit); when name is not
 * NULL (a count of a few, common in any plan), not inside a longer number
 * (12个 does not hold 2个) and with two characters of name together within
 * 60 bytes of it (两个监控头 is not 新培育2个以上省级战略性新兴产业集群); at
 * most 64 places looked at. Without a name, any place, as before (so
 * 10万吨 holds 0万吨: a looseness kept, since the annotated pairs show
 * that tightening it costs more false alarms than it finds). */
static int has_amount(const char *text, const char *amount, const char *name)
{
    size_t tl = strlen(text), nl = name ? strlen(name) : 0, al = strlen(amount);
    int looked = 0;
    for (const char *f = strstr(text, amount); f && looked < 64; f = strstr(f + 1, amount)) {
        if (!name)
            return 1;
        if (f != text && ((f[-1] >= '0' && f[-1] <= '9') || f[-1] == '.'))
            continue;
        looked++;
        size_t a = (size_t)(f - text) > 60 ? (size_t)(f - text) - 60 : 0;
        size_t z = (size_t)(f - text) + al + 60 < tl ? (size_t)(f - text) + al + 60 : tl;
        for (size_t i = 0; i < nl;) {
            int32_t cp;
            int n1 = sj_utf8_decode(name + i, nl - i, &cp);
            if (n1 <= 0 || i + (size_t)n1 >= nl)
                break;
            int n2 = sj_utf8_decode(name + i + n1, nl - i - (size_t)n1, &cp);
            if (n2 <= 0)
                break;
            /* (two wide characters: 集群, not 2个) */
            if (n1 > 1 && n2 > 1 && memmem(text + a, z - a, name + i, (size_t)(n1 + n2)))
                return 1;
            i += (size_t)n1;
        }
    }
    return 0;
}

/* A parent target no child target answers: missing unless the child
 * addresses it otherwise. */
static void check_unmatched(const sj_doc *c, const sj_doc *p, const sj_target *pt,
                            int addressed, int taken_up, sj_findings *fs)
{
    if (pt->project)
        return; /* the parent's own works (a project list's row) */
    if (others_task(c, sj_doc_named(p, pt)))
        return; /* a task of the areas its sentence names */
    const char *ind = sj_target_indicator_name(pt) ? sj_target_indicator_name(pt) : pt->indicator;
    sj_span none = {0, 0};
    int k = pt->deferred ? -1 : answered_in_kind(c, pt);
    if (k >= 0) {
        const sj_target *ct = &c->targets[k];
        const char *cind = sj_target_indicator_name(ct) ? sj_target_indicator_name(ct) : ct->indicator;
        sj_findings_add(fs, SJ_MSG_SCALE_DEPENDENT_KIND, ind, ct->span, 1, pt->span, 1, 0.5,
                        cind, ct->value, sj_target_unit(ct), ind, pt->value, sj_target_unit(pt));
        return;
    }
    /* the child restating the very amount (210万吨) addresses it, a whole
     * number (not 12万吨 for 2万吨) */
    char amount[64];
    snprintf(amount, sizeof amount, "%g%s", pt->value, sj_target_unit(pt));
    int restated = !is_relative(pt) && *sj_target_unit(pt) &&
                   has_amount(c->norm.text, amount,
                              pt->value > 0 && pt->value < 10 ? ind : NULL);
    /* a site requirement (围挡100%) counts as missing only when the
     * child never names it */
    int named = pt->quiet_missing ? names_head(c, p, pt, 0)
                                  : !is_relative(pt) && names_head(c, p, pt, 1);
    if (!pt->deferred && !addressed && !restated && !named && !answered_in_words(c, pt)) {
        int n = fs->n;
        sj_findings_add(fs, pt->city_own ? SJ_MSG_MISSING_TARGET_CITY_OWN
                            : taken_up   ? SJ_MSG_MISSING_TARGET_TAKEN_UP
                                         : SJ_MSG_MISSING_TARGET,
                        ind, none, 0, pt->span, 1, 0, ind, pt->comparator, pt->value,
                        sj_target_unit(pt));
        /* where the parent says it again, in the other place (its table
         * row, its task): a reviewer may look for it at either */
        for (int j = 0; fs->n > n && j < p->ntargets && j < 4096; j++) {
            const sj_target *b = &p->targets[j];
            if (b != pt && !b->area && b->deferred == pt->deferred &&
                place_rank(p, b) != place_rank(p, pt) && same_figure(pt, b)) {
                fs->items[n].parent_also = b->span;
                break;
            }
        }
    }
}

/* The parent that states a figure twice for one indicator and year, and
 * differently (its table: 比2022年提高3个百分点 by 2027; its task: 提高2个百分点,
 * read as 2027 too), is answered by a child that restates either: a child
 * figure weaker than the parent target it was aligned with is not reported
 * when another parent figure of that name and year, in the same unit and
 * direction, is no stronger than it. At most 256 such searches per
 * check (each one reads every parent target: hostile plans of many weaker
 * figures stay linear). */
typedef struct {
    const sj_doc *p;
    int i;       /* the parent target aligned */
    int *budget; /* searches left */
} restate_ctx;

static int parent_says_as_much(const restate_ctx *rc, const sj_target *ct)
{
    if (!rc || *rc->budget <= 0)
        return 0;
    (*rc->budget)--;
    const sj_doc *p = rc->p;
    const sj_target *pt = &p->targets[rc->i];
    int lower = lower_is_better(pt);
    for (int k = 0; k < p->ntargets; k++) {
        const sj_target *o = &p->targets[k];
        if (k == rc->i || o->area || o->deferred || o->target_year != pt->target_year ||
            strcmp(sj_target_unit(o), sj_target_unit(ct)) || strcmp(o->change, pt->change) ||
            lower_is_better(o) != lower)
            continue;
        if (strcmp(sj_target_match_key(o), sj_target_match_key(pt)))
            continue;
        if (lower ? ct->value <= o->value + 1e-9 * fabs(o->value)
                  : ct->value >= o->value - 1e-9 * fabs(o->value))
            return 1;
    }
    return 0;
}

/* The values of a pair in the same unit: a stricter or weaker share, or
 * absolute amounts (cv, pv: converted into one unit). area: pt is that
 * area's own allocation (a row of the parent's allocation table), which
 * binds it whatever its kind, NULL for the parent's own figures. */
static void check_values(const sj_target *ct, const sj_target *pt, double cv, double pv,
                         double conf, const char *area, const restate_ctx *rc, sj_findings *fs)
{
    const char *ind = sj_target_indicator_name(pt) ? sj_target_indicator_name(pt) : pt->indicator;
    if (!area && !is_relative(pt)) {
        /* (a row of the parent's project list is one project, not its whole) */
        if (conf >= 0.75 && cv > pv && fabs(cv - pv) > 1e-9 * fabs(pv) && !pt->project)
            sj_findings_add(fs, SJ_MSG_ABSOLUTE_EXCEEDS_PARENT, ind, ct->span, 1, pt->span, 1,
                            conf, ind, ct->value, sj_target_unit(ct), pt->value, sj_target_unit(pt));
        else
            sj_findings_add(fs, SJ_MSG_SCALE_DEPENDENT, ind, ct->span, 1, pt->span, 1, conf,
                            ind, ct->value, sj_target_unit(ct), pt->value, sj_target_unit(pt));
        return;
    }
    /* a row says "=": the child's own comparator says which way is better */
    int lower = !strcmp(pt->comparator, "=") && strcmp(ct->comparator, "=")
                    ? lower_is_better(ct)
                    : lower_is_better(pt);
    int weaker = lower ? cv > pv + 1e-9 * fabs(pv) : cv < pv - 1e-9 * fabs(pv);
    if (!weaker || (!area && parent_says_as_much(rc, ct)))
        return;
    int binding = area || pt->figure == SJ_FIGURE_BINDING;
    int n = fs->n;
    if (area)
        sj_findings_add(fs, SJ_MSG_WEAKER_THAN_ROW, ind, ct->span, 1, pt->span, 1, conf, ind,
                        ct->value, sj_target_unit(ct), pt->value, sj_target_unit(pt), area);
    else
        sj_findings_add(fs, binding ? SJ_MSG_WEAKER_TARGET : SJ_MSG_WEAKER_THAN_OVERALL, ind,
                        ct->span, 1, pt->span, 1, conf, ind, ct->value, sj_target_unit(ct), pt->value,
                        sj_target_unit(pt));
    /* (not when the place has this finding already: sj_findings_add keeps
     * the first, and the last item is another finding) */
    if (fs->n > n) {
        sj_finding *f = &fs->items[fs->n - 1];
        f->child_value = ct->value;
        f->parent_value = pt->value;
        f->has_values = 1;
    }
    /* weaker only once converted: the units hid it (a row's message
     * gives both figures); units written apart but of one size (百分之
     * and %) hide nothing */
    if (binding && !area && strcmp(sj_target_unit(ct), sj_target_unit(pt)) &&
        sj_target_unit_factor(ct) != sj_target_unit_factor(pt))
        sj_findings_add(fs, SJ_MSG_UNIT_MISMATCH_WEAKER, ind, ct->span, 1, pt->span, 1, conf,
                        ind, sj_target_unit(ct), sj_target_unit(pt), cv / (sj_target_unit_factor(pt) ? sj_target_unit_factor(pt) : 1),
                        sj_target_unit(pt));
}

/* the same unit, or units of one dimension (converted when compared) */
static int units_comparable(const sj_target *a, const sj_target *b)
{
    const char *da = sj_target_unit_dim(a), *db = sj_target_unit_dim(b);
    return !strcmp(sj_target_unit(a), sj_target_unit(b)) || (da && db && !strcmp(da, db));
}

/* whether the parent gives the indicator of the target rc aligned a
 * figure due in year y too (same indicator, or a name like it: Dice 0.5);
 * within rc's budget of searches */
static int parent_has_milestone(const restate_ctx *rc, int y)
{
    if (!rc || *rc->budget <= 0)
        return 0;
    (*rc->budget)--;
    const sj_doc *p = rc->p;
    const sj_target *pt = &p->targets[rc->i];
    for (int k = 0; k < p->ntargets; k++) {
        const sj_target *o = &p->targets[k];
        if (k != rc->i && !o->area && o->target_year == y &&
            (sj_same_indicator(o, pt) ||
             sj_similarity(sj_target_match_key(o), sj_target_match_key(pt)) >= 0.5))
            return 1;
    }
    return 0;
}

/* A parent target and the child target aligned with it (confidence conf).
 * answered: a parent figure (or the child's own row) already answers the
 * child target in a comparable unit, so a parent figure of another kind
 * for the indicator (its total in 万吨 beside its cut in %) is no unit
 * mismatch. */
static void check_pair(const sj_target *ct, const sj_target *pt, double conf, const char *area,
                       int answered, const restate_ctx *rc, sj_findings *fs)
{
    const char *ind = sj_target_indicator_name(pt) ? sj_target_indicator_name(pt) : pt->indicator;
    if (ct->deferred) {
        if (!pt->deferred)
            sj_findings_add(fs, SJ_MSG_DEFERRED_UNQUANTIFIED, ind, ct->span, 1, pt->span, 1,
                            conf, ind, pt->value, sj_target_unit(pt));
        return;
    }
    if (pt->deferred)
        return;
    /* the same target due later (到2026年 where the parent says 到2025年),
     * unless the parent gives this indicator a milestone of the child's
     * year too (到2025年新建…60公里，到2027年累计建成120公里): the child's
     * figure is that one's, not the earlier one late */
    if (pt->target_year && ct->target_year && ct->target_year > pt->target_year &&
        !parent_has_milestone(rc, ct->target_year))
        sj_findings_add(fs, SJ_MSG_TARGET_LATER, ind, ct->span, 1, pt->span, 1, conf, ind,
                        ct->target_year, pt->target_year);
    /* changes from different base years are not comparable figures: the
     * finding says so, and no figure is judged weaker or stronger */
    if (pt->base_year && ct->base_year && pt->base_year != ct->base_year) {
        sj_findings_add(fs, SJ_MSG_BASE_YEAR_MISMATCH, ind, ct->span, 1, pt->span, 1, conf,
                        ind, ct->base_year, pt->base_year);
        return;
    }
    /* a change in points (再提高10个百分点) and a share's level (达到95%)
     * are one indicator said two ways: not comparable without the base,
     * not a unit mismatch either */
    if (sj_target_is_share(ct) && sj_target_is_share(pt) && strcmp(sj_target_unit_dim(ct), sj_target_unit_dim(pt)))
        return;
    double cv = ct->value, pv = pt->value;
    int comparable = units_comparable(ct, pt);
    if (comparable && strcmp(sj_target_unit(ct), sj_target_unit(pt))) {
        cv *= sj_target_unit_factor(ct);
        pv *= sj_target_unit_factor(pt);
    }
    if (!comparable && answered && strcmp(ct->change, pt->change))
        return;
    if (!comparable) {
        sj_findings_add(fs, SJ_MSG_UNIT_MISMATCH, ind, ct->span, 1, pt->span, 1, conf, ind,
                        *sj_target_unit(ct) ? sj_target_unit(ct) : sj_msg_text(SJ_MSG_WORD_NO_UNIT, fs->lang),
                        *sj_target_unit(pt) ? sj_target_unit(pt) : sj_msg_text(SJ_MSG_WORD_NO_UNIT, fs->lang));
        return;
    }
    check_values(ct, pt, cv, pv, conf, area, rc, fs);
}

static int ym(int y, int m) { return y * 12 + (m ? m : 12); }

/* The first dated deadline (by) within [a, b), or NULL (the deadlines are
 * in text order once extracted: found by halving). */
static const sj_deadline *deadline_within(const sj_doc *d, size_t a, size_t b)
{
    int lo = 0, hi = d->ndeadlines;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (d->deadlines[mid].span.start < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int i = lo; i < d->ndeadlines && d->deadlines[i].span.start < b; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        if (dl->year && dl->span.end <= b && !strcmp(sj_deadline_kind(d, dl), "by"))
            return dl;
    }
    return NULL;
}

/* Whether the date pd in the table row of parent figure t dates t: a date
 * column whose header names another value column more closely than t's
 * name (收储中心完成时限, beside the columns 乡镇秸秆收储中心 and
 * 病死畜禽收集暂存中心) dates that column's figures only. */
static int row_date_covers(const sj_doc *p, const sj_target *t, const sj_deadline *pd)
{
    int tr = t->para >= 0 ? p->paras[t->para].table_row : -1;
    if (tr < 0 || !t->indicator)
        return 1;
    const sj_row *row = &p->rows[tr];
    const sj_table *tb = &p->tables[row->table];
    if (tb->header_row < 0 || tb->header_row == tr)
        return 1;
    const sj_row *hd = &p->rows[tb->header_row];
    int dc = -1;
    for (int k = 0; k < row->ncells; k++)
        if (row->cells[k].start <= pd->span.start && pd->span.end <= row->cells[k].end)
            dc = k;
    if (dc < 0 || dc >= hd->ncells)
        return 1;
    char *dh = sj_span_dup(p, hd->cells[dc]);
    double own = sj_containment(dh, t->indicator), other = 0;
    for (int k = 1; k < hd->ncells; k++) {
        if (k == dc)
            continue;
        char *h = sj_span_dup(p, hd->cells[k]);
        double x = sj_containment(dh, h);
        free(h);
        if (x > other)
            other = x;
    }
    free(dh);
    /* (sharing only the date words: 完成时限 and 2025年底前完成 is no naming) */
    return other <= own || other < 0.4;
}

/* A child figure that answers its own row of a parent table that dates
 * each row (附件 | 盐亭县 | 15 | 2025年6月底前): due later in the child's
 * sentence than in the row is later-deadline. */
static void row_deadline(const sj_doc *c, const sj_target *ct, const sj_doc *p,
                         const sj_target *row, sj_findings *fs)
{
    if (row->para < 0 || ct->para < 0)
        return;
    const sj_span *rs = &p->paras[row->para].span;
    const sj_deadline *pd = deadline_within(p, rs->start, rs->end);
    int si = sj_sentence_at(c, ct->span.start);
    if (!pd || si < 0 || !row_date_covers(p, row, pd))
        return;
    /* the child's date of that figure: the last in its sentence up to its
     * end (2025年离田利用率达到30%,2025年9月底前建成收储中心9个), else the
     * latest after it (完成10个，其中2025年底前完成5个，2027年6月底前全部完成:
     * the whole is done by the last) */
    size_t ss = c->sentences[si].span.start, se = c->sentences[si].span.end;
    const sj_deadline *cd = NULL;
    for (const sj_deadline *d = deadline_within(c, ss, ct->span.end); d;
         d = deadline_within(c, d->span.end, ct->span.end))
        cd = d;
    for (const sj_deadline *d = cd ? NULL : deadline_within(c, ct->span.end, se); d;
         d = deadline_within(c, d->span.end, se))
        if (!cd || ym(d->year, d->month) > ym(cd->year, cd->month))
            cd = d;
    if (!cd || ym(cd->year, cd->month) <= ym(pd->year, pd->month))
        return;
    /* (the year of the plan's goals, 到2027年, is its horizon, no due date) */
    if (!cd->month && cd->para >= 0 && c->paras[cd->para].goal)
        return;
    char *cts = sj_span_dup(c, cd->span), *pts = sj_span_dup(p, pd->span);
    sj_findings_add(fs, SJ_MSG_TASK_LATER, "", cd->span, 1, pd->span, 1, 1.0, cts, pts);
    free(cts);
    free(pts);
}

/* the figure alone (value, unit, comparator, year), whatever its name */
static int cmp_amount(const sj_doc *c, int x, int y)
{
    const sj_target *a = &c->targets[x], *b = &c->targets[y];
    int r = (a->value > b->value) - (a->value < b->value);
    if (!r)
        r = strcmp(sj_target_unit(a), sj_target_unit(b));
    if (!r)
        r = strcmp(a->comparator, b->comparator);
    if (!r)
        r = a->target_year - b->target_year;
    return r;
}

/* the order of two child targets by their figure (name, value, unit,
 * comparator, year), 0 for the same figure */
static int cmp_figure(const sj_doc *c, int x, int y)
{
    int r = strcmp(sj_target_match_key(&c->targets[x]), sj_target_match_key(&c->targets[y]));
    return r ? r : cmp_amount(c, x, y);
}

static int by_figure(const void *x, const void *y, void *c)
{
    int r = cmp_figure(c, *(const int *)x, *(const int *)y);
    return r ? r : *(const int *)x - *(const int *)y;
}

static int by_amount(const void *x, const void *y, void *c)
{
    int r = cmp_amount(c, *(const int *)x, *(const int *)y);
    return r ? r : *(const int *)x - *(const int *)y;
}

/* whether the child states the figure of its target j (a project list's
 * row) again outside the list: the same amount, once converted. Each call
 * reads at most 4096 targets, and *budget calls are made in all (bounds
 * for hostile plans of many rows: past them, a row is a part). */
static int restated_elsewhere(const sj_doc *c, int j, int *budget)
{
    if (*budget <= 0)
        return 0;
    (*budget)--;
    const sj_target *t = &c->targets[j];
    for (int k = 0; k < c->ntargets && k < 4096; k++) {
        const sj_target *o = &c->targets[k];
        if (k == j || o->project || !units_comparable(o, t))
            continue;
        double a = o->value * sj_target_unit_factor(o), b = t->value * sj_target_unit_factor(t);
        if (fabs(a - b) <= 1e-9 * fabs(b)) /* (750亩 is 50公顷) */
            return 1;
    }
    return 0;
}

static void check_targets(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                          sj_findings *fs)
{
    int np = p->ntargets;
    sj_target_align al;
    sj_align_targets(c, p, pp, &al);
    if (al.too_many) {
        INCOMPLETE(fs, c, p, SJ_MSG_INCOMPLETE_TARGETS, c->ntargets, np,
                   SJ_ALIGN_MAX_TARGET_PAIRS);
        return;
    }
    free(fs->pairs);
    fs->pairs = xcalloc((size_t)np + 1, sizeof *fs->pairs);
    fs->npairs = np;
    for (int i = 0; i < np; i++)
        fs->pairs[i] = (sj_pair){i, al.match[i], al.conf[i]};
    /* the child's own allocation first: a child target with a row of its
     * area is judged by that row alone */
    const char *area = sj_align_child_area(c, p);
    int *by_row = xcalloc((size_t)c->ntargets + 1, sizeof *by_row);
    /* a parent figure the rows allocate is taken up by the child that
     * answers its own row (营造林面积 20万亩, and 梓潼县's row 2.0万亩): each
     * row answered is compared with the parent's figures once, for at most
     * 64 rows (a bound for hostile plans of thousands of rows of one area) */
    int *allocated = xcalloc((size_t)np + 1, sizeof *allocated);
    int *row_seen = xcalloc((size_t)np + 1, sizeof *row_seen), rows_seen = 0;
    int budget = 256, project_budget = 256; /* parent_says_as_much, restated_elsewhere */
    /* each child target's row and score; of the figures of one sentence,
     * a row answers only the names closest to it (县城公交车新能源化比例
     * takes the row's 公交车 column, and 巡游出租车新能源化比例 beside it,
     * less like it, is no answer); a figure the child states again in
     * another sentence, in other words, still answers it. The sentence's
     * figures are neighbours in the child's targets (text order): each is
     * compared with those of its sentence, at most 16 on each side. */
    int *row_of = xmalloc(((size_t)c->ntargets + 1) * sizeof *row_of);
    double *row_score = xmalloc(((size_t)c->ntargets + 1) * sizeof *row_score);
    int *sent = xmalloc(((size_t)c->ntargets + 1) * sizeof *sent);
    sj_area_rows rows;
    sj_area_rows_of(p, area, &rows);
    for (int j = 0; j < c->ntargets; j++) {
        row_of[j] = area ? sj_align_row_for(p, &rows, &c->targets[j], &row_score[j]) : -1;
        sent[j] = row_of[j] >= 0 ? sj_sentence_at(c, c->targets[j].span.start) : -1;
    }
    for (int j = 0; area && j < c->ntargets; j++) {
        int r = row_of[j], closer = 0;
        /* a row of the child's own project list is one project, a part of
         * its area's figure: the row judges it only when it restates a
         * figure the child states elsewhere (雨污分流改造2平方公里 in the
         * goals and in the list) */
        if (r >= 0 && c->targets[j].project && !restated_elsewhere(c, j, &project_budget))
            continue;
        /* a row of an amount is the amount of its year, or of the whole
         * period when it has none: a figure the child dates earlier, when
         * the child gives that row another, larger figure, later or of the
         * period, is a milestone on the way (累计3800吨，其中2025年底前完成
         * 2300吨) */
        int ry = r >= 0 ? p->targets[r].target_year : 0, cy = c->targets[j].target_year;
        int early = r >= 0 && cy && (!ry || cy < ry) && !is_relative(&p->targets[r]) &&
                    !is_relative(&c->targets[j]);
        for (int k = j > 16 ? j - 16 : 0; r >= 0 && k < c->ntargets && k <= j + 16 && !closer; k++)
            closer = k != j && row_of[k] == r &&
                     ((sent[k] == sent[j] && sent[j] >= 0 && row_score[k] > row_score[j] + 1e-9) ||
                      (early && (c->targets[k].target_year > cy || !c->targets[k].target_year) &&
                       c->targets[k].value > c->targets[j].value &&
                       !strcmp(sj_target_unit(&c->targets[k]), sj_target_unit(&c->targets[j]))));
        if (r < 0 || closer)
            continue;
        by_row[j] = 1;
        fs->pairs[r] = (sj_pair){r, j, 1};
        check_pair(&c->targets[j], &p->targets[r], 1, area, 0, NULL, fs);
        row_deadline(c, &c->targets[j], p, &p->targets[r], fs);
        if (row_seen[r] || rows_seen >= 64)
            continue;
        row_seen[r] = 1;
        rows_seen++;
        for (int i = 0; i < np; i++)
            if (!p->targets[i].area &&
                (sj_same_indicator(&p->targets[i], &p->targets[r]) ||
                 sj_similarity(sj_target_match_key(&p->targets[i]), sj_target_match_key(&p->targets[r])) >= 0.6))
                allocated[i] = 1;
    }
    /* per child target: the parent target that took it (index + 1, 0 if
     * none), and whether a parent figure in a comparable unit or its own
     * row answers it */
    int *taken = xcalloc((size_t)c->ntargets + 1, sizeof *taken);
    int *answered = xcalloc((size_t)c->ntargets + 1, sizeof *answered);
    for (int j = 0; j < c->ntargets; j++)
        answered[j] = by_row[j];
    for (int i = 0; i < np; i++) {
        int j = al.match[i];
        if (j < 0)
            continue;
        taken[j] = i + 1;
        if (!p->targets[i].area && units_comparable(&c->targets[j], &p->targets[i]))
            answered[j] = 1;
    }
    /* the parent's sentences one of whose figures a child figure answers:
     * the child took up that sentence's work, and a figure of it the child
     * leaves out (often a measure of the same work: its width, its lead
     * content) is reported for information only */
    unsigned char *sent_answered = xcalloc((size_t)p->nsentences + 1, 1);
    for (int i = 0; i < np; i++) {
        int si = al.match[i] >= 0 && !p->targets[i].area ? sj_sentence_at(p, p->targets[i].span.start) : -1;
        if (si >= 0)
            sent_answered[si] = 1;
    }
    for (int i = 0; i < np; i++) {
        if (p->targets[i].area)
            continue; /* another area's row, or one judged above */
        if (al.match[i] < 0) {
            int si = sj_sentence_at(p, p->targets[i].span.start);
            if (!restates_unmatched(p, &al, i))
                check_unmatched(c, p, &p->targets[i], al.addressed[i] || allocated[i],
                                si >= 0 && sent_answered[si], fs);
        } else if (!by_row[al.match[i]] || !is_relative(&p->targets[i]))
            /* (an amount judged by its row may still exceed the whole) */
            check_pair(&c->targets[al.match[i]], &p->targets[i], al.conf[i], NULL,
                       answered[al.match[i]], &(restate_ctx){p, i, &budget}, fs);
    }
    /* a child figure the child states again (its goal, then the task):
     * each place is reported, against the parent figure its first
     * statement answers. The child's targets sorted by figure, each run
     * of one figure served by its first answered member. */
    int *order = xmalloc(((size_t)c->ntargets + 1) * sizeof *order);
    for (int j = 0; j < c->ntargets; j++)
        order[j] = j;
    qsort_r(order, (size_t)c->ntargets, sizeof *order, by_figure, (void *)c);
    for (int a = 0, b; a < c->ntargets; a = b) {
        int served = -1; /* the run's first answered member */
        for (b = a; b < c->ntargets && !cmp_figure(c, order[a], order[b]); b++)
            if (served < 0 && taken[order[b]])
                served = order[b];
        for (int k = a; served >= 0 && k < b; k++) {
            int j = order[k];
            if (taken[j] || by_row[j] || c->targets[j].deferred || c->targets[served].deferred)
                continue;
            int i = taken[served] - 1;
            check_pair(&c->targets[j], &p->targets[i], al.conf[i], NULL, answered[served],
                       &(restate_ctx){p, i, &budget}, fs);
        }
    }
    /* ... and said again in other words (its goal 城区再生水利用率33%, its
     * task 再生水利用率达到33%): an equal figure of the child, in a run of
     * at most 16, whose name is like the judged one's (Dice 0.3) is judged
     * as that one was, by its row or by its parent figure */
    qsort_r(order, (size_t)c->ntargets, sizeof *order, by_amount, (void *)c);
    for (int a = 0, b; a < c->ntargets; a = b) {
        int served = -1;
        for (b = a; b < c->ntargets && !cmp_amount(c, order[a], order[b]); b++)
            if (served < 0 && (taken[order[b]] || by_row[order[b]]) &&
                !c->targets[order[b]].deferred)
                served = order[b];
        for (int k = a; served >= 0 && k < b && k < a + 16; k++) {
            int j = order[k];
            if (taken[j] || by_row[j] || c->targets[j].deferred || c->targets[j].area ||
                sj_similarity(sj_target_match_key(&c->targets[j]),
                              sj_target_match_key(&c->targets[served])) < 0.3)
                continue;
            if (by_row[served] && row_of[served] >= 0)
                check_pair(&c->targets[j], &p->targets[row_of[served]], 1, area, 0, NULL, fs);
            else if (taken[served]) {
                int i = taken[served] - 1;
                check_pair(&c->targets[j], &p->targets[i], al.conf[i], NULL, answered[served],
                           &(restate_ctx){p, i, &budget}, fs);
            }
        }
    }
    free(order);
    free(taken);
    free(answered);
    free(by_row);
    sj_area_rows_free(&rows);
    free(row_of);
    free(row_score);
    free(sent);
    free(allocated);
    free(sent_answered);
    free(row_seen);
    sj_target_align_free(&al);
}

/* whether the sentence holding the date span ds also writes the year y
 * elsewhere than in ds itself (the child states the parent's date for
 * another part of the sentence: 保障2021年…、2022年…) */
static int sentence_has_year(const sj_doc *d, sj_span ds, int y)
{
    char ys[16];
    int n = snprintf(ys, sizeof ys, "%d", y);
    int i = sj_sentence_at(d, ds.start);
    if (i < 0)
        return 0;
    sj_span s = d->sentences[i].span;
    const char *t = d->norm.text;
    for (size_t at = s.start; at < s.end;) {
        const char *q = memmem(t + at, s.end - at, ys, (size_t)n);
        if (!q)
            return 0;
        size_t off = (size_t)(q - t);
        if (off < ds.start || off >= ds.end)
            return 1;
        at = off + (size_t)n;
    }
    return 0;
}

/* a later-deadline already reported (for a target) inside this task */
static int later_reported(const sj_findings *fs, sj_span task)
{
    for (int i = 0; i < fs->n; i++)
        if (fs->items[i].child_span.start < task.end && task.start < fs->items[i].child_span.end &&
            fs->items[i].child_item >= 0 && !strcmp(fs->items[i].id, "later-deadline"))
            return 1;
    return 0;
}

static void check_deadlines(const sj_doc *c, const sj_doc *p, sj_findings *fs)
{
    sj_task_align al;
    sj_align_deadlines(c, p, &al);
    if (al.too_big) {
        INCOMPLETE(fs, c, p, SJ_MSG_INCOMPLETE_DEADLINES,
                   al.chars, SJ_ALIGN_MAX_INDEX_CHARS);
        sj_task_align_free(&al);
        return;
    }
    /* the best score each child dated task has with any parent deadline:
     * a child task answers the parent task it is most like, not a less
     * like one with an earlier date (2026年6月底前完成建制镇声环境功能区
     * 划分 is the parent's task of that date, not its 2024年 区划调整) */
    double *child_best = xcalloc((size_t)c->ndeadlines + 1, sizeof *child_best);
    for (int i = 0; i < p->ndeadlines && i != al.stopped_at; i++)
        if (al.m[i].child >= 0 && al.m[i].score > child_best[al.m[i].child])
            child_best[al.m[i].child] = al.m[i].score;
    for (int i = 0; i < p->ndeadlines; i++) {
        const sj_deadline *pd = &p->deadlines[i];
        if (i == al.stopped_at) {
            INCOMPLETE(fs, c, p, SJ_MSG_INCOMPLETE_DEADLINES_STOPPED,
                       i, p->ndeadlines);
            break;
        }
        int best = al.m[i].child;
        double bs = al.m[i].score;
        int yearly = !strcmp(sj_deadline_kind(p, pd), "recurring");
        if (others_task(c, sj_doc_deadline_named(p, pd)))
            continue; /* (a date of other areas' task) */
        if (best >= 0 && bs >= SJ_ALIGN_DEADLINE_MIN && bs >= child_best[best] &&
            !later_reported(fs, c->deadlines[best].task)) {
            const sj_deadline *cd = &c->deadlines[best];
            int later = yearly ? !strcmp(sj_deadline_kind(c, cd), "recurring") && cd->month > pd->month
                               : cd->year && !strcmp(sj_deadline_kind(c, cd), "by") &&
                                     ym(cd->year, cd->month) > ym(pd->year, pd->month) &&
                                     /* (a task's later month of the same
                                      * year is later whatever else the
                                      * sentences date in that year) */
                                     ((cd->year == pd->year && cd->month && pd->month &&
                                       cd->para >= 0 && !c->paras[cd->para].goal) ||
                                      (!sentence_has_year(c, cd->span, pd->year) &&
                                       /* a later stage of the parent's task
                                        * (到2025年…,2027年达到65%) */
                                       !sentence_has_year(p, pd->span, cd->year)));
            if (later) {
                char *ct = sj_span_dup(c, cd->span), *pt = sj_span_dup(p, pd->span);
                sj_findings_add(fs, SJ_MSG_TASK_LATER, "", cd->span, 1, pd->span, 1, bs,
                    ct, pt);
                free(ct);
                free(pt);
            }
        }
    }
    free(child_best);
    sj_task_align_free(&al);
}

/* agency-differs: the child task that answers a parent task (a score of
 * at least this) is led by another office than the counterpart of the
 * parent's lead (agency_role.h) */
#define SJ_AGENCY_DIFFERS_MIN 0.4

static void agency_differs(const sj_doc *c, const sj_task_unit *cu, const sj_doc *p,
                           const sj_task_unit *pu, double bs, sj_findings *fs)
{
    int ca = sj_agency_of_task(c, cu), pa = sj_agency_of_task(p, pu);
    if (sj_agency_same_lead(c, ca, p, pa) != 0)
        return;
    const sj_names *cl = sj_agency_leads(&c->agencies[ca]);
    const sj_names *pl = sj_agency_leads(&p->agencies[pa]);
    sj_findings_add(fs, SJ_MSG_AGENCY_DIFFERS, "", c->agencies[ca].span, 1,
                    p->agencies[pa].span, 1, bs, cl->names[0], pl->names[0], pl->canon[0]);
}

/* a task the parent assigns whose closest child task has no parenthetical */
static void check_agencies(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                           sj_findings *fs)
{
    if (c->inherit_from >= 0 && c->nagencies == 1)
        return;
    sj_task_align al;
    sj_align_agencies(c, pp, &al);
    if (al.too_big) {
        INCOMPLETE(fs, c, p, SJ_MSG_INCOMPLETE_AGENCIES,
                   al.chars, SJ_ALIGN_MAX_INDEX_CHARS);
        sj_task_align_free(&al);
        return;
    }
    const sj_task_unit *cu = al.child_tasks, *pu = al.parent_tasks;
    int *flagged = xcalloc((size_t)al.nchild + 1, sizeof *flagged);
    for (int i = 0; i < al.n; i++) {
        if (!pu[i].has_agency)
            continue;
        if (i == al.stopped_at) {
            INCOMPLETE(fs, c, p, SJ_MSG_INCOMPLETE_AGENCIES_STOPPED,
                       i, al.n);
            break;
        }
        int best = al.m[i].child;
        double bs = al.m[i].score;
        if (best >= 0 && bs >= SJ_AGENCY_DIFFERS_MIN && cu[best].has_agency)
            agency_differs(c, &cu[best], p, &pu[i], bs, fs);
        if (best < 0 || bs < SJ_ALIGN_AGENCY_MIN || flagged[best] || cu[best].has_agency)
            continue;
        flagged[best] = 1;
        sj_findings_add(fs, SJ_MSG_AGENCY_MISSING, "", cu[best].span, 1, pu[i].span, 1, bs);
    }
    sj_task_align_free(&al);
    free(flagged);
}

void sj_check(const sj_doc *c, const sj_doc *p, sj_findings *fs)
{
    sj_parent_profiles *pp = sj_parent_profiles_make(p);
    sj_check_with(c, p, pp, fs);
    sj_parent_profiles_free(pp, p);
}

void sj_check_with(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                   sj_findings *fs)
{
    sj_span none = {0, 0};
    if (c->period_from && p->period_from &&
        (c->period_from != p->period_from || c->period_to != p->period_to))
        sj_findings_add(fs, SJ_MSG_PERIOD_MISMATCH, "", c->period_span, 1, p->period_span, 1, 1,
            c->period_from, c->period_to,
            p->period_from, p->period_to);
    if (c->ncites > 0) {
        int cited = 0;
        for (int i = 0; i < c->ncites && !cited; i++) {
            if (p->title && (strstr(c->cites[i].title, p->title) || strstr(p->title, c->cites[i].title)))
                cited = 1;
            if (p->docno && c->cites[i].docno && !strcmp(p->docno, c->cites[i].docno))
                cited = 1;
            /* (the plans of two places, 四川省…方案 and 宜宾市…方案 of one
             * programme, are two plans however alike their titles) */
            int places_differ = c->cites[i].place[0] && p->title_place[0] &&
                                strcmp(c->cites[i].place, p->title_place);
            if (p->title && !places_differ && sj_similarity(c->cites[i].title, p->title) >= 0.8)
                cited = 1;
            /* the same title once brackets, punctuation and notice wrappers
             * are set aside (sj_title_key) */
            if (p->title_key && c->cites[i].key && *p->title_key &&
                !strcmp(c->cites[i].key, p->title_key))
                cited = 1;
        }
        /* a parent with neither title nor 文号 (a copy that starts at its
         * first heading) cannot be told from the plan cited */
        if (!cited && (p->title || p->docno)) {
            int best = 0;
            double bs = -1;
            for (int i = 0; i < c->ncites && p->title; i++) {
                double s = sj_similarity(c->cites[i].title, p->title);
                if (s > bs)
                    bs = s, best = i;
            }
            /* placed at the citation when the text holds it, else the title */
            sj_span at = c->title_span;
            const char *q = c->cites[best].title && *c->cites[best].title
                                ? strstr(c->norm.text, c->cites[best].title)
                                : NULL;
            if (q) {
                at.start = (size_t)(q - c->norm.text);
                at.end = at.start + strlen(c->cites[best].title);
            }
            sj_findings_add(fs, SJ_MSG_PARENT_NOT_CITED, "", at, 1, none, 0, 1,
                c->cites[best].title, p->title ? p->title : sj_msg_text(SJ_MSG_WORD_UNTITLED, fs->lang));
        }
    }
    check_targets(c, p, pp, fs);
    check_deadlines(c, p, fs);
    check_agencies(c, p, pp, fs);
}
