/* An unrolled loop's stores are checked as one range (pass/SiteChecks.h, at -O2): a
 * race on one element in the middle is still found, with the loop's line and both
 * stacks, and the element read by the other goroutine is the one reported. */
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: fill()
// STDERR-ANY: {{FILE}}:{{LINE:fill}}
// STDERR-ANY: {{FILE}}:{{LINE:read}}
// STDERR: Found 1 data race(s)
#include <racecheck.h>

long slots[8]; /* not static: globalopt would delete stores to a global nobody reads */
static rc_waitgroup wg;

__attribute__((noinline)) static void fill(long *p, long v)
{
#pragma clang loop unroll(full)
    for (int i = 0; i < 8; i++)
        p[i] = v + i; // @fill
}

static void writer(void *arg)
{
    (void)arg;
    fill(slots, 1);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, 1);
    rc_go(writer, NULL);
    long v = ((volatile long *)slots)[5]; // @read
    rc_waitgroup_wait(&wg);
    return (int)(v & 0) + (slots[5] == 6 ? 0 : 1);
}
