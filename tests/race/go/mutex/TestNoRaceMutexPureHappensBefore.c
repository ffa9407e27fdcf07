// Port of Go's TestNoRaceMutexPureHappensBefore (runtime/race/testdata/mutex_test.go):
// a flag written under a mutex and polled under it orders the writes around it.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_mutex mu; int16_t x; bool written; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_mutex_lock(&e->mu);
    e->written = true;
    rc_mutex_unlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

static void second(void *arg)
{
    env *e = arg;
    rc_sleep(100 * RC_MICROSECOND);
    rc_mutex_lock(&e->mu);
    while (!e->written) {
        rc_mutex_unlock(&e->mu);
        rc_sleep(100 * RC_MICROSECOND);
        rc_mutex_lock(&e->mu);
    }
    rc_mutex_unlock(&e->mu);
    e->x = 1;
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 2) };
    rc_go(first, &e);
    rc_go(second, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
