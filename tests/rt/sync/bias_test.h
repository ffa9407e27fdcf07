/* bias_test.h: what the biased-mutex tests share (rt/sync/bias.c). */
#ifndef BIAS_TEST_H
#define BIAS_TEST_H

#include "../../../rt/sync/sync.h"
#include <racecheck.h>
#include <stdio.h>

/* False, after the "SKIP:" line tools/expect.c reports as a skip, where no mutex can
 * be biased (no x86-64, rseq or membarrier, or RCDEBUG=mutexbias=0). */
static inline bool bias_testable(void)
{
    if (rc_mutex_bias_supported())
        return true;
    printf("SKIP: mutexes cannot be biased here (needs x86-64, rseq and membarrier)\n");
    return false;
}

/* Locks and unlocks m n times from this thread (16 in a row bias it). */
static inline void lock_unlock_times(rc_mutex *m, int n)
{
    for (int i = 0; i < n; i++) {
        rc_mutex_lock(m);
        rc_mutex_unlock(m);
    }
}

/* 1 if m is biased: its bias word names a thread and its state says so. */
static inline int is_biased(rc_mutex *m)
{
    return (atomic_load(&m->bias) & 3) == 1 && (atomic_load(&m->state) & RC_MUTEX_BIASED);
}

#endif
