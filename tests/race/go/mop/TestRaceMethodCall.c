// Port of Go's TestRaceMethodCall (runtime/race/testdata/mop_test.go): the argument of
// a method call (value receiver, not inlined) reads x, which the goroutine writes.
// Foo ignores its argument; it is volatile so that C's optimiser keeps the caller's read.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t x, y; } InterImpl;
typedef struct { int64_t x; rc_chan *c; } env;

static __attribute__((noinline)) void InterImpl_Foo(InterImpl p, volatile int64_t x) {}

static void worker(void *arg)
{
    env *e = arg;
    e->x = 42; // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    InterImpl i = { 0, 0 };
    rc_go(worker, &e);
    InterImpl_Foo(i, e.x); // @main
    rc_chan_recv(e.c, NULL);
    return 0;
}
