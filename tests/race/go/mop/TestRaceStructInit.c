// Port of Go's TestRaceStructInit (runtime/race/testdata/mop_test.go): a composite
// literal reads y, which the goroutine writes. x is volatile (Go: _ = x) so that C's
// optimiser keeps the literal's read, as Go's race build does.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t x, y; } X;
typedef struct { int64_t y; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->y = 42; // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    volatile X x = { .x = e.y }; // @main
    (void)x;
    rc_chan_recv(e.c, NULL);
    return 0;
}
