/*
 * race.h: the detector's per-goroutine state and its internal interface.
 *
 * Each goroutine under detection has an rc_rg: a detector id (tid, a small integer
 * reused after a quarantine), its vector clock, its shadow stack (the call sites
 * pushed by __rc_func_entry), and its trace: the recent events (accesses, function
 * entries and exits), one per epoch. A shadow cell names an access by (tid, epoch);
 * replaying the trace up to that epoch restores the access's exact stack, so a race
 * report shows both stacks in full without storing a stack per access.
 *
 * Threading: an rc_rg is written only by its own goroutine, except that hooks called
 * on a parked goroutine's behalf (a channel hand-off) touch its clock while it cannot
 * run. The trace lock serialises part recycling with replay by a reporter.
 */
#ifndef RC_RACE_H
#define RC_RACE_H

#include "clock.h"
#include "../sched/sched.h"

#include <stdbool.h>
#include <stdint.h>

#define RC_TRACE_PART_EVENTS 2048u

/* Trace events: 2 type bits over a 62-bit pc. */
enum { RC_EV_ACCESS = 0, RC_EV_ENTRY = 1, RC_EV_EXIT = 2, RC_EV_SYNC = 3 };
#define RC_EV(type, pc) (((uint64_t)(type) << 62) | ((uint64_t)(pc) & (((uint64_t)1 << 62) - 1)))

typedef struct rc_trace_part {
    uint64_t   epoch0;          /* epoch of the first event */
    uint32_t   depth;           /* shadow stack at the part's start */
    uintptr_t *stack;
    uint64_t   ev[RC_TRACE_PART_EVENTS];
} rc_trace_part;

typedef struct rc_rg {
    unsigned   tid;
    uint64_t   epoch;           /* == vc[tid]: our clock, one tick per event */
    rc_vc      vc;
    int64_t    goid;
    bool       is_main;
    _Atomic bool finished;
    int        ignore;          /* > 0: accesses not checked (runtime internals) */

    uintptr_t  min_frame;       /* deepest frame address seen at function entry */
    uintptr_t *stk;             /* shadow stack of call sites, outermost first */
    uint32_t   depth, cap;

    _Atomic uint32_t trace_lock;
    rc_trace_part **parts;      /* ring of nparts parts */
    uint32_t   nparts, cur;     /* cur: the part being filled */
    uint32_t   pos;             /* next event index in parts[cur] */

    uintptr_t *create_stk;      /* where it was created (innermost first) */
    uint32_t   create_depth;
} rc_rg;

extern __thread rc_m *rc_tls_m;

static inline rc_rg *rc_race_cur(void)
{
    rc_m *m = rc_tls_m;
    return m && m->curg ? (rc_rg *)m->curg->race : NULL;
}

/* trace.c */
void rc_trace_init(rc_rg *rg);
void rc_trace_free(rc_rg *rg);
void rc_trace_new_part(rc_rg *rg);
/* Appends an event and returns its epoch. */
static inline uint64_t rc_trace_event(rc_rg *rg, uint64_t ev)
{
    if (__builtin_expect(rg->pos == RC_TRACE_PART_EVENTS, 0))
        rc_trace_new_part(rg);
    rg->parts[rg->cur]->ev[rg->pos++] = ev;
    return ++rg->epoch;
}
/* Restores the stack of the access at epoch into out (innermost first); returns the
 * depth, or 0 if the trace no longer holds it. */
int rc_trace_restore(rc_rg *rg, uint64_t epoch, uintptr_t *out, int max);

/* race.c */
rc_rg *rc_race_tid(unsigned tid);       /* the goroutine (maybe finished) with tid */
extern int rc_race_history_parts;

/* report.c */
void rc_race_report(rc_rg *cur, uintptr_t addr, uint64_t cur_cell, uintptr_t pc, uint64_t old_cell);
void rc_race_options_init(void);
void rc_race_fini(int status);

#endif
