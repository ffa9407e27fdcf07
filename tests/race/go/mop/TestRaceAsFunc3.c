// Port of Go's TestRaceAsFunc3 (runtime/race/testdata/mop_test.go): the argument x is
// read before the called literal locks the mutex, so the read is outside the critical
// section that orders main's write. The literal ignores its parameter; it is volatile
// so that C's optimiser keeps the caller's read. One P, so that main's critical section
// runs first (as it usually does in Go): the goroutine takes the mutex after main's
// Unlock, which orders nothing before its Lock.
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { rc_mutex mu; int64_t x; rc_chan *c; } env;

static void literal(volatile int64_t x, rc_mutex *mu)
{
    rc_mutex_lock(mu);
}

static void worker(void *arg)
{
    env *e = arg;
    literal(e->x, &e->mu); // @g
    rc_mutex_unlock(&e->mu);
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    rc_mutex_lock(&e.mu);
    e.x = 42; // @main
    rc_mutex_unlock(&e.mu);
    rc_chan_recv(e.c, NULL);
    return 0;
}
