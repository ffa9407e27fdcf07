// Port of Go's TestRaceMutexOverwrite (runtime/race/testdata/mutex_test.go): overwriting
// a mutex races with locking it (Lock accesses the mutex's state).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { rc_chan *c; rc_mutex mu; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->mu = (rc_mutex){0}; // @w
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    rc_mutex_lock(&e.mu);
    rc_chan_recv(e.c, NULL);
    return 0;
}
