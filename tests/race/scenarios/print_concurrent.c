// Printing from many goroutines must not invent races: 8 goroutines printf lines
// concurrently and share no data (stdio's internal locks are invisible to the
// detector, and its buffers are not instrumented).
// STDOUT: worker 5 line 19
// STDOUT: printed 160 lines
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>

static rc_waitgroup wg;
static int lines[8];

static void worker(void *arg)
{
    int id = *(int *)arg;
    for (int i = 0; i < 20; i++) {
        printf("worker %d line %d\n", id, i);
        lines[id]++;
        if (i % 4 == 0)
            rc_yield();
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < 8; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(worker, &i, sizeof i);
    }
    rc_waitgroup_wait(&wg);
    int n = 0;
    for (int i = 0; i < 8; i++)
        n += lines[i];
    printf("printed %d lines\n", n);
    return 0;
}
