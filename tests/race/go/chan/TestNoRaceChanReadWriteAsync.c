// Port of Go's TestNoRaceChanReadWriteAsync (runtime/race/testdata/chan_test.go): the
// read of x for a buffered send happens before the write of the received value to x.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int x; rc_chan *done, *c1; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_chan_send(e->c1, &(int){e->x});
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(int), 10) };
    rc_go(worker, &e);
    int v;
    rc_chan_recv(e.c1, &v);
    e.x = v;
    rc_chan_recv(e.done, NULL);
    return 0;
}
