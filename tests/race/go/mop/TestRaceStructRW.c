// Port of Go's TestRaceStructRW (runtime/race/testdata/mop_test.go): main copies the
// struct p while the goroutine assigns it. q is volatile: the final p = q is dead in C
// (main returns), and C's optimiser would drop it and then the read; Go's race build
// checks both.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t x, y; } Point;
typedef struct { Point p; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->p = (Point){ 1, 1 }; // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { { 0, 0 }, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    volatile Point q = e.p; // @main
    rc_chan_recv(e.ch, NULL);
    e.p = q;
    return 0;
}
