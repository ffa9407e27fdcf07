// Starvation mode: a goroutine that re-locks the mutex right after each Unlock (it
// is running, so it would always win in normal mode) cannot starve a waiter: after
// 1 ms of waiting, Unlock hands the mutex straight to it. Go's TestMutexFairness.
// One processor: the woken waiter then always runs after the barger re-locked, so
// without starvation mode it would never get in (with two, it sometimes wins a race).
// ENV: RCMAXPROCS=1
// TIMEOUT: 30
// STDOUT: waiter done
// STDOUT-NOT: starved
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu;
static _Atomic int stop;

static void barger(void *arg)
{
    while (!atomic_load(&stop)) {
        rc_mutex_lock(&mu);
        rc_sleep(100 * RC_MICROSECOND);
        rc_mutex_unlock(&mu);
    }
}

static void timeout(void *arg)
{
    rc_sleep(10 * RC_SECOND);
    int starved = 1;
    rc_chan_send(arg, &starved);
}

static void waiter(void *arg)
{
    rc_chan *done = arg;
    int starved = 0;
    for (int i = 0; i < 10; i++) {
        rc_sleep(100 * RC_MICROSECOND);
        rc_mutex_lock(&mu);
        rc_mutex_unlock(&mu);
    }
    rc_chan_send(done, &starved);
}

int main(void)
{
    rc_chan *done = rc_chan_make(sizeof(int), 2);
    rc_go(barger, NULL);
    rc_go(waiter, done);
    rc_go(timeout, done);
    int starved;
    rc_chan_recv(done, &starved);
    if (!starved)
        printf("waiter done\n");
    else
        printf("starved: no Lock in 10 seconds\n");
    atomic_store(&stop, 1);
    return 0;
}
