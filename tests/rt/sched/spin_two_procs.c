// A CPU-bound goroutine that never yields does not stop the others when there are two
// Ps: ping-pong work completes while it spins (no preemption yet, so this is not
// tested with one P).
// ENV: RCMAXPROCS=2
// TIMEOUT: 30
// STDOUT: work done while spinning: 20000 round trips
// STDOUT: spinner stopped
#include <racecheck.h>
#include <stdio.h>

static _Atomic int stop, spinning;
static rc_chan *ping, *pong, *spun;

static void spinner(void *arg)
{
    spinning = 1;
    unsigned long n = 0;
    while (!stop)
        n++;
    rc_chan_send(spun, &n);
}

static void echo(void *arg)
{
    int v;
    while (rc_chan_recv(ping, &v))
        rc_chan_send(pong, &v);
}

int main(void)
{
    ping = rc_chan_make(sizeof(int), 0);
    pong = rc_chan_make(sizeof(int), 0);
    spun = rc_chan_make(sizeof(unsigned long), 1);
    rc_go(spinner, NULL);
    while (!spinning)
        rc_yield();
    rc_go(echo, NULL);
    for (int i = 0; i < 20000; i++) {
        int v = i;
        rc_chan_send(ping, &v);
        rc_chan_recv(pong, &v);
    }
    printf("work done while spinning: 20000 round trips\n");
    stop = 1;
    unsigned long n;
    rc_chan_recv(spun, &n);
    printf("spinner stopped\n");
    return 0;
}
