// Port of Go's TestNoRaceChanSyncCloseRecv (runtime/race/testdata/chan_test.go): close
// happens before a receive that returns because the channel is closed. (Go's deferred
// recover never fires: the receive does not panic; the deferred write runs after it.)
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int v; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->v = 1;
    rc_chan_close(e->c);
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(int), 0) };
    rc_go(worker, &e);
    rc_chan_recv(e.c, NULL);
    e.v = 2; /* the deferred function */
    wait_others();
    return 0;
}
