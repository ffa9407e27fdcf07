// Port of Go's TestNoRaceSelect2 (runtime/race/testdata/select_test.go): close happens
// before a select receive that sees the channel closed.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int x; rc_chan *compl, *c, *c1; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_case cs[] = { rc_recv_case(e->c, NULL), rc_recv_case(e->c1, NULL) };
    rc_select(cs, 2);
    e->x = 1;
    rc_chan_send(e->compl, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(bool), 0),
              rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    e.x = 2;
    rc_chan_close(e.c);
    rc_yield();
    rc_chan_recv(e.compl, NULL);
    return 0;
}
