// Port of Go's TestRaceBlockAs (runtime/race/testdata/mop_test.go): the swap
// x, y = y, x reads and writes x, which the goroutine writes.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t x, y; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 42; // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    int64_t t0 = e.y, t1 = e.x; e.x = t0; e.y = t1; /* Go: x, y = y, x */ // @main
    rc_chan_recv(e.c, NULL);
    return 0;
}
