// Port of Go's TestRaceChanItselfRecv (runtime/race/testdata/chan_test.go): the channel
// variable read for a receive races with its later reassignment.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:assign}}
#include "../gotest.h"

typedef struct { rc_chan *compl, *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_chan_recv(e->c, NULL);
    rc_chan_send(e->compl, &(bool){true});
}

int main(void)
{
    env e = { rc_chan_make(sizeof(bool), 1), rc_chan_make(sizeof(int), 10) };
    rc_chan_send(e.c, &(int){1});
    rc_go(worker, &e);
    rc_sleep(10 * RC_MILLISECOND);
    e.c = rc_chan_make(sizeof(int), 20); // @assign
    rc_chan_recv(e.compl, NULL);
    return 0;
}
