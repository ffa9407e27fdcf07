// Port of Go's TestRaceChanSendSend (runtime/race/testdata/chan_test.go): a failed
// non-blocking send (select with default) does not synchronise with the send that
// filled the channel.
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include "../gotest.h"

typedef struct { int v1, v2; rc_chan *compl, *c; } env;

static void first(void *arg)
{
    env *e = arg;
    e->v1 = 1;
    if (!rc_chan_try_send(e->c, &(int){1}))
        e->v2 = 2;
    rc_chan_send(e->compl, &(bool){true});
}

static void second(void *arg)
{
    env *e = arg;
    e->v2 = 1;
    if (!rc_chan_try_send(e->c, &(int){1}))
        e->v1 = 2;
    rc_chan_send(e->compl, &(bool){true});
}

int main(void)
{
    env e = { .compl = rc_chan_make(sizeof(bool), 2), .c = rc_chan_make(sizeof(int), 1) };
    rc_go(first, &e);
    rc_go(second, &e);
    rc_chan_recv(e.compl, NULL);
    rc_chan_recv(e.compl, NULL);
    return 0;
}
