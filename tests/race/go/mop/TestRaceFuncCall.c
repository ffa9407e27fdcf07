// Port of Go's TestRaceFuncCall (runtime/race/testdata/mop_test.go): evaluating the
// arguments of f(x, y) reads y, which the goroutine writes. f ignores its parameters;
// they are volatile so that C's optimiser keeps the caller's reads, as Go's race build
// does.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t x, y; rc_chan *c; } env;

static void f(volatile int64_t x, volatile int64_t y) {}

static void worker(void *arg)
{
    env *e = arg;
    e->y = 42; // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    f(e.x, e.y); // @main
    rc_chan_recv(e.c, NULL);
    return 0;
}
