// rc_maxprocs: 0 queries, n sets and returns the previous value; work spread over many
// goroutines completes after each change (1, then 4, then 2).
// ENV: RCMAXPROCS=3
// STDOUT: initial=3
// STDOUT: set 1: previous=3 now=1, work done
// STDOUT: set 4: previous=1 now=4, work done
// STDOUT: set 2: previous=4 now=2, work done
// STDOUT: same value: previous=2 now=2
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

#define NW 64
#define ROUNDS 2000

static rc_chan *done;
static _Atomic long total;

/* Pairs of goroutines ping-pong over their own channel. */
static void pinger(void *arg)
{
    rc_chan *c = arg;
    for (int i = 0; i < ROUNDS; i++) {
        rc_chan_send(c, &i);
        if (i % 64 == 0)
            rc_yield();
    }
    rc_chan_send(done, NULL);
}

static void ponger(void *arg)
{
    rc_chan *c = arg;
    int v;
    for (int i = 0; i < ROUNDS; i++) {
        rc_chan_recv(c, &v);
        total += v;
    }
    rc_chan_send(done, NULL);
    rc_chan_release(c);
}

static bool work(void)
{
    total = 0;
    for (int i = 0; i < NW / 2; i++) {
        rc_chan *c = rc_chan_make(sizeof(int), 0);
        rc_go(pinger, c);
        rc_go(ponger, c);
    }
    for (int i = 0; i < NW; i++)
        rc_chan_recv(done, NULL);
    return total == (long)NW / 2 * ROUNDS * (ROUNDS - 1) / 2;
}

int main(void)
{
    done = rc_chan_make(0, 0);
    printf("initial=%d\n", rc_maxprocs(0));
    int steps[] = { 1, 4, 2 };
    for (int i = 0; i < 3; i++) {
        int prev = rc_maxprocs(steps[i]);
        bool ok = work();
        printf("set %d: previous=%d now=%d, %s\n", steps[i], prev, rc_maxprocs(0),
               ok ? "work done" : "FAIL work lost");
    }
    int prev = rc_maxprocs(2);
    printf("same value: previous=%d now=%d\n", prev, rc_maxprocs(-1));
    return 0;
}
