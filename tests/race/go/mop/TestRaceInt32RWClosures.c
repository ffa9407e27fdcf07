// Port of Go's TestRaceInt32RWClosures (runtime/race/testdata/mop_test.go): as
// TestRaceIntRWClosures, on int32.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:r}}
#include "../gotest.h"

typedef struct { int32_t x, y; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    e->y = e->x; // @r
    rc_chan_send(e->ch, &(int){1});
}

static void second(void *arg)
{
    env *e = arg;
    e->x = 1;
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
