/* steps.c - a scan as three steps that an existing engine can spread
 * over machines (GNU parallel, Hadoop Streaming, Spark's pipe), each a
 * filter of lines (see scan.h):
 *   index  a plan → one JSON line of what pairing needs
 *   pair   every index line → child<TAB>parent lines, in path order
 *   check  any chunk of those lines → the scan's JSON Lines for them
 * Sorted, their output is the output of --scan --format jsonl. JSON is
 * written and read with jansson. */
#include "scan.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "job.h"

/* A string for the index: NULL stays null; text that is not UTF-8
 * (a file name in GBK) cannot be a JSON string, and is left out. */
static json_t *str_or_null(const char *s)
{
    json_t *j = s ? json_string(s) : NULL;
    return j ? j : json_null();
}

static void put_line(FILE *out, json_t *o)
{
    json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(o);
}

int sj_step_index(const char *path, const sj_load_opts *lo, const sj_ruleset *rs,
                  sj_matcher *m, FILE *out)
{
    json_t *file = json_string(path);
    if (!file)
        return -1; /* the caller says why: the name is not UTF-8 */
    json_t *o = json_object();
    json_object_set_new(o, "file", file);
    sj_scan_card c = {.path = xstrdup(path)};
    sj_scan_card_read(&c, lo, rs, m);
    if (c.err) {
        json_object_set_new(o, "error", str_or_null(c.err));
    } else if (c.skipped) {
        json_object_set_new(o, "skipped", str_or_null(c.skipped));
    } else {
        json_object_set_new(o, "bytes", json_integer((json_int_t)c.bytes));
        json_object_set_new(o, "title", str_or_null(c.title));
        json_object_set_new(o, "docno", str_or_null(c.docno));
        json_object_set_new(o, "issuer", str_or_null(c.issuer));
        json_object_set_new(o, "level", json_string(sj_level_name((sj_level)c.level)));
        json_object_set_new(o, "period", c.period_from
                                             ? json_pack("[ii]", c.period_from, c.period_to)
                                             : json_null());
        json_t *cites = json_array();
        for (int k = 0; k < c.ncites; k++)
            json_array_append_new(cites, json_pack("{s:o,s:o}", "title",
                                                   str_or_null(c.cite_title[k]), "docno",
                                                   str_or_null(c.cite_docno[k])));
        json_object_set_new(o, "cites", cites);
        /* pairing by place (pair.c) */
        json_object_set_new(o, "place", str_or_null(c.place));
        json_object_set_new(o, "place_code", str_or_null(c.place_code));
        json_t *up = json_array();
        for (int k = 0; k < c.nplace_up; k++)
            json_array_append_new(up, str_or_null(c.place_up[k]));
        json_object_set_new(o, "place_up", up);
        json_object_set_new(o, "programme", str_or_null(c.programme));
    }
    int rc = c.err != NULL;
    sj_scan_card_free(&c);
    put_line(out, o);
    return rc;
}

static char *dup_str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? xstrdup(s) : NULL;
}

static void cards_free(sj_scan_card *cards, int n)
{
    for (int i = 0; i < n; i++)
        sj_scan_card_free(&cards[i]);
    free(cards);
}

/* One index line as a card; -1 when it is not one. */
static int card_of(json_t *o, sj_scan_card *c)
{
    memset(c, 0, sizeof *c);
    if (!json_is_object(o) || !json_is_string(json_object_get(o, "file")))
        return -1;
    c->path = dup_str(o, "file");
    if (json_object_get(o, "error") || json_object_get(o, "skipped")) {
        c->err = dup_str(o, "error");
        c->skipped = dup_str(o, "skipped");
        return 0;
    }
    c->ok = 1;
    c->title = dup_str(o, "title");
    c->docno = dup_str(o, "docno");
    json_t *cites = json_object_get(o, "cites");
    size_t n = json_is_array(cites) ? json_array_size(cites) : 0;
    c->cite_title = xcalloc(n + 1, sizeof *c->cite_title);
    c->cite_docno = xcalloc(n + 1, sizeof *c->cite_docno);
    for (size_t k = 0; k < n; k++) {
        json_t *x = json_array_get(cites, k);
        c->cite_title[c->ncites] = dup_str(x, "title");
        c->cite_docno[c->ncites] = dup_str(x, "docno");
        c->ncites++;
    }
    json_t *period = json_object_get(o, "period");
    if (json_is_array(period) && json_array_size(period) == 2) {
        c->period_from = (int)json_integer_value(json_array_get(period, 0));
        c->period_to = (int)json_integer_value(json_array_get(period, 1));
    }
    c->place = dup_str(o, "place");
    c->place_code = dup_str(o, "place_code");
    c->programme = dup_str(o, "programme");
    json_t *up = json_object_get(o, "place_up");
    size_t nu = json_is_array(up) ? json_array_size(up) : 0;
    c->place_up = xcalloc(nu + 1, sizeof *c->place_up);
    for (size_t k = 0; k < nu; k++)
        if (json_is_string(json_array_get(up, k)))
            c->place_up[c->nplace_up++] = xstrdup(json_string_value(json_array_get(up, k)));
    return 0;
}

static int cmp_card_path(const void *a, const void *b)
{
    return strcmp(((const sj_scan_card *)a)->path, ((const sj_scan_card *)b)->path);
}

/* Reads a line of any length; returns its length without the newline, or
 * -1 at the end. */
static long read_line(FILE *in, char **buf, size_t *cap)
{
    ssize_t n = getline(buf, cap, in);
    if (n < 0)
        return -1;
    while (n > 0 && ((*buf)[n - 1] == '\n' || (*buf)[n - 1] == '\r'))
        (*buf)[--n] = 0;
    return (long)n;
}

int sj_step_pair(FILE *in, const char *name, int index_mode, FILE *out,
                 void (*on_note)(void *ctx, const char *msg), void *ctx)
{
    sj_scan_card *cards = NULL;
    int n = 0, cap = 0, notes = 0;
    char *line = NULL;
    size_t lcap = 0;
    long len;
    for (long ln = 1; (len = read_line(in, &line, &lcap)) >= 0; ln++) {
        if (len == 0)
            continue;
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &je);
        SJ_GROW(cards, n, cap);
        if (!o || card_of(o, &cards[n]) < 0) {
            if (on_note) {
                char msg[512];
                snprintf(msg, sizeof msg, "%s:%ld: not an index line (%s)", name, ln,
                         o ? "no \"file\"" : je.text);
                on_note(ctx, msg);
            }
            notes++;
        } else {
            n++;
        }
        json_decref(o);
    }
    free(line);
    qsort(cards, (size_t)n, sizeof *cards, cmp_card_path);
    int *parent = xcalloc((size_t)n + 1, sizeof *parent);
    int *how = xcalloc((size_t)n + 1, sizeof *how);
    sj_pair_by_citation(cards, n, index_mode, parent);
    sj_pair_by_place(cards, n, parent, how);
    for (int i = 0; i < n && on_note; i++)
        if (how[i]) {
            char *msg = sj_pair_place_note(&cards[i], &cards[parent[i]], how[i]);
            on_note(ctx, msg);
            free(msg);
        }
    free(how);
    /* a third column says why a file is not checked: check renders it */
    for (int i = 0; i < n; i++) {
        const sj_scan_card *c = &cards[i];
        if (c->err || c->skipped)
            fprintf(out, "%s\t\t%s: %s\n", c->path, c->err ? "error" : "skipped",
                    c->err ? c->err : c->skipped);
        else
            fprintf(out, "%s\t%s\n", c->path, parent[i] >= 0 ? cards[parent[i]].path : "");
    }
    free(parent);
    cards_free(cards, n);
    return notes;
}

/* The parent last loaded, kept while the lines name it (pair writes the
 * children in path order; a chunk often shares its parents). */
typedef struct {
    char *path;
    sj_doc doc;
    sj_parent_profiles *pp;
    int ok;
} parent_slot;

static void slot_clear(parent_slot *s)
{
    if (!s->path)
        return;
    if (s->ok)
        sj_parent_profiles_free(s->pp, &s->doc);
    sj_doc_free(&s->doc);
    free(s->path);
    memset(s, 0, sizeof *s);
}

int sj_step_check(FILE *in, const char *name, const sj_step_check_opts *o,
                  const sj_ruleset *rs, FILE *out, int *worst)
{
    sj_matcher m;
    sj_matcher_init(&m);
    parent_slot ps = {0};
    char *line = NULL;
    size_t lcap = 0;
    long len;
    int errors = 0, section = 0, written = 0;
    *worst = -1;
    for (long ln = 1; (len = read_line(in, &line, &lcap)) >= 0; ln++) {
        if (len == 0 || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        char *tab2 = tab ? strchr(tab + 1, '\t') : NULL;
        const char *ppath = tab && tab[1] && tab[1] != '\t' ? tab + 1 : NULL;
        if (tab)
            *tab = 0;
        if (tab2)
            *tab2 = 0;
        const char *why = tab2 ? tab2 + 1 : "";
        if (!strncmp(why, "skipped: ", 9)) {
            if (o->render->scan_skipped && o->render->scan_skipped(out, line, why + 9, written))
                written++;
            continue;
        }
        if (!strncmp(why, "error: ", 7)) {
            if (o->render->scan_error && o->render->scan_error(out, line, why + 7, written))
                written++;
            if (o->on_note)
                o->on_note(o->ctx, why + 7);
            errors++;
            continue;
        }
        sj_err err;
        if (ppath && (!ps.path || strcmp(ps.path, ppath))) {
            slot_clear(&ps);
            ps.path = xstrdup(ppath);
            ps.ok = sj_plan_load(ppath, &o->load, rs, &m, &ps.doc, &err) == 0;
            if (ps.ok)
                ps.pp = sj_parent_profiles_make(&ps.doc);
            else if (o->on_note) {
                char msg[1024];
                snprintf(msg, sizeof msg, "%s:%ld: parent %s", name, ln, err.msg);
                o->on_note(o->ctx, msg);
                errors++;
            }
        }
        sj_doc c;
        if (sj_plan_load(line, &o->load, rs, &m, &c, &err)) {
            if (o->render->scan_error && o->render->scan_error(out, line, err.msg, written))
                written++;
            if (o->on_note)
                o->on_note(o->ctx, err.msg);
            errors++;
        } else if (ppath && !ps.ok) {
            /* the child's parent could not be read: not checked alone */
        } else {
            int counts[3] = {0};
            if (written)
                fputs(o->render->scan_sep, out);
            sj_check_render(&c, ppath ? &ps.doc : NULL, ppath ? ps.pp : NULL, o->lang, o->render,
                            section++, out, counts);
            written++;
            for (int l = SJ_ERROR; l >= SJ_INFO; l--)
                if (counts[l] && l > *worst)
                    *worst = l;
        }
        sj_doc_free(&c);
    }
    free(line);
    slot_clear(&ps);
    sj_matcher_free(&m);
    return errors;
}
