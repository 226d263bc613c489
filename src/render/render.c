/* render.c - what the formats share: escaping for JSON, HTML and
 * Markdown, the spool copy of a scan, and the one table of formats that
 * --extract, a check, a lint and a scan all pick their renderer from. */
#include "render.h"

#include <string.h>

static const sj_renderer *const FORMATS[] = {
    &sj_render_text, &sj_render_json, &sj_render_jsonl, &sj_render_csv,
    &sj_render_sarif, &sj_render_markdown, &sj_render_html,
};
#define NFORMATS (int)(sizeof FORMATS / sizeof FORMATS[0])

const sj_renderer *sj_render_find(const char *name)
{
    for (int i = 0; i < NFORMATS; i++)
        if (!strcmp(FORMATS[i]->name, name))
            return FORMATS[i];
    return NULL;
}

const sj_renderer *sj_render_of(sj_format fmt)
{
    for (int i = 0; i < NFORMATS; i++)
        if (FORMATS[i]->fmt == fmt)
            return FORMATS[i];
    return NULL;
}

void sj_json_str(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    size_t run = 0; /* start of the bytes not yet written */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        fwrite(s + run, 1, i - run, f);
        run = i + 1;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else
            fprintf(f, "\\u%04x", c);
    }
    fwrite(s + run, 1, len - run, f);
    fputc('"', f);
}

void sj_html_esc(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '<') fputs("&lt;", f);
        else if (c == '>') fputs("&gt;", f);
        else if (c == '&') fputs("&amp;", f);
        else if (c == '"') fputs("&quot;", f);
        else fputc(c, f);
    }
}

void sj_html_str(FILE *f, const char *s) { sj_html_esc(f, s, strlen(s)); }

void sj_md_esc(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '|') fputs("\\|", f);
        else if (s[i] == '\n' || s[i] == '\t') fputc(' ', f);
        else fputc(s[i], f);
    }
}

void sj_copy_spool(FILE *from, FILE *to)
{
    char buf[65536];
    size_t k;
    rewind(from);
    while ((k = fread(buf, 1, sizeof buf, from)) > 0)
        fwrite(buf, 1, k, to);
}

const char *sj_render_title(const sj_doc *d) { return d->title ? d->title : d->path; }

int sj_render_pair_finding(const sj_findings *fs, const sj_doc *c, const sj_doc *p,
                           const sj_pair *pr)
{
    const sj_target *pt = &p->targets[pr->parent];
    int best = -1;
    for (int i = 0; i < fs->n; i++) {
        const sj_finding *x = &fs->items[i];
        if (x->parent_item < 0 || x->parent_span.start != pt->span.start ||
            x->parent_span.end != pt->span.end)
            continue;
        if (pr->child >= 0 && x->child_item >= 0 &&
            x->child_span.start != c->targets[pr->child].span.start)
            continue;
        if (best < 0 || x->level > fs->items[best].level)
            best = i;
    }
    return best;
}
