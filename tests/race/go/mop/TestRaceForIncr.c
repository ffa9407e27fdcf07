// Port of Go's TestRaceForIncr (runtime/race/testdata/mop_test.go): the loop's post
// statement x++ runs after each send, concurrently with the goroutine's x++ after the
// matching receive.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:main}}
// STDERR-ANY: {{FILE}}:{{LINE:worker}}
#include "../gotest.h"

typedef struct { int64_t x; rc_chan *c, *done; } env;

static void worker(void *arg)
{
    env *e = arg;
    for (;;) {
        bool ok = rc_chan_recv(e->c, NULL);
        if (!ok) {
            rc_chan_send(e->done, &(bool){true});
            return;
        }
        e->x++; // @worker
    }
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    for (int i = 0; i < 10; e.x++) { // @main
        i++;
        rc_chan_send(e.c, &(bool){true});
    }
    rc_chan_close(e.c);
    rc_chan_recv(e.done, NULL);
    return 0;
}
