// Port of Go's TestNoRaceChanMutex (runtime/race/testdata/chan_test.go): a channel of
// capacity 1 used as a mutex (send = lock, receive = unlock) orders the writes.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int data; rc_chan *done, *mtx; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_chan_send(e->mtx, NULL);
    e->data = 42;
    rc_chan_recv(e->mtx, NULL);
    rc_chan_send(e->done, NULL);
}

int main(void)
{
    env e = { 0, rc_chan_make(0, 0), rc_chan_make(0, 1) };
    rc_go(worker, &e);
    rc_chan_send(e.mtx, NULL);
    e.data = 43;
    rc_chan_recv(e.mtx, NULL);
    rc_chan_recv(e.done, NULL);
    return 0;
}
