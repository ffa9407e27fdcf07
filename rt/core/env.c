/* env.c: reads RCMAXPROCS, RCDEBUG and RCSCHED (see env.h). */
#include "env.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
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

/* RCSCHED: an unsigned 64-bit number, decimal or 0x hex (a leading 0 is not octal). */
static uint64_t parse_seed(const char *s)
{
    bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    const char *digits = hex ? s + 2 : s;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(digits, &end, hex ? 16 : 10);
    if (!*digits || errno || *end || !(hex ? isxdigit((unsigned char)*digits)
                                           : isdigit((unsigned char)*digits)))
        bad("RCSCHED", *s ? s : "expected a number");
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
        } else if (klen == 9 && !memcmp(s, "mutexbias", 9)) {
            unsigned long long v = parse_num("RCDEBUG mutexbias", eq + 1, vlen);
            if (v > 1)
                bad("RCDEBUG mutexbias", "must be 0 or 1");
            rc_env.nomutexbias = v == 0;
        } else if (klen == 8 && !memcmp(s, "chanbias", 8)) {
            unsigned long long v = parse_num("RCDEBUG chanbias", eq + 1, vlen);
            if (v > 1)
                bad("RCDEBUG chanbias", "must be 0 or 1");
            rc_env.nochanbias = v == 0;
        } else {
            bad("RCDEBUG", "unknown key (known: seed, stacksize, mutexbias, chanbias)");
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
    s = getenv("RCSCHED");
    if (s) { /* controlled mode: one P; the seed decides everything (control.c) */
        rc_env.sched_seed = parse_seed(s);
        rc_env.sched_set = 1;
        rc_env.maxprocs = 1;
        rc_env.seed = rc_env.sched_seed ^ 0x3c6ef372fe94f82bULL; /* select, ... */
        rc_env.seed_set = 1;
    }
}
