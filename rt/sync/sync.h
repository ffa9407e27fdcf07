/*
 * sync.h: what the files of sync/ share. The semaphore every sync type parks on, the
 * waiter record it queues, and the mutex without detector hooks that RWMutex and Once
 * use internally (Go hides those inner events from the race detector too).
 */
#ifndef RC_SYNC_H
#define RC_SYNC_H

#include "racecheck.h"
#include "../sched/sched.h"

/* A parked goroutine, on its own stack for the duration of the wait. Queued under the
 * owning object's lock; once dequeued it belongs to the waker until rc_ready, after
 * which the waker must not touch it. */
typedef struct rc_waiter {
    rc_g             *g;
    struct rc_waiter *next;
    uint32_t          ticket; /* sema: 1 = the count was handed over; cond: its ticket */
} rc_waiter;

/* Go's semacquire1: takes one unit of s->count, parking (FIFO, or at the head if lifo)
 * while it is zero. reason is what goroutine dumps show. */
void rc_sema_acquire(rc_sema *s, bool lifo, rc_wait_reason reason);
/* Go's semrelease1: adds one unit and wakes the first waiter. With handoff the unit
 * goes straight to that waiter, and the caller yields so it runs at once. */
void rc_sema_release(rc_sema *s, bool handoff);

/* Mutex state bits shared by mutex.c and bias.c (the others are mutex.c's). */
#define RC_MUTEX_LOCKED 1
#define RC_MUTEX_BIASED 0x40000000 /* biased to a thread (bias.c); waiters fit below */

/* Returns once m is a plain Go mutex, revoking its bias if it has one, and marks it
 * never to be biased again. For every slow path. */
void rc_mutex_unbias(rc_mutex *m);
/* For tests: can this thread own a bias (bias.c's requirements), and how many biases
 * have been revoked so far. */
bool rc_mutex_bias_supported(void);
uint64_t rc_mutex_bias_revocations(void);

/* Mutex lock/unlock without detector hooks. */
void rc_mutex_lock_nohook(rc_mutex *m);
void rc_mutex_unlock_nohook(rc_mutex *m);
bool rc_mutex_trylock_nohook(rc_mutex *m);
/* Lock without acquire/locked hooks, but telling a detector when it must wait, and for
 * what (RC_LOCKWAIT_*, hooks.h); pc is the user's call. */
void rc_mutex_lock_waiting(rc_mutex *m, int why, uintptr_t pc);

#endif
