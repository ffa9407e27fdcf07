// Port of Go's TestRaceFloat64WW (runtime/race/testdata/mop_test.go): unordered writes
// of a float64 race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"
#include <complex.h>

typedef struct { double x, y; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 1.0;
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    e.x = 2.0; // @w
    rc_chan_recv(e.ch, NULL);
    e.y = e.x;
    e.x = e.y;
    return 0;
}
