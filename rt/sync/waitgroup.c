/*
 * waitgroup.c: sync.WaitGroup, after Go's sync/waitgroup.go (plus Go 1.25's wg.Go).
 *
 * state = counter << 32 | waiters, updated atomically as one word. Waiters are counted
 * only while counter > 0; the Add that brings counter to zero with waiters present
 * resets state to 0 and releases the semaphore once per waiter. Between those two
 * steps nobody may touch the WaitGroup (Go's misuse rules), which the checks below
 * detect on a best-effort basis, with Go's messages.
 *
 * For the detector, as in Go: the Add that raises the counter from zero reads
 * &wg->sema and the first waiter writes it, so an Add not ordered before a concurrent
 * Wait is reported as a data race on the WaitGroup (scenario M5).
 */
#include "sync.h"
#include "../sched/control.h"
#include "../diag/panic.h"
#include "../hooks.h"

void rc_waitgroup_add(rc_waitgroup *wg, int delta)
{
    RC_SCHED_POINT();
    if (delta < 0)
        RC_HOOK(release_merge, rc_getg(), wg); /* Done happens before Wait returns */
    uint64_t state = atomic_fetch_add(&wg->state, (uint64_t)(int64_t)delta << 32) +
                     ((uint64_t)(int64_t)delta << 32);
    int32_t v = (int32_t)(state >> 32);
    uint32_t w = (uint32_t)state;
    if (delta > 0 && v == delta)
        RC_HOOK(access, rc_getg(), &wg->sema, 1, false, RC_CALLER_PC());
    if (v < 0)
        rc_panic_msg("sync: negative WaitGroup counter");
    if (w != 0 && delta > 0 && v == delta)
        rc_panic_msg("sync: WaitGroup misuse: Add called concurrently with Wait");
    if (v > 0 || w == 0)
        return;
    /* counter reached 0 with waiters: state cannot change now unless misused */
    if (atomic_load_explicit(&wg->state, memory_order_relaxed) != state)
        rc_panic_msg("sync: WaitGroup misuse: Add called concurrently with Wait");
    atomic_store_explicit(&wg->state, 0, memory_order_relaxed);
    for (; w != 0; w--)
        rc_sema_release(&wg->sema, false);
}

void rc_waitgroup_done(rc_waitgroup *wg)
{
    rc_waitgroup_add(wg, -1);
}

void rc_waitgroup_wait(rc_waitgroup *wg)
{
    RC_SCHED_POINT();
    uint64_t state = atomic_load(&wg->state);
    for (;;) {
        if ((int32_t)(state >> 32) == 0)
            break;
        if (atomic_compare_exchange_weak(&wg->state, &state, state + 1)) {
            if ((uint32_t)state == 0)
                RC_HOOK(access, rc_getg(), &wg->sema, 1, true,
                        RC_CALLER_PC());
            rc_sema_acquire(&wg->sema, false, RC_WAIT_WAITGROUP_WAIT);
            if (atomic_load_explicit(&wg->state, memory_order_relaxed) != 0)
                rc_panic_msg("sync: WaitGroup is reused before previous Wait has returned");
            break;
        }
    }
    RC_HOOK(acquire, rc_getg(), wg);
}

/* ---- wg.Go -------------------------------------------------------------------------- */

typedef struct {
    rc_waitgroup *wg;
    rc_func       fn;
    void         *arg;
} go_args;

static void go_body(void *p)
{
    go_args *a = p; /* a copy on this goroutine's stack */
    a->fn(a->arg);
    rc_waitgroup_done(a->wg);
}

void rc_waitgroup_go(rc_waitgroup *wg, rc_func fn, void *arg)
{
    RC_SCHED_POINT();
    rc_waitgroup_add(wg, 1);
    go_args a = { wg, fn, arg };
    rc_spawn(go_body, NULL, &a, sizeof a, RC_CALLER_PC());
}
