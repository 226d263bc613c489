#include "number.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static int cn_digit(int32_t cp)
{
    switch (cp) {
    case 0x96F6: case 0x3007: return 0;   /* 零 〇 */
    case 0x4E00: return 1;                /* 一 */
    case 0x4E8C: case 0x4E24: return 2;   /* 二 两 */
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

static int cn_unit(int32_t cp)
{
    switch (cp) {
    case 0x5341: return 10;    /* 十 */
    case 0x767E: return 100;   /* 百 */
    case 0x5343: return 1000;  /* 千 */
    default: return 0;
    }
}

int sj_parse_number(const char *s, size_t len, double *v)
{
    if (len == 0 || len > 40)
        return 0;
    if ((s[0] >= '0' && s[0] <= '9') || s[0] == '.') {
        char buf[48];
        size_t k = 0;
        for (size_t i = 0; i < len; i++) {
            if (s[i] == ',')
                continue;
            if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
                return 0;
            buf[k++] = s[i];
        }
        buf[k] = '\0';
        char *end;
        *v = strtod(buf, &end);
        return *end == '\0' && k > 0;
    }
    /* Chinese numerals up to the thousands */
    double total = 0, digit = -1;
    size_t i = 0;
    int any = 0;
    while (i < len) {
        int32_t cp;
        int n = sj_utf8_decode(s + i, len - i, &cp);
        i += (size_t)n;
        int d = cn_digit(cp), u = cn_unit(cp);
        if (d >= 0) {
            digit = d;
        } else if (u) {
            total += (digit < 0 ? 1 : digit) * u;
            digit = -1;
        } else {
            return 0;
        }
        any = 1;
    }
    if (!any)
        return 0;
    if (digit >= 0)
        total += digit;
    *v = total;
    return 1;
}
