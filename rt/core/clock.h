/*
 * clock.h: the real clocks, in nanoseconds. rc_now (racecheck.h) is the program's
 * clock, virtual in controlled mode; what must measure real time whatever the mode
 * (a scheduler's spin limit, the detector's own threads) reads these.
 */
#ifndef RC_CORE_CLOCK_H
#define RC_CORE_CLOCK_H

#include <stdint.h>
#include <time.h>

static inline int64_t rc_clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline int64_t rc_mono_ns(void) { return rc_clock_ns(CLOCK_MONOTONIC); }

#endif
