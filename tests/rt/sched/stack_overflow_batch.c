// Stacks come in batches from one mapping, each with its own guard page: a goroutine
// whose stack sits right above a neighbour's (the second of a batch and later) still
// overflows into its guard page and gets Go's report, without touching the neighbour.
// EXIT: 2
// STDERR: runtime: goroutine stack exceeds 262144-byte limit
// STDERR: fatal error: stack overflow
// STDERR: goroutine 6 [running]:
// STDERR: recurse()
// STDERR: {{FILE}}:{{LINE:rec}}
#include <racecheck.h>
#include <stdio.h>

static rc_chan *never;

__attribute__((noinline)) static int recurse(volatile int *depth)
{
    volatile char pad[256];
    pad[0] = (char)*depth;
    if (++*depth < 0) /* never (the stack overflows first): no endless-recursion warning */
        return 0;
    return recurse(depth) + pad[0]; // @rec
}

static void runaway(void *arg)
{
    volatile int depth = 0;
    recurse(&depth);
}

static void parked(void *arg) { rc_chan_recv(never, NULL); }

int main(void)
{
    never = rc_chan_make(0, 0);
    for (int i = 0; i < 4; i++) /* goroutines 2-5: the neighbours, parked */
        rc_go(parked, NULL);
    rc_go(runaway, NULL);
    rc_chan_recv(never, NULL);
    return 0;
}
