/*
 * hooks.h: the one interface through which the runtime tells a detector what
 * synchronises with what. Primitives call RC_HOOK(name, ...) at the points below; with
 * no detector linked, rc_hooks is NULL and each hook costs one predicted branch.
 *
 * Sync objects are identified by address. The edges follow the Go memory model:
 *   release(g, obj) ... acquire(g2, obj)  => everything g did before the release
 *                                           happens before what g2 does after.
 *   release_merge adds g's clock to obj without replacing it (RUnlock, WaitGroup.Done),
 *   release replaces obj's clock with g's (Unlock).
 *
 * Who calls what:
 *   go_create   rc_spawn, in the parent, before the child can run (go statement edge);
 *               parent is NULL when the timer thread starts it (AfterFunc)
 *   go_start    first thing in the child; go_exit when it ends (no edge)
 *   block / unblock   by the goroutine itself when it stops running (every park, with
 *               the wait reason and the lock passed to rc_park; rc_yield, with
 *               RC_WAIT_NONE) and when it runs again
 *   access      memory the runtime reads or writes for the user: a send reads the
 *               value sent, a receive writes the destination (pc: the user's call)
 *   chan:  a send reads the channel, close writes it (as Go's c.raceaddr()), so an
 *          unordered send and close race; buffered send/recv: acquire+release on the slot's address;
 *          unbuffered hand-off: both sides release then acquire the channel;
 *          close: release(chan); a receive that sees closed: acquire(chan)
 *   Mutex: lock -> acquire(m) (+ mutex_locked); unlock -> release(m) (+ mutex_unlocked);
 *          both read the mutex word (access), so overwriting a mutex in use races
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
     * before release). write: Lock vs RLock. */
    void (*mutex_locked)(rc_g *g, const void *m, bool write, bool try_);
    void (*mutex_unlocked)(rc_g *g, const void *m, bool write);
} rc_hooks;

extern const rc_hooks *rc_hooks_active;

#define RC_HOOK(name, ...)                                              \
    do {                                                                \
        const rc_hooks *h_ = rc_hooks_active;                           \
        if (__builtin_expect(h_ != NULL, 0) && h_->name)                \
            h_->name(__VA_ARGS__);                                      \
    } while (0)

#endif
