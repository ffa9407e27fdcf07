// Port of Go's TestNoRaceChanAsync (runtime/race/testdata/chan_test.go): a buffered send
// happens before the receive that takes its value.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int v; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->v = 1;
    rc_chan_send(e->c, &zero);
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(int), 10) };
    rc_go(worker, &e);
    rc_chan_recv(e.c, NULL);
    e.v = 2;
    wait_others();
    return 0;
}
