// Port of Go's TestNoRaceRWMutexTransitive (runtime/race/testdata/rwmutex_test.go):
// Lock happens after every earlier RUnlock, not only the last one.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_rwmutex mu; int64_t x; rc_chan *ch; } env;

static void reader(void *arg)
{
    env *e = arg;
    rc_rwmutex_rlock(&e->mu);
    volatile int64_t v = e->x; /* Go: _ = x */
    (void)v;
    rc_rwmutex_runlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

static void late_reader(void *arg)
{
    rc_sleep(10 * RC_MILLISECOND);
    reader(arg);
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 2) };
    rc_go(reader, &e);
    rc_go(late_reader, &e);
    rc_sleep(20 * RC_MILLISECOND);
    rc_rwmutex_lock(&e.mu);
    e.x = 42;
    rc_rwmutex_unlock(&e.mu);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    return 0;
}
