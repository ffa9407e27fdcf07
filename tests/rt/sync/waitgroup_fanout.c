// WaitGroup fan-out/fan-in: 10000 goroutines, each Done once; Wait returns after all
// of them, in every one of several waiters; the WaitGroup is reusable afterwards.
// ENV: RCMAXPROCS=2
// STDOUT: sum=50005000
// STDOUT: waiters=3
// STDOUT: round2=100
#include <racecheck.h>
#include <stdio.h>

#define N 10000

static rc_waitgroup wg, waiters_wg;
static _Atomic long sum;
static _Atomic int waiters_ok;

static void worker(void *arg)
{
    long i = *(long *)arg;
    atomic_fetch_add(&sum, i);
    rc_waitgroup_done(&wg);
}

static void waiter(void *arg)
{
    rc_waitgroup_wait(&wg);
    if (atomic_load(&sum) == (long)N * (N + 1) / 2)
        atomic_fetch_add(&waiters_ok, 1);
    rc_waitgroup_done(&waiters_wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, N);
    rc_waitgroup_add(&waiters_wg, 2);
    rc_go(waiter, NULL);
    rc_go(waiter, NULL);
    for (long i = 1; i <= N; i++)
        rc_go_copy(worker, &i, sizeof i);
    rc_waitgroup_wait(&wg);
    if (atomic_load(&sum) == (long)N * (N + 1) / 2)
        atomic_fetch_add(&waiters_ok, 1);
    rc_waitgroup_wait(&waiters_wg);
    printf("sum=%ld\n", atomic_load(&sum));
    printf("waiters=%d\n", atomic_load(&waiters_ok));

    atomic_store(&sum, 0);
    rc_waitgroup_add(&wg, 100);
    for (long i = 0; i < 100; i++) {
        long one = 1;
        rc_go_copy(worker, &one, sizeof one);
    }
    rc_waitgroup_wait(&wg);
    printf("round2=%ld\n", atomic_load(&sum));
    return 0;
}
