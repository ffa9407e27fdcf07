// Port of Go's TestRaceIndirection (runtime/race/testdata/mop_test.go): writes through
// the same pointer from two goroutines race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int64_t y; int64_t *x; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    *e->x = 1;
    rc_chan_send(e->ch, NULL);
}

int main(void)
{
    env e = { .ch = rc_chan_make(0, 1) };
    e.x = &e.y;
    rc_go(worker, &e);
    *e.x = 2; // @w
    rc_chan_recv(e.ch, NULL);
    volatile int64_t r = *e.x; /* Go: _ = *x */
    (void)r;
    return 0;
}
