// Port of Go's TestNoRaceProducerConsumerUnbuffered (runtime/race/testdata/chan_test.go):
// a task handed over an unbuffered queue runs f, whose write happens before the reply.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct {
    rc_func f;
    void   *arg;
    rc_chan *done;
} task;

static void consumer(void *arg)
{
    task t;
    rc_chan_recv(arg, &t);
    t.f(t.arg);
    rc_chan_send(t.done, &(bool){true});
}

static void doit(rc_chan *queue, rc_func f, void *arg)
{
    rc_chan *done = rc_chan_make(sizeof(bool), 1);
    rc_chan_send(queue, &(task){ f, arg, done });
    rc_chan_recv(done, NULL);
}

static void set_x(void *arg) { *(int *)arg = 1; }

int main(void)
{
    rc_chan *queue = rc_chan_make(sizeof(task), 0);
    rc_go(consumer, queue);
    int x = 0;
    doit(queue, set_x, &x);
    wait_others();
    return 0;
}
