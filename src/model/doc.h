/* doc.h - the document model: the contract between the pipeline stages.
 *
 * parse fills metadata, sections, paragraphs, sentences and tables;
 * extract fills targets, deadlines and agencies, and marks the goal
 * paragraphs; sj_doc_tasks cuts tasks from them on demand. Every span is a
 * pair of byte offsets into norm.text; sj_norm_pos() (text.h) turns one
 * into the original file's line:column.
 *
 * Ownership: the sj_doc owns its text, its arrays and every char * field
 * (freed by sj_doc_free; the strings of finished targets and agencies in
 * its arena, strs, see sj_doc_keep_target), with one exception: the const char * fields
 * marked BORROWED below point into the sj_ruleset the doc was read with
 * (values of its rules) or at string constants, so THE RULESET MUST
 * OUTLIVE THE DOC. They are: sj_table.agency_col; the fields of
 * sj_indicator_read but match_key; sj_unit_read.canon and .dim (unless dim_own);
 * sj_target.change and rule; the strings of sj_doc.kinds.
 */
#ifndef SJ_DOC_H
#define SJ_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "text.h"
#include "util.h"

/* Byte offsets into norm.text, 32-bit: a plan's text is less than 2 GB
 * (pipeline.c refuses more) and a 50 MB plan has millions of spans. */
typedef struct {
    uint32_t start, end;
} sj_span;

typedef enum { SJ_LEVEL_UNKNOWN, SJ_LEVEL_PROVINCE, SJ_LEVEL_CITY, SJ_LEVEL_COUNTY } sj_level;

/* 24 bytes: a 50 MB plan has 180,000 of them */
typedef struct {
    sj_span number; /* 一、 / (一) / 1. */
    sj_span title;  /* heading text up to the first 。 */
    uint32_t line_start; /* where its line (the heading's paragraph) starts */
    signed int parent : 28; /* index of the enclosing section, -1 at top */
    unsigned int level : 4; /* 1 = 一、 ... (a [heading] rule's level, 1-6) */
} sj_section;

typedef struct {
    sj_span span;  /* one line of normalized text */
    int table_row; /* index into rows, -1 for prose */
    signed int section : 30; /* innermost section, -1 before the first */
    _Bool body : 1; /* 1 inside the plan itself (not the covering notice) */
    _Bool goal : 1; /* extract: in a section of the plan's overall goals
                      ([goal_heading]: 总体要求, 主要目标), which need no agency */
} sj_para;

/* A sentence of a paragraph, in text order (sj_sentence_at finds the one
 * holding an offset). 8 bytes: a 50 MB plan has 500,000 of them. */
typedef struct {
    sj_span span;
} sj_sentence;

#define SJ_MAX_CELLS 8
#define SJ_MAX_NAMED 4 /* areas a target's sentence may name (sj_target) */
typedef struct {
    int para;
    int table;
    int ncells;
    sj_span cells[SJ_MAX_CELLS];
    int header; /* 1 when the row repeats or is the table's header */
    int values; /* targets read from its value cells (extract) */
} sj_row;

typedef struct {
    int first_row, nrows;
    int header_row;      /* -1 if none */
    int value_col;       /* column of the target values, -1: last */
    int unit_col;        /* column holding units, -1 if none */
    int col_year[SJ_MAX_CELLS];  /* a [column_year] header's year, 0 if none */
    int skip_col[SJ_MAX_CELLS];  /* a [column_skip] header: no targets there */
    const char *agency_col[SJ_MAX_CELLS]; /* a [column_agency] header's role
                                             (BORROWED) */
    int target_year;     /* from the header or caption, 0 if none */
    int base_year;       /* from a 基准年 note after the table, 0 if none */
} sj_table;

typedef struct {
    char *title;
    char *docno;
    char *key; /* title as compared (sj_title_key in parse.h), NULL if none */
    char place[7]; /* the code of the division its title opens with (四川省…
                      方案: 510000), "" if none (parse) */
} sj_cite;

/* names as written and canonical, one list per role */
typedef struct {
    char **names;
    char **canon;
    int n;
} sj_names;

/* the offices one parenthetical (or table row) names, by role: stored
 * once per doc (in d->strs, see sj_doc_keep_agency) and shared by the
 * agencies that name the same ones */
typedef struct {
    sj_names lead, coop, implement;
} sj_agency_names;

typedef struct {
    sj_span span;      /* the whole parenthetical */
    const sj_agency_names *who; /* never NULL in d->agencies */
    int para;
    char inherited;    /* 1: not written here, inherited from a note */
    char from_table;   /* 1: from the 牵头单位/配合单位 cells of a table row */
} sj_agency;

/* The areas a target's sentence names (sj_target.named): one entry of
 * d->named per sentence that names a few, shared by its targets. */
typedef struct {
    const char *name[SJ_MAX_NAMED], *name_short[SJ_MAX_NAMED]; /* BORROWED
                            from the ruleset's places (short name or NULL) */
    char code[SJ_MAX_NAMED][7]; /* their division codes */
    int n;               /* names in name[], 1 to SJ_MAX_NAMED */
} sj_named;

/* How a target's indicator is read (a function of the indicator as
 * written and the rules): what alignment compares, and what the
 * [indicator] rule it matched says (values of the rule, BORROWED from the
 * ruleset; all NULL when it matched none). Stored once per doc (in
 * d->strs, sj_doc_indicator_read) and shared by the targets that write
 * the same indicator. */
typedef struct {
    const char *match_key; /* the indicator with [synonym] rules applied and
                              brackets dropped (in d->strs) */
    const char *id;        /* canonical id */
    const char *name;
    const char *direction; /* "up", "down" or NULL */
    const char *answers;   /* ids of parent indicators a figure of this one
                              answers in another kind (a cut amount for a %
                              cut of the total): [indicator] answers key,
                              space-separated; NULL */
    uint32_t thing_len;    /* bytes of match_key before a [rate_suffix]
                              rule's match (黑臭水体消除 of 黑臭水体消除比例) */
} sj_indicator_read;

/* A target's unit as written and what it was read as: by a [unit] rule
 * (canon and dim BORROWED from it) or by the unit grammar of
 * rules/units.rules (dim then in d->strs, dim_own 1). Stored once per doc
 * (sj_doc_unit_read) and shared by the targets of the same unit. */
typedef struct {
    const char *text;   /* as written ("" if none; in d->strs) */
    const char *canon;  /* NULL if none */
    const char *dim;    /* NULL if none */
    double factor;      /* value * factor = value in canonical unit */
    int dim_own;        /* 1: dim is the grammar's */
} sj_unit_read;

/* a target's figure: binding on every area below, or overall (allocated
 * among them); sj_target_figure names it */
enum { SJ_FIGURE_NONE, SJ_FIGURE_BINDING, SJ_FIGURE_OVERALL };

/* Fields are ordered by size (pointers and doubles, then 4-byte, then
 * 2-byte, 1-byte ones and bits) so that a target has no padding: a 50 MB
 * plan has 200,000 of them. What is the same for many targets (their
 * indicator rule, their unit's reading) is one pointer to a record the
 * doc stores once; read it with the accessors below. */
typedef struct {
    sj_span span;        /* the phrase stating the target */
    sj_span value_span;  /* the number */
    char *indicator;     /* as written */
    const sj_indicator_read *ind; /* how it is read (sj_target_match_key,
                            sj_target_indicator_id ...); NULL until extract
                            has finished the target */
    char *area;          /* an allocation row's place (白石县): the figure
                            is that area's share of the plan's overall
                            figure; NULL for the plan's own figures */
    double value;        /* valid unless deferred */
    const sj_unit_read *unit_read; /* its unit (sj_target_unit,
                            sj_target_unit_*); NULL: none yet */
    const char *change;  /* "level", "decrease", "increase" (BORROWED) */
    const char *rule;    /* name of the rule that found it (BORROWED) */
    uint32_t object_len; /* bytes at the end of indicator that came from the
                            rule's object (新增50家以上绿色工厂: 绿色工厂) */
    int para;
    int agency;          /* index into agencies, -1 if none */
    int named;           /* 1 + index into d->named, the areas below the
                            plan its sentence names (在平武、北川、安州建成…),
                            when it names a few (sj_doc_named); 0 if none */
    int16_t base_year, target_year; /* 0 if none (years are 19xx/20xx) */
    char comparator[3];  /* ">=", "<=", "~", "=" */
    unsigned figure : 2; /* SJ_FIGURE_*: the [indicator] rule's figure key,
                            or a [uniform_mandate] phrase in its sentence;
                            NONE if not classified (sj_target_figure) */
    _Bool unit_intensive : 1; /* its [unit] rule says intensive = yes */
    _Bool deferred : 1;
    _Bool from_table : 1;
    _Bool quiet_missing : 1; /* its rule says report_missing = unmentioned */
    _Bool project : 1;   /* from a row of a project list (a table with a
                            [project_header] header cell): the plan's own
                            works, which a lower plan need not restate */
    _Bool city_own : 1;  /* the plan says its own level does it (由市级统筹
                            建设; a [own_note] names its row): a lower plan
                            that leaves it out is told for information */
} sj_target;

static inline const char *sj_target_match_key(const sj_target *t)
{
    return t->ind ? t->ind->match_key : NULL;
}
static inline uint32_t sj_target_thing_len(const sj_target *t)
{
    return t->ind ? t->ind->thing_len : 0;
}
static inline const char *sj_target_indicator_id(const sj_target *t)
{
    return t->ind ? t->ind->id : NULL;
}
static inline const char *sj_target_indicator_name(const sj_target *t)
{
    return t->ind ? t->ind->name : NULL;
}
static inline const char *sj_target_direction(const sj_target *t)
{
    return t->ind ? t->ind->direction : NULL;
}
static inline const char *sj_target_answers(const sj_target *t)
{
    return t->ind ? t->ind->answers : NULL;
}
/* the unit as written ("" if none once extract has finished the target) */
static inline const char *sj_target_unit(const sj_target *t)
{
    return t->unit_read ? t->unit_read->text : NULL;
}
static inline const char *sj_target_unit_canon(const sj_target *t)
{
    return t->unit_read ? t->unit_read->canon : NULL;
}
static inline const char *sj_target_unit_dim(const sj_target *t)
{
    return t->unit_read ? t->unit_read->dim : NULL;
}
/* 1 when the dimension came from the unit grammar, not a [unit] rule */
static inline int sj_target_unit_dim_own(const sj_target *t)
{
    return t->unit_read && t->unit_read->dim_own;
}
static inline double sj_target_unit_factor(const sj_target *t)
{
    return t->unit_read ? t->unit_read->factor : 1;
}
/* "binding", "overall" or NULL */
static inline const char *sj_target_figure(const sj_target *t)
{
    return t->figure == SJ_FIGURE_BINDING   ? "binding"
           : t->figure == SJ_FIGURE_OVERALL ? "overall"
                                            : NULL;
}

typedef struct {
    sj_span span;
    sj_span task;       /* the clause the deadline governs */
    int para;
    int agency;
    int16_t year, from_year; /* 0 if none (years are 19xx/20xx) */
    uint16_t kind;      /* index into d->kinds: sj_deadline_kind */
    int8_t month;       /* 1-12, 0 if none */
} sj_deadline;

/* A task: a stretch of a prose paragraph of the plan body that one
 * responsibility parenthetical covers (the text from the previous one, or
 * the paragraph's start, to its end), or the text after the paragraph's
 * last parenthetical when that is 30 bytes or more (no agency). In text
 * order. Tasks are not kept in the doc: sj_doc_tasks cuts them from the
 * paragraphs, agencies and deadlines when a stage needs them (align), so
 * that a plan only extracted does not hold them. */
typedef struct {
    sj_span span;
    int para;      /* its section: sj_task_section */
    int agency;    /* index into agencies, -1 if none */
    int deadline;  /* the first deadline whose date lies in span, -1 */
} sj_task;

typedef struct {
    char *path;
    sj_decoded dec;
    sj_norm norm;

    /* metadata (owned strings, NULL if not found) */
    char *title;
    sj_span title_span;
    char *docno;
    char *issuer;
    char *date;
    int period_from, period_to;
    sj_span period_span; /* where the period is stated: a [period_statement]
                            sentence, else the title */
    sj_level level;
    sj_cite *cites;
    int ncites, capcites;
    int body_start_para;

    sj_section *sections;
    int nsections, capsections;
    sj_para *paras;
    int nparas, capparas;
    sj_sentence *sentences;
    int nsentences, capsentences;
    unsigned char *sentence_whole; /* extract: 1 for each sentence of the
                        body a [whole_word] rule matches (全部, 全覆盖, 清零):
                        it requires all, or none, of something; read it with
                        sj_sentence_whole */
    sj_row *rows;
    int nrows, caprows;
    sj_table *tables;
    int ntables, captables;

    sj_target *targets;
    int ntargets, captargets;
    sj_deadline *deadlines;
    int ndeadlines, capdeadlines;
    const char **kinds; /* the kinds of its deadlines ("by", "recurring",
                           "period", "start": the [deadline] rules' kind
                           values, BORROWED), each once */
    int nkinds, capkinds;
    sj_agency *agencies;
    int nagencies, capagencies;
    int inherit_from;   /* agency index of the inheritance note, -1 */
    sj_named *named;    /* see sj_target.named */
    int nnamed, capnamed;
    /* the deadlines whose sentence names areas, by index (ascending), with
     * the entry (as sj_target.named): few, so apart from sj_deadline (32
     * bytes; a 50 MB plan has hundreds of thousands) */
    struct sj_dl_named {
        int dl, named;
    } *dl_named;
    int ndl_named, capdl_named;

    /* what a container reader (src/read) gave, for a .docx/.odt/.html/
     * .pdf/.ofd; all NULL/0 for plain text. dec.text is then the reader's
     * text, and anchors[i] says where its line i + 1 is in the original
     * file ("paragraph 12", "table 2, row 3", "page 3, line 7"). */
    const char *format;  /* "docx", "pdf", ... (a string constant) */
    char **anchors;
    int nanchors;
    char *index_no;      /* 索引号 of a portal page, NULL if none */
    char *title_key; /* title as compared with cites (parse.h), NULL if none */
    char title_place[7]; /* the division the title opens with, as sj_cite.place */
    /* the strings of the targets and agencies extract has finished (see
     * sj_doc_keep_target): many small ones, in a few blocks */
    sj_arena strs;
} sj_doc;

static inline const char *sj_level_name(sj_level l)
{
    return l == SJ_LEVEL_PROVINCE ? "province"
           : l == SJ_LEVEL_CITY   ? "city"
           : l == SJ_LEVEL_COUNTY ? "county"
                                  : "unknown";
}

/* The tasks of d (sj_task), cut from its extracted paragraphs, agencies
 * and deadlines: a new array the caller frees, *n its length. */
sj_task *sj_doc_tasks(const sj_doc *d, int *n);

/* the section of task t's paragraph, -1 if none */
static inline int sj_task_section(const sj_doc *d, const sj_task *t)
{
    return t->para >= 0 ? d->paras[t->para].section : -1;
}

/* "by", "recurring", "period" or "start" (a [deadline] rule's kind) */
static inline const char *sj_deadline_kind(const sj_doc *d, const sj_deadline *dl)
{
    return d->kinds[dl->kind];
}
/* The index of kind in d->kinds (added if new), for sj_deadline.kind. A
 * ruleset has far fewer than 65,536 [deadline] rules. */
int sj_doc_kind(sj_doc *d, const char *kind);

char *sj_span_dup(const sj_doc *d, sj_span s);
/* The reader's anchor of 1-based line `line` of dec.text, NULL for plain
 * text (no anchors) or a line out of range. */
const char *sj_doc_anchor(const sj_doc *d, int line);
static inline int sj_sentence_whole(const sj_doc *d, int si)
{
    return d->sentence_whole && si >= 0 && si < d->nsentences && d->sentence_whole[si];
}

/* The sentence holding normalized offset off (sentences are in text order
 * and do not overlap), or -1. */
int sj_sentence_at(const sj_doc *d, size_t off);
void sj_names_free(sj_names *n);
/* The areas target t's (deadline dl's) sentence names, NULL if none. */
static inline const sj_named *sj_doc_named(const sj_doc *d, const sj_target *t)
{
    return t->named ? &d->named[t->named - 1] : NULL;
}
const sj_named *sj_doc_deadline_named(const sj_doc *d, const sj_deadline *dl);
/* Adds an entry to d->named; returns its index + 1 (for sj_target.named). */
int sj_doc_add_named(sj_doc *d, const sj_named *n);
/* Moves a finished target's strings (indicator, area)
 * into d->strs, freeing the
 * malloc'd ones: a 50 MB plan has a million such strings, each a malloc
 * chunk of 32 bytes or more. Extract calls it when it is done with a
 * target (sj_x_finish_target), sj_doc_keep_agency when an agency is
 * added. Strings set later stay malloc'd; sj_doc_free frees each string
 * that is not in d->strs, so either kind may be there. Code that drops a
 * kept string before the doc is freed uses sj_doc_str_free. */
void sj_doc_keep_target(sj_doc *d, sj_target *t);
/* The record of *r (and of r->text, and r->dim when dim_own) in d->strs, stored once
 * per doc: targets of the same unit share it. */
const sj_unit_read *sj_doc_unit_read(sj_doc *d, const sj_unit_read *r);
/* The same for an indicator's reading (and a copy of r->match_key). */
const sj_indicator_read *sj_doc_indicator_read(sj_doc *d, const sj_indicator_read *r);
/* Moves the names of *n (names, canonical names and their arrays, all
 * malloc'd or in d->strs), emptied, into d->strs, stored once per doc,
 * and points a->who at them. */
void sj_doc_keep_agency(sj_doc *d, sj_agency *a, sj_agency_names *n);
/* Kept strings are stored once per doc: equal ones share one copy (so a
 * kept string is never written to). The pipeline calls this after
 * extract to free the set that finds them (keeping more afterwards works,
 * with a new set). */
void sj_doc_keep_end(sj_doc *d);
/* frees s unless it is in d->strs (freed with the doc) */
void sj_doc_str_free(sj_doc *d, char *s);
void sj_doc_free(sj_doc *d);

#endif
