/* steps.c - the command line of the scan's steps (see scan.h):
 *   --index FILE... | --files-from LIST   one JSON line per plan
 *   --pair INDEX                          child<TAB>parent lines
 *   --pairs FILE (without --scan)         the checks, as JSON Lines
 * so that GNU parallel, Hadoop Streaming or Spark's pipe can spread a
 * scan over machines (README: "Spreading a scan"). `-` reads stdin. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static FILE *open_in(const char *path)
{
    if (!strcmp(path, "-"))
        return stdin;
    FILE *f = fopen(path, "r");
    if (!f)
        fprintf(stderr, "sijian-check: %s: cannot read\n", path);
    return f;
}

static void close_in(FILE *f)
{
    if (f && f != stdin)
        fclose(f);
}

/* The plans to index: the files given, then those LIST names. */
static int index_one(const char *path, const sj_cli *o, const sj_ruleset *rs, sj_matcher *m,
                     FILE *out)
{
    int r = sj_step_index(path, &o->load, rs, m, out);
    if (r < 0)
        fprintf(stderr, "sijian-check: %s: the file name is not UTF-8, so no JSON line can "
                        "name it: rename it, or scan its folder with --scan\n", path);
    return r != 0;
}

int sj_cli_index(const sj_cli *o)
{
    if (o->parent || o->lint || o->extract || o->scan_dir || o->pair_file || o->pairs ||
        (!o->nfiles && !o->files_from)) {
        fputs("sijian-check: --index takes FILE... and/or --files-from LIST\n", stderr);
        return SJ_EXIT_ERROR;
    }
    sj_ruleset rs = {0};
    if (sj_cli_load_rules(o->rules_dir, &rs))
        return SJ_EXIT_ERROR;
    FILE *out = sj_cli_open_out(o->out_path);
    FILE *list = out && o->files_from ? open_in(o->files_from) : NULL;
    int bad = !out || (o->files_from && !list);
    sj_matcher m;
    sj_matcher_init(&m);
    for (int i = 0; !bad && i < o->nfiles; i++)
        bad |= index_one(o->files[i], o, &rs, &m, out);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while (list && (n = getline(&line, &cap, list)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n)
            bad |= index_one(line, o, &rs, &m, out);
    }
    free(line);
    close_in(list);
    sj_matcher_free(&m);
    if (out && sj_cli_close_out(out, o->out_path))
        bad = 1;
    sj_rules_free(&rs);
    return bad ? SJ_EXIT_ERROR : SJ_EXIT_CLEAN;
}

int sj_cli_pair(const sj_cli *o)
{
    FILE *in = open_in(o->pair_file);
    FILE *out = in ? sj_cli_open_out(o->out_path) : NULL;
    if (!out) {
        close_in(in);
        return SJ_EXIT_ERROR;
    }
    const char *pi = getenv("SIJIAN_PAIR_INDEX");
    int notes = sj_step_pair(in, o->pair_file,
                             pi && !strcmp(pi, "always") ? 1 : pi && !strcmp(pi, "never") ? -1 : 0,
                             out, sj_cli_note, NULL);
    close_in(in);
    int werr = sj_cli_close_out(out, o->out_path);
    return notes || werr ? SJ_EXIT_ERROR : SJ_EXIT_CLEAN;
}

int sj_cli_check_pairs(const sj_cli *o)
{
    if (o->parent || o->lint || o->extract || o->nfiles || !o->render->scan_section ||
        o->render->scan_begin || o->render->scan_spool) {
        fputs("sijian-check: --pairs without --scan checks the pairs of FILE and writes "
              "--format jsonl\n", stderr);
        return SJ_EXIT_ERROR;
    }
    sj_ruleset rs = {0};
    if (sj_cli_load_rules(o->rules_dir, &rs))
        return SJ_EXIT_ERROR;
    FILE *in = open_in(o->pairs);
    FILE *out = in ? sj_cli_open_out(o->out_path) : NULL;
    int rc = SJ_EXIT_ERROR;
    if (out) {
        sj_step_check_opts so = {o->load, o->lang, o->render, sj_cli_note, NULL};
        int worst;
        int notes = sj_step_check(in, o->pairs, &so, &rs, out, &worst);
        rc = notes ? SJ_EXIT_ERROR : worst >= o->fail_level ? SJ_EXIT_FINDINGS : SJ_EXIT_CLEAN;
        if (sj_cli_close_out(out, o->out_path))
            rc = SJ_EXIT_ERROR;
    }
    close_in(in);
    sj_rules_free(&rs);
    return rc;
}
