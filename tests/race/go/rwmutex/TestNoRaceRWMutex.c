// Port of Go's TestNoRaceRWMutex (runtime/race/testdata/rwmutex_test.go): a write under
// Lock and a read under RLock of the same RWMutex do not race.
// EXIT: 0
// STDERR-NOT: DATA RACE
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

static void reader(void *arg)
{
    env *e = arg;
    rc_rwmutex_rlock(&e->mu);
    e->y = e->x;
    rc_rwmutex_runlock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .x = 0, .y = 1, .ch = rc_chan_make(sizeof(bool), 2) };
    rc_go(writer, &e);
    rc_go(reader, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    wait_others();
    return 0;
}
