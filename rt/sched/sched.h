/*
 * sched.h: the scheduler's types and the interface every primitive builds on.
 *
 * G, M, P as in Go's runtime:
 *   rc_g  a goroutine: its context, stack and wait state.
 *   rc_m  an OS thread. It runs goroutines only while it holds a P; its own scheduling
 *         loop runs on g0, a small stack of its own.
 *   rc_p  a processor: the right to run goroutines, with a local run queue. There are
 *         RCMAXPROCS of them.
 *
 * Blocking protocol (how every primitive waits):
 *   A goroutine that must wait enqueues itself on the object's wait queue under the
 *   object's lock and calls rc_park(unlock, lock, reason). rc_park switches away (to g0,
 *   or straight to the next goroutine of its P: proc.c, switch_away) and only then
 *   calls unlock(lock): until the lock is dropped nobody can find the
 *   goroutine, and once it is dropped the goroutine's context is fully saved, so a
 *   waker may rc_ready it at once, from any thread. rc_ready makes it runnable on the
 *   caller's P (in runnext, so a hand-off runs next, as in Go).
 *
 * G status transitions:
 *   IDLE -> RUNNABLE (created) -> RUNNING -> WAITING (parked) -> RUNNABLE -> ...
 *   RUNNING -> SYSCALL (rc_blocking_begin) -> RUNNING or RUNNABLE
 *   RUNNING -> DEAD (returned or rc_goexit) -> RUNNABLE (reused for a new goroutine)
 *
 * Lock order (outer first): an object's lock (chan, sema, ...) -> sched.lock ->
 * allg_lock. Timers' lock is never held while calling into the scheduler.
 */
#ifndef RC_SCHED_H
#define RC_SCHED_H

#include "../core/rand.h"
#include "ctx.h"
#include "stack.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <pthread.h>

/* Why a goroutine waits; printed in goroutine dumps with Go's names (waitreason.c). */
typedef enum rc_wait_reason {
    RC_WAIT_NONE = 0,
    RC_WAIT_CHAN_SEND,
    RC_WAIT_CHAN_RECV,
    RC_WAIT_CHAN_SEND_NIL,
    RC_WAIT_CHAN_RECV_NIL,
    RC_WAIT_SELECT,
    RC_WAIT_SELECT_NO_CASES,
    RC_WAIT_MUTEX_LOCK,
    RC_WAIT_RWMUTEX_RLOCK,
    RC_WAIT_RWMUTEX_LOCK,
    RC_WAIT_WAITGROUP_WAIT,
    RC_WAIT_COND_WAIT,
    RC_WAIT_SLEEP,
    RC_WAIT_SEMACQUIRE,
    RC_WAIT_COUNT
} rc_wait_reason;

const char *rc_wait_reason_string(rc_wait_reason r);

typedef enum rc_gstatus {
    RC_G_IDLE = 0,
    RC_G_RUNNABLE,
    RC_G_RUNNING,
    RC_G_WAITING,
    RC_G_SYSCALL,
    RC_G_DEAD,
} rc_gstatus;

typedef struct rc_g rc_g;
typedef struct rc_m rc_m;
typedef struct rc_p rc_p;

#define RC_G_ARGBUF 64
/* The top RC_G_BIRTH bytes of a spawned goroutine's stack are the detector's (hooks.h
 * go_create): its frames start below them. */
#define RC_G_BIRTH  192

struct rc_g {
    _Alignas(64) rc_mctx ctx;   /* saved context while not running (aligned:
                                   goroutines on different Ps share no line) */
    rc_stack      stack;        /* own stack; for the main goroutine, the thread's */
    int64_t       id;
    _Atomic int   status;       /* rc_gstatus */
    uint8_t       wait_reason;  /* rc_wait_reason while WAITING */
    bool          is_main;
    _Atomic bool  lock_waiter;  /* waiting for a Mutex, or woken to retry it (runq.c) */
    int64_t       wait_since;   /* rc_now() when it parked */
    rc_g         *schedlink;    /* global run queue, free lists */
    rc_g         *alllink;      /* allg list; never unlinked (Gs are reused) */
    rc_m         *m;            /* the M running it, while RUNNING or SYSCALL */

    union {
        struct {                  /* while it lives */
            void (*fn)(void *);
            void  *arg;
        };
        struct {                  /* dead, first of a batch on the global free list */
            rc_g    *next;        /* the next batch */
            int32_t  n, nstack;   /* goroutines in this batch (schedlink), with stacks */
        } gbatch;
    };

    /* Wake-up data, written by the waker before rc_ready. */
    void         *param;        /* e.g. the sudog that completed a select */
    _Atomic uint32_t select_done; /* a select's first waker wins this CAS */

    int64_t       parent_id;
    uintptr_t     create_pc;    /* return address of the rc_go call that made it
                                   (the detector keeps the whole creation stack) */

    void         *race;         /* the detector's per-goroutine state (rc_tls_race) */
    int           blocking_depth; /* rc_blocking_begin nesting */
    int64_t       ctl_prio;     /* controlled mode, PCT: its priority (control.c) */

    /* rc_go_copy's argument block when it fits (arg then points here), else it is at
     * the stack top. Here, a detector that checks the goroutine's reads of it needs no
     * shadow of the stack: goroutines are allocated side by side, stacks 260 KiB
     * apart (256 KiB and a guard page, by default), so a block at each stack top
     * costs a shadow page per goroutine. */
    _Alignas(64) unsigned char argbuf[RC_G_ARGBUF];
};

/* What g0 does for the goroutine that just switched to it. */
typedef enum rc_switch_action {
    RC_SWITCH_NONE = 0,
    RC_SWITCH_PARK,     /* call unlockf(lockarg); the G stays WAITING */
    RC_SWITCH_YIELD,    /* put the G at the tail of its P's run queue */
    RC_SWITCH_EXIT,     /* the G is dead: recycle it */
    RC_SWITCH_SYSCALL,  /* the G keeps this M; g0 hands the P away and waits */
} rc_switch_action;

struct rc_m {
    rc_g          g0;           /* scheduler context and stack */
    rc_g         *curg;         /* goroutine running on this M, or NULL */
    rc_g         *prevg;        /* during a direct switch: the goroutine switched from */
    rc_p         *p;            /* attached P, or NULL */
    rc_p         *nextp;        /* P handed over by startm */
    int           id;
    bool          spinning;     /* looking for work without any */
    rc_m         *schedlink;    /* idle M list */
    rc_m         *alllink;      /* every M (rc_sched_allm); Ms are never freed */
    _Atomic uint32_t park_key;  /* futex word for stopm/startm */
    pthread_t     thread;
    char         *sigstack;     /* alternate signal stack (stack overflow report) */

    rc_switch_action action;    /* set by the G before switching to g0 */
    void        (*unlockf)(void *);
    void         *lockarg;
};

#define RC_RUNQ_SIZE 256

struct rc_p {
    int           id;
    rc_m         *m;
    rc_p         *link;         /* idle P list */
    /* runnext and the ring's indices are on lines of their own: the owner writes
     * runnext at every wake-up, while idle Ps poll the indices (runq.c) */
    _Alignas(64) _Atomic(rc_g *) runnext; /* runs next: the goroutine this P just woke */
    _Atomic uint32_t runnext_guard; /* 0: the owner writes runnext plainly (runq.c) */
    _Atomic uint32_t runnext_puts; /* owner only: counts puts into runnext (runq.c) */
    _Alignas(64) _Atomic uint32_t runq_head; /* consumers: owner and stealers (CAS) */
    _Atomic uint32_t runq_tail; /* producer: owner only */
    _Atomic(rc_g *) runq[RC_RUNQ_SIZE];
    uint32_t      schedtick;
    rc_rand       rand;
    rc_g         *gfree;        /* dead goroutines with their stacks, for reuse */
    int           ngfree;
    /* goroutines created on this P minus those that exited on it: written only by
     * the P's holder (a plain add, no lock prefix), summed by rc_goroutine_count */
    _Atomic int64_t ngoroutines;
};

/* The calling thread's M, or NULL on a thread the runtime did not create. Read
 * afresh at every call: a goroutine may resume on another thread after a switch, so
 * the compiler must not keep the thread pointer (or the address of a thread-local)
 * from before one. On x86-64 the read is an asm the compiler may neither merge with
 * another nor move across a call: two instructions (the out-of-line call it replaces
 * cost ~10, and the runtime's channel and sync paths make several per operation:
 * 90 instructions per item of bench/race pipeline under detection). Elsewhere it is
 * a call that is never inlined. */
#if defined(__x86_64__)
static inline rc_m *rc_getm(void)
{
    rc_m *m;
    __asm__ volatile("movq rc_tls_m@gottpoff(%%rip), %0\n\tmovq %%fs:(%0), %0"
                     : "=r"(m)
                     :
                     : "memory");
    return m;
}
#else
rc_m *rc_getm(void);
#endif

/* rc_getg's complaint: the runtime called from a thread it did not create. */
__attribute__((noreturn, cold)) void rc_sched_foreign_thread(void);

/* The running goroutine (fatal on a foreign thread). */
static inline rc_g *rc_getg(void)
{
    rc_m *m = rc_getm();
    if (__builtin_expect(!m || !m->curg, 0))
        rc_sched_foreign_thread();
    return m->curg;
}

/* The running goroutine, NULL if the thread runs none. */
static inline rc_g *rc_curg(void)
{
    rc_m *m = rc_getm();
    return m ? m->curg : NULL;
}

static inline rc_p *rc_getp(void)
{
    rc_m *m = rc_getm();
    return m ? m->p : NULL;
}

/* The thread-locals below are initial-exec in every declaration, not only at their
 * definition (proc.c): declared without it, each use compiled in another file is a
 * call to __tls_get_addr that the linker turns into a load, but around which the
 * compiler has already saved registers (bench/race: four pushes and pops in every
 * access check). */

/* The calling thread's M (rc_getm reads it; the detector's per-P caches too). */
extern __thread rc_m *rc_tls_m __attribute__((tls_model("initial-exec")));

/* The running goroutine's detector state, m->curg->race (NULL when no goroutine runs
 * on the calling thread): the scheduler sets it with curg, so that the detector's hot
 * path finds it in one TLS load. A detector that changes the running goroutine's
 * race field sets it too. Like any thread-local, never read across a switch. */
extern __thread void *rc_tls_race __attribute__((tls_model("initial-exec")));
/* The same for the detector's checks of plain accesses: rc_tls_race, or NULL while
 * rc_race_lone holds (the program has had one goroutine and nothing that could start
 * another behind its back: race.c), when no access can race and none is checked. */
extern __thread void *rc_tls_race_acc __attribute__((tls_model("initial-exec")));
extern _Atomic bool rc_race_lone;

/* Both for the running goroutine, whose race field is now race. */
static inline void rc_tls_race_set(void *race)
{
    rc_tls_race = race;
    rc_tls_race_acc = atomic_load_explicit(&rc_race_lone, memory_order_relaxed) ? NULL : race;
}

void rc_runtime_init(void);   /* idempotent; also run as a constructor */

/* Blocking protocol (see top). unlockf may be NULL. */
void rc_park(void (*unlockf)(void *), void *lock, rc_wait_reason reason);
void rc_ready(rc_g *g);

/* Switches to g0 with an action (goexit uses it). */
void rc_sched_switch(rc_switch_action a);

/* Convenience: park releasing a spinlock. */
void rc_park_spin(_Atomic uint32_t *lock, rc_wait_reason reason);

/* The return address of the current function: the user's call site in public API
 * functions (for detector hooks and creation sites). */
#define RC_CALLER_PC() ((uintptr_t)__builtin_return_address(0))

/* A cheap monotonic clock (CLOCK_MONOTONIC_COARSE, ~ms resolution), for wait
 * durations in dumps; rc_now() (racecheck.h) is the precise one. time/timer.c. */
int64_t rc_nanotime_coarse(void);

/* rand: the current P's stream (see core/rand.h). Callable from goroutines. */
uint64_t rc_fastrand(void);

/* Spawning, used by rc_go and by timers (AfterFunc) from any thread. */
/* argcopy != NULL: copy argsize bytes of it onto the new stack and pass that copy. */
/* Returns the new goroutine's id. */
int64_t rc_spawn(void (*fn)(void *), void *arg, const void *argcopy, size_t argsize,
                 uintptr_t create_pc);

/* Iterates over every goroutine ever created (dead ones included); for dumps.
 * The callback runs with allg_lock held: it must not allocate goroutines. */
void rc_for_each_g(void (*f)(rc_g *g, void *ctx), void *ctx);

/* The list of every M ever created (through alllink), newest first; safe to walk
 * without a lock. */
rc_m *rc_sched_allm(void);

/* Called with sched.lock held when every M is idle; see deadlock.c. Returns only if
 * the world is not deadlocked after all. */
void rc_checkdead(void);

/* Runs checkdead if every M is idle (for the timer thread, after a fire). Called
 * without timer locks held. */
void rc_sched_recheck_dead(void);

/* Timers (time/timer.c) tell the scheduler whether a wake-up may still come. */
bool rc_timers_pending(void);

#endif
