/*
 * racecheck.h: Go's concurrency model for C.
 *
 * Goroutines, channels, select, sync, time and context, with Go's semantics and Go's
 * error messages. Link with -lracecheck (production) or build with `racecheck cc`
 * (detection). Every public name starts with rc_ (functions, types) or RC_ (macros).
 *
 * Threads and goroutines
 *   main() runs as goroutine 1. Goroutines are multiplexed onto RCMAXPROCS OS threads
 *   (default: the number of CPUs). The runtime starts before main (a constructor) and the
 *   program ends when main returns or anything calls exit(), whatever other goroutines
 *   are doing, as in Go. The functions below may be called only from goroutines (main
 *   included), not from threads created with pthread_create.
 *
 * Atomics
 *   Use C11 <stdatomic.h>. Under the Go memory model's rules for sync/atomic: a release
 *   (or stronger) store or read-modify-write happens before an acquire (or stronger) load
 *   that reads its value; relaxed operations order nothing.
 *
 * Blocking system calls
 *   A goroutine that blocks its thread in the kernel (read on a pipe, a mutex of another
 *   library, ...) stalls the goroutines queued on that processor. Wrap such calls in
 *   rc_blocking_begin() / rc_blocking_end(): the processor is handed to another thread for
 *   the duration. rc_sleep and every primitive here never block the thread.
 *
 * Environment
 *   RCMAXPROCS=N   number of processors (like GOMAXPROCS)
 *   RCDEBUG=k=v,.. seed=N (the one random source: select, wake-up order, stealing),
 *                  stacksize=BYTES (goroutine stack size, default 256 KiB),
 *                  mutexbias=0 (no Mutex is ever biased to a thread; see rc_mutex),
 *                  chanbias=0 (no channel lock either; see rc_chan_make)
 */
#ifndef RACECHECK_H
#define RACECHECK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RC_NORETURN __attribute__((noreturn))

/* On a pointer parameter: the function uses the pointer only until it returns (it
 * copies the value in or out and keeps no reference). clang passes this on to the
 * optimiser (LLVM's nocapture), so a local variable whose address is given only to
 * such parameters still counts as private to its function: the race detector's pass
 * need not check its accesses. */
#if defined(__has_attribute)
#if __has_attribute(noescape)
#define RC_NOESCAPE __attribute__((noescape))
#endif
#if __has_attribute(nodebug)
#define RC_INLINE_NODEBUG_ __attribute__((always_inline, nodebug))
#endif
#endif
#ifndef RC_NOESCAPE
#define RC_NOESCAPE
#endif
#ifndef RC_INLINE_NODEBUG_ /* (gcc has no nodebug) */
#define RC_INLINE_NODEBUG_ __attribute__((always_inline))
#endif

/* ---------------------------------------------------------------------------------------
 * Goroutines
 * ------------------------------------------------------------------------------------- */

typedef void (*rc_func)(void *arg);

/* go fn(arg). Returns the new goroutine's id. When the caller's processor already has
 * many goroutines queued (128), rc_go yields, as a preempted Go spawner would: a
 * spawning loop cannot pile up unstarted goroutines without bound. */
int64_t rc_go(rc_func fn, void *arg);

/* go fn(copy): copies size bytes at arg into the new goroutine's own storage and passes
 * a pointer to that copy. The easy fix for the loop-variable bug:
 *     for (int i = 0; i < n; i++) rc_go_copy(worker, &i, sizeof i);                     */
int64_t rc_go_copy(rc_func fn, RC_NOESCAPE const void *arg, size_t size);

void    rc_yield(void);          /* runtime.Gosched */
int64_t rc_goid(void);           /* the calling goroutine's id; main is 1 */
RC_NORETURN void rc_goexit(void);/* runtime.Goexit: ends the calling goroutine */
int     rc_numgoroutine(void);   /* runtime.NumGoroutine */
int     rc_numcpu(void);         /* runtime.NumCPU */
/* runtime.GOMAXPROCS: sets the number of processors if n > 0; returns the previous one. */
int     rc_maxprocs(int n);

/* panic(msg): prints "panic: msg", the goroutine's stack, and exits with status 2. */
RC_NORETURN void rc_panic(const char *msg);
RC_NORETURN void rc_panicf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* See "Blocking system calls" above. Calls nest. */
void rc_blocking_begin(void);
void rc_blocking_end(void);

/* ---------------------------------------------------------------------------------------
 * Channels
 *
 * A channel carries values of elem_size bytes, copied in and out. cap == 0 makes an
 * unbuffered channel (send and receive meet). A NULL channel is Go's nil channel: send
 * and receive block forever, close panics.
 *
 * Lifetime: rc_chan_make returns a channel holding one reference. rc_chan_retain adds
 * one; rc_chan_release drops one and frees the channel with the last. Goroutines blocked
 * on a channel hold a reference of their own, so releasing is always safe; using a
 * channel after your last release is not.
 *
 * A channel used by one thread many times in a row (a producer and a consumer sharing
 * a processor) has its lock biased to that thread, as a Mutex can be: no atomic
 * instruction per operation until another thread uses it (chan/lock.c).
 * ------------------------------------------------------------------------------------- */

typedef struct rc_chan rc_chan;

rc_chan *rc_chan_make(size_t elem_size, size_t cap);
rc_chan *rc_chan_retain(rc_chan *c);
void     rc_chan_release(rc_chan *c);

void   rc_chan_send(rc_chan *c, RC_NOESCAPE const void *elem);     /* c <- *elem */
/* *elem = <-c (elem may be NULL to drop the value). Returns ok: false when the channel
 * is closed and drained, in which case *elem is zeroed. */
bool   rc_chan_recv(rc_chan *c, RC_NOESCAPE void *elem);
bool   rc_chan_try_send(rc_chan *c, RC_NOESCAPE const void *elem);     /* select with default */
/* Returns true if a receive completed (*ok says whether a value came, as above). */
bool   rc_chan_try_recv(rc_chan *c, RC_NOESCAPE void *elem, RC_NOESCAPE bool *ok);
void   rc_chan_close(rc_chan *c);
size_t rc_chan_len(rc_chan *c);
size_t rc_chan_cap(rc_chan *c);

/* ---------------------------------------------------------------------------------------
 * select
 *
 *     int v; bool ok;
 *     rc_case cases[] = { rc_recv_case(in, &v), rc_send_case(out, &x) };
 *     switch (rc_select(cases, 2)) { case 0: ...cases[0].ok...; case 1: ...; }
 *
 * rc_select blocks until a case can proceed and returns its index; when several can,
 * one is chosen uniformly at random. Cases on NULL channels are never chosen; zero cases
 * block forever. rc_select_try is select with a default: it returns -1 instead of
 * blocking.
 * ------------------------------------------------------------------------------------- */

typedef enum { RC_CASE_RECV = 0, RC_CASE_SEND = 1 } rc_case_dir;

typedef struct rc_case {
    rc_chan    *ch;
    void       *elem;  /* value to send, or where to receive (may be NULL) */
    rc_case_dir dir;
    bool        ok;    /* receive cases: set as rc_chan_recv's result */
} rc_case;

#define rc_recv_case(c, p) ((rc_case){ (c), (void *)(p), RC_CASE_RECV, false })
#define rc_send_case(c, p) ((rc_case){ (c), (void *)(p), RC_CASE_SEND, false })

int rc_select(rc_case *cases, int n);
int rc_select_try(rc_case *cases, int n);

/* ---------------------------------------------------------------------------------------
 * sync
 *
 * All of these are usable zero-initialised ({0} or static storage) and must not be
 * copied after first use. The fields are private.
 * ------------------------------------------------------------------------------------- */

/* A counting semaphore with a wait queue: the building block of the types below. */
typedef struct rc_sema {
    _Atomic uint32_t count;
    _Atomic uint32_t nwait;
    _Atomic uint32_t lock;
    struct rc_waiter *head, *tail;
} rc_sema;

typedef struct rc_mutex {
    _Atomic int32_t   state;  /* Go's mutex state; 1 = locked */
    _Atomic uint32_t  streak; /* bias bookkeeping (sync/bias.c) */
    rc_sema           sema;
    _Atomic uintptr_t bias;   /* 0 or a candidate thread, thread|1 biased, 2, 3 */
} rc_mutex;

void rc_mutex_lock(rc_mutex *m);
void rc_mutex_unlock(rc_mutex *m);   /* by any goroutine, as in Go */
bool rc_mutex_trylock(rc_mutex *m);

/* Inline fast paths of Lock and Unlock (Go inlines them too). Taken only when no
 * detector is linked (rc_hooks_active == NULL); otherwise, and for every slow case,
 * they call the functions above (or the helpers below, which are not for direct use).
 * always_inline + nodebug: the caller's line is the only one in any stack trace, as
 * with a plain call. Define RC_NO_INLINE_MUTEX to always call.
 *
 * A Mutex locked many times in a row by one thread, never contended, becomes *biased*
 * to that thread (sync/bias.c): its Lock and Unlock are then a plain load and store in
 * a restartable sequence, with no atomic instruction. Otherwise an uncontended Lock is
 * one CAS and an Unlock with no waiters one atomic subtract, as in Go. */
extern const struct rc_hooks *rc_hooks_active;
void rc_mutex_lock_slowpath(rc_mutex *m);                  /* after a failed fast path */
void rc_mutex_unlock_slowpath(rc_mutex *m, int32_t state); /* state after the subtract */
void rc_mutex_unlock_unbias_(rc_mutex *m);                 /* a biased Unlock failed */
void rc_mutex_streak_(rc_mutex *m);                        /* an undecided bias */
int  rc_mutex_bias_lock_(rc_mutex *m);   /* 1 locked, 0 ours but locked, -1 not ours */
int  rc_mutex_bias_unlock_(rc_mutex *m); /* 1 unlocked, 0 ours but unlocked, -1 ... */
#define RC_MUTEX_NOBIAS_ ((uintptr_t)2) /* never biased: plain Go mutex */

/* Lock's fast path: true when it took the mutex. Used by the runtime too. */
RC_INLINE_NODEBUG_ static inline bool rc_mutex_lock_fast_(rc_mutex *m)
{
    uintptr_t b = atomic_load_explicit(&m->bias, memory_order_relaxed);
    if (__builtin_expect(b & 1, 0)) /* biased, or being revoked */
        return rc_mutex_bias_lock_(m) > 0;
    if (b == RC_MUTEX_NOBIAS_) {
        /* Contended before: waiters may be queued while it is free, and a CAS that
         * expects 0 would fail on their count (a failed CAS costs as much as one that
         * succeeds). Take it from whatever state the load saw, unless locked, starving
         * or (a stale view of) biased. */
        int32_t s = atomic_load_explicit(&m->state, memory_order_relaxed);
        return !(s & (1 | 4 | 0x40000000)) &&
               atomic_compare_exchange_strong_explicit(&m->state, &s, s | 1, memory_order_acquire,
                                                       memory_order_relaxed);
    }
    int32_t zero = 0;
    if (__builtin_expect(!atomic_compare_exchange_strong_explicit(
                             &m->state, &zero, 1 /* locked */, memory_order_acquire,
                             memory_order_relaxed), 0))
        return false;
    if (__builtin_expect(b != RC_MUTEX_NOBIAS_, 0))
        rc_mutex_streak_(m);
    return true;
}

/* Unlock's fast path, slow cases included. */
RC_INLINE_NODEBUG_ static inline void rc_mutex_unlock_fast_(rc_mutex *m)
{
    uintptr_t b = atomic_load_explicit(&m->bias, memory_order_relaxed);
    if (__builtin_expect(b & 1, 0)) {
        if (rc_mutex_bias_unlock_(m) <= 0)
            rc_mutex_unlock_unbias_(m);
        return;
    }
    int32_t s = atomic_fetch_sub_explicit(&m->state, 1, memory_order_release) - 1;
    if (__builtin_expect(s != 0, 0))
        rc_mutex_unlock_slowpath(m, s);
}

#ifndef RC_NO_INLINE_MUTEX
RC_INLINE_NODEBUG_ static inline void rc_mutex_lock_inline_(rc_mutex *m)
{
    if (__builtin_expect(__atomic_load_n(&rc_hooks_active, __ATOMIC_RELAXED) != 0, 0))
        rc_mutex_lock(m);
    else if (__builtin_expect(!rc_mutex_lock_fast_(m), 0))
        rc_mutex_lock_slowpath(m);
}

RC_INLINE_NODEBUG_ static inline void rc_mutex_unlock_inline_(rc_mutex *m)
{
    if (__builtin_expect(__atomic_load_n(&rc_hooks_active, __ATOMIC_RELAXED) != 0, 0))
        rc_mutex_unlock(m);
    else
        rc_mutex_unlock_fast_(m);
}

#define rc_mutex_lock(m)   rc_mutex_lock_inline_(m)
#define rc_mutex_unlock(m) rc_mutex_unlock_inline_(m)
#endif

typedef struct rc_rwmutex {
    rc_mutex        w;
    rc_sema         writer_sem, reader_sem;
    _Atomic int32_t reader_count, reader_wait;
} rc_rwmutex;

void rc_rwmutex_lock(rc_rwmutex *rw);
void rc_rwmutex_unlock(rc_rwmutex *rw);
void rc_rwmutex_rlock(rc_rwmutex *rw);
void rc_rwmutex_runlock(rc_rwmutex *rw);
bool rc_rwmutex_trylock(rc_rwmutex *rw);
bool rc_rwmutex_tryrlock(rc_rwmutex *rw);

typedef struct rc_waitgroup {
    _Atomic uint64_t state; /* counter << 32 | waiters */
    rc_sema          sema;
} rc_waitgroup;

void rc_waitgroup_add(rc_waitgroup *wg, int delta);
void rc_waitgroup_done(rc_waitgroup *wg);
void rc_waitgroup_wait(rc_waitgroup *wg);
/* wg.Go(fn): Add(1), then run fn(arg) in a new goroutine that calls Done at the end. */
void rc_waitgroup_go(rc_waitgroup *wg, rc_func fn, void *arg);

typedef struct rc_once {
    _Atomic uint32_t done;
    rc_mutex         m;
} rc_once;

/* Calls fn(arg) once; every call returns after that one call has returned. */
void rc_once_do(rc_once *o, rc_func fn, void *arg);

/* A condition variable on a mutex. Waiters wake in FIFO order. */
typedef struct rc_cond {
    rc_mutex        *l;
    _Atomic uint32_t wait, notify; /* next ticket to hand out / to wake */
    _Atomic uint32_t lock;
    struct rc_waiter *head, *tail;
} rc_cond;

#define RC_COND_INIT(m) { .l = (m) }
void rc_cond_init(rc_cond *c, rc_mutex *l);
void rc_cond_wait(rc_cond *c);       /* c->l must be locked; relocked on return */
void rc_cond_signal(rc_cond *c);
void rc_cond_broadcast(rc_cond *c);

/* ---------------------------------------------------------------------------------------
 * Time (nanoseconds, like Go's time.Duration)
 * ------------------------------------------------------------------------------------- */

typedef int64_t rc_duration;
#define RC_NANOSECOND  ((rc_duration)1)
#define RC_MICROSECOND ((rc_duration)1000)
#define RC_MILLISECOND ((rc_duration)1000000)
#define RC_SECOND      ((rc_duration)1000000000)

int64_t rc_now(void);                 /* monotonic clock, nanoseconds */
void    rc_sleep(rc_duration d);      /* time.Sleep: parks the goroutine, not the thread */

/* Timers deliver the firing time (an int64_t, rc_now() at expiry) on a channel of
 * capacity 1; a value left unread stays there (Go 1.22 and earlier semantics: Reset or
 * Stop do not drain it). */
typedef struct rc_timer rc_timer;

rc_timer *rc_timer_new(rc_duration d);                 /* time.NewTimer */
rc_timer *rc_timer_after_func(rc_duration d, rc_func fn, void *arg); /* time.AfterFunc:
                                                          fn(arg) in its own goroutine */
rc_chan  *rc_timer_chan(rc_timer *t);                  /* t.C (NULL for AfterFunc) */
bool      rc_timer_stop(rc_timer *t);                  /* true if it stopped a pending fire */
bool      rc_timer_reset(rc_timer *t, rc_duration d);  /* true if it was pending */
void      rc_timer_free(rc_timer *t);                  /* stops it and frees it */

/* time.After(d): a channel that receives once after d. The channel is owned by the
 * runtime until the value is delivered; release it with rc_chan_release when done. */
rc_chan *rc_after(rc_duration d);

/* A Ticker delivers ticks every period; at most one tick waits in the channel, missed
 * ticks are dropped. */
typedef struct rc_ticker rc_ticker;
rc_ticker *rc_ticker_new(rc_duration period);
rc_chan   *rc_ticker_chan(rc_ticker *t);
void       rc_ticker_stop(rc_ticker *t);
void       rc_ticker_reset(rc_ticker *t, rc_duration period);
void       rc_ticker_free(rc_ticker *t);                /* stops it and frees it */

/* ---------------------------------------------------------------------------------------
 * Context
 *
 * Lifetime: every context is reference counted. The With* functions return a context
 * holding one reference for the caller (they also keep their parent alive). Hand a
 * context to another goroutine with rc_ctx_retain, and drop each reference with
 * rc_ctx_release. rc_ctx_background() is static and needs no release (it is harmless).
 * As in Go, call rc_ctx_cancel on every context you derived with a cancel function.
 * ------------------------------------------------------------------------------------- */

typedef struct rc_ctx rc_ctx;

typedef enum { RC_CTX_OK = 0, RC_CTX_CANCELED = 1, RC_CTX_DEADLINE_EXCEEDED = 2 } rc_ctx_err;

rc_ctx *rc_ctx_background(void);
rc_ctx *rc_ctx_with_cancel(rc_ctx *parent);
rc_ctx *rc_ctx_with_deadline(rc_ctx *parent, int64_t deadline /* rc_now() time */);
rc_ctx *rc_ctx_with_timeout(rc_ctx *parent, rc_duration timeout);
rc_ctx *rc_ctx_with_value(rc_ctx *parent, const void *key, void *value);

void        rc_ctx_cancel(rc_ctx *c);  /* idempotent; cancels c and its descendants */
rc_chan    *rc_ctx_done(rc_ctx *c);    /* closed when c is cancelled; NULL for background */
rc_ctx_err  rc_ctx_err_of(rc_ctx *c);
const char *rc_ctx_err_string(rc_ctx_err e);   /* "context canceled", ... */
bool        rc_ctx_deadline(rc_ctx *c, int64_t *deadline);
void       *rc_ctx_value(rc_ctx *c, const void *key);  /* NULL if absent */
rc_ctx     *rc_ctx_retain(rc_ctx *c);
void        rc_ctx_release(rc_ctx *c);

#ifdef __cplusplus
}
#endif
#endif /* RACECHECK_H */
