// Port of Go's TestNoRaceMutex (runtime/race/testdata/mutex_test.go): two writes under
// the same mutex do not race. (The first goroutine's deferred Unlock runs after its
// send.)
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_mutex mu; int16_t x; rc_chan *ch; } env;

static void first(void *arg)
{
    env *e = arg;
    rc_mutex_lock(&e->mu);
    e->x = 1;
    rc_chan_send(e->ch, &(bool){true});
    rc_mutex_unlock(&e->mu); /* deferred */
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
    rc_go(first, &e);
    rc_go(second, &e);
    rc_chan_recv(e.ch, NULL);
    rc_chan_recv(e.ch, NULL);
    wait_others();
    return 0;
}
