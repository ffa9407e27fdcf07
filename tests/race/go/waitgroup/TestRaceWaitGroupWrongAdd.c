// Port of Go's TestRaceWaitGroupWrongAdd (runtime/race/testdata/waitgroup_test.go): an
// Add from 0 that is not ordered before a Wait that blocks is a race on the WaitGroup
// itself (Go's WaitGroup reports it: Add reads and Wait writes wg.sema).
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include "../gotest.h"

typedef struct { rc_waitgroup wg; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_waitgroup_add(&e->wg, 1);
    rc_sleep(100 * RC_MILLISECOND);
    rc_waitgroup_done(&e->wg);
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(bool), 2) };
    rc_go(worker, &e);
    rc_go(worker, &e);
    rc_sleep(50 * RC_MILLISECOND);
    rc_waitgroup_wait(&e.wg);
    rc_chan_recv(e.c, NULL);
    rc_chan_recv(e.c, NULL);
    return 0;
}
