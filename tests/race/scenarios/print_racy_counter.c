// Printing from many goroutines must not hide races: 8 goroutines printf lines (stdio
// takes a lock per call, which orders nothing for the detector: it is not a Go
// synchronisation primitive) and also increment a plain shared counter.
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:inc}}
// STDERR: Previous write at 0x
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:inc}}
// STDERR: Found 1 data race(s)
// STDOUT: worker 5 line 19
#include <racecheck.h>
#include <stdio.h>

static rc_waitgroup wg;
static int counter;

static void worker(void *arg)
{
    int id = *(int *)arg;
    for (int i = 0; i < 20; i++) {
        printf("worker %d line %d\n", id, i);
        counter++; // @inc
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
    printf("counter=%d\n", counter);
    return 0;
}
