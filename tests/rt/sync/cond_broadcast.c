// Cond.Broadcast wakes every waiter; a Signal or Broadcast with no waiter is a no-op
// (it does not wake a later Wait); rc_cond_init works like RC_COND_INIT.
// ENV: RCMAXPROCS=2
// STDOUT: woken=50 ready_seen=50
// STDOUT: stale signal ignored
#include <racecheck.h>
#include <stdio.h>

#define N 50

static rc_mutex mu;
static rc_cond cond;
static int waiting;
static bool ready;
static _Atomic int woken, ready_seen;
static rc_waitgroup wg;

static void waiter(void *arg)
{
    rc_mutex_lock(&mu);
    waiting++;
    while (!ready)
        rc_cond_wait(&cond);
    atomic_fetch_add(&ready_seen, 1);
    rc_mutex_unlock(&mu);
    atomic_fetch_add(&woken, 1);
    rc_waitgroup_done(&wg);
}

static bool late;

static void late_waiter(void *arg)
{
    rc_mutex_lock(&mu);
    late = true;
    rc_cond_wait(&cond);
    rc_mutex_unlock(&mu);
    rc_chan_send(arg, NULL);
}

int main(void)
{
    rc_cond_init(&cond, &mu);
    rc_waitgroup_add(&wg, N);
    for (int i = 0; i < N; i++)
        rc_go(waiter, NULL);
    for (;;) {
        rc_mutex_lock(&mu);
        if (waiting == N) {
            ready = true;
            rc_cond_broadcast(&cond);
            rc_mutex_unlock(&mu);
            break;
        }
        rc_mutex_unlock(&mu);
        rc_yield();
    }
    rc_waitgroup_wait(&wg);
    printf("woken=%d ready_seen=%d\n", atomic_load(&woken), atomic_load(&ready_seen));

    rc_cond_signal(&cond);    /* nobody waits: nothing is remembered */
    rc_cond_broadcast(&cond);
    rc_chan *done = rc_chan_make(0, 1);
    rc_go(late_waiter, done);
    rc_sleep(20 * RC_MILLISECOND);
    bool ok = !rc_chan_try_recv(done, NULL, NULL);
    for (bool sent = false; !sent; rc_yield()) {
        rc_mutex_lock(&mu);
        if (late) { /* it holds a ticket: this Signal is for it */
            rc_cond_signal(&cond);
            sent = true;
        }
        rc_mutex_unlock(&mu);
    }
    rc_chan_recv(done, NULL);
    if (ok)
        printf("stale signal ignored\n");
    return 0;
}
