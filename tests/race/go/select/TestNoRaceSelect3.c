// Port of Go's TestNoRaceSelect3 (runtime/race/testdata/select_test.go): a buffered send
// in a select happens before the receive of its value.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int x; rc_chan *compl, *c, *c1; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 1;
    bool t = true;
    rc_case cs[] = { rc_send_case(e->c, &t), rc_recv_case(e->c1, NULL) };
    rc_select(cs, 2);
    rc_chan_send(e->compl, &t);
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(bool), 10),
              rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    rc_chan_recv(e.c, NULL);
    e.x = 2;
    rc_chan_recv(e.compl, NULL);
    return 0;
}
