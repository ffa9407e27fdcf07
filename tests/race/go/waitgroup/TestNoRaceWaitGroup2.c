// Port of Go's TestNoRaceWaitGroup2 (runtime/race/testdata/waitgroup_test.go): Done
// happens before Wait returns, so main may write after Wait.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int x; rc_waitgroup wg; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_waitgroup_done(&e->wg);
}

int main(void)
{
    env e = { 0 };
    rc_waitgroup_add(&e.wg, 1);
    rc_go(worker, &e);
    rc_waitgroup_wait(&e.wg);
    e.x = 2;
    wait_others();
    return 0;
}
