// rc_numgoroutine counts live goroutines: main alone is 1, blocked goroutines count,
// exited ones do not; rc_numcpu is positive.
// STDOUT: alone=1
// STDOUT: with 50 blocked=51
// STDOUT: after release=1
// STDOUT: numcpu positive
#include <racecheck.h>
#include <stdio.h>

static rc_chan *gate, *started;

static void blocked(void *arg)
{
    rc_chan_send(started, NULL);
    rc_chan_recv(gate, NULL);
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
    while (rc_numgoroutine() > 1)
        rc_yield();
    printf("after release=%d\n", rc_numgoroutine());
    printf("numcpu %s\n", rc_numcpu() > 0 ? "positive" : "FAIL");
    return 0;
}
