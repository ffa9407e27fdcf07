// Infinite recursion in a goroutine overflows its stack into the guard page: Go's
// report names the goroutine and the recursive function, exit status 2. Same with a
// 64 KiB stack (RCDEBUG=stacksize).
// ENV: RCDEBUG=stacksize=65536
// EXIT: 2
// STDERR: runtime: goroutine stack exceeds 65536-byte limit
// STDERR: fatal error: stack overflow
// STDERR: goroutine 2 [running]:
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

int main(void)
{
    never = rc_chan_make(0, 0);
    rc_go(runaway, NULL);
    rc_chan_recv(never, NULL);
    return 0;
}
