/*
 * bias.c: biased Mutexes. A Mutex that one thread locks again and again, with no other
 * thread in between and no contention, is biased to that thread: its Lock and Unlock
 * then use no atomic instruction (a Lock/Unlock pair costs two atomic read-modify-writes
 * otherwise, ~12 ns on the machines we measure). Any other thread that touches it
 * revokes the bias first, once, and the mutex is a plain Go mutex for the rest of its
 * life.
 *
 * The bias word (rc_mutex.bias), low two bits as the tag:
 *   T|0   undecided; T is the candidate thread (0: none yet). The lock holder counts
 *         its consecutive Locks in rc_mutex.streak (low 16 bits) and how often the
 *         candidate changed (high 16 bits).
 *   T|1   biased to thread T. state has BIASED set, and only T writes state, with plain
 *         stores inside the restartable sequences of bias_x86_64.S: BIASED (unlocked)
 *         or BIASED|LOCKED. No waiter can be counted while biased: a goroutine that
 *         must wait unbiases first.
 *   2     never biased (RC_MUTEX_NOBIAS_): contention was seen, a bias was revoked, the
 *         candidate changed too often, or biasing is off.
 *   3     a thread is revoking the bias; everyone else waits for 2.
 * T is the thread pointer (%fs:0), 64-byte aligned, so the tag bits are free. Undecided
 * goes to biased or never; biased goes through revoking to never; never is final.
 *
 * Invariants:
 *   - state has BIASED exactly while the bias word is T|1 or 3; it is set by T holding
 *     the mutex uncontended (state == LOCKED), after T wrote T|1, and cleared by the
 *     revoker before it writes 2. So every normal-mode CAS (which never expects
 *     BIASED) fails on a biased mutex, and its slow path unbiases first.
 *   - Revoking: CAS T|1 -> 3, then, if T is another thread, membarrier(PRIVATE_
 *     EXPEDITED_RSEQ): every running sequence that read T|1 is restarted (and then
 *     fails), every finished one is visible. Only then is state read and written
 *     atomically again. T itself revokes without membarrier: it is in no sequence.
 *
 * A revocation costs ~1 us, or ~50 us when T is running (an IPI, on this VM). Two
 * limits keep that rare: a mutex is revoked at most once, and new biases are granted
 * only while revocations have cost less than 0.5% of the run's time (plus 0.25 ms).
 * Biasing needs x86-64, glibc's rseq registration and membarrier's RSEQ command;
 * without any of them, or with RCDEBUG=mutexbias=0, every mutex stays a Go mutex.
 */
#define RC_NO_INLINE_MUTEX
#include "bias.h"
#include "sync.h"
#include "../core/clock.h"
#include "../core/env.h"
#include "../core/rseq.h"
#include "../core/spin.h"

#include <stddef.h>

enum {
    TAG = 3,
    TAG_BIASED = 1,
    REVOKING = 3,
    BIAS_AFTER = 16,    /* consecutive Locks by one thread */
    MAX_CANDIDATES = 4, /* candidate changes before giving up */
};

_Static_assert(offsetof(rc_mutex, state) == 0 && offsetof(rc_mutex, bias) == 40,
               "bias_x86_64.S's offsets");
_Static_assert(RC_MUTEX_NOBIAS_ == 2, "the tag values above");

static _Atomic int64_t revoked_ns;    /* time spent revoking, for the budget */
static _Atomic int64_t start_ns;      /* the first rc_bias_affordable call */
static _Atomic uint64_t nrevoked;

/* Revocations so far have cost at most 0.25 ms plus 0.5% of the time since the first
 * bias. Each is charged twice its revoker's time: the owner's thread, interrupted by
 * the IPI, pays about as much again. */
bool rc_bias_affordable(void)
{
    int64_t zero = 0, now = rc_mono_ns();
    if (!atomic_load_explicit(&start_ns, memory_order_relaxed))
        atomic_compare_exchange_strong(&start_ns, &zero, now);
    int64_t spent = 2 * atomic_load_explicit(&revoked_ns, memory_order_relaxed);
    return spent <= 250000 + (now - atomic_load(&start_ns)) / 200;
}

void rc_bias_revoke_wait(uintptr_t owner)
{
    int64_t t0 = rc_mono_ns();
    if (owner != rc_rseq_token())
        rc_rseq_fence();
    atomic_fetch_add_explicit(&revoked_ns, rc_mono_ns() - t0, memory_order_relaxed);
}

/* An undecided m will never be biased (contention seen, or no bias to be had). */
static void never_bias(rc_mutex *m)
{
    uintptr_t b = atomic_load_explicit(&m->bias, memory_order_relaxed);
    while (!(b & TAG) && !atomic_compare_exchange_weak(&m->bias, &b, RC_MUTEX_NOBIAS_))
        ;
}

static void make_biased(rc_mutex *m, uintptr_t cand, uintptr_t me)
{
    if (!rc_bias_affordable()) {
        never_bias(m);
        return;
    }
    if (!atomic_compare_exchange_strong(&m->bias, &cand, me | TAG_BIASED))
        return;
    int32_t locked = RC_MUTEX_LOCKED;
    if (!atomic_compare_exchange_strong(&m->state, &locked, RC_MUTEX_BIASED | locked))
        atomic_store(&m->bias, RC_MUTEX_NOBIAS_); /* a waiter came: leave it normal */
}

void rc_mutex_streak_(rc_mutex *m)
{
    uintptr_t b = atomic_load_explicit(&m->bias, memory_order_relaxed);
    if (b & TAG)
        return; /* decided meanwhile */
    uintptr_t me = rc_env.nomutexbias ? 0 : rc_rseq_token();
    uint32_t s = atomic_load_explicit(&m->streak, memory_order_relaxed);
    if (!me || (b != me && (s >> 16) >= MAX_CANDIDATES)) {
        never_bias(m);
        return;
    }
    if (b != me) { /* a new candidate: its first Lock */
        if (atomic_compare_exchange_strong(&m->bias, &b, me))
            atomic_store_explicit(&m->streak, (s & 0xffff0000u) + 0x10001u,
                                  memory_order_relaxed);
        return;
    }
    if ((s & 0xffff) + 1 < BIAS_AFTER)
        atomic_store_explicit(&m->streak, s + 1, memory_order_relaxed);
    else
        make_biased(m, b, me);
}

static void revoke_bias(rc_mutex *m, uintptr_t owner)
{
    rc_bias_revoke_wait(owner);
    atomic_fetch_and(&m->state, ~RC_MUTEX_BIASED);
    atomic_store(&m->bias, RC_MUTEX_NOBIAS_);
    atomic_fetch_add_explicit(&nrevoked, 1, memory_order_relaxed);
}

void rc_mutex_unbias(rc_mutex *m)
{
    for (unsigned spins = 0;; spins++) {
        uintptr_t b = atomic_load(&m->bias);
        int32_t s = atomic_load(&m->state);
        if ((b & TAG) == TAG_BIASED && (s & RC_MUTEX_BIASED)) {
            if (atomic_compare_exchange_strong(&m->bias, &b, REVOKING))
                revoke_bias(m, b & ~(uintptr_t)TAG);
            continue;
        }
        if ((b & TAG) == 0 && !(s & RC_MUTEX_BIASED)) {
            never_bias(m); /* whoever unbiases has seen contention */
            continue;
        }
        if (b == RC_MUTEX_NOBIAS_ && !(s & RC_MUTEX_BIASED))
            return;
        rc_spin_wait(spins); /* revoking, or a bias being set up or given up: short */
    }
}

bool rc_mutex_bias_supported(void)
{
    return !rc_env.nomutexbias && rc_rseq_token() != 0;
}

uint64_t rc_mutex_bias_revocations(void)
{
    return atomic_load_explicit(&nrevoked, memory_order_relaxed);
}

#if !defined(__x86_64__)
int rc_mutex_bias_lock_(rc_mutex *m)
{
    (void)m;
    return -1;
}

int rc_mutex_bias_unlock_(rc_mutex *m)
{
    (void)m;
    return -1;
}
#endif
