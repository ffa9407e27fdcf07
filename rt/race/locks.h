/*
 * locks.h: what the detector knows about mutexes, for deadlock detection.
 *
 * A lock record per Mutex or RWMutex that was ever locked (locks.c), keyed by
 * address, says who can let a waiter in:
 *   x        the goroutine holding Lock, or, for an RWMutex, the writer that took the
 *            writers' mutex and now waits for the readers to leave (x_owns false);
 *            new readers queue behind it (Go's RWMutex prefers writers);
 *   readers  the goroutines holding RLock (up to RC_LOCK_READERS are named).
 * Each is recorded with where it acquired the mutex (slot, epoch of its trace event,
 * pc), so a report can restore that stack. Records are exact in one direction: a
 * holder is recorded only between its acquisition and its release, so a recorded
 * holder does hold the mutex. Hence a cycle of goroutines each waiting for a mutex
 * the next one holds is a deadlock (locks.c), never a guess.
 *
 * A mutex unlocked by a goroutine that did not lock it (legal in Go: a mutex used as
 * a semaphore) is marked handoff and left out of both analyses: whoever holds it,
 * somebody else may release it. Before its first unlock a mutex could still turn out
 * to be one: a cycle through it is reported once it has stood for a second, or once it
 * cannot be undone (every goroutine asleep, exit, timeout: rc_race_deadlock_scan),
 * not at once (locks.c).
 *
 * The lock-order graph (lockorder.c) lives on the same records: an edge A -> B for
 * each B acquired while holding A.
 *
 * The table of records, the graph, the readers of an RWMutex and the goroutines'
 * lk_* fields (race.h) are guarded by rc_locks_lock. A Mutex's holder fields (x,
 * x_owns, wlocked, handoff, disciplined) are not: they are written only by the
 * goroutine that holds the mutex (after it acquires it, before it releases it), so
 * the mutex itself serialises the writers, and written and read with relaxed atomic
 * accesses. That lets the common Lock and Unlock (no wait, no other mutex held, a
 * record this goroutine already looked up: rc_rg's lk_cache) skip rc_locks_lock;
 * see locks.c for why a search under the lock still reads a consistent cycle.
 * Lock order: rc_locks_lock -> rg->trace_lock; rc_out_lock is never taken under it
 * (reports are collected under it and written after).
 */
#ifndef RC_RACE_LOCKS_H
#define RC_RACE_LOCKS_H

#include "race.h"
#include "report.h"

#include <uthash.h>

#define RC_LOCK_READERS 16
#define RC_LOCK_CYCLE   16    /* longest deadlock or lock-order cycle looked for */
#define RC_LOCK_STACK   32    /* frames kept per stack in a lock-order edge */

/* A goroutine holding a mutex, and where it took it. goid 0: nobody. */
typedef struct rc_lockholder {
    int64_t   goid;
    unsigned  sid;
    uint64_t  epoch;
    uintptr_t pc;
} rc_lockholder;

typedef struct rc_lockedge rc_lockedge;

typedef struct rc_lockrec {
    uintptr_t     addr;
    rc_lockholder x;
    bool          x_owns;       /* x holds it (else: x is a writer waiting for readers) */
    bool          handoff;      /* unlocked by a goroutine that did not lock it */
    bool          disciplined;  /* unlocked by its holder before: used as a lock */
    bool          wlocked;      /* ever write-locked (a pure read-lock cycle is no bug) */
    uint8_t       nreaders;
    uint32_t      readers_total; /* named or not */
    rc_lockholder readers[RC_LOCK_READERS];
    int64_t       stack_goid;   /* lives on this goroutine's stack (0: elsewhere) */

    /* lockorder.c */
    rc_lockedge  *out;          /* edges to mutexes taken while holding this one */
    uint32_t      nout, capout;
    struct rc_lockrec **in;     /* records with an edge to this one */
    uint32_t      nin, capin;

    UT_hash_handle hh;
} rc_lockrec;

extern _Atomic uint32_t rc_locks_lock;

/* A holder field, read or written where its mutex's holder may write it too. */
#define RC_LK_LOAD(f)     __atomic_load_n(&(f), __ATOMIC_RELAXED)
#define RC_LK_STORE(f, v) __atomic_store_n(&(f), (v), __ATOMIC_RELAXED)

/* The record of mutex a (rc_locks_lock held); NULL if none and !create. */
rc_lockrec *rc_lockrec_get(uintptr_t a, bool create);
/* Whether goroutine goid holds r (as x or a reader); if so *out is its entry. */
bool rc_lockrec_holder(const rc_lockrec *r, int64_t goid, rc_lockholder *out, bool *reader);
/* The current stack of a goroutine that is stopped in a runtime call made at pc (or
 * is the caller): pc, then its shadow stack, innermost first. */
int rc_locks_stack_now(const rc_rg *rg, uintptr_t pc, uintptr_t *out, int max);
/* Where holder h acquired the mutex (its trace event), innermost first; just h->pc if
 * the trace no longer has it. rg: the holder's state. */
int rc_locks_stack_at(rc_rg *rg, const rc_lockholder *h, uintptr_t *out, int max);

/* deadlock_report.c: a cycle of n waiters (path[i] waits for what path[i + 1] holds),
 * collected with rc_locks_lock held (marks them reported), then written without it. */
struct rc_deadlock_raw;
struct rc_deadlock_raw *rc_deadlock_collect(rc_rg **path, int n);
void rc_deadlock_report(struct rc_deadlock_raw *raw);

/* lockorder.c: the held locks of rg gained r (write: Lock). Adds the edges from the
 * ones it already held; returns a collected inversion report to write once
 * rc_locks_lock is released (rc_lockorder_report), or NULL. */
struct rc_lockorder_raw;
struct rc_lockorder_raw *rc_lockorder_add(rc_rg *rg, rc_lockrec *r, bool write, uintptr_t pc);
void rc_lockorder_report(struct rc_lockorder_raw *raw);
/* Removes r's edges (its memory is freed). */
void rc_lockorder_forget(rc_lockrec *r);

/* The mutexes' names for a report: "Mutex M1 is global 'mu' at 0x..." (report.c). */
void rc_report_mutex(rc_rmutex_info *m, uintptr_t addr);

#endif
