// Port of Go's TestRaceChanAsyncRev (runtime/race/testdata/chan_test.go): a buffered
// receive does not happen before the send completes, so writes after the send and
// before the receive race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w1}}
#include "../gotest.h"

typedef struct { int v; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_chan_send(e->c, &zero);
    e->v = 1; // @w1
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(int), 10) };
    rc_go(worker, &e);
    e.v = 2;
    rc_chan_recv(e.c, NULL);
    wait_others();
    return 0;
}
