// Port of Go's TestNoRaceRWMutexMultipleReaders (runtime/race/testdata/rwmutex_test.go):
// readers under RLock only read x, and the writer writes it under Lock.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_rwmutex mu; int64_t x; rc_chan *ch; } env;

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
    volatile int64_t y = e->x + 1; /* Go: y := x + 1; _ = y */
    (void)y;
    rc_rwmutex_runlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

static void reader2(void *arg)
{
    env *e = arg;
    rc_rwmutex_rlock(&e->mu);
    volatile int64_t y = e->x + 2; /* Go: y := x + 2; _ = y */
    (void)y;
    rc_rwmutex_runlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

static void reader3(void *arg)
{
    env *e = arg;
    rc_rwmutex_rlock(&e->mu);
    volatile int64_t y = e->x + 3; /* Go: y := x + 3; _ = y */
    (void)y;
    rc_rwmutex_runlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = {  .ch = rc_chan_make(sizeof(bool), 4) };
    rc_go(writer, &e);
    rc_go(reader1, &e);
    rc_go(reader2, &e);
    rc_go(reader3, &e);
    for (int i = 0; i < 4; i++)
        rc_chan_recv(e.ch, NULL);
    wait_others();
    return 0;
}
