// A race hidden behind a sleep: the child writes x only if it wakes before main has
// set done, which a real clock practically never allows (main needs microseconds, the
// child sleeps 10 ms), and no ordinary run reports it. In controlled mode "the clock
// jumps to the next timer now, though goroutines are runnable" is one of the
// strategy's choices, and this seed (found by trying seeds, with the -O0 and the -O2
// build) takes it before main's write.
// ENV: RCSCHED=17
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:child}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include <racecheck.h>
#include <stdio.h>

int x;
static _Atomic int done;

static void child(void *arg)
{
    rc_sleep(10 * 1000000LL);
    if (!done)
        x = 1; // @child
}

int main(void)
{
    rc_go(child, NULL);
    x = 2; // @main
    done = 1;
    rc_sleep(50 * 1000000LL);
    printf("x=%d\n", x);
    return 0;
}
