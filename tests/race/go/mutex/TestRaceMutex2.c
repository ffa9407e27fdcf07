// Port of Go's TestRaceMutex2 (runtime/race/testdata/mutex_test.go): writes under two
// different mutexes race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { rc_mutex mu1, mu2; int8_t x; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    rc_mutex_lock(&e->mu1);
    e->x = 1; // @w
    rc_chan_send(e->ch, &(bool){true});
    rc_mutex_unlock(&e->mu1); /* deferred */
}

static void second(void *arg)
{
    env *e = arg;
    rc_mutex_lock(&e->mu2);
    e->x = 2;
    rc_mutex_unlock(&e->mu2);
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 2) };
    rc_go(first, &e);
    rc_go(second, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    wait_others();
    return 0;
}
