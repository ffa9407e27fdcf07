// Port of Go's TestNoRaceSelect4 (runtime/race/testdata/select_test.go): a task queue
// served by a select loop; the task's write happens before the reply is received.
// No race; but the server goroutine is left waiting in its select when the test ends,
// as in Go, and racecheck reports that leak (go test does not look).
// EXIT: 66
// STDERR-NOT: DATA RACE
// STDERR: Goroutine 2 blocked forever in select:
// STDERR: server()
// STDERR: Found 1 leaked goroutine(s)
#include "../gotest.h"

typedef struct { rc_func f; void *arg; rc_chan *done; } task;
typedef struct { rc_chan *queue, *dummy; } env;

static void server(void *arg)
{
    env *e = arg;
    for (;;) {
        task t;
        rc_case cs[] = { rc_recv_case(e->queue, &t) };
        rc_select(cs, 1);
        t.f(t.arg);
        rc_chan_send(t.done, &(bool){true});
    }
}

static void doit(env *e, rc_func f, void *arg)
{
    rc_chan *done = rc_chan_make(sizeof(bool), 1);
    task t = { f, arg, done };
    rc_case c1[] = { rc_send_case(e->queue, &t), rc_recv_case(e->dummy, NULL) };
    rc_select(c1, 2);
    rc_case c2[] = { rc_recv_case(done, NULL), rc_recv_case(e->dummy, NULL) };
    rc_select(c2, 2);
}

static void set_x(void *arg) { *(int *)arg = 1; }

int main(void)
{
    env e = { rc_chan_make(sizeof(task), 0), rc_chan_make(sizeof(bool), 0) };
    rc_go(server, &e);
    int x = 0;
    doit(&e, set_x, &x);
    return 0;
}
