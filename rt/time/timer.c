/* timer.c: the timer heap and thread (see timer.h), and rc_now / rc_sleep. In
 * controlled mode there is no thread: the scheduler fires nodes (rc_timers_fire_next)
 * and rc_now reads its virtual clock. */
#include "timer.h"
#include "../core/clock.h"
#include "../diag/panic.h"
#include "../sched/control.h"
#include "../sched/sched.h"
#include "racecheck.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

static struct {
    pthread_mutex_t lock;
    pthread_cond_t  wake;      /* the heap's minimum moved earlier */
    pthread_cond_t  fired;     /* an in-flight node finished */
    rc_tnode      **heap;
    int             n, cap;
    int             in_flight;
    rc_tnode       *firing;    /* the node whose fire runs now (one timer thread) */
    bool            started;
    int64_t         sleeping_until; /* the thread's current deadline, 0: none */
} T = { .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER,
        .fired = PTHREAD_COND_INITIALIZER };

int64_t rc_now(void)
{
    if (__builtin_expect(rc_ctl_on, 0))
        return rc_ctl_now();
    return rc_mono_ns();
}

int64_t rc_nanotime_coarse(void)
{
    if (__builtin_expect(rc_ctl_on, 0))
        return rc_ctl_now();
    return rc_clock_ns(CLOCK_MONOTONIC_COARSE);
}

/* ---- heap (T.lock held) --------------------------------------------------------- */

static void heap_set(int i, rc_tnode *t) { T.heap[i] = t; t->idx = i; }

static void sift_up(int i)
{
    rc_tnode *t = T.heap[i];
    while (i > 0) {
        int p = (i - 1) / 2;
        if (T.heap[p]->when <= t->when)
            break;
        heap_set(i, T.heap[p]);
        i = p;
    }
    heap_set(i, t);
}

static void sift_down(int i)
{
    rc_tnode *t = T.heap[i];
    for (;;) {
        int c = 2 * i + 1;
        if (c >= T.n)
            break;
        if (c + 1 < T.n && T.heap[c + 1]->when < T.heap[c]->when)
            c++;
        if (t->when <= T.heap[c]->when)
            break;
        heap_set(i, T.heap[c]);
        i = c;
    }
    heap_set(i, t);
}

static void heap_remove(rc_tnode *t)
{
    int i = t->idx;
    rc_tnode *last = T.heap[--T.n];
    t->idx = -1;
    if (i == T.n)
        return;
    heap_set(i, last);
    sift_down(i);
    sift_up(last->idx);
}

static void heap_push(rc_tnode *t)
{
    if (T.n == T.cap) {
        int cap = T.cap ? 2 * T.cap : 64;
        rc_tnode **h = realloc(T.heap, (size_t)cap * sizeof *h);
        if (!h)
            rc_fatal("out of memory (timers)");
        T.heap = h;
        T.cap = cap;
    }
    heap_set(T.n++, t);
    sift_up(t->idx);
}

/* ---- the timer thread ----------------------------------------------------------- */

/* Takes t off the heap (a periodic timer is re-armed: missed periods collapse into one
 * fire) and fires it with T.lock dropped; T.lock is held on entry and on return. t is
 * not touched once its fire returns: a one-shot node may be gone by then (rc_sleep's
 * lives on the sleeper's stack, and the sleeper runs at once). */
static void fire_locked(rc_tnode *t, int64_t now)
{
    heap_remove(t);
    if (t->period > 0) {
        int64_t next = t->when + t->period;
        t->when = next > now ? next : now + t->period;
        heap_push(t);
    }
    T.firing = t;
    T.in_flight++;
    pthread_mutex_unlock(&T.lock);
    t->fire(t, now);
    pthread_mutex_lock(&T.lock);
    T.firing = NULL;
    T.in_flight--;
}

static void *timer_thread(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&T.lock);
    for (;;) {
        if (T.n == 0) {
            T.sleeping_until = 0;
            pthread_cond_wait(&T.wake, &T.lock);
            continue;
        }
        rc_tnode *t = T.heap[0];
        int64_t now = rc_now();
        if (t->when > now) {
            T.sleeping_until = t->when;
            struct timespec ts = { (time_t)(t->when / 1000000000), (long)(t->when % 1000000000) };
            pthread_cond_timedwait(&T.wake, &T.lock, &ts);
            continue;
        }
        fire_locked(t, now);
        pthread_cond_broadcast(&T.fired);
        if (T.n == 0 && T.in_flight == 0) {
            /* The last M may have gone idle while this fire was in flight, when
             * checkdead had to assume a wake-up was coming: look again. */
            pthread_mutex_unlock(&T.lock);
            rc_sched_recheck_dead();
            pthread_mutex_lock(&T.lock);
        }
    }
    return NULL;
}

static void start_thread_locked(void)
{
    if (T.started || rc_ctl_on)
        return;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&T.wake, &ca);
    pthread_condattr_destroy(&ca);
    pthread_t th;
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&th, &a, timer_thread, NULL) != 0)
        rc_fatal("cannot create the timer thread");
    pthread_attr_destroy(&a);
    T.started = true;
}

/* ---- API ------------------------------------------------------------------------ */

void rc_tnode_init(rc_tnode *t, void (*fire)(rc_tnode *, int64_t), void *arg)
{
    t->when = 0;
    t->period = 0;
    t->fire = fire;
    t->arg = arg;
    t->idx = -1;
}

static void add_locked(rc_tnode *t, int64_t when, int64_t period)
{
    start_thread_locked();
    t->when = when;
    t->period = period;
    heap_push(t);
    if (t->idx == 0 && (T.sleeping_until == 0 || when < T.sleeping_until))
        pthread_cond_signal(&T.wake);
}

void rc_tnode_add(rc_tnode *t, int64_t when, int64_t period)
{
    pthread_mutex_lock(&T.lock);
    add_locked(t, when, period);
    pthread_mutex_unlock(&T.lock);
}

static bool del_locked(rc_tnode *t)
{
    bool armed = t->idx >= 0;
    if (armed)
        heap_remove(t);
    /* never return while the timer thread may still touch t (fire functions are
     * short and never delete nodes, so this wait is brief and cannot self-deadlock) */
    while (T.firing == t)
        pthread_cond_wait(&T.fired, &T.lock);
    return armed;
}

bool rc_tnode_del(rc_tnode *t)
{
    pthread_mutex_lock(&T.lock);
    bool armed = del_locked(t);
    pthread_mutex_unlock(&T.lock);
    return armed;
}

bool rc_tnode_reset(rc_tnode *t, int64_t when, int64_t period)
{
    pthread_mutex_lock(&T.lock);
    bool armed = del_locked(t);
    add_locked(t, when, period);
    pthread_mutex_unlock(&T.lock);
    return armed;
}

bool rc_timers_pending(void)
{
    pthread_mutex_lock(&T.lock);
    bool p = T.n > 0 || T.in_flight > 0;
    pthread_mutex_unlock(&T.lock);
    return p;
}

int64_t rc_timers_next(void)
{
    pthread_mutex_lock(&T.lock);
    int64_t when = T.n > 0 ? T.heap[0]->when : INT64_MAX;
    pthread_mutex_unlock(&T.lock);
    return when;
}

/* As the timer thread's loop, once, with the clock set to the node's deadline. */
bool rc_timers_fire_next(int64_t limit)
{
    pthread_mutex_lock(&T.lock);
    if (T.n == 0 || T.heap[0]->when > limit) {
        pthread_mutex_unlock(&T.lock);
        return false;
    }
    rc_tnode *t = T.heap[0];
    int64_t now = rc_ctl_now();
    if (t->when > now)
        rc_ctl_set_now(now = t->when);
    fire_locked(t, now);
    pthread_mutex_unlock(&T.lock);
    return true;
}

bool rc_timers_freeze(void)
{
    pthread_mutex_lock(&T.lock);
    if (T.in_flight == 0)
        return true;
    pthread_mutex_unlock(&T.lock);
    return false;
}

void rc_timers_thaw(void)
{
    pthread_mutex_unlock(&T.lock);
}

/* ---- sleep ---------------------------------------------------------------------- */

static void wake_sleeper(rc_tnode *t, int64_t now)
{
    (void)now;
    rc_ready(t->arg);
}

/* Runs on g0 after the sleeper is parked, so the timer cannot fire too early. */
static void arm_after_park(void *t)
{
    rc_tnode_add(t, ((rc_tnode *)t)->when, 0);
}

void rc_sleep(rc_duration d)
{
    RC_SCHED_POINT();
    if (d <= 0)
        return;
    rc_tnode t;
    rc_tnode_init(&t, wake_sleeper, rc_getg());
    t.when = rc_now() + d;
    rc_park(arm_after_park, &t, RC_WAIT_SLEEP);
}
