#include "doc.h"

#include <stdlib.h>
#include <string.h>

char *sj_span_dup(const sj_doc *d, sj_span s)
{
    if (s.end < s.start || s.end > d->norm.len)
        return xstrdup("");
    return xstrndup(d->norm.text + s.start, s.end - s.start);
}

int sj_sentence_at(const sj_doc *d, size_t off)
{
    int lo = 0, hi = d->nsentences;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (d->sentences[mid].span.end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->nsentences && d->sentences[lo].span.start <= off ? lo : -1;
}

void sj_names_free(sj_names *n)
{
    for (int i = 0; i < n->n; i++) {
        free(n->names[i]);
        free(n->canon[i]);
    }
    free(n->names);
    free(n->canon);
}

/* s copied into d->strs (once: equal strings of a doc share one copy)
 * and the malloc'd s freed; NULL stays NULL */
static char *keep_str(sj_doc *d, char *s)
{
    if (!s || sj_arena_owns(&d->strs, s))
        return s;
    char *k = sj_arena_intern(&d->strs, s, strlen(s));
    free(s);
    return k;
}

void sj_doc_keep_target(sj_doc *d, sj_target *t)
{
    t->indicator = keep_str(d, t->indicator);
    t->area = keep_str(d, t->area);
}

const sj_unit_read *sj_doc_unit_read(sj_doc *d, const sj_unit_read *r)
{
    sj_unit_read k;
    memset(&k, 0, sizeof k); /* the padding too: blocks compare as bytes */
    k.text = sj_arena_intern(&d->strs, r->text, strlen(r->text));
    k.canon = r->canon;
    k.dim = r->dim && r->dim_own ? sj_arena_intern(&d->strs, r->dim, strlen(r->dim)) : r->dim;
    k.factor = r->factor;
    k.dim_own = r->dim_own;
    return sj_arena_intern_mem(&d->strs, &k, sizeof k);
}

const sj_indicator_read *sj_doc_indicator_read(sj_doc *d, const sj_indicator_read *r)
{
    sj_indicator_read k;
    memset(&k, 0, sizeof k); /* the padding too: blocks compare as bytes */
    k.match_key = sj_arena_intern(&d->strs, r->match_key, strlen(r->match_key));
    k.id = r->id;
    k.name = r->name;
    k.direction = r->direction;
    k.answers = r->answers;
    k.thing_len = r->thing_len;
    return sj_arena_intern_mem(&d->strs, &k, sizeof k);
}

static void keep_names(sj_doc *d, sj_names *n)
{
    if (!n->n)
        return;
    size_t size = (size_t)n->n * sizeof(char *);
    char **names = xmalloc(size), **canon = xmalloc(size);
    for (int i = 0; i < n->n; i++) {
        names[i] = keep_str(d, n->names[i]);
        canon[i] = keep_str(d, n->canon[i]);
    }
    if (!sj_arena_owns(&d->strs, n->names))
        free(n->names);
    if (!sj_arena_owns(&d->strs, n->canon))
        free(n->canon);
    /* the arrays too are stored once: agencies that name the same
     * agencies share them */
    n->names = sj_arena_intern_mem(&d->strs, names, size);
    n->canon = sj_arena_intern_mem(&d->strs, canon, size);
    free(names);
    free(canon);
}

void sj_doc_keep_agency(sj_doc *d, sj_agency *a, sj_agency_names *n)
{
    sj_agency_names k;
    memset(&k, 0, sizeof k); /* the padding too: blocks compare as bytes */
    keep_names(d, &n->lead);
    keep_names(d, &n->coop);
    keep_names(d, &n->implement);
    k.lead = n->lead;
    k.coop = n->coop;
    k.implement = n->implement;
    memset(n, 0, sizeof *n);
    a->who = sj_arena_intern_mem(&d->strs, &k, sizeof k);
}

void sj_doc_keep_end(sj_doc *d) { sj_arena_intern_end(&d->strs); }

void sj_doc_str_free(sj_doc *d, char *s)
{
    if (!sj_arena_owns(&d->strs, s))
        free(s);
}

int sj_doc_kind(sj_doc *d, const char *kind)
{
    for (int i = 0; i < d->nkinds; i++)
        if (d->kinds[i] == kind || (d->kinds[i] && kind && !strcmp(d->kinds[i], kind)))
            return i;
    SJ_GROW(d->kinds, d->nkinds, d->capkinds);
    d->kinds[d->nkinds] = kind;
    return d->nkinds++;
}

const sj_named *sj_doc_deadline_named(const sj_doc *d, const sj_deadline *dl)
{
    int i = (int)(dl - d->deadlines), lo = 0, hi = d->ndl_named;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (d->dl_named[mid].dl < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->ndl_named && d->dl_named[lo].dl == i ? &d->named[d->dl_named[lo].named - 1]
                                                         : NULL;
}

int sj_doc_add_named(sj_doc *d, const sj_named *n)
{
    SJ_GROW(d->named, d->nnamed, d->capnamed);
    d->named[d->nnamed] = *n;
    return ++d->nnamed;
}

const char *sj_doc_anchor(const sj_doc *d, int line)
{
    return d->anchors && line >= 1 && line <= d->nanchors ? d->anchors[line - 1] : NULL;
}

sj_task *sj_doc_tasks(const sj_doc *d, int *n)
{
    sj_task *t = NULL;
    int nt = 0, cap = 0;
    int k = 0; /* agencies come in paragraph order */
    for (int pi = 0; pi < d->nparas; pi++) {
        while (k < d->nagencies && d->agencies[k].para < pi)
            k++;
        if (!d->paras[pi].body || d->paras[pi].table_row >= 0)
            continue;
        uint32_t at = d->paras[pi].span.start, end = d->paras[pi].span.end;
        for (; k < d->nagencies && d->agencies[k].para == pi; k++) {
            SJ_GROW(t, nt, cap);
            t[nt++] = (sj_task){{at, d->agencies[k].span.end}, pi, k, -1};
            at = d->agencies[k].span.end;
        }
        if (end > at && end - at >= 30) {
            SJ_GROW(t, nt, cap);
            t[nt++] = (sj_task){{at, end}, pi, -1, -1};
        }
    }
    /* tasks and deadlines are both in text order: one merge */
    int j = 0;
    for (int i = 0; i < nt; i++) {
        while (j < d->ndeadlines && d->deadlines[j].span.start < t[i].span.start)
            j++;
        if (j < d->ndeadlines && d->deadlines[j].span.start < t[i].span.end)
            t[i].deadline = j;
    }
    *n = nt;
    return t ? t : xcalloc(1, sizeof *t);
}

void sj_doc_free(sj_doc *d)
{
    free(d->path);
    free(d->title);
    free(d->title_key);
    free(d->docno);
    free(d->issuer);
    free(d->date);
    for (int i = 0; i < d->ncites; i++) {
        free(d->cites[i].title);
        free(d->cites[i].docno);
        free(d->cites[i].key);
    }
    free(d->cites);
    free(d->sections);
    free(d->paras);
    free(d->sentences);
    free(d->sentence_whole);
    free(d->rows);
    free(d->tables);
    for (int i = 0; i < d->ntargets; i++) {
        sj_doc_str_free(d, d->targets[i].indicator);
        sj_doc_str_free(d, d->targets[i].area);
    }
    free(d->targets);
    free(d->deadlines);
    free(d->kinds);
    free(d->agencies);
    free(d->named);
    free(d->dl_named);
    for (int i = 0; i < d->nanchors; i++)
        free(d->anchors[i]);
    free(d->anchors);
    free(d->index_no);
    sj_norm_free(&d->norm);
    sj_decoded_free(&d->dec);
    sj_arena_free(&d->strs);
    memset(d, 0, sizeof *d);
}
