// Port of Go's TestNoRaceForInit (runtime/race/testdata/mop_test.go): the loop's init
// writes x before the first send, which the goroutine receives before its x++.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: x=52
#include "../gotest.h"
#include <stdio.h>

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
        e->x++;
    }
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 0), rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    int i = 0;
    for (e.x = 42; i < 10; i++)
        rc_chan_send(e.c, &(bool){true});
    rc_chan_close(e.c);
    rc_chan_recv(e.done, NULL);
    printf("x=%lld\n", (long long)e.x);
    return 0;
}
