// Port of Go's TestRaceDeferArg (runtime/race/testdata/mop_test.go): a defer statement
// evaluates its call's arguments at once, reading x, which the goroutine writes. The
// deferred call runs where the function returns; the argument is evaluated at the
// defer, into a volatile (Go stores it in the defer record; C's optimiser would drop an
// unused argument).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:defer}}
#include "../gotest.h"

typedef struct { int64_t x; rc_chan *c; } env;

static void deferred(int64_t x) {}

static void worker(void *arg)
{
    env *e = arg;
    e->x = 42; // @g
    rc_chan_send(e->c, &(bool){true});
}

static void inner(env *e)
{
    volatile int64_t arg = e->x; /* defer func(x int) {}(x) */ // @defer
    deferred(arg);
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    inner(&e);
    rc_chan_recv(e.c, NULL);
    return 0;
}
