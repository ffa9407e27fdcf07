// Port of Go's TestNoRaceCond (runtime/race/testdata/sync_test.go): a condition set under
// the mutex and waited for with Cond.Wait orders the writes around it.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int x, condition; rc_mutex mu; rc_cond cond; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->x = 1;
    rc_mutex_lock(&e->mu);
    e->condition = 1;
    rc_cond_signal(&e->cond);
    rc_mutex_unlock(&e->mu);
}

int main(void)
{
    env e = { 0 };
    rc_cond_init(&e.cond, &e.mu);
    rc_go(worker, &e);
    rc_mutex_lock(&e.mu);
    while (e.condition != 1)
        rc_cond_wait(&e.cond);
    rc_mutex_unlock(&e.mu);
    e.x = 2;
    wait_others();
    return 0;
}
