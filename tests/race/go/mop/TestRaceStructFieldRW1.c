// Port of Go's TestRaceStructFieldRW1 (runtime/race/testdata/mop_test.go): main reads
// the field p.x the goroutine writes.
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
    e->p.x = 1; // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { { 0, 0 }, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    volatile int64_t r = e.p.x; /* Go: _ = p.x */ // @main
    (void)r;
    rc_chan_recv(e.ch, NULL);
    return 0;
}
