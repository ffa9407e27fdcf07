// Port of Go's TestRaceUnsafePtrRW (runtime/race/testdata/mop_test.go): the pointer
// variable itself is written by one goroutine and read by another.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int64_t x, y, z; void *p; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->p = &e->z; // @w
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { 1, 2, 3, NULL, rc_chan_make(sizeof(bool), 1) };
    e.p = &e.x;
    rc_go(worker, &e);
    e.y = *(int64_t *)e.p;
    e.x = e.y;
    rc_chan_recv(e.ch, NULL);
    return 0;
}
