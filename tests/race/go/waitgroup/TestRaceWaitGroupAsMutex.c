// Port of Go's TestRaceWaitGroupAsMutex (runtime/race/testdata/waitgroup_test.go):
// Add(+1) / Add(-1) around a write is not a lock.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int x; rc_waitgroup wg; rc_chan *c; } env;

static void first(void *arg)
{
    env *e = arg;
    rc_waitgroup_wait(&e->wg);
    rc_sleep(100 * RC_MILLISECOND);
    rc_waitgroup_add(&e->wg, +1);
    e->x = 1; // @w
    rc_waitgroup_add(&e->wg, -1);
    rc_chan_send(e->c, &(bool){true});
}

static void second(void *arg)
{
    env *e = arg;
    rc_waitgroup_wait(&e->wg);
    rc_sleep(100 * RC_MILLISECOND);
    rc_waitgroup_add(&e->wg, +1);
    e->x = 2;
    rc_waitgroup_add(&e->wg, -1);
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { .c = rc_chan_make(sizeof(bool), 2) };
    rc_go(first, &e);
    rc_go(second, &e);
    rc_chan_recv(e.c, NULL);
    rc_chan_recv(e.c, NULL);
    return 0;
}
