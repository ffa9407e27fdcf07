// Port of Go's TestNoRacePlus (runtime/race/testdata/mop_test.go): concurrent reads of x
// and z, writes of different variables: no race.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int64_t x, y, z, f; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    e->y = e->x + e->z;
    rc_chan_send(e->ch, &(int){1});
}

static void second(void *arg)
{
    env *e = arg;
    e->f = e->z + e->x;
    rc_chan_send(e->ch, &(int){1});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(int), 2) };
    rc_go(first, &e);
    rc_go(second, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
