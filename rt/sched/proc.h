/*
 * proc.h: the scheduler's global state, shared by the files of sched/ only.
 */
#ifndef RC_PROC_H
#define RC_PROC_H

#include "sched.h"

#define RC_MAX_PROCS 1024

/* sched.lock guards: the idle P and M lists, the global run queue, M creation,
 * processor count changes, and checkdead's view of all of them. */
void rc_sched_lock(void);
void rc_sched_unlock(void);
int  rc_sched_nprocs(void);
rc_p *rc_sched_p(int i);          /* allp[i], or NULL */

/* Controlled mode (control.c): the running goroutine, already back in the runnable
 * set, switches to next (NULL: through g0). */
void rc_sched_ctl_switch(rc_g *next);

/* Goroutine lifecycle (goroutine.c), called by proc.c on g0. */
void rc_gfree_put(rc_p *p, rc_g *g);   /* recycle a dead goroutine */
void rc_goroutines_init(rc_m *m0);     /* creates goroutine 1 for main */

/* Live goroutines (not dead): the sum of every P's count and the off-P one. Exact
 * when no P runs (rc_checkdead); otherwise a moment's approximation, as Go's
 * NumGoroutine. */
int rc_goroutine_count(void);
/* Whether main has called rc_goexit. */
extern _Atomic bool rc_main_exited;

/* Signal handling per thread (diag/signal.c). */
void rc_signal_init(void);
void rc_signal_init_thread(rc_m *m);

#endif
