/*
 * timers.c: time.Timer, time.AfterFunc and time.After on top of the timer core
 * (timer.h), with Go 1.22-and-earlier channel semantics.
 *
 * A channel timer owns a channel of capacity 1. Its fire does a non-blocking send of the
 * firing time: if the previous value was never drained, the new one is dropped and the
 * stale one stays, and neither Stop nor Reset drains it (as Go up to 1.22).
 *
 * Fires run on the timer thread, which is not a goroutine: they only send without
 * blocking (rc_timer_deliver) or spawn a goroutine (AfterFunc).
 *
 * Lifetimes:
 *   rc_timer   owned by the caller; rc_timer_free stops it, waits for an in-flight fire
 *              (rc_tnode_del does) and drops the timer's reference to its channel.
 *              Goroutines still blocked on t->C hold their own channel references.
 *   AfterFunc  the spawned goroutine receives a copy of (fn, arg), so the timer may be
 *              freed while fn runs.
 *   rc_after   the channel starts with two references: the caller's and the runtime's.
 *              The fire sends, drops the runtime's and frees its node, so the caller may
 *              release before or after delivery. Until it fires the node is reachable
 *              only from the timer heap, and it counts as a pending wake-up (as Go's).
 *
 * Detector edges (hooks.h): arming -> release(t); the AfterFunc goroutine, and with a
 * detector the goroutine that delivers a channel timer's value, start with acquire(t).
 */
#include "timer.h"
#include "timers.h"
#include "../diag/panic.h"
#include "../sched/control.h"
#include "../hooks.h"
#include "racecheck.h"

#include <stdlib.h>

struct rc_timer {
    rc_tnode  node;
    rc_chan  *c;          /* t.C; NULL for AfterFunc */
    rc_func   fn;         /* AfterFunc only */
    void     *arg;
    uintptr_t pc;         /* the AfterFunc call site: "created by" in dumps */
};

static void arm(rc_tnode *n, const void *obj, rc_duration d)
{
    RC_HOOK(release, rc_getg(), obj);
    rc_tnode_add(n, rc_now() + d, 0);
}

/* ---- delivery (timers.h) ----------------------------------------------------------- */

typedef struct { rc_chan *c; int64_t now; const void *timer; } delivery;

static void deliver_in_goroutine(void *p)
{
    delivery *d = p;
    RC_HOOK(acquire, rc_getg(), d->timer);
    rc_chan_try_send(d->c, &d->now);
    rc_chan_release(d->c);
}

void rc_timer_deliver(rc_chan *c, int64_t now, const void *obj)
{
    if (__builtin_expect(!rc_detector_on(), 1)) {
        rc_chan_try_send(c, &now); /* full: the stale value stays */
        return;
    }
    delivery d = { rc_chan_retain(c), now, obj };
    rc_spawn(deliver_in_goroutine, NULL, &d, sizeof d, 0);
}

/* ---- channel timers -------------------------------------------------------------- */

static void send_time(rc_tnode *n, int64_t now)
{
    rc_timer *t = n->arg;
    rc_timer_deliver(t->c, now, t);
}

rc_timer *rc_timer_new(rc_duration d)
{
    RC_SCHED_POINT();
    rc_timer *t = calloc(1, sizeof *t);
    if (!t)
        rc_panic_msg("NewTimer: out of memory");
    t->c = rc_chan_make(sizeof(int64_t), 1);
    rc_tnode_init(&t->node, send_time, t);
    arm(&t->node, t, d);
    return t;
}

/* ---- AfterFunc ------------------------------------------------------------------- */

typedef struct { rc_func fn; void *arg; const void *timer; } func_call;

static void run_func(void *p)
{
    func_call *fc = p;
    RC_HOOK(acquire, rc_getg(), fc->timer);
    fc->fn(fc->arg);
}

static void spawn_func(rc_tnode *n, int64_t now)
{
    (void)now;
    rc_timer *t = n->arg;
    func_call fc = { t->fn, t->arg, t };
    rc_spawn(run_func, NULL, &fc, sizeof fc, t->pc);
}

rc_timer *rc_timer_after_func(rc_duration d, rc_func fn, void *arg)
{
    RC_SCHED_POINT();
    rc_timer *t = calloc(1, sizeof *t);
    if (!t)
        rc_panic_msg("AfterFunc: out of memory");
    t->fn = fn;
    t->arg = arg;
    t->pc = RC_CALLER_PC();
    rc_tnode_init(&t->node, spawn_func, t);
    arm(&t->node, t, d);
    return t;
}

/* ---- methods --------------------------------------------------------------------- */

rc_chan *rc_timer_chan(rc_timer *t) { return t->c; }

bool rc_timer_stop(rc_timer *t)
{
    RC_SCHED_POINT();
    return rc_tnode_del(&t->node);
}

bool rc_timer_reset(rc_timer *t, rc_duration d)
{
    RC_SCHED_POINT();
    RC_HOOK(release, rc_getg(), t);
    return rc_tnode_reset(&t->node, rc_now() + d, 0);
}

void rc_timer_free(rc_timer *t)
{
    RC_SCHED_POINT();
    if (!t)
        return;
    rc_tnode_del(&t->node);
    rc_chan_release(t->c);
    free(t);
}

/* ---- time.After ------------------------------------------------------------------- */

typedef struct { rc_tnode node; rc_chan *c; /* the runtime's reference */ } after;

/* The core is done with a one-shot node once its fire returns (timer.h), so the fire
 * frees it. */
static void after_fire(rc_tnode *n, int64_t now)
{
    after *a = n->arg;
    rc_timer_deliver(a->c, now, a);
    rc_chan_release(a->c);
    free(a);
}

rc_chan *rc_after(rc_duration d)
{
    RC_SCHED_POINT();
    after *a = malloc(sizeof *a);
    if (!a)
        rc_panic_msg("After: out of memory");
    rc_chan *c = rc_chan_make(sizeof(int64_t), 1);
    a->c = rc_chan_retain(c);
    rc_tnode_init(&a->node, after_fire, a);
    arm(&a->node, a, d);
    return c;
}
