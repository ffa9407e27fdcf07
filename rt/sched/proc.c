/*
 * proc.c: Ms and Ps: the scheduling loop, finding work (local queue, global queue,
 * stealing), parking idle threads, waking them, and handing a P away around a blocking
 * system call. Goroutine creation and exit are in goroutine.c.
 *
 * Invariants:
 *   - An M runs a goroutine only while it holds a P (m->p), except a goroutine inside
 *     rc_blocking_begin/end, which keeps its M but not its P.
 *   - An idle P (on the pidle list) has empty local queues.
 *   - At most one spinning M is woken for new work at a time (nmspinning): a spinning
 *     M that finds work wakes the next one, so bursts of work fan out one thread at a
 *     time and a ping-pong pair wakes nobody.
 *   - Every M that stops re-checks for work after publishing its P as idle; wakers
 *     publish work before looking for idle Ps. So no runnable goroutine is stranded.
 *   - An M is idle only inside stopm. checkdead runs when the last M goes idle.
 */
#include "proc.h"
#include "control.h"
#include "runq.h"
#include "../core/clock.h"
#include "../core/env.h"
#include "../core/futex.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../hooks.h"
#include "racecheck.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const rc_hooks *rc_hooks_active;
const rc_hooks rc_hooks_none;

static struct {
    /* read-mostly, read on every yield and steal: apart from the written fields */
    _Atomic int nprocs;
    rc_p   *allp[RC_MAX_PROCS];
    _Alignas(64) _Atomic uint32_t lock;
    rc_p   *pidle;
    _Atomic int npidle;
    rc_p   *pretired;   /* Ps >= nprocs that no M holds (rc_maxprocs shrank) */
    rc_m   *midle;
    _Atomic(rc_m *) allm;
    int     nmidle;
    int     mcount;
    _Atomic int nmspinning;
} sched;

/* The calling thread's M. Exported (initial-exec TLS: one instruction) for the
 * detector's hot path, which never switches goroutines while it uses it. */
__thread rc_m *rc_tls_m __attribute__((tls_model("initial-exec")));
#define tls_m rc_tls_m

/* m->curg->race, or NULL: see sched.h. Set with curg, always on m's own thread. */
__thread void *rc_tls_race __attribute__((tls_model("initial-exec")));
__thread void *rc_tls_race_acc __attribute__((tls_model("initial-exec")));
_Atomic bool rc_race_lone; /* set and ended by the detector */

static void set_curg(rc_m *m, rc_g *g)
{
    m->curg = g;
    rc_tls_race_set(g ? g->race : NULL);
}

/* ---- accessors ------------------------------------------------------------------ */

#if !defined(__x86_64__)
__attribute__((noinline)) rc_m *rc_getm(void)
{
    rc_m *m = tls_m;
    __asm__ volatile("" : "+r"(m) :: "memory"); /* not pure: never CSE'd across a switch */
    return m;
}
#endif

void rc_sched_foreign_thread(void)
{
    rc_fatal("racecheck runtime called from a thread it did not create "
             "(only goroutines may use it)");
}

void rc_sched_lock(void)   { rc_spin_lock(&sched.lock); }
void rc_sched_unlock(void) { rc_spin_unlock(&sched.lock); }
int  rc_sched_nprocs(void) { return atomic_load_explicit(&sched.nprocs, memory_order_relaxed); }
rc_m *rc_sched_allm(void)  { return atomic_load_explicit(&sched.allm, memory_order_acquire); }
rc_p *rc_sched_p(int i)    { return i >= 0 && i < RC_MAX_PROCS ? sched.allp[i] : NULL; }

uint64_t rc_fastrand(void)
{
    rc_m *m = rc_getm();
    static rc_rand shared; /* foreign threads (the timer thread) only */
    return rc_rand_next(m && m->p ? &m->p->rand : &shared);
}

/* ---- idle lists (sched.lock held) ----------------------------------------------- */

/* Every P is in exactly one place: held by an M (or being handed to one by startm),
 * on pidle, or on pretired. So rc_maxprocs brings back only Ps from pretired: p->m
 * cannot tell a retired P from one in the middle of a hand-off. */
static void pidleput(rc_p *p)
{
    p->m = NULL;
    if (p->id >= rc_sched_nprocs()) { /* retired: parked until the count grows */
        p->link = sched.pretired;
        sched.pretired = p;
        return;
    }
    p->link = sched.pidle;
    sched.pidle = p;
    atomic_fetch_add(&sched.npidle, 1);
}

static rc_p *pidleget(void)
{
    rc_p *p = sched.pidle;
    if (p) {
        sched.pidle = p->link;
        atomic_fetch_sub(&sched.npidle, 1);
    }
    return p;
}

static void acquirep(rc_m *m, rc_p *p)
{
    m->p = p;
    p->m = m;
}

/* ---- starting and stopping Ms -------------------------------------------------- */

static void schedule(void);

static void *mstart(void *arg)
{
    rc_m *m = arg;
    tls_m = m;
    acquirep(m, m->nextp); /* startm handed us a P */
    m->nextp = NULL;
    rc_signal_init_thread(m);
    schedule(); /* g0 runs on this thread's own stack */
    return NULL;
}

static void mstart0(void *arg)
{
    (void)arg;
    schedule();
}

static rc_m *newm_locked(void)
{
    rc_m *m = aligned_alloc(_Alignof(rc_m), sizeof *m); /* its g0 is cache-line aligned */
    if (!m)
        rc_fatal("out of memory");
    memset(m, 0, sizeof *m);
    m->id = sched.mcount++;
    m->alllink = atomic_load_explicit(&sched.allm, memory_order_relaxed);
    atomic_store_explicit(&sched.allm, m, memory_order_release);
    return m;
}

static void newm_start(rc_m *m)
{
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, 256 * 1024);
    if (pthread_create(&m->thread, &a, mstart, m) != 0)
        rc_fatal("newosproc: cannot create a thread");
    pthread_attr_destroy(&a);
}

/* Runs p on some M (an idle one, or a new thread). p == NULL: take an idle P; if there
 * is none, do nothing (and undo the caller's nmspinning claim if spinning). */
static void startm(rc_p *p, bool spinning)
{
    rc_sched_lock();
    if (!p) {
        p = pidleget();
        if (!p) {
            rc_sched_unlock();
            if (spinning)
                atomic_fetch_sub(&sched.nmspinning, 1);
            return;
        }
    }
    rc_m *m = sched.midle;
    if (m) {
        sched.midle = m->schedlink;
        sched.nmidle--;
    } else {
        m = newm_locked();
    }
    rc_sched_unlock();
    m->spinning = spinning;
    m->nextp = p;
    if (m->thread)
        rc_note_wakeup(&m->park_key);
    else
        newm_start(m);
}

/* Wakes an idle P if there is one and nobody is already looking for work. */
static void wakep(void)
{
    if (atomic_load(&sched.npidle) == 0)
        return;
    int zero = 0;
    if (atomic_load(&sched.nmspinning) != 0 ||
        !atomic_compare_exchange_strong(&sched.nmspinning, &zero, 1))
        return;
    startm(NULL, true);
}

/* Parks the calling M until startm hands it a P. */
static void stopm(rc_m *m)
{
    rc_sched_lock();
    m->schedlink = sched.midle;
    sched.midle = m;
    sched.nmidle++;
    rc_note_clear(&m->park_key);
    if (sched.nmidle == sched.mcount)
        rc_checkdead();
    if (atomic_load(&sched.npidle) == rc_sched_nprocs())
        RC_HOOK(sched_idle);
    rc_sched_unlock();
    rc_note_sleep(&m->park_key);
    acquirep(m, m->nextp);
    m->nextp = NULL;
}

void rc_sched_recheck_dead(void)
{
    rc_sched_lock();
    if (sched.nmidle == sched.mcount)
        rc_checkdead();
    rc_sched_unlock();
}

static void resetspinning(rc_m *m)
{
    m->spinning = false;
    if (atomic_fetch_sub(&sched.nmspinning, 1) == 1)
        wakep(); /* we were the last spinner and found work: maybe there is more */
}

/* ---- finding work --------------------------------------------------------------- */

static rc_g *globrunq_get(rc_p *p, int max)
{
    if (rc_globrunq_size() == 0)
        return NULL;
    rc_sched_lock();
    rc_g *g = rc_globrunq_get_locked(p, max);
    rc_sched_unlock();
    return g;
}

static rc_g *steal_work(rc_p *p)
{
    int n = rc_sched_nprocs();
    for (int round = 0; round < 4; round++) {
        uint32_t start = rc_rand_n(&p->rand, (uint32_t)n);
        for (int i = 0; i < n; i++) {
            rc_p *v = sched.allp[(start + (uint32_t)i) % (uint32_t)n];
            if (v == p || !v)
                continue;
            rc_g *g = rc_runq_steal(p, v, round == 3);
            if (g)
                return g;
        }
    }
    return NULL;
}

#define SPIN_NS 50000

/* Polls for work for SPIN_NS, yielding the CPU between polls rather than pausing:
 * the kernel often wakes an M on the CPU of the thread that woke it, and a busy-wait
 * there holds off the very goroutines it waits for. Ping-pong with 2 Ps, where every
 * wake-up lands that way: ~250 stalls of 60-300 us per 500k round trips with pause
 * loops, ~25 with sched_yield (docs/BENCH.md). Polling only the rings (runnext is
 * not stolen here) leaves the victim's runnext line alone. */
static rc_g *spin_for_work(rc_p *p)
{
    int64_t until = rc_mono_ns() + SPIN_NS; /* real time, as every spin limit */
    int n = rc_sched_nprocs();
    do {
        sched_yield();
        rc_g *g = rc_runq_get(p);
        if (!g)
            g = globrunq_get(p, 0);
        for (int i = 0; !g && i < n; i++) {
            rc_p *v = sched.allp[i];
            if (v && v != p && rc_runq_len(v) != 0)
                g = rc_runq_steal(p, v, false);
        }
        if (g)
            return g;
    } while (rc_mono_ns() < until && p->id < rc_sched_nprocs());
    return NULL;
}

/* A P retired by rc_maxprocs gives its goroutines away and its M stops. A spinning
 * M drops its nmspinning claim first: it would otherwise sleep holding it, and wakep
 * would never wake anyone again. */
static void retire_p(rc_m *m)
{
    rc_p *p = m->p;
    if (m->spinning) {
        m->spinning = false;
        atomic_fetch_sub(&sched.nmspinning, 1);
    }
    rc_sched_lock();
    rc_runq_drain_to_global_locked(p);
    pidleput(p);
    m->p = NULL;
    rc_sched_unlock();
    wakep();
}

/* Controlled mode: the strategy's pick; with nothing to run, the P goes idle as usual
 * (stopm runs checkdead when the last M stops). */
static rc_g *ctl_findrunnable(rc_m *m)
{
    for (;;) {
        if (!m->p)
            stopm(m);
        rc_g *g = rc_ctl_findrunnable();
        if (g)
            return g;
        rc_sched_lock();
        if (rc_ctl_nrunnable() > 0) { /* a goroutine back from a system call */
            rc_sched_unlock();
            continue;
        }
        pidleput(m->p);
        m->p = NULL;
        rc_sched_unlock();
    }
}

static rc_g *findrunnable(rc_m *m)
{
    if (rc_ctl_on)
        return ctl_findrunnable(m);
    for (;;) {
        if (!m->p)
            stopm(m);
        rc_p *p = m->p;
        if (p->id >= rc_sched_nprocs()) {
            retire_p(m);
            continue;
        }
        rc_g *g;
        /* Every 61st schedule, look at the global queue first so it cannot starve. */
        if (p->schedtick % 61 == 0 && (g = globrunq_get(p, 1)))
            return g;
        if ((g = rc_runq_get(p)) || (g = globrunq_get(p, 0)))
            return g;

        /* Steal, but keep at most half of the busy Ps' worth of spinners. */
        int busy = rc_sched_nprocs() - atomic_load(&sched.npidle);
        if (m->spinning || 2 * atomic_load(&sched.nmspinning) < busy) {
            if (!m->spinning) {
                m->spinning = true;
                atomic_fetch_add(&sched.nmspinning, 1);
            }
            if ((g = steal_work(p)))
                return g;
        }

        /* Nothing yet. A spinning M keeps looking for a short while before it sleeps:
         * work often comes back within microseconds (a hand-off, a timer), and while
         * we spin, wakep finds a spinner and makes no futex call. */
        if (m->spinning && (g = spin_for_work(p)))
            return g;

        /* Nothing: give the P back and sleep. */
        rc_sched_lock();
        if ((g = rc_globrunq_get_locked(p, 0))) {
            rc_sched_unlock();
            return g;
        }
        pidleput(p);
        m->p = NULL;
        rc_sched_unlock();

        if (m->spinning) {
            m->spinning = false;
            atomic_fetch_sub(&sched.nmspinning, 1);
            /* A waker may have counted on our spinning and woken nobody (it saw
             * nmspinning > 0 before our decrement): look again, at the global queue
             * and at every P's, as Go's findrunnable does. */
            bool work = rc_globrunq_size() > 0;
            for (int i = 0; !work && i < rc_sched_nprocs(); i++) {
                rc_p *v = sched.allp[i];
                work = v && !rc_runq_empty(v);
            }
            if (work) {
                rc_sched_lock();
                rc_p *p2 = pidleget();
                rc_sched_unlock();
                if (p2) {
                    acquirep(m, p2);
                    m->spinning = true;
                    atomic_fetch_add(&sched.nmspinning, 1);
                }
            }
        }
    }
}

/* ---- the scheduling loop (g0) --------------------------------------------------- */

/* Finishes what goroutine g, which has just switched away, asked for (m->action). Runs
 * on g0, or after a direct switch on the next goroutine's stack (finish_direct). */
static void after_switch(rc_m *m, rc_g *g)
{
    switch (m->action) {
    case RC_SWITCH_PARK:
        if (m->unlockf)
            m->unlockf(m->lockarg);
        break;
    case RC_SWITCH_YIELD: /* Go's goyield: the local queue's tail, no lock */
        atomic_store_explicit(&g->status, RC_G_RUNNABLE, memory_order_relaxed);
        rc_runq_put(m->p, g, false);
        break; /* (controlled mode never yields this way: control.c) */
    case RC_SWITCH_EXIT:
        rc_gfree_put(m->p, g);
        break;
    case RC_SWITCH_SYSCALL: /* rc_blocking_end found no P: queue g, this M stops */
        atomic_store(&g->status, RC_G_RUNNABLE);
        if (rc_ctl_on) { /* under sched.lock: the P's holder cannot go idle meanwhile */
            rc_sched_lock();
            rc_ctl_put(g);
            rc_ctl_syscall(-1);
            rc_p *p = pidleget();
            rc_sched_unlock();
            if (p)
                startm(p, false);
            break;
        }
        rc_sched_lock();
        rc_globrunq_put_locked(g);
        rc_sched_unlock();
        wakep();
        break;
    case RC_SWITCH_NONE:
        break;
    }
    m->action = RC_SWITCH_NONE;
    m->unlockf = NULL;
}

static void schedule(void)
{
    rc_m *m = tls_m; /* g0 never changes thread */
    for (;;) {
        /* first: what the goroutine that switched here asked for (m0's g0 starts
         * fresh at this point on main's first switch) */
        rc_g *prev = m->curg;
        set_curg(m, NULL);
        after_switch(m, prev);
        rc_g *g = findrunnable(m);
        if (m->spinning)
            resetspinning(m);
        m->p->schedtick++;
        set_curg(m, g);
        g->m = m;
        atomic_store_explicit(&g->status, RC_G_RUNNING, memory_order_relaxed);
        rc_mctx_switch(&m->g0.ctx, &g->ctx);
    }
}

/* Switches from the running goroutine to its M's g0 with an action for g0. */
static void switch_to_g0(rc_m *m, rc_switch_action a)
{
    m->action = a;
    rc_mctx_switch(&m->curg->ctx, &m->g0.ctx);
}

static void finish_direct(void *arg)
{
    rc_m *m = arg;
    rc_g *prev = m->prevg;
    m->prevg = NULL;
    after_switch(m, prev);
}

static void nothing(void *arg) { (void)arg; }

/* Switches the running goroutine away with an action. When the P's own queue has a
 * goroutine ready and the global queue is not due (schedtick), this switches straight
 * to it and g0's part (the action) runs on the new goroutine's stack once the old
 * context is saved: a hand-off then costs one context switch instead of two and no
 * pass through findrunnable. Anything else goes through g0's loop. */
static void switch_to(rc_m *m, rc_switch_action a, rc_g *next)
{
    rc_p *p = m->p;
    rc_g *g = m->curg;
    m->action = a;
    rc_mctx *to = &m->g0.ctx;
    void (*then)(void *) = nothing; /* g0's loop does the action */
    if (next) {
        p->schedtick++;
        m->prevg = g;
        set_curg(m, next);
        next->m = m;
        atomic_store_explicit(&next->status, RC_G_RUNNING, memory_order_relaxed);
        to = &next->ctx;
        then = finish_direct;
    }
    /* One call site for both ways: a parked goroutine's saved pc (the top of its
     * stack trace) does not depend on which way it left. */
    rc_mctx_switch_call(&g->ctx, to, then, m);
}

/* Whether a goroutine switching away may go straight to p's own queue: not when the
 * global queue is due its look (every 61st schedule) or p is retired (GOMAXPROCS
 * shrank); those go through findrunnable. */
static bool local_turn(const rc_p *p)
{
    return p && p->schedtick % 61 != 0 && p->id < rc_sched_nprocs();
}

static void switch_away(rc_m *m, rc_switch_action a)
{
    rc_g *next = NULL;
    if (__builtin_expect(rc_ctl_on, 0))
        next = rc_ctl_next(m->curg);
    else if (local_turn(m->p))
        next = rc_runq_get(m->p);
    switch_to(m, a, next);
}

void rc_sched_ctl_switch(rc_g *next)
{
    rc_m *m = rc_getm();
    rc_g *g = m->curg;
    RC_HOOK(block, g, RC_WAIT_NONE, NULL); /* runnable, not running: see hooks.h */
    switch_to(m, RC_SWITCH_NONE, next);
    RC_HOOK(unblock, g);
}

void rc_sched_switch(rc_switch_action a)
{
    switch_away(rc_getm(), a);
}

void rc_park(void (*unlockf)(void *), void *lock, rc_wait_reason reason)
{
    rc_m *m = rc_getm();
    rc_g *g = m->curg;
    g->wait_reason = (uint8_t)reason;
    g->wait_since = rc_nanotime_coarse();
    atomic_store_explicit(&g->status, RC_G_WAITING, memory_order_relaxed);
    m->unlockf = unlockf;
    m->lockarg = lock;
    RC_HOOK(block, g, reason, lock);
    switch_away(m, RC_SWITCH_PARK);
    /* resumed, possibly on another M */
    g->wait_reason = RC_WAIT_NONE;
    RC_HOOK(unblock, g);
}

static void unlock_spin(void *l) { rc_spin_unlock(l); }

void rc_park_spin(_Atomic uint32_t *lock, rc_wait_reason reason)
{
    rc_park(unlock_spin, (void *)lock, reason);
}

void rc_ready(rc_g *g)
{
    atomic_store_explicit(&g->status, RC_G_RUNNABLE, memory_order_relaxed);
    if (__builtin_expect(rc_ctl_on, 0)) {
        rc_ctl_put(g);
        return; /* the one P is held: its holder will pick it (see rc_blocking_begin) */
    }
    rc_m *m = rc_getm();
    if (m && m->p) {
        rc_runq_put(m->p, g, true);
    } else {
        rc_sched_lock();
        rc_globrunq_put_locked(g);
        rc_sched_unlock();
    }
    wakep();
}

void rc_yield(void)
{
    rc_m *m = rc_getm();
    if (!m || !m->curg)
        return;
    if (__builtin_expect(rc_ctl_on, 0)) {
        rc_ctl_yield();
        return;
    }
    /* Nothing else to run here: g0 would queue g, look at the local queue before
     * stealing, and pick g right back. Skip the two switches. */
    if (local_turn(m->p) && rc_runq_empty(m->p) && rc_globrunq_size() == 0) {
        m->p->schedtick++;
        return;
    }
    rc_g *g = m->curg;
    RC_HOOK(block, g, RC_WAIT_NONE, NULL); /* runnable, not running: see hooks.h */
    switch_away(m, RC_SWITCH_YIELD);
    RC_HOOK(unblock, g);
}

/* ---- blocking system calls ------------------------------------------------------ */

/* The calling goroutine keeps its M but gives up its P, so the P's other goroutines
 * run elsewhere while it is in the kernel. */
void rc_blocking_begin(void)
{
    rc_g *g = rc_getg();
    if (g->blocking_depth++ > 0)
        return;
    RC_HOOK(syscall_enter, g);
    rc_m *m = g->m;
    rc_p *p = m->p;
    atomic_store(&g->status, RC_G_SYSCALL);
    m->p = NULL;
    p->m = NULL;
    if (__builtin_expect(rc_ctl_on, 0)) {
        /* The P goes to another M if a goroutine is runnable; else it stays idle (the
         * clock does not move while a goroutine is in a system call), and this one
         * takes it back. Real blocking breaks determinism (docs/EXPLORE.md). */
        rc_ctl_syscall(1);
        rc_sched_lock();
        bool work = rc_ctl_nrunnable() > 0;
        if (!work)
            pidleput(p);
        rc_sched_unlock();
        if (work)
            startm(p, false);
        return;
    }
    if (!rc_runq_empty(p) || rc_globrunq_size() > 0) {
        startm(p, false);
    } else {
        rc_sched_lock();
        pidleput(p);
        rc_sched_unlock();
        if (atomic_load(&sched.npidle) == rc_sched_nprocs())
            RC_HOOK(sched_idle);
    }
}

void rc_blocking_end(void)
{
    rc_g *g = rc_getg();
    if (g->blocking_depth == 0)
        rc_fatal("rc_blocking_end without rc_blocking_begin");
    if (--g->blocking_depth > 0)
        return;
    rc_m *m = g->m;
    rc_sched_lock();
    rc_p *p = pidleget();
    rc_sched_unlock();
    if (p) {
        acquirep(m, p);
        atomic_store(&g->status, RC_G_RUNNING);
        if (rc_ctl_on)
            rc_ctl_syscall(-1);
        RC_HOOK(syscall_exit, g);
        return;
    }
    /* No P free: queue the goroutine and let this M stop (after_switch). */
    switch_to_g0(m, RC_SWITCH_SYSCALL);
    RC_HOOK(syscall_exit, g);
}

/* ---- processors ----------------------------------------------------------------- */

static rc_p *newp(int id)
{
    rc_p *p = aligned_alloc(_Alignof(rc_p), sizeof *p); /* its lines are its own */
    if (!p)
        rc_fatal("out of memory");
    memset(p, 0, sizeof *p);
    p->id = id;
    rc_rand_init(&p->rand, (uint64_t)id);
    rc_runq_init(p);
    return p;
}

int rc_maxprocs(int n)
{
    rc_runtime_init();
    if (rc_ctl_on)
        return 1; /* controlled mode: one P, always */
    if (n > RC_MAX_PROCS)
        n = RC_MAX_PROCS;
    rc_sched_lock();
    int old = rc_sched_nprocs();
    if (n <= 0 || n == old) {
        rc_sched_unlock();
        return old;
    }
    if (n > old) {
        for (int i = old; i < n; i++) {
            if (!sched.allp[i]) { /* new: joins the retired ones coming back below */
                sched.allp[i] = newp(i);
                sched.allp[i]->link = sched.pretired;
                sched.pretired = sched.allp[i];
            }
        }
        atomic_store(&sched.nprocs, n);
        rc_p **pp = &sched.pretired;
        while (*pp) {
            rc_p *p = *pp;
            if (p->id < n) {
                *pp = p->link;
                pidleput(p);
            } else {
                pp = &p->link;
            }
        }
    } else {
        /* Ps >= n retire: idle ones leave the idle list now, busy ones at their next
         * scheduling point (findrunnable). */
        atomic_store(&sched.nprocs, n);
        rc_p **pp = &sched.pidle;
        while (*pp) {
            rc_p *p = *pp;
            if (p->id >= n) {
                *pp = p->link;
                atomic_fetch_sub(&sched.npidle, 1);
                p->link = sched.pretired;
                sched.pretired = p;
            } else {
                pp = &(*pp)->link;
            }
        }
    }
    rc_sched_unlock();
    wakep();
    return old;
}

/* ---- start-up ------------------------------------------------------------------- */

void rc_runtime_init(void)
{
    static _Atomic int state; /* 0 new, 1 initialising, 2 ready */
    int zero = 0;
    if (atomic_load(&state) == 2 || !atomic_compare_exchange_strong(&state, &zero, 1))
        return;
    rc_env_init();
    int n = rc_env.maxprocs;
    for (int i = 0; i < n; i++)
        sched.allp[i] = newp(i);
    atomic_store(&sched.nprocs, n);

    rc_m *m0 = newm_locked();
    m0->thread = pthread_self();
    tls_m = m0;
    /* m0's g0 needs a stack of its own: main runs on the thread's stack. */
    rc_stack_alloc(&m0->g0.stack, 256 * 1024);
    rc_mctx_make(&m0->g0.ctx, m0->g0.stack.lo, m0->g0.stack.hi, mstart0, NULL);
    acquirep(m0, sched.allp[0]);
    for (int i = n - 1; i >= 1; i--)
        pidleput(sched.allp[i]);
    rc_goroutines_init(m0);
    if (rc_env.sched_set)
        rc_ctl_init(rc_env.sched_seed, m0->curg);
    rc_signal_init();
    rc_signal_init_thread(m0);
    atomic_store(&state, 2);
}

__attribute__((constructor(101))) static void rc_runtime_ctor(void)
{
    rc_runtime_init();
}
