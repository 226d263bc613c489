/* options.c - the command line's options: the usage text and the
 * parse of argv into an sj_cli (main.c runs what they ask for). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#ifndef SJ_VERSION
#define SJ_VERSION "0.1.0"
#endif

void sj_cli_usage(FILE *f)
{
    fputs("usage: sijian-check CHILD --parent PARENT  cross-check a plan against its parent\n"
          "       sijian-check --lint FILE             checks inside one plan\n"
          "       sijian-check --scan DIR              every plan under DIR (.txt .md .docx .odt\n"
          "                                            .html .pdf .ofd; other files are listed)\n"
          "       sijian-check --extract FILE...       targets, deadlines, agencies as data\n"
          "       sijian-check --text FILE             the text the tool reads, line by line\n"
          "                                            with where each line is in FILE\n"
          "options:\n"
          "  --format FMT             text|json|sarif|markdown|html (check), text|json|csv\n"
          "                           (--extract); default text\n"
          "  -o FILE                  write the report to FILE\n"
          "  --rules DIR              rule files (default: installed rules, then the\n"
          "                           source tree's rules/, then ./rules)\n"
          "  --encoding ENC           force the input encoding (default: detect)\n"
          "  --max-size MB            refuse larger files (default 64)\n"
          "  --parent FILE            the parent plan of CHILD\n"
          "  --allocation FILE        allocations issued apart from the parent (CSV:\n"
          "                           area,indicator,value,unit,target year)\n"
          "  -j N                     worker threads for --scan (default: cores)\n"
          "  --pairs FILE             child<TAB>parent lines for --scan; without --scan,\n"
          "                           check those pairs (JSON Lines, as --scan writes)\n"
          "  --index FILE...          one JSON line of metadata per plan (for --pair)\n"
          "  --files-from LIST        --index: the plans named in LIST (- for stdin)\n"
          "  --pair INDEX             child<TAB>parent lines from --index's lines\n"
          "  --include GLOB           --scan: only files whose name (or path under DIR,\n"
          "                           if GLOB has a /) matches; repeatable\n"
          "  --exclude GLOB           --scan: leave out the files that match; repeatable\n"
          "  --format jsonl           --scan: one JSON line per file\n"
          "  --fail-on error|warning|never  exit 1 on findings at this level (default error)\n"
          "  --lang en|zh             report language (default en: English framing,\n"
          "                           indicators as the plans write them)\n"
          "  -q, --no-progress        no progress bar\n"
          "  --rule-costs             after the report, the time each rule took, slowest\n"
          "                           first, on stderr (not with --scan)\n"
          "  --baseline FILE          accepted findings: not reported, not failing\n"
          "  --update-baseline        write the current findings into the --baseline FILE\n"
          "  --min-level LEVEL        show findings at info|warning|error and above\n"
          "  --config FILE            configuration (default: .sijian-check here or above)\n"
          "  --explain ID             what a finding means and how to resolve or accept it\n"
          "  --list-checks            every finding id, its level, on or off\n"
          "  --color WHEN             never|always|auto (default auto: a terminal, no NO_COLOR)\n"
          "  --no-bom                 CSV without the UTF-8 byte order mark\n"
          "  -                        read the plan from standard input; -- ends the options\n"
          "  --prefilter-report       which rules the Vectorscan prefilter takes, and\n"
          "                           why any cannot be; then exit\n"
          "  --version, --help\n"
          "exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error\n"
          "(with --fail-on never: 0 even when an input file cannot be read)\n", f);
}

int sj_cli_fail(const char *msg)
{
    fprintf(stderr, "sijian-check: %s\n", msg);
    return SJ_EXIT_ERROR;
}

/* Parses argv into o; returns -1 to go on, else the exit code. */
int sj_cli_parse(int argc, char **argv, sj_cli *o, const char **format, const char **fail_on,
                 const char **explain, int *list, const char **color)
{
    /* positional arguments are collected in place at the front of argv */
    o->files = (const char **)argv;
    int options = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options || !strcmp(a, "-")) {
            o->files[o->nfiles++] = a;
            continue;
        }
#define IS(s) (!strcmp(a, s))
#define NEXT()                                                                \
    (i + 1 < argc ? argv[++i]                                                 \
                  : (fprintf(stderr, "sijian-check: %s needs a value\n", a),  \
                     exit(SJ_EXIT_ERROR), (char *)NULL))
        if (IS("--help") || IS("-h")) {
            sj_cli_usage(stdout);
            return SJ_EXIT_CLEAN;
        } else if (IS("--version")) {
            printf("sijian-check %s\n", SJ_VERSION);
            return SJ_EXIT_CLEAN;
        } else if (IS("--lint"))
            o->lint = 1;
        else if (IS("--extract"))
            o->extract = 1;
        else if (IS("--scan"))
            o->scan_dir = NEXT();
        else if (IS("--pairs"))
            o->pairs = NEXT();
        else if (IS("--index"))
            o->index = 1;
        else if (IS("--files-from"))
            o->files_from = NEXT();
        else if (IS("--pair"))
            o->pair_file = NEXT();
        else if (IS("-j")) {
            o->jobs = atoi(NEXT());
            if (o->jobs < 1 || o->jobs > 64)
                return sj_cli_fail("-j takes 1 to 64");
        } else if (IS("--parent"))
            o->parent = NEXT();
        else if (IS("--allocation"))
            o->allocation = NEXT();
        else if (IS("--fail-on"))
            *fail_on = NEXT();
        else if (IS("--rules"))
            o->rules_dir = NEXT();
        else if (IS("--format"))
            *format = NEXT();
        else if (IS("--lang")) {
            const char *l = NEXT();
            if (strcmp(l, "en") && strcmp(l, "zh"))
                return sj_cli_fail("--lang takes en or zh");
            o->lang = !strcmp(l, "zh") ? SJ_LANG_ZH : SJ_LANG_EN;
        } else if (IS("-o"))
            o->out_path = NEXT();
        else if (IS("--encoding"))
            o->load.force_encoding = NEXT();
        else if (IS("--max-size")) {
            long mb = atol(NEXT());
            if (mb <= 0 || mb > 4000)
                return sj_cli_fail("--max-size takes 1 to 4000 (MB)");
            o->load.max_bytes = (size_t)mb << 20;
        } else if (IS("-q") || IS("--no-progress"))
            o->quiet = 1;
        else if (IS("--rule-costs"))
            o->costs = 1;
        else if (IS("--text"))
            o->text_file = NEXT();
        else if (IS("--include") || IS("--exclude")) {
            int inc = IS("--include");
            if ((inc ? o->ninclude : o->nexclude) >= 16)
                return sj_cli_fail("at most 16 --include and 16 --exclude");
            if (inc)
                o->include[o->ninclude++] = NEXT();
            else
                o->exclude[o->nexclude++] = NEXT();
        }
        else if (IS("--"))
            options = 0;
        else if (IS("--baseline"))
            o->baseline_path = NEXT();
        else if (IS("--update-baseline"))
            o->update_baseline = 1;
        else if (IS("--config"))
            NEXT(); /* read before the other options (main) */
        else if (IS("--explain"))
            *explain = NEXT();
        else if (IS("--list-checks"))
            *list = 1;
        else if (IS("--no-bom"))
            o->no_bom = 1;
        else if (IS("--color") || !strncmp(a, "--color=", 8))
            *color = a[7] == '=' ? a + 8 : NEXT();
        else if (IS("--min-level")) {
            const char *l = NEXT();
            o->policy.min_level = !strcmp(l, "info") ? SJ_INFO : !strcmp(l, "warning") ? SJ_WARNING
                                  : !strcmp(l, "error") ? SJ_ERROR : -1;
            if (o->policy.min_level < 0)
                return sj_cli_fail("--min-level takes info, warning or error");
        }
        else if (IS("--prefilter-report"))
            o->prefilter_report = 1;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "sijian-check: unknown option %s (see --help)\n", a);
            return SJ_EXIT_ERROR;
        } else
            o->files[o->nfiles++] = a;
    }
    return -1;
}

