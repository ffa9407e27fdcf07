/*
 * lock.c: the channel lock's slow paths and its bias (chan.h has the fast paths).
 *
 * An uncontended atomic read-modify-write costs ~9 ns on the machines we measure, and
 * a buffered channel item costs two of them (the send's lock and the receive's). A
 * producer and a consumer that share a processor use the channel from one thread, so
 * after RC_CHAN_BIAS_AFTER Locks in a row by one thread its lock is biased to that
 * thread: Lock and Unlock are then restartable sequences with plain stores
 * (bias_x86_64.S), as for a biased Mutex (sync/bias.c, whose notes on revocation hold
 * here too).
 *
 * States of the bias word (chan.h) and who moves between them:
 *   T even   undecided, T the candidate (0: none). The holder of the lock (taken with
 *            a CAS) counts T's Locks in c->streak and changes the candidate.
 *   T|1      biased to T. Only T writes the lock word: RC_CHAN_BIASED, or BIASED|HELD.
 *            Set by T while it holds the lock normally: bias word first, then the
 *            lock word (HELD -> BIASED|HELD), so every CAS of another thread fails.
 *   REVOKING another thread saw BIASED in the lock word and won the CAS T|1 ->
 *            REVOKING. It waits out T's sequences (rc_bias_revoke_wait), clears BIASED
 *            and sets the bias word to 0: undecided again.
 *   NOBIAS   never (again): biasing is off or unsupported (RCDEBUG=chanbias=0,
 *            bias.h), or the candidate changed RC_CHAN_MAX_CANDIDATES times (c->streak
 *            counts the changes in its high half). Final.
 * Unlike a Mutex, a channel may be biased again after a revocation: when the
 * scheduler moves a producer/consumer pair to another thread (rare: sched/runq.c
 * leaves a pair that hands off alone), the bias follows it, for one revocation
 * (~1 us, or ~15-50 us when T is running, an IPI). A channel that really is shared
 * between threads soon changes candidates too often and stays a plain spinlock; the
 * budget of bias.h (revocations under 0.5% of the run) bounds the rest.
 */
#include "chan.h"
#include "../core/env.h"
#include "../core/rseq.h"
#include "../core/spin.h"
#include "../sync/bias.h"

#include <stddef.h>

#define RC_CHAN_BIAS_AFTER     64u /* consecutive Locks by one thread */
#define RC_CHAN_MAX_CANDIDATES 16u /* candidate changes (revocations included) before
                                      the channel is never biased again */

_Static_assert(offsetof(rc_chan, lock) == 0 && offsetof(rc_chan, bias) == 8,
               "bias_x86_64.S's offsets");
_Static_assert(RC_CHAN_BIASED == 2, "bias_x86_64.S's CBIASED");

static _Atomic uint64_t nrevoked;

uintptr_t rc_chan_bias_init_(void)
{
    return rc_env.nochanbias || !rc_rseq_token() ? RC_CHAN_NOBIAS : 0;
}

uint64_t rc_chan_bias_revocations(void)
{
    return atomic_load_explicit(&nrevoked, memory_order_relaxed);
}

/* Holding c normally (lock word HELD), after a Lock that saw the bias word undecided.
 * The bias word is changed only by CAS from what is read here: a revoker that has
 * cleared BIASED (so that we could take the lock) may not have written 0 yet, and its
 * late store must not land on a bias we set. */
void rc_chan_streak_(rc_chan *c)
{
    uintptr_t me = rc_rseq_token();
    uintptr_t b = atomic_load_explicit(&c->bias, memory_order_relaxed);
    if (!me || (b & 1))
        return; /* this thread cannot own a bias, or a revocation is finishing */
    uint32_t changes = c->streak >> 16;
    if (b != me) { /* a new candidate: its first Lock */
        uintptr_t next = changes < RC_CHAN_MAX_CANDIDATES ? me : RC_CHAN_NOBIAS;
        if (atomic_compare_exchange_strong(&c->bias, &b, next))
            c->streak = ((changes + 1) << 16) | 1;
        return;
    }
    if ((c->streak & 0xffff) + 1 < RC_CHAN_BIAS_AFTER) {
        c->streak++;
        return;
    }
    c->streak = changes << 16;
    if (rc_bias_affordable() && atomic_compare_exchange_strong(&c->bias, &b, me | 1))
        atomic_store_explicit(&c->lock, RC_CHAN_BIASED | RC_CHAN_HELD, memory_order_relaxed);
}

/* c's lock word had BIASED and its bias word was b == T|1. The bias word stays
 * REVOKING until BIASED is gone from the lock word, so nobody can take the lock and
 * bias it again before the final store. */
static void revoke(rc_chan *c, uintptr_t b)
{
    if (!atomic_compare_exchange_strong(&c->bias, &b, RC_CHAN_REVOKING))
        return; /* someone else is at it, or T has it again: look again */
    rc_bias_revoke_wait(b & ~(uintptr_t)1);
    atomic_fetch_and(&c->lock, ~RC_CHAN_BIASED);
    atomic_store(&c->bias, 0);
    atomic_fetch_add_explicit(&nrevoked, 1, memory_order_relaxed);
}

void rc_chan_lock_slow_(rc_chan *c)
{
    for (unsigned spins = 0;; spins++) {
        uintptr_t b = atomic_load(&c->bias);
        if ((b & 1) && b != RC_CHAN_REVOKING && rc_chan_bias_lock_(c) > 0)
            return; /* biased to us (it was not when the fast path looked) */
        uint32_t w = atomic_load(&c->lock);
        if ((w & RC_CHAN_BIASED) && (b & 1) && b != RC_CHAN_REVOKING) {
            revoke(c, b);
            continue;
        }
        if (!(b & 1) && w == 0 && chan_trylock_plain(c, b))
            return;
        rc_spin_wait(spins); /* held, or a bias being set up or revoked: both short */
    }
}

#if !defined(__x86_64__)
int rc_chan_bias_lock_(rc_chan *c)
{
    (void)c;
    return -1; /* no sequences for this architecture: rc_rseq_token() is 0, no bias */
}

int rc_chan_bias_unlock_(rc_chan *c)
{
    (void)c;
    return -1;
}
#endif
