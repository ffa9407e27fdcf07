// Port of Go's TestRaceRune (runtime/race/testdata/mop_test.go): a rune (int32) written
// by a goroutine races with main's read.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:r}}
#include "../gotest.h"

typedef struct { rc_chan *c; int32_t x; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { rc_chan_make(sizeof(bool), 0), 0 };
    rc_go(worker, &e);
    volatile int32_t r = e.x; /* Go: _ = x */ // @r
    (void)r;
    rc_chan_recv(e.c, NULL);
    return 0;
}
