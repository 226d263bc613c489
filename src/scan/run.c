/* run.c - a scan: the walk (walk.c), the first pass in worker threads
 * (each plan's title, 文号 and citations), the pairing (pair.c), the
 * second pass (each plan checked against its parent, or linted, and
 * rendered; a parent cache per thread), and the report around the
 * sections, written in path order. Notes and progress go to the caller's
 * callbacks; see scan.h. */
#include "scan.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract.h"
#include "job.h"

typedef sj_scan_card card;

/* One plan's part of the report, rendered by a worker. */
typedef struct {
    int done;
    int parent;     /* index of the parent, -1 for a lint */
    int counts[3];  /* findings per sj_severity */
    char *out;      /* the rendered section */
    size_t outlen;
    char *parent_err; /* why its parent could not be loaded in the second pass */
} result;


typedef struct {
    card *cards;
    result *res;
    int n;
    int next, done;       /* work queue and progress */
    int next_emit;        /* results are written in path order */
    size_t bytes_done;
    pthread_mutex_t mu;
    const sj_ruleset *rs;
    const sj_scan_opts *o;
    const char *phase;
    struct timespec start;
    FILE *sink;           /* where sections go (out, or a spool file) */
    int nemitted;         /* sections written so far */
    int limit_hits;       /* rule matches stopped at the match limit */
} work;

static void progress(work *w)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    sj_scan_progress p = {w->phase, w->done, w->n, w->bytes_done,
                          (double)(now.tv_sec - w->start.tv_sec) +
                              (now.tv_nsec - w->start.tv_nsec) / 1e9};
    w->o->on_progress(w->o->ctx, &p);
}

static int take(work *w)
{
    pthread_mutex_lock(&w->mu);
    int i = w->next++;
    pthread_mutex_unlock(&w->mu);
    return i < w->n ? i : -1;
}

static void finished(work *w, size_t bytes)
{
    w->done++;
    w->bytes_done += bytes;
    if (w->o->on_progress)
        progress(w);
}

/* ---- phase 1: read every plan once for its title, 文号 and citations */

static void *read_worker(void *arg)
{
    work *w = arg;
    sj_matcher m;
    sj_matcher_init(&m);
    for (int i; (i = take(w)) >= 0;) {
        card *c = &w->cards[i];
        sj_scan_card_read(c, &w->o->load, w->rs, &m);
        pthread_mutex_lock(&w->mu);
        finished(w, c->bytes);
        pthread_mutex_unlock(&w->mu);
    }
    pthread_mutex_lock(&w->mu);
    w->limit_hits += m.limit_hits;
    pthread_mutex_unlock(&w->mu);
    sj_matcher_free(&m);
    return NULL;
}

/* ---- phase 2: check (or lint) each plan and render its section */

/* Writes finished sections in path order; called with the lock held. */
static void emit_ready(work *w)
{
    const sj_renderer *rd = w->o->render;
    while (w->next_emit < w->n && w->res[w->next_emit].done) {
        int i = w->next_emit++;
        result *r = &w->res[i];
        const card *c = &w->cards[i];
        if (c->skipped) {
            if (rd->scan_skipped && rd->scan_skipped(w->sink, c->path, c->skipped, w->nemitted))
                w->nemitted++;
            continue;
        }
        if (!c->ok) {
            if (rd->scan_error && rd->scan_error(w->sink, c->path, c->err, w->nemitted))
                w->nemitted++;
            continue;
        }
        if (r->out && r->outlen) {
            if (w->nemitted)
                fputs(rd->scan_sep, w->sink);
            fwrite(r->out, 1, r->outlen, w->sink);
            w->nemitted++;
        }
        free(r->out);
        r->out = NULL;
    }
}

/* Parents a worker keeps loaded: many plans share a few parents (the
 * city plan), so a handful of slots, least recently used out. */
#define PARENT_SLOTS 4

typedef struct {
    int idx[PARENT_SLOTS]; /* card index, -1 if empty */
    unsigned long used[PARENT_SLOTS];
    unsigned long clock;
    sj_doc doc[PARENT_SLOTS];
    sj_parent_profiles *prof[PARENT_SLOTS]; /* what checks need of it */
} parent_cache;

static void evict(parent_cache *pc, int k)
{
    if (pc->idx[k] >= 0) {
        sj_parent_profiles_free(pc->prof[k], &pc->doc[k]);
        sj_doc_free(&pc->doc[k]);
    }
    pc->prof[k] = NULL;
    pc->idx[k] = -1;
}

/* The slot of the extracted parent pi (with its profiles), loading it
 * into the least recently used slot if needed; -1 with err set if it
 * cannot be loaded. */
static int cached_parent(work *w, parent_cache *pc, sj_matcher *m, int pi, sj_err *err)
{
    int k, victim = 0;
    for (k = 0; k < PARENT_SLOTS; k++) {
        if (pc->idx[k] == pi) {
            pc->used[k] = ++pc->clock;
            return k;
        }
        if (pc->used[k] < pc->used[victim])
            victim = k;
    }
    evict(pc, victim);
    if (sj_plan_load(w->cards[pi].path, &w->o->load, w->rs, m, &pc->doc[victim], err)) {
        sj_doc_free(&pc->doc[victim]);
        return -1;
    }
    pc->prof[victim] = sj_parent_profiles_make(&pc->doc[victim]);
    pc->idx[victim] = pi;
    pc->used[victim] = ++pc->clock;
    return victim;
}

static void *check_worker(void *arg)
{
    work *w = arg;
    sj_matcher m;
    sj_matcher_init(&m);
    parent_cache pc;
    memset(&pc, 0, sizeof pc);
    for (int k = 0; k < PARENT_SLOTS; k++)
        pc.idx[k] = -1;
    for (int i; (i = take(w)) >= 0;) {
        card *c = &w->cards[i];
        result *r = &w->res[i];
        sj_doc d;
        sj_err err;
        memset(&d, 0, sizeof d);
        if (c->ok && sj_plan_load(c->path, &w->o->load, w->rs, &m, &d, &err) != 0) {
            /* the file changed since phase 1 */
            c->ok = 0;
            free(c->err);
            c->err = xstrdup(err.msg);
        }
        if (c->ok) {
            int slot = r->parent >= 0 ? cached_parent(w, &pc, &m, r->parent, &err) : -1;
            if (slot < 0 && r->parent >= 0) {
                /* it changed since the first pass: checked alone, and said */
                r->parent_err = xstrdup(err.msg);
                r->parent = -1;
            }
            /* the section is rendered apart, written in path order later */
            FILE *ms = open_memstream(&r->out, &r->outlen);
            if (ms) {
                sj_check_render_policy(&d, slot >= 0 ? &pc.doc[slot] : NULL,
                                       slot >= 0 ? pc.prof[slot] : NULL, w->o->policy,
                                       w->o->lang, w->o->render, i, ms, r->counts);
                fclose(ms);
            }
        }
        sj_doc_free(&d);
        pthread_mutex_lock(&w->mu);
        r->done = 1;
        finished(w, c->bytes);
        emit_ready(w);
        pthread_mutex_unlock(&w->mu);
    }
    for (int k = 0; k < PARENT_SLOTS; k++)
        evict(&pc, k);
    pthread_mutex_lock(&w->mu);
    w->limit_hits += m.limit_hits;
    pthread_mutex_unlock(&w->mu);
    sj_matcher_free(&m);
    return NULL;
}

static void run_phase(work *w, void *(*fn)(void *), const char *phase)
{
    w->next = 0;
    w->done = 0;
    w->bytes_done = 0;
    w->phase = phase;
    clock_gettime(CLOCK_MONOTONIC, &w->start);
    int jobs = w->o->jobs < 1 ? 1 : w->o->jobs > 64 ? 64 : w->o->jobs;
    pthread_t th[64];
    int started = 0;
    for (int t = 0; t < jobs; t++)
        if (pthread_create(&th[t], NULL, fn, w) == 0)
            started++;
    if (!started)
        fn(w);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
}

static void note(const sj_scan_opts *o, const char *msg)
{
    if (o->on_note)
        o->on_note(o->ctx, msg);
}

static void work_free(work *w)
{
    for (int i = 0; i < w->n; i++) {
        free(w->res[i].out);
        free(w->res[i].parent_err);
        sj_scan_card_free(&w->cards[i]);
    }
    free(w->cards);
    free(w->res);
}

/* The files that failed, for the report's footer (SARIF) */
typedef struct {
    char **items;
    int n, cap;
} error_list;

static void failed(const sj_scan_opts *o, error_list *e, char *msg, sj_scan_result *res)
{
    note(o, msg);
    SJ_GROW(e->items, e->n, e->cap);
    e->items[e->n++] = msg;
    res->errors++;
}

/* each plan's parent, by citation, else by place (said in a note), or as
 * the pairs file says */
static void pair_all(work *w, const sj_scan_opts *o, sj_scan_result *res)
{
    int *parent = xcalloc((size_t)w->n + 1, sizeof *parent);
    int *how = xcalloc((size_t)w->n + 1, sizeof *how);
    sj_pair_by_citation(w->cards, w->n, o->pair_index, parent);
    sj_pair_by_place(w->cards, w->n, parent, how);
    int *placed = xcalloc((size_t)w->n + 1, sizeof *placed);
    for (int i = 0; i < w->n; i++)
        placed[i] = how[i] ? parent[i] : -1;
    if (o->pairs_file)
        res->errors += sj_pair_from_file(o->pairs_file, w->cards, w->n, parent, o->on_note, o->ctx);
    for (int i = 0; i < w->n; i++) {
        w->res[i].parent = parent[i] == i ? -1 : parent[i];
        if (placed[i] >= 0 && placed[i] == parent[i]) {
            char *msg = sj_pair_place_note(&w->cards[i], &w->cards[parent[i]], how[i]);
            note(o, msg);
            free(msg);
        }
    }
    free(placed);
    free(how);
    free(parent);
}

/* the summary and footer of the report, after the sections */
static void report_end(const work *w, const error_list *e, int nnotes, FILE *out, FILE *spool)
{
    sj_scan_row *rows = xcalloc((size_t)w->n + 1, sizeof *rows);
    for (int i = 0; i < w->n; i++) {
        const card *c = &w->cards[i];
        const result *r = &w->res[i];
        rows[i].path = c->path;
        rows[i].error = c->ok || c->skipped ? NULL : c->err;
        rows[i].skipped = c->skipped;
        rows[i].parent = r->parent >= 0 ? w->cards[r->parent].path : NULL;
        rows[i].title = c->title;
        memcpy(rows[i].counts, r->counts, sizeof rows[i].counts);
    }
    sj_scan_summary sum = {rows, w->n, (const char *const *)e->items, e->n, w->o->lang, nnotes};
    w->o->render->scan_end(out, &sum, spool);
    free(rows);
}

void sj_scan(const sj_scan_opts *o, const sj_ruleset *rs, FILE *out, sj_scan_result *res)
{
    memset(res, 0, sizeof *res);
    res->worst = -1;
    sj_walk walk;
    sj_walk_filter wf = {o->include, o->exclude, o->ninclude, o->nexclude,
                         o->load.max_bytes ? o->load.max_bytes : (size_t)64 << 20};
    if (sj_walk_dir_filtered(o->dir, &wf, &walk)) {
        res->not_a_directory = 1;
        return;
    }
    error_list errors = {0};
    int nnotes = walk.nnotes;
    for (int i = 0; i < walk.nnotes; i++)
        failed(o, &errors, walk.notes[i], res);
    res->unreadable = walk.nnotes;
    free(walk.notes);
    sj_policy_filter_paths(o->policy, o->dir, walk.paths, &walk.n);

    work w;
    memset(&w, 0, sizeof w);
    w.n = res->files = walk.n;
    w.cards = xcalloc((size_t)w.n + 1, sizeof *w.cards);
    w.res = xcalloc((size_t)w.n + 1, sizeof *w.res);
    for (int i = 0; i < w.n; i++) {
        w.cards[i].path = walk.paths[i];
        w.cards[i].skipped = walk.skip[i];
    }
    free(walk.paths);
    free(walk.skip);
    w.rs = rs;
    w.o = o;
    pthread_mutex_init(&w.mu, NULL);
    run_phase(&w, read_worker, "reading");
    pair_all(&w, o, res);

    /* Markdown and HTML put a summary before the sections, so the sections
     * wait in a spool file; the other formats stream. */
    const sj_renderer *rd = o->render;
    int spool = rd->scan_spool;
    w.sink = spool ? tmpfile() : out;
    if (!w.sink) {
        note(o, "cannot create a temporary file");
        w.sink = out;
        spool = 0;
    }
    if (rd->scan_begin)
        rd->scan_begin(out);
    run_phase(&w, check_worker, "checking");
    pthread_mutex_destroy(&w.mu);

    for (int i = 0; i < w.n; i++) {
        if (w.cards[i].skipped) {
            /* listed once, with the reason; not an error */
            sj_buf b = {0};
            sj_buf_addf(&b, "%s: skipped: %s", w.cards[i].path, w.cards[i].skipped);
            note(o, b.data);
            sj_buf_free(&b);
            res->skipped++;
            continue;
        }
        if (w.res[i].parent_err) {
            sj_buf b = {0};
            sj_buf_addf(&b, "%s: checked alone: its parent could not be read again (%s)",
                        w.cards[i].path, w.res[i].parent_err);
            failed(o, &errors, sj_buf_take(&b), res);
        }
        if (!w.cards[i].ok) {
            failed(o, &errors, xstrdup(w.cards[i].err), res);
            res->unreadable++;
            continue;
        }
        res->checked++;
        for (int l = SJ_ERROR; l >= SJ_INFO; l--)
            if (w.res[i].counts[l] && l > res->worst)
                res->worst = l;
    }
    res->limit_hits = w.limit_hits;
    if (spool && (fflush(w.sink) || ferror(w.sink))) {
        /* the report would lack sections: the caller sees a write error */
        note(o, "cannot write the temporary file of the report");
        res->write_error = 1;
    }
    if (rd->scan_end)
        report_end(&w, &errors, nnotes, out, spool ? w.sink : NULL);
    if (spool)
        fclose(w.sink);
    for (int i = 0; i < errors.n; i++)
        free(errors.items[i]);
    free(errors.items);
    work_free(&w);
}
