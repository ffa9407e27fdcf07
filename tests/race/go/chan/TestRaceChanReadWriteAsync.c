// Port of Go's TestRaceChanReadWriteAsync (runtime/race/testdata/chan_test.go): the read
// of x for a send races with a write of x after an unrelated buffered receive.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:read}}
#include "../gotest.h"

typedef struct { int x; rc_chan *done, *c1, *c2; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_chan_send(e->c1, &(int){e->x}); // @read
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(int), 10),
              rc_chan_make(sizeof(int), 10) };
    rc_chan_send(e.c2, &(int){10});
    rc_go(worker, &e);
    int v;
    rc_chan_recv(e.c2, &v);
    e.x = v;
    rc_chan_recv(e.done, NULL);
    return 0;
}
