/* runq.c: per-P lock-free run queues and the global queue (see runq.h). */
#include "runq.h"
#include "proc.h"
#include "../core/clock.h"
#include "../core/rseq.h"
#include "../core/spin.h"

#include <sched.h>
#include <stdatomic.h>
#include <stddef.h>

#define LOAD_ACQ(x)  atomic_load_explicit(&(x), memory_order_acquire)
/* Ring slots are read by thieves while the owner may be writing a slot they will not
 * take (the CAS on head decides): relaxed atomics make that benign race defined. */
#define RING_GET(p, i)    atomic_load_explicit(&(p)->runq[(i) % RC_RUNQ_SIZE], memory_order_relaxed)
#define RING_SET(p, i, g) atomic_store_explicit(&(p)->runq[(i) % RC_RUNQ_SIZE], (g), memory_order_relaxed)

static struct {
    rc_g *head, *tail;
    _Atomic int size;
} globq;

void rc_globrunq_put_batch_locked(rc_g *head, rc_g *tail, int n)
{
    tail->schedlink = NULL;
    if (globq.tail)
        globq.tail->schedlink = head;
    else
        globq.head = head;
    globq.tail = tail;
    atomic_fetch_add_explicit(&globq.size, n, memory_order_relaxed);
}

void rc_globrunq_put_locked(rc_g *g)
{
    rc_globrunq_put_batch_locked(g, g, 1);
}

int rc_globrunq_size(void)
{
    return atomic_load_explicit(&globq.size, memory_order_relaxed);
}

rc_g *rc_globrunq_get_locked(rc_p *p, int max)
{
    int size = rc_globrunq_size();
    if (size == 0)
        return NULL;
    int n = p ? size / rc_sched_nprocs() + 1 : 1;
    if (n > size)
        n = size;
    if (max > 0 && n > max)
        n = max;
    if (n > RC_RUNQ_SIZE / 2)
        n = RC_RUNQ_SIZE / 2;
    atomic_fetch_sub_explicit(&globq.size, n, memory_order_relaxed);
    rc_g *g = globq.head;
    globq.head = g->schedlink;
    for (int i = 1; i < n; i++) {
        rc_g *g2 = globq.head;
        globq.head = g2->schedlink;
        rc_runq_put(p, g2, false);
    }
    if (!globq.head)
        globq.tail = NULL;
    return g;
}

/* The ring is full: move half of it plus g to the global queue. Fails (returns false)
 * if thieves took some meanwhile, and the caller retries the fast path. */
static bool runq_put_slow(rc_p *p, rc_g *g, uint32_t h, uint32_t t)
{
    enum { N = RC_RUNQ_SIZE / 2 };
    rc_g *batch[N + 1];
    for (uint32_t i = 0; i < N; i++)
        batch[i] = RING_GET(p, h + i);
    if (!atomic_compare_exchange_strong_explicit(&p->runq_head, &h, h + N,
                                                 memory_order_release, memory_order_relaxed))
        return false;
    (void)t;
    batch[N] = g;
    for (int i = 0; i < N; i++)
        batch[i]->schedlink = batch[i + 1];
    rc_sched_lock();
    rc_globrunq_put_batch_locked(batch[0], batch[N], N + 1);
    rc_sched_unlock();
    return true;
}

/* ---- runnext ----------------------------------------------------------------------
 * The owner puts a goroutine in runnext at every wake-up and takes it at the next
 * switch; a thief takes it only after the grace below. So the owner writes the slot
 * with plain stores, inside restartable sequences (runnext_x86_64.S) that commit only
 * while p->runnext_guard is 0, and saves two atomic read-modify-writes per hand-off.
 * A thief sets the guard to STEALING (one thief at a time) and fences (core/rseq.h):
 * from then on the owner's sequences fail and the owner uses atomics, as the thief
 * does, until the guard is 0 again. Without sequences the guard stays ATOMIC. */
enum { GUARD_OPEN = 0, GUARD_STEALING = 1, GUARD_ATOMIC = 2 };
#define SEQ_GUARDED ((rc_g *)1) /* a sequence's answer when the guard is not 0 */

_Static_assert(offsetof(rc_p, runnext_guard) == offsetof(rc_p, runnext) + 8,
               "runnext_x86_64.S's layout");

rc_g *rc_runnext_swap_(_Atomic(rc_g *) *slot, rc_g *g);
rc_g *rc_runnext_take_(_Atomic(rc_g *) *slot);

void rc_runq_init(rc_p *p)
{
    atomic_init(&p->runnext_guard, rc_rseq_token() ? GUARD_OPEN : GUARD_ATOMIC);
}

static rc_g *runnext_swap(rc_p *p, rc_g *g)
{
#if defined(__x86_64__)
    rc_g *old = rc_runnext_swap_(&p->runnext, g);
    if (__builtin_expect(old != SEQ_GUARDED, 1))
        return old;
#endif
    return atomic_exchange_explicit(&p->runnext, g, memory_order_acq_rel);
}

static rc_g *runnext_take(rc_p *p)
{
#if defined(__x86_64__)
    rc_g *g = rc_runnext_take_(&p->runnext);
    if (__builtin_expect(g != SEQ_GUARDED, 1))
        return g;
#endif
    rc_g *next = atomic_load_explicit(&p->runnext, memory_order_relaxed);
    if (next && atomic_compare_exchange_strong(&p->runnext, &next, NULL))
        return next;
    return NULL;
}

/* A thief's take of victim's runnext, if it still holds next. */
static bool runnext_steal(rc_p *victim, rc_g *next)
{
    uint32_t guard = GUARD_OPEN;
    bool fenced = atomic_compare_exchange_strong(&victim->runnext_guard, &guard,
                                                 GUARD_STEALING);
    if (!fenced && guard != GUARD_ATOMIC)
        return false; /* another thief is at it */
    if (fenced)
        rc_rseq_fence();
    bool ok = atomic_compare_exchange_strong(&victim->runnext, &next, NULL);
    if (fenced)
        atomic_store_explicit(&victim->runnext_guard, GUARD_OPEN, memory_order_release);
    return ok;
}

void rc_runq_put(rc_p *p, rc_g *g, bool next)
{
    if (next) {
        uint32_t puts = atomic_load_explicit(&p->runnext_puts, memory_order_relaxed);
        atomic_store_explicit(&p->runnext_puts, puts + 1, memory_order_relaxed);
        g = runnext_swap(p, g);
        if (!g)
            return;
        /* the goroutine we displaced goes to the ring */
    }
    for (;;) {
        uint32_t h = LOAD_ACQ(p->runq_head);
        uint32_t t = atomic_load_explicit(&p->runq_tail, memory_order_relaxed);
        if (t - h < RC_RUNQ_SIZE) {
            RING_SET(p, t, g);
            atomic_store_explicit(&p->runq_tail, t + 1, memory_order_release);
            return;
        }
        if (runq_put_slow(p, g, h, t))
            return;
    }
}

rc_g *rc_runq_get(rc_p *p)
{
    rc_g *next = runnext_take(p);
    if (next)
        return next;
    for (;;) {
        uint32_t h = LOAD_ACQ(p->runq_head);
        uint32_t t = atomic_load_explicit(&p->runq_tail, memory_order_relaxed);
        if (t == h)
            return NULL;
        rc_g *g = RING_GET(p, h);
        if (atomic_compare_exchange_strong_explicit(&p->runq_head, &h, h + 1,
                                                    memory_order_release, memory_order_relaxed))
            return g;
    }
}

uint32_t rc_runq_len(rc_p *p)
{
    return atomic_load_explicit(&p->runq_tail, memory_order_relaxed) - LOAD_ACQ(p->runq_head);
}

bool rc_runq_empty(rc_p *p)
{
    /* tail is read twice so that a concurrent runnext -> ring kick is not missed */
    for (;;) {
        uint32_t h = LOAD_ACQ(p->runq_head);
        uint32_t t = LOAD_ACQ(p->runq_tail);
        rc_g *next = LOAD_ACQ(p->runnext);
        if (t == LOAD_ACQ(p->runq_tail))
            return h == t && next == NULL;
    }
}

/* How long a thief leaves a P's runnext alone (Go: usleep(3), which Linux stretches to
 * tens of microseconds). The owner woke that goroutine while handing it something (a
 * channel value, a lock) and is about to run it; stolen at once, a communicating pair
 * splits across threads and every operation between them moves cache lines from core
 * to core. The thief watches only its own clock: polling the victim's runnext would
 * pull that line away from the owner, who writes it at every wake-up. bench/race
 * pipeline, 2 Ps, plain / under detection: ~1 us grace 64 / 990 ms, 60 us 25 / 253 ms.
 * It waits in sched_yield, not a pause loop: the thief may share the victim's CPU
 * (proc.c spin_for_work), and then the wait itself would stall the owner.
 * The same goroutine in runnext after the grace is not proof that the owner stalled:
 * a producer and a consumer hand off every few microseconds, and each is in runnext
 * half of the time. runnext_puts tells: if the owner put anything there meanwhile, it
 * is running, and nothing is stolen (before, this moved such a pair between threads
 * 20-100 times per bench/c/chanbuf run). */
#ifndef RUNNEXT_GRACE_NS
#define RUNNEXT_GRACE_NS 60000
#endif

/* A goroutine that an Unlock woke to retry its Mutex (g->lock_waiter) is left to the
 * waker's P for up to 1 ms (Go's starvation threshold), in runnext or at the head of
 * the ring (where a later wake-up pushed it), in steps of the grace above, each ending
 * with a check that the owner has not moved on. An unlocker that keeps running usually
 * locks again at once; the woken goroutine stolen onto another thread would only
 * contend with it, moving the mutex's line between the cores at every Lock
 * (bench/c/mutex4, 4 goroutines on 2 Ps: 29.4 -> 19.3 ns per operation with runnext
 * alone, median of 15 runs). */
#define LOCK_WAITER_GRACE_NS 1000000

static void grace_step(void)
{
    int64_t until = rc_mono_ns() + RUNNEXT_GRACE_NS;
    do
        sched_yield();
    while (rc_mono_ns() < until);
}

/* Waits out the grace for victim's runnext next; false if the owner put anything in
 * runnext meanwhile (it is running and handing off) or ran next itself. */
static bool runnext_grace(rc_p *victim, rc_g *next, uint32_t puts)
{
    int64_t grace = atomic_load_explicit(&next->lock_waiter, memory_order_relaxed)
                        ? LOCK_WAITER_GRACE_NS
                        : RUNNEXT_GRACE_NS;
    for (int64_t waited = 0; waited < grace; waited += RUNNEXT_GRACE_NS) {
        grace_step();
        if (LOAD_ACQ(victim->runnext_puts) != puts || LOAD_ACQ(victim->runnext) != next)
            return false;
    }
    return true;
}

/* Waits out the grace for a Mutex waiter at the head (h) of victim's ring; false if
 * the owner took from its ring meanwhile. */
static bool ring_grace(rc_p *victim, uint32_t h)
{
    for (int64_t waited = 0; waited < LOCK_WAITER_GRACE_NS; waited += RUNNEXT_GRACE_NS) {
        grace_step();
        if (LOAD_ACQ(victim->runq_head) != h)
            return false;
    }
    return true;
}

/* Copies up to half of victim's ring into p's ring starting at p's tail; returns the
 * count (not yet published in p's tail). */
static uint32_t runq_grab(rc_p *p, rc_p *victim, bool steal_next)
{
    uint32_t ptail = atomic_load_explicit(&p->runq_tail, memory_order_relaxed);
    bool graced = false;
    for (;;) {
        uint32_t h = LOAD_ACQ(victim->runq_head);
        uint32_t t = LOAD_ACQ(victim->runq_tail);
        uint32_t n = t - h;
        n -= n / 2;
        if (n == 0) {
            if (!steal_next)
                return 0;
            uint32_t puts = LOAD_ACQ(victim->runnext_puts);
            rc_g *next = LOAD_ACQ(victim->runnext);
            if (!next)
                return 0;
            if (!runnext_grace(victim, next, puts))
                return 0;
            if (!runnext_steal(victim, next))
                continue;
            RING_SET(p, ptail, next);
            return 1;
        }
        if (n > RC_RUNQ_SIZE / 2)
            continue; /* read h and t at different times: inconsistent, retry */
        if (!graced &&
            atomic_load_explicit(&RING_GET(victim, h)->lock_waiter, memory_order_relaxed)) {
            if (!steal_next || !ring_grace(victim, h))
                return 0; /* (steal_next: the thief's last round, as for runnext) */
            graced = true;
            continue;
        }
        for (uint32_t i = 0; i < n; i++)
            RING_SET(p, ptail + i, RING_GET(victim, h + i));
        if (atomic_compare_exchange_strong_explicit(&victim->runq_head, &h, h + n,
                                                    memory_order_release, memory_order_relaxed))
            return n;
    }
}

rc_g *rc_runq_steal(rc_p *p, rc_p *victim, bool steal_next)
{
    uint32_t n = runq_grab(p, victim, steal_next);
    if (n == 0)
        return NULL;
    uint32_t t = atomic_load_explicit(&p->runq_tail, memory_order_relaxed);
    rc_g *g = RING_GET(p, t + n - 1);
    if (n > 1)
        atomic_store_explicit(&p->runq_tail, t + n - 1, memory_order_release);
    return g;
}

void rc_runq_drain_to_global_locked(rc_p *p)
{
    rc_g *g;
    while ((g = rc_runq_get(p)) != NULL)
        rc_globrunq_put_locked(g);
}
