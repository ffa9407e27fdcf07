// Port of Go's TestRaceAsFunc2 (runtime/race/testdata/mop_test.go): calling a function
// literal with x reads x, which main writes. The literal ignores its parameter; it is
// volatile so that C's optimiser keeps the caller's read, as Go's race build does.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t x; rc_chan *c; } env;

static void literal(volatile int64_t x) {}

static void worker(void *arg)
{
    env *e = arg;
    literal(e->x); // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    e.x = 42; // @main
    rc_chan_recv(e.c, NULL);
    return 0;
}
