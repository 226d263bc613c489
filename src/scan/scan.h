/* scan.h - batch mode: every plan under a folder (*.txt, *.md; symbolic
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
} sj_scan_opts;

typedef struct {
    int not_a_directory; /* nothing was scanned */
    int files;           /* plans found */
    int errors;          /* notes: files skipped or failed, pairs file errors */
    int worst;           /* the most severe finding (sj_severity), -1 if none */
    int limit_hits;      /* rule matches stopped at the match limit */
    int write_error;     /* the report's temporary file could not be written */
} sj_scan_result;

void sj_scan(const sj_scan_opts *o, const sj_ruleset *rs, FILE *out, sj_scan_result *res);

/* ---- the parts, for the tests */

/* walk.c: the plans under dir, sorted by path, and notes on what was
 * skipped (unreadable folders, symbolic links to plans, files that cannot
 * be stat'ed), in the order met. Returns -1 (nothing found) if dir is not
 * a folder. */
typedef struct {
    char **paths;
    int n, cap;
    char **notes;
    int nnotes, capnotes;
} sj_walk;

int sj_walk_dir(const char *dir, sj_walk *w);
void sj_walk_free(sj_walk *w);

/* pair.c: what pairing needs to know about a plan */
typedef struct {
    char *path;
    int ok;
    char *err; /* why the file could not be read; NULL while it can */
    size_t bytes;
    char *title, *docno;
    char **cite_title, **cite_docno;
    int ncites;
} sj_scan_card;

/* parent[i]: the plan that cards[i] cites (文号 first, then title), -1.
 * index_mode: 0 a bigram index of the titles when they and the citations
 * are many, 1 always, -1 never (the same pairs, at another cost). */
void sj_pair_by_citation(const sj_scan_card *cards, int n, int index_mode, int *parent);
/* Reads child<TAB>parent lines into parent[]; each line it cannot use is
 * a note to on_note ("file:line: why"). Returns the number of notes. */
int sj_pair_from_file(const char *file, const sj_scan_card *cards, int n, int *parent,
                      void (*on_note)(void *ctx, const char *msg), void *ctx);

#endif
