/*
 * race.h: the detector's per-goroutine state and its internal interface.
 *
 * Slots. A shadow cell names an access by (slot id, epoch), not by goroutine: there
 * are RC_NSLOTS slots (slot.c), each with its own epoch counter, and vector clocks
 * have one entry per slot, so clocks stay small however many goroutines exist (1M
 * parked goroutines cost no more clock than 256). A goroutine holds a slot while it
 * runs; its events take the slot's next epochs. When every slot is held, a slot is
 * taken from a goroutine that is not running (parked or runnable, least recently
 * attached first); it attaches a slot again when it next runs. A slot therefore
 * carries the events of several goroutines over time, in epoch ranges recorded in
 * the slot's journal, which is how a report finds the goroutine behind a cell.
 *
 * Clock entry for the slot a goroutine holds: it covers only the slot's previous
 * holders (what we learned of them by synchronising), below attach_epoch, never our
 * own events, which are told apart by epoch >= attach_epoch; releases publish our
 * epoch into the clocks they write.
 * Precision: one number per slot treats the slot's epochs as one timeline, which is
 * exact while a slot has one holder. Once it changes hands, a goroutine that learns
 * a later epoch of the slot (from the new holder, or its own epoch back through a
 * round trip) also orders the earlier holders' accesses before it: races with those
 * are missed. Slots change hands only beyond RC_NSLOTS goroutines, free slots are
 * reused oldest-freed first, and TSan v3 and go -race (Go >= 1.20) share this; never
 * a false report.
 *
 * Each goroutine also has a shadow stack (the call sites pushed by __rc_func_entry)
 * and a trace: its recent events (accesses, function entries and exits), one per
 * epoch, in parts that each start with a copy of the shadow stack. Replaying a part
 * up to an epoch restores that access's exact stack.
 *
 * Threading: an rc_rg is written by its own goroutine while it runs. Hooks called on
 * a parked goroutine's behalf (a channel hand-off) and slot stealing take rg->lock;
 * the goroutine itself takes it when it stops and starts running (block/unblock).
 * Lock order: slots lock -> a slot's lock -> rg->lock -> rg->trace_lock;
 * rc_race_who_lock -> a slot's lock -> trace_lock.
 */
#ifndef RC_RACE_H
#define RC_RACE_H

#include "clock.h"
#include "shadow.h"
#include "../core/spin.h"
#include "../sched/sched.h"

#include <stdbool.h>
#include <stdint.h>
#include <uthash.h>

#define RC_TRACE_PART_EVENTS 2048u  /* largest part; the first ones are smaller */
#define RC_TRACE_MIN_PARTS   (32768 / RC_TRACE_PART_EVENTS) /* a ring's parts at
                                       history_size=0 (each step up doubles them) */
#define RC_NO_SLOT           0xffffu
#define RC_MU_CACHE          2      /* Mutex objects a goroutine remembers (sync.c) */

/* Trace events: 2 type bits over a 62-bit payload: the pc of an access or a call
 * site; for RC_EV_SYNC, a kind (bits 60-61) over an object address (48 bits). */
enum { RC_EV_ACCESS = 0, RC_EV_ENTRY = 1, RC_EV_EXIT = 2, RC_EV_SYNC = 3 };
enum { RC_SYNC_RELEASE = 0, RC_SYNC_LOCK = 1, RC_SYNC_RLOCK = 2, RC_SYNC_UNLOCK = 3 };
#define RC_EV(type, pc) (((uint64_t)(type) << 62) | ((uint64_t)(pc) & (((uint64_t)1 << 62) - 1)))
#define RC_EV_NONE RC_EV(RC_EV_EXIT, 1) /* no event (exits carry no pc) */
#define RC_EV_SYNC_OF(kind, addr) \
    RC_EV(RC_EV_SYNC, ((uint64_t)(kind) << 60) | ((uint64_t)(addr) & (((uint64_t)1 << 48) - 1)))

/* A mutex held, for reports ("mutexes: write M1"). */
#define RC_MAX_HELD 8
typedef struct rc_held { uintptr_t addr; bool write; } rc_held;

typedef struct rc_trace_part {
    uint64_t   epoch0;          /* epoch of the first event */
    unsigned   sid;             /* the slot those epochs belong to */
    uint32_t   cap;             /* events this part can hold */
    uint32_t   n;               /* events it holds, once it is no longer current */
    uint32_t   depth;           /* shadow stack at the part's start */
    uint32_t   stack_cap;       /* room in stack (kept when the part is reused) */
    uintptr_t *stack;
    uint32_t   nheld;           /* mutexes held at the part's start */
    rc_held    held[RC_MAX_HELD];
    uint64_t   guard;           /* RC_EV_NONE: what ev[-1] reads (no run crosses parts) */
    uint64_t   ev[];
} rc_trace_part;

typedef struct rc_rg {
    /* Emptied when a spare state is reused (race.c rg_spare): */
    unsigned   sid;             /* slot held, RC_NO_SLOT if none */
    uint64_t   epoch;           /* last epoch used in sid (our clock for it) */
    uint64_t   attach_epoch;    /* first epoch of our tenure of sid */
    uint64_t   quiet_from;      /* our epochs from here on are in the current trace
                                   part and published by no release yet: no other
                                   goroutine is ordered after them (access.c) */
    int64_t    goid;
    bool       is_main;
    _Atomic bool finished;
    bool       running;         /* guarded by lock: a slot is stolen only if false */
    _Atomic uint32_t lock;
    int        ignore;          /* > 0: accesses not checked (runtime internals) */
    uintptr_t  min_frame;       /* deepest frame address seen at function entry */
    uint32_t   depth;           /* entries of stk */
    uint32_t   nheld;           /* entries of held */
    _Atomic uint32_t trace_lock;
    uint32_t   create_depth;    /* entries of create_stk */

    /* locks.c, guarded by rc_locks_lock: the mutex it waits for in a Lock (0: none) */
    uintptr_t  lk_wait;
    uintptr_t  lk_pc;           /* the Lock call */
    uint8_t    lk_why;          /* RC_LOCKWAIT_* (hooks.h) */
    bool       lk_deadlocked;   /* reported in a deadlock */
    uint32_t   lk_mark;         /* cycle search */
    int64_t    lk_since;        /* when its wait began (rc_mono_ns, real time) */
    uint32_t   lk_stack_locks;  /* lock records of mutexes on its stack */
    bool       lk_overflow;     /* held more than RC_MAX_HELD once: nheld may miss some */
    UT_hash_handle lk_hh;       /* waiting goroutines, by goid */
    /* race.c: the Mutex word its last Lock read, and that read's epoch */
    uintptr_t  mu_read;
    uint64_t   mu_read_epoch;

    /* From here on, kept when a spare state is reused: its buffers (the clock is
     * cleared, the trace emptied at the start, poll_left set anew), entries past nheld
     * (unused), and the caches, which map addresses to records and objects that stay
     * right for any goroutine while their generation holds. */
    uint64_t  *evp, *eve;       /* next event and end of parts[cur]->ev (evp[-1]: the
                                   last event, or the part's RC_EV_NONE guard) */
    uint32_t   poll_left;       /* accesses to the next preemption point (access.c) */
    rc_vc      vc;              /* vc[sid]: see "Clock entry" above */
    uintptr_t *stk;             /* shadow stack of call sites, outermost first */
    uint32_t   cap;             /* room in stk */
    uint32_t   nparts, cur;     /* cur: the part being filled */
    rc_trace_part **parts;      /* ring of nparts parts, allocated as needed */
    uint32_t   nalloc;          /* parts[0, nalloc) are allocated, the rest NULL;
                                   parts[0] is a first-size part */
    uintptr_t *create_stk;      /* where it was created (innermost first) */
    uint32_t   create_cap;
    void      *reach_snap;      /* reach.c: registers and stack top at its last
                                   rc_blocking_begin (filled before any use) */
    rc_held    held[RC_MAX_HELD]; /* mutexes held now, oldest first (more: not shown) */
    /* locks.c, its own: records it looked up, valid while the records' generation
     * is lk_cache_gen (a record freed bumps it) */
    uint32_t   lk_cache_gen;
    struct { uintptr_t addr; struct rc_lockrec *rec; } lk_cache[4];
    /* sync.c: the objects of the Mutexes it used last, newest first, valid while
     * the objects' generation is mu_gen */
    uint64_t   mu_gen;
    struct { uintptr_t addr; void *obj; } mu_cache[RC_MU_CACHE];
    struct rc_rg *qnext;        /* slot.c: quarantine of finished goroutines; spares */
    _Atomic int64_t ident;      /* slot.c: goid, until the state leaves the quarantine
                                   (0: free for reuse; a reporter may read it any
                                   time, so reuse never writes it but to set it) */
    struct rc_rg *hnext;        /* spares (race.c): next batch */
    uint32_t   spare_n;         /* spares: the length of the batch it heads */
} rc_rg;

/* The id of the P this thread holds, -1 if none: for the detector's per-P caches.
 * Read from the thread's M directly (rc_getp is two calls: ~14 instructions, six
 * times per goroutine in bench/race spawn); the detector never switches goroutines
 * while it uses the result. */
static inline int rc_race_pid(void)
{
    const rc_m *m = rc_tls_m;
    return m && m->p ? m->p->id : -1;
}

/* The running goroutine's state, NULL when none runs on this thread (sched.h). */
static inline rc_rg *rc_race_cur(void) { return rc_tls_race; }
/* The same for checks of plain accesses: NULL too while the program is lone (race.c
 * rc_race_lone_end). */
static inline rc_rg *rc_race_acc(void) { return rc_tls_race_acc; }

/* Runs hooks on behalf of g: the running goroutine's own state needs no lock (its
 * slot cannot be taken while it runs); a parked goroutine's does. */
static inline rc_rg *rc_rg_lock(rc_g *g)
{
    rc_rg *rg = g->race;
    if (rg && rg != rc_race_cur())
        rc_spin_lock(&rg->lock);
    return rg;
}

static inline void rc_rg_unlock(rc_rg *rg)
{
    if (rg && rg != rc_race_cur())
        rc_spin_unlock(&rg->lock);
}

/* trace.c */
void rc_trace_init(rc_rg *rg);
void rc_trace_free(rc_rg *rg);
void rc_trace_reset(rc_rg *rg);
void rc_trace_new_part(rc_rg *rg);
/* The same for a goroutine's first tenure, before the journal names it: no reporter
 * can read its trace yet, so trace_lock is not taken (its xchg waited for the stores
 * that set up the state, 8% of bench/race spawn). */
void rc_trace_first_part(rc_rg *rg);
/* While held, no trace recycles events (see trace.c): a reporter holds the traces
 * from seeing a race until it has restored the other side's stack. */
void rc_trace_hold(void);
void rc_trace_unhold(void);
/* Appends an event to a part known to have room (evp != eve); returns its epoch. */
static inline uint64_t rc_trace_append(rc_rg *rg, uint64_t ev)
{
    *rg->evp++ = ev;
    return ++rg->epoch;
}
/* Appends an event and returns its epoch. */
static inline uint64_t rc_trace_event(rc_rg *rg, uint64_t ev)
{
    if (__builtin_expect(rg->evp == rg->eve, 0))
        rc_trace_new_part(rg);
    return rc_trace_append(rg, ev);
}
/* An access event: a run of accesses from one site with no other event between them
 * (a loop over an array, a spin on a flag) shares the run's first event and epoch.
 * Nothing separates them: the stack is the same, no release came between (releases
 * append an event), so for happens-before and for replay they are one point. A spin
 * loop then no longer wears out the history it would need for its report. */
static inline uint64_t rc_trace_access(rc_rg *rg, uintptr_t pc)
{
    uint64_t ev = RC_EV(RC_EV_ACCESS, pc);
    return rg->evp[-1] == ev ? rg->epoch : rc_trace_event(rg, ev);
}
/* Restores the stack of the access cell c records into out (innermost first);
 * returns the depth, or 0 if the trace no longer holds it. */
int rc_trace_restore(rc_rg *rg, rc_cell c, uintptr_t *out, int max);
/* The stack at the event of epoch in slot sid (a lock, say), with pc as its innermost
 * frame; 0 if the trace no longer holds it. */
int rc_trace_restore_at(rc_rg *rg, unsigned sid, uint64_t epoch, uintptr_t pc,
                        uintptr_t *out, int max);
/* The mutexes held at that access (at most RC_MAX_HELD); -1 if the trace no longer
 * holds it. */
int rc_trace_restore_held(rc_rg *rg, rc_cell c, rc_held *out);
/* Lock bookkeeping (the mutex_locked / mutex_unlocked hooks; inline: every Lock and
 * Unlock). */
static inline void rc_held_add(rc_held *set, uint32_t *n, uintptr_t addr, bool write)
{
    if (*n < RC_MAX_HELD)
        set[(*n)++] = (rc_held){ addr, write };
}

static inline void rc_held_del(rc_held *set, uint32_t *n, uintptr_t addr)
{
    for (uint32_t i = *n; i-- > 0;)
        if (set[i].addr == addr) {
            for (uint32_t j = i + 1; j < *n; j++) /* a few entries: no memmove call */
                set[j - 1] = set[j];
            (*n)--;
            return;
        }
}

/* slot.c */
/* rg has no slot: takes one (marks rg running); first: rg never held one */
void   rc_slot_attach(rc_rg *rg, bool first);
void   rc_slot_detach(rc_rg *rg);       /* rg (finished) gives its slot back */
void   rc_race_retire(rc_rg *rg);       /* finished: quarantined, reused later */
/* Who made the access cell c records: the goroutine, or NULL when its history is
 * gone (it finished long ago); *goid (if goid) becomes its id while its slot's
 * journal still has it, else 0. The result stays valid while rc_race_who_lock is
 * held (no finished goroutine's state is reused meanwhile). */
void   rc_race_who_lock(void);
void   rc_race_who_unlock(void);
rc_rg *rc_race_cell_owner(rc_cell c, int64_t *goid);

/* sync.c: sync objects. acquire: rg's clock joins a's; release: a's clock becomes rg's
 * (merge: joins it). */
void rc_race_acquire(rc_rg *rg, uintptr_t a);
void rc_race_release(rc_rg *rg, uintptr_t a, bool merge);
/* Channels (hooks.h chan_sync and chan_free; the channel's lock held). */
void rc_race_chan_sync(rc_g *g, rc_g *other, void **state, size_t nslots, size_t i);
void rc_race_chan_free(void *state);
void rc_race_sync_forget(uintptr_t a, size_t n);  /* freed memory */
/* The same for a Mutex that rg holds, in its Lock and Unlock hooks. The release does
 * not end the epoch: the caller's next event must (the UNLOCK event). */
void rc_race_mutex_acquire(rc_rg *rg, uintptr_t m);
void rc_race_mutex_release(rc_rg *rg, uintptr_t m);

/* Adds our own events so far to a clock we publish (while we hold a slot, our
 * clock's entry for it covers only our predecessors there: see above). Every release
 * of our epochs comes through here. */
static inline void rc_race_publish_own(rc_rg *rg, rc_vc *dst)
{
    if (rg->sid == RC_NO_SLOT)
        return;
    if (rc_vc_get(dst, rg->sid) < rg->epoch)
        rc_vc_set(dst, rg->sid, rg->epoch);
    rg->quiet_from = rg->epoch + 1;
}

/* A release ends an epoch: the next event is after everything the release
 * published (one trace event per epoch keeps replay aligned). A goroutine without a
 * slot (parked, slot taken) has no events to separate. */
static inline void rc_race_tick(rc_rg *rg)
{
    if (rg->sid != RC_NO_SLOT)
        rc_trace_event(rg, RC_EV(RC_EV_SYNC, 0));
}

/* access.c: an access the runtime makes on the user's behalf (hooks.h access);
 * access_init: controlled runs poll at every access (after rc_runtime_init) */
void rc_race_access_hook(rc_g *g, const void *addr, size_t n, bool write, uintptr_t pc);
void rc_race_read_mutex_word(const void *m, uintptr_t pc); /* the same, 4-byte read */
void rc_race_access_init(void);
extern uint32_t rc_race_poll_every; /* accesses between preemption points */

/* race.c */
void rc_rg_free(rc_rg *rg);
void rc_race_lone_end(void);
extern int rc_race_history_parts;

/* locks.c: deadlocks among Mutex/RWMutex waiters; lockorder.c: lock order.
 * rc_locks_on: RCRACE deadlocks=1 (default); 0 leaves both analyses out. The hooks
 * (race.c) keep each goroutine's held set either way, after rc_locks_locked (which
 * reads the set as it was before the Lock) and after rc_locks_unlocked. */
extern bool rc_locks_on;
void rc_locks_wait(rc_rg *rg, uintptr_t m, int why, uintptr_t pc);
void rc_locks_locked(rc_rg *rg, rc_g *g, uintptr_t m, bool write, bool try_, uintptr_t pc,
                     uint64_t epoch);
void rc_locks_unlocked(rc_rg *rg, uintptr_t m, bool write);
void rc_locks_exit(rc_rg *rg, rc_g *g);
void rc_locks_forget(uintptr_t a, size_t n);
/* Reports every deadlock cycle not reported yet; returns how many. */
int  rc_race_deadlock_scan(void);

/* reach.c: goroutines blocked on objects no live goroutine reaches */
typedef struct rc_blocked { rc_g *g; int64_t id, since; uint8_t reason; } rc_blocked;
void rc_reach_start(void);               /* the scan thread (detector start-up) */
void rc_reach_stop(void);                /* exit: no more scans from that thread */
void rc_reach_gate(void);                /* a goroutine about to run: waits out a scan */
void rc_reach_idle(void);                /* hooks: every P is idle */
void rc_reach_syscall_enter(rc_g *g);
void rc_reach_syscall_exit(rc_g *g);
/* One scan now; self (the caller's goroutine or NULL) is a root. Fills out with the
 * blocked goroutines nothing live can wake; -1 if the world would not hold still. */
int  rc_reach_scan_now(rc_g *self, rc_blocked *out, int max);
/* leak.c: reports goroutines found blocked on unreachable objects while the program
 * runs (once each); returns how many it reported. */
int  rc_leak_report_unreachable(const rc_blocked *v, int n);

/* report.c */
void rc_race_report(rc_rg *cur, uintptr_t addr, uint64_t cur_cell, uintptr_t pc, uint64_t old_cell);
void rc_race_options_init(void);
void rc_race_fini(int status);

/* hang.c: the RCRACE timeout watchdog, if set (after rc_race_options_init) */
void rc_race_hang_start(void);

#endif
