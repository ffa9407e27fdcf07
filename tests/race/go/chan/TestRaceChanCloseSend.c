// Port of Go's TestRaceChanCloseSend (runtime/race/testdata/chan_test.go): a send and a
// close of the same channel that are not ordered race (send reads the channel, close
// writes it). One P makes Go's order deterministic: main's buffered send completes
// before the goroutine runs, so the send does not panic.
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include "../gotest.h"

typedef struct { rc_chan *compl, *c; } env;

static void closer(void *arg)
{
    env *e = arg;
    rc_chan_close(e->c);
    rc_chan_send(e->compl, &(bool){true});
}

int main(void)
{
    env e = { rc_chan_make(sizeof(bool), 1), rc_chan_make(sizeof(int), 10) };
    rc_go(closer, &e);
    rc_chan_send(e.c, &zero);
    rc_chan_recv(e.compl, NULL);
    return 0;
}
