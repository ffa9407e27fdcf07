/*
 * sites.c: the code whose lines tests/cli/ asserts (race_store line 11, other_store
 * line 12, the receive in leaky_wait line 17). Keep these lines where they are.
 */
#include <racecheck.h>

int race_a, race_b;

/* Each is called by two goroutines that nothing orders: a race every time. */

__attribute__((noinline)) void race_store(int v) { race_a = v; }
__attribute__((noinline)) void other_store(int v) { race_b = v; }

__attribute__((noinline)) void leaky_wait(void *arg)
{
    int v;
    rc_chan_recv(arg, &v);
}
