// Port of Go's TestNoRaceAddrExpr (runtime/race/testdata/mop_test.go): taking the
// address of x does not access x. The address is kept in a volatile (Go: _ = &x).
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int64_t x; rc_chan *c; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 42;
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    int64_t *volatile p = &e.x;
    (void)p;
    rc_chan_recv(e.c, NULL);
    return 0;
}
