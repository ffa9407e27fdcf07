// At exit, controlled mode lets the other goroutines run until every one of them is
// blocked, on the virtual clock (no real grace period): a goroutine that sleeps 50 ms
// and then blocks forever is a leak (as in a normal run, whose grace period is
// 200 ms of real time); one that yields forever does not keep the program alive (the
// drain stops after a bound on scheduling points); one sleeping an hour is not a leak.
// ENV: RCSCHED=5
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: Goroutine 2 blocked forever in chan send:
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: Found 1 leaked goroutine(s)
#include <racecheck.h>
#include <stdio.h>

static rc_chan *never;

static void late(void *arg)
{
    rc_sleep(50 * 1000000LL);
    rc_chan_send(never, NULL); // @send
}

static void spinner(void *arg)
{
    for (;;)
        rc_yield();
}

static void sleeper(void *arg)
{
    rc_sleep(3600 * 1000000000LL);
}

int main(void)
{
    never = rc_chan_make(0, 0);
    rc_go(late, NULL);
    rc_go(spinner, NULL);
    rc_go(sleeper, NULL);
    printf("main returns\n");
    return 0;
}
