/*
 * spin.h: the runtime's internal lock, a test-and-test-and-set spinlock that yields
 * the thread when contended for long. Held only for a few instructions (queue
 * manipulation); never across a park or a call that may block.
 */
#ifndef RC_SPIN_H
#define RC_SPIN_H

#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

static inline void rc_cpu_relax(void)
{
#if defined(__x86_64__)
    __asm__ volatile("pause" ::: "memory");
#elif defined(__aarch64__)
    __asm__ volatile("yield" ::: "memory");
#endif
}

/* One round of waiting for another thread's short critical step: a pause for the
 * first 64 rounds, then the thread yields (the other may be descheduled). */
static inline void rc_spin_wait(unsigned spins)
{
    if (spins < 64)
        rc_cpu_relax();
    else
        sched_yield();
}

/* One attempt: whether the lock was free (and is now ours). */
static inline bool rc_spin_trylock(_Atomic uint32_t *l)
{
    return !atomic_load_explicit(l, memory_order_relaxed) &&
           !atomic_exchange_explicit(l, 1, memory_order_acquire);
}

static inline void rc_spin_lock(_Atomic uint32_t *l)
{
    for (unsigned spins = 0; !rc_spin_trylock(l); spins++)
        rc_spin_wait(spins);
}

static inline void rc_spin_unlock(_Atomic uint32_t *l)
{
    atomic_store_explicit(l, 0, memory_order_release);
}

#endif
