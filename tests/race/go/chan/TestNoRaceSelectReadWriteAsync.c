// Port of Go's TestNoRaceSelectReadWriteAsync (runtime/race/testdata/chan_test.go): the
// read of x for a select send case happens before the write of x by the select that
// receives that value.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int x; rc_chan *done, *c1, *c2; } env;

static void worker(void *arg)
{
    env *e = arg;
    int sx = e->x, one = 1;
    rc_case cs[] = { rc_send_case(e->c1, &sx), rc_send_case(e->c2, &one) };
    rc_select(cs, 2);
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(int), 0),
              rc_chan_make(sizeof(int), 0) };
    rc_go(worker, &e);
    int v, one = 1;
    rc_case cs[] = { rc_recv_case(e.c1, &v), rc_send_case(e.c2, &one) };
    if (rc_select(cs, 2) == 0)
        e.x = v;
    rc_chan_recv(e.done, NULL);
    return 0;
}
