// Port of Go's TestNoRaceWaitGroupReuse2 (runtime/race/testdata/waitgroup_test.go): as
// TestNoRaceWaitGroupReuse, with a second waiter in each round.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: 9 9 9
#include "../gotest.h"
#include <stdio.h>

enum { P = 3 };

typedef struct { int data[P]; rc_waitgroup wg; rc_chan *done; } env;
typedef struct { env *e; int p; } job;

static void worker(void *arg)
{
    job *j = arg;
    j->e->data[j->p]++;
    rc_waitgroup_done(&j->e->wg);
}

static void waiter(void *arg)
{
    env *e = arg;
    rc_waitgroup_wait(&e->wg);
    for (int p = 0; p < P; p++)
        e->data[p]++;
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { 0 };
    for (int try = 0; try < 3; try++) {
        rc_waitgroup_add(&e.wg, P);
        for (int p = 0; p < P; p++)
            rc_go_copy(worker, &(job){ &e, p }, sizeof(job));
        e.done = rc_chan_make(sizeof(bool), 0);
        rc_go(waiter, &e);
        rc_waitgroup_wait(&e.wg);
        rc_chan_recv(e.done, NULL);
        for (int p = 0; p < P; p++)
            e.data[p]++;
    }
    printf("%d %d %d\n", e.data[0], e.data[1], e.data[2]);
    return 0;
}
