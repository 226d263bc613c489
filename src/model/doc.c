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

const char *sj_doc_anchor(const sj_doc *d, int line)
{
    return d->anchors && line >= 1 && line <= d->nanchors ? d->anchors[line - 1] : NULL;
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
    free(d->rows);
    free(d->tables);
    for (int i = 0; i < d->ntargets; i++) {
        free(d->targets[i].indicator);
        free(d->targets[i].match_key);
        free(d->targets[i].unit);
        free(d->targets[i].area);
        free(d->targets[i].unit_dim_own);
    }
    free(d->targets);
    free(d->deadlines);
    for (int i = 0; i < d->nagencies; i++) {
        sj_names_free(&d->agencies[i].lead);
        sj_names_free(&d->agencies[i].coop);
        sj_names_free(&d->agencies[i].implement);
    }
    free(d->agencies);
    free(d->tasks);
    for (int i = 0; i < d->nanchors; i++)
        free(d->anchors[i]);
    free(d->anchors);
    free(d->index_no);
    sj_norm_free(&d->norm);
    sj_decoded_free(&d->dec);
    memset(d, 0, sizeof *d);
}
