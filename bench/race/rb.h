/*
 * rb.h: what the race-detector benchmarks share, in both C flavours (bench/race/rc on
 * racecheck's runtime, bench/race/pthread on plain threads): the size argument, a
 * monotonic clock, the RESULT line that bench/race/run.sh parses, and the per-item
 * kernels, so both flavours (and, by hand, the Go mirrors) do exactly the same work.
 * Benchmarks measure; they never assert on timings.
 */
#ifndef RB_H
#define RB_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* argv[1] if given and positive, else def. */
static inline long long rb_n(int argc, char **argv, long long def)
{
    long long n = argc > 1 ? atoll(argv[1]) : 0;
    return n > 0 ? n : def;
}

static inline int64_t rb_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* RESULT name ns_per_op=X total_ms=Y */
static inline void rb_result(const char *name, int64_t ns, long long ops)
{
    printf("RESULT %s ns_per_op=%.1f total_ms=%.1f\n", name, (double)ns / (double)ops,
           (double)ns / 1e6);
    fflush(stdout);
}

/* access: one pass over a worker's own array; every element is read and written. */
static inline uint64_t rb_access_pass(int *a, long n, int pass)
{
    uint64_t sum = 0;
    for (long i = 0; i < n; i++) {
        a[i] = (int)((unsigned)a[i] * 3u + (unsigned)pass); /* wraps, as in Go */
        sum += (unsigned)a[i];
    }
    return sum;
}

/* pipeline stage 2: the middle stage's transform. */
static inline long long rb_stage(long long v) { return v * 7 + 1; }

/* spawn / manyg: a task's little bit of work on its own data: RB_TASK_WORDS words of a
 * shared array that only this task touches (real, instrumented memory accesses). */
#define RB_TASK_WORDS 16
static inline long long rb_task(long long *d, long long seed)
{
    for (int i = 0; i < RB_TASK_WORDS; i++)
        d[i] = seed + i;
    long long s = 0;
    for (int i = 0; i < RB_TASK_WORDS; i++)
        s += d[i] * d[i];
    return s;
}

#endif
