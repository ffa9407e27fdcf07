// Port of Go's TestRaceForInit (runtime/race/testdata/mop_test.go): the init statement
// of a for loop whose body never runs writes x, which races with the goroutine's read.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:r}}
// STDERR-ANY: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int64_t x; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    int64_t v = e->x; // @r
    rc_chan_send(e->c, &v);
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(int64_t), 0) };
    rc_go(worker, &e);
    for (e.x = 42; false;) // @w
        ;
    rc_chan_recv(e.c, NULL);
    return 0;
}
