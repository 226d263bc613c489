/* main.c - command line: reads the configuration and the options
 * (options.c) and runs the one command they ask for (commands.c). */
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int run(int argc, char **argv, sj_cli *po)
{
#ifdef __GLIBC__
    /* documents are allocated and freed one after another: keep the heap
     * instead of returning every large buffer to the kernel; but a block
     * of 1 MB or more (the text, the map and the arrays of a large plan)
     * is mapped on its own: grown in place (mremap), not copied into the
     * heap's top leaving the old copy as a hole (a 50 MB plan peaked at
     * 232 MB with 64 MB here, 190 MB with 1 MB) */
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
    po->jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    po->lang = SJ_LANG_EN;
    sj_policy_init(&po->policy);
    /* the configuration file first: the command line wins */
    const char *config = NULL;
    for (int i = 1; i + 1 < argc && strcmp(argv[i], "--"); i++)
        if (!strcmp(argv[i], "--config"))
            config = argv[i + 1];
    if (sj_cli_config(po, config))
        return SJ_EXIT_ERROR;
    int rc = sj_cli_parse(argc, argv, po);
    if (rc >= 0)
        return rc;
    const char *format = po->format_name ? po->format_name : "text";
    const char *fail_on = po->fail_on ? po->fail_on : "error";
    const char *color = po->color_name ? po->color_name : "auto";
    if (po->explain)
        return sj_cli_explain(po->explain);
    if (po->list_checks)
        return sj_cli_list_checks(po);
    if (strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never"))
        return sj_cli_fail("--color takes never, always or auto");
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
    po->color = !strcmp(color, "always") ||
              (!strcmp(color, "auto") && !po->out_path && isatty(1) && !(nc && *nc) &&
               !(term && !strcmp(term, "dumb")));
    if (po->update_baseline && !po->baseline_path)
        return sj_cli_fail("--update-baseline needs --baseline FILE (or baseline = in .sijian-check)");
    if (!(po->render = sj_render_find(format))) {
        fprintf(stderr, "sijian-check: unknown format '%s' (text, json, csv, sarif, markdown, html)\n", format);
        return SJ_EXIT_ERROR;
    }
    /* the decoded text is kept only for what quotes it: HTML in Chinese */
    po->load.drop_source = !(po->render->fmt == SJ_FMT_HTML && po->lang == SJ_LANG_ZH);
    po->fail_level = !strcmp(fail_on, "error")     ? SJ_ERROR
                   : !strcmp(fail_on, "warning") ? SJ_WARNING
                   : !strcmp(fail_on, "never")   ? SJ_FAIL_NEVER
                                                 : -1;
    if (po->fail_level < 0)
        return sj_cli_fail("--fail-on takes error, warning or never");
    if (po->prefilter_report)
        return sj_cli_prefilter_report(po);
    if (po->text_file)
        return sj_cli_text(po);
    if (po->scan_dir)
        return sj_cli_scan(po);
    if (po->index || po->files_from)
        return sj_cli_index(po);
    if (po->pair_file)
        return sj_cli_pair(po);
    if (po->pairs)
        return sj_cli_check_pairs(po);
    if ((po->parent || po->lint) && !po->extract)
        return sj_cli_check(po);
    if (po->extract && !po->render->extract_doc)
        return sj_cli_fail("--extract writes text, json or csv");
    if (!po->extract || po->nfiles == 0) {
        sj_cli_usage(stderr);
        return SJ_EXIT_ERROR;
    }
    return sj_cli_extract(po);
}

int main(int argc, char **argv)
{
    sj_cli o = {0};
    int rc = run(argc, argv, &o);
    for (int i = 0; i < o.nkept; i++)
        free(o.kept[i]);
    return rc;
}
