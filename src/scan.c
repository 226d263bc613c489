#include "scan.h"

#include <ftw.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "check.h"
#include "extract.h"

typedef struct {
    char *path;
    sj_doc doc;
    int ok;
    char err[512];
    size_t bytes;
} scan_item;

static struct {
    char **paths;
    int n, cap;
    char **notes; /* files skipped while walking */
    int nnotes, capnotes;
} WALK;

static int has_ext(const char *p)
{
    size_t l = strlen(p);
    return (l > 4 && !strcmp(p + l - 4, ".txt")) || (l > 3 && !strcmp(p + l - 3, ".md"));
}

static int walk_cb(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    sj_buf b = {0};
    if (type == FTW_F && has_ext(path)) {
        SJ_GROW(WALK.paths, WALK.n, WALK.cap);
        WALK.paths[WALK.n++] = xstrdup(path);
    } else if (type == FTW_DNR) {
        sj_buf_addf(&b, "%s: cannot read directory", path);
    } else if (type == FTW_SL || type == FTW_SLN) {
        if (has_ext(path))
            sj_buf_addf(&b, "%s: symbolic link, not followed", path);
    } else if (type == FTW_NS) {
        sj_buf_addf(&b, "%s: cannot stat", path);
    }
    if (b.len) {
        SJ_GROW(WALK.notes, WALK.nnotes, WALK.capnotes);
        WALK.notes[WALK.nnotes++] = sj_buf_take(&b);
    }
    sj_buf_free(&b);
    return 0;
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
    scan_item *items;
    int n;
    int next, done;
    size_t bytes_done;
    pthread_mutex_t mu;
    const sj_ruleset *rs;
    const sj_scan_opts *o;
    struct timespec start;
} work;

static void progress(work *w)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double s = (double)(now.tv_sec - w->start.tv_sec) + (now.tv_nsec - w->start.tv_nsec) / 1e9;
    double mbs = s > 0 ? (double)w->bytes_done / 1048576.0 / s : 0;
    int width = 30, fill = w->n ? w->done * width / w->n : width;
    fprintf(stderr, "\r[%.*s%*s] %d/%d files %.1f MB/s", fill,
            "##############################", width - fill, "", w->done, w->n, mbs);
    if (w->done == w->n)
        fputc('\n', stderr);
}

static void *worker(void *arg)
{
    work *w = arg;
    sj_matcher m;
    sj_matcher_init(&m);
    for (;;) {
        pthread_mutex_lock(&w->mu);
        int i = w->next++;
        pthread_mutex_unlock(&w->mu);
        if (i >= w->n)
            break;
        scan_item *it = &w->items[i];
        sj_err err;
        if (sj_doc_load(it->path, &w->o->load, w->rs, &m, &it->doc, &err) == 0) {
            sj_extract(&it->doc, w->rs, &m);
            it->ok = 1;
            it->bytes = it->doc.dec.len;
        } else {
            snprintf(it->err, sizeof it->err, "%s", err.msg);
            sj_doc_free(&it->doc);
        }
        pthread_mutex_lock(&w->mu);
        w->done++;
        w->bytes_done += it->bytes;
        if (w->o->progress)
            progress(w);
        pthread_mutex_unlock(&w->mu);
    }
    sj_matcher_free(&m);
    return NULL;
}

static int find_by_path(scan_item *items, int n, const char *p)
{
    for (int i = 0; i < n; i++) {
        const char *q = items[i].path;
        size_t lq = strlen(q), lp = strlen(p);
        if (!strcmp(q, p) || (lq > lp && !strcmp(q + lq - lp, p) && q[lq - lp - 1] == '/'))
            return i;
    }
    return -1;
}

/* the scanned plan that child cites, or -1 */
static int cited_parent(scan_item *items, int n, int ci)
{
    const sj_doc *c = &items[ci].doc;
    for (int k = 0; k < c->ncites; k++)
        for (int i = 0; i < n; i++) {
            if (i == ci || !items[i].ok)
                continue;
            const sj_doc *p = &items[i].doc;
            if (p->docno && c->cites[k].docno && !strcmp(p->docno, c->cites[k].docno))
                return i;
            if (p->title && (strstr(c->cites[k].title, p->title) ||
                             strstr(p->title, c->cites[k].title)))
                return i;
        }
    return -1;
}

typedef struct {
    work *w;
    int *parent;
    char **out;
    int *worst;
    int next;
    pthread_mutex_t mu;
} render_work;

/* Checks (or lints) one plan and renders its report into a string. */
static void render_item(render_work *rw, int i)
{
    work *w = rw->w;
    const sj_scan_opts *o = w->o;
    scan_item *it = &w->items[i];
    rw->worst[i] = -1;
    if (!it->ok)
        return;
    sj_findings fs = {0};
    const sj_doc *p = &it->doc;
    int pi = rw->parent[i];
    if (pi >= 0 && w->items[pi].ok && pi != i) {
        p = &w->items[pi].doc;
        sj_check(&it->doc, p, &fs);
    } else {
        sj_lint(&it->doc, &fs);
    }
    for (int k = 0; k < fs.n; k++)
        if ((int)fs.items[k].level > rw->worst[i])
            rw->worst[i] = (int)fs.items[k].level;
    char *mem = NULL;
    size_t ml = 0;
    FILE *ms = open_memstream(&mem, &ml);
    if (!ms) {
        sj_findings_free(&fs);
        return;
    }
    if (o->fmt == SJ_FMT_JSON)
        sj_report_findings_json(ms, &it->doc, p, &fs);
    else
        sj_report_findings_text(ms, &it->doc, p, &fs);
    fclose(ms);
    if (o->jsonl) {
        /* one line per file: the report's own newlines are layout only */
        size_t k = 0;
        for (size_t r = 0; r < ml; r++)
            if (mem[r] != '\n')
                mem[k++] = mem[r];
        mem[k++] = '\n';
        mem[k] = '\0';
    }
    rw->out[i] = mem;
    sj_findings_free(&fs);
}

static void *render_worker(void *arg)
{
    render_work *rw = arg;
    for (;;) {
        pthread_mutex_lock(&rw->mu);
        int i = rw->next++;
        pthread_mutex_unlock(&rw->mu);
        if (i >= rw->w->n)
            break;
        render_item(rw, i);
    }
    return NULL;
}

int sj_scan(const sj_scan_opts *o, const sj_ruleset *rs, FILE *out)
{
    memset(&WALK, 0, sizeof WALK);
    struct stat st;
    if (stat(o->dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "sijian-check: %s: not a directory\n", o->dir);
        return 2;
    }
    nftw(o->dir, walk_cb, 32, FTW_PHYS);
    qsort(WALK.paths, (size_t)WALK.n, sizeof *WALK.paths, cmp_path);
    int rc = 0;
    for (int i = 0; i < WALK.nnotes; i++) {
        fprintf(stderr, "sijian-check: %s\n", WALK.notes[i]);
        free(WALK.notes[i]);
        rc = 2;
    }
    free(WALK.notes);

    work w;
    memset(&w, 0, sizeof w);
    w.n = WALK.n;
    w.items = xcalloc((size_t)w.n + 1, sizeof *w.items);
    for (int i = 0; i < w.n; i++)
        w.items[i].path = WALK.paths[i];
    free(WALK.paths);
    w.rs = rs;
    w.o = o;
    pthread_mutex_init(&w.mu, NULL);
    clock_gettime(CLOCK_MONOTONIC, &w.start);
    int jobs = o->jobs < 1 ? 1 : o->jobs > 64 ? 64 : o->jobs;
    pthread_t th[64];
    int started = 0;
    for (int t = 0; t < jobs; t++)
        if (pthread_create(&th[t], NULL, worker, &w) == 0)
            started++;
    if (!started)
        worker(&w);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    pthread_mutex_destroy(&w.mu);

    int *parent = xcalloc((size_t)w.n + 1, sizeof *parent);
    for (int i = 0; i < w.n; i++)
        parent[i] = w.items[i].ok ? cited_parent(w.items, w.n, i) : -1;
    if (o->pairs_file) {
        FILE *pf = fopen(o->pairs_file, "r");
        if (!pf) {
            fprintf(stderr, "sijian-check: %s: cannot open pairs file\n", o->pairs_file);
            rc = 2;
        } else {
            char line[4096];
            int ln = 0;
            while (fgets(line, sizeof line, pf)) {
                ln++;
                line[strcspn(line, "\r\n")] = 0;
                if (!line[0] || line[0] == '#')
                    continue;
                char *tab = strchr(line, '\t');
                if (!tab) {
                    fprintf(stderr, "sijian-check: %s:%d: expected CHILD<TAB>PARENT\n",
                            o->pairs_file, ln);
                    rc = 2;
                    continue;
                }
                *tab = 0;
                int c = find_by_path(w.items, w.n, line), p = find_by_path(w.items, w.n, tab + 1);
                if (c < 0 || p < 0) {
                    fprintf(stderr, "sijian-check: %s:%d: %s is not among the scanned files\n",
                            o->pairs_file, ln, c < 0 ? line : tab + 1);
                    rc = 2;
                    continue;
                }
                parent[c] = p;
            }
            fclose(pf);
        }
    }

    /* phase 2: check or lint each plan in the workers, each into its own
     * buffer; then print the buffers in path order */
    render_work rw;
    memset(&rw, 0, sizeof rw);
    rw.w = &w;
    rw.parent = parent;
    rw.out = xcalloc((size_t)w.n + 1, sizeof *rw.out);
    rw.worst = xcalloc((size_t)w.n + 1, sizeof *rw.worst);
    pthread_mutex_init(&rw.mu, NULL);
    started = 0;
    for (int t = 0; t < jobs; t++)
        if (pthread_create(&th[t], NULL, render_worker, &rw) == 0)
            started++;
    if (!started)
        render_worker(&rw);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    pthread_mutex_destroy(&rw.mu);

    int worst = -1, first = 1;
    if (o->fmt == SJ_FMT_JSON && !o->jsonl)
        fputs("[\n", out);
    for (int i = 0; i < w.n; i++) {
        scan_item *it = &w.items[i];
        if (!it->ok) {
            fprintf(stderr, "sijian-check: %s\n", it->err);
            rc = 2;
            if (o->jsonl) {
                fputs("{\"file\":", out);
                sj_json_str(out, it->path, strlen(it->path));
                fputs(",\"error\":", out);
                sj_json_str(out, it->err, strlen(it->err));
                fputs("}\n", out);
            }
            continue;
        }
        if (rw.worst[i] > worst)
            worst = rw.worst[i];
        if (o->fmt == SJ_FMT_JSON && !o->jsonl && !first)
            fputs(",\n", out);
        if (rw.out[i])
            fputs(rw.out[i], out);
        first = 0;
    }
    if (o->fmt == SJ_FMT_JSON && !o->jsonl)
        fputs("]\n", out);
    for (int i = 0; i < w.n; i++)
        free(rw.out[i]);
    free(rw.out);
    free(rw.worst);
    for (int i = 0; i < w.n; i++) {
        if (w.items[i].ok)
            sj_doc_free(&w.items[i].doc);
        free(w.items[i].path);
    }
    free(w.items);
    free(parent);
    if (rc == 0 && worst >= o->fail_level)
        rc = 1;
    return rc;
}
