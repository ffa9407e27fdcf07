/*
 * chan.h: channel internals shared by chan.c and select.c.
 *
 * Invariants (c->lock held):
 *   - recvq non-empty  => the buffer is empty (qcount == 0)
 *   - sendq non-empty  => the buffer is full (qcount == cap; for cap 0, always)
 *   - closed           => sendq is empty (close wakes every waiter)
 * A sudog lives on its waiting goroutine's stack for exactly the duration of the wait.
 *
 * Lifetime: refs counts the users' references (atomic); waitrefs the parked goroutines
 * that will still touch the channel (under the lock): a blocked send or receive until
 * its waker dequeues its sudog (after that it never touches c again), a select until
 * its pass 4 has unqueued its sudogs. The channel is freed by whoever sees both reach
 * zero: rc_chan_release dropping the last reference with waitrefs == 0, or else, once
 * orphaned is set, the select that drops waitrefs to 0. Parking costs no atomic.
 * A waker holds a reference (every use of a channel must), so a plain waiter is never
 * dequeued from an orphaned channel: orphaned plain waiters are blocked forever.
 * A sudog that belongs to a select is taken only by whoever wins the CAS on its
 * goroutine's select_done, so one select completes at most one case.
 *
 * Lock order: channels in address order (select locks them all that way); a channel
 * lock is never held while taking another object's lock, except sched.lock inside
 * rc_ready. It is never held across a switch, except by rc_park's callback, which
 * releases it on the same thread.
 */
#ifndef RC_CHAN_H
#define RC_CHAN_H

#include "../sched/sched.h"
#include "racecheck.h"

typedef struct rc_sudog rc_sudog;
struct rc_sudog {
    rc_g     *g;
    rc_sudog *next, *prev;
    void     *elem;       /* sender: value to send; receiver: where to put it */
    rc_chan  *c;
    int       case_index; /* select: which case this is */
    bool      is_select;
    bool      success;    /* true: a value passed; false: woken by close */
    bool      last_ref;   /* select: unqueuing it dropped the channel's last waitref */
};

typedef struct rc_waitq { rc_sudog *first, *last; } rc_waitq;

struct rc_chan {
    _Atomic uint32_t  lock;   /* chan_lock below; bias_x86_64.S needs it at 0 */
    _Atomic int       refs;
    _Atomic uintptr_t bias;   /* lock.c; bias_x86_64.S needs it at 8 */
    uint32_t          streak; /* lock.c: the candidate's consecutive Locks */
    int      waitrefs;    /* parked goroutines that will touch it again (see above) */
    bool     orphaned;    /* refs reached 0 while waitrefs > 0 */
    bool     closed;
    size_t   elemsize;
    size_t   cap;
    size_t   qcount;      /* values in the buffer */
    size_t   sendx, recvx;
    rc_waitq recvq, sendq;
    char    *buf;
    void    *race;        /* the detector's (hooks.h chan_sync), guarded by lock */
};

/* ---- the channel lock (lock.c) ---------------------------------------------------
 * A spinlock that may be biased to a thread. Lock word: RC_CHAN_HELD, plus
 * RC_CHAN_BIASED while biased. Bias word: T (even: undecided, T the candidate, 0 none),
 * T|1 (biased to thread T), RC_CHAN_NOBIAS (never), RC_CHAN_REVOKING. */
#define RC_CHAN_HELD     1u
#define RC_CHAN_BIASED   2u
#define RC_CHAN_NOBIAS   ((uintptr_t)2)
#define RC_CHAN_REVOKING ((uintptr_t)3)

int  rc_chan_bias_lock_(rc_chan *c);   /* bias_x86_64.S: 1 locked, -1 not ours */
int  rc_chan_bias_unlock_(rc_chan *c); /* 1 unlocked, -1 not ours */
void rc_chan_lock_slow_(rc_chan *c);
void rc_chan_streak_(rc_chan *c);
uintptr_t rc_chan_bias_init_(void);    /* a new channel's bias word */
uint64_t  rc_chan_bias_revocations(void);

/* Takes a free lock that is not biased (bias word b, even) with one CAS (never an
 * xchg, which would write over RC_CHAN_BIASED), plus the streak count while undecided. */
static inline bool chan_trylock_plain(rc_chan *c, uintptr_t b)
{
    uint32_t free = 0;
    if (!atomic_compare_exchange_strong_explicit(&c->lock, &free, RC_CHAN_HELD,
                                                 memory_order_acquire, memory_order_relaxed))
        return false;
    if (b != RC_CHAN_NOBIAS)
        rc_chan_streak_(c);
    return true;
}

/* Biased to us: a restartable sequence, no atomic. Otherwise chan_trylock_plain. */
static inline void chan_lock(rc_chan *c)
{
    uintptr_t b = atomic_load_explicit(&c->bias, memory_order_relaxed);
    if (b & 1) {
        if (__builtin_expect(rc_chan_bias_lock_(c) > 0, 1))
            return;
    } else if (__builtin_expect(chan_trylock_plain(c, b), 1)) {
        return;
    }
    rc_chan_lock_slow_(c);
}

/* With the bias word odd but not ours (being revoked), only HELD is cleared: a lock
 * word of BIASED|HELD becomes BIASED, which the revoker clears, never a 0 beside an
 * odd bias word, which would leave nobody able to take or revoke the lock. */
static inline void chan_unlock(rc_chan *c)
{
    if (atomic_load_explicit(&c->bias, memory_order_relaxed) & 1) {
        if (rc_chan_bias_unlock_(c) <= 0)
            atomic_fetch_and_explicit(&c->lock, ~RC_CHAN_HELD, memory_order_release);
        return;
    }
    atomic_store_explicit(&c->lock, 0, memory_order_release);
}

void      rc_waitq_push(rc_waitq *q, rc_sudog *s);
void      rc_waitq_remove(rc_waitq *q, rc_sudog *s);
rc_sudog *rc_waitq_take(rc_waitq *q);   /* first sudog whose goroutine we may wake; a
                                           plain (non-select) one drops its waitref */

/* The operations' bodies with c->lock held; each releases the lock before returning
 * and wakes whom it must. */
void chan_send_to_waiter(rc_chan *c, rc_sudog *sg, const void *elem);
void chan_recv_from_waiter(rc_chan *c, rc_sudog *sg, void *elem);
void chan_send_buffered(rc_chan *c, const void *elem);
void chan_recv_buffered(rc_chan *c, void *elem);
void chan_recv_closed(rc_chan *c, void *elem);
void chan_free(rc_chan *c);   /* the last reference is gone (lock not held) */

/* rc_chan_close without a scheduling point, for the runtime's own closes under a lock
 * (context cancellation; see sched/control.h). */
void rc_chan_close_nopoint(rc_chan *c);

__attribute__((noreturn)) void chan_panic_send_closed(void);

#endif
