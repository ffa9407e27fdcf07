// wg.Go: runs each function in its own goroutine with its argument, and Wait returns
// after all have finished.
// ENV: RCMAXPROCS=2
// STDOUT: ran=1000 sum=499500
#include <racecheck.h>
#include <stdio.h>

static _Atomic int ran;
static _Atomic long sum;
static int args[1000];

static void task(void *arg)
{
    atomic_fetch_add(&sum, *(int *)arg);
    rc_yield();
    atomic_fetch_add(&ran, 1);
}

int main(void)
{
    rc_waitgroup wg = { 0 };
    for (int i = 0; i < 1000; i++) {
        args[i] = i;
        rc_waitgroup_go(&wg, task, &args[i]);
    }
    rc_waitgroup_wait(&wg);
    printf("ran=%d sum=%ld\n", atomic_load(&ran), atomic_load(&sum));
    return 0;
}
