// Port of Go's TestRaceForTest (runtime/race/testdata/mop_test.go): the loop condition
// reads stop, which the goroutine writes after each receive: a receive from an
// unbuffered channel orders the receiver after the send began, not the sender's next
// read after the receiver's write.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:r}}
// STDERR-ANY: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { bool stop; rc_chan *c, *done; } env;

static void worker(void *arg)
{
    env *e = arg;
    for (;;) {
        bool ok = rc_chan_recv(e->c, NULL);
        if (!ok) {
            rc_chan_send(e->done, &(bool){true});
            return;
        }
        e->stop = true; // @w
    }
}

int main(void)
{
    env e = { false, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    while (!e.stop) // @r
        rc_chan_send(e.c, &(bool){true});
    rc_chan_close(e.c);
    rc_chan_recv(e.done, NULL);
    return 0;
}
