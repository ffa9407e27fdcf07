// Port of Go's TestRaceCond (runtime/race/testdata/sync_test.go): the signaller's write
// of x under the mutex races with main's write after the Cond.Wait loop, made without it.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { rc_chan *done; rc_mutex mu; rc_cond cond; int x, condition; } env;

static void worker(void *arg)
{
    env *e = arg;
    rc_sleep(10 * RC_MILLISECOND); /* enter the cond.Wait loop */
    e->x = 1;
    rc_mutex_lock(&e->mu);
    e->condition = 1;
    rc_cond_signal(&e->cond);
    rc_mutex_unlock(&e->mu);
    rc_sleep(10 * RC_MILLISECOND); /* exit the cond.Wait loop */
    rc_mutex_lock(&e->mu);
    e->x = 3; // @w
    rc_mutex_unlock(&e->mu);
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { .done = rc_chan_make(sizeof(bool), 0) };
    rc_cond_init(&e.cond, &e.mu);
    rc_go(worker, &e);
    rc_mutex_lock(&e.mu);
    while (e.condition != 1)
        rc_cond_wait(&e.cond);
    rc_mutex_unlock(&e.mu);
    e.x = 2;
    rc_chan_recv(e.done, NULL);
    return 0;
}
