// Port of Go's TestNoRaceChanSync (runtime/race/testdata/chan_test.go): a write before an
// unbuffered send happens before a write after the matching receive.
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
    env e = { 0, rc_chan_make(sizeof(int), 0) };
    rc_go(worker, &e);
    rc_chan_recv(e.c, NULL);
    e.v = 2;
    wait_others();
    return 0;
}
