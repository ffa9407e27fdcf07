// R2: 100 goroutines do counter += 1; sleep(1ms); counter += 1. The sleep changes the
// interleaving, never the verdict. Both increments go through bump(), so every report
// names the same line on both sides, and the pair is reported once.
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: bump()
// STDERR: {{FILE}}:{{LINE:inc}}
// STDERR: Previous write at 0x
// STDERR: bump()
// STDERR: {{FILE}}:{{LINE:inc}}
// STDERR: Found 1 data race(s)
#include <racecheck.h>
#include <stdio.h>

static int counter;
static rc_waitgroup wg;

static __attribute__((noinline)) void bump(void)
{
    counter += 1; // @inc
}

static void worker(void *arg)
{
    (void)arg;
    bump();
    rc_sleep(RC_MILLISECOND);
    bump();
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < 100; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go(worker, NULL);
    }
    rc_waitgroup_wait(&wg);
    printf("counter=%d\n", counter);
    return 0;
}
