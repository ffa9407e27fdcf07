// Port of Go's TestRaceMutex (runtime/race/testdata/mutex_test.go): writes before Lock
// are not protected by it.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { rc_mutex mu; int16_t x; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    e->x = 1; // @w
    rc_mutex_lock(&e->mu);
    rc_chan_send(e->ch, &(bool){true});
    rc_mutex_unlock(&e->mu); /* deferred */
}

static void second(void *arg)
{
    env *e = arg;
    e->x = 2;
    rc_mutex_lock(&e->mu);
    rc_mutex_unlock(&e->mu);
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
