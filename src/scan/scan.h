/* scan.h - batch mode: every plan under a folder (plain text, .docx,
 * .odt, .html, .pdf, .ofd: see walk.c; every other file is listed as
 * skipped with the reason, and so is a text that is not a plan; symbolic
 * links are reported, not followed), paired with its parent among the
 * scanned files by the plan it cites (title in 《》 or 文号) or by an
 * explicit pairs file, then cross-checked; plans without a parent are
 * linted. A file that cannot be read or decoded is reported and the scan
 * goes on.
 *
 * walk.c finds the files, pair.c pairs them, run.c runs the two passes in
 * worker threads: the first reads each plan for its title, 文号 and
 * citations and keeps only those; the second loads each plan again with
 * its parent, checks and renders it. Each thread holds the plan it checks
 * and up to four parents (least recently used out). Output is in sorted
 * path order whatever the number of threads, in the renderer's scan
 * format (render.h).
 *
 * The scan writes only the report to `out`: what went wrong with a file
 * goes to the caller's on_note as it happens (one message, no prefix, no
 * newline), progress to on_progress, and the counts come back in
 * sj_scan_result; the caller picks the exit code. */
#ifndef SJ_SCAN_H
#define SJ_SCAN_H

#include <stdio.h>

#include "check.h"
#include "parse.h"
#include "pipeline.h"
#include "render.h"

typedef struct {
    const char *phase; /* "reading", "checking" */
    int done, n;       /* files */
    size_t bytes_done;
    double seconds;    /* since the phase began */
} sj_scan_progress;

typedef struct {
    const char *dir;
    const char *pairs_file;    /* NULL: pair by citation */
    int jobs;                  /* worker threads, >= 1 */
    const sj_renderer *render; /* a format with scan_section */
    sj_load_opts load;
    sj_lang lang;
    int pair_index;            /* index_mode of sj_pair_by_citation */
    /* may be NULL. on_note is called from the calling thread only;
     * on_progress from the workers, one at a time (under the scan's lock) */
    void (*on_note)(void *ctx, const char *msg);
    void (*on_progress)(void *ctx, const sj_scan_progress *p);
    void *ctx;
    /* --include / --exclude globs (fnmatch), NULL/0: every file */
    const char *const *include, *const *exclude;
    int ninclude, nexclude;
    const struct sj_policy_s *policy; /* baseline.h; NULL: none */
} sj_scan_opts;

typedef struct {
    int not_a_directory; /* nothing was scanned */
    int files;           /* files listed (read or skipped) */
    int errors;          /* notes: files that failed, symbolic links, pairs file errors */
    int checked;         /* plans checked or linted */
    int skipped;         /* files not read (format) or not plans */
    int unreadable;      /* files of a supported format that could not be read */
    int worst;           /* the most severe finding (sj_severity), -1 if none */
    int limit_hits;      /* rule matches stopped at the match limit */
    int write_error;     /* the report's temporary file could not be written */
} sj_scan_result;

void sj_scan(const sj_scan_opts *o, const sj_ruleset *rs, FILE *out, sj_scan_result *res);

/* ---- the parts, for the tests */

/* walk.c: the files under dir, sorted by path, each with skip[i] NULL
 * (to be read) or why it is not read ("image (png)"), and notes on what
 * could not be walked (unreadable folders, symbolic links to plans, files
 * that cannot be stat'ed), in the order met. Returns -1 (nothing found)
 * if dir is not a folder. */
typedef struct {
    char **paths;
    int n, cap;
    char **skip;
    int capskip;
    char **notes;
    int nnotes, capnotes;
} sj_walk;

/* which files: globs matched by fnmatch against the name, or against the
 * path under dir when the glob holds a /; an excluded folder is not
 * entered. max_bytes: a file of no plan extension above it is skipped
 * unopened (0: no limit). */
typedef struct {
    const char *const *include, *const *exclude;
    int ninclude, nexclude;
    size_t max_bytes;
} sj_walk_filter;

int sj_walk_dir(const char *dir, sj_walk *w);
int sj_walk_dir_filtered(const char *dir, const sj_walk_filter *f, sj_walk *w);
void sj_walk_free(sj_walk *w);

/* card.c: what pairing needs to know about a plan (its card) */
typedef struct {
    char *path;
    int ok;
    char *err; /* why the file could not be read; NULL while it can */
    char *skipped; /* why it is not checked (a format, not a plan); NULL */
    size_t bytes;
    char *title, *docno, *issuer;
    int level, period_from, period_to; /* sj_level; 0 when not stated */
    char **cite_title, **cite_docno;
    int ncites;
    /* the place the plan is for (rules/places.tsv), for pairing by place:
     * the division its title or issuer opens with (寿光市; NULL if none),
     * its GB/T 2260 code, and the codes of the divisions just above it
     * (more than one when its name is listed more than once, 鼓楼区, and
     * nothing says which); level is then the division's level */
    char *place, *place_code;
    char **place_up;
    int nplace_up;
    char *programme; /* the [programme] its title names (air, water...), NULL */
} sj_scan_card;
/* Reads the plan at c->path up to parse and fills its card: ok, or err,
 * or skipped (a format that holds no plan, or a text that is not a plan:
 * no plan title or headings, and mostly not Chinese or no targets and
 * deadlines). A card whose skipped is set already is left as it is. */
void sj_scan_card_read(sj_scan_card *c, const sj_load_opts *lo, const sj_ruleset *rs,
                       sj_matcher *m);
void sj_scan_card_free(sj_scan_card *c);

/* parent[i]: the plan that cards[i] cites (文号 first, then title), -1.
 * index_mode: 0 a bigram index of the titles when they and the citations
 * are many, 1 always, -1 never (the same pairs, at another cost). */
void sj_pair_by_citation(const sj_scan_card *cards, int n, int index_mode, int *parent);
/* Pairing by place, after sj_pair_by_citation: each plan that cites no
 * plan at all (ncites 0) and has no parent yet gets the plan of the
 * division just above its place (a county's prefecture, a prefecture's
 * province; a municipality's district its municipality) of the same
 * programme and an overlapping period (a period not stated does not
 * exclude); of several such, the one whose title is most like its own
 * once the place names are taken out. how[i]: how many plans were
 * candidates when cards[i] was paired so, else 0. Siblings and other
 * programmes are never paired. */
void sj_pair_by_place(const sj_scan_card *cards, int n, int *parent, int *how);
/* The note that says so, for a plan paired by place (how > 0): "CHILD:
 * paired by place with PARENT (...)". The caller frees it. */
char *sj_pair_place_note(const sj_scan_card *child, const sj_scan_card *parent, int how);
/* Reads child<TAB>parent lines into parent[]; each line it cannot use is
 * a note to on_note ("file:line: why"). Returns the number of notes. */
int sj_pair_from_file(const char *file, const sj_scan_card *cards, int n, int *parent,
                      void (*on_note)(void *ctx, const char *msg), void *ctx);

/* ---- steps.c: the scan as three steps for an engine that spreads work
 * over machines (GNU parallel, Hadoop Streaming, Spark's pipe). Sorted,
 * check's lines over every chunk are --scan --format jsonl's output. */

/* index: one JSON line for the plan at path: file, bytes, title, docno,
 * issuer, level, period, cites, place, place_code, place_up, programme
 * (what pairing needs), or file and error.
 * Returns 0, 1 when the plan could not be read (its line says why), -1
 * when path is not UTF-8 (nothing written: a JSON line cannot name it). */
int sj_step_index(const char *path, const sj_load_opts *lo, const sj_ruleset *rs,
                  sj_matcher *m, FILE *out);
/* pair: reads every index line from in (name: for notes), writes
 * child<TAB>parent lines in path order (parent empty: lint it). Lines
 * that are not index lines go to on_note; returns their number. */
int sj_step_pair(FILE *in, const char *name, int index_mode, FILE *out,
                 void (*on_note)(void *ctx, const char *msg), void *ctx);
/* check: reads child<TAB>parent lines (any chunk of pair's output, or
 * written by hand), checks or lints each child and writes its section in
 * render's scan format (jsonl: one line each, as --scan writes them).
 * Files that cannot be read are notes (a child also gets its error line);
 * a child whose parent cannot be read is not checked. Returns the number
 * of notes; *worst is the most severe finding (sj_severity), -1 if none. */
typedef struct {
    sj_load_opts load;
    sj_lang lang;
    const sj_renderer *render;
    void (*on_note)(void *ctx, const char *msg);
    void *ctx;
} sj_step_check_opts;
int sj_step_check(FILE *in, const char *name, const sj_step_check_opts *o,
                  const sj_ruleset *rs, FILE *out, int *worst);

#endif
