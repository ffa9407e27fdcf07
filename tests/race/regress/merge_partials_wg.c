/* WaitGroup.Done merges each task's clock into one of the WaitGroup's per-P partial
 * clocks (rt/race/sync.c); Wait's acquire must join all of them. 256 tasks on two Ps
 * each write their own word and call Done; main then reads every word: nothing races.
 * (Fails with false reports if the acquire misses a partial.) */
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: sum 32640
#include <racecheck.h>
#include <stdio.h>

enum { N = 256 };

long data[N]; /* not static: the stores must stay */
static rc_waitgroup wg;

static void task(void *arg)
{
    long i = (long)(intptr_t)arg;
    data[i] = i;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, N);
    for (long i = 0; i < N; i++)
        rc_go(task, (void *)(intptr_t)i);
    rc_waitgroup_wait(&wg);
    long sum = 0;
    for (int i = 0; i < N; i++)
        sum += data[i];
    printf("sum %ld\n", sum);
    return 0;
}
