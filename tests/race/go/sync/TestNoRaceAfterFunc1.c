// Port of Go's TestNoRaceAfterFunc1 (runtime/race/testdata/sync_test.go): arming a timer
// happens before its function runs, so a chain of AfterFuncs may share i.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"

typedef struct { int i; rc_chan *c; } env;

static void f(void *arg)
{
    env *e = arg;
    e->i--;
    if (e->i >= 0)
        rc_timer_after_func(0, f, e);
    else
        rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { 2, rc_chan_make(sizeof(bool), 0) };
    rc_timer_after_func(0, f, &e);
    rc_chan_recv(e.c, NULL);
    return 0;
}
