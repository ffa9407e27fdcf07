// Port of Go's TestRaceChanSendClose (runtime/race/testdata/chan_test.go): a send and a
// close of the same channel that are not ordered race (Go models send as a read of the
// channel and close as a write). Go's deferred recover guards a send that cannot panic
// here: it happens 10 ms before the close.
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include "../gotest.h"

typedef struct { rc_chan *compl, *c; } env;

static void sender(void *arg)
{
    env *e = arg;
    rc_chan_send(e->c, &(int){1});
    rc_chan_send(e->compl, &(bool){true});
}

static void closer(void *arg)
{
    env *e = arg;
    rc_sleep(10 * RC_MILLISECOND);
    rc_chan_close(e->c);
    rc_chan_send(e->compl, &(bool){true});
}

int main(void)
{
    env e = { rc_chan_make(sizeof(bool), 2), rc_chan_make(sizeof(int), 1) };
    rc_go(sender, &e);
    rc_go(closer, &e);
    rc_chan_recv(e.compl, NULL);
    rc_chan_recv(e.compl, NULL);
    return 0;
}
