// Port of Go's TestNoRaceWaitGroupConcurrentAdd
// (runtime/race/testdata/waitgroup_test.go): Adds by several goroutines, each ordered
// before main's Wait by a channel, do not race.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

enum { P = 4 };

typedef struct { rc_waitgroup wg; rc_chan *waiting; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_waitgroup_add(&e->wg, 1);
    rc_chan_send(e->waiting, &(bool){true});
    rc_waitgroup_done(&e->wg);
}

int main(void)
{
    env e = { .waiting = rc_chan_make(sizeof(bool), P) };
    for (int p = 0; p < P; p++)
        rc_go(worker, &e);
    for (int p = 0; p < P; p++)
        rc_chan_recv(e.waiting, NULL);
    rc_waitgroup_wait(&e.wg);
    return 0;
}
