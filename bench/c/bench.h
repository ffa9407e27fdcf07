/*
 * bench.h: what every C benchmark shares: the iteration count from argv, a monotonic
 * clock, and the one machine-readable output line ("RESULT name key=value") that
 * bench/run.sh parses. Benchmarks measure; they never assert on timings.
 */
#ifndef BENCH_H
#define BENCH_H

#include "racecheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* argv[1] if given, else def. */
static inline long long bench_n(int argc, char **argv, long long def)
{
    if (argc > 1) {
        long long n = atoll(argv[1]);
        if (n > 0)
            return n;
    }
    return def;
}

static inline int64_t bench_now(void) { return rc_now(); }

static inline void bench_result(const char *name, const char *key, double v)
{
    printf("RESULT %s %s=%.1f\n", name, key, v);
    fflush(stdout);
}

/* VmRSS from /proc/self/status, in bytes (0 if unreadable). */
static inline long long bench_rss(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long long kb = 0;
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6)) {
            kb = atoll(line + 6);
            break;
        }
    fclose(f);
    return kb * 1024;
}

#endif
