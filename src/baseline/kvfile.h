/* kvfile.h - reads files in the syntax of the rule files: `[KIND NAME]`
 * section headers, `key = value` lines, `#` comments, blank lines. Used
 * by the baseline (baseline.h) and the configuration file (cli/config.c).
 * Promises: one pass over the text, time linear in it; every line it
 * cannot read is an error naming path:line; values are trimmed, never
 * NULL. Continuation lines (indented) are joined to the value before
 * them with one space.
 */
#ifndef SJ_KVFILE_H
#define SJ_KVFILE_H

#include "util.h"

typedef struct {
    char *kind, *name; /* the section header; "" before the first */
    char *key, *value;
    int line;          /* 1-based line of the key */
} sj_kv;

typedef struct {
    sj_kv *items;
    int n, cap;
    /* the sections in order, even those without keys */
    struct sj_kv_section {
        char *kind, *name;
        int line;
    } *sections;
    int nsections, capsections;
} sj_kvfile;

/* Parses text (len bytes) read from path. Returns 0, or -1 with err set
 * ("path:line: why"); kv must be freed either way. */
int sj_kv_parse(const char *path, const char *text, size_t len, sj_kvfile *kv, sj_err *err);
/* Reads and parses the file at path (at most 16 MB). */
int sj_kv_load(const char *path, sj_kvfile *kv, sj_err *err);
void sj_kv_free(sj_kvfile *kv);

#endif
