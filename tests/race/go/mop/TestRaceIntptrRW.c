// Port of Go's TestRaceIntptrRW (runtime/race/testdata/mop_test.go): a write and a read
// through the same pointer race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int64_t x, y; int64_t *p; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    *e->p = 5; // @w
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 1) };
    e.p = &e.x;
    rc_go(worker, &e);
    e.y = *e.p;
    e.x = e.y;
    rc_chan_recv(e.ch, NULL);
    return 0;
}
