// Port of Go's TestNoRaceWaitGroupMultipleWait3
// (runtime/race/testdata/waitgroup_test.go): every Done happens before each of several
// Waits returns.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

enum { P = 3 };

typedef struct { int data[P]; rc_chan *done; rc_waitgroup wg; } env;
typedef struct { env *e; int p; } job;

static void writer(void *arg)
{
    job *j = arg;
    j->e->data[j->p] = 42;
    rc_waitgroup_done(&j->e->wg);
}

static void reader(void *arg)
{
    env *e = arg;
    rc_waitgroup_wait(&e->wg);
    for (int p1 = 0; p1 < P; p1++) {
        volatile int v = e->data[p1]; /* Go: _ = data[p1] */
        (void)v;
    }
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { .done = rc_chan_make(sizeof(bool), P) };
    rc_waitgroup_add(&e.wg, P);
    for (int p = 0; p < P; p++)
        rc_go_copy(writer, &(job){ &e, p }, sizeof(job));
    for (int p = 0; p < P; p++)
        rc_go(reader, &e);
    for (int p = 0; p < P; p++)
        rc_chan_recv(e.done, NULL);
    return 0;
}
