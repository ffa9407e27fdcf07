// 100 000 goroutines are spawned and all of them run to completion (counted with an
// atomic; the last one tells main over a channel), then only main is left.
// TIMEOUT: 60
// STDOUT: finished=100000 sum ok
// STDOUT: goroutines left=1
#include <racecheck.h>
#include <stdio.h>

#define N 100000

static _Atomic long finished, sum;
static rc_chan *done;

static void worker(void *arg)
{
    sum += (long)(intptr_t)arg;
    if (++finished == N)
        rc_chan_send(done, NULL);
}

int main(void)
{
    done = rc_chan_make(0, 0);
    for (long i = 0; i < N; i++)
        rc_go(worker, (void *)(intptr_t)i);
    rc_chan_recv(done, NULL);
    printf("finished=%ld sum %s\n", (long)finished,
           sum == (long)N * (N - 1) / 2 ? "ok" : "FAIL");
    while (rc_numgoroutine() > 1)
        rc_yield(); /* the last worker is on its way out */
    printf("goroutines left=%d\n", rc_numgoroutine());
    return 0;
}
