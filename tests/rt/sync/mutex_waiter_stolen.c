// A goroutine woken by an Unlock waits on the unlocker's P only so long (sched/runq.c:
// 1 ms for Mutex waiters, so that an unlocker that locks again is not contended from
// another thread): when the unlocker goes on computing without ever switching, the
// idle P takes the waiter and it gets the Mutex, both from the P's runnext and from
// the head of its ring (where a later wake-up pushed it). The unlocker spins until
// then (at most 10 s: never reached unless the waiter is stranded).
// ENV: RCMAXPROCS=2
// TIMEOUT: 60
// STDOUT: runnext: waiter ran while the unlocker computed=1
// STDOUT: ring: waiter ran while the unlocker computed=1
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static rc_mutex mu;
static _Atomic int waiting, got;
static rc_chan *poke;

static void waiter(void *arg)
{
    (void)arg;
    waiting = 1;
    rc_mutex_lock(&mu); /* parks: main holds it */
    got = 1;
    rc_mutex_unlock(&mu);
}

static void sleeper(void *arg)
{
    (void)arg;
    rc_chan_recv(poke, NULL);
}

static void phase(const char *name, bool push_to_ring)
{
    waiting = got = 0;
    rc_mutex_lock(&mu);
    rc_go(waiter, NULL);
    while (!waiting)
        rc_yield();
    rc_sleep(20 * 1000000); /* the waiter spins, then parks on the mutex */
    rc_mutex_unlock(&mu);   /* wakes it into this P's runnext */
    if (push_to_ring)
        rc_chan_send(poke, NULL); /* wakes the sleeper into runnext: the waiter moves
                                     to the ring */
    int64_t until = rc_now() + 10 * (int64_t)1000000000;
    while (!got && rc_now() < until)
        ; /* computing: this goroutine never switches */
    printf("%s: waiter ran while the unlocker computed=%d\n", name, got);
}

int main(void)
{
    poke = rc_chan_make(0, 0);
    phase("runnext", false);
    rc_go(sleeper, NULL);
    rc_sleep(10 * 1000000); /* the sleeper parks on poke */
    phase("ring", true);
    return 0;
}
