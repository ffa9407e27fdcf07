/*
 * locks.c: lock records (locks.h) and deadlocks among goroutines waiting for mutexes.
 *
 * The hooks (race.c) keep the records: mutex_locked names the holder, mutex_unlocked
 * clears it, mutex_wait marks a goroutine as waiting for a mutex until mutex_locked.
 * A goroutine that starts to wait looks for a cycle through itself: it waits for m,
 * held by g2 (or, for an RWMutex, by its readers or the writer it queues behind),
 * which waits for m2, held by ... by itself. Every edge of such a cycle is exact (a
 * recorded holder holds; a waiter cannot leave its Lock before it gets the mutex), so
 * the cycle is a deadlock and is reported at once, while other goroutines keep
 * running (Go only sees the case where every goroutine is blocked) -- provided every
 * mutex in it has been unlocked by its own holder before: Go lets any goroutine
 * unlock a mutex, so a mutex that never was (yet) may be a semaphore that another
 * goroutine is about to release (scenario N5: Lock, Lock, and another goroutine's
 * Unlock in between is fine). A cycle through such mutexes is confirmed: reported
 * once it has stood for CONFIRM_NS (a confirmer thread looks again then), or by
 * rc_race_deadlock_scan, run when nothing can release it any more: every goroutine
 * asleep, exit (after leak.c's grace period), the hang timeout. A cycle of one is
 * a self-deadlock: Lock of a Mutex the goroutine holds, RLock or Lock of an RWMutex it
 * holds for writing, Lock of one it holds for reading.
 *
 * Every new cycle contains the goroutine whose wait closes it (holders are running
 * when they become holders), so searching from the new waiter finds them all; a
 * writer that takes an RWMutex's writer slot becomes holder and waiter at once and
 * searches then. Goroutines already reported are left out of later searches.
 */
#include "alloc.h"
#include "locks.h"
#include "../core/clock.h"
#include "../core/futex.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../hooks.h"
#include "../sched/control.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* How long a cycle through a mutex never unlocked yet must stand to be reported
 * while the program runs (see the top of the file). */
#define CONFIRM_NS (1000 * 1000 * 1000LL)

_Atomic uint32_t rc_locks_lock;

static rc_lockrec *records;        /* by address */
static _Atomic bool any_records;   /* read without the lock: frees skip the lookup */
static _Atomic uint32_t records_gen; /* bumped when a record is freed (lk_cache) */
static rc_rg *waiting;             /* goroutines in mutex_wait, by goid (lk_hh) */
static uint32_t search_gen;
static bool strict;                /* searches: only mutexes seen used as locks */

/* ---- records -------------------------------------------------------------------- */

rc_lockrec *rc_lockrec_get(uintptr_t a, bool create)
{
    rc_lockrec *r;
    HASH_FIND(hh, records, &a, sizeof a, r);
    if (!r && create) {
        r = rc_race_calloc(1, sizeof *r);
        if (!r)
            rc_fatal("race: out of memory (lock record)");
        r->addr = a;
        HASH_ADD(hh, records, addr, sizeof r->addr, r);
        atomic_store_explicit(&any_records, true, memory_order_relaxed);
    }
    return r;
}

static void record_free(rc_lockrec *r)
{
    atomic_fetch_add_explicit(&records_gen, 1, memory_order_release);
    rc_lockorder_forget(r);
    HASH_DEL(records, r);
    rc_race_free(r->out);
    rc_race_free(r->in);
    rc_race_free(r);
}

static void holder_store(rc_lockholder *h, rc_lockholder v)
{
    RC_LK_STORE(h->goid, v.goid);
    RC_LK_STORE(h->sid, v.sid);
    RC_LK_STORE(h->epoch, v.epoch);
    RC_LK_STORE(h->pc, v.pc);
}

static rc_lockholder holder_load(const rc_lockholder *h)
{
    return (rc_lockholder){ RC_LK_LOAD(h->goid), RC_LK_LOAD(h->sid), RC_LK_LOAD(h->epoch),
                            RC_LK_LOAD(h->pc) };
}

bool rc_lockrec_holder(const rc_lockrec *r, int64_t goid, rc_lockholder *out, bool *reader)
{
    *reader = false;
    if (RC_LK_LOAD(r->x.goid) == goid) {
        *out = holder_load(&r->x);
        return out->goid == goid;
    }
    *reader = true;
    for (unsigned i = 0; i < r->nreaders; i++)
        if (r->readers[i].goid == goid) {
            *out = r->readers[i];
            return true;
        }
    return false;
}

/* The record of m if rg looked it up before and no record was freed since (no lock
 * needed: the record outlives the mutex's use unless the program frees a mutex in
 * use), else NULL. */
static rc_lockrec *cache_get(rc_rg *rg, uintptr_t m)
{
    unsigned i = (unsigned)(m >> 3) & 3;
    if (rg->lk_cache[i].addr != m ||
        rg->lk_cache_gen != atomic_load_explicit(&records_gen, memory_order_acquire))
        return NULL;
    return rg->lk_cache[i].rec;
}

/* rc_locks_lock held. */
static void cache_put(rc_rg *rg, rc_lockrec *r)
{
    uint32_t gen = atomic_load_explicit(&records_gen, memory_order_relaxed);
    if (rg->lk_cache_gen != gen) {
        memset(rg->lk_cache, 0, sizeof rg->lk_cache);
        rg->lk_cache_gen = gen;
    }
    unsigned i = (unsigned)(r->addr >> 3) & 3;
    rg->lk_cache[i].addr = r->addr;
    rg->lk_cache[i].rec = r;
}

static void reader_add(rc_lockrec *r, rc_lockholder h)
{
    r->readers_total++;
    if (r->nreaders < RC_LOCK_READERS)
        r->readers[r->nreaders++] = h;
}

static void reader_del(rc_lockrec *r, int64_t goid)
{
    for (unsigned i = 0; i < r->nreaders; i++)
        if (r->readers[i].goid == goid) {
            r->readers[i] = r->readers[--r->nreaders];
            r->readers_total--;
            return;
        }
    if (r->readers_total > r->nreaders)
        r->readers_total--;      /* one we did not name */
    else
        RC_LK_STORE(r->handoff, true); /* RUnlock by a goroutine that did not RLock */
}

/* Forgets the records in [a, a + n): the memory is freed or reused. */
static void forget_range(uintptr_t a, size_t n, int64_t stack_goid)
{
    rc_lockrec *r, *tmp;
    if (stack_goid || n > 4096) {
        HASH_ITER(hh, records, r, tmp)
            if (r->addr >= a && r->addr - a < n && (!stack_goid || r->stack_goid == stack_goid))
                record_free(r);
        return;
    }
    for (uintptr_t p = (a + 7) & ~(uintptr_t)7; p < a + n; p += 8) /* mutexes are aligned */
        if ((r = rc_lockrec_get(p, false)))
            record_free(r);
}

bool rc_locks_on = true;

void rc_locks_forget(uintptr_t a, size_t n)
{
    if (!atomic_load_explicit(&any_records, memory_order_relaxed))
        return;
    rc_spin_lock(&rc_locks_lock);
    forget_range(a, n, 0);
    rc_spin_unlock(&rc_locks_lock);
}

/* ---- stacks --------------------------------------------------------------------- */

int rc_locks_stack_now(const rc_rg *rg, uintptr_t pc, uintptr_t *out, int max)
{
    int n = 0;
    if (max > 0)
        out[n++] = pc;
    for (int j = (int)rg->depth - 1; j >= 0 && n < max; j--)
        out[n++] = rg->stk[j];
    return n;
}

int rc_locks_stack_at(rc_rg *rg, const rc_lockholder *h, uintptr_t *out, int max)
{
    int n = rg ? rc_trace_restore_at(rg, h->sid, h->epoch, h->pc, out, max) : 0;
    if (n == 0 && max > 0)
        out[n++] = h->pc;
    return n;
}

/* ---- waiting and cycles --------------------------------------------------------- */

static rc_rg *waiter(int64_t goid)
{
    rc_rg *rg;
    HASH_FIND(lk_hh, waiting, &goid, sizeof goid, rg);
    return rg;
}

static void wait_end(rc_rg *rg)
{
    if (!rg->lk_wait)
        return;
    HASH_DELETE(lk_hh, waiting, rg);
    rg->lk_wait = 0;
}

/* Who must act before rg can take the mutex it waits for: n goids into out. */
static int blockers(const rc_rg *rg, int64_t *out)
{
    rc_lockrec *r = rc_lockrec_get(rg->lk_wait, false);
    if (!r || RC_LK_LOAD(r->handoff) || (strict && !RC_LK_LOAD(r->disciplined)))
        return 0;
    if (rg->lk_why != RC_LOCKWAIT_RW_READERS) { /* the holder, or the writer ahead */
        int64_t x = RC_LK_LOAD(r->x.goid);
        return x ? (out[0] = x, 1) : 0;
    }
    if (r->readers_total > r->nreaders)      /* some readers unnamed: cannot tell */
        return 0;
    int n = 0;
    for (unsigned i = 0; i < r->nreaders; i++)
        out[n++] = r->readers[i].goid;
    return n;
}

/* Depth-first search for a path of waiters from rg back to start; fills path[] and
 * returns its length, or 0. */
static int search(rc_rg *start, rc_rg *rg, rc_rg **path, int depth)
{
    int64_t b[RC_LOCK_READERS];
    int nb = blockers(rg, b);
    path[depth] = rg;
    for (int i = 0; i < nb; i++) {
        if (b[i] == start->goid)
            return depth + 1;
        rc_rg *w = waiter(b[i]);
        if (!w || w->lk_mark == search_gen || w->lk_deadlocked || depth + 1 == RC_LOCK_CYCLE)
            continue;
        w->lk_mark = search_gen;
        int n = search(start, w, path, depth + 1);
        if (n)
            return n;
    }
    return 0;
}

/* ---- hooks (race.c) ------------------------------------------------------------- */

static void held_refresh(rc_rg *rg);
static void confirm_arm(int64_t due);

/* A goroutine that holds no mutex and waits for one blocks nobody, so it is in no
 * cycle and adds no lock-order edge: it is not recorded as waiting at all (which
 * keeps contended Locks off rc_locks_lock). A writer waiting for an RWMutex's readers
 * does block: new readers queue behind it. */
void rc_locks_wait(rc_rg *rg, uintptr_t m, int why, uintptr_t pc)
{
    if (why != RC_LOCKWAIT_RW_READERS && rg->nheld == 0 && !rg->lk_overflow)
        return;
    struct rc_deadlock_raw *raw = NULL;
    rc_spin_lock(&rc_locks_lock);
    rc_lockrec *r = rc_lockrec_get(m, true);
    if (why == RC_LOCKWAIT_RW_READERS) { /* we are the writer now; readers queue behind */
        uint64_t epoch = rc_trace_event(rg, RC_EV_SYNC_OF(RC_SYNC_RELEASE, m));
        holder_store(&r->x, (rc_lockholder){ rg->goid, rg->sid, epoch, pc });
        RC_LK_STORE(r->x_owns, false);
    }
    struct rc_lockorder_raw *inv = NULL;
    if (why != RC_LOCKWAIT_RW_READERS && rg->nheld > 0) { /* the order, before blocking */
        held_refresh(rg);
        inv = rc_lockorder_add(rg, r, why != RC_LOCKWAIT_RW_READER, pc);
    }
    wait_end(rg);
    rg->lk_wait = m;
    rg->lk_why = (uint8_t)why;
    rg->lk_pc = pc;
    HASH_ADD(lk_hh, waiting, goid, sizeof rg->goid, rg);
    rg->lk_since = rc_mono_ns();
    rc_rg *path[RC_LOCK_CYCLE];
    int n = 0;
    bool suspect = false;
    for (int pass = 0; pass < 2 && !n && !rg->lk_deadlocked; pass++) {
        search_gen++;
        rg->lk_mark = search_gen;
        strict = pass == 0;
        n = search(rg, rg, path, 0);
        suspect = !strict && n;
    }
    if (n && !suspect)
        raw = rc_deadlock_collect(path, n);
    int64_t due = rg->lk_since + CONFIRM_NS;
    rc_spin_unlock(&rc_locks_lock);
    if (inv)
        rc_lockorder_report(inv);
    if (raw)
        rc_deadlock_report(raw);
    if (suspect && !rc_ctl_on) /* controlled runs have no real time: exit reports it */
        confirm_arm(due);
}

/* Drops from rg's held set the mutexes it no longer holds: another goroutine
 * unlocked them for it (legal in Go), which the set cannot see. */
static void held_refresh(rc_rg *rg)
{
    for (uint32_t i = rg->nheld; i-- > 0;) {
        rc_lockrec *r = rc_lockrec_get(rg->held[i].addr, false);
        bool reader;
        rc_lockholder h;
        if (!r || RC_LK_LOAD(r->handoff) || !rc_lockrec_holder(r, rg->goid, &h, &reader))
            rc_held_del(rg->held, &rg->nheld, rg->held[i].addr);
    }
}

/* A Mutex's holder fields, written by its holder only (locks.h). */
static void mutex_take(rc_lockrec *r, rc_lockholder h)
{
    holder_store(&r->x, h);
    RC_LK_STORE(r->x_owns, true);
    if (!RC_LK_LOAD(r->wlocked))
        RC_LK_STORE(r->wlocked, true);
}

static void mutex_drop(rc_lockrec *r, int64_t goid)
{
    if (RC_LK_LOAD(r->x.goid) != goid)
        RC_LK_STORE(r->handoff, true);
    else if (!RC_LK_LOAD(r->disciplined))
        RC_LK_STORE(r->disciplined, true);
    holder_store(&r->x, (rc_lockholder){ 0 });
    RC_LK_STORE(r->x_owns, false);
}

static __attribute__((noinline)) void locked_slow(rc_rg *rg, rc_g *g, uintptr_t m, bool write,
                                                  bool try_, uintptr_t pc, rc_lockholder h)
{
    rc_lockrec *r;
    struct rc_lockorder_raw *inv = NULL;
    rc_spin_lock(&rc_locks_lock);
    r = rc_lockrec_get(m, true);
    if (!r->stack_goid && g->stack.lo && m >= (uintptr_t)g->stack.lo &&
        m < (uintptr_t)g->stack.hi) {
        r->stack_goid = rg->goid;
        rg->lk_stack_locks++;
    }
    if (write)
        mutex_take(r, h);
    else
        reader_add(r, h);
    wait_end(rg);
    held_refresh(rg);
    if (!try_ && rg->nheld > 0)
        inv = rc_lockorder_add(rg, r, write, pc);
    rg->lk_overflow |= rg->nheld == RC_MAX_HELD; /* the caller's add may not fit */
    cache_put(rg, r);
    rc_spin_unlock(&rc_locks_lock);
    if (inv)
        rc_lockorder_report(inv);
}

/*
 * The fast path (no rc_locks_lock): a write Lock of a mutex whose record rg has cached,
 * that did not wait and adds no lock-order edge (rg held nothing). Searches under the
 * lock still see consistent cycles: a goroutine in `waiting` stays there while the
 * lock is held, and its holder stores (program order before its rc_locks_wait) are
 * visible to a search that finds it there; it cannot release what it holds while it
 * waits, so a holder read during a search stays the holder, unless some other
 * goroutine unlocks for it (handoff: then the cycle is not exact, under the lock or
 * not, which is why a cycle is reported at once only through disciplined mutexes).
 * The slow paths are functions apart: the fast ones then save no registers.
 */
void rc_locks_locked(rc_rg *rg, rc_g *g, uintptr_t m, bool write, bool try_, uintptr_t pc,
                     uint64_t epoch)
{
    rc_lockholder h = { rg->goid, rg->sid, epoch, pc };
    rc_lockrec *r;
    if (write && !rg->lk_wait && rg->nheld == 0 && (r = cache_get(rg, m)))
        mutex_take(r, h);
    else
        locked_slow(rg, g, m, write, try_, pc, h);
}

static __attribute__((noinline)) void unlocked_slow(rc_rg *rg, uintptr_t m, bool write)
{
    rc_lockrec *r;
    rc_spin_lock(&rc_locks_lock);
    r = rc_lockrec_get(m, false);
    if (r && write) {
        mutex_drop(r, rg->goid);
    } else if (r) {
        reader_del(r, rg->goid);
        if (!r->handoff)
            RC_LK_STORE(r->disciplined, true);
    }
    if (r)
        cache_put(rg, r);
    rc_spin_unlock(&rc_locks_lock);
}

void rc_locks_unlocked(rc_rg *rg, uintptr_t m, bool write)
{
    rc_lockrec *r;
    if (write && (r = cache_get(rg, m))) /* fast path: see rc_locks_locked */
        mutex_drop(r, rg->goid);
    else
        unlocked_slow(rg, m, write);
}

void rc_locks_exit(rc_rg *rg, rc_g *g)
{
    if (!rg->lk_stack_locks && !rg->lk_wait)
        return;
    rc_spin_lock(&rc_locks_lock);
    wait_end(rg);
    if (rg->lk_stack_locks && g->stack.lo)
        forget_range((uintptr_t)g->stack.lo, (size_t)(g->stack.hi - g->stack.lo), rg->goid);
    rc_spin_unlock(&rc_locks_lock);
}

/* Reports the cycles among waiting goroutines, through any mutex not handed off, that
 * have stood since `stood` or before (a cycle stands from the start of its newest
 * member's wait: each member took what it holds before it began to wait, and cannot
 * release it while waiting); returns how many. *young: when the youngest cycle left
 * will have stood CONFIRM_NS (0: none left). */
static int scan(int64_t stood, int64_t *young)
{
    int found = 0;
    *young = 0;
    for (;;) { /* one cycle at a time: reporting drops the lock */
        struct rc_deadlock_raw *raw = NULL;
        rc_spin_lock(&rc_locks_lock);
        for (rc_rg *rg = waiting; rg && !raw; rg = rg->lk_hh.next) {
            if (rg->lk_deadlocked)
                continue;
            rc_rg *path[RC_LOCK_CYCLE];
            search_gen++;
            rg->lk_mark = search_gen;
            strict = false;
            int n = search(rg, rg, path, 0);
            int64_t newest = 0;
            for (int i = 0; i < n; i++)
                newest = path[i]->lk_since > newest ? path[i]->lk_since : newest;
            if (n && newest <= stood)
                raw = rc_deadlock_collect(path, n);
            else if (n && (!*young || newest + CONFIRM_NS < *young))
                *young = newest + CONFIRM_NS;
        }
        rc_spin_unlock(&rc_locks_lock);
        if (!raw)
            return found;
        rc_deadlock_report(raw);
        found++;
    }
}

int rc_race_deadlock_scan(void)
{
    int64_t young;
    return scan(INT64_MAX, &young);
}

/* ---- confirming cycles through mutexes not yet seen used as locks ---------------- */

static _Atomic int64_t confirm_due;  /* when to look again; 0: nothing to confirm */
static _Atomic uint32_t confirm_kick;
static pthread_once_t confirm_once = PTHREAD_ONCE_INIT;

static void *confirmer(void *arg)
{
    (void)arg;
    for (;;) {
        atomic_store(&confirm_kick, 0);
        int64_t due = atomic_load(&confirm_due), now = rc_mono_ns();
        if (!due || now < due) {
            int64_t ns = due ? due - now : 0;
            struct timespec rel = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
            rc_futex_wait(&confirm_kick, 0, due ? &rel : NULL);
            continue;
        }
        atomic_store(&confirm_due, 0);
        int64_t young;
        scan(now - CONFIRM_NS, &young);
        if (young)
            confirm_arm(young);
    }
    return NULL;
}

static void confirm_start(void)
{
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, 256 * 1024);
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_t t;
    if (pthread_create(&t, &a, confirmer, NULL) != 0)
        fprintf(stderr, "racecheck: cannot start the deadlock confirmer thread; cycles "
                        "through mutexes never unlocked yet are reported at exit\n");
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&a);
}

/* Looks again at `due` for the cycles that wait for confirmation. */
static void confirm_arm(int64_t due)
{
    pthread_once(&confirm_once, confirm_start);
    int64_t cur = atomic_load(&confirm_due);
    while ((!cur || due < cur) && !atomic_compare_exchange_weak(&confirm_due, &cur, due))
        ;
    atomic_store(&confirm_kick, 1);
    rc_futex_wake(&confirm_kick, 1);
}
