// Port of Go's TestNoRaceMutexSemaphore (runtime/race/testdata/mutex_test.go): a mutex
// locked by main and unlocked by another goroutine works as a semaphore.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_mutex mu; int x; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_mutex_unlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

static void second(void *arg)
{
    env *e = arg;
    rc_mutex_lock(&e->mu);
    e->x = 2;
    rc_mutex_unlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 2) };
    rc_mutex_lock(&e.mu);
    rc_go(first, &e);
    rc_go(second, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
