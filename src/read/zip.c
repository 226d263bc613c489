/* zip.c - bounded access to a zip archive held in memory (libzip).
 *
 * Promises: the parts read from one archive decompress to at most
 * max(16 x the archive, 1 MB) bytes in all, never more than 256 MB; reading
 * stops at the bound, whatever the sizes the archive declares (a zip bomb is
 * an error, not an allocation). CRC and format errors are one-line errors.
 */
#include <string.h>
#include <zip.h>
#include "read_int.h"

#define RD_ZIP_RATIO 16
#define RD_ZIP_FLOOR (1u << 20)
#define RD_ZIP_CEIL (256u << 20)

struct rd_zip {
    zip_t *z;
    size_t budget; /* bytes that may still be decompressed */
    size_t limit;
};

rd_zip *rd_zip_open(const unsigned char *bytes, size_t len, sj_err *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
    if (!src) {
        sj_fail(err, "zip: %s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return NULL;
    }
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!z) {
        sj_fail(err, "corrupt zip: %s", zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    rd_zip *r = xcalloc(1, sizeof *r);
    r->z = z;
    size_t lim = len > RD_ZIP_CEIL / RD_ZIP_RATIO ? RD_ZIP_CEIL : len * RD_ZIP_RATIO;
    if (lim < RD_ZIP_FLOOR)
        lim = RD_ZIP_FLOOR;
    r->limit = r->budget = lim;
    return r;
}

int rd_zip_count(rd_zip *z)
{
    zip_int64_t n = zip_get_num_entries(z->z, 0);
    return n < 0 ? 0 : n > 100000 ? 100000 : (int)n;
}

const char *rd_zip_name(rd_zip *z, int i)
{
    return zip_get_name(z->z, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
}

int rd_zip_has(rd_zip *z, const char *name)
{
    return zip_name_locate(z->z, name, ZIP_FL_ENC_RAW) >= 0;
}

int rd_zip_read(rd_zip *z, const char *name, char **out, size_t *out_len, sj_err *err)
{
    *out = NULL;
    *out_len = 0;
    zip_int64_t idx = zip_name_locate(z->z, name, ZIP_FL_ENC_RAW);
    if (idx < 0)
        return sj_fail(err, "no part %s in the archive", name);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->z, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > z->budget)
        return sj_fail(err, "zip bomb: part %s declares %llu bytes, more than the %zu left of "
                       "the limit of %zu (16x the file, at most 256 MB)", name,
                       (unsigned long long)st.size, z->budget, z->limit);
    zip_file_t *f = zip_fopen_index(z->z, (zip_uint64_t)idx, 0);
    if (!f)
        return sj_fail(err, "cannot open part %s: %s", name, zip_strerror(z->z));
    sj_buf b = {0};
    char chunk[65536];
    for (;;) {
        zip_int64_t got = zip_fread(f, chunk, sizeof chunk);
        if (got < 0) {
            sj_fail(err, "corrupt zip: part %s: %s", name, zip_file_strerror(f));
            zip_fclose(f);
            sj_buf_free(&b);
            return -1;
        }
        if (got == 0)
            break;
        if ((size_t)got > z->budget) {
            zip_fclose(f);
            sj_buf_free(&b);
            return sj_fail(err, "zip bomb: part %s decompresses past the limit of %zu bytes "
                           "(16x the file, at most 256 MB)", name, z->limit);
        }
        z->budget -= (size_t)got;
        sj_buf_add(&b, chunk, (size_t)got);
    }
    zip_fclose(f);
    *out_len = b.len;
    *out = sj_buf_take(&b);
    return 0;
}

void rd_zip_close(rd_zip *z)
{
    if (!z)
        return;
    zip_discard(z->z); /* read-only: frees the archive and its source */
    free(z);
}
