// Port of Go's TestRaceDeferArg2 (runtime/race/testdata/mop_test.go): `defer x.Foo()`
// evaluates the value receiver x at once, reading x, which the goroutine assigns. As in
// TestRaceDeferArg, the receiver is evaluated into a volatile at the defer and the
// deferred call runs where the function returns.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:defer}}
#include "../gotest.h"

typedef int64_t DeferT;
typedef struct { DeferT x; rc_chan *c; } env;

static void DeferT_Foo(DeferT d) {}

static void worker(void *arg)
{
    env *e = arg;
    DeferT y = 0;
    e->x = y; // @g
    rc_chan_send(e->c, &(bool){true});
}

static void inner(env *e)
{
    volatile DeferT recv = e->x; /* defer x.Foo() */ // @defer
    DeferT_Foo(recv);
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    inner(&e);
    rc_chan_recv(e.c, NULL);
    return 0;
}
