/*
 * ticker.c: time.Ticker. A periodic timer node (the core re-arms it every period and
 * collapses missed periods into one fire) whose fire does a non-blocking send of the
 * tick time on a channel of capacity 1: at most one tick waits, the others are dropped,
 * so a slow reader sees fewer ticks than periods elapsed, as in Go.
 *
 * Lifetime: the caller owns the ticker; rc_ticker_free stops it, waits for an in-flight
 * fire and drops the ticker's reference to its channel. Stop does not close or drain
 * the channel (Go neither).
 */
#include "timer.h"
#include "timers.h"
#include "../diag/panic.h"
#include "../sched/control.h"
#include "../hooks.h"
#include "racecheck.h"

#include <stdlib.h>

struct rc_ticker {
    rc_tnode node;
    rc_chan *c;
};

static void tick(rc_tnode *n, int64_t now)
{
    rc_ticker *t = n->arg;
    rc_timer_deliver(t->c, now, t); /* a tick is already waiting: drop this one */
}

static void arm(rc_ticker *t, rc_duration period)
{
    RC_HOOK(release, rc_getg(), t);
    rc_tnode_reset(&t->node, rc_now() + period, period);
}

rc_ticker *rc_ticker_new(rc_duration period)
{
    RC_SCHED_POINT();
    if (period <= 0)
        rc_panic_msg("non-positive interval for NewTicker");
    rc_ticker *t = calloc(1, sizeof *t);
    if (!t)
        rc_panic_msg("NewTicker: out of memory");
    t->c = rc_chan_make(sizeof(int64_t), 1);
    rc_tnode_init(&t->node, tick, t);
    arm(t, period);
    return t;
}

rc_chan *rc_ticker_chan(rc_ticker *t) { return t->c; }

void rc_ticker_stop(rc_ticker *t)
{
    RC_SCHED_POINT();
    rc_tnode_del(&t->node);
}

/* Stops the ticker and restarts it with the new period (a stopped ticker starts). */
void rc_ticker_reset(rc_ticker *t, rc_duration period)
{
    RC_SCHED_POINT();
    if (period <= 0)
        rc_panic_msg("non-positive interval for Ticker.Reset");
    arm(t, period);
}

void rc_ticker_free(rc_ticker *t)
{
    RC_SCHED_POINT();
    if (!t)
        return;
    rc_tnode_del(&t->node);
    rc_chan_release(t->c);
    free(t);
}
