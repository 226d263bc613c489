/* walk.c - the plans (*.txt, *.md) under a folder, as nftw(FTW_PHYS)
 * would visit them: depth first, each folder's entries in the order the
 * folder lists them, symbolic links not followed. Everything is in the
 * sj_walk the caller passes: no global state. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scan.h"

static int has_ext(const char *p)
{
    size_t l = strlen(p);
    return (l > 4 && !strcmp(p + l - 4, ".txt")) || (l > 3 && !strcmp(p + l - 3, ".md"));
}

static void add_note(sj_walk *w, sj_buf *b)
{
    SJ_GROW(w->notes, w->nnotes, w->capnotes);
    w->notes[w->nnotes++] = sj_buf_take(b);
}

/* The depth is bounded by PATH_MAX: a deeper folder cannot be opened. */
static void walk(sj_walk *w, const char *dir)
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
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        sj_buf_addf(&b, "%s%s%s", dir, slash ? "" : "/", e->d_name);
        char *path = sj_buf_take(&b);
        struct stat st;
        if (lstat(path, &st) != 0) {
            sj_buf_addf(&b, "%s: cannot stat", path);
            add_note(w, &b);
        } else if (S_ISDIR(st.st_mode)) {
            walk(w, path);
        } else if (S_ISLNK(st.st_mode)) {
            if (has_ext(path)) {
                sj_buf_addf(&b, "%s: symbolic link, not followed", path);
                add_note(w, &b);
            }
        } else if (has_ext(path)) {
            SJ_GROW(w->paths, w->n, w->cap);
            w->paths[w->n++] = path;
            path = NULL;
        }
        free(path);
    }
    closedir(d);
    sj_buf_free(&b);
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int sj_walk_dir(const char *dir, sj_walk *w)
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
    walk(w, dir);
    if (w->n > 1)
        qsort(w->paths, (size_t)w->n, sizeof *w->paths, cmp_path);
    return 0;
}

void sj_walk_free(sj_walk *w)
{
    for (int i = 0; i < w->n; i++)
        free(w->paths[i]);
    for (int i = 0; i < w->nnotes; i++)
        free(w->notes[i]);
    free(w->paths);
    free(w->notes);
    memset(w, 0, sizeof *w);
}
