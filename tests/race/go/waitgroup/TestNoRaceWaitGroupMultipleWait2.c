// Port of Go's TestNoRaceWaitGroupMultipleWait2
// (runtime/race/testdata/waitgroup_test.go): goroutines that call Done then Wait, and
// main's Wait, do not race.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_waitgroup wg; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_waitgroup_done(&e->wg);
    rc_waitgroup_wait(&e->wg);
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(bool), 2) };
    rc_waitgroup_add(&e.wg, 2);
    rc_go(worker, &e);
    rc_go(worker, &e);
    rc_waitgroup_wait(&e.wg);
    rc_chan_recv(e.c, NULL);
    rc_chan_recv(e.c, NULL);
    return 0;
}
