/*
 * control.h: controlled scheduling (RCSCHED=S; docs/EXPLORE.md).
 *
 * In controlled mode one processor runs goroutines one at a time, and every choice of
 * which goroutine runs next comes from a strategy seeded by S alone: the same binary,
 * input and S give the same schedule. The set of runnable goroutines lives here (not in
 * the per-P run queues); rc_ready, rc_yield, park and spawn route to it. Time is
 * virtual: rc_now reads a clock that only moves when a timer fires, and timers fire on
 * the scheduling M (no timer thread) when nothing else can run, or when the strategy
 * decides that the clock moves now (a real clock may advance by any amount between two
 * steps).
 *
 * Scheduling points: RC_SCHED_POINT() at the start of every runtime operation (sync
 * points), and every instrumented memory access (access points: race/access.c calls
 * rc_ctl_access_point). A point is a no-op off a goroutine (g0 firing timers, foreign
 * threads) and inside rc_blocking_begin/end. A point must never be reached while a
 * runtime lock is held: the goroutine could be switched away with it held, and on one
 * thread nothing would ever release it. So points sit in the public entry points only,
 * and the runtime's internal calls under locks use variants without a point.
 *
 * Normal runs pay one predicted branch on rc_ctl_on where a point sits.
 */
#ifndef RC_CONTROL_H
#define RC_CONTROL_H

#include "sched.h"

#include <stdbool.h>
#include <stdint.h>

/* Set once at start-up, before any goroutine but main exists; never changes. */
extern bool rc_ctl_on;

#define RC_SCHED_POINT()                                                               \
    do {                                                                               \
        if (__builtin_expect(rc_ctl_on, 0))                                            \
            rc_ctl_point();                                                            \
    } while (0)

/* Start-up (core/env.c read RCSCHED): decodes the seed, enters controlled mode. */
void rc_ctl_init(uint64_t seed, rc_g *main_g);

void rc_ctl_point(void);          /* a sync point (RC_SCHED_POINT) */
void rc_ctl_access_point(void);   /* an instrumented access or loop poll */
void rc_ctl_yield(void);          /* rc_yield: the caller gives way */
void rc_ctl_created(rc_g *g);     /* rc_spawn: a new goroutine (its PCT priority) */
void rc_ctl_spawned(rc_g *child); /* rc_spawn on a goroutine, child already runnable */

/* The scheduler's side (proc.c). */
void   rc_ctl_put(rc_g *g);       /* g became runnable (any thread; status already set) */
size_t rc_ctl_nrunnable(void);
/* cur (running) stops: parks, exits or (cur_runnable) yields and is already back in
 * the set. Returns the goroutine to switch to, or NULL to go through g0 (nothing
 * runnable, or the clock moves first). Never returns cur. */
rc_g  *rc_ctl_next(rc_g *cur);
/* On g0: fires timers as decided and picks the next goroutine; NULL when nothing can
 * run now (all blocked; goroutines in system calls may still come back). */
rc_g  *rc_ctl_findrunnable(void);
/* rc_blocking_begin / end (counts goroutines in system calls: the clock does not move
 * while one may still come back, as in Go's synctest). */
void   rc_ctl_syscall(int delta);

/* Exit (race/leak.c): instead of a grace period in real time, lets the other goroutines
 * run until all of them are blocked (timers due within RC_CTL_EXIT_GRACE_NS of virtual
 * time fire) or RC_CTL_EXIT_STEPS scheduling points have passed. */
#define RC_CTL_EXIT_GRACE_NS (200 * 1000000LL)
#define RC_CTL_EXIT_STEPS    (1u << 20)
void rc_ctl_exit_drain(void);

/* The virtual clock (time/timer.c's rc_now in controlled mode). */
int64_t rc_ctl_now(void);
void    rc_ctl_set_now(int64_t t);

#endif
