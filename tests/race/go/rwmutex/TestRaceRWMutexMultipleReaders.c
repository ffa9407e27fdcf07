// Port of Go's TestRaceRWMutexMultipleReaders (runtime/race/testdata/rwmutex_test.go):
// readers under RLock write y concurrently: RLock does not exclude other readers.
// Three readers, so that two are on the same side of the write lock.
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include "../gotest.h"

typedef struct { rc_rwmutex mu; int64_t x, y; rc_chan *ch; } env;

static void writer(void *arg)
{
    env *e = arg;
    rc_rwmutex_lock(&e->mu);
    e->x = 2;
    rc_chan_send(e->ch, &(bool){true});
    rc_rwmutex_unlock(&e->mu); /* deferred */
}

static void reader1(void *arg)
{
    env *e = arg;
    rc_rwmutex_rlock(&e->mu);
    e->y = e->x + 1;
    rc_rwmutex_runlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

static void reader2(void *arg)
{
    env *e = arg;
    rc_rwmutex_rlock(&e->mu);
    e->y = e->x + 2;
    rc_rwmutex_runlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

static void reader3(void *arg)
{
    env *e = arg;
    rc_rwmutex_rlock(&e->mu);
    e->y = e->x + 3;
    rc_rwmutex_runlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .x = 0, .y = 1, .ch = rc_chan_make(sizeof(bool), 4) };
    rc_go(writer, &e);
    rc_go(reader1, &e);
    rc_go(reader2, &e);
    rc_go(reader3, &e);
    for (int i = 0; i < 4; i++)
        rc_chan_recv(e.ch, NULL);
    wait_others();
    return 0;
}
