// Port of Go's TestRaceFuncArgument (runtime/race/testdata/mop_test.go): passing x to a
// function reads it, and that read races with main's write. emptyFunc ignores its
// argument; its parameter is volatile so that C's optimiser keeps the caller's read of
// x, which Go's race build keeps (Go: "emptyFunc should not be inlined").
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:r}}
// STDERR-ANY: {{FILE}}:{{LINE:w}}
#include "../gotest.h"
#include <stdio.h>

typedef struct { int64_t x; rc_chan *ch; } env;

static __attribute__((noinline)) void emptyFunc(volatile int64_t x)
{
    if (false)
        printf("%lld\n", (long long)x);
}

static void worker(void *arg)
{
    env *e = arg;
    emptyFunc(e->x); // @r
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    e.x = 1; // @w
    rc_chan_recv(e.ch, NULL);
    return 0;
}
