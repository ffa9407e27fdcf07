// Port of Go's TestNoRaceSelectMutex (runtime/race/testdata/chan_test.go): the channel
// mutex of TestNoRaceChanMutex, locked and unlocked in selects.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int data; rc_chan *done, *mtx, *aux; } env;

static void lock(env *e)
{
    rc_case cs[] = { rc_send_case(e->mtx, NULL), rc_recv_case(e->aux, NULL) };
    rc_select(cs, 2);
}

static void unlock(env *e)
{
    rc_case cs[] = { rc_recv_case(e->mtx, NULL), rc_recv_case(e->aux, NULL) };
    rc_select(cs, 2);
}

static void worker(void *arg)
{
    env *e = arg;
    lock(e);
    e->data = 42;
    unlock(e);
    rc_chan_send(e->done, NULL);
}

int main(void)
{
    env e = { 0, rc_chan_make(0, 0), rc_chan_make(0, 1), rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    lock(&e);
    e.data = 43;
    unlock(&e);
    rc_chan_recv(e.done, NULL);
    return 0;
}
