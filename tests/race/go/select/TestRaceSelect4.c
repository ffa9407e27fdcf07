// Port of Go's TestRaceSelect4 (runtime/race/testdata/select_test.go): a write in a
// select's default case races with an unsynchronised read.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:r}}
#include "../gotest.h"

typedef struct { int x; rc_chan *done; } env;

static void worker(void *arg)
{
    env *e = arg;
    if (rc_select_try(NULL, 0) == -1) /* select { default: x = 2 } */
        e->x = 2;
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    volatile int r = e.x; /* Go: _ = x */ // @r
    (void)r;
    rc_chan_recv(e.done, NULL);
    return 0;
}
