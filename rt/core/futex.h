/*
 * futex.h: OS-level sleeping for threads (never for goroutines, which park).
 * rc_note is a one-shot event: one sleeper, one waker, cleared before reuse
 * (Go's note). Used by idle Ms and the timer thread.
 */
#ifndef RC_FUTEX_H
#define RC_FUTEX_H

#include <linux/futex.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static inline void rc_futex_wait(_Atomic uint32_t *addr, uint32_t val, const struct timespec *rel)
{
    syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAIT_PRIVATE, val, rel, NULL, 0);
}

static inline void rc_futex_wake(_Atomic uint32_t *addr, int n)
{
    syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

static inline void rc_note_clear(_Atomic uint32_t *n) { atomic_store(n, 0); }

static inline void rc_note_sleep(_Atomic uint32_t *n)
{
    while (atomic_load(n) == 0)
        rc_futex_wait(n, 0, NULL);
}

static inline void rc_note_wakeup(_Atomic uint32_t *n)
{
    atomic_store(n, 1);
    rc_futex_wake(n, 1);
}

#endif
