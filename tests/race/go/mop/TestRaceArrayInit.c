// Port of Go's TestRaceArrayInit (runtime/race/testdata/mop_test.go): the slice literal
// []int{0, y, 42} reads y, which the goroutine writes. The slice is kept in a volatile
// (Go: _ = x) so that C's optimiser keeps the literal's read, as Go's race build does.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t *array; int64_t len, cap; } ints;
typedef struct { int64_t y; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->y = 42; // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    volatile ints x = { (int64_t[]){ 0, e.y, 42 }, 3, 3 }; // @main
    (void)x;
    rc_chan_recv(e.c, NULL);
    return 0;
}
