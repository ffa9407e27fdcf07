/*
 * control.c: the controlled scheduler (see control.h; docs/EXPLORE.md documents the
 * seed, the strategies and their defaults).
 *
 * State: the runnable set (goroutines that may run, not the running one), the
 * strategy and its stream, the virtual clock, the exit drain. Only the goroutine that
 * holds the one P (or its M's g0) reads or changes it, except that a goroutine coming
 * back from a system call without a P adds itself to the set (under C.lock and
 * sched.lock, proc.c). So the schedule is a function of the seed and of the order in
 * which goroutines reach points, which is itself deterministic: one goroutine runs at a
 * time and only switches at points.
 *
 * A decision at a point is one of: keep running, switch to a runnable goroutine (the
 * current one becomes runnable), or move the clock (the current one becomes runnable
 * and g0 fires the earliest timer, then picks). Strategies:
 *   random walk  sync point: the clock moves with probability 2^-adv_shift (if a timer
 *                is pending), else a uniform choice among the runnable goroutines and
 *                the current one. Access point: with probability 2^-acc_shift, while
 *                the budget of access preemptions lasts, a uniform choice among the
 *                others and the clock. Spawn: the child runs first with probability 1/2.
 *   PCT          every goroutine has a priority (distinct random ones at creation,
 *                above d); the highest-priority runnable goroutine always runs. At the
 *                i-th of d-1 change points (steps drawn uniformly in [1,k]) the running
 *                goroutine's priority drops to i, below every initial one. The clock
 *                moves as in the random walk, at sync points only.
 * Both: a yield (rc_yield, or the fairness yield after RC_CTL_FAIR points without a
 * switch, so a spin loop cannot starve the goroutine it waits for) gives way to another
 * runnable goroutine (PCT: the yielder's priority drops below all others) or, if none,
 * to the clock.
 */
#include "control.h"
#include "proc.h"
#include "../core/env.h"
#include "../core/rand.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../hooks.h"
#include "../time/timer.h"

#include <stdlib.h>

#define RC_CTL_FAIR      (1u << 16)  /* points without a switch before a forced yield */
#define RC_CTL_ACC_BOUND 4           /* random walk: preemptions at access points */
#define RC_CTL_MAXD      4           /* PCT: largest depth d */
#define RC_CTL_EPOCH     (946684800LL * 1000000000LL) /* the virtual clock's start */

bool rc_ctl_on;

enum { RANDOM_WALK = 0, PCT = 1 };
enum { PT_SYNC, PT_ACCESS, PT_SPAWN, PT_YIELD };

/* A decision: a goroutine, or the clock. */
#define ADVANCE ((rc_g *)1)

static struct {
    _Atomic uint32_t lock;      /* the set, against system-call returns */
    rc_g   **run;               /* PCT: a heap, the highest priority first */
    size_t   n, cap;

    int      strategy;
    rc_rand  rng;
    uint64_t steps;             /* points so far */
    uint64_t since_switch;      /* points since the running goroutine was switched in */
    uint32_t adv_shift;         /* the clock moves with probability 2^-adv_shift */
    uint32_t acc_shift;         /* random walk: access preemption probability */
    int      acc_budget;        /* random walk: access preemptions left */
    int      d;                 /* PCT depth */
    uint64_t k;                 /* PCT: guessed number of steps */
    uint64_t change[RC_CTL_MAXD - 1];
    int      nchange, next_change;
    int64_t  low;               /* PCT: yields demote below this */

    bool     advance;           /* g0: fire the earliest timer before picking */
    _Atomic int nsyscall;       /* goroutines between rc_blocking_begin and end */
    _Atomic int64_t now;

    rc_g    *exit_g;            /* draining at exit: runnable, kept out of the set */
    int64_t  exit_deadline;
    uint64_t exit_steps;
} C;

/* ---- the seed --------------------------------------------------------------------- */

static uint64_t mix(uint64_t x)
{
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27; x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static bool one_in(uint32_t shift)
{
    return (rc_rand_next(&C.rng) & ((1ull << shift) - 1)) == 0;
}

static int64_t initial_prio(void)
{
    /* distinct with overwhelming odds; ties go to the older goroutine (pick_best) */
    return C.d + 1 + (int64_t)(rc_rand_next(&C.rng) >> 16);
}

static int by_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

void rc_ctl_init(uint64_t seed, rc_g *main_g)
{
    uint64_t h = mix(seed);
    C.strategy = (int)(seed & 1);
    C.rng.s = mix(seed ^ 0x6a09e667f3bcc908ULL);
    C.adv_shift = 1 + (uint32_t)((h >> 8) % 8);      /* 1/2 .. 1/256 */
    C.acc_shift = 1 + (uint32_t)(h % 12);            /* 1/2 .. 1/4096 */
    C.acc_budget = RC_CTL_ACC_BOUND;
    C.d = 2 + (int)((h >> 16) % (RC_CTL_MAXD - 1));   /* 2 .. 4 */
    C.k = 1ull << (4 + (h >> 24) % 20);              /* 16 .. 2^23 */
    if (C.strategy == PCT) {
        C.nchange = C.d - 1;
        for (int i = 0; i < C.nchange; i++)
            C.change[i] = 1 + rc_rand_next(&C.rng) % C.k;
        qsort(C.change, (size_t)C.nchange, sizeof *C.change, by_u64);
    }
    atomic_store(&C.now, RC_CTL_EPOCH);
    main_g->ctl_prio = initial_prio();
    if (!rc_hooks_active) /* the detector, if linked, replaces it right after */
        rc_hooks_active = &rc_hooks_none;
    rc_ctl_on = true;
}

int64_t rc_ctl_now(void) { return atomic_load_explicit(&C.now, memory_order_relaxed); }
void rc_ctl_set_now(int64_t t) { atomic_store_explicit(&C.now, t, memory_order_relaxed); }

void rc_ctl_syscall(int delta) { atomic_fetch_add(&C.nsyscall, delta); }

/* ---- the runnable set --------------------------------------------------------------- */

static bool better(const rc_g *a, const rc_g *b) /* PCT: a runs before b */
{
    return a->ctl_prio > b->ctl_prio || (a->ctl_prio == b->ctl_prio && a->id < b->id);
}

/* PCT's heap (C.lock held). Priorities change only for the running goroutine, which
 * is never in the set, so the heap order holds. */
static void swap(size_t i, size_t j)
{
    rc_g *t = C.run[i];
    C.run[i] = C.run[j];
    C.run[j] = t;
}

static void heap_up(size_t i)
{
    for (; i > 0 && better(C.run[i], C.run[(i - 1) / 2]); i = (i - 1) / 2)
        swap(i, (i - 1) / 2);
}

static void heap_down(size_t i)
{
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= C.n)
            return;
        if (c + 1 < C.n && better(C.run[c + 1], C.run[c]))
            c++;
        if (!better(C.run[c], C.run[i]))
            return;
        swap(i, c);
        i = c;
    }
}

void rc_ctl_put(rc_g *g)
{
    rc_spin_lock(&C.lock);
    if (C.n == C.cap) {
        size_t cap = C.cap ? 2 * C.cap : 64;
        rc_g **v = realloc(C.run, cap * sizeof *v);
        if (!v)
            rc_fatal("out of memory (controlled scheduler)");
        C.run = v;
        C.cap = cap;
    }
    C.run[C.n++] = g;
    if (C.strategy == PCT)
        heap_up(C.n - 1);
    rc_spin_unlock(&C.lock);
}

size_t rc_ctl_nrunnable(void)
{
    rc_spin_lock(&C.lock);
    size_t n = C.n;
    rc_spin_unlock(&C.lock);
    return n;
}

static rc_g *take(size_t i) /* C.lock held; PCT: i == 0 */
{
    rc_g *g = C.run[i];
    C.run[i] = C.run[--C.n];
    C.run[C.n] = NULL; /* no stale pointer for reach.c's conservative scan */
    if (C.strategy == PCT)
        heap_down(i);
    return g;
}

/* A runnable goroutine by the strategy (NULL if none), out of the set. */
static rc_g *pick_from_set(void)
{
    rc_spin_lock(&C.lock);
    rc_g *g = NULL;
    if (C.n > 0)
        g = take(C.strategy == PCT ? 0 : rc_rand_n(&C.rng, (uint32_t)C.n));
    rc_spin_unlock(&C.lock);
    return g;
}

/* ---- the clock ---------------------------------------------------------------------- */

/* Timers fire only while no goroutine is in a system call (it may still come back and
 * act before a timer would have), and during the exit drain only up to its deadline. */
static int64_t limit(void)
{
    return C.exit_steps ? C.exit_deadline : INT64_MAX; /* draining at exit: a deadline */
}

static bool timer_ready(void)
{
    return atomic_load(&C.nsyscall) == 0 && rc_timers_next() <= limit();
}

static bool fire(void)
{
    return atomic_load(&C.nsyscall) == 0 && rc_timers_fire_next(limit());
}

/* ---- decisions ---------------------------------------------------------------------- */

static void pct_step(rc_g *cur)
{
    while (C.next_change < C.nchange && C.change[C.next_change] <= C.steps)
        cur->ctl_prio = ++C.next_change; /* i-th change point: priority i */
}

/* cur gives way: another runnable goroutine, or the clock, or (nothing) cur. */
static rc_g *decide_yield(rc_g *cur)
{
    bool timers = timer_ready();
    if (C.strategy == PCT)
        cur->ctl_prio = --C.low;
    rc_spin_lock(&C.lock);
    size_t n = C.n;
    rc_spin_unlock(&C.lock);
    if (n == 0)
        return timers ? ADVANCE : cur;
    if (timers && one_in(C.adv_shift))
        return ADVANCE;
    return pick_from_set();
}

static rc_g *decide(rc_g *cur, int kind, rc_g *child)
{
    if (C.strategy == PCT)
        pct_step(cur);
    if (kind == PT_YIELD || C.since_switch >= RC_CTL_FAIR) {
        C.since_switch = 0; /* (also when nothing else can run: look again later) */
        return decide_yield(cur);
    }
    if (C.strategy == PCT) {
        if (kind != PT_ACCESS && timer_ready() && one_in(C.adv_shift))
            return ADVANCE;
        rc_spin_lock(&C.lock);
        rc_g *g = C.n > 0 && better(C.run[0], cur) ? take(0) : cur;
        rc_spin_unlock(&C.lock);
        return g;
    }
    switch (kind) {
    case PT_SPAWN:
        if (rc_rand_next(&C.rng) & 1)
            return cur;
        rc_spin_lock(&C.lock);
        for (size_t i = C.n; i-- > 0;) /* the last one put, but for a syscall's return */
            if (C.run[i] == child) {
                take(i);
                rc_spin_unlock(&C.lock);
                return child;
            }
        rc_spin_unlock(&C.lock);
        return cur;
    case PT_ACCESS: {
        if (C.acc_budget == 0 || !one_in(C.acc_shift))
            return cur;
        bool timers = timer_ready();
        rc_spin_lock(&C.lock);
        size_t n = C.n + (timers ? 1 : 0);
        rc_g *g = cur;
        if (n > 0) {
            uint32_t i = rc_rand_n(&C.rng, (uint32_t)n);
            g = i < C.n ? take(i) : ADVANCE;
            C.acc_budget--;
        }
        rc_spin_unlock(&C.lock);
        return g;
    }
    default: { /* PT_SYNC */
        if (timer_ready() && one_in(C.adv_shift))
            return ADVANCE;
        rc_spin_lock(&C.lock);
        uint32_t i = rc_rand_n(&C.rng, (uint32_t)C.n + 1);
        rc_g *g = i < C.n ? take(i) : cur;
        rc_spin_unlock(&C.lock);
        return g;
    }
    }
}

/* Carries out a decision of the running goroutine cur. */
static void act(rc_g *cur, rc_g *next)
{
    if (next == cur)
        return;
    C.since_switch = 0;
    if (next == ADVANCE) {
        C.advance = true;
        next = NULL;
    }
    atomic_store_explicit(&cur->status, RC_G_RUNNABLE, memory_order_relaxed);
    rc_ctl_put(cur);
    rc_sched_ctl_switch(next);
}

/* The running goroutine, if a point applies here. */
static rc_g *point_g(void)
{
    rc_g *g = rc_curg();
    return g && g->blocking_depth == 0 && !rc_is_dying() ? g : NULL;
}

static void point(int kind, rc_g *child)
{
    rc_g *cur = point_g();
    if (!cur)
        return;
    C.steps++;
    C.since_switch++;
    if (C.exit_g && C.steps >= C.exit_steps && cur != C.exit_g) {
        rc_g *e = C.exit_g; /* the drain is over: the exiting goroutine goes on */
        C.exit_g = NULL;
        act(cur, e);
        return;
    }
    act(cur, decide(cur, kind, child));
}

void rc_ctl_point(void)            { point(PT_SYNC, NULL); }
void rc_ctl_access_point(void)     { point(PT_ACCESS, NULL); }
void rc_ctl_yield(void)            { point(PT_YIELD, NULL); }
void rc_ctl_spawned(rc_g *child)  { point(PT_SPAWN, child); }
void rc_ctl_created(rc_g *g)       { g->ctl_prio = initial_prio(); }

/* ---- the scheduler's side ------------------------------------------------------------- */

rc_g *rc_ctl_next(rc_g *cur)
{
    (void)cur;
    C.since_switch = 0;
    if (timer_ready() && one_in(C.adv_shift)) {
        C.advance = true;
        return NULL;
    }
    return pick_from_set(); /* NULL: g0 fires timers or goes idle */
}

rc_g *rc_ctl_findrunnable(void)
{
    C.since_switch = 0;
    for (;;) {
        if (C.advance) {
            C.advance = false;
            fire();
        }
        rc_g *g = pick_from_set();
        if (g)
            return g;
        if (fire())
            continue;
        if (C.exit_g) { /* every other goroutine is blocked: the exit goes on */
            g = C.exit_g;
            C.exit_g = NULL;
            return g;
        }
        return NULL;
    }
}

void rc_ctl_exit_drain(void)
{
    rc_g *self = point_g();
    if (!self)
        return;
    C.exit_deadline = rc_ctl_now() + RC_CTL_EXIT_GRACE_NS;
    C.exit_steps = C.steps + RC_CTL_EXIT_STEPS;
    while (C.steps < C.exit_steps && (rc_ctl_nrunnable() > 0 || timer_ready())) {
        C.steps++;
        C.exit_g = self;
        C.since_switch = 0;
        atomic_store_explicit(&self->status, RC_G_RUNNABLE, memory_order_relaxed);
        rc_sched_ctl_switch(pick_from_set()); /* NULL: g0 fires the timer */
    }
    C.exit_g = NULL;
}
