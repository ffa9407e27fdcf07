// Port of Go's TestNoRaceFuncUnlock (runtime/race/testdata/mop_test.go): main's write of
// x happens after the called function returns with the mutex held, so both writes are
// under the mutex.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_mutex mu; int64_t x; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_mutex_lock(&e->mu);
    e->x = 42;
    rc_mutex_unlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

static int64_t lock43(rc_mutex *mu)
{
    rc_mutex_lock(mu);
    return 43;
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    e.x = lock43(&e.mu);
    rc_mutex_unlock(&e.mu);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
