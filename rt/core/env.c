/* env.c: reads RCMAXPROCS and RCDEBUG (see env.h). */
#include "env.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

rc_env_t rc_env;

static void bad(const char *var, const char *what)
{
    fprintf(stderr, "racecheck: invalid %s: %s\n", var, what);
    _exit(2);
}

static unsigned long long parse_num(const char *var, const char *s, size_t len)
{
    char buf[32];
    if (len == 0 || len >= sizeof buf)
        bad(var, "expected a number");
    memcpy(buf, s, len);
    buf[len] = 0;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(buf, &end, 0);
    if (errno || *end || buf[0] == '-')
        bad(var, buf);
    return v;
}

static void parse_debug(const char *s)
{
    while (*s) {
        size_t len = strcspn(s, ",");
        const char *eq = memchr(s, '=', len);
        if (!eq)
            bad("RCDEBUG", "expected key=value");
        size_t klen = (size_t)(eq - s), vlen = len - klen - 1;
        if (klen == 4 && !memcmp(s, "seed", 4)) {
            rc_env.seed = parse_num("RCDEBUG seed", eq + 1, vlen);
            rc_env.seed_set = 1;
        } else if (klen == 9 && !memcmp(s, "stacksize", 9)) {
            rc_env.stacksize = parse_num("RCDEBUG stacksize", eq + 1, vlen);
            if (rc_env.stacksize < 16384 || rc_env.stacksize > (1ull << 30))
                bad("RCDEBUG stacksize", "must be between 16384 and 1073741824");
        } else {
            bad("RCDEBUG", "unknown key (known: seed, stacksize)");
        }
        s += len + (s[len] == ',');
    }
}

void rc_env_init(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    rc_env.ncpu = n > 0 ? (int)n : 1;
    rc_env.maxprocs = rc_env.ncpu;
    rc_env.stacksize = 256 * 1024;
    const char *s = getenv("RCMAXPROCS");
    if (s && *s) {
        unsigned long long v = parse_num("RCMAXPROCS", s, strlen(s));
        if (v < 1 || v > 1024)
            bad("RCMAXPROCS", "must be between 1 and 1024");
        rc_env.maxprocs = (int)v;
    }
    s = getenv("RCDEBUG");
    if (s)
        parse_debug(s);
}
