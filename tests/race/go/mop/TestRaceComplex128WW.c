// Port of Go's TestRaceComplex128WW (runtime/race/testdata/mop_test.go): unordered
// writes of a complex128 race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"
#include <complex.h>

typedef struct { double complex x, y; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 2 + 2 * I;
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    e.x = 4 + 4 * I; // @w
    rc_chan_recv(e.ch, NULL);
    e.y = e.x;
    e.x = e.y;
    return 0;
}
