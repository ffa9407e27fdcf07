// Port of Go's TestNoRaceChanSyncRev (runtime/race/testdata/chan_test.go): an unbuffered
// receive happens before the matching send completes.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int v; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_chan_send(e->c, &zero);
    e->v = 2;
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(int), 0) };
    rc_go(worker, &e);
    e.v = 1;
    rc_chan_recv(e.c, NULL);
    wait_others();
    return 0;
}
