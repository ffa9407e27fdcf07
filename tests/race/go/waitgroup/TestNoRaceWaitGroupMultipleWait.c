// Port of Go's TestNoRaceWaitGroupMultipleWait (runtime/race/testdata/waitgroup_test.go):
// concurrent Waits on a zero WaitGroup do not race.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_waitgroup wg; rc_chan *c; } env;

static void waiter(void *arg)
{
    env *e = arg;
    rc_waitgroup_wait(&e->wg);
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(bool), 2) };
    rc_go(waiter, &e);
    rc_go(waiter, &e);
    rc_waitgroup_wait(&e.wg);
    rc_chan_recv(e.c, NULL);
    rc_chan_recv(e.c, NULL);
    return 0;
}
