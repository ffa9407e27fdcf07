/*
 * hooks.h: the one interface through which the runtime tells a detector what
 * synchronises with what. Primitives call RC_HOOK(name, ...) at the points below; with
 * no detector linked, rc_hooks is NULL and each hook costs one predicted branch.
 *
 * Sync objects are identified by address. The edges follow the Go memory model:
 *   release(g, obj) ... acquire(g2, obj)  => everything g did before the release
 *                                           happens before what g2 does after.
 *   release_merge adds g's clock to obj without replacing it (RUnlock, WaitGroup.Done),
 *   release replaces obj's clock with g's (Unlock). Channels have their own hook,
 *   chan_sync, whose clocks the detector keeps with the channel (no lookup by address).
 *
 * Who calls what:
 *   go_create   rc_spawn, in the parent, before the child can run (go statement edge);
 *               parent is NULL when the timer thread starts it (AfterFunc). It may
 *               leave the child a record in the top RC_G_BIRTH bytes of its stack
 *               (sched.h), for go_start to read
 *   go_start    first thing in the child; go_exit when it ends (no edge)
 *   block / unblock   by the goroutine itself when it stops running (every park, with
 *               the wait reason and the lock passed to rc_park; rc_yield, with
 *               RC_WAIT_NONE) and when it runs again
 *   access      memory the runtime reads or writes for the user: a send reads the
 *               value sent, a receive writes the destination (pc: the user's call)
 *   chan:  a send reads the channel, close writes it (as Go's c.raceaddr()), so an
 *          unordered send and close race; a value passing through the buffer or handed
 *          off: chan_sync (below); close: release(chan); a receive that sees closed:
 *          acquire(chan)
 *   Mutex: lock -> mutex_lock; unlock -> mutex_unlock (one call each, the hot path:
 *          see there); a Lock that cannot take the mutex at once calls mutex_wait first
 *          (deadlock detection: the goroutine waits for whoever holds it)
 *   RWMutex: rlock -> acquire(rw); runlock -> release_merge(rw.readers); lock ->
 *          acquire(rw) + acquire(rw.readers); unlock -> release(rw)
 *   WaitGroup: add/done -> release_merge(wg); wait returning -> acquire(wg)
 *   Once: f returned -> release(o); every Do returning -> acquire(o)
 *   Cond: signal/broadcast -> release(c); woken wait -> acquire(c)
 *   timers: arming -> release(t); firing (send, AfterFunc goroutine) -> acquire(t)
 *   context: cancel -> release(ctx) before closing done (the close edge covers Done)
 */
#ifndef RC_HOOKS_H
#define RC_HOOKS_H

#include "sched/sched.h"

typedef struct rc_hooks {
    void (*go_create)(rc_g *parent, rc_g *child, uintptr_t pc);
    void (*go_start)(rc_g *g);
    void (*go_exit)(rc_g *g);
    void (*acquire)(rc_g *g, const void *obj);
    void (*release)(rc_g *g, const void *obj);
    void (*release_merge)(rc_g *g, const void *obj);
    void (*access)(rc_g *g, const void *addr, size_t n, bool write, uintptr_t pc);
    void (*block)(rc_g *g, rc_wait_reason r, const void *obj);
    void (*unblock)(rc_g *g);
    /* Lock bookkeeping for lock-order and wait-for analysis (after acquisition /
     * before release). write: Lock vs RLock; pc: the user's call. */
    void (*mutex_locked)(rc_g *g, const void *m, bool write, bool try_, uintptr_t pc);
    void (*mutex_unlocked)(rc_g *g, const void *m, bool write);
    /* A Mutex (rc_mutex) was locked by g: acquire(m), then a read of its state word
     * (the 4 bytes at m: overwriting a mutex in use races), then mutex_locked(m, true).
     * mutex_unlock, before g unlocks it: the read, release(m), mutex_unlocked(m, true).
     * g is the running goroutine; pc the user's call. */
    void (*mutex_lock)(rc_g *g, const void *m, bool try_, uintptr_t pc);
    void (*mutex_unlock)(rc_g *g, const void *m, uintptr_t pc);
    /* g cannot proceed until it gets m, for the reason w (below): from the failed
     * fast path until mutex_locked. */
    void (*mutex_wait)(rc_g *g, const void *m, int w, uintptr_t pc);
    /* Channels, under the channel's lock. chan_sync, buffered (nslots > 0): a value
     * passes through slot i of nslots (the k-th receive and the (k+cap)-th send meet
     * at slot k % cap; all slots are one when elements have no size); g (the running
     * goroutine), then other (the parked goroutine at the other end, or NULL) acquire
     * and then release the slot (Go's racenotify). nslots == 0: an unbuffered hand-off, g and other each
     * happen before the other's completion. *state is the detector's, NULL at first,
     * guarded by the channel's lock; chan_free(state) when the channel is freed with
     * a state that is not NULL. */
    void (*chan_sync)(rc_g *g, rc_g *other, void **state, size_t nslots, size_t i);
    void (*chan_free)(void *state);
    /* Diagnostics, not synchronisation (rt/diag asks; hang.c, race.c answer).
     * creation_stack: g's creation stack, innermost first (the go statement, then its
     * creator's callers), into pcs; returns the depth, 0 if unknown.
     * all_asleep: the runtime is dying of "all goroutines are asleep" and has printed
     * its dump (rc_out_lock held, nothing runs): the detector's own report of it.
     * panic: likewise for every other panic and fatal error (race/crash.c). */
    int  (*creation_stack)(const rc_g *g, uintptr_t *pcs, int max);
    void (*all_asleep)(const char *msg);
    /* A panic or fatal error (not all-asleep) was printed, text as printed, pcs the
     * stack of the goroutine that died (n = 0: none); rc_out_lock held, the process
     * dies right after. */
    void (*panic)(const char *msg, bool fatal, const char *text, size_t len,
                  const uintptr_t *pcs, int n);
    /* The runtime is about to die of "all goroutines are asleep" (rc_out_lock not
     * held, nothing runs): the detector reports the deadlock cycles among them. */
    void (*before_all_asleep)(void);
    /* Reachability scans (race/reach.c). sched_idle: the last P went idle (no
     * goroutine runs or is queued; timers or system calls may still wake some), called
     * under sched.lock: it must only signal. syscall_enter: g in rc_blocking_begin,
     * before it counts as in a system call; syscall_exit: g in rc_blocking_end, once
     * it runs again (may wait there while a scan holds the world). */
    void (*sched_idle)(void);
    void (*syscall_enter)(rc_g *g);
    void (*syscall_exit)(rc_g *g);
} rc_hooks;

/* What a goroutine in mutex_wait waits for (who can let it in). */
enum {
    RC_LOCKWAIT_MUTEX,       /* Mutex.Lock: the holder */
    RC_LOCKWAIT_RW_WRITER,   /* RWMutex.Lock: the writer that holds or is taking it */
    RC_LOCKWAIT_RW_READERS,  /* RWMutex.Lock, the writer's turn: the readers inside */
    RC_LOCKWAIT_RW_READER,   /* RWMutex.RLock: the writer that holds or is taking it */
};

extern const rc_hooks *rc_hooks_active;

/* All NULL: controlled mode without a detector installs it, so that racecheck.h's inline
 * Mutex fast paths (which test rc_hooks_active) call the functions that hold
 * scheduling points. */
extern const rc_hooks rc_hooks_none;

/* A detector is linked (not just rc_hooks_none). */
static inline bool rc_detector_on(void)
{
    const rc_hooks *h = rc_hooks_active;
    return h != NULL && h != &rc_hooks_none;
}

#define RC_HOOK(name, ...)                                              \
    do {                                                                \
        const rc_hooks *h_ = rc_hooks_active;                           \
        if (__builtin_expect(h_ != NULL, 0) && h_->name)                \
            h_->name(__VA_ARGS__);                                      \
    } while (0)

#endif
