// Port of Go's TestRaceBlockCall2 (runtime/race/testdata/mop_test.go): the goroutine
// assigns both results of a call, x, y = f(); main reads y meanwhile. After the receive
// main checks both values (Go panics with "corrupted data").
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
// STDERR-NOT: corrupted data
#include "../gotest.h"

typedef struct { int64_t x; int64_t y; rc_chan *done; } env;
typedef struct { int64_t a; int64_t b; } results; /* Go: (int, int) */

static results f(void)
{
    return (results){ 42, 43 };
}

static void worker(void *arg)
{
    env *e = arg;
    results r = f();
    e->x = r.a, e->y = r.b; /* Go: x, y = f() */ // @g
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { .done = rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    volatile int64_t r = e.y; /* Go: _ = y */ // @main
    (void)r;
    rc_chan_recv(e.done, NULL);
    if (e.x != 42 || e.y != 43)
        rc_panic("corrupted data");
    return 0;
}
