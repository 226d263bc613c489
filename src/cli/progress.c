/* progress.c - what a scan tells the user while it runs: each note on a
 * line of its own, and a progress bar redrawn on one line of stderr. */
#include "cli.h"

void sj_cli_note(void *ctx, const char *msg)
{
    (void)ctx;
    fputs("sijian-check: ", stderr);
    sj_name_put(stderr, msg); /* a file name in it cannot forge lines */
    fputc('\n', stderr);
}

void sj_cli_progress(void *ctx, const sj_scan_progress *p)
{
    (void)ctx;
    double mbs = p->seconds > 0 ? (double)p->bytes_done / 1048576.0 / p->seconds : 0;
    int width = 30, fill = p->n ? p->done * width / p->n : width;
    fprintf(stderr, "\r%-8s [%.*s%*s] %d/%d files %.1f MB/s", p->phase, fill,
            "##############################", width - fill, "", p->done, p->n, mbs);
    if (p->done == p->n)
        fputc('\n', stderr);
}
