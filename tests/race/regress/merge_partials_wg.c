/* WaitGroup.Done merges the caller's clock into the WaitGroup's clock, or, once Dones
 * on two Ps contend for it, into one of its per-P partial clocks (rt/race/sync.c),
 * which it keeps; Wait's acquire must join all of them. Twenty rounds, one
 * WaitGroup: 256 tasks on two Ps each write their own word and call Done, then main
 * reads every word. Nothing races. (Fails with false reports if the acquire misses
 * a partial: the Dones contend within the first rounds.) */
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: sum 6854400
#include <racecheck.h>
#include <stdio.h>

enum { N = 256, ROUNDS = 20 };

long data[N]; /* not static: the stores must stay */
static rc_waitgroup wg;

static void task(void *arg)
{
    long i = (long)(intptr_t)arg;
    data[i] += i;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    long sum = 0;
    for (int r = 0; r < ROUNDS; r++) {
        rc_waitgroup_add(&wg, N);
        for (long i = 0; i < N; i++)
            rc_go(task, (void *)(intptr_t)i);
        rc_waitgroup_wait(&wg);
        for (int i = 0; i < N; i++)
            sum += data[i];
    }
    printf("sum %ld\n", sum);
    return 0;
}
