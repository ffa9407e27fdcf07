// Port of Go's TestNoRaceChanAsyncCloseRecv3 (runtime/race/testdata/chan_test.go): close
// happens before the end of a range loop over the channel.
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
    env e = { 0, rc_chan_make(sizeof(int), 10) };
    rc_go(worker, &e);
    int x;
    while (rc_chan_recv(e.c, &x)) /* for range c {} */
        ;
    e.v = 2;
    wait_others();
    return 0;
}
