// Port of Go's TestRaceMutexRWMutex (runtime/race/testdata/rwmutex_test.go): a write
// under a Mutex and one under an unrelated RWMutex race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { rc_mutex mu1; rc_rwmutex mu2; int16_t x; rc_chan *ch; } env;

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
    rc_rwmutex_lock(&e->mu2);
    e->x = 2;
    rc_rwmutex_unlock(&e->mu2);
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
