// Port of Go's TestRacePlus2 (runtime/race/testdata/mop_test.go): a write of x races
// with its read in an expression with unary plus.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int64_t x, y, z; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    e->x = 1; // @w
    rc_chan_send(e->ch, &(int){1});
}

static void second(void *arg)
{
    env *e = arg;
    e->y = +e->x + e->z;
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
