/*
 * plock.h: a lock owned by one thread at a time (the thread holding a P) that others
 * take seldom: the detector's per-P caches, which their P uses at every goroutine
 * start and exit and another thread only to drain them or to hold them still for a
 * report.
 *
 * The owner enters with a plain store of its flag and a load of the lock word, and
 * leaves with a plain store: no atomic read-modify-write, whose full barrier waited
 * for every store before it (bench/race spawn, 2 Ps: each such lock was 1.5-5% of
 * the time). Another thread takes the lock word with an exchange, fences with
 * rc_asym_heavy (asym.h: Dekker's two flags, the fence paid by the rare side), then
 * waits for the owner to leave. An owner that finds the lock word taken clears its
 * flag and takes the word like anyone else. Owner data written inside is published
 * by the release store that leaves, foreign data by the lock word's release.
 *
 * Ownership passes with the P, which synchronises; one owner at a time is the
 * caller's promise. Taking several plocks: take each word (rc_plock_grab), fence
 * once, then wait for each owner (rc_plock_wait_owner).
 */
#ifndef RC_PLOCK_H
#define RC_PLOCK_H

#include "asym.h"
#include "spin.h"

typedef struct rc_plock {
    _Atomic uint32_t owner_in; /* the owner is inside, on the fast path */
    _Atomic uint32_t word;     /* held by a foreign thread, or by the owner's slow path */
} rc_plock;

/* The owner's entry; returns what rc_plock_owner_leave needs back. */
static inline bool rc_plock_owner_enter(rc_plock *l)
{
    atomic_store_explicit(&l->owner_in, 1, memory_order_relaxed);
    rc_asym_light();
    if (__builtin_expect(!atomic_load_explicit(&l->word, memory_order_acquire), 1))
        return true;
    atomic_store_explicit(&l->owner_in, 0, memory_order_release);
    rc_spin_lock(&l->word);
    return false;
}

static inline void rc_plock_owner_leave(rc_plock *l, bool fast)
{
    if (fast)
        atomic_store_explicit(&l->owner_in, 0, memory_order_release);
    else
        rc_spin_unlock(&l->word);
}

static inline void rc_plock_grab(rc_plock *l) { rc_spin_lock(&l->word); }

static inline void rc_plock_wait_owner(rc_plock *l)
{
    for (unsigned spins = 0; atomic_load_explicit(&l->owner_in, memory_order_acquire); spins++)
        rc_spin_wait(spins);
}

/* A foreign thread's whole lock (one plock). */
static inline void rc_plock_lock(rc_plock *l)
{
    rc_plock_grab(l);
    rc_asym_heavy();
    rc_plock_wait_owner(l);
}

static inline void rc_plock_unlock(rc_plock *l) { rc_spin_unlock(&l->word); }

#endif
