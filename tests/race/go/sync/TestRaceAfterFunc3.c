// Port of Go's TestRaceAfterFunc3 (runtime/race/testdata/sync_test.go): two AfterFuncs
// firing at different times are not ordered with each other.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:w}}
#include "../gotest.h"

typedef struct { int x; rc_chan *c; } env;

static void f1(void *arg)
{
    env *e = arg;
    e->x = 1; // @w
    rc_chan_send(e->c, &(bool){true});
}

static void f2(void *arg)
{
    env *e = arg;
    e->x = 2;
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 2) };
    rc_timer_after_func(10 * RC_MILLISECOND, f1, &e);
    rc_timer_after_func(20 * RC_MILLISECOND, f2, &e);
    rc_chan_recv(e.c, NULL);
    rc_chan_recv(e.c, NULL);
    return 0;
}
