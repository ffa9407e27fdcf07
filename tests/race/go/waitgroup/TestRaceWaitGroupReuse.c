// Port of Go's TestRaceWaitGroupReuse (runtime/race/testdata/waitgroup_test.go): a
// round's Add is not ordered after the previous round's waiter began to Wait (Go's
// WaitGroup reports the reuse: Wait writes and the first Add reads wg.sema).
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include "../gotest.h"
#include <stdlib.h>

enum { P = 3, T = 3 };

typedef struct { int *data; rc_waitgroup *wg; rc_chan *done; } round;
typedef struct { round *r; int p; } job;

static void worker(void *arg)
{
    job *j = arg;
    rc_sleep(50 * RC_MILLISECOND);
    j->r->data[j->p]++;
    rc_waitgroup_done(j->r->wg);
}

static void waiter(void *arg)
{
    round *r = arg;
    rc_waitgroup_wait(r->wg);
    for (int p = 0; p < P; p++)
        r->data[p]++;
    rc_chan_send(r->done, &(bool){true});
}

int main(void)
{
    rc_chan *done = rc_chan_make(sizeof(bool), T);
    rc_waitgroup wg = { 0 };
    for (int try = 0; try < T; try++) {
        round *r = malloc(sizeof *r); /* var data [P]int: one per round */
        *r = (round){ calloc(P, sizeof(int)), &wg, done };
        rc_waitgroup_add(&wg, P);
        for (int p = 0; p < P; p++)
            rc_go_copy(worker, &(job){ r, p }, sizeof(job));
        rc_go(waiter, r);
        rc_sleep(100 * RC_MILLISECOND);
        rc_waitgroup_wait(&wg);
    }
    for (int try = 0; try < T; try++)
        rc_chan_recv(done, NULL);
    return 0;
}
