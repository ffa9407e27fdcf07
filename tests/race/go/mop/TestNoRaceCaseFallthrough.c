// Port of Go's TestNoRaceCaseFallthrough (runtime/race/testdata/mop_test.go): z == 1, so
// the arm that writes x is not taken and the read of x has no racing write.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int64_t x, y, z; rc_chan *ch; } env;

static void reader(void *arg)
{
    env *e = arg;
    e->y = e->x;
    rc_chan_send(e->ch, &(int){1});
}

static void switcher(void *arg)
{
    env *e = arg;
    if (e->z == 1)
        ;
    else if (e->z == 2)
        e->x = 2;
    rc_chan_send(e->ch, &(int){1});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(int), 2) };
    e.z = 1;
    rc_go(reader, &e);
    rc_go(switcher, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
