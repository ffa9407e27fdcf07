// Mutual exclusion under contention: 8 goroutines on 2 processors increment a plain
// counter under a Mutex; no increment is lost.
// ENV: RCMAXPROCS=2
// STDOUT: count=400000
// STDOUT: max_inside=1
#include <racecheck.h>
#include <stdio.h>

#define WORKERS 8
#define ITERS 50000

static rc_mutex mu;
static long count;
static int inside, max_inside;
static rc_waitgroup wg;

static void worker(void *arg)
{
    for (int i = 0; i < ITERS; i++) {
        rc_mutex_lock(&mu);
        if (++inside > max_inside)
            max_inside = inside;
        count++;
        if (i % 1000 == 0)
            rc_yield(); /* hold the lock across a reschedule now and then */
        inside--;
        rc_mutex_unlock(&mu);
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, WORKERS);
    for (int i = 0; i < WORKERS; i++)
        rc_go(worker, NULL);
    rc_waitgroup_wait(&wg);
    printf("count=%ld\n", count);
    printf("max_inside=%d\n", max_inside);
    return 0;
}
