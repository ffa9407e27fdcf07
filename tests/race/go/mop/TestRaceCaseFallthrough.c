// Port of Go's TestRaceCaseFallthrough (runtime/race/testdata/mop_test.go): z == 1 falls
// through into the arm that writes x, which races with the other goroutine's read.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:r}}
// STDERR-ANY: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int64_t x, y, z; rc_chan *ch; } env;

static void reader(void *arg)
{
    env *e = arg;
    e->y = e->x; // @r
    rc_chan_send(e->ch, &(int){1});
}

static void switcher(void *arg)
{
    env *e = arg;
    switch (e->z) {
    case 1: /* Go: fallthrough */
    case 2:
        e->x = 2; // @w
    }
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
