// Port of Go's TestRaceChanWrongClose (runtime/race/testdata/chan_test.go): a receive
// that gets a buffered value synchronises with its sender, not with a later close.
// (Go's deferred recover only guards against the send panicking, which it does not: the
// send happens 10 ms before the close.)
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Previous write at
#include "../gotest.h"

typedef struct { int v1, v2; rc_chan *c, *done; } env;

static void sender(void *arg)
{
    env *e = arg;
    e->v1 = 1;
    rc_chan_send(e->c, &(int){1});
    rc_chan_send(e->done, &(bool){true});
}

static void closer(void *arg)
{
    env *e = arg;
    rc_sleep(10 * RC_MILLISECOND);
    e->v2 = 2;
    rc_chan_close(e->c);
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(int), 1), .done = rc_chan_make(sizeof(bool), 0) };
    rc_go(sender, &e);
    rc_go(closer, &e);
    rc_sleep(20 * RC_MILLISECOND);
    int x;
    if (rc_chan_recv(e.c, &x))
        e.v2 = 2;
    else
        e.v1 = 2;
    rc_chan_recv(e.done, NULL);
    rc_chan_recv(e.done, NULL);
    return 0;
}
