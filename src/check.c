#include "check.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "similar.h"

const char *sj_severity_name(sj_severity s)
{
    return s == SJ_ERROR ? "error" : s == SJ_WARNING ? "warning" : "info";
}

const char *sj_severity_label(sj_severity s, sj_lang lang)
{
    if (lang == SJ_LANG_ZH)
        return s == SJ_ERROR ? "错误" : s == SJ_WARNING ? "警告" : "提示";
    return sj_severity_name(s);
}

/* A message in the report's language; both are format literals, so the
 * compiler checks each against the arguments. */
#define L(fs, en, zh) ((fs)->lang == SJ_LANG_ZH ? zh : en)

static void add(sj_findings *fs, const char *id, sj_severity lv, const char *ind,
                sj_span cs, int has_c, sj_span ps, int has_p, double conf,
                const char *fmt, ...) __attribute__((format(printf, 10, 11)));

static uint64_t place_hash(const char *id, size_t start)
{
    return sj_fnv1a(sj_fnv1a(SJ_FNV_START, id, strlen(id)), &start, sizeof start);
}

static uint64_t finding_hash(const void *ctx, int i)
{
    const sj_finding *f = &((const sj_findings *)ctx)->items[i];
    return place_hash(f->id, f->child_span.start);
}

/* A finding looked up among those made: its id and child place */
typedef struct {
    const sj_findings *fs;
    const char *id;
    size_t start;
} place_query;

static int same_place(const void *ctx, int i)
{
    const place_query *q = ctx;
    const sj_finding *f = &q->fs->items[i];
    return f->child_item >= 0 && f->child_span.start == q->start && !strcmp(f->id, q->id);
}

static void add(sj_findings *fs, const char *id, sj_severity lv, const char *ind,
                sj_span cs, int has_c, sj_span ps, int has_p, double conf,
                const char *fmt, ...)
{
    /* one finding per child place and id (all findings are in the table;
     * only those with a child place are ever the same) */
    sj_slots_reserve(&fs->seen, (size_t)fs->n + 1, fs->n, finding_hash, fs);
    place_query q = {fs, id, cs.start};
    int *slot = sj_slots_find(&fs->seen, place_hash(id, cs.start), same_place, &q);
    if (has_c && *slot)
        return;
    if (!*slot)
        *slot = fs->n + 1;
    SJ_GROW(fs->items, fs->n, fs->cap);
    sj_finding *f = &fs->items[fs->n++];
    memset(f, 0, sizeof *f);
    f->id = id;
    f->level = lv;
    f->indicator = xstrdup(ind ? ind : "");
    f->child_item = has_c ? 0 : -1;
    f->child_span = cs;
    f->parent_item = has_p ? 0 : -1;
    f->parent_span = ps;
    f->confidence = conf;
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    f->message = xstrdup(buf);
}

static void incomplete(sj_findings *fs, const sj_doc *c, const sj_doc *p, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void incomplete(sj_findings *fs, const sj_doc *c, const sj_doc *p, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    add(fs, "check-incomplete", SJ_WARNING, "", c->title_span, 1, p->title_span, 1, 1, "%s", msg);
}

/* shares, rates and intensities (per-unit amounts) compare across levels;
 * absolute amounts do not */
static int is_relative(const sj_target *t)
{
    return sj_target_is_share(t) || !strcmp(t->unit, "%") || !strcmp(t->unit, "个百分点") ||
           strchr(t->unit, '/') != NULL || t->unit_intensive;
}


static int lower_is_better(const sj_target *t)
{
    if (!strcmp(t->comparator, "<="))
        return 1;
    return t->direction && !strcmp(t->direction, "down") && !strcmp(t->change, "level");
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
    if (!hl || sj_utf8_count(pt->indicator, l - ol) < 4)
        return 0;
    if (ol && !name_head(pt->indicator + l - ol, ol, o))
        ol = 0;
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

static void check_targets(const sj_doc *c, const sj_doc *p, const sj_parent_profiles *pp,
                          sj_findings *fs)
{
    int np = p->ntargets;
    sj_target_align al;
    sj_align_targets(c, p, pp, &al);
    if (al.too_many) {
        incomplete(fs, c, p,
                   L(fs, "the plan has %d targets and the parent %d: too many pairs to align "
                         "(over %.0f); the targets were not checked",
                     "本方案有%d项目标,上级方案有%d项:配对过多(超过%.0f),未检查目标"),
                   c->ntargets, np, SJ_ALIGN_MAX_TARGET_PAIRS);
        return;
    }
    const int *match = al.match, *addressed = al.addressed;
    const double *confs = al.conf;
    free(fs->pairs);
    fs->pairs = xcalloc((size_t)np + 1, sizeof *fs->pairs);
    fs->npairs = np;
    for (int i = 0; i < np; i++)
        fs->pairs[i] = (sj_pair){i, match[i], confs[i]};
    for (int i = 0; i < np; i++) {
        const sj_target *pt = &p->targets[i];
        double conf = confs[i];
        int ci = match[i];
        const char *ind = pt->indicator_name ? pt->indicator_name : pt->indicator;
        sj_span none = {0, 0};
        if (ci < 0) {
            /* the child restating the very amount (210万吨) addresses it */
            char amount[64];
            snprintf(amount, sizeof amount, "%g%s", pt->value, pt->unit);
            int restated = !is_relative(pt) && *pt->unit && strstr(c->norm.text, amount);
            /* a site requirement (围挡100%) counts as missing only when the
             * child never names it */
            int named = pt->quiet_missing ? names_head(c, p, pt, 0)
                                          : !is_relative(pt) && names_head(c, p, pt, 1);
            if (!pt->deferred && !addressed[i] && !restated && !named)
                add(fs, "missing-target", SJ_WARNING, ind, none, 0, pt->span, 1, 0,
                    L(fs, "the parent's target %s %s %g%s is not addressed",
                      "上级目标 %s %s %g%s 在本方案中没有对应"), ind,
                    pt->comparator, pt->value, pt->unit);
            continue;
        }
        const sj_target *ct = &c->targets[ci];
        if (ct->deferred) {
            if (!pt->deferred)
                add(fs, "deferred-unquantified", SJ_INFO, ind, ct->span, 1, pt->span, 1,
                    conf, L(fs, "%s only defers to the level above where the parent says %g%s",
                            "%s 只写了完成上级下达的目标,上级方案为 %g%s"),
                    ind, pt->value, pt->unit);
            continue;
        }
        if (pt->deferred)
            continue;
        /* the same target due later (到2026年 where the parent says 到2025年) */
        if (pt->target_year && ct->target_year && ct->target_year > pt->target_year)
            add(fs, "later-deadline", SJ_ERROR, ind, ct->span, 1, pt->span, 1, conf,
                L(fs, "%s is due by %d, later than the parent's %d",
                  "%s 的完成时限为%d年,晚于上级方案的%d年"),
                ind, ct->target_year, pt->target_year);
        if (pt->base_year && ct->base_year && pt->base_year != ct->base_year)
            add(fs, "base-year-mismatch", SJ_WARNING, ind, ct->span, 1, pt->span, 1,
                conf, L(fs, "%s is measured against %d, the parent's against %d",
                        "%s 以%d年为基准,上级方案以%d年为基准"), ind,
                ct->base_year, pt->base_year);
        double cv = ct->value, pv = pt->value;
        int comparable = !strcmp(ct->unit, pt->unit);
        if (!comparable && ct->unit_dim && pt->unit_dim && !strcmp(ct->unit_dim, pt->unit_dim)) {
            cv *= ct->unit_factor;
            pv *= pt->unit_factor;
            comparable = 1;
        }
        if (!comparable) {
            add(fs, "unit-mismatch", SJ_WARNING, ind, ct->span, 1, pt->span, 1, conf,
                L(fs, "%s is given in %s, the parent's in %s", "%s 的单位为%s,上级方案为%s"), ind,
                *ct->unit ? ct->unit : L(fs, "(no unit)", "(无单位)"),
                *pt->unit ? pt->unit : L(fs, "(no unit)", "(无单位)"));
            continue;
        }
        if (!is_relative(pt)) {
            if (conf >= 0.75 && cv > pv && fabs(cv - pv) > 1e-9 * fabs(pv))
                add(fs, "absolute-exceeds-parent", SJ_ERROR, ind, ct->span, 1, pt->span, 1,
                    conf, L(fs, "%s %g%s is larger than the parent's whole %g%s",
                            "%s %g%s 大于上级方案的总量 %g%s"), ind,
                    ct->value, ct->unit, pt->value, pt->unit);
            else
                add(fs, "scale-dependent", SJ_INFO, ind, ct->span, 1, pt->span, 1, conf,
                    L(fs, "%s %g%s is an absolute amount; the parent's %g%s covers a larger area",
                      "%s %g%s 为绝对量,上级方案的 %g%s 覆盖更大范围"), ind, ct->value, ct->unit, pt->value, pt->unit);
            continue;
        }
        int weaker = lower_is_better(pt) ? cv > pv + 1e-9 : cv < pv - 1e-9;
        if (weaker) {
            sj_finding *f;
            add(fs, "weaker-target", SJ_ERROR, ind, ct->span, 1, pt->span, 1, conf,
                L(fs, "%s %g%s is weaker than the parent's %g%s", "%s %g%s 弱于上级方案的 %g%s"), ind, ct->value, ct->unit,
                pt->value, pt->unit);
            f = &fs->items[fs->n - 1];
            f->child_value = ct->value;
            f->parent_value = pt->value;
            f->has_values = 1;
            /* weaker only once converted: the units hid it */
            if (strcmp(ct->unit, pt->unit))
                add(fs, "unit-mismatch", SJ_WARNING, ind, ct->span, 1, pt->span, 1, conf,
                    L(fs, "%s is given in %s, the parent's in %s; converted, %g%s is weaker",
                      "%s 的单位为%s,上级方案为%s;换算后 %g%s 弱于上级"),
                    ind, ct->unit, pt->unit, cv / (pt->unit_factor ? pt->unit_factor : 1),
                    pt->unit);
        }
    }
    sj_target_align_free(&al);
}

static int ym(int y, int m) { return y * 12 + (m ? m : 12); }

/* whether the sentence holding off also writes the year y (the child
 * states the parent's date for another part of the sentence: 保障2021年…、
 * 2022年…) */
static int sentence_has_year(const sj_doc *d, size_t off, int y)
{
    char ys[16];
    int n = snprintf(ys, sizeof ys, "%d", y);
    int i = sj_sentence_at(d, off);
    if (i < 0)
        return 0;
    sj_span s = d->sentences[i].span;
    return memmem(d->norm.text + s.start, s.end - s.start, ys, (size_t)n) != NULL;
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
        incomplete(fs, c, p,
                   L(fs, "the plan's dated tasks hold %zu characters, too many to align (over %u); "
                         "the deadlines were not checked",
                     "本方案时限任务共%zu字,过多无法配对(超过%u),未检查时限"),
                   al.chars, SJ_ALIGN_MAX_INDEX_CHARS);
        sj_task_align_free(&al);
        return;
    }
    for (int i = 0; i < p->ndeadlines; i++) {
        const sj_deadline *pd = &p->deadlines[i];
        if (i == al.stopped_at) {
            incomplete(fs, c, p,
                       L(fs, "aligning the dated tasks stopped at %d of the parent's %d: too much "
                             "shared text; the rest were not checked",
                         "时限任务配对在上级方案%d/%d处停止:相同文字过多,其余未检查"),
                       i, p->ndeadlines);
            break;
        }
        int best = al.m[i].child;
        double bs = al.m[i].score;
        int yearly = !strcmp(pd->kind, "recurring");
        if (best >= 0 && bs >= 0.45 && !later_reported(fs, c->deadlines[best].task)) {
            const sj_deadline *cd = &c->deadlines[best];
            int later = yearly ? !strcmp(cd->kind, "recurring") && cd->month > pd->month
                               : cd->year && !strcmp(cd->kind, "by") &&
                                     ym(cd->year, cd->month) > ym(pd->year, pd->month) &&
                                     !sentence_has_year(c, cd->span.start, pd->year);
            if (later) {
                char *ct = sj_span_dup(c, cd->span), *pt = sj_span_dup(p, pd->span);
                add(fs, "later-deadline", SJ_ERROR, "", cd->span, 1, pd->span, 1, bs,
                    L(fs, "the task is due %s, later than the parent's %s",
                      "任务时限为%s,晚于上级方案的%s"), ct, pt);
                free(ct);
                free(pt);
            }
        }
    }
    sj_task_align_free(&al);
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
        incomplete(fs, c, p,
                   L(fs, "the plan's tasks hold %zu characters, too many to align (over %u); "
                         "their agencies were not checked",
                     "本方案任务共%zu字,过多无法配对(超过%u),未检查责任单位"),
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
            incomplete(fs, c, p,
                       L(fs, "aligning the tasks' agencies stopped at %d of the parent's %d tasks: "
                             "too much shared text; the rest were not checked",
                         "责任单位配对在上级方案%d/%d项任务处停止:相同文字过多,其余未检查"),
                       i, al.n);
            break;
        }
        int best = al.m[i].child;
        double bs = al.m[i].score;
        if (best < 0 || bs < 0.3 || flagged[best] || cu[best].has_agency)
            continue;
        flagged[best] = 1;
        add(fs, "agency-missing", SJ_WARNING, "", cu[best].span, 1, pu[i].span, 1, bs,
            L(fs, "the parent names a responsible agency for this task; the child names none",
              "上级方案为该任务明确了责任单位,本方案未明确"));
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
        add(fs, "period-mismatch", SJ_WARNING, "", c->title_span, 1, p->title_span, 1, 1,
            L(fs, "the plan covers %d-%d, the parent %d-%d", "本方案期限为%d-%d年,上级方案为%d-%d年"),
            c->period_from, c->period_to,
            p->period_from, p->period_to);
    if (c->ncites > 0) {
        int cited = 0;
        for (int i = 0; i < c->ncites && !cited; i++) {
            if (p->title && (strstr(c->cites[i].title, p->title) || strstr(p->title, c->cites[i].title)))
                cited = 1;
            if (p->docno && c->cites[i].docno && !strcmp(p->docno, c->cites[i].docno))
                cited = 1;
            if (p->title && sj_similarity(c->cites[i].title, p->title) >= 0.8)
                cited = 1;
        }
        if (!cited) {
            int best = 0;
            double bs = -1;
            for (int i = 0; i < c->ncites && p->title; i++) {
                double s = sj_similarity(c->cites[i].title, p->title);
                if (s > bs)
                    bs = s, best = i;
            }
            add(fs, "parent-not-cited", SJ_WARNING, "", c->title_span, 1, none, 0, 1,
                L(fs, "the plan cites 《%s》 but the parent given is 《%s》",
                  "本方案引用《%s》,但给定的上级方案为《%s》"),
                c->cites[best].title, p->title ? p->title : L(fs, "(untitled)", "无标题"));
        }
    }
    check_targets(c, p, pp, fs);
    check_deadlines(c, p, fs);
    check_agencies(c, p, pp, fs);
}

void sj_findings_free(sj_findings *fs)
{
    for (int i = 0; i < fs->n; i++) {
        free(fs->items[i].message);
        free(fs->items[i].indicator);
    }
    free(fs->items);
    free(fs->pairs);
    sj_slots_free(&fs->seen);
    sj_lang lang = fs->lang;
    memset(fs, 0, sizeof *fs);
    fs->lang = lang;
}

void sj_lint(const sj_doc *d, sj_findings *fs)
{
    int inherited = d->inherit_from >= 0;
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *t = &d->targets[i];
        if (!t->from_table && t->agency < 0 && !inherited)
            add(fs, "unassigned-task", SJ_WARNING, t->indicator, t->span, 1, t->span, 0, 1,
                L(fs, "the target %s has no responsible agency", "目标 %s 没有责任单位"),
                t->indicator);
    }
    for (int i = 0; i < d->ndeadlines; i++) {
        const sj_deadline *dl = &d->deadlines[i];
        if (dl->agency < 0 && !inherited && d->nagencies > 0)
            add(fs, "unassigned-task", SJ_WARNING, "", dl->task, 1, dl->task, 0, 1,
                L(fs, "a dated task has no responsible agency", "有时限的任务没有责任单位"));
    }
    for (int i = 0; i < d->ntargets; i++) {
        const sj_target *a = &d->targets[i];
        if (!a->from_table || a->deferred)
            continue;
        for (int j = 0; j < d->ntargets; j++) {
            const sj_target *b = &d->targets[j];
            if (b->from_table || b->deferred || strcmp(a->unit, b->unit) ||
                strcmp(a->change, b->change))
                continue;
            if (sj_same_indicator(a, b) && fabs(a->value - b->value) > 1e-9 &&
                (!a->target_year || !b->target_year || a->target_year == b->target_year))
                add(fs, "table-prose-mismatch", SJ_WARNING, a->indicator, b->span, 1,
                    a->span, 1, 1, L(fs, "the prose says %g%s for %s, the target table %g%s",
                                     "正文为 %g%s(%s),目标表为 %g%s"),
                    b->value, b->unit, a->indicator, a->value, a->unit);
        }
    }
}
