// Port of Go's TestRaceMethodCall2 (runtime/race/testdata/mop_test.go): calling a
// value-receiver method through the pointer i reads i, which the goroutine assigns. Foo
// ignores its receiver; it copies it to a volatile so that C's optimiser keeps the
// caller's reads (a volatile struct parameter is not enough: clang drops the call).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <stdlib.h>

typedef struct { int64_t x, y; } InterImpl;
typedef struct { InterImpl *i; rc_chan *c; } env;

static __attribute__((noinline)) void InterImpl_Foo(InterImpl p, int64_t x)
{
    volatile InterImpl keep = p;
    (void)keep;
}

static void worker(void *arg)
{
    env *e = arg;
    e->i = calloc(1, sizeof(InterImpl)); // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { calloc(1, sizeof(InterImpl)), rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    InterImpl_Foo(*e.i, 0); // @main
    rc_chan_recv(e.c, NULL);
    return 0;
}
