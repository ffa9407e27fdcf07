/*
 * futex.h: OS-level sleeping for threads (never for goroutines, which park).
 * rc_note is a one-shot event: one sleeper, one waker, cleared before reuse
 * (Go's note). Used by idle Ms. States: 0 clear, 1 signalled, 2 sleeper in the
 * kernel; the waker makes a futex call only in state 2, so a wake-up that arrives
 * before the sleeper sleeps costs no system call.
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
    uint32_t v = 0;
    if (!atomic_compare_exchange_strong(n, &v, 2))
        return; /* already signalled */
    while (atomic_load(n) == 2)
        rc_futex_wait(n, 2, NULL);
}

static inline void rc_note_wakeup(_Atomic uint32_t *n)
{
    if (atomic_exchange(n, 1) == 2)
        rc_futex_wake(n, 1);
}

#endif
