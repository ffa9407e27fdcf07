// Three goroutines sleep 30, 10 and 20 units (one unit = 5 ms) from a common start
// and report when they wake: they finish in order of their durations, and no sleep
// returns early. One P: the timer thread fires in deadline order and queues the woken
// goroutines FIFO, so the order holds even when the OS stalls the process for longer
// than the gaps (seen on a loaded 2-core machine); with several Ps it would not.
// ENV: RCMAXPROCS=1
// STDOUT: woke 10
// STDOUT: woke 20
// STDOUT: woke 30
// STDOUT: all slept long enough
#include <racecheck.h>
#include <stdio.h>

#define UNIT (5 * RC_MILLISECOND)

static rc_chan *start, *woke;

static void sleeper(void *arg)
{
    int n = *(int *)arg;
    int64_t t0;
    rc_chan_recv(start, &t0);
    rc_sleep(t0 + n * UNIT - rc_now());
    int msg = rc_now() - t0 < n * UNIT ? -n : n;
    rc_chan_send(woke, &msg);
}

int main(void)
{
    start = rc_chan_make(sizeof(int64_t), 3);
    woke = rc_chan_make(sizeof(int), 0);
    int units[] = { 30, 10, 20 };
    for (int i = 0; i < 3; i++)
        rc_go_copy(sleeper, &units[i], sizeof units[i]);
    int64_t t0 = rc_now();
    for (int i = 0; i < 3; i++)
        rc_chan_send(start, &t0);
    int ok = 1;
    for (int i = 0; i < 3; i++) {
        int v;
        rc_chan_recv(woke, &v);
        if (v < 0)
            ok = 0, v = -v;
        printf("woke %d\n", v);
    }
    if (ok)
        printf("all slept long enough\n");
    rc_chan_release(start);
    rc_chan_release(woke);
    return 0;
}
