/*
 * mutex.c: sync.Mutex, after Go's sync/mutex.go.
 *
 * state = waiters << 3 | STARVING | WOKEN | LOCKED.
 *   LOCKED    someone holds the mutex.
 *   WOKEN     a goroutine is awake and competing (a spinner, or one just woken), so
 *             Unlock need not wake another.
 *   STARVING  starvation mode: Unlock hands the mutex straight to the first waiter;
 *             newcomers neither spin nor take it, they queue at the tail. Entered when
 *             a waiter has waited more than 1 ms; left by the waiter that is the last
 *             one or that waited less than 1 ms.
 * In normal mode a woken waiter competes with newcomers (who usually win: they are
 * already running), and requeues at the head of the queue if it loses.
 *
 * The semaphore counts wake-ups; waiters park on it with reason sync.Mutex.Lock.
 *
 * A mutex may also be biased to one thread (bias.c): state then has RC_MUTEX_BIASED,
 * every CAS below fails on it, and the slow paths unbias it first (once: a mutex that
 * needed a slow path is never biased again).
 */
#define RC_NO_INLINE_MUTEX /* this file defines the functions the inline fast paths call */
#include "sync.h"
#include <stddef.h>
#include "../sched/control.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../hooks.h"
#include "../sched/proc.h"
#include "../sched/runq.h"

enum {
    LOCKED = RC_MUTEX_LOCKED,
    WOKEN = 2,
    STARVING = 4,
    WAITER_SHIFT = 3,
    WAITER = 1 << WAITER_SHIFT,
};

_Static_assert(LOCKED == 1 && STARVING == 4 && RC_MUTEX_BIASED == 0x40000000,
               "racecheck.h's inline fast paths spell these out");
_Static_assert(offsetof(rc_mutex, state) == 0 && sizeof(((rc_mutex *)0)->state) == 4,
               "hooks.h mutex_lock: the state word is the 4 bytes at m");

#define STARVATION_THRESHOLD_NS 1000000 /* 1 ms */
#define ACTIVE_SPIN 4
#define ACTIVE_SPIN_CNT 30

/* Go's sync_runtime_canSpin: spin a little only on a multiprocessor where another
 * processor runs (it could release the lock soon) and nothing waits on ours. */
static bool can_spin(int iter)
{
    if (iter >= ACTIVE_SPIN || rc_numcpu() <= 1 || rc_sched_nprocs() <= 1)
        return false;
    rc_p *p = rc_getp();
    return p && rc_runq_empty(p);
}

static void do_spin(void)
{
    for (int i = 0; i < ACTIVE_SPIN_CNT; i++)
        rc_cpu_relax();
}

static void inconsistent(void)
{
    rc_fatal("sync: inconsistent mutex state");
}

static void lock_slow(rc_mutex *m)
{
    int64_t wait_start = 0;
    bool starving = false, awoke = false;
    int iter = 0;
    /* most calls come with waiters queued on a plain Go mutex: one load decides */
    if (atomic_load_explicit(&m->bias, memory_order_relaxed) != RC_MUTEX_NOBIAS_)
        rc_mutex_unbias(m);
    int32_t old = atomic_load_explicit(&m->state, memory_order_relaxed);
    for (;;) {
        /* spin while locked in normal mode; claim WOKEN so Unlock wakes nobody */
        if ((old & (LOCKED | STARVING)) == LOCKED && can_spin(iter)) {
            if (!awoke && !(old & WOKEN) && (old >> WAITER_SHIFT) != 0 &&
                atomic_compare_exchange_strong(&m->state, &old, old | WOKEN))
                awoke = true;
            do_spin();
            iter++;
            old = atomic_load_explicit(&m->state, memory_order_relaxed);
            continue;
        }
        int32_t new = old;
        if (!(old & STARVING))
            new |= LOCKED;          /* never grab a starving mutex: queue instead */
        if (old & (LOCKED | STARVING))
            new += WAITER;
        if (starving && (old & LOCKED))
            new |= STARVING;
        if (awoke) {
            if (!(new & WOKEN))
                inconsistent();
            new &= ~WOKEN;
        }
        if (!atomic_compare_exchange_strong(&m->state, &old, new))
            continue; /* old reloaded */
        if (!(old & (LOCKED | STARVING)))
            return; /* locked with the CAS */
        bool lifo = wait_start != 0; /* waited before: back to the head of the queue */
        if (!wait_start)
            wait_start = rc_now();
        rc_g *g = rc_getg();
        atomic_store_explicit(&g->lock_waiter, true, memory_order_relaxed);
        rc_sema_acquire(&m->sema, lifo, RC_WAIT_MUTEX_LOCK);
        atomic_store_explicit(&g->lock_waiter, false, memory_order_relaxed);
        starving = starving || rc_now() - wait_start > STARVATION_THRESHOLD_NS;
        old = atomic_load_explicit(&m->state, memory_order_relaxed);
        if (old & STARVING) {
            /* handed over: we own it, and were counted as a waiter */
            if ((old & (LOCKED | WOKEN)) || (old >> WAITER_SHIFT) == 0)
                inconsistent();
            int32_t delta = LOCKED - WAITER;
            if (!starving || (old >> WAITER_SHIFT) == 1)
                delta -= STARVING;
            atomic_fetch_add(&m->state, delta);
            return;
        }
        awoke = true;
        iter = 0;
    }
}

static void unlock_slow(rc_mutex *m, int32_t new)
{
    if (!((new + LOCKED) & LOCKED))
        rc_fatal("sync: unlock of unlocked mutex");
    if (new & STARVING) {
        rc_sema_release(&m->sema, true); /* hand off to the first waiter */
        return;
    }
    int32_t old = new;
    for (;;) {
        /* nobody to wake, or someone already awake or holding it */
        if ((old >> WAITER_SHIFT) == 0 || (old & (LOCKED | WOKEN | STARVING)))
            return;
        if (atomic_compare_exchange_strong(&m->state, &old, (old - WAITER) | WOKEN)) {
            rc_sema_release(&m->sema, false);
            return;
        }
    }
}

void rc_mutex_lock_nohook(rc_mutex *m)
{
    if (!rc_mutex_lock_fast_(m))
        lock_slow(m);
}

bool rc_mutex_trylock_nohook(rc_mutex *m)
{
    if (atomic_load_explicit(&m->bias, memory_order_relaxed) & 1) {
        int r = rc_mutex_bias_lock_(m);
        if (r >= 0)
            return r > 0; /* ours: locked now, or held already */
        rc_mutex_unbias(m);
    }
    int32_t old = atomic_load_explicit(&m->state, memory_order_relaxed);
    if (old & (LOCKED | STARVING))
        return false;
    return atomic_compare_exchange_strong_explicit(&m->state, &old, old | LOCKED,
                                                   memory_order_acquire, memory_order_relaxed);
}

void rc_mutex_unlock_nohook(rc_mutex *m)
{
    rc_mutex_unlock_fast_(m);
}

/* The inline fast paths of racecheck.h end here. */
/* Takes a free mutex whatever waiters are queued, as lock_slow's first iteration
 * would, without its set-up: the fast path's CAS expects 0 on a mutex not yet
 * contended; on one that was (which the fast path takes this way already) it is a
 * second look, a moment later. */
static bool lock_free_queued(rc_mutex *m)
{
    int32_t old = atomic_load_explicit(&m->state, memory_order_relaxed);
    return !(old & (LOCKED | STARVING | RC_MUTEX_BIASED)) &&
           atomic_compare_exchange_strong_explicit(&m->state, &old, old | LOCKED,
                                                   memory_order_acquire, memory_order_relaxed);
}

void rc_mutex_lock_slowpath(rc_mutex *m)
{
    if (!lock_free_queued(m))
        lock_slow(m);
}

void rc_mutex_unlock_slowpath(rc_mutex *m, int32_t state)
{
    unlock_slow(m, state);
}

void rc_mutex_unlock_unbias_(rc_mutex *m)
{
    rc_mutex_unbias(m);
    rc_mutex_unlock_fast_(m); /* now a plain Go mutex */
}

/* Lock with the detector's wait-for bookkeeping: a Lock that must wait says so
 * first (hooks.h). Also takes RWMutex's writer mutex, whose address is the RWMutex's. */
void rc_mutex_lock_waiting(rc_mutex *m, int why, uintptr_t pc)
{
    if (rc_mutex_lock_fast_(m))
        return;
    rc_mutex_unbias(m); /* a bias is no reason to wait */
    if (lock_free_queued(m))
        return;
    RC_HOOK(mutex_wait, rc_getg(), m, why, pc);
    lock_slow(m);
}

void rc_mutex_lock(rc_mutex *m)
{
    RC_SCHED_POINT();
    uintptr_t pc = RC_CALLER_PC();
    rc_mutex_lock_waiting(m, RC_LOCKWAIT_MUTEX, pc);
    RC_HOOK(mutex_lock, rc_getg(), m, false, pc);
}

bool rc_mutex_trylock(rc_mutex *m)
{
    RC_SCHED_POINT();
    if (!rc_mutex_trylock_nohook(m))
        return false;
    RC_HOOK(mutex_lock, rc_getg(), m, true, RC_CALLER_PC());
    return true;
}

void rc_mutex_unlock(rc_mutex *m)
{
    RC_SCHED_POINT();
    RC_HOOK(mutex_unlock, rc_getg(), m, RC_CALLER_PC());
    rc_mutex_unlock_nohook(m);
}
