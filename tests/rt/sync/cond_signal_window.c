// A Signal that comes after Wait has unlocked the mutex but before it has parked is
// not lost. To land in that window deterministically, the mutex is put in starvation
// mode, where Wait's Unlock hands the mutex to main and yields to it at once; main
// then signals while the waiter is still between its Unlock and its park.
// ENV: RCMAXPROCS=1
// STDOUT: main got the mutex by hand-off, signalling
// STDOUT: waiter woke
// STDOUT: done
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu;
static rc_cond cond = RC_COND_INIT(&mu);
static rc_chan *locked, *done;

static void waiter(void *arg)
{
    rc_mutex_lock(&mu);
    rc_chan_send(locked, NULL);
    rc_sleep(2 * RC_MILLISECOND); /* main waits > 1 ms in Lock */
    rc_mutex_unlock(&mu);         /* wakes main ... */
    rc_mutex_lock(&mu);           /* ... which loses the race and starts starving */
    rc_sleep(2 * RC_MILLISECOND); /* lets main requeue, marking the mutex starving */
    rc_cond_wait(&cond);
    printf("waiter woke\n");
    rc_mutex_unlock(&mu);
    rc_chan_send(done, NULL);
}

int main(void)
{
    locked = rc_chan_make(0, 0);
    done = rc_chan_make(0, 0);
    rc_go(waiter, NULL);
    rc_chan_recv(locked, NULL);
    rc_mutex_lock(&mu);
    printf("main got the mutex by hand-off, signalling\n");
    rc_cond_signal(&cond);
    rc_mutex_unlock(&mu);
    rc_chan_recv(done, NULL);
    printf("done\n");
    return 0;
}
