/* kvfile.c - the rule-file syntax, read generically (see kvfile.h). */
#include "kvfile.h"

#include <stdlib.h>
#include <string.h>

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static char *trimmed(const char *s, size_t n)
{
    while (n && is_space(*s))
        s++, n--;
    while (n && is_space(s[n - 1]))
        n--;
    return xstrndup(s, n);
}

int sj_kv_parse(const char *path, const char *text, size_t len, sj_kvfile *kv, sj_err *err)
{
    memset(kv, 0, sizeof *kv);
    const char *kind = "", *name = "";
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        text += 3, len -= 3;
    int line = 0, can_continue = 0;
    for (size_t at = 0; at < len;) {
        const char *s = text + at;
        const char *nl = memchr(s, '\n', len - at);
        size_t n = nl ? (size_t)(nl - s) : len - at;
        at += n + 1;
        line++;
        if (memchr(s, '\0', n))
            return sj_fail(err, "%s:%d: a NUL byte", path, line);
        size_t i = 0;
        while (i < n && is_space(s[i]))
            i++;
        if (i == n || s[i] == '#')
            continue;
        if (i > 0 && can_continue) {
            /* an indented line continues the value before it */
            sj_kv *last = &kv->items[kv->n - 1];
            char *more = trimmed(s + i, n - i);
            sj_buf b = {0};
            sj_buf_adds(&b, last->value);
            sj_buf_addc(&b, ' ');
            sj_buf_adds(&b, more);
            free(more);
            free(last->value);
            last->value = sj_buf_take(&b);
            continue;
        }
        if (s[i] == '[') {
            const char *close = memchr(s + i, ']', n - i);
            if (!close)
                return sj_fail(err, "%s:%d: a section header needs ]", path, line);
            for (const char *r = close + 1; r < s + n; r++)
                if (!is_space(*r))
                    return sj_fail(err, "%s:%d: text after ]", path, line);
            char *h = trimmed(s + i + 1, (size_t)(close - s - i - 1));
            char *sp = h + strcspn(h, " \t");
            SJ_GROW(kv->sections, kv->nsections, kv->capsections);
            struct sj_kv_section *sec = &kv->sections[kv->nsections++];
            sec->name = trimmed(sp, strlen(sp));
            *sp = '\0';
            sec->kind = h;
            sec->line = line;
            if (!*sec->kind)
                return sj_fail(err, "%s:%d: an empty section header", path, line);
            kind = sec->kind;
            name = sec->name;
            can_continue = 0;
            continue;
        }
        const char *eq = memchr(s + i, '=', n - i);
        if (!eq)
            return sj_fail(err, "%s:%d: expected key = value or [KIND NAME]", path, line);
        char *key = trimmed(s + i, (size_t)(eq - s - i));
        if (!*key || strcspn(key, " \t") != strlen(key)) {
            free(key);
            return sj_fail(err, "%s:%d: a key is one word", path, line);
        }
        SJ_GROW(kv->items, kv->n, kv->cap);
        sj_kv *e = &kv->items[kv->n++];
        e->kind = (char *)kind;
        e->name = (char *)name;
        e->key = key;
        e->value = trimmed(eq + 1, (size_t)(s + n - eq - 1));
        e->line = line;
        can_continue = 1;
    }
    return 0;
}

int sj_kv_load(const char *path, sj_kvfile *kv, sj_err *err)
{
    unsigned char *data;
    size_t len;
    memset(kv, 0, sizeof *kv);
    if (sj_read_file(path, 16u << 20, &data, &len, err))
        return -1;
    int rc = sj_kv_parse(path, (const char *)data, len, kv, err);
    free(data);
    return rc;
}

void sj_kv_free(sj_kvfile *kv)
{
    for (int i = 0; i < kv->n; i++) {
        free(kv->items[i].key);
        free(kv->items[i].value);
    }
    for (int i = 0; i < kv->nsections; i++) {
        free(kv->sections[i].kind);
        free(kv->sections[i].name);
    }
    free(kv->items);
    free(kv->sections);
    memset(kv, 0, sizeof *kv);
}
