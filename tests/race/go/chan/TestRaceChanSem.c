// Port of Go's TestRaceChanSem (runtime/race/testdata/chan_test.go): a channel of
// capacity 2 admits both goroutines at once, so it does not order their writes.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int data; rc_chan *done, *mtx; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_chan_send(e->mtx, &(bool){true});
    e->data = 42; // @w
    rc_chan_recv(e->mtx, NULL);
    rc_chan_send(e->done, NULL);
}

int main(void)
{
    env e = { 0, rc_chan_make(0, 0), rc_chan_make(sizeof(bool), 2) };
    rc_go(worker, &e);
    rc_chan_send(e.mtx, &(bool){true});
    e.data = 43;
    rc_chan_recv(e.mtx, NULL);
    rc_chan_recv(e.done, NULL);
    return 0;
}
