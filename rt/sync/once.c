/*
 * once.c: sync.Once, after Go's sync/once.go. done is set, with release order, only
 * after fn returned, so the fast path (one acquire load seeing done) also sees fn's
 * effects. The mutex serialises the slow path: late callers wait there until fn
 * returned. A fn that never returns (exit, rc_goexit) leaves the Once locked.
 */
#include "sync.h"
#include "../sched/control.h"
#include "../hooks.h"

static void do_slow(rc_once *o, rc_func fn, void *arg)
{
    rc_mutex_lock_nohook(&o->m);
    if (!atomic_load_explicit(&o->done, memory_order_relaxed)) {
        fn(arg);
        RC_HOOK(release, rc_getg(), o);
        atomic_store_explicit(&o->done, 1, memory_order_release);
    }
    rc_mutex_unlock_nohook(&o->m);
}

void rc_once_do(rc_once *o, rc_func fn, void *arg)
{
    RC_SCHED_POINT();
    if (!atomic_load_explicit(&o->done, memory_order_acquire))
        do_slow(o, fn, arg);
    RC_HOOK(acquire, rc_getg(), o);
}
