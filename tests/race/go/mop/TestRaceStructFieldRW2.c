// Port of Go's TestRaceStructFieldRW2 (runtime/race/testdata/mop_test.go): as
// TestRaceStructFieldRW1, through a pointer to a heap Point.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <stdlib.h>

typedef struct { int64_t x, y; } Point;
typedef struct { Point *p; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->p->x = 1; // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { calloc(1, sizeof(Point)), rc_chan_make(sizeof(bool), 1) };
    if (!e.p)
        return 1;
    rc_go(worker, &e);
    volatile int64_t r = e.p->x; /* Go: _ = p.x */ // @main
    (void)r;
    rc_chan_recv(e.ch, NULL);
    return 0;
}
