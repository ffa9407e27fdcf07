// Port of Go's TestRaceSelect2 (runtime/race/testdata/select_test.go): a write after
// close is not ordered with the receiver's write before its select.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int x; rc_chan *compl, *c, *c1; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 1; // @w
    rc_case cs[] = { rc_recv_case(e->c, NULL), rc_recv_case(e->c1, NULL) };
    rc_select(cs, 2);
    rc_chan_send(e->compl, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(bool), 0),
              rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    rc_chan_close(e.c);
    e.x = 2;
    rc_chan_recv(e.compl, NULL);
    return 0;
}
