// A goroutine woken by an Unlock waits on the unlocker's P only so long (sched/runq.c:
// 1 ms for Mutex waiters, so that an unlocker that locks again is not contended from
// another thread): when the unlocker goes on computing without ever switching, the
// idle P takes the waiter and it gets the Mutex. The unlocker spins until then (at
// most 10 s: never reached unless the waiter is stranded).
// ENV: RCMAXPROCS=2
// TIMEOUT: 60
// STDOUT: waiter ran while the unlocker computed=1
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static rc_mutex mu;
static _Atomic int waiting, got;

static void waiter(void *arg)
{
    (void)arg;
    waiting = 1;
    rc_mutex_lock(&mu); /* parks: main holds it */
    got = 1;
    rc_mutex_unlock(&mu);
}

int main(void)
{
    rc_mutex_lock(&mu);
    rc_go(waiter, NULL);
    while (!waiting)
        rc_yield();
    rc_sleep(20 * 1000000); /* the waiter spins, then parks on the mutex */
    rc_mutex_unlock(&mu);   /* wakes it into this P's runnext */
    int64_t until = rc_now() + 10 * (int64_t)1000000000;
    while (!got && rc_now() < until)
        ; /* computing: this goroutine never switches */
    printf("waiter ran while the unlocker computed=%d\n", got);
    return 0;
}
