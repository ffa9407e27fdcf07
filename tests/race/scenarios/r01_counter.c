// R1: 5 goroutines each do total++ 10 000 times on a plain int; main waits with a
// WaitGroup and prints the total. Both stacks point at the increment.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: at 0x
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:inc}}
// STDERR: Previous
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:inc}}
// STDERR: created at:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Found 1 data race(s)
// STDERR-COUNT: 1 WARNING: DATA RACE
#include <racecheck.h>
#include <stdio.h>

static int total;
static rc_waitgroup wg;

static void worker(void *arg)
{
    for (int i = 0; i < 10000; i++)
        total++; // @inc
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < 5; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go(worker, NULL); // @go
    }
    rc_waitgroup_wait(&wg);
    printf("total=%d\n", total);
    return 0;
}
