/* findings.c - the findings of a check or lint, the registry of their
 * ids and the message catalogue (see findings.h). */
#include "findings.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const sj_finding_info KINDS[SJ_F_COUNT] = {
    [SJ_F_MISSING_TARGET] = {"missing-target", SJ_WARNING,
        "A quantified parent target the child plan never addresses."},
    [SJ_F_DEFERRED_UNQUANTIFIED] = {"deferred-unquantified", SJ_INFO,
        "The child only defers to the level above (完成上级下达的目标) where the parent has a number."},
    [SJ_F_WEAKER_TARGET] = {"weaker-target", SJ_ERROR,
        "Weaker than a figure that binds the child: a uniform mandate, or the child's own row in the parent's allocation."},
    [SJ_F_LATER_DEADLINE] = {"later-deadline", SJ_ERROR,
        "The same task is due later in the child than in the parent."},
    [SJ_F_BASE_YEAR_MISMATCH] = {"base-year-mismatch", SJ_WARNING,
        "The same indicator is measured against a different base year."},
    [SJ_F_UNIT_MISMATCH] = {"unit-mismatch", SJ_WARNING,
        "Units that cannot be converted into each other."},
    [SJ_F_ABSOLUTE_EXCEEDS_PARENT] = {"absolute-exceeds-parent", SJ_ERROR,
        "An absolute amount in the child larger than the parent's whole."},
    [SJ_F_SCALE_DEPENDENT] = {"scale-dependent", SJ_INFO,
        "Absolute amounts that cannot be compared across levels."},
    [SJ_F_AGENCY_MISSING] = {"agency-missing", SJ_WARNING,
        "The parent names a responsible agency for a task; the child's task has none."},
    [SJ_F_PERIOD_MISMATCH] = {"period-mismatch", SJ_WARNING,
        "The plans cover different periods."},
    [SJ_F_PARENT_NOT_CITED] = {"parent-not-cited", SJ_WARNING,
        "The child cites a plan and the given parent is not it."},
    [SJ_F_CHECK_INCOMPLETE] = {"check-incomplete", SJ_WARNING,
        "A part of the check stopped at a work limit (a plan with far more targets or dated tasks than real plans have); its findings may be incomplete."},
    [SJ_F_UNASSIGNED_TASK] = {"unassigned-task", SJ_WARNING,
        "A dated or quantified task with no responsible agency (--lint)."},
    [SJ_F_TABLE_PROSE_MISMATCH] = {"table-prose-mismatch", SJ_WARNING,
        "The target table and the prose disagree on the same indicator (--lint)."},
    [SJ_F_WEAKER_THAN_OVERALL] = {"weaker-than-overall", SJ_WARNING,
        "Weaker than a parent figure the parent allocates among its areas (an overall figure); the child's own allocation is what binds."},
    [SJ_F_BASELINE_STALE] = {"baseline-stale", SJ_INFO,
        "An entry of the baseline (--baseline) matches no finding any more: remove it."},
    [SJ_F_BASELINE_EXPIRED] = {"baseline-expired", SJ_INFO,
        "An entry of the baseline (--baseline) is past its expiry date; its finding is reported again."},
    [SJ_F_AGENCY_DIFFERS] = {"agency-differs", SJ_INFO,
        "The child's task is led by another office than the counterpart of the parent's lead (市X局 / 县X局, 分局, 发改委 / 发改局 are counterparts)."},
};

static const struct {
    int kind; /* sj_finding_kind, -1 for a word */
    const char *en, *zh;
    _Bool info; /* reported at level info whatever the kind's level */
} MSGS[SJ_MSG_COUNT] = {
    [SJ_MSG_MISSING_TARGET] = {SJ_F_MISSING_TARGET,
        "the parent's target %s %s %g%s is not addressed",
        "上级目标 %s %s %g%s 在本方案中没有对应"},
    [SJ_MSG_MISSING_TARGET_CITY_OWN] = {SJ_F_MISSING_TARGET,
        "the parent's target %s %s %g%s is not addressed; the parent says its own level does "
        "this work (info)",
        "上级目标 %s %s %g%s 在本方案中没有对应(上级方案写明由其本级实施,仅供参考)", 1},
    [SJ_MSG_MISSING_TARGET_TAKEN_UP] = {SJ_F_MISSING_TARGET,
        "the parent's target %s %s %g%s is not addressed, though the child answers another "
        "figure of its sentence (info)",
        "上级目标 %s %s %g%s 在本方案中没有对应(本方案回应了同句的其他目标,仅供参考)", 1},
    [SJ_MSG_DEFERRED_UNQUANTIFIED] = {SJ_F_DEFERRED_UNQUANTIFIED,
        "%s only defers to the level above where the parent says %g%s",
        "%s 只写了完成上级下达的目标,上级方案为 %g%s"},
    [SJ_MSG_TARGET_LATER] = {SJ_F_LATER_DEADLINE,
        "%s is due by %d, later than the parent's %d",
        "%s 的完成时限为%d年,晚于上级方案的%d年"},
    [SJ_MSG_BASE_YEAR_MISMATCH] = {SJ_F_BASE_YEAR_MISMATCH,
        "%s is measured against %d, the parent's against %d",
        "%s 以%d年为基准,上级方案以%d年为基准"},
    [SJ_MSG_UNIT_MISMATCH] = {SJ_F_UNIT_MISMATCH,
        "%s is given in %s, the parent's in %s",
        "%s 的单位为%s,上级方案为%s"},
    [SJ_MSG_ABSOLUTE_EXCEEDS_PARENT] = {SJ_F_ABSOLUTE_EXCEEDS_PARENT,
        "%s %g%s is larger than the parent's whole %g%s",
        "%s %g%s 大于上级方案的总量 %g%s"},
    [SJ_MSG_SCALE_DEPENDENT] = {SJ_F_SCALE_DEPENDENT,
        "%s %g%s is an absolute amount; the parent's %g%s covers a larger area",
        "%s %g%s 为绝对量,上级方案的 %g%s 覆盖更大范围"},
    [SJ_MSG_SCALE_DEPENDENT_KIND] = {SJ_F_SCALE_DEPENDENT,
        "%s %g%s answers the parent's %s %g%s with a figure of another kind: not comparable",
        "%s %g%s 以另一类数值回应上级方案的 %s %g%s,无法直接比较"},
    [SJ_MSG_WEAKER_TARGET] = {SJ_F_WEAKER_TARGET,
        "%s %g%s is weaker than the parent's %g%s",
        "%s %g%s 弱于上级方案的 %g%s"},
    [SJ_MSG_UNIT_MISMATCH_WEAKER] = {SJ_F_UNIT_MISMATCH,
        "%s is given in %s, the parent's in %s; converted, %g%s is weaker",
        "%s 的单位为%s,上级方案为%s;换算后 %g%s 弱于上级"},
    [SJ_MSG_TASK_LATER] = {SJ_F_LATER_DEADLINE,
        "the task is due %s, later than the parent's %s",
        "任务时限为%s,晚于上级方案的%s"},
    [SJ_MSG_AGENCY_MISSING] = {SJ_F_AGENCY_MISSING,
        "the parent names a responsible agency for this task; the child names none",
        "上级方案为该任务明确了责任单位,本方案未明确"},
    [SJ_MSG_PERIOD_MISMATCH] = {SJ_F_PERIOD_MISMATCH,
        "the plan covers %d-%d, the parent %d-%d",
        "本方案期限为%d-%d年,上级方案为%d-%d年"},
    [SJ_MSG_PARENT_NOT_CITED] = {SJ_F_PARENT_NOT_CITED,
        "the plan cites 《%s》 but the parent given is 《%s》",
        "本方案引用《%s》,但给定的上级方案为《%s》"},
    [SJ_MSG_INCOMPLETE_TARGETS] = {SJ_F_CHECK_INCOMPLETE,
        "the plan has %d targets and the parent %d: too many pairs to align "
        "(over %.0f); the targets were not checked",
        "本方案有%d项目标,上级方案有%d项:配对过多(超过%.0f),未检查目标"},
    [SJ_MSG_INCOMPLETE_DEADLINES] = {SJ_F_CHECK_INCOMPLETE,
        "the plan's dated tasks hold %zu characters, too many to align (over %u); "
        "the deadlines were not checked",
        "本方案时限任务共%zu字,过多无法配对(超过%u),未检查时限"},
    [SJ_MSG_INCOMPLETE_DEADLINES_STOPPED] = {SJ_F_CHECK_INCOMPLETE,
        "aligning the dated tasks stopped at %d of the parent's %d: too much "
        "shared text; the rest were not checked",
        "时限任务配对在上级方案%d/%d处停止:相同文字过多,其余未检查"},
    [SJ_MSG_INCOMPLETE_AGENCIES] = {SJ_F_CHECK_INCOMPLETE,
        "the plan's tasks hold %zu characters, too many to align (over %u); "
        "their agencies were not checked",
        "本方案任务共%zu字,过多无法配对(超过%u),未检查责任单位"},
    [SJ_MSG_INCOMPLETE_AGENCIES_STOPPED] = {SJ_F_CHECK_INCOMPLETE,
        "aligning the tasks' agencies stopped at %d of the parent's %d tasks: "
        "too much shared text; the rest were not checked",
        "责任单位配对在上级方案%d/%d项任务处停止:相同文字过多,其余未检查"},
    [SJ_MSG_UNASSIGNED_TARGET] = {SJ_F_UNASSIGNED_TASK,
        "the target %s has no responsible agency",
        "目标 %s 没有责任单位"},
    [SJ_MSG_UNASSIGNED_DEADLINE] = {SJ_F_UNASSIGNED_TASK,
        "a dated task has no responsible agency",
        "有时限的任务没有责任单位"},
    [SJ_MSG_TABLE_PROSE_MISMATCH] = {SJ_F_TABLE_PROSE_MISMATCH,
        "the prose says %g%s for %s, the target table %g%s",
        "正文为 %g%s(%s),目标表为 %g%s"},
    [SJ_MSG_WEAKER_THAN_OVERALL] = {SJ_F_WEAKER_THAN_OVERALL,
        "%s %g%s is weaker than the parent's overall figure %g%s; the parent allocates it "
        "among its areas, so the child's own allocation is what binds",
        "%s %g%s 弱于上级方案的总体目标 %g%s;该目标由上级分解到各地区,约束本方案的是下达给本地区的目标"},
    [SJ_MSG_WEAKER_THAN_ROW] = {SJ_F_WEAKER_TARGET,
        "%s %g%s is weaker than its own allocation %g%s (the parent's row for %s)",
        "%s %g%s 弱于上级方案下达给本地区的 %g%s(%s 一行)"},
    [SJ_MSG_WORD_NO_UNIT] = {-1,
        "(no unit)",
        "(无单位)"},
    [SJ_MSG_WORD_UNTITLED] = {-1,
        "(untitled)",
        "无标题"},
    [SJ_MSG_WORD_NOT_PLAN_LATIN] = {-1,
        "not a plan (no plan title or headings; mostly not Chinese)",
        "不是方案(无方案标题或章节标题,主要不是中文)"},
    [SJ_MSG_WORD_NOT_PLAN_EMPTY] = {-1,
        "not a plan (no plan title, headings, targets or deadlines)",
        "不是方案(无方案标题、章节标题、目标或时限)"},
    [SJ_MSG_R_VERDICT] = {-1, "verdict", "结论"},
    [SJ_MSG_R_INDICATOR] = {-1, "indicator", "指标"},
    [SJ_MSG_R_PARENT] = {-1, "parent", "上级方案"},
    [SJ_MSG_R_CHILD] = {-1, "child", "本方案"},
    [SJ_MSG_R_LEVEL] = {-1, "level", "级别"},
    [SJ_MSG_R_ID] = {-1, "id", "编号"},
    [SJ_MSG_R_MESSAGE] = {-1, "message", "说明"},
    [SJ_MSG_R_FINDING] = {-1, "finding", "说明"},
    [SJ_MSG_R_SIDE_BY_SIDE] = {-1, "Targets side by side", "目标对照"},
    [SJ_MSG_R_FINDINGS] = {-1, "Findings", "问题"},
    [SJ_MSG_R_OK] = {-1, "ok", "一致"},
    [SJ_MSG_R_AGAINST] = {-1, "against", "对照"},
    [SJ_MSG_R_CHECKED_AGAINST] = {-1, "checked against", "对照"},
    [SJ_MSG_R_COUNT] = {-1, "%d findings.", "共 %d 项。"},
    [SJ_MSG_R_PARENT_TEXT] = {-1, "note: the parent's text: ", "注: 上级方案原文: "},
    [SJ_MSG_R_FILE] = {-1, "file", "文件"},
    [SJ_MSG_R_ERRORS] = {-1, "errors", "错误"},
    [SJ_MSG_R_WARNINGS] = {-1, "warnings", "警告"},
    [SJ_MSG_R_INFO] = {-1, "info", "提示"},
    [SJ_MSG_R_SKIPPED] = {-1, "skipped: ", "未检查: "},
    [SJ_MSG_BASELINE_STALE] = {SJ_F_BASELINE_STALE,
        "the baseline entry %s:%d (%s %s) matches no finding any more",
        "基线条目 %s:%d(%s %s)已不对应任何问题"},
    [SJ_MSG_BASELINE_EXPIRED] = {SJ_F_BASELINE_EXPIRED,
        "the baseline entry %s:%d (%s %s) expired on %s; the finding is reported again",
        "基线条目 %s:%d(%s %s)已于%s过期,该问题重新报告"},
    [SJ_MSG_R_SUMMARY] = {-1, "summary: %d errors, %d warnings, %d infos; %d files",
        "合计: %d 个错误, %d 个警告, %d 个提示; %d 个文件"},
    [SJ_MSG_R_TOTALS] = {-1, "Totals", "合计"},
    [SJ_MSG_R_SHOW] = {-1, "show", "显示"},
    [SJ_MSG_R_ALL] = {-1, "all", "全部"},
    [SJ_MSG_R_TITLE] = {-1, "title", "标题"},
    [SJ_MSG_R_NO_CHILD] = {-1, "not found in the child", "本方案中未找到"},
    [SJ_MSG_R_DEADLINES_AGENCIES] = {-1, "Deadlines and agencies", "时限与责任单位"},
    [SJ_MSG_AGENCY_DIFFERS] = {SJ_F_AGENCY_DIFFERS,
        "the task is led by %s; the parent's lead is %s (its counterpart: %s)",
        "任务牵头单位为%s;上级方案牵头单位为%s(对应单位:%s)"},
};

static const char *const SEVERITY[3][2] = {
    [SJ_INFO] = {"info", "提示"},
    [SJ_WARNING] = {"warning", "警告"},
    [SJ_ERROR] = {"error", "错误"},
};

const sj_finding_info *sj_finding_info_of(sj_finding_kind k)
{
    return (int)k >= 0 && k < SJ_F_COUNT ? &KINDS[k] : NULL;
}

int sj_finding_kind_of(const char *id)
{
    for (int k = 0; k < SJ_F_COUNT; k++)
        if (!strcmp(KINDS[k].id, id))
            return k;
    return -1;
}

int sj_msg_kind(sj_msg m) { return (int)m >= 0 && m < SJ_MSG_COUNT ? MSGS[m].kind : -1; }

const char *sj_msg_text(sj_msg m, sj_lang lang)
{
    if ((int)m < 0 || m >= SJ_MSG_COUNT)
        return NULL;
    return lang == SJ_LANG_ZH ? MSGS[m].zh : MSGS[m].en;
}

const char *sj_severity_name(sj_severity s) { return SEVERITY[s][SJ_LANG_EN]; }

const char *sj_severity_label(sj_severity s, sj_lang lang)
{
    return SEVERITY[s][lang == SJ_LANG_ZH ? 1 : 0];
}

/* One conversion of a template: "%d", "%.0f", "%zu" ...; *type as in
 * sj_msg_arg, 0 for "%%". Returns the conversion's length; 0 if t does
 * not start one. */
static size_t conversion(const char *t, char *type)
{
    if (t[0] != '%')
        return 0;
    size_t n = 1;
    while (t[n] && strchr("-+ #0", t[n]))
        n++;
    while (t[n] >= '0' && t[n] <= '9')
        n++;
    if (t[n] == '.')
        for (n++; t[n] >= '0' && t[n] <= '9'; n++)
            ;
    int z = 0;
    if (t[n] == 'z')
        z = 1, n++;
    switch (t[n]) {
    case '%': *type = 0; break;
    case 'd': *type = 'd'; break;
    case 'u': *type = z ? 'z' : 'u'; break;
    case 'g': case 'f': *type = 'f'; break;
    case 's': *type = 's'; break;
    default: return 0;
    }
    return n + 1;
}

/* the template with the arguments, appended to out */
static void format_args(const char *t, const sj_msg_arg *args, int nargs, sj_buf *out)
{
    int k = 0;
    while (*t) {
        char type, spec[32];
        size_t n = conversion(t, &type);
        if (!n || n >= sizeof spec) {
            sj_buf_addc(out, *t++);
            continue;
        }
        memcpy(spec, t, n);
        spec[n] = '\0';
        t += n;
        if (!type) {
            sj_buf_addc(out, '%');
            continue;
        }
        if (k >= nargs)
            continue;
        const sj_msg_arg *a = &args[k++];
        switch (a->type) {
        case 'd': sj_buf_addf(out, spec, (int)a->v.i); break;
        case 'u': sj_buf_addf(out, spec, (unsigned)a->v.i); break;
        case 'z': sj_buf_addf(out, spec, (size_t)a->v.i); break;
        case 'f': sj_buf_addf(out, spec, a->v.f); break;
        default: sj_buf_addf(out, spec, a->v.s ? a->v.s : "(null)"); break;
        }
    }
}

void sj_finding_format(const sj_finding *f, sj_lang lang, sj_buf *out)
{
    format_args(sj_msg_text(f->msg, lang), f->args, f->nargs, out);
}

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

void sj_findings_add(sj_findings *fs, sj_msg m, const char *ind, sj_span cs, int has_c,
                     sj_span ps, int has_p, double conf, ...)
{
    const sj_finding_info *info = &KINDS[MSGS[m].kind];
    const char *id = info->id;
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
    f->level = MSGS[m].info ? SJ_INFO : info->level;
    f->indicator = xstrdup(ind ? ind : "");
    f->child_item = has_c ? 0 : -1;
    f->child_span = cs;
    f->parent_item = has_p ? 0 : -1;
    f->parent_span = ps;
    f->confidence = conf;
    f->msg = m;
    va_list ap;
    va_start(ap, conf);
    for (const char *t = MSGS[m].en; *t;) {
        char type;
        size_t n = conversion(t, &type);
        t += n ? n : 1;
        if (!n || !type || f->nargs >= SJ_MSG_MAX_ARGS)
            continue;
        sj_msg_arg *a = &f->args[f->nargs++];
        a->type = type;
        if (type == 'd') a->v.i = va_arg(ap, int);
        else if (type == 'u') a->v.i = va_arg(ap, unsigned);
        else if (type == 'z') a->v.i = (long long)va_arg(ap, size_t);
        else if (type == 'f') a->v.f = va_arg(ap, double);
        else {
            const char *v = va_arg(ap, const char *);
            a->v.s = v ? xstrdup(v) : NULL;
        }
    }
    va_end(ap);
    sj_buf b = {0};
    sj_finding_format(f, fs->lang, &b);
    if (b.len > 1023) /* messages are kept to 1023 bytes */
        b.len = 1023;
    sj_buf_addc(&b, '\0');
    f->message = xstrdup(b.data);
    sj_buf_free(&b);
}

void sj_findings_free(sj_findings *fs)
{
    for (int i = 0; i < fs->n; i++) {
        free(fs->items[i].message);
        free(fs->items[i].indicator);
        for (int k = 0; k < fs->items[i].nargs; k++)
            if (fs->items[i].args[k].type == 's')
                free(fs->items[i].args[k].v.s);
    }
    free(fs->items);
    free(fs->pairs);
    sj_slots_free(&fs->seen);
    sj_lang lang = fs->lang;
    int color = fs->color;
    memset(fs, 0, sizeof *fs);
    fs->lang = lang;
    fs->color = color;
}

static const sj_finding_explain_info EXPLAIN[SJ_F_COUNT] = {
    [SJ_F_MISSING_TARGET] = {
        "A lower-level plan implements the plan above it: a quantified target the parent sets "
        "and the child never mentions is a target nobody at the lower level is answerable for.",
        "parent: 城市污水处理率达到95%; the child has no 污水处理率 at all.",
        "Add the target (with the parent's value or a stricter one) to the child plan, or accept "
        "the omission in the baseline when the target does not apply to the area. When the "
        "child answers another figure of the same parent sentence (it took that work up), the "
        "figure it leaves out is reported at level info, and so is a figure the parent says its own "
        "level does (由市级统筹建设; a table note 第12项由市级统一建设)."},
    [SJ_F_DEFERRED_UNQUANTIFIED] = {
        "完成上级下达的目标 promises the parent's number without stating it; a reader of the "
        "child plan alone cannot see what is owed.",
        "child: 完成市下达的能耗强度下降目标; parent: 单位地区生产总值能耗下降16%.",
        "State the number in the child, or accept the wording in the baseline."},
    [SJ_F_WEAKER_TARGET] = {
        "A figure that binds the child (a uniform mandate such as a 100% requirement or a ban, "
        "or the child's own row in the parent's allocation) may be exceeded, never missed: a "
        "lower share or rate, or a higher ceiling, leaves part of the parent's target unmet.",
        "parent: 第三产业增加值占比 60%; child: 55%.",
        "Raise the child's target to at least the parent's, or record the approved deviation "
        "(with who approved it and when) in the baseline."},
    [SJ_F_LATER_DEADLINE] = {
        "A task due later in the child than in the parent makes the parent's deadline "
        "impossible to meet.",
        "parent: 2021年年底前完成; child: 2022年3月底前完成.",
        "Move the child's deadline to the parent's or earlier, or accept it in the baseline."},
    [SJ_F_BASE_YEAR_MISMATCH] = {
        "A reduction measured from another base year is a different target: 16% below 2016 is "
        "not 16% below 2015.",
        "parent: 比2015年下降16%; child: 比2016年下降16%.",
        "Use the parent's base year, or accept the difference in the baseline."},
    [SJ_F_UNIT_MISMATCH] = {
        "Targets in units that do not convert cannot be compared, so the check cannot say "
        "whether the child meets the parent.",
        "parent: 万吨; child: 万标准煤 for the same indicator.",
        "Give the target in the parent's unit, or accept it in the baseline."},
    [SJ_F_ABSOLUTE_EXCEEDS_PARENT] = {
        "An amount for a part cannot be larger than the amount for the whole.",
        "parent: 新增造林面积 10万亩; child (one county): 12万亩.",
        "Check the number and the unit in the child."},
    [SJ_F_SCALE_DEPENDENT] = {
        "Absolute amounts of a smaller area are not comparable with the whole; listed so a "
        "reviewer can check the allocation.",
        "parent: 新增城镇就业 10万人; child: 1.2万人.",
        "Nothing to fix; hide it with --min-level warning or accept it in the baseline."},
    [SJ_F_AGENCY_MISSING] = {
        "A task without a responsible agency in the child has nobody answerable for it.",
        "parent: …(市生态环境局牵头); child: the same task without （…牵头）.",
        "Name the lead agency in the child's task, or accept it in the baseline."},
    [SJ_F_PERIOD_MISMATCH] = {
        "Plans for different periods may set targets for different years.",
        "parent: 2021-2023; child: 2021-2025.",
        "Check that the right parent is given, or accept it in the baseline."},
    [SJ_F_PARENT_NOT_CITED] = {
        "The child names the plan it implements; checking it against another plan is likely a "
        "mistake.",
        "child cites 《济南市…方案》; --parent is the Zibo plan.",
        "Give the cited plan as --parent."},
    [SJ_F_CHECK_INCOMPLETE] = {
        "A part of the check stopped at a work limit; findings in that part may be missing.",
        "a plan with tens of thousands of dated tasks.",
        "Split the plan, or check that it is what it seems."},
    [SJ_F_UNASSIGNED_TASK] = {
        "A dated or quantified task without an agency has nobody answerable for it.",
        "到2025年，完成老旧小区改造100个。 (no 牵头/责任单位)",
        "Name the responsible agency, or accept it in the baseline."},
    [SJ_F_TABLE_PROSE_MISMATCH] = {
        "The target table and the text say different things; one of them is wrong.",
        "table: 森林覆盖率 40%; prose: 森林覆盖率达到38%.",
        "Make them agree."},
    [SJ_F_WEAKER_THAN_OVERALL] = {
        "A parent's figure for an ambient quality, an intensity, a share or a total is an "
        "overall figure that it allocates unevenly among its areas: some areas get looser "
        "figures, others stricter ones. A looser child is worth a look, not a violation: what "
        "binds the child is its own allocation.",
        "parent (city, no allocation given): PM2.5 34微克/立方米; child (county): 36微克/立方米.",
        "Check the child's allocation (目标责任书, or the parent's table of areas; pass one issued "
        "apart with --allocation FILE); if the child meets it, accept the finding in the "
        "baseline with that reference."},
    [SJ_F_BASELINE_STALE] = {
        "The accepted finding no longer occurs (fixed or reworded); the entry only hides "
        "future findings that happen to match.",
        "a baseline entry for a weaker-target the child has since raised.",
        "Remove the entry, or run --update-baseline."},
    [SJ_F_BASELINE_EXPIRED] = {
        "An acceptance was given until a date; past it the finding counts again.",
        "expires = 2026-06-30 and today is later.",
        "Fix the finding, or renew the entry's expires (with a reason)."},
    [SJ_F_AGENCY_DIFFERS] = {
        "A county's task is normally led by the counterpart of the office that leads it in the "
        "city's plan (市生态环境局 -> 县生态环境分局, 寿光市生态环境局). Another lead may be a "
        "local choice, or a task given to an office that does not hold the duty; the reviewer "
        "decides (info: never counted as a failure).",
        "parent: …(市生态环境局牵头,市农业农村局配合); child: the same task (区农业农村局牵头).",
        "Check that the lead is meant; accept it in the baseline, or hide infos with --min-level "
        "warning. Counterparts are the offices' place-free roles (rules/agencies.rules: "
        "[agency_alias], [agency_role]; places in rules/places.tsv)."},
};

const sj_finding_explain_info *sj_finding_explain(sj_finding_kind k)
{
    return (int)k >= 0 && k < SJ_F_COUNT ? &EXPLAIN[k] : NULL;
}

static const char *const LABEL_ZH[SJ_F_COUNT] = {
    [SJ_F_MISSING_TARGET] = "缺少目标",
    [SJ_F_DEFERRED_UNQUANTIFIED] = "未量化",
    [SJ_F_WEAKER_TARGET] = "目标弱于上级",
    [SJ_F_LATER_DEADLINE] = "时限晚于上级",
    [SJ_F_BASE_YEAR_MISMATCH] = "基准年不同",
    [SJ_F_UNIT_MISMATCH] = "单位不同",
    [SJ_F_ABSOLUTE_EXCEEDS_PARENT] = "超过上级总量",
    [SJ_F_SCALE_DEPENDENT] = "绝对量",
    [SJ_F_AGENCY_MISSING] = "缺少责任单位",
    [SJ_F_PERIOD_MISMATCH] = "期限不同",
    [SJ_F_PARENT_NOT_CITED] = "未引用该上级方案",
    [SJ_F_CHECK_INCOMPLETE] = "检查未完成",
    [SJ_F_UNASSIGNED_TASK] = "任务无责任单位",
    [SJ_F_TABLE_PROSE_MISMATCH] = "表文不一致",
    [SJ_F_WEAKER_THAN_OVERALL] = "弱于上级总体目标",
    [SJ_F_BASELINE_STALE] = "基线条目过时",
    [SJ_F_BASELINE_EXPIRED] = "基线条目过期",
    [SJ_F_AGENCY_DIFFERS] = "牵头单位不同",
};

const char *sj_finding_label(sj_finding_kind k, sj_lang lang)
{
    if ((int)k < 0 || k >= SJ_F_COUNT)
        return "";
    return lang == SJ_LANG_ZH && LABEL_ZH[k] ? LABEL_ZH[k] : KINDS[k].id;
}
