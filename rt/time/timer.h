/*
 * timer.h: the timer core. Every sleep, Timer, Ticker, AfterFunc and context deadline
 * is an rc_tnode in one min-heap, fired by one timer thread (not an M: it never runs
 * goroutines, it only makes them runnable, sends on timer channels without blocking,
 * or spawns AfterFunc goroutines).
 *
 * A node's fire function runs on the timer thread without the heap lock held, so it
 * may call into the scheduler. While a node fires it is "in flight": rc_timers_pending
 * counts it, so checkdead cannot see an empty heap between the pop and the wake-up.
 * rc_tnode_del waits for an in-flight fire of that node to finish, so the caller may
 * free the node when it returns. The core never touches a node after its fire has
 * returned, so a one-shot node's fire may free it (or wake its owner, who frees it).
 */
#ifndef RC_TIMER_H
#define RC_TIMER_H

#include <stdbool.h>
#include <stdint.h>

typedef struct rc_tnode rc_tnode;
struct rc_tnode {
    int64_t when;     /* rc_now() deadline */
    int64_t period;   /* > 0: re-armed every period after firing (tickers) */
    void  (*fire)(rc_tnode *t, int64_t now);
    void   *arg;
    int     idx;      /* heap index, -1 when not armed */
};

void rc_tnode_init(rc_tnode *t, void (*fire)(rc_tnode *, int64_t), void *arg);
void rc_tnode_add(rc_tnode *t, int64_t when, int64_t period);  /* t must be unarmed */
bool rc_tnode_del(rc_tnode *t);   /* true if it was armed (a fire was prevented) */
/* del + add in one step; returns whether it was armed */
bool rc_tnode_reset(rc_tnode *t, int64_t when, int64_t period);

/* Controlled mode (sched/control.c): the earliest deadline (INT64_MAX: none), and
 * firing the earliest node on the calling thread if its deadline is <= limit, the
 * virtual clock first moved to that deadline (never back). */
int64_t rc_timers_next(void);
bool    rc_timers_fire_next(int64_t limit);

/* Holds the timer thread still (no node is popped or fired) while the detector scans
 * memory (race/reach.c): false, and nothing held, if a fire is in flight. */
bool rc_timers_freeze(void);
void rc_timers_thaw(void);

#endif
