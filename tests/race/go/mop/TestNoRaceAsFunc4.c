// Port of Go's TestNoRaceAsFunc4 (runtime/race/testdata/mop_test.go): x is written with
// the result of a literal that locks the mutex, so the write is inside the critical
// section.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { rc_mutex mu; int64_t x; rc_chan *c; } env;

static int64_t lock42(rc_mutex *mu)
{
    rc_mutex_lock(mu);
    return 42;
}

static void worker(void *arg)
{
    env *e = arg;
    e->x = lock42(&e->mu);
    rc_mutex_unlock(&e->mu);
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    rc_mutex_lock(&e.mu);
    e.x = 42;
    rc_mutex_unlock(&e.mu);
    rc_chan_recv(e.c, NULL);
    return 0;
}
