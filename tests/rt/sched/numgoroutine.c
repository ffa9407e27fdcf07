// rc_numgoroutine counts live goroutines: main alone is 1, blocked goroutines count,
// exited ones do not; rc_numcpu is positive. The count is kept per P (plus one for
// goroutines made off any P, by the timer thread's AfterFunc): goroutines spawned by
// goroutines on other Ps, exiting wherever they run, and AfterFunc's goroutines must
// all add up.
// STDOUT: alone=1
// STDOUT: with 50 blocked=51
// STDOUT: after release=1
// STDOUT: spread over Ps: 81
// STDOUT: with 3 AfterFunc goroutines blocked=4
// STDOUT: all gone=1
// STDOUT: numcpu positive
#include <racecheck.h>
#include <stdio.h>

static rc_chan *gate, *started;

static void blocked(void *arg)
{
    rc_chan_send(started, NULL);
    rc_chan_recv(gate, NULL);
}

/* runs on any P, spawns there, exits there */
static void spawner(void *arg)
{
    for (int i = 0; i < 10; i++) {
        rc_go(blocked, NULL);
        rc_yield();
    }
}

static void wait_for(int n)
{
    while (rc_numgoroutine() != n)
        rc_yield();
}

int main(void)
{
    printf("alone=%d\n", rc_numgoroutine());
    gate = rc_chan_make(0, 0);
    started = rc_chan_make(0, 0);
    for (int i = 0; i < 50; i++)
        rc_go(blocked, NULL);
    for (int i = 0; i < 50; i++)
        rc_chan_recv(started, NULL);
    printf("with 50 blocked=%d\n", rc_numgoroutine());
    rc_chan_close(gate);
    wait_for(1);
    printf("after release=%d\n", rc_numgoroutine());

    rc_maxprocs(4);
    gate = rc_chan_make(0, 0);
    for (int i = 0; i < 8; i++)
        rc_go(spawner, NULL);
    for (int i = 0; i < 80; i++)
        rc_chan_recv(started, NULL);
    wait_for(81); /* the spawners exit once their last spawn has run */
    printf("spread over Ps: %d\n", rc_numgoroutine());
    rc_chan_close(gate);
    wait_for(1);

    gate = rc_chan_make(0, 0);
    for (int i = 0; i < 3; i++)
        rc_timer_after_func(RC_MILLISECOND, blocked, NULL);
    for (int i = 0; i < 3; i++)
        rc_chan_recv(started, NULL);
    printf("with 3 AfterFunc goroutines blocked=%d\n", rc_numgoroutine());
    rc_chan_close(gate);
    wait_for(1);
    printf("all gone=%d\n", rc_numgoroutine());
    printf("numcpu %s\n", rc_numcpu() > 0 ? "positive" : "FAIL");
    return 0;
}
