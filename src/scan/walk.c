/* walk.c - the files under a folder, as nftw(FTW_PHYS) would visit them:
 * depth first, symbolic links not followed, names starting with a dot
 * (.git, .DS_Store) not entered; then sorted by path. Every regular file
 * that --include/--exclude let through is listed once: to be read (a plan
 * extension, or content that starts as a PDF, a zip or an HTML page
 * whatever its name) or skipped with the reason (an image, an archive, a
 * text file of another kind). Everything is in the sj_walk the caller
 * passes: no global state. */
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read.h"
#include "scan.h"

/* the extensions a scan reads: plain text and the formats of read.h
 * (.doc and OLE2 .wps are read to say which conversion they need) */
static const char *const PLAN_EXT[] = {"txt", "md", "markdown", "text", "htm", "html",
                                       "shtml", "xhtml", "docx", "docm", "dotx", "wps",
                                       "doc", "odt", "pdf", "ofd"};

static const char *ext_of(const char *p)
{
    const char *slash = strrchr(p, '/');
    const char *base = slash ? slash + 1 : p;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : "";
}

static int has_ext(const char *p)
{
    const char *e = ext_of(p);
    for (size_t i = 0; i < sizeof PLAN_EXT / sizeof PLAN_EXT[0]; i++)
        if (!strcasecmp(e, PLAN_EXT[i]))
            return 1;
    return 0;
}

static void add_note(sj_walk *w, sj_buf *b)
{
    SJ_GROW(w->notes, w->nnotes, w->capnotes);
    w->notes[w->nnotes++] = sj_buf_take(b);
}

/* does glob g match the entry rel (its path under DIR)? A glob with a /
 * is matched against the path, one without against the name. */
static int glob_match(const char *g, const char *rel)
{
    if (strchr(g, '/'))
        return fnmatch(g, rel, FNM_PATHNAME) == 0;
    const char *slash = strrchr(rel, '/');
    return fnmatch(g, slash ? slash + 1 : rel, 0) == 0;
}

static int excluded(const sj_walk_filter *f, const char *rel)
{
    for (int i = 0; f && i < f->nexclude; i++)
        if (glob_match(f->exclude[i], rel))
            return 1;
    return 0;
}

static int included(const sj_walk_filter *f, const char *rel)
{
    if (!f || f->ninclude == 0)
        return 1;
    for (int i = 0; i < f->ninclude; i++)
        if (glob_match(f->include[i], rel))
            return 1;
    return 0;
}

/* A file without a plan extension: read when its first bytes are a PDF, a
 * zip (docx, odt, ofd under another name; what else it is, the reader
 * says) or an HTML page; else the reason it is skipped (malloc'd). */
static char *skip_reason(const char *path, const struct stat *st, size_t max_bytes)
{
    unsigned char head[4096];
    ssize_t n = -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd >= 0) {
        n = read(fd, head, sizeof head);
        close(fd);
    }
    if (n < 0)
        return NULL; /* read it: the pipeline says why it cannot */
    if (n == 0)
        return xstrdup("empty file");
    char why[128];
    sj_input_kind k;
    if ((n >= 4 && (!memcmp(head, "PK\x03\x04", 4) || !memcmp(head, "PK\x05\x06", 4))))
        k = SJ_IN_DOCX; /* a zip: the reader looks inside */
    else
        k = sj_read_sniff_why(path, head, (size_t)n, why);
    if (k != SJ_IN_TEXT && k != SJ_IN_UNSUPPORTED && k != SJ_IN_LEGACY_WORD) {
        if (max_bytes && (size_t)st->st_size > max_bytes)
            return xstrdup("larger than --max-size, not looked into");
        return NULL;
    }
    sj_buf b = {0};
    const char *e = ext_of(path);
    if (k == SJ_IN_UNSUPPORTED)
        sj_buf_addf(&b, "%s", why);
    else if (k == SJ_IN_LEGACY_WORD)
        sj_buf_addf(&b, "Office binary (OLE2) file (%s%s)", *e ? "." : "no extension",
                    e);
    else
        sj_buf_addf(&b, "text, not a plan format (%s%s)", *e ? "." : "no extension", e);
    return sj_buf_take(&b);
}

static void add_file(sj_walk *w, char *path, char *skip)
{
    SJ_GROW(w->paths, w->n, w->cap);
    if (w->cap > w->capskip) { /* skip[] follows paths[] */
        w->skip = xrealloc(w->skip, (size_t)w->cap * sizeof *w->skip);
        w->capskip = w->cap;
    }
    w->skip[w->n] = skip;
    w->paths[w->n++] = path;
}

/* The depth is bounded by PATH_MAX: a deeper folder cannot be opened.
 * rel0: where the path under the scanned folder starts in each path. */
static void walk(sj_walk *w, const char *dir, size_t rel0, const sj_walk_filter *f)
{
    sj_buf b = {0};
    DIR *d = opendir(dir);
    if (!d) {
        sj_buf_addf(&b, "%s: cannot read directory", dir);
        add_note(w, &b);
        sj_buf_free(&b);
        return;
    }
    size_t dl = strlen(dir);
    int slash = dl > 0 && dir[dl - 1] == '/';
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue; /* ., .., .git, .DS_Store */
        sj_buf_addf(&b, "%s%s%s", dir, slash ? "" : "/", e->d_name);
        char *path = sj_buf_take(&b);
        const char *rel = strlen(path) > rel0 ? path + rel0 : path;
        struct stat st;
        if (excluded(f, rel)) {
            /* left out by --exclude, folders and all */
        } else if (lstat(path, &st) != 0) {
            sj_buf_addf(&b, "%s: cannot stat", path);
            add_note(w, &b);
        } else if (S_ISDIR(st.st_mode)) {
            walk(w, path, rel0, f);
        } else if (!included(f, rel)) {
            /* not chosen by --include */
        } else if (S_ISLNK(st.st_mode)) {
            if (has_ext(path)) { /* a plan not read: a note, as an error */
                sj_buf_addf(&b, "%s: symbolic link, not followed", path);
                add_note(w, &b);
            } else { /* any other link: listed as skipped */
                add_file(w, path, xstrdup("symbolic link, not followed"));
                path = NULL;
            }
        } else if (S_ISREG(st.st_mode)) {
            char *skip = has_ext(path) ? NULL : skip_reason(path, &st, f ? f->max_bytes : 0);
            add_file(w, path, skip);
            path = NULL;
        }
        free(path);
    }
    closedir(d);
    sj_buf_free(&b);
}

typedef struct {
    char *path, *skip;
} entry;

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

int sj_walk_dir_filtered(const char *dir, const sj_walk_filter *f, sj_walk *w)
{
    memset(w, 0, sizeof *w);
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return -1;
    if (lstat(dir, &st) == 0 && S_ISLNK(st.st_mode)) {
        /* a link to a folder: not followed, as nftw(FTW_PHYS) does not */
        if (has_ext(dir)) {
            sj_buf b = {0};
            sj_buf_addf(&b, "%s: symbolic link, not followed", dir);
            add_note(w, &b);
            sj_buf_free(&b);
        }
        return 0;
    }
    size_t dl = strlen(dir);
    walk(w, dir, dl + (dl > 0 && dir[dl - 1] != '/'), f);
    if (w->n > 1) {
        entry *es = xcalloc((size_t)w->n, sizeof *es);
        for (int i = 0; i < w->n; i++)
            es[i] = (entry){w->paths[i], w->skip[i]};
        qsort(es, (size_t)w->n, sizeof *es, cmp_entry);
        for (int i = 0; i < w->n; i++) {
            w->paths[i] = es[i].path;
            w->skip[i] = es[i].skip;
        }
        free(es);
    }
    return 0;
}

int sj_walk_dir(const char *dir, sj_walk *w)
{
    return sj_walk_dir_filtered(dir, NULL, w);
}

void sj_walk_free(sj_walk *w)
{
    for (int i = 0; i < w->n; i++) {
        free(w->paths[i]);
        free(w->skip[i]);
    }
    for (int i = 0; i < w->nnotes; i++)
        free(w->notes[i]);
    free(w->paths);
    free(w->skip);
    free(w->notes);
    memset(w, 0, sizeof *w);
}
