// Port of Go's TestRaceChanItselfClose (runtime/race/testdata/chan_test.go): the channel
// variable read for closing it races with its reassignment.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:assign}}
#include "../gotest.h"

typedef struct { rc_chan *compl, *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_chan_close(e->c);
    rc_chan_send(e->compl, &(bool){true});
}

int main(void)
{
    env e = { rc_chan_make(sizeof(bool), 1), rc_chan_make(sizeof(int), 0) };
    rc_go(worker, &e);
    e.c = rc_chan_make(sizeof(int), 0); // @assign
    rc_chan_recv(e.compl, NULL);
    return 0;
}
