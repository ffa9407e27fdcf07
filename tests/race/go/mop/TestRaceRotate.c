// Port of Go's TestRaceRotate (runtime/race/testdata/mop_test.go): the reads of y in a
// rotate race with its write.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:r}}
#include "../gotest.h"

typedef struct { uint32_t x, y, z; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    e->x = e->y << 12 | e->y >> 20; // @r
    rc_chan_send(e->ch, &(int){1});
}

static void second(void *arg)
{
    env *e = arg;
    e->y = e->z;
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
