/* baseline.c - accepted deviations and the policy on findings (see
 * baseline.h). */
#include "baseline.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kvfile.h"

void sj_baseline_norm(const char *s, size_t n, sj_buf *out)
{
    size_t start = out->len;
    int space = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + k > n)
            break;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
            (k == 3 && !memcmp(s + i, "\xE3\x80\x80", 3))) { /* U+3000 */
            space = out->len > start;
            i += k;
            continue;
        }
        if (out->len - start + k + (size_t)space > SJ_BASELINE_TEXT_MAX)
            break;
        if (space)
            sj_buf_addc(out, ' ');
        space = 0;
        sj_buf_add(out, s + i, k);
        i += k;
    }
    if (!out->data)
        sj_buf_adds(out, "");
}

/* FNV-1a of s without its spaces (sj_baseline_norm leaves single ones) */
static uint64_t hash_text(uint64_t h, const char *s)
{
    for (; *s; s++)
        if (*s != ' ')
            h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0xFF) * 1099511628211ull;
}

static uint64_t fingerprint(const char *id, const char *ind, const char *child,
                            const char *parent)
{
    uint64_t h = SJ_FNV_START;
    const char *parts[4] = {id, ind, child, parent};
    for (int i = 0; i < 4; i++)
        h = hash_text(h, parts[i]);
    return h;
}

static char *norm_dup(const char *s)
{
    sj_buf b = {0};
    sj_baseline_norm(s, strlen(s), &b);
    return sj_buf_take(&b);
}

static int by_fp(const void *a, const void *b, void *ctx)
{
    const sj_accepted *it = ctx;
    uint64_t x = it[*(const int *)a].fp, y = it[*(const int *)b].fp;
    return x < y ? -1 : x > y;
}

static void accepted_free(sj_accepted *a)
{
    free(a->id), free(a->indicator), free(a->child), free(a->parent);
    free(a->file), free(a->reason), free(a->who), free(a->when), free(a->expires);
}

static int valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

int sj_baseline_load(const char *path, const char *today, int missing_ok, sj_baseline *b,
                     sj_err *err)
{
    memset(b, 0, sizeof *b);
    pthread_mutex_init(&b->mu, NULL);
    b->path = xstrdup(path);
    snprintf(b->today, sizeof b->today, "%s", today ? today : "");
    sj_kvfile kv;
    if (missing_ok && access(path, F_OK) != 0 && errno == ENOENT) {
        b->order = xmalloc(sizeof(int));
        return 0;
    }
    if (sj_kv_load(path, &kv, err)) {
        sj_kv_free(&kv);
        b->order = xmalloc(sizeof(int));
        return -1;
    }
    int rc = 0;
    for (int s = 0; s < kv.nsections && !rc; s++) {
        if (strcmp(kv.sections[s].kind, "accept")) {
            rc = sj_fail(err, "%s:%d: unknown section [%s] (a baseline has [accept ID])", path,
                         kv.sections[s].line, kv.sections[s].kind);
            break;
        }
        if (sj_finding_kind_of(kv.sections[s].name) < 0) {
            rc = sj_fail(err, "%s:%d: no finding has the id '%s' (see --list-checks)", path,
                         kv.sections[s].line, kv.sections[s].name);
            break;
        }
        SJ_GROW(b->items, b->n, b->cap);
        sj_accepted *a = &b->items[b->n++];
        memset(a, 0, sizeof *a);
        a->id = xstrdup(kv.sections[s].name);
        a->line = kv.sections[s].line;
    }
    /* the keys, each under the section before it */
    int sec = -1;
    for (int i = 0; i < kv.n && !rc; i++) {
        const sj_kv *e = &kv.items[i];
        while (sec + 1 < kv.nsections && kv.sections[sec + 1].line < e->line)
            sec++;
        if (sec < 0) {
            rc = sj_fail(err, "%s:%d: %s outside an [accept ID] section", path, e->line, e->key);
            break;
        }
        sj_accepted *a = &b->items[sec];
        char **slot = !strcmp(e->key, "indicator") ? &a->indicator
                      : !strcmp(e->key, "child")   ? &a->child
                      : !strcmp(e->key, "parent")  ? &a->parent
                      : !strcmp(e->key, "file")    ? &a->file
                      : !strcmp(e->key, "reason")  ? &a->reason
                      : !strcmp(e->key, "who")     ? &a->who
                      : !strcmp(e->key, "when")    ? &a->when
                      : !strcmp(e->key, "expires") ? &a->expires
                                                   : NULL;
        if (!slot) {
            rc = sj_fail(err, "%s:%d: unknown key '%s' (indicator, child, parent, file, reason, "
                         "who, when, expires)", path, e->line, e->key);
            break;
        }
        if (*slot) {
            rc = sj_fail(err, "%s:%d: %s given twice", path, e->line, e->key);
            break;
        }
        if (!strcmp(e->key, "expires") && *e->value && !valid_date(e->value)) {
            rc = sj_fail(err, "%s:%d: expires takes a date YYYY-MM-DD", path, e->line);
            break;
        }
        *slot = xstrdup(e->value);
    }
    sj_kv_free(&kv);
    for (int i = 0; i < b->n; i++) {
        sj_accepted *a = &b->items[i];
        char **fields[] = {&a->indicator, &a->child, &a->parent, &a->file, &a->reason,
                           &a->who, &a->when, &a->expires};
        for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
            if (!*fields[k])
                *fields[k] = xstrdup("");
        char *c = norm_dup(a->child), *p = norm_dup(a->parent);
        free(a->child), free(a->parent);
        a->child = c, a->parent = p;
        a->fp = fingerprint(a->id, a->indicator, a->child, a->parent);
        a->expired = *a->expires && *b->today && strcmp(a->expires, b->today) < 0;
    }
    b->order = xmalloc(sizeof(int) * (size_t)(b->n ? b->n : 1));
    for (int i = 0; i < b->n; i++)
        b->order[i] = i;
    qsort_r(b->order, (size_t)b->n, sizeof(int), by_fp, b->items);
    return rc;
}

void sj_baseline_free(sj_baseline *b)
{
    for (int i = 0; i < b->n; i++)
        accepted_free(&b->items[i]);
    for (int i = 0; i < b->nmet; i++)
        accepted_free(&b->met[i]);
    free(b->items);
    free(b->met);
    free(b->order);
    free(b->path);
    pthread_mutex_destroy(&b->mu);
    memset(b, 0, sizeof *b);
}

/* The entry that accepts a finding of fingerprint fp in the plan at
 * path: of the entries with fp (one per plan that had the finding), the
 * one naming path, else the first; all of them are used (not stale). */
static int match_in(const sj_baseline *b, uint64_t fp, const char *path, int mark)
{
    int lo = 0, hi = b->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (b->items[b->order[mid]].fp < fp)
            lo = mid + 1;
        else
            hi = mid;
    }
    int best = -1;
    for (int i = lo; i < b->n && b->items[b->order[i]].fp == fp; i++) {
        sj_accepted *a = &b->items[b->order[i]];
        if (mark)
            a->used = 1;
        if (best < 0 || (!strcmp(a->file, path) && strcmp(b->items[best].file, path)))
            best = b->order[i];
    }
    return best;
}

static int match(sj_baseline *b, uint64_t fp, const char *path)
{
    return match_in(b, fp, path, 1);
}

static int by_entry(const void *x, const void *y)
{
    const sj_accepted *a = x, *b = y;
    int r;
    if ((r = strcmp(a->file, b->file)) || (r = strcmp(a->id, b->id)) ||
        (r = strcmp(a->indicator, b->indicator)) || (r = strcmp(a->child, b->child)) ||
        (r = strcmp(a->parent, b->parent)))
        return r;
    return 0;
}

/* one line of a value: no newlines (there are none after sj_baseline_norm
 * but reasons come from people) */
static void put(FILE *f, const char *key, const char *v)
{
    fprintf(f, "%s = ", key);
    for (; *v; v++)
        fputc(*v == '\n' || *v == '\r' ? ' ' : *v, f);
    fputc('\n', f);
}

void sj_baseline_write(const sj_baseline *b, FILE *f)
{
    sj_accepted *m = xmalloc(sizeof *m * (size_t)(b->nmet ? b->nmet : 1));
    memcpy(m, b->met, sizeof *m * (size_t)b->nmet);
    qsort(m, (size_t)b->nmet, sizeof *m, by_entry);
    fputs("# sijian-check baseline: accepted findings (sijian-check --explain ID).\n"
          "# One [accept ID] per finding; a finding is matched by its id, indicator and\n"
          "# the quoted child and parent texts (white space ignored), not by its line.\n"
          "# Give each a reason, who accepted it, when, and optionally expires = YYYY-MM-DD.\n",
          f);
    for (int i = 0; i < b->nmet; i++) {
        const sj_accepted *a = &m[i];
        if (i && m[i - 1].fp == a->fp && !strcmp(m[i - 1].file, a->file))
            continue;
        int old = match_in(b, a->fp, a->file, 0);
        const sj_accepted *o = old >= 0 ? &b->items[old] : NULL;
        fprintf(f, "\n[accept %s]\n", a->id);
        put(f, "indicator", a->indicator);
        put(f, "child", a->child);
        put(f, "parent", a->parent);
        put(f, "file", a->file);
        put(f, "reason", o ? o->reason : "");
        put(f, "who", o ? o->who : "");
        put(f, "when", o && *o->when ? o->when : b->today);
        if (o && *o->expires)
            put(f, "expires", o->expires);
    }
    free(m);
}

void sj_policy_init(sj_policy *pol)
{
    memset(pol, 0, sizeof *pol);
    for (int k = 0; k < SJ_F_COUNT; k++)
        pol->level[k] = -1;
    pol->min_level = SJ_INFO;
}

static void span_norm(const sj_doc *d, int has, sj_span s, sj_buf *out)
{
    if (has && d && s.end > s.start && s.end <= d->norm.len)
        sj_baseline_norm(d->norm.text + s.start, s.end - s.start, out);
    else
        sj_buf_adds(out, "");
}

uint64_t sj_finding_fingerprint(const sj_finding *f, const sj_doc *c, const sj_doc *p)
{
    sj_buf cb = {0}, pb = {0};
    span_norm(c, f->child_item >= 0, f->child_span, &cb);
    span_norm(p, f->parent_item >= 0, f->parent_span, &pb);
    uint64_t fp = fingerprint(f->id, f->indicator, cb.data, pb.data);
    sj_buf_free(&cb);
    sj_buf_free(&pb);
    return fp;
}

static void free_finding(sj_finding *f)
{
    free(f->message);
    free(f->indicator);
    for (int k = 0; k < f->nargs; k++)
        if (f->args[k].type == 's')
            free(f->args[k].v.s);
}

void sj_policy_apply(const sj_policy *pol, const sj_doc *c, const sj_doc *p, sj_findings *fs)
{
    if (!pol)
        return;
    sj_baseline *b = pol->baseline;
    int n0 = fs->n;
    char *drop = xcalloc((size_t)(n0 ? n0 : 1), 1);
    if (b)
        pthread_mutex_lock(&b->mu);
    for (int i = 0; i < n0; i++) {
        sj_finding *f = &fs->items[i];
        int k = sj_finding_kind_of(f->id);
        if (k < 0)
            continue;
        if (pol->off[k]) {
            drop[i] = 1;
            continue;
        }
        if (pol->level[k] >= 0)
            f->level = (sj_severity)pol->level[k];
        if (!b)
            continue;
        sj_buf cb = {0}, pb = {0};
        span_norm(c, f->child_item >= 0, f->child_span, &cb);
        span_norm(p, f->parent_item >= 0, f->parent_span, &pb);
        uint64_t fp = fingerprint(f->id, f->indicator, cb.data, pb.data);
        if (b->record) {
            SJ_GROW(b->met, b->nmet, b->capmet);
            sj_accepted *m = &b->met[b->nmet++];
            memset(m, 0, sizeof *m);
            m->id = xstrdup(f->id);
            m->indicator = xstrdup(f->indicator);
            m->child = sj_buf_take(&cb);
            m->parent = sj_buf_take(&pb);
            m->file = xstrdup(c->path);
            m->reason = xstrdup(""), m->who = xstrdup(""), m->when = xstrdup("");
            m->expires = xstrdup("");
            m->fp = fp;
        }
        sj_buf_free(&cb);
        sj_buf_free(&pb);
        if (b->record) { /* the run that writes the baseline accepts all */
            drop[i] = 1;
            continue;
        }
        int e = match(b, fp, c->path);
        if (e < 0)
            continue;
        sj_accepted *a = &b->items[e];
        if (!a->expired) {
            drop[i] = 1;
            continue;
        }
        /* the finding stays, with a note that its acceptance ran out
         * (added below, after the loop, since adding may move items) */
        drop[i] = 2;
    }
    for (int i = 0; i < n0; i++) {
        if (drop[i] != 2)
            continue;
        sj_finding *f = &fs->items[i];
        sj_buf cb = {0}, pb = {0};
        span_norm(c, f->child_item >= 0, f->child_span, &cb);
        span_norm(p, f->parent_item >= 0, f->parent_span, &pb);
        int e = match(b, fingerprint(f->id, f->indicator, cb.data, pb.data), c->path);
        sj_buf_free(&cb);
        sj_buf_free(&pb);
        drop[i] = 0;
        if (e < 0)
            continue;
        const sj_accepted *a = &b->items[e];
        sj_span cs = f->child_span, ps = f->parent_span;
        int hc = f->child_item >= 0, hp = f->parent_item >= 0;
        sj_findings_add(fs, SJ_MSG_BASELINE_EXPIRED, f->indicator, cs, hc, ps, hp, 1.0, b->path,
                        a->line, a->id, a->indicator, a->expires);
    }
    if (b && pol->stale_in_report)
        for (int i = 0; i < b->n; i++) {
            const sj_accepted *a = &b->items[i];
            if (a->used || (*a->file && strcmp(a->file, c->path)))
                continue;
            sj_span none = {0, 0};
            sj_findings_add(fs, SJ_MSG_BASELINE_STALE, a->indicator, none, 0, none, 0, 1.0,
                            b->path, a->line, a->id, a->indicator);
        }
    if (b)
        pthread_mutex_unlock(&b->mu);
    /* the notes added above have levels too */
    int w = 0;
    for (int i = 0; i < fs->n; i++) {
        sj_finding *f = &fs->items[i];
        int k = sj_finding_kind_of(f->id);
        if (i >= n0 && k >= 0 && pol->level[k] >= 0)
            f->level = (sj_severity)pol->level[k];
        int gone = (i < n0 && drop[i]) || (k >= 0 && pol->off[k]) ||
                   (int)f->level < pol->min_level;
        if (gone) {
            free_finding(f);
            continue;
        }
        if (w != i)
            fs->items[w] = *f;
        w++;
    }
    fs->n = w;
    free(drop);
    /* the lookup by place is rebuilt from the items left when next needed */
    sj_slots_free(&fs->seen);
    memset(&fs->seen, 0, sizeof fs->seen);
}

void sj_policy_filter_paths(const sj_policy *pol, const char *dir, char **paths, int *n)
{
    if (!pol || (!pol->ninclude && !pol->nexclude))
        return;
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    int w = 0;
    for (int i = 0; i < *n; i++) {
        const char *rel = paths[i];
        if (!strncmp(rel, dir, dl) && rel[dl] == '/')
            rel += dl + 1;
        int keep = pol->ninclude == 0;
        for (int k = 0; k < pol->ninclude && !keep; k++)
            keep = fnmatch(pol->include[k], rel, 0) == 0;
        for (int k = 0; k < pol->nexclude && keep; k++)
            keep = fnmatch(pol->exclude[k], rel, 0) != 0;
        if (keep)
            paths[w++] = paths[i];
        else
            free(paths[i]);
    }
    *n = w;
}
