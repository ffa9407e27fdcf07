// Port of Go's TestRaceHeapParam (runtime/race/testdata/mop_test.go): the named result
// x is captured by a goroutine, so Go moves it to the heap; the return reads it while
// the goroutine writes it. The caller's copy is volatile (Go: _ = x).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:ret}}
#include "../gotest.h"
#include <stdlib.h>

typedef struct { int64_t *x; rc_chan *done; } arg;

static void worker(void *v)
{
    const arg *a = v;
    *a->x = 42; // @g
    rc_chan_send(a->done, &(bool){true});
}

static int64_t f(rc_chan *done)
{
    int64_t *x = calloc(1, sizeof *x);
    if (!x)
        abort();
    rc_go_copy(worker, &(arg){ x, done }, sizeof(arg));
    return *x; // @ret
}

int main(void)
{
    rc_chan *done = rc_chan_make(sizeof(bool), 0);
    volatile int64_t x = f(done);
    (void)x;
    rc_chan_recv(done, NULL);
    return 0;
}
