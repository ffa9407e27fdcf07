/*
 * duration.c: Go's duration syntax (duration.h): decimal numbers, each with a unit
 * (ns, us, µs, ms, s, m, h), summed; "0" alone needs no unit.
 */
#include "duration.h"

#include <string.h>

bool rc_parse_duration(const char *s, double *ns)
{
    static const struct { const char *unit; double ns; } units[] = {
        { "ns", 1 }, { "us", 1e3 }, { "\xc2\xb5s", 1e3 }, { "ms", 1e6 }, { "s", 1e9 },
        { "m", 60e9 }, { "h", 3600e9 },
    };
    const char *p = s;
    double total = 0;
    if (!strcmp(s, "0"))
        p += 1;
    else if (!*p)
        return false;
    while (*p) {
        double x = 0, scale = 1;
        int digits = 0;
        for (; *p >= '0' && *p <= '9'; p++, digits++)
            x = x * 10 + (*p - '0');
        if (*p == '.')
            for (p++; *p >= '0' && *p <= '9'; p++, digits++)
                x += (*p - '0') * (scale /= 10);
        if (!digits)
            return false;
        size_t i = 0, ulen = 0;
        for (; i < sizeof units / sizeof *units; i++) {
            ulen = strlen(units[i].unit);
            if (!strncmp(p, units[i].unit, ulen)) /* "ms" is tried before "m" */
                break;
        }
        if (i == sizeof units / sizeof *units)
            return false;
        total += x * units[i].ns;
        p += ulen;
    }
    *ns = total;
    return true;
}
