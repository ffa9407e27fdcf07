// Detector bug repro: AfterFunc goroutines are spawned by the timer thread (no curg), so
// rc_spawn skips the go_create hook, g->race stays NULL and none of their accesses is
// checked: two AfterFuncs writing x are not reported.
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include <racecheck.h>
#include <stdio.h>

static int x;
static rc_chan *c;

static void f(void *arg)
{
    x = (int)(intptr_t)arg;
    rc_chan_send(c, NULL);
}

int main(void)
{
    c = rc_chan_make(0, 2);
    rc_timer_after_func(RC_MILLISECOND, f, (void *)1);
    rc_timer_after_func(2 * RC_MILLISECOND, f, (void *)2);
    rc_chan_recv(c, NULL);
    rc_chan_recv(c, NULL);
    printf("x=%d\n", x);
    return 0;
}
